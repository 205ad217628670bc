import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from balekdusun.materials import codes

JS = Path(__file__).resolve().parent.parent / "static" / "materials" / "stickercode.js"


def _value(ch):
    return codes.ALPHABET.index(ch)


def test_alphabet_has_no_look_alikes_and_prime_size():
    assert codes.BASE == 31
    assert all(n % d for n in [codes.BASE] for d in range(2, 31))
    assert not set("01IOL") & set(codes.ALPHABET)


def test_every_single_substitution_is_detected_exhaustively():
    # The check is linear: changing position i from a to b changes the sum by w_i * (b - a) whatever the other
    # characters are, so checking every (position, a, b) covers every code there is.
    for w in codes.WEIGHTS:
        for a in range(codes.BASE):
            for b in range(codes.BASE):
                if a != b:
                    assert (w * (b - a)) % codes.BASE != 0


def test_every_adjacent_transposition_is_detected_exhaustively():
    for i in range(codes.LENGTH - 1):
        wi, wj = codes.WEIGHTS[i], codes.WEIGHTS[i + 1]
        for a in range(codes.BASE):
            for b in range(codes.BASE):
                if a != b:
                    before = wi * a + wj * b
                    after = wi * b + wj * a
                    assert (before - after) % codes.BASE != 0


def _mutations(code):
    for i, ch in enumerate(code):
        for other in codes.ALPHABET:
            if other != ch:
                yield code[:i] + other + code[i + 1:]
    for i in range(len(code) - 1):
        if code[i] != code[i + 1]:
            yield code[:i] + code[i + 1] + code[i] + code[i + 2:]


def test_generated_codes_valid_and_every_typo_rejected():
    batch = codes.generate(1500)
    assert len(set(batch)) == 1500
    for code in batch:
        assert len(code) == 7 and codes.is_valid(code)
        for wrong in _mutations(code):
            assert not codes.is_valid(wrong), (code, wrong)


def test_edge_codes():
    low, high = codes.from_int(0), codes.from_int(codes.SPACE - 1)
    assert low.startswith("222222") and high.startswith("ZZZZZZ")
    assert codes.is_valid(low) and codes.is_valid(high)
    with pytest.raises(ValueError):
        codes.generate(-1)
    assert codes.generate(0) == []


def test_normalize_accepts_separators_case_and_urls():
    code = codes.generate(1)[0]
    assert codes.normalize(f" {code[:3].lower()}-{code[3:]} ") == code
    assert codes.normalize(f"https://balekdusun.example/s/{code}?utm=x") == code
    assert codes.normalize(f"https://balekdusun.example/s/{code}/") == code
    assert codes.is_valid(code.lower())
    for bad in ["", "ABC", code + "2", code[:-1] + "0", "O" + code[1:], None]:
        assert not codes.is_valid(bad)


def _body_int(code):
    n = 0
    for ch in code[:6]:
        n = n * codes.BASE + _value(ch)
    return n


def test_generation_is_not_sequential_and_roundtrips():
    batch = codes.generate(50)
    numbers = sorted(_body_int(c) for c in batch)
    assert all(b - a > 1 for a, b in zip(numbers, numbers[1:], strict=False))
    assert all(codes.from_int(_body_int(c)) == c for c in batch)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_js_mirror_agrees_with_python():
    rng = random.Random(5)
    sample = codes.generate(200)
    inputs = list(sample)
    for code in sample[:40]:
        inputs += list(_mutations(code))
    inputs += ["", "abc", f" {sample[0].lower()} ", f"https://x.example/s/{sample[1]}?a=1", f"{sample[2][:3]}-{sample[2][3:]}"]
    inputs += ["".join(rng.choice(codes.ALPHABET) for _ in range(7)) for _ in range(500)]
    script = (
        f"import {{normalizeCode, isValidCode, checkChar}} from {json.dumps(JS.as_uri())};\n"
        "let data = '';\nprocess.stdin.on('data', c => data += c);\n"
        "process.stdin.on('end', () => { const xs = JSON.parse(data);\n"
        "  console.log(JSON.stringify(xs.map(s => [normalizeCode(s), isValidCode(s),"
        " normalizeCode(s).length >= 6 ? checkChar(normalizeCode(s).slice(0, 6)) : null]))); });\n"
    )
    out = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(inputs),
                         capture_output=True, text=True, check=True, timeout=60)
    got = json.loads(out.stdout)
    for s, (norm, valid, check) in zip(inputs, got, strict=True):
        assert norm == codes.normalize(s), s
        assert valid == codes.is_valid(s), s
        if len(norm) >= 6 and all(c in codes.ALPHABET for c in norm[:6]):
            assert check == codes.check_char(norm[:6]), s
