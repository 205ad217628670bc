"""Case reference codes: short, unguessable, typo-resistant.

Seven random symbols from Crockford's alphabet (digits and letters without I, L, O, U; a typed O reads as 0,
I and L as 1) and one check symbol computed with the Luhn mod N algorithm, which catches every single wrong
symbol and every swap of two neighbours. 32^7 ≈ 3.4e10 codes: guessing one that exists (and the reporter's phone digits) is hopeless.
Shown as "K7QX-4MP9"; stored without the dash.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
N = len(ALPHABET)
BODY = 7
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
# What people type for symbols we left out.
_SUBSTITUTE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_JUNK = re.compile(r"[^0-9A-Z]")


def check_symbol(body: str) -> str:
    factor, total = 2, 0
    for ch in reversed(body):
        addend = factor * _INDEX[ch]
        factor = 1 if factor == 2 else 2
        total += addend // N + addend % N
    return ALPHABET[(N - total % N) % N]


def generate() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY))
    return body + check_symbol(body)


def normalize(text: str) -> str:
    """' k7qx-4mp9 ' -> 'K7QX4MP9' (not validated)."""
    return _JUNK.sub("", (text or "").upper().translate(_SUBSTITUTE))


def is_valid(text: str) -> bool:
    code = normalize(text)
    if len(code) != BODY + 1 or any(ch not in _INDEX for ch in code):
        return False
    return check_symbol(code[:-1]) == code[-1]


def display(code: str) -> str:
    code = normalize(code)
    return f"{code[:4]}-{code[4:]}" if len(code) == BODY + 1 else code
