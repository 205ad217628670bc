"""Indonesian for the privacy app (retention, purge, record of processing, access log export, breach notices)."""

T = {
    # Audit actions of views and exports
    "Personal data viewed": "Data pribadi dilihat",
    "Household viewed": "Data rumah tangga dibuka",
    "Outreach day viewed": "Hari kegiatan dibuka",
    "Case viewed": "Kasus dilihat",
    "Case attachment opened": "Lampiran kasus dibuka",
    "Data exported": "Data diekspor",
    "Activity report printed": "Laporan kegiatan dicetak",
    "Campaign report printed": "Laporan kampanye dicetak",
    "Sticker sheet printed": "Lembar stiker dicetak",
    "Access log exported": "Log akses diekspor",
    "Record of processing printed": "Catatan pemrosesan dicetak",
    "Breach letter printed": "Surat pemberitahuan kegagalan dicetak",
    "Time": "Waktu",
    "Who": "Siapa",
    "Role": "Peran",
    "What": "Apa",
    "Kind of record": "Jenis data",
    "Which record": "Data yang dibuka",
    "Area": "Wilayah",
    # Retention periods
    "Visits' personal details": "Data pribadi kunjungan",
    "GPS position and follow-up notes erased; the household's name and phone erased when it was not visited since":
        "posisi GPS dan catatan tindak lanjut dihapus; nama dan nomor telepon rumah tangga dihapus bila tidak "
        "dikunjungi lagi sejak itu",
    "Stories told at the door": "Cerita yang disampaikan di rumah warga",
    "story text erased": "teks cerita dihapus",
    "Closed protection cases": "Kasus pelindungan yang sudah ditutup",
    "names, phone, narrative, notes and attachments erased; kind, status and dates kept":
        "nama, nomor telepon, kronologi, catatan, dan lampiran dihapus; jenis, status, dan tanggal disimpan",
    "Reports from the public portal": "Laporan dari portal publik",
    "Audit log entries": "Catatan audit",
    "deleted": "dihapus",
    # Forms
    "Choose a date from 1 January 2000 on.": "Pilih tanggal mulai 1 Januari 2000.",
    "This date is in the future.": "Tanggal ini ada di masa depan.",
    "From": "Dari",
    "Until": "Sampai",
    "Office": "Kantor",
    "The end date is before the start date.": "Tanggal selesai sebelum tanggal mulai.",
    "Choose a period of at most %(n)s day.": ("Pilih periode paling lama %(n)s hari.",),
    "Breach began": "Kegagalan mulai terjadi",
    "Breach ended (empty: not known or still going on)":
        "Kegagalan berakhir (kosongkan bila tidak diketahui atau masih berlangsung)",
    "Discovered at": "Diketahui pada",
    "Affected data": "Data yang terdampak",
    "People affected (estimate)": "Jumlah orang terdampak (perkiraan)",
    "What happened and how: which records, which system, who found it.":
        "Apa yang terjadi dan bagaimana: data apa, sistem apa, siapa yang menemukannya.",
    "What the office did to stop it and limit the harm, and what it advises the people concerned to do.":
        "Apa yang dilakukan kantor untuk menghentikan dan membatasi kerugian, dan apa yang disarankan kepada "
        "orang yang terdampak.",
    "A breach is discovered after it began.": "Kegagalan diketahui setelah mulai terjadi.",
    "The end is before the beginning.": "Waktu berakhir sebelum waktu mulai.",
    # The purge command
    "Dry run: nothing was changed. A purge now would remove:":
        "Uji coba: tidak ada yang diubah. Pemusnahan sekarang akan menghapus:",
    "Purged:": "Dimusnahkan:",
    "nothing": "tidak ada",
    "no office": "tanpa kantor",
    "visits: GPS position and follow-up notes erased": "kunjungan: posisi GPS dan catatan tindak lanjut dihapus",
    "households: name and phone number erased": "rumah tangga: nama dan nomor telepon dihapus",
    "resolved sync conflicts deleted": "konflik data yang sudah diselesaikan dihapus",
    "stories told at the door: text erased": "cerita di rumah warga: teksnya dihapus",
    "closed cases: people's details, narrative and notes erased":
        "kasus yang sudah ditutup: data orang, kronologi, dan catatan dihapus",
    "closed reports from the portal: people's details, narrative and notes erased":
        "laporan portal yang sudah ditutup: data orang, kronologi, dan catatan dihapus",
    "audit log entries deleted": "catatan audit dihapus",
    "earlier versions of visits in the audit log: GPS position and notes erased":
        "versi lama kunjungan di log audit: posisi GPS dan catatan dihapus",
    "earlier versions of visits in the audit log: story text erased":
        "versi lama kunjungan di log audit: teks cerita dihapus",
    # Models
    "case": "kasus",
    "reference": "nomor referensi",
    "office": "kantor",
    "what happened": "apa yang terjadi",
    "breach began": "kegagalan mulai terjadi",
    "breach ended": "kegagalan berakhir",
    "discovered at": "diketahui pada",
    "affected data": "data yang terdampak",
    "people affected (estimate)": "jumlah orang terdampak (perkiraan)",
    "measures taken": "upaya yang dilakukan",
    "breach notice": "pemberitahuan kegagalan pelindungan data",
    "breach notices": "pemberitahuan kegagalan pelindungan data",
    # Menu
    "Record of processing": "Catatan pemrosesan data pribadi",
    "Access log export": "Ekspor log akses",
    "Data breaches": "Kegagalan pelindungan data",
    "Data breaches to notify": "Kegagalan pelindungan data yang harus diberitahukan",
    "notify by %(when)s": "beri tahu paling lambat %(when)s",
    # Record of processing
    "Names of residents and reporters": "Nama warga dan pelapor",
    "Phone numbers": "Nomor telepon",
    "Addresses and GPS positions of houses": "Alamat dan posisi GPS rumah",
    "Family members working abroad (country, sector, year)":
        "Anggota keluarga yang bekerja di luar negeri (negara, sektor, tahun)",
    "Stories told in the family's own words": "Cerita dengan kata-kata keluarga sendiri",
    "Complaint narratives and case notes": "Kronologi pengaduan dan catatan kasus",
    "Health details (specific data)": "Keterangan kesehatan (data spesifik)",
    "Victim status, e.g. suspected trafficking (specific data)":
        "Status korban, misalnya dugaan perdagangan orang (data spesifik)",
    "Staff accounts and sign-in records": "Akun petugas dan catatan masuk",
    "Records of who viewed or exported data": "Catatan siapa membuka atau mengekspor data",
    "Explicit consent of the person (art. 20 (2) a)": "Persetujuan eksplisit dari orang yang bersangkutan "
                                                      "(Pasal 20 ayat (2) huruf a)",
    "A legal obligation of the office (art. 20 (2) c)": "Pemenuhan kewajiban hukum kantor (Pasal 20 ayat (2) huruf c)",
    "Protection of the person's vital interests (art. 20 (2) d)":
        "Pelindungan kepentingan vital orang yang bersangkutan (Pasal 20 ayat (2) huruf d)",
    "A task in the public interest and the office's authority under UU 18/2017 (art. 20 (2) e)":
        "Pelaksanaan tugas dalam rangka kepentingan umum dan kewenangan kantor menurut UU 18/2017 "
        "(Pasal 20 ayat (2) huruf e)",
    "Door-to-door information visits": "Sosialisasi dari rumah ke rumah",
    "Inform families about safe, legal migration and note who needs a follow-up.":
        "Memberi informasi kepada keluarga tentang bekerja ke luar negeri secara aman dan prosedural, dan mencatat "
        "siapa yang perlu ditindaklanjuti.",
    "Quote, without a name, what families lived through in activity reports.":
        "Mengutip tanpa nama pengalaman keluarga dalam laporan kegiatan.",
    "Follow-up and protection cases": "Tindak lanjut dan kasus pelindungan",
    "Help migrant workers and their families: repatriation, unpaid wages, fraud, trafficking.":
        "Membantu pekerja migran dan keluarganya: pemulangan, gaji tidak dibayar, penipuan, perdagangan orang.",
    "Requests for help from the public portal": "Permintaan bantuan dari portal publik",
    "Receive reports and requests typed by residents on the public portal.":
        "Menerima laporan dan permintaan yang diketik warga di portal publik.",
    "Audit log": "Log audit",
    "Show who viewed, changed or exported personal data, for accountability and breach enquiries.":
        "Menunjukkan siapa membuka, mengubah, atau mengekspor data pribadi, untuk akuntabilitas dan penelusuran "
        "kegagalan pelindungan data.",
    "Staff accounts and sign-in": "Akun petugas dan masuk ke sistem",
    "Let staff sign in with a second factor and limit each to the office's jurisdiction.":
        "Petugas masuk dengan verifikasi dua langkah dan hanya melihat wilayah kerja kantornya.",
    "while the account exists": "selama akun ada",
    "kept without a time limit": "disimpan tanpa batas waktu",
    "%(n)s year": ("%(n)s tahun",),
    "%(n)s day": ("%(n)s hari",),
    "Purpose": "Tujuan",
    "Legal basis": "Dasar pemrosesan",
    "Personal data": "Data pribadi",
    "Retention": "Masa simpan",
    "then": "lalu",
    "Who can see it": "Siapa yang dapat melihat",
    "Retention periods": "Masa simpan",
    "Data": "Data",
    "Kept for": "Disimpan selama",
    "Then": "Sesudahnya",
    "Open protection cases, and the visits and households they came from, are kept whole until the case is closed. "
    "Each purge records what it removed in the audit log.":
        "Kasus pelindungan yang masih terbuka, beserta kunjungan dan rumah tangga asalnya, disimpan utuh sampai "
        "kasus ditutup. Setiap pemusnahan mencatat apa yang dihapus di catatan akses.",
    "What personal data the product processes, why, on which legal basis (UU 27/2022), how long it is kept and "
    "which roles can see it. This page is generated from the product's own settings and role permissions.":
        "Data pribadi apa yang diproses, untuk apa, atas dasar apa (UU 27/2022), berapa lama disimpan, dan peran "
        "mana yang dapat melihatnya. Halaman ini dibuat dari pengaturan dan hak akses peran di sistem sendiri.",
    "Print (PDF)": "Cetak (PDF)",
    # Access log export
    "Who viewed, printed or exported data of one office over a period of at most %(n)s day, as a spreadsheet file "
    "(CSV). The export itself is recorded in the audit log.":
        ("Siapa membuka, mencetak, atau mengekspor data satu kantor dalam periode paling lama %(n)s hari, sebagai "
         "berkas lembar kerja (CSV). Ekspor ini sendiri dicatat di catatan akses.",),
    "Download CSV": "Unduh CSV",
    # Breach notices
    "Data breach": "Kegagalan pelindungan data",
    "Notify the people concerned and the authority by %(when)s.":
        "Beri tahu orang yang terdampak dan lembaga paling lambat %(when)s.",
    "The deadline has passed.": "Batas waktu sudah lewat.",
    "Notification letter (PDF, Indonesian)": "Surat pemberitahuan (PDF)",
    "What happened": "Kejadian",
    "Breach ended": "Kegagalan berakhir",
    "not known": "tidak diketahui",
    "Measures taken": "Upaya yang dilakukan",
    "Recorded by": "Dicatat oleh",
    "Accesses recorded in the breach's window": "Akses yang tercatat selama kegagalan",
    "%(n)s view or export of the office's data was recorded between the beginning of the breach and its end (or "
    "discovery).":
        ("Tercatat %(n)s kali data kantor dibuka atau diekspor antara awal kegagalan dan akhirnya (atau saat "
         "diketahui).",),
    "Record a breach": "Catat kegagalan",
    "The notification letter must reach the people concerned and the authority within %(n)s hour of the "
    "discovery.":
        ("Surat pemberitahuan harus sampai kepada orang yang terdampak dan lembaga dalam %(n)s jam sejak "
         "kegagalan diketahui.",),
    "Record the breach": "Catat kegagalan ini",
    "Reference": "Nomor referensi",
    "Notify by": "Batas pemberitahuan",
    "deadline passed": "lewat batas waktu",
    "No breach recorded.": "Belum ada kegagalan yang dicatat.",
    "When personal data may have been disclosed, lost or changed without authority, record it here at once: the "
    "law gives 3 × 24 hours from its discovery to notify the people concerned and the authority in writing.":
        "Bila data pribadi mungkin terungkap, hilang, atau diubah tanpa hak, segera catat di sini: undang-undang "
        "memberi waktu 3 × 24 jam sejak diketahui untuk memberi tahu orang yang terdampak dan lembaga secara "
        "tertulis.",
    "Breach recorded. Send the notification letter before the deadline.":
        "Kegagalan dicatat. Kirim surat pemberitahuan sebelum batas waktu.",
}
