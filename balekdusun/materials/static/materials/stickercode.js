// Sticker codes in the browser: the mirror of balekdusun/materials/codes.py (change both together).
// 6 random characters + 1 check character over a 31-character alphabet without look-alikes.
// Rule: sum of weight_i * value_i over the 7 positions (weights 1..7) is 0 modulo 31, which catches
// every single wrong character and every swap of two neighbouring characters.

export const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const LENGTH = 7;
const BASE = ALPHABET.length; // 31, prime

// A full sticker URL gives its last path segment; spaces, dashes, underscores and dots are dropped.
export function normalizeCode(s) {
  let text = String(s ?? "").trim();
  if (text.includes("/")) {
    text = text.split("?")[0].split("#")[0].replace(/\/+$/, "");
    text = text.slice(text.lastIndexOf("/") + 1);
  }
  return text.replace(/[\s\-_.]+/g, "").toUpperCase();
}

export function isValidCode(s) {
  const text = normalizeCode(s);
  if (text.length !== LENGTH) return false;
  let total = 0;
  for (let i = 0; i < LENGTH; i++) {
    const v = ALPHABET.indexOf(text[i]);
    if (v < 0) return false;
    total += (i + 1) * v;
  }
  return total % BASE === 0;
}

// The check character for a 6-character body (normalised), e.g. for a "did you mean" hint.
export function checkChar(body) {
  let total = 0;
  for (let i = 0; i < LENGTH - 1; i++) total += (i + 1) * ALPHABET.indexOf(body[i]);
  // weight 7 has inverse 9 modulo 31 (7 * 9 = 63 = 2 * 31 + 1)
  const v = (((-total * 9) % BASE) + BASE) % BASE;
  return ALPHABET[v];
}
