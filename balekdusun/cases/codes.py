"""Case reference codes: short, unguessable, typo-resistant.

Seven random symbols from Crockford's alphabet (digits and letters without I, L, O, U; a typed O reads as 0,
I and L as 1) and one check symbol computed with the Luhn mod N algorithm (N = 32), plus one rule: a valid code
never has a ``Z`` directly followed by a ``0``. 32^7 ≈ 3.4e10 bodies (about 0.7% of them are never issued
because of the rule): guessing one that exists (and the reporter's phone digits) is hopeless.
Shown as "K7QX-4MP9"; stored without the dash.

Why both parts. Luhn mod N adds, from the right, the symbol values v at odd positions and d(v) — the base-N digit
sum of 2v — at even ones. d is a permutation of 0..N-1, so every single wrong symbol changes the sum mod N and is
caught. Swapping neighbours a, b changes the sum by (d(a) − a) − (d(b) − b); d(v) − v is v for v < N/2 and
v + 1 − N otherwise, which is 0 for both v = 0 and v = N − 1 and distinct mod N for every other symbol. So the
one swap Luhn mod N cannot see is ``0Z`` ↔ ``Z0`` (the mod-32 twin of the decimal Luhn's 09 ↔ 90). No plain
weighted sum mod 32 can do better (weights must be odd to catch substitutions, and then neighbouring weights
differ by an even number, a zero divisor), and a prime modulus would need a 31- or 37-symbol alphabet and reject
almost every code issued so far. Refusing ``Z0`` instead closes the gap — swapping a ``0Z`` of a valid code
makes a ``Z0`` — while every code accepted before stays valid unless it contains ``Z0``.

Guarantee: every single wrong symbol and every swap of two different neighbours (check symbol included) gives an
invalid code (`cases/tests/test_contract.py` checks every symbol pair at every position).
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
N = len(ALPHABET)
BODY = 7
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
# Luhn mod N cannot tell these two neighbours from their swap; valid codes never contain it.
FORBIDDEN = ALPHABET[-1] + ALPHABET[0]  # "Z0"
# What people type for symbols we left out.
_SUBSTITUTE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_JUNK = re.compile(r"[^0-9A-Z]")


def check_symbol(body: str) -> str:
    """The Luhn mod N check symbol of `body`. The code ``body + check_symbol(body)`` is valid only when it does
    not contain `FORBIDDEN`; `generate` draws again in that case."""
    factor, total = 2, 0
    for ch in reversed(body):
        addend = factor * _INDEX[ch]
        factor = 1 if factor == 2 else 2
        total += addend // N + addend % N
    return ALPHABET[(N - total % N) % N]


def generate(choice=secrets.choice) -> str:
    """A new valid code; `choice` (default: the operating system's CSPRNG) picks each body symbol."""
    while True:
        body = "".join(choice(ALPHABET) for _ in range(BODY))
        code = body + check_symbol(body)
        if FORBIDDEN not in code:
            return code


def normalize(text: str) -> str:
    """' k7qx-4mp9 ' -> 'K7QX4MP9' (not validated)."""
    return _JUNK.sub("", (text or "").upper().translate(_SUBSTITUTE))


def is_valid(text: str) -> bool:
    code = normalize(text)
    if len(code) != BODY + 1 or any(ch not in _INDEX for ch in code) or FORBIDDEN in code:
        return False
    return check_symbol(code[:-1]) == code[-1]


def display(code: str) -> str:
    code = normalize(code)
    return f"{code[:4]}-{code[4:]}" if len(code) == BODY + 1 else code
