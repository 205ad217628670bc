T = {
    "licence valid until": "izin berlaku sampai",
    "closing date": "tanggal penutupan",
    'Plain text. Blank line: new paragraph. "- ": bullet. "1. ": numbered step. "## ": heading.':
        'Teks biasa. Baris kosong: paragraf baru. "- ": butir. "1. ": langkah bernomor. "## ": judul.',
    "Agency name or licence number": "Nama perusahaan atau nomor izin",
    "Country": "Negara", "All countries": "Semua negara", "Sector": "Sektor", "All sectors": "Semua sektor",
    "Still open on": "Masih dibuka pada",
    "I want information about working abroad legally": "Saya ingin informasi bekerja ke luar negeri secara resmi",
    "A family member abroad has a problem": "Keluarga saya di luar negeri mengalami masalah",
    "I want to report a broker or recruiter": "Saya ingin melaporkan calo atau perekrut",
    "Something else": "Hal lain",
    "What is it about?": "Tentang apa?",
    "What happened? How can we help?": "Apa yang terjadi? Apa yang bisa kami bantu?",
    "Your village (desa/kelurahan)": "Desa/kelurahan Anda",
    "The name of the village, e.g. Pematang Buluran.": "Nama desa, misalnya Pematang Buluran.",
    "Your name (optional)": "Nama Anda (boleh dikosongkan)",
    "Your phone or WhatsApp number (optional)": "Nomor telepon atau WhatsApp Anda (boleh dikosongkan)",
    "I agree that the BP3MI stores my name and number to contact me about this request, and for nothing else.":
        "Saya setuju BP3MI menyimpan nama dan nomor saya untuk menghubungi saya tentang permintaan ini, "
        "dan tidak untuk hal lain.",
    "Leave this empty": "Biarkan kosong",
    "This does not look like a phone number. Example: 0812-3456-7890.":
        "Ini tidak tampak seperti nomor telepon. Contoh: 0812-3456-7890.",
    "Tick this box if we may keep your name or number, or leave both empty.":
        "Centang kotak ini bila kami boleh menyimpan nama atau nomor Anda, atau kosongkan keduanya.",
    "Reference code": "Nomor referensi",
    "Last four digits of your phone number": "Empat angka terakhir nomor telepon Anda",
    "Enter exactly four digits.": "Isi tepat empat angka.",
    # Import messages of portal/imports.py; the reader's own (lib/tabular.py) are in campaigns.py.
    "Also on line %(other)d.": "Juga ada di baris %(other)d.",
    "This job order belongs to another office.": "Job order ini milik kantor lain.",
    "No agency with licence %(licence)s in the register.": "Tidak ada perusahaan dengan izin %(licence)s di daftar.",
    "Unknown office %(office)s.": "Kantor %(office)s tidak dikenal.",
    "More than %(max)d rows; at most %(max)d are imported at once. Split the file.":
        "Lebih dari %(max)d baris; paling banyak %(max)d baris sekali impor. Pecah berkasnya.",
    "More cells than columns in the header.": "Jumlah sel melebihi jumlah kolom pada judul.",
    "More problems were found; only the first ones are shown.":
        "Masih ada masalah lain; hanya yang pertama yang ditampilkan.",
    "File (.csv or .xlsx)": "Berkas (.csv atau .xlsx)",
    "Upload a .csv or .xlsx file.": "Unggah berkas .csv atau .xlsx.",
    "CSV (UTF-8; comma, semicolon or tab separated) or XLSX (the first sheet), with a header row.":
        "CSV (UTF-8; dipisah koma, titik koma atau tab) atau XLSX (lembar pertama), dengan baris judul.",
    "Saved.": "Tersimpan.", "Agency": "Perusahaan", "New agency": "Perusahaan baru",
    "This agency has job openings; withdraw them first, or mark the licence revoked.":
        "Perusahaan ini punya lowongan; tarik dulu lowongannya, atau tandai izinnya dicabut.",
    "Deleted.": "Terhapus.",
    "Imported: %(created)s new, %(updated)s updated.": "Diimpor: %(created)s baru, %(updated)s diperbarui.",
    "Import agencies": "Impor perusahaan", "Job opening": "Lowongan", "New job opening": "Lowongan baru",
    "Import job openings": "Impor lowongan", "Information page": "Halaman informasi",
    "New information page": "Halaman informasi baru",
    "Licensed": "Berizin", "Suspended": "Dibekukan", "Licence revoked": "Izin dicabut",
    "name": "nama", "licence number": "nomor izin", "status": "status", "city": "kota", "address": "alamat",
    "office phone": "telepon kantor", "note on the status": "catatan status",
    "Public. E.g. the decree that suspended or revoked the licence.":
        "Publik. Misalnya keputusan yang membekukan atau mencabut izin.",
    "agency": "perusahaan", "agencies": "perusahaan",
    "Enter the licence number.": "Isi nomor izin.",
    "Another agency already has this licence number.": "Perusahaan lain sudah memakai nomor izin ini.",
    "Malaysia": "Malaysia", "Hong Kong": "Hong Kong", "Taiwan": "Taiwan", "Japan": "Jepang",
    "South Korea": "Korea Selatan", "Singapore": "Singapura", "Saudi Arabia": "Arab Saudi",
    "Brunei Darussalam": "Brunei Darussalam", "United Arab Emirates": "Uni Emirat Arab", "Qatar": "Qatar",
    "Kuwait": "Kuwait", "Oman": "Oman", "Turkey": "Turki", "Italy": "Italia", "Germany": "Jerman",
    "Poland": "Polandia", "Netherlands": "Belanda", "Australia": "Australia", "New Zealand": "Selandia Baru",
    "United States": "Amerika Serikat",
    "Domestic worker": "Pekerja rumah tangga", "Caregiver": "Perawat lansia (caregiver)", "Plantation": "Perkebunan",
    "Agriculture": "Pertanian", "Fishing crew": "Awak kapal perikanan", "Manufacturing": "Manufaktur",
    "Construction": "Konstruksi", "Hotel and restaurant": "Hotel dan restoran",
    "Nursing and health care": "Perawat dan kesehatan", "Other": "Lainnya",
    "Through a licensed agency (P to P)": "Melalui perusahaan berizin (P to P)",
    "Government programme (G to G)": "Program pemerintah (G to G)",
    "Government to private employer (G to P)": "Pemerintah ke pemberi kerja swasta (G to P)",
    "Company sending its own staff (UKPS)": "Perusahaan menempatkan pekerjanya sendiri (UKPS)",
    "Draft": "Draf", "Published": "Terbit", "Withdrawn": "Ditarik",
    "job-order reference": "nomor job order",
    "The job order number as registered in SISKOP2MI.": "Nomor job order sesuai yang terdaftar di SISKOP2MI.",
    "office": "kantor",
    "The office that publishes it; empty for national openings.":
        "Kantor yang menerbitkan; kosongkan untuk lowongan nasional.",
    "position": "jabatan", "country": "negara", "sector": "sektor", "scheme": "skema", "employer": "pemberi kerja",
    "quota (workers)": "kuota (pekerja)", "salary from": "gaji dari", "salary up to": "gaji sampai",
    "currency": "mata uang", "Use a three-letter code, e.g. MYR.": "Pakai kode tiga huruf, misalnya MYR.",
    "requirements": "persyaratan", "costs the worker may be charged": "biaya yang boleh dibebankan kepada pekerja",
    "costs the worker may not be charged": "biaya yang tidak boleh dibebankan kepada pekerja",
    "job opening": "lowongan", "job openings": "lowongan",
    "The upper salary must not be below the lower one.": "Gaji tertinggi tidak boleh di bawah gaji terendah.",
    "An opening through an agency names the agency.": "Lowongan melalui perusahaan harus menyebut perusahaannya.",
    "Only openings of a licensed agency can be published.": "Hanya lowongan perusahaan berizin yang boleh terbit.",
    "The quota is at least one worker.": "Kuota paling sedikit satu pekerja.",
    "Legal procedure": "Prosedur resmi", "Placement schemes": "Skema penempatan", "Warning signs": "Tanda bahaya",
    "Costs": "Biaya", "Questions and answers": "Tanya jawab",
    "address (slug)": "alamat (slug)", "section": "bagian", "order": "urutan",
    "title (Indonesian)": "judul (Indonesia)", "title (English)": "judul (Inggris)",
    "summary (Indonesian)": "ringkasan (Indonesia)", "summary (English)": "ringkasan (Inggris)",
    "text (Indonesian)": "teks (Indonesia)", "text (English)": "teks (Inggris)", "published": "terbit",
    "information page": "halaman informasi", "information pages": "halaman informasi",
    "Job openings": "Lowongan kerja", "Agency register": "Daftar perusahaan", "Portal pages": "Halaman portal",
    "Hotline of %(name)s": "Hotline %(name)s", "Hotline": "Hotline", "Call": "Telepon",
    "National toll-free, 24 hours:": "Bebas pulsa nasional, 24 jam:", "from abroad": "dari luar negeri",
    "Check an agency": "Cek perusahaan",
    "Only licensed placement agencies (P3MI) may recruit workers for abroad. Type the company name or its licence number.":
        "Hanya perusahaan penempatan berizin (P3MI) yang boleh merekrut pekerja ke luar negeri. Ketik nama "
        "perusahaan atau nomor izinnya.",
    "Check": "Cek",
    "Too many searches from this connection. Please wait a while, or call the hotline.":
        "Terlalu banyak pencarian dari sambungan ini. Tunggu sebentar, atau hubungi hotline.",
    "Results for “%(query)s”": "Hasil untuk “%(query)s”",
    "Licence": "Izin",
    "May recruit. Still check that the job order is real and pay nothing without a receipt.":
        "Boleh merekrut. Tetap pastikan job order-nya asli dan jangan membayar apa pun tanpa kuitansi.",
    "Suspended: may not recruit new workers now. Do not sign or pay anything.":
        "Dibekukan: saat ini tidak boleh merekrut pekerja baru. Jangan menandatangani atau membayar apa pun.",
    "Licence revoked: may not recruit. If they approach you, report them.":
        "Izin dicabut: tidak boleh merekrut. Bila mereka mendekati Anda, laporkan.",
    "Not the company you are looking for? Then it is not in the register: treat it as unlicensed.":
        "Bukan perusahaan yang Anda cari? Berarti tidak ada di daftar: anggap tidak berizin.",
    "Not in the register.": "Tidak ada di daftar.",
    "We found no licensed agency with this name or number. A company or person that recruits without a licence is breaking the law: do not pay, do not hand over your documents.":
        "Kami tidak menemukan perusahaan berizin dengan nama atau nomor ini. Perusahaan atau orang yang merekrut "
        "tanpa izin melanggar hukum: jangan membayar, jangan serahkan dokumen Anda.",
    "Report this recruiter": "Laporkan perekrut ini", "or call": "atau telepon",
    "Check another agency": "Cek perusahaan lain", "Licence number": "Nomor izin",
    "Licence valid until": "Izin berlaku sampai", "City": "Kota", "Address": "Alamat",
    "Office phone": "Telepon kantor", "Note": "Catatan", "Register updated": "Daftar diperbarui",
    "What to do next": "Langkah selanjutnya",
    "Ask the agency for the job-order reference and check it under Job openings.":
        "Minta nomor job order kepada perusahaan dan cek di halaman Lowongan kerja.",
    "Register at the Disnaker or the one-roof service office (LTSA); sign the placement agreement there.":
        "Daftar di Disnaker atau Layanan Terpadu Satu Atap (LTSA); tanda tangani perjanjian penempatan di sana.",
    "Pay only the costs allowed for the job, against an official receipt — never to a personal account.":
        "Bayar hanya biaya yang diizinkan untuk pekerjaan itu, dengan kuitansi resmi — jangan pernah ke rekening "
        "pribadi.",
    "Make sure the person you deal with really works for this agency: call the agency's office.":
        "Pastikan orang yang Anda temui benar bekerja untuk perusahaan ini: telepon kantor perusahaannya.",
    "This agency may not recruit new workers while its licence is suspended. Do not sign or pay anything. If you already paid or handed over documents, ask us for help.":
        "Perusahaan ini tidak boleh merekrut pekerja baru selama izinnya dibekukan. Jangan menandatangani atau "
        "membayar apa pun. Bila Anda sudah membayar atau menyerahkan dokumen, minta bantuan kami.",
    "This agency's licence has been revoked: it may not recruit anyone. If it or its brokers approach you, report them.":
        "Izin perusahaan ini sudah dicabut: tidak boleh merekrut siapa pun. Bila perusahaan atau calonya mendekati "
        "Anda, laporkan.",
    "Ask for help or report": "Minta bantuan atau lapor",
    "Open job orders of this agency": "Lowongan terbuka dari perusahaan ini",
    "Skip to content": "Langsung ke isi",
    "National hotline (24 hours, free):": "Hotline nasional (24 jam, gratis):", "From abroad:": "Dari luar negeri:",
    "Home": "Beranda", "The legal way": "Jalur resmi", "Ask for help": "Minta bantuan",
    "Check my report": "Cek laporan saya",
    "Never pay a broker. Services of the BP3MI are free.": "Jangan pernah membayar calo. Layanan BP3MI gratis.",
    "Status of your report:": "Status laporan Anda:",
    "We show only the status here, never what you wrote. For details, call the hotline with your reference code.":
        "Di sini kami hanya menampilkan status, tidak pernah isi laporan Anda. Untuk rinciannya, hubungi hotline "
        "dengan nomor referensi Anda.",
    "Tell us what happened. The BP3MI answers every request. In an emergency, call the hotline.":
        "Ceritakan apa yang terjadi. BP3MI menanggapi setiap permintaan. Dalam keadaan darurat, hubungi hotline.",
    "Name and phone are optional. Give them if you want us to call you back; we use them for this request only.":
        "Nama dan telepon boleh dikosongkan. Isi bila ingin kami hubungi kembali; kami memakainya hanya untuk "
        "permintaan ini.",
    "Send": "Kirim",
    "Thank you. We received your request.": "Terima kasih. Permintaan Anda sudah kami terima.",
    "Your reference code:": "Nomor referensi Anda:",
    "Write it down or take a screenshot. You need it to check the status, or when you call the hotline.":
        "Catat atau simpan tangkapan layar. Anda memerlukannya untuk cek status, atau saat menelepon hotline.",
    "To check the status you will also need the last four digits of the phone number you gave.":
        "Untuk cek status Anda juga perlu empat angka terakhir nomor telepon yang Anda berikan.",
    "You gave no phone number, so we cannot call you back. Call the hotline with your reference code to follow it.":
        "Anda tidak memberikan nomor telepon, jadi kami tidak bisa menghubungi Anda. Hubungi hotline dengan nomor "
        "referensi Anda untuk memantaunya.",
    "Work abroad safely, the legal way": "Bekerja ke luar negeri dengan aman, lewat jalur resmi",
    "Welcome, resident of %(village)s. This sticker was placed by the team of the BP3MI.":
        "Selamat datang, warga %(village)s. Stiker ini dipasang oleh tim BP3MI.",
    "What do you need?": "Apa yang Anda perlukan?",
    "Real job orders abroad, with salary, costs and closing date.":
        "Job order asli di luar negeri, dengan gaji, biaya dan tanggal penutupan.",
    "Steps and documents to work abroad safely.": "Langkah dan dokumen untuk bekerja ke luar negeri dengan aman.",
    "Is the company that recruits you licensed?": "Apakah perusahaan yang merekrut Anda berizin?",
    "A problem abroad, a broker, a question: we call you back.":
        "Masalah di luar negeri, calo, pertanyaan: kami hubungi Anda kembali.",
    "Beware:": "Waspada:",
    "a tourist visa for work, money to a personal account, no contract — these are signs of illegal recruitment.":
        "visa turis untuk bekerja, uang ke rekening pribadi, tanpa perjanjian kerja — itu tanda perekrutan ilegal.",
    "Read the warning signs": "Baca tanda-tanda bahayanya",
    "Already reported something? Check its status": "Sudah pernah melapor? Cek statusnya",
    "All job openings": "Semua lowongan", "Employer": "Pemberi kerja", "Scheme": "Skema",
    "None: the government runs the recruitment.": "Tidak ada: pemerintah yang menjalankan perekrutan.",
    "Quota": "Kuota", "Salary": "Gaji", "per month": "per bulan",
    "Closing date": "Tanggal penutupan", "Job-order reference": "Nomor job order", "Requirements": "Persyaratan",
    "This occupation may not be charged placement costs (Perban 9/2020). Nobody may ask you for a placement fee.":
        "Jabatan ini tidak boleh dibebani biaya penempatan (Perban 9/2020). Tidak seorang pun boleh meminta biaya "
        "penempatan dari Anda.",
    "You may be charged": "Boleh dibebankan kepada Anda", "You may NOT be charged": "TIDAK boleh dibebankan kepada Anda",
    "Apply only through the agency's office or the BP3MI. Pay nothing without an official receipt, and never to a personal account.":
        "Melamar hanya melalui kantor perusahaan atau BP3MI. Jangan membayar apa pun tanpa kuitansi resmi, dan "
        "jangan pernah ke rekening pribadi.",
    "Report a problem": "Laporkan masalah",
    "Only open job orders of licensed agencies and government programmes. Apply through the agency or the BP3MI, never through a broker.":
        "Hanya job order yang masih dibuka dari perusahaan berizin dan program pemerintah. Melamar melalui "
        "perusahaan atau BP3MI, jangan melalui calo.",
    "Filter openings": "Saring lowongan", "Show openings": "Tampilkan lowongan",
    "Closes %(date)s · %(quota)s workers": "Ditutup %(date)s · %(quota)s pekerja",
    "Pages": "Halaman", "Previous": "Sebelumnya", "Next": "Berikutnya",
    "No open job orders match. Try another country or sector, or ask the BP3MI.":
        "Tidak ada lowongan yang cocok. Coba negara atau sektor lain, atau tanyakan ke BP3MI.",
    "Working abroad through the legal procedure protects you before you leave, while you work and when you come home.":
        "Bekerja ke luar negeri lewat prosedur resmi melindungi Anda sebelum berangkat, selama bekerja dan saat "
        "pulang.",
    "The information pages are being prepared. Please call the hotline.":
        "Halaman informasi sedang disiapkan. Silakan hubungi hotline.",
    "Last updated": "Terakhir diperbarui", "Questions? Ask for help": "Ada pertanyaan? Minta bantuan",
    "Import CSV": "Impor CSV", "Name or licence": "Nama atau izin", "Status": "Status", "All": "Semua",
    "Filter": "Filter", "Name": "Nama", "No agencies.": "Belum ada perusahaan.", "Back": "Kembali",
    "Save": "Simpan", "Delete": "Hapus", "Columns:": "Kolom:", "Example:": "Contoh:",
    "Every line is checked first. If any line has an error, nothing is imported.":
        "Setiap baris diperiksa dulu. Bila ada satu baris yang salah, tidak ada yang diimpor.",
    "%(n)s error; nothing was imported.": ("%(n)s kesalahan; tidak ada yang diimpor.",),
    "Import": "Impor", "Public page": "Halaman publik", "Reference": "Nomor referensi", "Position": "Jabatan",
    "Office": "Kantor", "closed": "ditutup", "No job openings.": "Belum ada lowongan.", "Title": "Judul",
    "Section": "Bagian", "Updated": "Diperbarui", "No pages.": "Belum ada halaman.",
    "Your request could not be sent": "Permintaan Anda tidak dapat dikirim",
    "Too many attempts from this connection. Please wait an hour and try again, or call the hotline now.":
        "Terlalu banyak percobaan dari sambungan ini. Tunggu satu jam lalu coba lagi, atau hubungi hotline sekarang.",
    "Something in the form looked automatic. Please go back and try again, or call the hotline.":
        "Ada isian formulir yang tampak otomatis. Silakan kembali dan coba lagi, atau hubungi hotline.",
    "We do not recognise this sticker code": "Kode stiker ini tidak kami kenali",
    "The code “%(code)s” is not in our list, or the sticker is no longer in use. Everything on this site still works for you.":
        "Kode “%(code)s” tidak ada di daftar kami, atau stikernya tidak dipakai lagi. Semua layanan di situs ini "
        "tetap bisa Anda gunakan.",
    "If someone handed you this sticker and asked for money, please report it.":
        "Bila ada yang memberikan stiker ini sambil meminta uang, laporkan.",
    "Work abroad safely": "Bekerja ke luar negeri dengan aman",
    "Job openings, the legal procedure, licensed agencies and the hotline of the BP3MI.":
        "Lowongan kerja, prosedur resmi, perusahaan berizin dan hotline BP3MI.",
    "Sticker not recognised": "Stiker tidak dikenali",
    "Real job orders through licensed agencies and government programmes.":
        "Job order asli melalui perusahaan berizin dan program pemerintah.",
    "Closing date %(date)s. Quota %(quota)s workers.": "Ditutup %(date)s. Kuota %(quota)s pekerja.",
    "Is the agency licensed? Search the register by name or licence number.":
        "Apakah perusahaannya berizin? Cari di daftar berdasarkan nama atau nomor izin.",
    "How to work abroad legally and safely: steps, documents, costs and warning signs.":
        "Cara bekerja ke luar negeri secara resmi dan aman: langkah, dokumen, biaya dan tanda bahaya.",
    "Not sent": "Tidak terkirim",
    "No office covers this village yet. Please call the national hotline %(number)s.":
        "Belum ada kantor yang melayani desa ini. Silakan hubungi hotline nasional %(number)s.",
    "Request received": "Permintaan diterima", "Try later": "Coba lagi nanti",
    "No report matches this reference code and these four digits. Check both, or call the hotline with your reference code.":
        "Tidak ada laporan dengan nomor referensi dan empat angka ini. Periksa keduanya, atau hubungi hotline "
        "dengan nomor referensi Anda.",
    "Several villages have this name. Choose yours below.":
        "Ada beberapa desa dengan nama ini. Pilih desa Anda di bawah.",
    "Which village is yours?": "Desa Anda yang mana?",
    "%(n)s worker": ("%(n)s pekerja",),
    "Type the name of the village (at most 100 characters).": "Ketik nama desa (paling banyak 100 huruf).",
    "BP3MI offices": "Kantor BP3MI",
    "Template:": "Templat:",
    "Go back": "Kembali", "To the page you came from": "Ke halaman sebelumnya",
    "Job openings, the legal way, the hotline": "Lowongan kerja, jalur resmi, hotline",
    "The office answers, free of charge": "Kantor menjawab, tanpa biaya",
    "Hello %(office)s, I am writing from the Balek Dusun sticker %(code)s. My question:":
        "Halo %(office)s, saya menghubungi dari stiker Balek Dusun %(code)s. Pertanyaan saya:",
    "The WhatsApp message starts with this sticker's code, %(code)s, so the office knows which village you write "
    "from.":
        "Pesan WhatsApp diawali kode stiker ini, %(code)s, agar kantor tahu dari desa mana Anda menulis.",
    "Your data": "Data Anda",
    "See, correct or delete what our officers wrote down about your household.":
        "Lihat, koreksi, atau hapus apa yang dicatat petugas kami tentang rumah tangga Anda.",
}
