// Strings of the field app: Indonesian first, English on request (the switch on the home screen).
const ID = {
  login: "Masuk", username: "Nama pengguna", password: "Kata sandi", signin: "Masuk", signout: "Keluar",
  login_offline: "Perlu sinyal untuk masuk pertama kali.", login_failed: "Nama pengguna atau kata sandi salah.",
  login_locked: "Terlalu banyak percobaan masuk yang salah. Coba lagi dalam {n} menit.",
  otp_code: "Kode dari aplikasi autentikator", otp_needed: "Masukkan 6 angka dari aplikasi autentikator Anda.",
  otp_wrong: "Kode ini salah atau sudah dipakai.",
  otp_setup: "Aktifkan dulu masuk dua langkah di situs web (menu: Masuk dua langkah), lalu masuk di sini.",
  my_days: "Kegiatan saya", no_days: "Belum ada kegiatan yang ditugaskan. Sinkronkan saat ada sinyal.",
  turf: "Wilayah jalan", mine: "tugas saya", walk_list: "Daftar kunjungan", households: "rumah",
  new_household: "Tambah rumah baru", visit: "Catat kunjungan", visited: "sudah dikunjungi", not_visited: "belum",
  pending_label: "menunggu kirim", household: "Rumah", no_address: "rumah tanpa alamat", address: "Keterangan alamat", dusun: "Dusun", rt: "RT", rw: "RW",
  gps: "Lokasi GPS", gps_none: "belum ada lokasi", gps_get: "Ambil lokasi", save: "Simpan", cancel: "Batal", back: "Kembali",
  saved: "Tersimpan di HP. Akan dikirim saat ada sinyal.", outcome: "Hasil kunjungan",
  o_met: "Bertemu", o_not_home: "Tidak ada orang", o_refused: "Menolak", o_moved: "Pindah", o_vacant: "Rumah kosong",
  o_inaccessible: "Tidak bisa didatangi",
  met_role: "Bertemu dengan", r_head: "Kepala keluarga", r_spouse: "Suami/istri", r_parent: "Orang tua", r_child: "Anak",
  r_other_member: "Anggota keluarga lain", r_neighbour: "Tetangga",
  materials: "Materi yang diberikan", in_hand: "dibawa", sticker: "Kode stiker yang ditempel", scan: "Pindai",
  sticker_bad: "Kode tidak valid: periksa huruf terakhir.", sticker_ok: "Kode valid",   topics: "Topik yang dibahas", t_jobs: "Peluang kerja", t_legal_procedure: "Prosedur resmi", t_hotline: "Nomor pengaduan",
  t_illegal_recruitment: "Tanda perekrutan ilegal", t_document_help: "Bantuan dokumen",
  migration: "Profil migrasi keluarga", abroad: "Anggota keluarga di luar negeri sekarang", add: "Tambah", remove: "Hapus",
  country: "Negara", sector: "Sektor", procedural: "Berangkat resmi?", year: "Tahun", yes: "Ya", no: "Tidak", unknown: "Tidak tahu",
  s_domestic_worker: "PRT", s_caregiver: "Perawat lansia", s_plantation: "Perkebunan", s_manufacturing: "Pabrik",
  s_construction: "Konstruksi", s_fishing: "Perikanan/ABK", s_hospitality: "Perhotelan", s_other: "Lainnya",
  returnees: "Purna PMI di rumah ini", planning: "Anggota yang berencana berangkat", when: "Kapan",
  w_within_6_months: "≤ 6 bulan", w_within_1_year: "≤ 1 tahun", w_later: "Nanti", w_unknown: "Belum tahu",
  knowledge: "Cek pengetahuan", k_legal_procedure: "Tahu prosedur resmi bekerja ke luar negeri?",
  k_hotline: "Tahu nomor pengaduan?", k_warning_signs: "Tahu tanda tawaran kerja palsu?",
  story: "Cerita atau pengalaman yang dibagikan", consent_quote: "Bersedia dikutip tanpa nama",
  followups: "Permintaan tindak lanjut", f_wants_to_apply: "Ingin mendaftar kerja secara resmi",
  f_family_in_trouble: "Keluarga bermasalah di luar negeri", f_broker_report: "Laporan calo/sponsor",
  f_needs_documents: "Butuh bantuan dokumen", note: "Catatan",
  sync: "Sinkronisasi", sync_now: "Sinkronkan sekarang", pending: "Menunggu dikirim", last_sync: "Terakhir sinkron",
  never: "belum pernah", errors: "Ditolak server", retry_at: "Coba lagi otomatis", syncing: "Menyinkronkan…",
  sync_ok: "Sinkron selesai.", sync_fail: "Gagal terhubung. Data aman di HP; akan dicoba lagi.",
  offline: "Tanpa sinyal", online: "Online", discard: "Buang", discard_confirm: "Buang catatan ini? Tidak bisa dibatalkan.",
  duplicate_warning: "Mungkin rumah ini sudah ada:", use_this: "Pakai rumah ini", still_new: "Tetap simpan sebagai rumah baru",
  session_expired: "Sesi berakhir, masuk lagi. Data yang belum terkirim tetap aman di HP.", other_user: "milik pengguna lain",
  language: "English", visits_here: "Kunjungan ke rumah ini", required: "Wajib diisi", time: "Waktu",
  no_stops: "Belum ada rumah di daftar ini.", conflict: "konflik (diperiksa koordinator)", flags: "Catatan server",
  session_expired_short: "Sesi berakhir, masuk lagi.", in_hand_mine: "Anda bawa", left_after: "sisa", left_after_this: "sisa setelah ini",
  over_left: "lebih dari yang Anda bawa (tetap disimpan)",
  sticker_hint: "Ketik kode di stiker atau pindai QR-nya. Stiker dihitung dari kodenya.", sticker_codes_free: "kode stiker tim yang belum ditempel",
  sticker_placed_other: "Kode ini sudah ditempel di rumah lain: {h}. Periksa lagi stikernya (tetap disimpan).",
  sticker_placed_here: "Kode ini sudah tercatat di rumah ini.",
  sticker_placed_me: "Kode ini sudah Anda catat di rumah lain: {h} (belum terkirim). Periksa lagi stikernya.",
  sticker_void: "Kode ini sudah dibatalkan (stiker rusak atau hilang){r}. Pakai stiker lain.",
  sticker_other_office: "Kode ini milik kantor BP3MI lain, bukan stiker kantor Anda.",
  sticker_unknown: "Kode ini tidak terdaftar: mungkin salah ketik. Periksa lagi hurufnya.",
  sticker_issued_elsewhere: "Kode ini diberikan untuk kegiatan lain{o}, bukan kegiatan hari ini (tetap disimpan).",
  sticker_not_issued: "Kode ini belum pernah diserahkan ke tim mana pun (tetap disimpan).",
  sticker_offline_unknown: "Kode ini tidak ada di daftar stiker tim hari ini: periksa ketikannya. Tetap disimpan dan dicek saat sinkron.",
  sticker_checking: "Memeriksa kode…", another_house: "rumah lain di desa ini",
  note_for: "Catatan: {f}", err_required_choice: "Pilih salah satu.", err_required: "Wajib diisi.", err_number: "Isi angka {min}–{max}.",
  form_errors: "Periksa isian yang ditandai.",
  err_offline: "Tidak ada sinyal. Data aman di HP; dikirim otomatis saat ada sinyal.",
  err_timeout: "Sinyal terlalu lemah, server tidak menjawab tepat waktu. Data aman di HP; akan dicoba lagi.",
  err_server: "Server sedang bermasalah. Data aman di HP; akan dicoba lagi nanti.",
  err_too_big: "Kiriman terlalu besar untuk server. Akan dikirim dalam bagian yang lebih kecil.",
  err_forbidden: "Akun ini tidak boleh mencatat kunjungan. Hubungi koordinator.",
  err_rejected: "Server menolak kiriman. Data aman di HP; hubungi koordinator bila terus terjadi.",
  last_error: "Masalah terakhir", map: "Peta", map_title: "Peta {n}", map_legend_done: "sudah dikunjungi", map_legend_todo: "belum dikunjungi",
  map_legend_me: "posisi Anda", map_route: "rute jalan", map_no_gps: "{n} rumah tanpa GPS tidak tampil di peta.",
  map_empty: "Belum ada rumah dengan lokasi GPS di daftar ini.", map_me_unknown: "Posisi Anda belum diketahui.",
  map_desc: "{done} dari {all} rumah sudah dikunjungi. Ketuk rumah untuk membukanya.", list: "Daftar",
  house_n: "Rumah {n}: {l}", f_visited: "sudah dikunjungi", f_todo: "belum dikunjungi",
  weekdays: "Minggu,Senin,Selasa,Rabu,Kamis,Jumat,Sabtu",
  months: "Januari,Februari,Maret,April,Mei,Juni,Juli,Agustus,September,Oktober,November,Desember",
  field_household: "Rumah", field_outreach: "Kegiatan", field_visited_at: "Waktu kunjungan", field_outcome: "Hasil kunjungan",
  field_materials: "Materi", field_sticker_code: "Kode stiker", field_migration: "Profil migrasi", field_story: "Cerita",
  field_followups: "Tindak lanjut", field_address: "Alamat", field_village: "Desa", field_turf: "Wilayah jalan",
  field_latitude: "GPS", field_longitude: "GPS", field_record: "Catatan",
};

// English is its own module (en.js), imported only when chosen: 2.7 KB less on every Indonesian cold start.
let EN = {};

let lang = "id";
export async function setLang(value) {
  if (value === "en" && !EN.login) EN = (await import("./en.js")).EN;
  lang = value === "en" ? "en" : "id";
  document.documentElement.lang = lang;
}
export function getLang() { return lang; }
export function t(key) { return (lang === "en" ? EN : ID)[key] ?? ID[key] ?? key; }

// One way to write a date everywhere: "Kamis, 10 Desember 2026" (weekday optional), times as "10 Desember 2026, 14.30".
function parts(value) {
  // A bare date ("2026-12-10") is a calendar day, not midnight UTC.
  const d = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + "T00:00:00") : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function fmtDate(value, { weekday = false } = {}) {
  const d = parts(value);
  if (!d) return "";
  const text = `${d.getDate()} ${t("months").split(",")[d.getMonth()]} ${d.getFullYear()}`;
  return weekday ? `${t("weekdays").split(",")[d.getDay()]}, ${text}` : text;
}

export function fmtTime(value) {
  const d = parts(value);
  if (!d) return "";
  const hm = `${String(d.getHours()).padStart(2, "0")}${lang === "en" ? ":" : "."}${String(d.getMinutes()).padStart(2, "0")}`;
  return `${fmtDate(d)}, ${hm}`;
}

// t() with {name} placeholders filled in.
export function tf(key, values) {
  return t(key).replace(/\{(\w+)\}/g, (_m, k) => (values[k] ?? ""));
}
