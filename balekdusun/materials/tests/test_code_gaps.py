"""Sticker and case codes: what `make mutation` found untested (docs/mutation.md)."""

from unittest import mock

import pytest

from balekdusun.cases import codes as case_codes
from balekdusun.materials import codes


def test_generate_builds_its_tables_right(monkeypatch):
    """The lookup tables are built once per process; built afresh here, every code they give is valid and equal
    to the code written out digit by digit."""
    monkeypatch.setattr(codes, "_TABLES", None)
    made = codes.generate(3000)
    assert all(codes.is_valid(c) for c in made)
    texts, first, second, check = codes._tables()
    assert len(texts) == codes.BASE**3 and texts[0] == "222" and texts[-1] == "ZZZ"
    for number in (0, 1, 31, 961, 29790, 123456789, codes.SPACE - 1):
        hi, lo = divmod(number, codes.BASE**3)
        assert texts[hi] + texts[lo] + check[(first[hi] + second[lo]) % codes.BASE] == codes.from_int(number)


def test_generate_never_repeats_a_code_in_one_batch():
    # The random source repeats itself: the batch still holds distinct codes.
    draws = iter([5, 5, 5, 7, 7, 9])
    with mock.patch.object(codes.secrets, "randbelow", side_effect=lambda n: next(draws)):
        made = codes.generate(3)
    assert made == [codes.from_int(5), codes.from_int(7), codes.from_int(9)]


def test_generate_refuses_a_negative_count():
    with pytest.raises(ValueError, match=r"^n must be >= 0$"):
        codes.generate(-1)


@pytest.mark.parametrize("scanned", ["https://balekdusun.id/s/{c}#top", "https://balekdusun.id/s/{c}#a#b",
                                     "https://balekdusun.id/s/{c}/?utm=qr#x", "balekdusun.id/s/{c}?a=1?b=2"])
def test_normalize_reads_a_scanned_url_with_query_and_fragment(scanned):
    code = codes.from_int(424242)
    assert codes.normalize(scanned.format(c=code)) == code


def test_case_reference_display_only_dashes_a_full_code():
    ref = case_codes.generate()
    assert case_codes.display(ref) == f"{ref[:4]}-{ref[4:]}"
    assert case_codes.display("ABC") == "ABC"
    assert case_codes.display(ref + "X") == ref + "X"
