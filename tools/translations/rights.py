T = {
    # Audit actions in the resident's copy
    "Household recorded": "Rumah tangga dicatat",
    "Household record viewed": "Data rumah tangga dilihat",
    "Personal data viewed": "Data pribadi dilihat",
    "Visit answers corrected": "Jawaban kunjungan dikoreksi",
    "Case opened": "Kasus dibuka",
    "Case viewed": "Kasus dilihat",
    "Case status changed": "Status kasus diubah",
    "Case details changed": "Rincian kasus diubah",
    "Note added to a case": "Catatan ditambahkan pada kasus",
    "Call recorded on a case": "Panggilan telepon dicatat pada kasus",
    "Case assigned": "Kasus ditugaskan",
    "Case due date changed": "Tenggat kasus diubah",
    "Document added to a case": "Dokumen ditambahkan pada kasus",
    "Document of a case viewed": "Dokumen kasus dilihat",
    "Exported": "Diekspor",
    "Data request received": "Permintaan data diterima",
    "Identity verified in person": "Identitas diperiksa secara langsung",
    "Copy of the data prepared": "Salinan data disiapkan",
    "Data corrected on request": "Data dikoreksi atas permintaan",
    "Data erased on request": "Data dihapus atas permintaan",
    "Consent withdrawn": "Persetujuan ditarik",
    "Data request answered": "Permintaan data dijawab",
    "Data request refused": "Permintaan data ditolak",
    "The system or the resident": "Sistem atau warga",
    # The copy
    "Reference": "Nomor referensi", "Kind": "Jenis", "Status": "Status", "Opened": "Dibuka", "Closed": "Ditutup",
    "Destination country": "Negara tujuan",
    "Narrative and reporter": "Kronologi dan pelapor",
    "Not included: ask the office (they may identify another person or concern an open protection case).":
        "Tidak dicantumkan: tanyakan ke kantor (dapat mengungkap identitas orang lain atau menyangkut kasus "
        "pelindungan yang masih berjalan).",
    "Personal data held about your household": "Data pribadi rumah tangga Anda yang kami simpan",
    "Household": "Rumah tangga", "Village": "Desa", "Dusun": "Dusun", "RT": "RT", "RW": "RW",
    "Address description": "Keterangan alamat", "Head of household": "Kepala keluarga", "Phone": "Telepon",
    "Location (GPS)": "Lokasi (GPS)", "Consent recorded": "Persetujuan dicatat", "Recorded on": "Dicatat pada",
    "Stickers": "Stiker", "Code": "Kode", "Placed": "Terpasang", "Office": "Kantor", "Visits": "Kunjungan",
    "Cases": "Kasus", "Who used this data": "Siapa yang menggunakan data ini", "When": "Waktu", "What": "Apa",
    "Other use": "Penggunaan lain", "Who": "Siapa", "Made on": "Dibuat pada",
    # Forms
    "See: a copy of everything we hold about your household. Correct: we fix what is wrong. Delete: we remove your "
    "names, numbers and stories. Withdraw consent: we stop using your data and remove it.":
        "Melihat: salinan semua data rumah tangga Anda yang kami simpan. Mengoreksi: kami memperbaiki yang salah. "
        "Menghapus: kami menghapus nama, nomor, dan cerita Anda. Menarik persetujuan: kami berhenti memakai data "
        "Anda dan menghapusnya.",
    "What do you ask for?": "Apa yang Anda minta?",
    "Code on the sticker of your house": "Kode pada stiker rumah Anda",
    "The letters and numbers printed under the QR code, e.g. K7QX-4MP9.":
        "Huruf dan angka yang tercetak di bawah kode QR, misalnya K7QX-4MP9.",
    "Phone number recorded for your household": "Nomor telepon yang tercatat untuk rumah tangga Anda",
    "You will need it with your reference code to check the status.":
        "Anda memerlukannya bersama nomor referensi untuk memeriksa status.",
    "We have no phone number recorded, or a different one: verify me in person at the office (the number above is "
    "then only for the status).":
        "Nomor saya tidak tercatat atau berbeda: periksa identitas saya secara langsung di kantor (nomor di atas "
        "hanya untuk memeriksa status).",
    "Your name (optional)": "Nama Anda (boleh dikosongkan)",
    "If you ask for someone else: your relationship to the household":
        "Jika Anda meminta untuk orang lain: hubungan Anda dengan rumah tangga itu",
    "What should we correct, or anything else we should know? (optional)":
        "Apa yang harus kami koreksi, atau hal lain yang perlu kami ketahui? (boleh dikosongkan)",
    "Leave this empty": "Biarkan kosong",
    "Say what is wrong and what it should be.": "Sebutkan apa yang salah dan seharusnya bagaimana.",
    "Reference code (HAK-…)": "Nomor referensi (HAK-…)",
    "The phone number you gave": "Nomor telepon yang Anda berikan",
    "Sticker code of the house": "Kode stiker rumah",
    "Request": "Permintaan",
    "Name of the person asking": "Nama orang yang meminta",
    "Relationship to the household": "Hubungan dengan rumah tangga",
    "Phone number for the status check": "Nomor telepon untuk memeriksa status",
    "What is asked (for a correction: what is wrong and what it should be)":
        "Apa yang diminta (untuk koreksi: apa yang salah dan seharusnya bagaimana)",
    "I checked this person's identity (KTP or family card) in person.":
        "Saya sudah memeriksa identitas orang ini (KTP atau kartu keluarga) secara langsung.",
    "Answer to the resident (optional)": "Jawaban kepada warga (boleh dikosongkan)",
    "I understand that names, numbers, locations and stories of this household are removed for good.":
        "Saya mengerti bahwa nama, nomor, lokasi, dan cerita rumah tangga ini dihapus untuk selamanya.",
    "Reason (the resident is told)": "Alasan (disampaikan kepada warga)",
    # Choices and fields
    "See my data": "Melihat data saya", "Correct my data": "Mengoreksi data saya",
    "Delete my data": "Menghapus data saya", "Withdraw my consent": "Menarik persetujuan saya",
    "Public portal": "Portal publik", "At the office (filed by staff)": "Di kantor (dicatat oleh petugas)",
    "Sticker code and the household's phone number": "Kode stiker dan nomor telepon rumah tangga",
    "In person, by staff": "Secara langsung, oleh petugas",
    "Waiting for verification in person": "Menunggu pemeriksaan identitas secara langsung",
    "Received": "Diterima", "Answered": "Dijawab", "Refused": "Ditolak",
    "reference": "nomor referensi", "request": "permintaan", "channel": "saluran", "verification": "verifikasi",
    "status": "status", "office": "kantor", "area": "wilayah", "sticker code": "kode stiker",
    "name of the person asking": "nama orang yang meminta",
    "relationship to the household": "hubungan dengan rumah tangga",
    "what the resident asks": "yang diminta warga", "received": "diterima", "answer due": "batas waktu jawaban",
    "answered": "dijawab", "answer": "jawaban", "rights request": "permintaan hak atas data",
    "rights requests": "permintaan hak atas data",
    "Residents' data requests": "Permintaan data warga",
    # Service errors
    "Enter the phone number, e.g. 0812 3456 7890.": "Isi nomor telepon, misalnya 0812 3456 7890.",
    "No office covers this village yet.": "Belum ada kantor yang melayani desa ini.",
    "No house carries a sticker with this code. Check the code on the sticker.":
        "Tidak ada rumah dengan stiker berkode ini. Periksa kode pada stiker.",
    "Choose what you ask for.": "Pilih apa yang Anda minta.",
    "This phone number is not the one recorded for this house. Check it, or ask to be verified in person.":
        "Nomor telepon ini bukan nomor yang tercatat untuk rumah ini. Periksa kembali, atau minta pemeriksaan "
        "identitas secara langsung.",
    "Confirm that you checked the person's identity in person.":
        "Pastikan Anda sudah memeriksa identitas orang itu secara langsung.",
    "Enter the name of the person asking.": "Isi nama orang yang meminta.",
    "This request has already been answered.": "Permintaan ini sudah dijawab.",
    "Verify the person's identity in person before answering.":
        "Periksa identitas orang itu secara langsung sebelum menjawab.",
    "This request does not ask for a copy.": "Permintaan ini tidak meminta salinan.",
    "This request does not ask for a correction.": "Permintaan ini tidak meminta koreksi.",
    "Unknown field: %(f)s": "Isian tidak dikenal: %(f)s",
    "Nothing was changed. Edit the fields the resident named.":
        "Tidak ada yang diubah. Ubah kolom yang disebut warga.",
    "Say why the request is refused: the resident is told.":
        "Sebutkan alasan permintaan ditolak: alasan ini disampaikan kepada warga.",
    "This request does not ask for erasure.": "Permintaan ini tidak meminta penghapusan.",
    # Staff pages
    "Data request": "Permintaan data", "What the resident sees": "Yang dilihat warga", "Channel": "Saluran",
    "Verification": "Verifikasi", "Answer due": "Batas waktu jawaban", "Sticker": "Stiker",
    "Person asking": "Orang yang meminta", "What is asked": "Yang diminta", "Answer": "Jawaban",
    "The resident asked to be verified in person. Check their identity card or family card, then confirm here.":
        "Warga meminta pemeriksaan identitas secara langsung. Periksa KTP atau kartu keluarganya, lalu konfirmasi "
        "di sini.",
    "Identity checked in person": "Identitas sudah diperiksa langsung",
    "Give the resident both copies (printed, or sent to them), then close the request.":
        "Berikan kedua salinan kepada warga (dicetak, atau dikirim), lalu tutup permintaan.",
    "Printable copy (PDF)": "Salinan untuk dicetak (PDF)",
    "Machine-readable copy (JSON)": "Salinan terbaca mesin (JSON)",
    "Copy handed over: close the request": "Salinan sudah diserahkan: tutup permintaan",
    "Save the correction": "Simpan koreksi",
    "Names, phone numbers, addresses, locations, stories and notes of this household are removed, and the closed "
    "cases anonymised. Open protection cases are kept as the law requires. The counts of visits stay true.":
        "Nama, nomor telepon, alamat, lokasi, cerita, dan catatan rumah tangga ini dihapus, dan kasus yang sudah "
        "ditutup dianonimkan. Kasus pelindungan yang masih berjalan disimpan sesuai ketentuan undang-undang. "
        "Jumlah kunjungan tetap benar.",
    "Erase the household's personal data": "Hapus data pribadi rumah tangga ini",
    "Refuse the request": "Tolak permintaan", "Refuse": "Tolak",
    "File a request for a resident": "Catat permintaan untuk warga",
    "For a resident who asks at the office or at the door. Check their identity card or family card first.":
        "Untuk warga yang meminta di kantor atau di rumahnya. Periksa dahulu KTP atau kartu keluarganya.",
    "File the request": "Catat permintaan",
    # Portal pages
    "We received your data request.": "Permintaan data Anda sudah kami terima.",
    "Your reference code:": "Nomor referensi Anda:",
    "Write it down or take a screenshot. With it and the phone number you gave you can check the status.":
        "Catat atau simpan tangkapan layarnya. Dengan nomor itu dan nomor telepon yang Anda berikan, Anda dapat "
        "memeriksa status.",
    "Check the status of my data request": "Periksa status permintaan data saya",
    "Your data: see, correct or delete": "Data Anda: melihat, mengoreksi, atau menghapus",
    "The BP3MI keeps what you told our officers at your door. You may ask for a copy of it, ask us to correct it or "
    "to delete it, or withdraw your consent. The office answers within 3 × 24 hours.":
        "BP3MI menyimpan apa yang Anda sampaikan kepada petugas kami di rumah Anda. Anda boleh meminta salinannya, "
        "meminta kami mengoreksi atau menghapusnya, atau menarik persetujuan Anda. Kantor menjawab dalam waktu "
        "3 × 24 jam.",
    "Send my request": "Kirim permintaan saya",
    "Already asked? Check the status of your data request":
        "Sudah meminta? Periksa status permintaan data Anda",
    "No sticker on your house? Come to the office with your identity card, or call the hotline.":
        "Tidak ada stiker di rumah Anda? Datanglah ke kantor dengan KTP Anda, atau hubungi hotline.",
    "Status of my data request": "Status permintaan data saya",
    "Request %(ref)s (%(kind)s):": "Permintaan %(ref)s (%(kind)s):",
    "Check": "Cek",
    "We show only the status here, never your data. The office gives you the copy you asked for.":
        "Di sini kami hanya menampilkan status, tidak pernah data Anda. Kantor menyerahkan salinan yang Anda minta.",
    "Ask to see, correct or delete your data": "Minta melihat, mengoreksi, atau menghapus data Anda",
    "The law gives the office %(hours)s hours (3 × 24) to answer each request. The most urgent come first.":
        "Undang-undang memberi kantor %(hours)s jam (3 × 24) untuk menjawab setiap permintaan. Yang paling mendesak "
        "ada di atas.",
    "To answer": "Perlu dijawab", "Deadline": "Tenggat", "No request waits for an answer.":
        "Tidak ada permintaan yang menunggu jawaban.", "No request answered yet.": "Belum ada permintaan yang dijawab.",
    "answered on %(when)s": "dijawab pada %(when)s",
    "%(time)s late": "terlambat %(time)s",
    "%(time)s left": "tersisa %(time)s",
    "Answered: the copy of your data is ready. The office gives it to you or sends it to you.":
        "Sudah dijawab: salinan data Anda sudah siap. Kantor menyerahkan atau mengirimkannya kepada Anda.",
    "Answered: your data has been corrected.": "Sudah dijawab: data Anda sudah dikoreksi.",
    "Answered: your data has been deleted.": "Sudah dijawab: data Anda sudah dihapus.",
    "Answered: your consent is withdrawn and your data removed.":
        "Sudah dijawab: persetujuan Anda sudah ditarik dan data Anda dihapus.",
    "Not carried out. The office's reason: %(reason)s": "Tidak dilaksanakan. Alasan kantor: %(reason)s",
    "Received. Please come to the office, or wait for an officer's visit, to confirm who you are.":
        "Diterima. Silakan datang ke kantor, atau tunggu kunjungan petugas, untuk memastikan identitas Anda.",
    "Received. The office answers within %(hours)s hours: by %(when)s.":
        "Diterima. Kantor menjawab dalam %(hours)s jam: paling lambat %(when)s.",
    "Not sent": "Tidak terkirim", "Request received": "Permintaan diterima", "Try later": "Coba lagi nanti",
    "No request matches this reference code and this phone number. Check both.":
        "Tidak ada permintaan dengan nomor referensi dan nomor telepon ini. Periksa keduanya.",
    "No house of your area carries this sticker.": "Tidak ada rumah di wilayah Anda dengan stiker ini.",
    "A copy is made only for a verified request to see the data.":
        "Salinan hanya dibuat untuk permintaan melihat data yang identitasnya sudah diperiksa.",
    "The household of this request no longer exists.": "Rumah tangga dari permintaan ini sudah tidak ada.",
    "Restricted case: ask the office": "Kasus terbatas: tanyakan ke kantor",
}
