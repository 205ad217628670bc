"""The user guide's walk: for each role, the pages it visits in order, and the Indonesian words the guide says about
each. `test_walk.py` walks it in Chromium on the demo data (checking every page and saving a screenshot of it);
`make panduan` runs that walk into docs/panduan/img and writes docs/panduan/*.md from it with tools/panduan.py.

A page is named by its URL name; the walk opens it by following a link on the page before it where it has an
argument (an outreach day, a case), so the guide shows real demo records, never a made-up id. Every entry of each
role's menu must be explained in some role's guide: `test_walk.py` fails on a menu entry nobody describes, so the
guide cannot go stale when a page is added.
"""

from dataclasses import dataclass, field

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


@dataclass(frozen=True)
class Step:
    page: str  # a URL name ("cases:list"), "field:<screen>" for the field app, or "portal:<page>"
    title: str  # the guide's heading for this step
    text: str  # what the guide says, in Indonesian
    link: str = ""  # CSS selector of the link to follow on the previous page (pages with arguments)


@dataclass(frozen=True)
class Role:
    slug: str  # docs/panduan/<slug>.md
    name: str  # the role in words
    username: str | None  # demo user; None for a resident (no sign-in)
    intro: str
    viewport: dict = field(default_factory=lambda: DESKTOP)
    steps: tuple[Step, ...] = ()


HOME = "core:home"

ROLES = (
    Role(
        "koordinator", "Koordinator", "koordinator.sumsel",
        "Koordinator menyusun rencana kegiatan dari rumah ke rumah, membagi wilayah kerja kepada petugas, mengelola "
        "bahan sosialisasi dan stiker, memeriksa kunjungan yang masuk, dan menindaklanjuti laporan warga.",
        steps=(
            Step(HOME, "Beranda", "Beranda menampilkan pekerjaan hari ini: hari kegiatan yang perlu direncanakan, "
                 "konflik data yang perlu diselesaikan, dan serah terima bahan yang perlu disahkan."),
            Step("campaigns:priority", "Prioritas desa", "Daftar desa asal PMI diurutkan menurut kebutuhan "
                 "sosialisasi: jumlah PMI, kasus, dan kapan terakhir dikunjungi. Dari sini hari kegiatan "
                 "direncanakan."),
            Step("campaigns:outreaches", "Hari kegiatan", "Semua hari kegiatan di wilayah kantor, dengan status "
                 "(direncanakan, berjalan, selesai) dan jumlah kunjungan yang sudah masuk."),
            Step("campaigns:outreach", "Satu hari kegiatan", "Rincian satu hari kegiatan: tim, wilayah kerja (turf) "
                 "tiap petugas dengan urutan jalan, bahan yang dibawa, dan kunjungan yang masuk.",
                 link="main a[href^='/planning/outreach/']"),
            Step("campaigns:campaigns", "Kampanye", "Kampanye mengelompokkan hari-hari kegiatan dengan tujuan dan "
                 "masa yang sama."),
            Step("campaigns:migration", "Data penempatan PMI", "Angka penempatan PMI per desa, diimpor dari berkas "
                 "CSV atau XLSX dengan templat yang bisa diunduh di halaman ini."),
            Step("visits:incoming", "Kunjungan masuk", "Kunjungan yang dikirim dari HP petugas, terbaru di atas. "
                 "Kunjungan yang perlu diperiksa diberi tanda."),
            Step("visits:conflicts", "Konflik data", "Bila dua HP mengubah rumah atau kunjungan yang sama, "
                 "perbedaannya muncul di sini untuk dipilih mana yang benar."),
            Step("visits:devices", "Perangkat petugas", "HP yang terdaftar, kapan terakhir mengirim data, dan "
                 "berapa data yang masih tertunda."),
            Step("materials:catalogue", "Katalog bahan", "Brosur, poster, dan stiker yang dipakai kantor."),
            Step("materials:stock", "Stok bahan", "Stok di kantor dan di tangan tiap tim, dengan riwayat keluar "
                 "masuk."),
            Step("materials:batches", "Stiker QR", "Kumpulan stiker QR yang dicetak: berapa yang sudah ditempel, "
                 "dibatalkan, atau belum dipakai. Lembar stiker dicetak dari sini."),
            Step("materials:outreaches", "Serah terima bahan", "Rekonsiliasi bahan per hari kegiatan: yang dibawa, "
                 "yang dibagikan, dan yang kembali. Selisih harus dijelaskan sebelum disahkan."),
            Step("cases:list", "Tindak lanjut", "Laporan dari lapangan dan hotline yang perlu ditindaklanjuti: "
                 "keluarga dengan anggota bermasalah di luar negeri, calo, atau warga yang ingin bekerja secara "
                 "resmi."),
            Step("cases:detail", "Satu tindak lanjut", "Rincian satu tindak lanjut: riwayat, petugas yang "
                 "menangani, batas waktu, dan langkah berikutnya.",
                 link="main a[href^='/cases/']"),
            Step("cases:board", "Papan tindak lanjut", "Tindak lanjut dikelompokkan menurut tahapnya."),
            Step("cases:overdue", "Lewat batas waktu", "Tindak lanjut yang melewati batas waktu layanan."),
            Step("cases:hotline", "Hotline", "Mencatat laporan yang masuk lewat telepon atau WhatsApp kantor."),
            Step("rights:queue", "Permintaan data warga", "Permintaan warga untuk melihat, mengoreksi, atau menghapus "
                 "datanya, atau menarik persetujuan. Undang-undang memberi waktu 3 × 24 jam; yang paling mendesak ada "
                 "di atas, dengan sisa waktunya."),
            Step("rights:detail", "Satu permintaan data", "Rincian permintaan dan cara menjawabnya: salinan data "
                 "(PDF dan JSON), koreksi, atau penghapusan. Semua tercatat di catatan akses.",
                 link="main a[href^='/rights/']"),
            Step("rights:new", "Catat permintaan warga", "Untuk warga yang meminta di kantor atau di rumahnya, "
                 "setelah identitasnya diperiksa langsung."),
            Step("reports:home", "Dasbor", "Angka kegiatan per wilayah: rumah dikunjungi, bahan dibagikan, stiker "
                 "ditempel, dan tindak lanjut."),
            Step("reports:map", "Peta", "Rumah yang sudah dikunjungi di peta."),
            Step("reports:quality", "Mutu data", "Kunjungan yang janggal, misalnya di luar tanggal kegiatan atau "
                 "jauh dari desanya."),
            Step("reports:exports", "Ekspor data", "Mengunduh data dalam CSV atau XLSX, dengan judul kolom dan "
                 "isi dalam bahasa Indonesia."),
            Step("jobs:list", "Pekerjaan latar", "Pekerjaan panjang kantor berjalan di latar: impor berkas besar, "
                 "ekspor besar, laporan kegiatan kampanye, dan lembar stiker. Halaman ini menunjukkan kemajuan "
                 "tiap pekerjaan; halaman boleh ditinggalkan."),
            Step("jobs:detail", "Satu pekerjaan latar", "Kemajuan satu pekerjaan: berapa baris sudah dibaca dari "
                 "berapa. Bila selesai, hasilnya (berkas untuk diunduh, atau jumlah baris diimpor) tampil di sini; "
                 "bila gagal, sebabnya dan baris yang salah, dengan tombol Coba lagi.",
                 link="#jobs-table a[href^='/jobs/']"),
            Step("portal:manage_jobs", "Lowongan resmi", "Lowongan kerja luar negeri resmi yang ditampilkan di "
                 "portal warga."),
            Step("portal:manage_agencies", "Perusahaan resmi (P3MI)", "Daftar perusahaan penempatan yang berizin, "
                 "untuk pencarian warga di portal."),
            Step("portal:manage_pages", "Halaman informasi", "Halaman informasi portal: cara bekerja ke luar "
                 "negeri secara resmi, tanda-tanda calo, dan layanan kantor."),
            Step("core:tokens", "Token perangkat", "Token untuk aplikasi lapangan atau integrasi; bisa dicabut "
                 "bila HP hilang."),
            Step("core:password_change", "Ganti kata sandi", "Mengganti kata sandi akun."),
            Step("core:otp_setup", "Verifikasi dua langkah", "Memasang aplikasi autentikator di HP sebagai langkah "
                 "kedua saat masuk (kode enam angka), dan menyimpan kode cadangan bila HP hilang."),
        ),
    ),
    Role(
        "petugas", "Petugas lapangan", "petugas.sumsel",
        "Petugas lapangan berjalan dari rumah ke rumah dengan aplikasi lapangan di HP. Aplikasi tetap bekerja tanpa "
        "sinyal; kunjungan disimpan di HP dan terkirim sendiri saat ada sinyal.",
        viewport=PHONE,
        steps=(
            Step(HOME, "Beranda", "Beranda menampilkan hari kegiatan Anda dan tautan ke aplikasi lapangan."),
            Step("field:login", "Masuk ke aplikasi lapangan", "Buka aplikasi lapangan dan masuk dengan nama pengguna "
                 "dan kata sandi. Daftar rumah hari ini langsung tersimpan di HP."),
            Step("field:home", "Hari kerja saya", "Wilayah kerja (turf) Anda hari ini, dengan jumlah rumah dan "
                 "kunjungan yang belum terkirim."),
            Step("field:walklist", "Daftar kunjungan", "Rumah-rumah dalam urutan jalan. Rumah yang sudah dikunjungi "
                 "diberi tanda; peta turf bisa dibuka tanpa sinyal."),
            Step("field:household", "Rumah", "Keterangan rumah dan kunjungan sebelumnya."),
            Step("field:visit", "Catat kunjungan", "Catat hasil kunjungan, bahan yang dibagikan, kode stiker yang "
                 "ditempel, dan tindak lanjut bila ada. Kunjungan tersimpan di HP seketika."),
        ),
    ),
    Role(
        "kepala", "Kepala kantor", "kepala.sumsel",
        "Kepala kantor melihat angka minggu ini dan tindak lanjut yang terlambat, mengelola pengguna, dan memeriksa "
        "catatan akses. Halaman kerja koordinator juga terbuka untuk kepala kantor (lihat panduan koordinator).",
        steps=(
            Step(HOME, "Beranda", "Angka minggu ini dan tindak lanjut yang lewat batas waktu."),
            Step("core:users", "Pengguna", "Akun petugas, koordinator, perangkat desa, dan pemantau kantor, dengan "
                 "peran dan wilayahnya."),
            Step("core:audit", "Catatan akses", "Siapa membuka atau mengekspor data pribadi, dan kapan."),
            Step("privacy:record", "Catatan pemrosesan data pribadi", "Setiap kegiatan pemrosesan data pribadi: "
                 "tujuan, dasar menurut UU 27/2022, data yang diproses, masa simpan, dan peran yang dapat melihatnya. "
                 "Halaman ini dibuat dari pengaturan sistem sendiri dan dapat dicetak sebagai PDF."),
            Step("privacy:access_log", "Ekspor log akses", "Mengunduh daftar siapa membuka, mencetak, atau "
                 "mengekspor data kantor dalam satu periode, sebagai berkas CSV."),
            Step("privacy:breaches", "Kegagalan pelindungan data", "Daftar kegagalan pelindungan data yang "
                 "dicatat kantor, dengan batas waktu pemberitahuan 3 × 24 jam."),
            Step("privacy:breach_new", "Catat kegagalan", "Mencatat apa yang terjadi, kapan diketahui, data dan "
                 "jumlah orang yang terdampak, serta upaya yang dilakukan. Surat pemberitahuan dalam bahasa "
                 "Indonesia dibuat dari catatan ini dan dari catatan akses.",
                 link="main a[href$='/breaches/new/']"),
        ),
    ),
    Role(
        "pemantau", "Pemantau", "pemantau.sumsel",
        "Pemantau membaca angka dan peta tanpa data pribadi warga.",
        steps=(
            Step(HOME, "Beranda", "Ringkasan kegiatan di wilayah kantor."),
            Step("reports:home", "Dasbor", "Angka kegiatan per wilayah, tanpa nama atau alamat warga."),
            Step("reports:map", "Peta", "Sebaran kunjungan; koordinat dibulatkan untuk peran ini."),
            Step("reports:exports", "Ekspor data", "Ekspor yang boleh diunduh pemantau, tanpa data pribadi."),
        ),
    ),
    Role(
        "warga", "Warga", None,
        "Warga memindai stiker QR di rumahnya dan membuka portal: informasi bekerja ke luar negeri secara resmi, "
        "nomor hotline kantor, dan formulir minta bantuan. Portal tidak pernah menampilkan data pribadi.",
        viewport=PHONE,
        steps=(
            Step("portal:sticker", "Halaman stiker", "Halaman yang terbuka saat stiker dipindai: hotline kantor, "
                 "WhatsApp dengan kode stiker, dan informasi penting."),
            Step("portal:home", "Portal warga", "Informasi bekerja ke luar negeri secara resmi, lowongan, dan "
                 "perusahaan berizin."),
            Step("portal:jobs", "Lowongan resmi", "Lowongan kerja luar negeri yang resmi, dengan negara, jabatan, "
                 "dan perusahaan penempatannya."),
            Step("portal:agencies", "Cek perusahaan", "Memeriksa apakah perusahaan yang menawarkan kerja berizin."),
            Step("portal:help", "Minta bantuan", "Formulir untuk melaporkan masalah atau minta dihubungi petugas."),
            Step("rights:portal", "Data Anda", "Warga meminta salinan datanya, koreksi, penghapusan, atau menarik "
                 "persetujuan, dengan kode stiker rumah dan nomor telepon yang tercatat."),
            Step("rights:portal_status", "Status permintaan data", "Memeriksa status permintaan dengan nomor "
                 "referensi HAK dan nomor telepon. Data pribadi tidak pernah ditampilkan di sini."),
        ),
    ),
)


def described_pages() -> set[str]:
    return {step.page for role in ROLES for step in role.steps}
