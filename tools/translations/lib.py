# Indonesian for balekdusun/lib/ (the shared CSV/XLSX reader), whose catalogue is the project-level one,
# balekdusun/locale/id/LC_MESSAGES/django.po (`make lib-messages`). Used by tools/po_fill.py.
T = {
    "Upload a .csv or .xlsx file.": "Unggah berkas .csv atau .xlsx.",
    "Line %(line)d, column %(column)s: %(message)s": "Baris %(line)d, kolom %(column)s: %(message)s",
    "Line %(line)d: %(message)s": "Baris %(line)d: %(message)s",
    "The file is empty.": "Berkas kosong.",
    "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.":
        "Berkas bukan teks UTF-8. Simpan sebagai “CSV UTF-8” lalu coba lagi.",
    "Broken CSV: %(e)s": "CSV rusak: %(e)s",
    "The file is not a readable .xlsx workbook.": "Berkas bukan buku kerja .xlsx yang bisa dibaca.",
    "column %(n)d": "kolom %(n)d",
    "Column %(n)d has no name.": "Kolom %(n)d tidak bernama.",
    "Column “%(c)s” appears twice.": "Kolom “%(c)s” muncul dua kali.",
    "Unknown column “%(c)s”. Expected: %(cols)s.": "Kolom “%(c)s” tidak dikenal. Yang diharapkan: %(cols)s.",
    "Missing column(s): %(cols)s.": "Kolom yang kurang: %(cols)s.",
    "A number is required.": "Angka wajib diisi.",
    "“%(v)s” is not a whole number.": "“%(v)s” bukan bilangan bulat.",
    "%(v)s is too large.": "%(v)s terlalu besar.",
}
