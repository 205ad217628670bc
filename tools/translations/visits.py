T = {
    "Wrong username or password.": "Nama pengguna atau kata sandi salah.",
    "Your role does not record visits.": "Peran Anda tidak untuk mencatat kunjungan.",
    "Field app": "Aplikasi lapangan",
    "Too many records in one push.": "Terlalu banyak catatan dalam satu kiriman.",
    "At most %(n)d records per push.": "Paling banyak %(n)d catatan per kiriman.",
    "Unknown cursor; pull again without one.": "Kursor tidak dikenal; unduh ulang tanpa kursor.",
    "Not a valid cursor.": "Kursor tidak valid.",
    "Keep the stored version": "Pertahankan versi tersimpan",
    "Replace it with the incoming version": "Ganti dengan versi yang masuk",
    "Decision": "Keputusan", "Note": "Catatan",
    "Met": "Bertemu", "Not home": "Tidak ada orang", "Refused": "Menolak", "Moved": "Pindah", "Vacant": "Rumah kosong",
    "Inaccessible": "Tidak bisa didatangi",
    "visited at": "waktu kunjungan", "outcome": "hasil", "visit": "kunjungan", "visits": "kunjungan",
    "Visit": "Kunjungan", "Household": "Rumah tangga",
    "Kept the stored version": "Versi tersimpan dipertahankan",
    "Replaced it with the incoming version": "Diganti dengan versi yang masuk",
    "kind": "jenis", "client UUID": "UUID perangkat", "incoming content": "isi yang masuk", "received at": "diterima",
    "resolution": "penyelesaian", "resolved at": "diselesaikan", "note": "catatan",
    "sync conflict": "konflik sinkronisasi", "sync conflicts": "konflik sinkronisasi",
    "device": "perangkat", "app version": "versi aplikasi", "last upload": "unggah terakhir",
    "last download": "unduh terakhir", "pending records": "catatan menunggu", "records with errors": "catatan bermasalah",
    "reported at": "dilaporkan", "device sync status": "status sinkronisasi perangkat",
    "Incoming visits": "Kunjungan masuk", "Sync conflicts": "Konflik sinkronisasi",
    "Device sync status": "Status sinkronisasi perangkat",
    "Not a UUID.": "Bukan UUID.", "Must be visit or household.": "Harus visit atau household.",
    "Must be an object.": "Harus berupa objek.", "Sent twice in one batch.": "Terkirim dua kali dalam satu kiriman.",
    "Unknown village, or outside your area.": "Desa tidak dikenal, atau di luar wilayah Anda.",
    "Unknown outreach day.": "Kegiatan tidak dikenal.",
    "Already used by another record.": "Sudah dipakai catatan lain.",
    "Unknown household, or outside your area.": "Rumah tangga tidak dikenal, atau di luar wilayah Anda.",
    "The household is not in this outreach day's village.": "Rumah tangga ini tidak berada di desa kegiatan ini.",
    "Unknown material.": "Materi tidak dikenal.",
    "Could not be stored; will retry.": "Tidak dapat disimpan; akan dicoba lagi.",
    "The server could not apply this visit; it will be retried.":
        "Server tidak dapat memproses kunjungan ini; akan dicoba lagi.",
    "Already stored with other content; kept aside for the coordinator.":
        "Sudah tersimpan dengan isi lain; disimpan terpisah untuk koordinator.",
    "Your role does not allow this.": "Peran Anda tidak mengizinkan ini.",
    "This conflict was already resolved.": "Konflik ini sudah diselesaikan.",
    "Only a visit can be replaced; edit the household in planning instead.":
        "Hanya kunjungan yang dapat diganti; ubah data rumah tangga di menu perencanaan.",
    "Sync conflict": "Konflik sinkronisasi",
    "Sent by %(who)s on %(at)s under the number %(uuid)s.": "Dikirim oleh %(who)s pada %(at)s dengan nomor %(uuid)s.",
    "Field": "Isian", "Stored version": "Versi tersimpan", "Incoming version": "Versi yang masuk", "differs": "berbeda",
    "Replacing changes the visit's answers only; materials, sticker and cases recorded with the stored version "
    "stay as they are.": "Mengganti hanya mengubah jawaban kunjungan; materi, stiker dan kasus yang tercatat dengan "
    "versi tersimpan tetap seperti semula.",
    "Resolve": "Selesaikan",
    "A phone sent a record again under the same number but with other content. The stored version was kept; "
    "compare both and decide.": "Sebuah HP mengirim catatan lagi dengan nomor yang sama tetapi isinya berbeda. "
    "Versi tersimpan dipertahankan; bandingkan keduanya lalu putuskan.",
    "Show resolved too": "Tampilkan juga yang sudah selesai", "Only open conflicts": "Hanya konflik terbuka",
    "Received": "Diterima", "Kind": "Jenis", "Officer": "Petugas", "Village": "Desa", "Status": "Status",
    "Open": "Terbuka", "No conflicts.": "Tidak ada konflik.",
    "What each phone reported at its last sync. Records still pending on a phone are not yet on the server.":
        "Laporan tiap HP pada sinkronisasi terakhir. Catatan yang masih menunggu di HP belum ada di server.",
    "Device": "Perangkat", "Last upload": "Unggah terakhir", "Last download": "Unduh terakhir", "Pending": "Menunggu",
    "App version": "Versi aplikasi", "No device has synced yet.": "Belum ada perangkat yang sinkron.",
    "%(n)s open sync conflict": ("%(n)s konflik sinkronisasi terbuka",),
    "Date": "Tanggal", "Campaign": "Program", "Visits": "Kunjungan", "Flagged": "Ditandai",
    "Last received": "Terakhir diterima", "No outreach days yet.": "Belum ada kegiatan.",
    "No visits received yet.": "Belum ada kunjungan yang diterima.", "Show all": "Tampilkan semua",
    "Only flagged visits": "Hanya kunjungan yang ditandai", "Visited at": "Waktu kunjungan", "Outcome": "Hasil",
    "Materials": "Materi", "Sticker": "Stiker", "Flags": "Tanda", "Conflict resolved.": "Konflik diselesaikan.",
    "The incoming version is about another house. Keep the stored version and ask the officer to record that "
    "house as a new visit.":
        "Versi yang masuk tentang rumah lain. Pertahankan versi tersimpan dan minta petugas mencatat rumah itu "
        "sebagai kunjungan baru.",
    "The incoming version names a material that does not exist; keep the stored version.":
        "Versi yang masuk menyebut materi yang tidak ada; pertahankan versi tersimpan.",
    "The visit was corrected from a sync conflict and no longer names this sticker.":
        "Kunjungan dikoreksi dari konflik sinkronisasi dan tidak lagi menyebut stiker ini.",
    "Materials handed out corrected in the stock ledger.": "Materi yang dibagikan dikoreksi di buku stok.",
    "Sticker %(code)s placed on the house.": "Stiker %(code)s dipasang di rumah ini.",
    "Sticker %(codes)s of the stored version stays placed on the house; void it on its page if it was never put "
    "up.":
        "Stiker %(codes)s dari versi tersimpan tetap tercatat terpasang di rumah ini; batalkan di halamannya bila "
        "ternyata tidak pernah ditempel.",
    "Cases opened: %(refs)s.": "Kasus dibuka: %(refs)s.",
    "Cases opened for the stored version stay as they are: %(refs)s.":
        "Kasus yang dibuka untuk versi tersimpan tetap seperti semula: %(refs)s.",
    "Taking the incoming version replaces the visit's answers and redoes what they caused: the stock handed out "
    "is corrected in the ledger, a sticker code it names is placed (a sticker placed before stays on the house), "
    "and cases are opened for follow-ups it adds (cases already opened stay).":
        "Memakai versi yang masuk mengganti jawaban kunjungan dan mengulang akibatnya: materi yang dibagikan "
        "dikoreksi di buku stok, kode stiker yang disebut dipasang (stiker yang terpasang sebelumnya tetap di "
        "rumah itu), dan kasus dibuka untuk tindak lanjut yang ditambahkan (kasus yang sudah dibuka tetap ada).",
    # The visit page and the conflict screen (visits/present.py).
    "Head of household": "Kepala keluarga", "Husband or wife": "Suami/istri", "Parent": "Orang tua", "Child": "Anak",
    "Another member of the family": "Anggota keluarga lain", "Neighbour": "Tetangga",
    "Job opportunities": "Peluang kerja", "The legal procedure": "Prosedur resmi",
    "The complaints hotline": "Nomor pengaduan", "Signs of illegal recruitment": "Tanda-tanda perekrutan ilegal",
    "Help with documents": "Bantuan dokumen",
    "Domestic worker": "Pekerja rumah tangga", "Caregiver": "Perawat lansia (caregiver)", "Plantation": "Perkebunan",
    "Factory": "Pabrik", "Construction": "Konstruksi", "Fishing crew": "Awak kapal perikanan",
    "Hotels and restaurants": "Perhotelan dan restoran", "Other work": "Pekerjaan lain",
    "within 6 months": "dalam 6 bulan", "within a year": "dalam setahun", "later": "nanti",
    "not yet decided": "belum tahu kapan",
    "Knows the legal procedure to work abroad?": "Tahu prosedur resmi bekerja ke luar negeri?",
    "Knows the complaints hotline?": "Tahu nomor pengaduan?",
    "Knows the signs of a fake job offer?": "Tahu tanda tawaran kerja palsu?",
    "Wants to apply for work abroad the legal way": "Ingin mendaftar kerja ke luar negeri secara resmi",
    "A family member is in trouble abroad": "Anggota keluarga bermasalah di luar negeri",
    "Reports an illegal recruiter (calo)": "Melaporkan calo/perekrut ilegal",
    "Needs help with documents": "Butuh bantuan dokumen",
    "The visit is dated more than 12 hours after it reached the server: the phone's clock was probably wrong.":
        "Waktu kunjungan lebih dari 12 jam setelah data diterima server: jam HP kemungkinan salah.",
    "The visit is dated before its outreach day: check the phone's date, or whether it belongs to another day.":
        "Tanggal kunjungan sebelum hari kegiatannya: periksa tanggal di HP, atau apakah kunjungan ini milik "
        "kegiatan lain.",
    "More materials were handed out than the officer had been issued; the shortfall was booked as an automatic "
    "adjustment, so check the stock reconciliation of the day.":
        "Materi yang dibagikan lebih banyak daripada yang diserahkan ke petugas; kekurangannya dicatat sebagai "
        "penyesuaian otomatis, jadi periksa rekonsiliasi stok hari itu.",
    "A quantity of materials could not be read and was not booked.":
        "Jumlah materi tidak terbaca dan tidak dicatat.",
    "The sticker code is not a valid code (probably mistyped), so no sticker was marked as placed.":
        "Kode stiker tidak valid (mungkin salah ketik), jadi tidak ada stiker yang dicatat terpasang.",
    "No sticker was ever printed with this code, so none was marked as placed.":
        "Tidak pernah ada stiker yang dicetak dengan kode ini, jadi tidak ada yang dicatat terpasang.",
    "This sticker had been voided, so it was not marked as placed.":
        "Stiker ini sudah dibatalkan, jadi tidak dicatat terpasang.",
    "This sticker belongs to another office, so it was not marked as placed.":
        "Stiker ini milik kantor lain, jadi tidak dicatat terpasang.",
    "This sticker is already placed on another house. It was not moved; a coordinator decides under “Placed twice”.":
        "Stiker ini sudah terpasang di rumah lain. Stiker tidak dipindahkan; koordinator memutuskan di "
        "“Terpasang dua kali”.",
    "The visit was corrected from a sync conflict; the sticker placed by the earlier version stays on the house "
    "until someone checks the door and voids it.":
        "Kunjungan dikoreksi dari konflik sinkron; stiker yang dipasang menurut versi sebelumnya tetap tercatat di "
        "rumah itu sampai ada yang memeriksa pintunya dan membatalkannya.",
    "The follow-up requests could not be opened as cases because no office could be found for them.":
        "Permintaan tindak lanjut tidak dapat dibuka sebagai kasus karena tidak ada kantor yang menanganinya.",
    "The house could not join the walk list its phone named.":
        "Rumah ini tidak dapat masuk ke daftar kunjungan yang disebut HP.",
    "The server noted something to check about this visit.": "Server mencatat sesuatu yang perlu diperiksa.",
    "a house not known to the server": "rumah yang tidak dikenal server",
    "house without an address": "rumah tanpa alamat",
    "Yes": "Ya", "No": "Tidak", "Does not know": "Tidak tahu",
    "a material not in the catalogue": "materi yang tidak ada di katalog",
    "Materials handed out": "Materi dibagikan", "Sticker placed": "Stiker yang dipasang",
    "went the legal way": "berangkat secara resmi", "went without the legal procedure": "berangkat tidak resmi",
    "not known whether they went the legal way": "tidak diketahui apakah berangkat resmi",
    "since %(year)s": "sejak %(year)s", "Family members abroad now": "Anggota keluarga di luar negeri sekarang",
    "Plans to go %(when)s": "Berencana berangkat %(when)s", "Planning to go abroad": "Berencana ke luar negeri",
    "House": "Rumah", "Outreach day": "Kegiatan", "not part of an outreach day": "bukan bagian dari kegiatan",
    "When": "Waktu", "(to within %(m)s m)": "(ketelitian %(m)s m)",
    "Location": "Lokasi", "Turf": "Wilayah jalan", "a turf not known to the server": "wilayah jalan yang tidak dikenal",
    "Met with": "Bertemu dengan", "Topics discussed": "Topik yang dibahas", "another topic": "topik lain",
    "Returned migrant workers living here": "Purna PMI yang tinggal di sini",
    "May be quoted without a name.": "Bersedia dikutip tanpa nama.", "Not to be quoted.": "Tidak untuk dikutip.",
    "Story told": "Cerita yang dibagikan", "Follow-up requests": "Permintaan tindak lanjut",
    "another request": "permintaan lain", "Dusun": "Dusun", "Address": "Alamat",
    "Where the visit was recorded": "Tempat kunjungan dicatat", "The house": "Rumah",
    "Visits of %(village)s, %(day)s": "Kunjungan di %(village)s, %(day)s",
    "%(who)s knocked on %(when)s: %(outcome)s.": "%(who)s mengetuk pintu pada %(when)s: %(outcome)s.",
    "Reached the server on %(at)s.": "Diterima server pada %(at)s.",
    "To check": "Perlu diperiksa", "Quality review": "Tinjauan mutu", "What was recorded": "Yang dicatat",
    "the sticker's page": "halaman stiker", "Where": "Di mana",
    "Map of the visit and the house": "Peta kunjungan dan rumah",
    "No position was recorded for this visit or its house.": "Tidak ada lokasi untuk kunjungan ini maupun rumahnya.",
    "Follow-up cases": "Kasus tindak lanjut",
    "A restricted case: only its assignee and the head of office can open it.":
        "Kasus terbatas: hanya petugas yang ditunjuk dan kepala kantor yang dapat membukanya.",
    "No case was opened from this visit.": "Tidak ada kasus yang dibuka dari kunjungan ini.",
    "%(who)s's phone sent this record again on %(at)s, with other content than the version stored.":
        "HP %(who)s mengirim data ini lagi pada %(at)s, dengan isi yang berbeda dari versi yang tersimpan.",
    "The stored visit's page": "Halaman kunjungan yang tersimpan",
    "%(n)s difference, highlighted below.": ("%(n)s perbedaan, ditandai di bawah.",),
    "What": "Apa",
    # Home-page card (visits/home.py)
    "Conflicts to resolve": "Konflik yang perlu diselesaikan", "All sync conflicts": "Semua konflik sinkronisasi",
    "No conflict waiting.": "Tidak ada konflik yang menunggu.",
    "Must not contain NUL characters.": "Tidak boleh berisi karakter NUL.",
    "Needs a time zone, e.g. 2023-12-07T09:30:00+07:00.": "Perlu zona waktu, misalnya 2023-12-07T09:30:00+07:00.",
    "Give either household (server id) or household_uuid.":
        "Isi salah satu: household (id server) atau household_uuid.",
    "Give both latitude and longitude, or neither.": "Isi lintang dan bujur sekaligus, atau kosongkan keduanya.",
    "Not a possible time: it must lie between the years 2000 and 2099. Is the phone's clock right?":
        "Waktu tidak mungkin: harus antara tahun 2000 dan 2099. Apakah jam ponsel sudah benar?",
    "This record's identifier cannot be used; ask your coordinator.":
        "Pengenal catatan ini tidak dapat dipakai; tanyakan kepada koordinator Anda.",
    "This version came from outside the visit's area; it cannot replace the stored visit.":
        "Versi ini datang dari luar wilayah kunjungan; tidak dapat menggantikan kunjungan yang tersimpan.",
    "The compressed body could not be read.": "Isi kiriman yang dimampatkan tidak dapat dibaca.",
    "The body is too large.": "Isi kiriman terlalu besar.",
    "Zoom in": "Perbesar", "Zoom out": "Perkecil",
    "Set up two-step sign-in on the website first (menu: Two-step sign-in), then sign in here.":
        "Aktifkan dulu masuk dua langkah di situs web (menu: Masuk dua langkah), lalu masuk di sini.",
    "Enter the 6-digit code from your authenticator app.": "Masukkan 6 angka dari aplikasi autentikator Anda.",
    "This code is not right, or was used already.": "Kode ini salah atau sudah dipakai.",
}
