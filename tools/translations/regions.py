T = {
    "To map": "Perlu dipetakan", "Mapped to an area": "Sudah dipetakan ke wilayah", "Ignored": "Diabaikan",
    "search": "pencarian", "times searched": "jumlah dicari", "first searched": "pertama dicari",
    "last searched": "terakhir dicari", "status": "status", "area": "wilayah",
    "search without a result": "pencarian tanpa hasil", "searches without a result": "pencarian tanpa hasil",
    "This search was already dealt with.": "Pencarian ini sudah ditangani.",
    "Area it means": "Wilayah yang dimaksud",
    "This search is no longer listed.": "Pencarian ini sudah tidak ada di daftar.",
    "“%(q)s” is no longer listed.": "“%(q)s” tidak lagi ditampilkan.",
    "“%(q)s” now finds %(area)s.": "“%(q)s” sekarang menemukan %(area)s.",
    "Searches that found no area": "Pencarian wilayah yang tidak menemukan hasil",
    "Names people typed into a place box that matched no province, regency, district or village. If one is a "
    "name or short name people really use, choose the area it means: it becomes an alias, and the same search "
    "finds that area from now on.":
        "Nama yang diketik orang di kolom wilayah tetapi tidak cocok dengan provinsi, kabupaten/kota, kecamatan, "
        "atau desa mana pun. Jika itu nama atau singkatan yang memang dipakai orang, pilih wilayah yang dimaksud: "
        "nama itu menjadi alias, dan pencarian yang sama akan menemukan wilayah tersebut mulai sekarang.",
    "Show those already dealt with": "Tampilkan yang sudah ditangani", "Only those to map": "Hanya yang perlu dipetakan",
    "Search term": "Kata yang dicari", "Times searched": "Jumlah dicari", "Last searched": "Terakhir dicari",
    "Map to an area": "Petakan ke wilayah", "Add as alias": "Tambahkan sebagai alias",
    "Not a place name": "Bukan nama tempat", "No searches to map.": "Tidak ada pencarian yang perlu dipetakan.",
}
