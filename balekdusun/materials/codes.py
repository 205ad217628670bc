"""Sticker codes: short, unguessable, typo-resistant.

A code is 6 random characters and 1 check character over a 31-character alphabet without look-alikes
(no 0/O, 1/I/L). 31 is prime, so a weighted sum modulo 31 with distinct non-zero weights detects:

* every single substitution: the sum changes by w·(a−b), never 0 mod 31 because w ≠ 0 and a ≠ b;
* every swap of two adjacent characters: the sum changes by (wᵢ − wᵢ₊₁)·(a−b), never 0 mod 31 because
  adjacent weights differ.

Rule: Σ wᵢ·vᵢ ≡ 0 (mod 31) over all 7 positions, with weights 1..7 (the check character has weight 7).
The browser mirror is ``static/materials/stickercode.js``; both must change together.

6 random characters give 31⁶ ≈ 887 million bodies. With a million stickers in the field a random well-formed
guess hits a real code about once in 900 tries; a scan reveals nothing personal, so that is the trade-off
for a code a villager can still type.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BASE = len(ALPHABET)  # 31, prime
BODY_LENGTH = 6
LENGTH = BODY_LENGTH + 1
WEIGHTS = tuple(range(1, LENGTH + 1))
SPACE = BASE**BODY_LENGTH

assert BASE == 31 and len(set(ALPHABET)) == BASE
assert len({w % BASE for w in WEIGHTS}) == LENGTH and all(w % BASE for w in WEIGHTS)

_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_INV_LAST = pow(WEIGHTS[-1], -1, BASE)
_SEPARATORS = re.compile(r"[\s\-_.]+")


def check_char(body: str) -> str:
    """The check character for a 6-character body (already normalised)."""
    total = sum(w * _VALUE[ch] for w, ch in zip(WEIGHTS, body, strict=False))
    return ALPHABET[(-total * _INV_LAST) % BASE]


def normalize(code: str) -> str:
    """What a person typed or a scanner read -> the canonical form (upper case, no separators).

    A full sticker URL (``https://site/s/K7QX4MP``) gives its last path segment, so a scanned QR works too.
    The result is not necessarily valid; call `is_valid`.
    """
    text = (code or "").strip()
    if "/" in text:
        text = text.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return _SEPARATORS.sub("", text).upper()


def is_valid(code: str) -> bool:
    """True when `code` (normalised or not) has the right length, alphabet and check character."""
    text = normalize(code)
    if len(text) != LENGTH or any(ch not in _VALUE for ch in text):
        return False
    return sum(w * _VALUE[ch] for w, ch in zip(WEIGHTS, text, strict=True)) % BASE == 0


def from_int(number: int) -> str:
    """The code whose body is `number` (0 <= number < SPACE) written in base 31."""
    chars = []
    for _ in range(BODY_LENGTH):
        number, digit = divmod(number, BASE)
        chars.append(ALPHABET[digit])
    body = "".join(reversed(chars))
    return body + check_char(body)


_HALF = BASE**3
_TABLES: tuple | None = None


def _tables():
    """Lookup tables for the two 3-character halves of a body: text, weighted sum of the first half (weights
    1..3) and of the second half (weights 4..6). Built once (31³ = 29,791 entries), they make `generate` about
    ten times faster than `from_int`, which matters for million-code batches."""
    global _TABLES
    if _TABLES is None:
        texts, first, second = [], [], []
        for i in range(_HALF):
            a, rest = divmod(i, BASE * BASE)
            b, c = divmod(rest, BASE)
            texts.append(ALPHABET[a] + ALPHABET[b] + ALPHABET[c])
            first.append(1 * a + 2 * b + 3 * c)
            second.append(4 * a + 5 * b + 6 * c)
        check = [ALPHABET[(-total * _INV_LAST) % BASE] for total in range(BASE)]
        _TABLES = (texts, first, second, check)
    return _TABLES


def generate(n: int) -> list[str]:
    """`n` distinct valid codes from the operating system's CSPRNG (`secrets`).

    Distinct among themselves only; uniqueness across the country is checked against the database by
    `services.insert_codes`.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    texts, first, second, check = _tables()
    seen: set[str] = set()
    out: list[str] = []
    randbelow = secrets.randbelow
    while len(out) < n:
        hi, lo = divmod(randbelow(SPACE), _HALF)
        code = texts[hi] + texts[lo] + check[(first[hi] + second[lo]) % BASE]
        if code not in seen:
            seen.add(code)
            out.append(code)
    return out

