"""Indonesian for the jobs app (background jobs: the list, a job's progress page, starting long work)."""

T = {
    "Background jobs": "Pekerjaan latar",
    "The uploaded file is no longer kept. Upload it again.": "Berkas yang diunggah tidak disimpan lagi. "
    "Unggah lagi.",
    "The file has errors; nothing was imported. Correct the lines below and upload it again.":
        "Berkas berisi kesalahan; tidak ada yang diimpor. Perbaiki baris di bawah ini lalu unggah lagi.",
    "Only the first errors are listed.": "Hanya kesalahan pertama yang ditampilkan.",
    "The village is unknown or outside your jurisdiction.": "Desa tidak dikenal atau di luar wilayah kerja Anda.",
    "upload by %(user)s": "diunggah oleh %(user)s",
    "Your role no longer allows exports.": "Peran Anda tidak lagi membolehkan ekspor.",
    "Unknown export.": "Ekspor tidak dikenal.",
    "The campaign is unknown or outside your jurisdiction.":
        "Kampanye tidak dikenal atau di luar wilayah kerja Anda.",
    "The sticker batch is unknown or outside your jurisdiction.":
        "Batch stiker tidak dikenal atau di luar wilayah kerja Anda.",
    "The batch has no sticker at this number.": "Batch ini tidak memiliki stiker pada nomor ini.",
    "Only a national administrator may rebuild the dashboard figures.":
        "Hanya administrator nasional yang boleh menghitung ulang angka dasbor.",
    "Household list import": "Impor daftar rumah tangga",
    "PMI placement figures import": "Impor data penempatan PMI",
    "Data export": "Ekspor data",
    "Campaign activity report (PDF)": "Laporan kegiatan kampanye (PDF)",
    "Sticker sheets (PDF)": "Lembar stiker (PDF)",
    "Dashboard figures rebuild": "Hitung ulang angka dasbor",
    "Waiting": "Menunggu",
    "Running": "Berjalan",
    "Finished": "Selesai",
    "Failed": "Gagal",
    "kind": "jenis",
    "status": "status",
    "started by": "dimulai oleh",
    "office": "kantor",
    "title": "judul",
    "error": "kesalahan",
    "created": "dibuat",
    "Waiting for a worker": "Menunggu giliran",
    "Starting": "Memulai",
    "Reading and checking rows": "Membaca dan memeriksa baris",
    "Saving": "Menyimpan",
    "Writing the file": "Menulis berkas",
    "Drawing the PDF": "Menyusun PDF",
    "Recounting the dashboard figures": "Menghitung ulang angka dasbor",
    "Stopped": "Berhenti",
    "The job stopped because of an unexpected error. Nothing was changed; you can try again, and if it fails "
    "again tell your administrator.":
        "Pekerjaan berhenti karena kesalahan yang tidak terduga. Tidak ada yang diubah; Anda dapat mencoba lagi, "
        "dan bila gagal lagi, beri tahu administrator Anda.",
    "The worker stopped while this job was running. Nothing was changed; try again.":
        "Pemroses berhenti saat pekerjaan ini berjalan. Tidak ada yang diubah; coba lagi.",
    "Unknown kind of job.": "Jenis pekerjaan tidak dikenal.",
    "Only the person who started this job may run it again.":
        "Hanya orang yang memulai pekerjaan ini yang boleh menjalankannya lagi.",
    "Only a failed job can be run again.": "Hanya pekerjaan yang gagal yang dapat dijalankan lagi.",
    "Progress": "Kemajuan",
    "%(done)s of %(total)s": "%(done)s dari %(total)s",
    "The file is prepared in the background: a page shows how far it got, and the file can be downloaded there "
    "when it is ready.": "Berkas disiapkan di latar: sebuah halaman menunjukkan kemajuannya, dan berkas dapat "
    "diunduh di sana setelah siap.",
    "Start": "Mulai",
    "For": "Untuk",
    "File": "Berkas",
    "Started by": "Dimulai oleh",
    "Started": "Dimulai",
    "Status": "Status",
    "You can leave this page: the work goes on, and the list of background jobs shows it when it is done.":
        "Anda boleh meninggalkan halaman ini: pekerjaan tetap berjalan, dan daftar pekerjaan latar menampilkannya "
        "setelah selesai.",
    "Finished.": "Selesai.",
    "%(n)s row imported.": ("%(n)s baris diimpor.",),
    "%(n)s row in the file.": ("%(n)s baris dalam berkas.",),
    "%(n)s figure recounted.": ("%(n)s angka dihitung ulang.",),
    "Download": "Unduh",
    "Every download is recorded in the audit log.": "Setiap unduhan tercatat di log audit.",
    "Only the person who started this job may download its file.":
        "Hanya orang yang memulai pekerjaan ini yang boleh mengunduh berkasnya.",
    "The job failed.": "Pekerjaan gagal.",
    "Line": "Baris",
    "Column": "Kolom",
    "Problem": "Masalah",
    "Try again": "Coba lagi",
    "Long work of your office (large imports, exports, reports, sticker sheets) runs here in the background. "
    "You can leave the page and come back.": "Pekerjaan panjang kantor Anda (impor besar, ekspor, laporan, "
    "lembar stiker) berjalan di sini di latar. Anda boleh meninggalkan halaman dan kembali nanti.",
    "Your long work (large imports, exports, reports) runs here in the background. You can leave the page and "
    "come back.": "Pekerjaan panjang Anda (impor besar, ekspor, laporan) berjalan di sini di latar. Anda boleh "
    "meninggalkan halaman dan kembali nanti.",
    "Recount all dashboard figures": "Hitung ulang semua angka dasbor",
    "Job": "Pekerjaan",
    "No background jobs yet.": "Belum ada pekerjaan latar.",
    "The job was queued again.": "Pekerjaan dijadwalkan lagi.",
    "Prepare an export": "Siapkan ekspor",
    "Activity report of %(c)s": "Laporan kegiatan %(c)s",
    "Prepare a campaign report": "Siapkan laporan kampanye",
    "Sticker sheets of batch %(b)s": "Lembar stiker batch %(b)s",
    "Prepare sticker sheets": "Siapkan lembar stiker",
    "Your role does not allow this.": "Peran Anda tidak mengizinkan ini.",
    "all areas": "semua wilayah",
}
T.update({
    "CSV in the background": "CSV di latar",
    "XLSX in the background": "XLSX di latar",
    "Activity report (PDF) in the background": "Laporan kegiatan (PDF) di latar",
    "Make PDF in the background (large batches)": "Buat PDF di latar (batch besar)",
})
