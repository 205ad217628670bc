T = {
    # list, export columns
    "Reference": "Nomor referensi", "Kind": "Jenis", "Source": "Sumber", "Status": "Status", "Priority": "Prioritas",
    "Sensitivity": "Sensitivitas", "Office": "Kantor", "Area code": "Kode wilayah", "Village": "Desa",
    "Assignee": "Penanggung jawab", "Opened": "Dibuka", "Due": "Tenggat", "Overdue": "Lewat tenggat",
    "Closed": "Ditutup", "Closure reason": "Alasan penutupan", "Referred to": "Dirujuk ke", "Country": "Negara",
    "Reporter": "Pelapor", "Phone": "Telepon", "Relationship": "Hubungan", "Migrant worker": "PMI",
    "yes": "ya", "Cases": "Kasus",
    # countries
    "Malaysia": "Malaysia", "Hong Kong": "Hong Kong", "Taiwan": "Taiwan", "Japan": "Jepang", "Singapore": "Singapura",
    "South Korea": "Korea Selatan", "Saudi Arabia": "Arab Saudi", "United Arab Emirates": "Uni Emirat Arab",
    "Qatar": "Qatar", "Brunei": "Brunei", "Cambodia": "Kamboja", "Myanmar": "Myanmar", "Thailand": "Thailand",
    "Laos": "Laos", "Poland": "Polandia", "Turkey": "Turki",
    # hotline form
    "Channel": "Saluran", "Caller name": "Nama penelepon", "Caller phone": "Telepon penelepon",
    "Relationship to the migrant worker": "Hubungan dengan PMI", "e.g. mother, husband, self":
        "mis. ibu, suami, diri sendiri",
    "Migrant worker's name": "Nama PMI", "Employer": "Pemberi kerja", "Agency (P3MI)": "Agensi (P3MI)",
    "What happened": "Kejadian", "Health details": "Keterangan kesehatan", "Victim status": "Status korban",
    "e.g. suspected trafficking (TPPO). Makes the case restricted.":
        "mis. dugaan korban TPPO. Kasus otomatis menjadi terbatas.",
    "By kind": "Sesuai jenis", "Restricted case": "Kasus terbatas",
    "Only the assignee, the office head and administrators see it.":
        "Hanya penanggung jawab, kepala kantor dan administrator yang dapat melihatnya.",
    "The caller agreed that we record their personal data":
        "Penelepon setuju data pribadinya dicatat",
    "This is a new case, not one of the cases above": "Ini kasus baru, bukan salah satu kasus di atas",
    "Leave empty when the caller does not say.": "Kosongkan bila penelepon tidak menyebutkan.",
    "Assign to": "Tugaskan ke",
    "Ask the caller for consent before recording a name or phone number.":
        "Minta persetujuan penelepon sebelum mencatat nama atau nomor telepon.",
    # filters and forms
    "Reference, phone or name": "Referensi, telepon atau nama", "Open": "Terbuka", "All": "Semua",
    "Overdue only": "Hanya yang lewat tenggat", "Area": "Wilayah", "Anyone": "Siapa saja", "Me": "Saya",
    "Unassigned": "Belum ditugaskan", "New status": "Status baru", "Note": "Catatan",
    "Reporter name": "Nama pelapor", "Reporter phone": "Telepon pelapor",
    "Country (two-letter code)": "Negara (kode dua huruf)", "Due date": "Tenggat", "Why": "Alasan",
    "Direction": "Arah", "Outcome": "Hasil", "Summary": "Ringkasan", "File": "Berkas", "Description": "Keterangan",
    # kinds, sources, statuses, choices
    "Information / wants to apply legally": "Informasi / ingin bekerja secara prosedural",
    "Repatriation": "Pemulangan", "Unpaid wages": "Gaji tidak dibayar", "Deportation": "Deportasi",
    "Failed departure": "Gagal berangkat", "Death abroad": "Meninggal di luar negeri", "Job fraud": "Penipuan kerja",
    "Illegal recruiter report": "Laporan calo / perekrut ilegal", "Document help": "Bantuan dokumen",
    "Other": "Lainnya", "Visit": "Kunjungan", "Portal": "Portal", "Hotline call": "Telepon hotline",
    "Walk-in": "Datang langsung", "Referral": "Rujukan", "New": "Baru", "Verified": "Terverifikasi",
    "In progress": "Dalam proses", "Referred": "Dirujuk", "Resolved": "Selesai ditangani",
    "Normal": "Biasa", "Restricted": "Terbatas", "Low": "Rendah", "High": "Tinggi", "Urgent": "Mendesak",
    "LTSA (one-roof service office)": "LTSA (layanan terpadu satu atap)",
    "Disnaker (manpower office)": "Disnaker", "Police": "Kepolisian",
    "Foreign ministry / embassy": "Kementerian Luar Negeri / KBRI", "Another BP3MI office": "BP3MI lain",
    "Other agency": "Instansi lain",
    # model fields
    "kind": "jenis", "days until due": "hari sampai tenggat", "default priority": "prioritas bawaan",
    "restricted by default": "terbatas secara bawaan", "service level": "standar layanan",
    "service levels": "standar layanan", "code": "kode", "label": "label", "label (Indonesian)": "label (Indonesia)",
    "may close after (days open)": "boleh ditutup setelah (hari terbuka)", "active": "aktif",
    "closure reason": "alasan penutupan", "closure reasons": "alasan penutupan", "reference": "nomor referensi",
    "office": "kantor", "source": "sumber", "status": "status", "priority": "prioritas",
    "sensitivity": "sensitivitas", "area": "wilayah", "village": "desa", "assignee": "penanggung jawab",
    "due": "tenggat", "reporter name": "nama pelapor", "reporter phone": "telepon pelapor",
    "relationship to the subject": "hubungan dengan PMI", "subject name (the migrant worker)": "nama PMI",
    "destination country (ISO code)": "negara tujuan (kode ISO)", "employer": "pemberi kerja",
    "agency (P3MI)": "agensi (P3MI)", "consent to process personal data": "persetujuan pemrosesan data pribadi",
    "narrative": "kronologi", "health details": "keterangan kesehatan",
    "victim status (e.g. suspected trafficking)": "status korban (mis. dugaan TPPO)", "referred to": "dirujuk ke",
    "case": "kasus", "cases": "kasus",
    # timeline
    "Status changed": "Status diubah", "Call log": "Catatan telepon", "Attachment": "Lampiran",
    "Assignment": "Penugasan", "Due date changed": "Tenggat diubah", "Details changed": "Data diubah",
    "Reminder sent": "Pengingat dikirim", "Outgoing": "Keluar", "Incoming": "Masuk", "Reached": "Tersambung",
    "No answer": "Tidak diangkat", "Number not active": "Nomor tidak aktif", "Wrong number": "Salah sambung",
    "Case board": "Papan kasus", "Hotline intake": "Input hotline", "restricted": "terbatas",
    # service errors
    "“%(value)s” is not a phone number.": "“%(value)s” bukan nomor telepon.",
    "At most %(n)d characters.": "Paling banyak %(n)d karakter.",
    "%(name)s cannot work on cases.": "%(name)s tidak dapat menangani kasus.",
    "%(name)s belongs to another office.": "%(name)s berasal dari kantor lain.",
    "The due date lies in the past.": "Tenggat tidak boleh di masa lalu.",
    "Unknown case field: %(f)s": "Isian kasus tidak dikenal: %(f)s",
    "Unknown case kind “%(v)s”.": "Jenis kasus “%(v)s” tidak dikenal.",
    "Unknown case source “%(v)s”.": "Sumber kasus “%(v)s” tidak dikenal.",
    "A case belongs to an office.": "Kasus harus milik satu kantor.",
    "Unknown village code.": "Kode desa tidak dikenal.",
    "Choose a village (desa/kelurahan), not a larger area.": "Pilih desa/kelurahan, bukan wilayah yang lebih besar.",
    "%(area)s is outside the office's jurisdiction.": "%(area)s berada di luar wilayah kerja kantor.",
    "Unknown priority.": "Prioritas tidak dikenal.", "Unknown sensitivity.": "Sensitivitas tidak dikenal.",
    "Use the two-letter country code (MY, HK, TW…).": "Gunakan kode negara dua huruf (MY, HK, TW…).",
    "Invalid or used reference code.": "Nomor referensi tidak sah atau sudah dipakai.",
    "Could not draw a free reference code.": "Gagal membuat nomor referensi baru.",
    "Unknown status “%(v)s”.": "Status “%(v)s” tidak dikenal.",
    "A case cannot go from “%(old)s” to “%(new)s”.": "Kasus tidak dapat berpindah dari “%(old)s” ke “%(new)s”.",
    "Only a coordinator or the office head may reopen a case.":
        "Hanya koordinator atau kepala kantor yang dapat membuka kembali kasus.",
    "Choose why the case is closed.": "Pilih alasan penutupan kasus.",
    "“%(reason)s” may be used only after %(n)d days; this case has been open %(d)d days.":
        "“%(reason)s” baru boleh dipakai setelah %(n)d hari; kasus ini baru terbuka %(d)d hari.",
    "Choose where the case is referred to.": "Pilih instansi tujuan rujukan.",
    "Give a due date.": "Isi tenggat.", "Write the note.": "Tulis catatannya.",
    "Choose the direction of the call.": "Pilih arah panggilan.",
    "Choose the outcome of the call.": "Pilih hasil panggilan.", "Choose a file.": "Pilih berkas.",
    "The file is %(size)s KB; at most %(max)s KB is allowed.":
        "Berkas berukuran %(size)s KB; paling besar %(max)s KB.",
    "Only these file types may be attached: %(types)s.": "Hanya jenis berkas ini yang boleh dilampirkan: %(types)s.",
    "The file's content is not a %(ext)s file.": "Isi berkas bukan berkas %(ext)s.",
    "Balek Dusun: %(o)d overdue, %(s)d due soon": "Balek Dusun: %(o)d lewat tenggat, %(s)d segera jatuh tempo",
    "Balek Dusun: %(o)d overdue and %(s)d cases due soon. Open the case list.":
        "Balek Dusun: %(o)d kasus lewat tenggat dan %(s)d segera jatuh tempo. Buka daftar kasus.",
    # templates
    "overdue": "lewat tenggat", "not given": "tidak disebutkan", "No cases.": "Tidak ada kasus.",
    "Filter": "Filter", "List": "Daftar", "unassigned": "belum ditugaskan", "Case": "Kasus",
    "People and story": "Pihak terkait dan kronologi", "Consent": "Persetujuan", "not recorded": "tidak dicatat",
    "Personal data and the narrative are visible to the assignee and to coordinators.":
        "Data pribadi dan kronologi hanya terlihat oleh penanggung jawab dan koordinator.",
    "Attachments": "Lampiran", "Timeline": "Riwayat", "system": "sistem", "(text hidden)": "(teks disembunyikan)",
    "Change status": "Ubah status", "Save status": "Simpan status", "Assign": "Tugaskan",
    "Take this case": "Ambil kasus ini", "Save assignment": "Simpan penugasan",
    "Edit people and story": "Ubah data pihak dan kronologi", "Save details": "Simpan data",
    "Save due date": "Simpan tenggat", "Add a note": "Tambah catatan", "Save note": "Simpan catatan",
    "Log a call": "Catat panggilan", "Save call": "Simpan panggilan", "Attach a file": "Lampirkan berkas",
    "Upload": "Unggah", "First search: reference, phone or name": "Cari dulu: referensi, telepon atau nama",
    "Search": "Cari", "Existing cases": "Kasus yang sudah ada",
    "No case matches; take the call below.": "Tidak ada kasus yang cocok; catat panggilan di bawah.",
    "Possible duplicates": "Kemungkinan duplikat",
    "These cases look like the same caller or worker. Open one to add a note, or confirm that this is a new case.":
        "Kasus ini tampaknya dari penelepon atau PMI yang sama. Buka salah satunya untuk menambah catatan, "
        "atau pastikan bahwa ini kasus baru.",
    "New case": "Kasus baru", "Open case": "Buka kasus", "New case (hotline / walk-in)":
        "Kasus baru (hotline / datang langsung)",
    "Board": "Papan", "Hello %(name)s,": "Halo %(name)s,", "Overdue cases:": "Kasus lewat tenggat:",
    "Due soon:": "Segera jatuh tempo:",
    "Open Balek Dusun to work on them. This message holds no personal data on purpose.":
        "Buka Balek Dusun untuk menanganinya. Pesan ini sengaja tidak memuat data pribadi.",
    "Similar cases exist. Open one of them, or tick this box to create a new case.":
        "Ada kasus serupa. Buka salah satunya, atau centang kotak ini untuk membuat kasus baru.",
    # messages
    "Case %(ref)s opened. Tell the caller this reference.":
        "Kasus %(ref)s dibuka. Sampaikan nomor referensi ini kepada penelepon.",
    "Status changed to %(s)s.": "Status diubah menjadi %(s)s.",
    "Only a coordinator or the office head may assign cases to others.":
        "Hanya koordinator atau kepala kantor yang dapat menugaskan kasus kepada orang lain.",
    "Assignment saved.": "Penugasan disimpan.", "Due date changed.": "Tenggat diubah.",
    "Only the assignee or a coordinator may edit the details.":
        "Hanya penanggung jawab atau koordinator yang dapat mengubah data.",
    "Only the office head may lift the restriction.": "Hanya kepala kantor yang dapat mencabut status terbatas.",
    "Details saved.": "Data disimpan.", "Note added.": "Catatan ditambahkan.", "Call logged.": "Panggilan dicatat.",
    "File attached.": "Berkas dilampirkan.",
    "not in the register": "tidak ada di daftar", "Household": "Rumah tangga", "Sticker": "Stiker",
    "Overdue cases": "Kasus lewat tenggat",
    "Balek Dusun: %(n)d cases wait for an assignee": "Balek Dusun: %(n)d kasus menunggu penanggung jawab",
    "These cases wait for an assignee:": "Kasus berikut menunggu penanggung jawab:",
    "%(n)d restricted case(s) you cannot open have this phone number. Ask the office head before opening a new one.":
        "%(n)d kasus terbatas yang tidak dapat Anda buka memakai nomor telepon ini. Tanyakan kepada kepala kantor "
        "sebelum membuka kasus baru.", "All %(n)s in the list": "Semua %(n)s di daftar", "agency in the register": "agensi di daftar resmi",
    # Home-page cards (cases/home.py)
    "due %(date)s": "tenggat %(date)s", "All overdue cases": "Semua kasus lewat tenggat",
    "No case is past its due date.": "Tidak ada kasus yang lewat tenggat.", "My open cases": "Kasus terbuka saya",
    "No open case is assigned to you.": "Tidak ada kasus terbuka yang ditugaskan kepada Anda.",
    # personal data never in a URL (API search)
    "Search by name or phone number with POST /api/v1/cases/search: personal data does not go in a URL.":
        "Cari berdasarkan nama atau nomor telepon dengan POST /api/v1/cases/search: data pribadi tidak boleh ada "
        "di alamat URL.",
}
