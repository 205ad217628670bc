"""Starting text of the information pages ("the legal way"), in Indonesian and English.

Written in our own words from the facts in docs/design.md "Domain facts" (UU 18/2017, Perban 9/2020, ministry statements).
Staff edit the pages afterwards; `seed_info_pages` only creates pages that do not exist yet.
"""

INFO_PAGES = [
    {
        "slug": "langkah-resmi",
        "section": "procedure",
        "order": 10,
        "title_id": "Langkah bekerja ke luar negeri secara resmi",
        "title_en": "Steps to work abroad the legal way",
        "summary_id": "Sepuluh langkah dari mencari informasi sampai berangkat, beserta dokumennya.",
        "summary_en": "Ten steps from getting information to departure, with the documents you need.",
        "body_id": """Syarat dasar: berusia paling sedikit 18 tahun, punya keterampilan untuk pekerjaannya, sehat, terdaftar jaminan sosial, dan memegang semua dokumen yang diminta.

## Langkahnya
1. Cari informasi di Dinas Tenaga Kerja (Disnaker), Layanan Terpadu Satu Atap (LTSA) atau BP3MI. Pastikan perusahaannya (P3MI) berizin dan lowongannya (job order) benar ada.
2. Daftar sebagai pencari kerja di SIAPkerja dengan NIK Anda. Disnaker akan memeriksa data Anda.
3. Ikuti seleksi oleh perusahaan penempatan.
4. Lengkapi dokumen (lihat daftar di bawah).
5. Periksa kesehatan dan psikologi di fasilitas resmi.
6. Tanda tangani perjanjian penempatan di LTSA atau Disnaker, bukan di rumah atau di warung.
7. Daftar BPJS Ketenagakerjaan: perlindungan kecelakaan kerja dan kematian wajib.
8. Lengkapi data dan sidik jari di SISKOP2MI di kantor BP3MI.
9. Ikuti Orientasi Pra Pemberangkatan (OPP). Gratis.
10. Terima ID PMI, berangkat, dan lapor diri ke perwakilan RI (KBRI/KJRI) di negara tujuan.

## Dokumen yang disiapkan
- KTP dan Kartu Keluarga
- Ijazah
- Surat izin suami/istri, orang tua atau wali yang diketahui kepala desa atau lurah
- Surat keterangan status perkawinan; buku nikah bila sudah menikah
- Sertifikat kompetensi
- Surat keterangan sehat dan hasil pemeriksaan psikologi
- Paspor dan visa kerja
- Perjanjian penempatan dan perjanjian kerja

Jangan pernah menyerahkan dokumen asli tanpa tanda terima.""",
        "body_en": """Basic conditions: at least 18 years old, able to do the job, healthy, enrolled in social security, and holding every required document.

## The steps
1. Get information at the local manpower office (Disnaker), the one-roof service office (LTSA) or the BP3MI. Make sure the agency (P3MI) is licensed and the job order is real.
2. Register as a job seeker in SIAPkerja with your NIK. Disnaker checks your data.
3. Take part in the agency's selection.
4. Gather the documents (see the list below).
5. Have the medical and psychological check at an official facility.
6. Sign the placement agreement at the LTSA or Disnaker, not at home or in a coffee shop.
7. Enrol in BPJS Ketenagakerjaan: work-accident and death cover are compulsory.
8. Complete your data and fingerprints in SISKOP2MI at the BP3MI office.
9. Attend the pre-departure orientation (OPP). It is free.
10. Receive your ID PMI, depart, and report to the Indonesian embassy or consulate in the destination country.

## Documents to prepare
- Identity card (KTP) and family card (KK)
- School diploma
- Permission of your spouse, parent or guardian, acknowledged by the village head or lurah
- Marital status letter; marriage book if married
- Competence certificate
- Health certificate and psychological test result
- Passport and work visa
- Placement agreement and employment contract

Never hand over original documents without a receipt.""",
    },
    {
        "slug": "skema-penempatan",
        "section": "schemes",
        "order": 20,
        "title_id": "Jalur penempatan: P to P, G to G dan lainnya",
        "title_en": "Placement schemes: P to P, G to G and others",
        "summary_id": "Siapa yang memberangkatkan Anda menentukan hak dan biayanya.",
        "summary_en": "Who sends you abroad decides your rights and your costs.",
        "body_id": """## Melalui perusahaan berizin (P to P)
Sebagian besar pekerja migran berangkat lewat perusahaan penempatan (P3MI) yang berizin. Periksa izinnya di halaman Cek Perusahaan sebelum menyerahkan apa pun.

## Program pemerintah (G to G)
Pemerintah Indonesia bekerja sama langsung dengan pemerintah negara tujuan, misalnya program ke Korea Selatan dan Jepang. Pendaftaran diumumkan resmi; tidak ada calo.

## Pemerintah ke pemberi kerja (G to P)
Pemerintah menempatkan pekerja langsung pada pemberi kerja di luar negeri.

## Perusahaan mengirim pekerjanya sendiri (UKPS)
Perusahaan Indonesia menempatkan karyawannya sendiri di cabangnya di luar negeri.

## Perseorangan (mandiri)
Pekerja yang mendapat pekerjaan sendiri tetap wajib mendaftar dan melapor ke BP3MI agar terlindungi.

Penempatan pekerja rumah tangga pada pengguna perseorangan ke negara-negara Timur Tengah dihentikan sejak 2015, kecuali jalur uji coba resmi ke Arab Saudi.""",
        "body_en": """## Through a licensed agency (P to P)
Most migrant workers leave through a licensed placement agency (P3MI). Check its licence on the Check an agency page before handing over anything.

## Government programme (G to G)
The Indonesian government works directly with the government of the destination country, for example the programmes to South Korea and Japan. Registration is announced officially; there are no brokers.

## Government to employer (G to P)
The government places workers directly with an employer abroad.

## A company sending its own staff (UKPS)
An Indonesian company places its own employees at its branch abroad.

## Individual (mandiri)
Workers who find a job by themselves must still register and report to the BP3MI to be protected.

Placement of domestic workers with private households in Middle East countries has been stopped since 2015, except for an official pilot channel to Saudi Arabia.""",
    },
    {
        "slug": "biaya",
        "section": "costs",
        "order": 30,
        "title_id": "Biaya: apa yang boleh dan tidak boleh dibebankan",
        "title_en": "Costs: what you may and may not be charged",
        "summary_id": "Sepuluh jabatan tidak boleh dibebani biaya penempatan.",
        "summary_en": "Ten occupations may not be charged placement costs.",
        "body_id": """Untuk sepuluh jabatan, antara lain pekerja rumah tangga, pengasuh (caregiver), juru masak, sopir, pekerja perkebunan dan awak kapal perikanan, Anda tidak boleh dimintai biaya penempatan (Peraturan BP2MI Nomor 9 Tahun 2020).

- Bayar hanya biaya yang tertulis di lowongan resmi, dengan kuitansi resmi perusahaan.
- Jangan pernah mentransfer uang ke rekening pribadi.
- Pelatihan pra pemberangkatan (OPP) dari BP3MI gratis.
- Bila ada yang meminta uang untuk "mempercepat" proses, laporkan.""",
        "body_en": """For ten occupations, among them domestic worker, caregiver, cook, driver, plantation worker and fishing crew, nobody may charge you placement costs (BP2MI Regulation No. 9 of 2020).

- Pay only costs written in the official job opening, against the agency's official receipt.
- Never transfer money to a personal bank account.
- The BP3MI's pre-departure orientation (OPP) is free.
- If someone asks for money to "speed things up", report it.""",
    },
    {
        "slug": "tanda-bahaya",
        "section": "warning",
        "order": 40,
        "title_id": "Tanda-tanda perekrutan ilegal",
        "title_en": "Warning signs of illegal recruitment",
        "summary_id": "Visa turis untuk bekerja, gaji tinggi tanpa syarat, uang ke rekening pribadi.",
        "summary_en": "A tourist visa for work, high pay for no skills, money to a personal account.",
        "body_id": """Hati-hati bila Anda menemui salah satu tanda ini:
- Anda disuruh berangkat dengan visa turis atau visa ziarah untuk bekerja.
- Gaji dijanjikan sangat tinggi tanpa syarat keterampilan.
- Uang diminta ditransfer ke rekening pribadi.
- Tidak ada perjanjian kerja, atau tidak ada tanda terima untuk dokumen yang diserahkan.
- Anda diberi "uang saku" tunai agar mau berangkat.
- Negara tujuannya bukan negara penempatan, misalnya Kamboja atau Myanmar (tempat penipuan daring).
- Perekrutnya tidak bisa menunjukkan izin perusahaan atau job order.

Menempatkan pekerja secara tidak resmi dapat dipidana penjara sampai 10 tahun dan denda sampai Rp15 miliar.

Bila Anda ragu, cek perusahaannya di portal ini atau hubungi hotline. Melapor itu gratis dan identitas Anda dilindungi.""",
        "body_en": """Be careful when you meet any of these signs:
- You are told to travel on a tourist or pilgrimage visa to work.
- Very high pay is promised with no skills needed.
- You are asked to transfer money to a personal account.
- There is no employment contract, or no receipt for the documents you hand over.
- You are given cash "pocket money" so that you agree to go.
- The destination is not a placement country, for example Cambodia or Myanmar (online scam compounds).
- The recruiter cannot show the agency's licence or a job order.

Placing workers outside the law is punishable by up to 10 years in prison and fines of up to Rp15 billion.

When in doubt, check the agency on this portal or call the hotline. Reporting is free and your identity is protected.""",
    },
    {
        "slug": "tanya-jawab",
        "section": "faq",
        "order": 50,
        "title_id": "Tanya jawab",
        "title_en": "Questions and answers",
        "summary_id": "Pertanyaan yang paling sering kami dengar dari desa.",
        "summary_en": "The questions we hear most often in the villages.",
        "body_id": """## Apakah layanan BP3MI berbayar?
Tidak. Informasi, orientasi pra pemberangkatan, pengaduan dan bantuan dari BP3MI gratis.

## Bagaimana saya tahu sebuah lowongan asli?
Minta nomor job order kepada perusahaan, lalu cari di halaman Lowongan. Perusahaannya harus berizin.

## Keluarga saya bermasalah di luar negeri. Apa yang harus saya lakukan?
Hubungi hotline atau isi formulir Minta Bantuan. Siapkan nama, negara, nama majikan atau perusahaan, dan nomor kontak bila ada. Anda akan mendapat nomor referensi untuk memantau laporan.

## Bagaimana cara memantau laporan saya?
Buka Cek Laporan, masukkan nomor referensi dan empat angka terakhir nomor telepon yang Anda berikan. Kami hanya menampilkan statusnya.

## Apa itu ID PMI?
Identitas digital pekerja migran yang menggantikan kartu e-KTKLN. Anda menerimanya setelah semua langkah resmi selesai.""",
        "body_en": """## Do the BP3MI's services cost money?
No. Information, pre-departure orientation, complaints and help from the BP3MI are free.

## How do I know a job opening is real?
Ask the agency for the job-order number and look it up under Job openings. The agency must be licensed.

## My family member has a problem abroad. What should I do?
Call the hotline or fill in the Ask for help form. Have the name, the country, the employer or agency and a contact number ready if you can. You receive a reference code to follow the report.

## How do I follow my report?
Open Check my report and enter the reference code and the last four digits of the phone number you gave. We only show the status.

## What is the ID PMI?
The migrant worker's digital identity, which replaced the e-KTKLN card. You receive it once every legal step is done.""",
    },
]
