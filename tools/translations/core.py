T = {
    "Balek Dusun": "Balek Dusun",
    "Core": "Inti",
    "Username or password is wrong.": "Nama pengguna atau kata sandi salah.",
    "Device or script name": "Nama perangkat atau skrip",
    "Valid for (days, empty = no expiry)": "Berlaku (hari, kosong = tanpa batas)",
    "name": "nama", "short name": "nama singkat", "jurisdiction (area codes)": "wilayah kerja (kode wilayah)",
    "address": "alamat", "hotline phone": "nomor hotline", "hotline name": "nama hotline",
    "WhatsApp number": "nomor WhatsApp", "e-mail": "surel", "office": "kantor", "offices": "kantor",
    "Unknown area codes: %(codes)s": "Kode wilayah tidak dikenal: %(codes)s",
    "role": "peran", "village": "desa", "phone": "telepon", "user": "pengguna", "users": "pengguna",
    "Every user except a national administrator belongs to an office.":
        "Setiap pengguna kecuali administrator nasional harus terhubung ke satu kantor.",
    "A village official must be linked to one village.": "Aparat desa harus terhubung ke satu desa.",
    "Choose a village (desa/kelurahan), not a larger area.": "Pilih desa/kelurahan, bukan wilayah yang lebih besar.",
    "The village lies outside the office's jurisdiction.": "Desa ini berada di luar wilayah kerja kantor.",
    "Only village officials are linked to a village.": "Hanya aparat desa yang terhubung ke desa.",
    "expires at": "berlaku sampai", "audit entry": "catatan audit", "audit log": "log audit",
    "Home": "Beranda", "Audit log": "Log audit",
    "National administrator": "Administrator nasional", "Head of office": "Kepala kantor",
    "Coordinator": "Koordinator", "Field officer": "Petugas lapangan", "Village official": "Aparat desa",
    "Viewer": "Pemantau", "Skip to content": "Langsung ke isi", "Menu": "Menu", "Main": "Utama",
    "Tokens": "Token", "Password": "Sandi", "Sign out": "Keluar", "Hotline": "Hotline", "Pages": "Halaman",
    "Previous": "Sebelumnya", "Page %(n)s of %(total)s": "Halaman %(n)s dari %(total)s", "Next": "Berikutnya",
    "Action starts with": "Aksi diawali", "Filter": "Filter", "Time": "Waktu", "Who": "Siapa", "Action": "Aksi",
    "Record": "Data", "Area": "Wilayah", "Nothing logged yet.": "Belum ada catatan.",
    "Welcome, %(name)s": "Selamat datang, %(name)s",
    "All offices (national administrator)": "Semua kantor (administrator nasional)",
    "Sign in": "Masuk", "No office": "Belum ada kantor", "Change password": "Ganti sandi", "Save": "Simpan",
    "Password changed": "Kata sandi sudah diganti", "Back to home": "Kembali ke beranda", "API tokens": "Token API",
    "A token lets a phone or a script use the API as you. It is shown only once.":
        "Token memungkinkan ponsel atau skrip memakai API atas nama Anda. Token hanya ditampilkan sekali.",
    "New token (copy it now):": "Token baru (salin sekarang):", "Create token": "Buat token", "Name": "Nama",
    "Starts with": "Diawali", "Created": "Dibuat", "Expires": "Berlaku sampai", "Last used": "Terakhir dipakai",
    "Status": "Status", "revoked": "dicabut", "active": "aktif", "expired": "kedaluwarsa", "Revoke": "Cabut",
    "No tokens yet.": "Belum ada token.", "Your role does not allow this.": "Peran Anda tidak mengizinkan ini.",
    "Your account is not linked to an office yet. Ask your office head or a national administrator to assign you "
    "to one.": "Akun Anda belum terhubung ke kantor. Minta kepala kantor atau administrator nasional untuk "
    "menghubungkannya.",
    "Bahasa Indonesia": "Bahasa Indonesia", "English": "English",
    "Province": "Provinsi", "Regency/city": "Kabupaten/kota", "District": "Kecamatan", "Village": "Desa",
    "Desa": "Desa", "Kelurahan": "Kelurahan", "Desa adat": "Desa adat", "code": "kode", "level": "tingkat",
    "type": "jenis", "postal code": "kode pos", "area": "wilayah", "areas": "wilayah", "alias": "alias",
    "area alias": "alias wilayah", "area aliases": "alias wilayah", "Provinsi": "Provinsi", "Kec.": "Kec.",
    "Kel.": "Kel.",
    "No area matches “%(value)s”.": "Tidak ada wilayah yang cocok dengan “%(value)s”.",
    "“%(value)s” matches several areas: %(options)s. Type the code or pick from the list.":
        "“%(value)s” cocok dengan beberapa wilayah: %(options)s. Ketik kodenya atau pilih dari daftar.",
    "Choose a %(level)s.": "Pilih %(level)s.", "%(area)s is outside your jurisdiction.":
        "%(area)s berada di luar wilayah kerja Anda.",
    "At least 10 characters. Leave empty to keep the current password.":
        "Minimal 10 karakter. Kosongkan untuk tetap memakai kata sandi sekarang.",
    "At least 10 characters.": "Minimal 10 karakter.", "Cancel": "Batal", "Role": "Peran", "Users": "Pengguna",
    "New user": "Pengguna baru", "Username": "Nama pengguna", "Office": "Kantor",
    "inactive": "nonaktif", "Saved %(name)s.": "%(name)s tersimpan.", "Initial password": "Kata sandi awal",
    "Village (village officials only)": "Desa (khusus aparat desa)",
    "The form has expired": "Formulir sudah kedaluwarsa",
    "For your safety a form can only be sent for a limited time, and with cookies allowed. Go back, reload the "
    "page and send it again. What you typed may need to be entered again.":
        "Demi keamanan, formulir hanya bisa dikirim dalam waktu terbatas dan dengan cookie diizinkan. Kembali, muat "
        "ulang halaman, lalu kirim lagi. Isian Anda mungkin perlu diketik ulang.",
    "Back to the form": "Kembali ke formulir", "Portal home": "Beranda portal",
    "Too many failed sign-ins. Try again after %(time)s.":
        "Terlalu banyak percobaan masuk yang salah. Coba lagi setelah pukul %(time)s.",
    # Error pages (core/errors.py)
    "The request could not be read": "Permintaan tidak dapat dibaca",
    "The address or the form sent was incomplete or damaged. Go back and try again; if it happens again, start "
    "from the home page.":
        "Alamat atau formulir yang dikirim tidak lengkap atau rusak. Kembali dan coba lagi; bila terjadi lagi, "
        "mulai dari beranda.",
    "You may not open this page": "Anda tidak boleh membuka halaman ini",
    "Your account's role or area does not include this page. If you need it for your work, ask your coordinator "
    "or office head to change your access.":
        "Peran atau wilayah akun Anda tidak mencakup halaman ini. Bila Anda memerlukannya untuk pekerjaan, minta "
        "koordinator atau kepala kantor mengubah akses Anda.",
    "We could not find this page": "Halaman tidak ditemukan",
    "This page does not exist or is no longer published. Job openings close and pages move; start again from the "
    "home page.":
        "Halaman ini tidak ada atau tidak lagi diterbitkan. Lowongan bisa ditutup dan halaman bisa pindah; mulai "
        "lagi dari beranda.",
    "This page does not exist, or what it showed was removed or lies outside your area. Check the address, or go "
    "back and choose from the menu.":
        "Halaman ini tidak ada, atau isinya sudah dihapus atau berada di luar wilayah Anda. Periksa alamatnya, "
        "atau kembali dan pilih dari menu.",
    "Go back": "Kembali", "To my home page": "Ke beranda saya", "Public portal": "Portal publik",
    "Error %(status)s": "Galat %(status)s", "Error 500": "Galat 500",
    "Something went wrong": "Terjadi kesalahan",
    "The server could not finish this page. It is not your fault, and the team has been told. Wait a minute and "
    "try again.":
        "Server tidak dapat menyelesaikan halaman ini. Ini bukan kesalahan Anda, dan tim sudah diberi tahu. Tunggu "
        "sebentar lalu coba lagi.",
    "If you need help now, call the free hotline.": "Bila Anda perlu bantuan sekarang, hubungi hotline gratis.",
    "Data you had saved before is safe. What you were sending on this page may not have been saved: check it "
    "before entering it again. Visits recorded in the field app stay on the phone until they are synced.":
        "Data yang sudah tersimpan sebelumnya aman. Yang sedang Anda kirim di halaman ini mungkin belum tersimpan: "
        "periksa dulu sebelum mengisinya lagi. Kunjungan yang dicatat di aplikasi lapangan tetap di ponsel sampai "
        "disinkronkan.",
    "National hotline (24 hours, free):": "Hotline nasional (24 jam, gratis):",
    # Menu groups (core/nav.py) and the home page (core/home.py)
    "Planning": "Perencanaan", "Field work": "Lapangan", "Materials and stickers": "Materi dan stiker",
    "Follow-up": "Tindak lanjut", "Reports": "Laporan", "Administration": "Administrasi", "More": "Lainnya",
    "Nothing to do here today. Choose a task from the menu.":
        "Tidak ada pekerjaan di sini hari ini. Pilih tugas dari menu.",
    "city (place of signing)": "kota (tempat penandatanganan)", "NIP (civil servant number)": "NIP",
    "A NIP has 18 digits.": "NIP terdiri dari 18 angka.",
    # API errors (core/apierrors.py)
    "Your session has ended; sign in again.": "Sesi berakhir, masuk lagi.",
    "This sign-in was withdrawn; sign in again.": "Izin masuk ini sudah dicabut; masuk lagi.",
    "This sign-in is not valid; sign in again.": "Izin masuk ini tidak berlaku; masuk lagi.",
    "Sign in first.": "Masuk terlebih dahulu.",
    "The page expired; reload it and try again.": "Halaman kedaluwarsa; muat ulang lalu coba lagi.",
    "Not found.": "Tidak ditemukan.",
    "This method is not allowed here.": "Metode ini tidak diizinkan di sini.",
    "You may not do this.": "Anda tidak boleh melakukan ini.",
    "The request could not be read.": "Permintaan tidak dapat dibaca.",
    "The request is too large.": "Permintaan terlalu besar.",
    "The server could not answer; try again later. Nothing was stored from this request.":
        "Server tidak dapat menjawab; coba lagi nanti. Tidak ada yang disimpan dari permintaan ini.",
    "The request was refused.": "Permintaan ditolak.",
    "Must be a number.": "Harus berupa angka.",
    "Must be a whole number.": "Harus berupa bilangan bulat.",
    "Must be a date and time with its time zone, e.g. 2023-12-07T09:30:00+07:00.":
        "Harus berupa tanggal dan jam dengan zona waktu, misalnya 2023-12-07T09:30:00+07:00.",
    "Must be a date, e.g. 2023-12-07.": "Harus berupa tanggal, misalnya 2023-12-07.",
    "Must be an object.": "Harus berupa objek.",
    "Required.": "Wajib diisi.",
    "Unknown field.": "Isian tidak dikenal.",
    "Must be a finite number.": "Harus berupa angka yang terhingga.",
    "Must be true or false.": "Harus true (ya) atau false (tidak).",
    "Must be text.": "Harus berupa teks.",
    "Must be valid text.": "Harus berupa teks yang sah.",
    "Too short: at least %(min_length)s characters.": "Terlalu pendek: paling sedikit %(min_length)s karakter.",
    "Too long: at most %(max_length)s characters.": "Terlalu panjang: paling banyak %(max_length)s karakter.",
    "Not in the expected format.": "Formatnya tidak sesuai.",
    "Not one of the allowed values.": "Bukan salah satu nilai yang diizinkan.",
    "Must be greater than %(gt)s.": "Harus lebih dari %(gt)s.",
    "Must be %(ge)s or more.": "Paling sedikit %(ge)s.",
    "Must be less than %(lt)s.": "Harus kurang dari %(lt)s.",
    "Must be %(le)s or less.": "Paling banyak %(le)s.",
    "Must be a list.": "Harus berupa daftar.",
    "Too few items: at least %(min_length)s.": "Terlalu sedikit: paling sedikit %(min_length)s butir.",
    "Too many items: at most %(max_length)s.": "Terlalu banyak: paling banyak %(max_length)s butir.",
    "Must be a UUID.": "Harus berupa UUID.",
    "Not valid JSON.": "Bukan JSON yang sah.",
    "Nested too deeply.": "Bertingkat terlalu dalam.",
    "Invalid value.": "Nilai tidak valid.",
    "Must be between %(low)s and %(high)s.": "Harus antara %(low)s dan %(high)s.",
    "Must be one of: %(values)s.": "Harus salah satu dari: %(values)s.",
    "Too many requests; wait a moment and try again.": "Terlalu banyak permintaan; tunggu sebentar lalu coba lagi.",
    "Some fields are not valid.": "Beberapa isian tidak valid.",
    "The request body is not valid JSON.": "Isi permintaan bukan JSON yang sah.",
    "Must not contain NUL characters.": "Tidak boleh berisi karakter NUL.",
    # Two-step sign-in (core/twofactor.py) and shared counters.
    "rate counter": "penghitung batas", "rate counters": "penghitung batas",
    "Two-step sign-in": "Masuk dua langkah",
    "Set up two-step sign-in": "Siapkan masuk dua langkah",
    "Your role protects the personal data of many families, so after your password you also enter a code from an authenticator app on your phone.":
        "Peran Anda menjaga data pribadi banyak keluarga, jadi setelah kata sandi Anda juga memasukkan kode dari "
        "aplikasi autentikator di ponsel Anda.",
    "After your password you will also enter a code from an authenticator app on your phone.":
        "Setelah kata sandi, Anda juga akan memasukkan kode dari aplikasi autentikator di ponsel Anda.",
    "Install an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or FreeOTP).":
        "Pasang aplikasi autentikator di ponsel Anda (misalnya Google Authenticator, Microsoft Authenticator atau "
        "FreeOTP).",
    "In the app, add an account and scan this QR code.": "Di aplikasi, tambahkan akun lalu pindai kode QR ini.",
    "QR code to scan with the authenticator app": "Kode QR untuk dipindai dengan aplikasi autentikator",
    "Cannot scan? Type this key into the app instead:": "Tidak bisa memindai? Ketik kunci ini di aplikasi:",
    "Enter the 6 digits the app now shows for Balek Dusun.":
        "Masukkan 6 angka yang sekarang ditampilkan aplikasi untuk Balek Dusun.",
    "Turn on": "Aktifkan",
    "Open the authenticator app on your phone and enter the 6 digits it shows for Balek Dusun. Lost your phone? Enter one of your recovery codes instead, or ask your head of office to reset your two-step sign-in.":
        "Buka aplikasi autentikator di ponsel Anda dan masukkan 6 angka yang ditampilkannya untuk Balek Dusun. "
        "Ponsel hilang? Masukkan salah satu kode pemulihan Anda, atau minta kepala kantor mengatur ulang masuk dua "
        "langkah Anda.",
    "Confirm": "Konfirmasi",
    "Recovery codes": "Kode pemulihan",
    "These codes are shown only now.": "Kode ini hanya ditampilkan sekarang.",
    "Print them or write them down and keep them somewhere safe, away from your phone. Each code works once, in place of the code from the app, if you lose your phone.":
        "Cetak atau catat dan simpan di tempat aman, terpisah dari ponsel Anda. Setiap kode berlaku sekali, "
        "sebagai pengganti kode dari aplikasi, bila ponsel Anda hilang.",
    "To print: use your browser's Print command (Ctrl+P); only the codes are printed.":
        "Untuk mencetak: gunakan perintah Cetak di peramban (Ctrl+P); hanya kode yang tercetak.",
    "I have kept my codes, continue": "Saya sudah menyimpan kode saya, lanjutkan",
    "Your role signs in with a password only; two-step sign-in is not needed.":
        "Peran Anda masuk dengan kata sandi saja; masuk dua langkah tidak diperlukan.",
    "Two-step sign-in is on: after your password you enter the code from your authenticator app.":
        "Masuk dua langkah aktif: setelah kata sandi Anda memasukkan kode dari aplikasi autentikator.",
    "You have %(counter)s unused recovery code.": ("Anda memiliki %(counter)s kode pemulihan yang belum dipakai.",),
    "New recovery codes replace all the old ones.": "Kode pemulihan baru menggantikan semua kode lama.",
    "Make new recovery codes": "Buat kode pemulihan baru",
    "A new phone? Ask your head of office to reset your two-step sign-in, then set it up again at your next sign-in.":
        "Ponsel baru? Minta kepala kantor mengatur ulang masuk dua langkah Anda, lalu siapkan lagi saat masuk "
        "berikutnya.",
    "On. If this user lost their phone and their recovery codes, reset it: they set it up again at their next sign-in.":
        "Aktif. Bila pengguna ini kehilangan ponsel dan kode pemulihannya, atur ulang: ia menyiapkannya lagi saat "
        "masuk berikutnya.",
    "Reset two-step sign-in": "Atur ulang masuk dua langkah",
    "Confirm your sign-in with the code from your authenticator app first.":
        "Konfirmasi dulu proses masuk Anda dengan kode dari aplikasi autentikator.",
    "Code": "Kode",
    "The 6 digits your authenticator app shows now, or one of your recovery codes.":
        "6 angka yang sekarang ditampilkan aplikasi autentikator Anda, atau salah satu kode pemulihan Anda.",
    "Code from the app": "Kode dari aplikasi",
    "The 6 digits the app shows for Balek Dusun.": "6 angka yang ditampilkan aplikasi untuk Balek Dusun.",
    "Enter the 6 digits the app shows.": "Masukkan 6 angka yang ditampilkan aplikasi.",
    "Authenticator app": "Aplikasi autentikator",
    "This code does not match. Check the time on your phone and enter the code the app shows now.":
        "Kode ini tidak cocok. Periksa jam di ponsel Anda dan masukkan kode yang sekarang ditampilkan aplikasi.",
    "This code is not right, or was used already.": "Kode ini salah atau sudah dipakai.",
    "You signed in with a recovery code; %(left)s are left. Make new ones under Two-step sign-in.":
        "Anda masuk dengan kode pemulihan; tersisa %(left)s. Buat kode baru di menu Masuk dua langkah.",
    "Two-step sign-in of %(name)s is off; they set it up again at their next sign-in.":
        "Masuk dua langkah %(name)s dinonaktifkan; ia menyiapkannya lagi saat masuk berikutnya.",
    # Audit actions in words (core/auditwords.py)
    "Agency added": "Perusahaan (P3MI) ditambahkan", "Agency removed": "Perusahaan (P3MI) dihapus",
    "Agency list imported": "Daftar perusahaan (P3MI) diimpor", "Area alias added": "Nama lain wilayah ditambahkan",
    "Unfound area search set aside": "Pencarian wilayah yang tidak ditemukan disisihkan",
    "Recovery code used": "Kode pemulihan dipakai", "Recovery codes renewed": "Kode pemulihan diperbarui",
    "Two-step sign-in turned on": "Masuk dua langkah diaktifkan",
    "Two-step sign-in reset": "Masuk dua langkah diatur ulang",
    "Campaign changed": "Kampanye diubah", "Case assigned": "Kasus ditugaskan",
    "Case attachment added": "Lampiran kasus ditambahkan", "Case attachment opened": "Lampiran kasus dibuka",
    "Call logged on a case": "Panggilan dicatat pada kasus", "Case details changed": "Rincian kasus diubah",
    "Case deadline changed": "Tenggat kasus diubah", "Note added to a case": "Catatan ditambahkan pada kasus",
    "New case opened": "Kasus baru dibuka", "Case reminders sent": "Pengingat kasus dikirim",
    "Case status changed": "Status kasus diubah",
    "Digest of unassigned cases sent": "Ringkasan kasus tanpa petugas dikirim",
    "Case viewed": "Kasus dilihat", "Data exported": "Data diekspor", "Household added": "Rumah tangga ditambahkan",
    "Household viewed": "Data rumah tangga dibuka", "Household list imported": "Daftar rumah tangga diimpor",
    "Information page created": "Halaman informasi dibuat", "Job opening added": "Lowongan ditambahkan", "Job opening changed": "Lowongan diubah",
    "Agency changed": "Perusahaan (P3MI) diubah", "Campaign created": "Kampanye dibuat",
    "Information page changed": "Halaman informasi diubah", "Material added": "Materi ditambahkan",
    "Outreach day planned": "Kegiatan direncanakan", "User account changed": "Akun pengguna diubah",
    "Background job file downloaded": "Berkas pekerjaan latar diunduh",
    "Job openings imported": "Lowongan kerja diimpor",
    "Background job retried": "Pekerjaan latar diulang", "Background job started": "Pekerjaan latar dimulai",
    "Material changed": "Materi diubah", "New material version": "Versi baru materi",
    "Migration figures imported": "Angka penempatan PMI diimpor",
    "Outreach day photo added": "Foto kegiatan ditambahkan", "Outreach day photo removed": "Foto kegiatan dihapus",
    "Outreach day status updated from its visits": "Status kegiatan diperbarui dari kunjungannya",
    "Outreach day changed": "Kegiatan diubah", "Outreach day viewed": "Hari kegiatan dibuka",
    "Personal data viewed": "Data pribadi dilihat", "Priority weights changed": "Bobot prioritas diubah",
    "Access log exported": "Log akses diekspor", "Breach letter printed": "Surat pemberitahuan kegagalan dicetak",
    "Data breach recorded": "Kegagalan pelindungan data dicatat",
    "Expired personal data removed": "Data pribadi yang habis masa simpannya dihapus",
    "Record of processing printed": "Catatan pemrosesan dicetak",
    "Data quality check run": "Pemeriksaan mutu data dijalankan",
    "Data quality finding reviewed": "Temuan mutu data ditinjau", "Activity report printed": "Laporan kegiatan dicetak",
    "Campaign report printed": "Laporan kampanye dicetak", "Data request answered": "Permintaan data dijawab",
    "Consent withdrawn at a resident's request": "Persetujuan ditarik atas permintaan warga",
    "Copy of a resident's data downloaded": "Salinan data warga diunduh",
    "Resident's data corrected": "Data warga dikoreksi", "Resident's data erased": "Data warga dihapus",
    "Data request refused": "Permintaan data ditolak", "Data request received": "Permintaan data diterima",
    "Data request verified": "Permintaan data diverifikasi", "Sticker batch created": "Batch stiker dibuat",
    "Sticker problem resolved": "Masalah stiker diselesaikan", "Stickers handed to a team": "Stiker diserahkan ke tim",
    "Sticker sheet printed": "Lembar stiker dicetak", "Sticker voided": "Stiker dibatalkan",
    "Stock adjusted": "Stok disesuaikan", "Stock issued to an officer": "Stok diserahkan ke petugas",
    "Stock recorded as lost": "Stok dicatat hilang", "Stock received": "Stok diterima",
    "Stock reconciliation signed off": "Rekonsiliasi stok disahkan", "Stock returned": "Stok dikembalikan",
    "Sync conflict resolved": "Konflik sinkronisasi diselesaikan",
    "New household without a usable turf": "Rumah baru tanpa wilayah jalan yang dapat dipakai",
    "Records sent from a phone": "Data dikirim dari ponsel", "Officer added to a team": "Petugas ditambahkan ke tim",
    "Officer removed from a team": "Petugas dikeluarkan dari tim", "Device token created": "Token perangkat dibuat",
    "Device token revoked": "Token perangkat dicabut",
    "Household added to a turf": "Rumah ditambahkan ke wilayah jalan",
    "Household moved to another turf": "Rumah dipindah ke wilayah jalan lain",
    "Turf officers set": "Petugas wilayah jalan ditetapkan", "Walk list reordered": "Urutan daftar kunjungan diubah",
    "Turfs drawn for an outreach day": "Wilayah jalan dibagi untuk kegiatan", "User account created": "Akun pengguna dibuat",
    "Visit replaced by the other version of a conflict": "Kunjungan diganti dengan versi lain dari konflik",
    "Cases": "Kasus", "Households": "Rumah tangga", "Residents' data requests": "Permintaan data warga",
    "Privacy and exports": "Privasi dan ekspor", "Visits and sync": "Kunjungan dan sinkronisasi",
    "Campaigns, outreach days and turfs": "Kampanye, kegiatan, dan wilayah jalan",
    "Materials, stock and stickers": "Materi, stok, dan stiker",
    "Portal: agencies, job openings and pages": "Portal: perusahaan, lowongan, dan halaman",
    "Background jobs": "Pekerjaan latar", "Accounts, sign-in and tokens": "Akun, masuk, dan token",
    "Other action": "Tindakan lain", "Kind of action": "Jenis tindakan", "All": "Semua",
}
