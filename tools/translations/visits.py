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
}
