import random
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from balekdusun.cases import codes, services
from balekdusun.cases.models import Case, CaseEvent, CaseStatus, Sensitivity
from balekdusun.core.models import AuditEntry
from balekdusun.core.services import DomainError


def _valid_code_with(pos: int, a: str, b: str) -> str | None:
    """A valid code with `a` at position `pos` and `b` at `pos + 1` (for the last pair `b` is the check
    symbol), the other symbols varying with the pair; None when no valid code has them there."""
    alphabet, n = codes.ALPHABET, codes.N
    for shift in range(n):
        seed = 5 * pos + 3 * alphabet.index(a) + 11 * alphabet.index(b) + shift
        symbols = [alphabet[(7 * i + seed) % n] for i in range(codes.BODY)]
        symbols[pos] = a
        if pos + 1 < codes.BODY:
            symbols[pos + 1] = b
            body = "".join(symbols)
        else:  # b is the check symbol: the first symbol is the one that makes it come out as b
            body = next(body for first in alphabet
                        if codes.check_symbol(body := first + "".join(symbols[1:])) == b)
        code = body + codes.check_symbol(body)
        if codes.is_valid(code):
            return code
    return None


def test_reference_codes_catch_every_typo_of_every_symbol_pair_at_every_position():
    """Deterministic: for each pair of neighbouring positions and each ordered pair of symbols (a, b), a valid
    code holding a, b there; replacing a (and, for the last pair, the check symbol b) by any other symbol, or
    swapping a and b, must be refused. So every wrong symbol at every position is tried in 32 different codes."""
    alphabet = codes.ALPHABET
    samples, missed = 0, []
    for pos in range(codes.BODY):
        for a in alphabet:
            for b in alphabet:
                code = _valid_code_with(pos, a, b)
                if a + b == codes.FORBIDDEN:
                    assert code is None
                    continue
                assert code is not None and code[pos:pos + 2] == a + b and len(code) == 8
                samples += 1
                typos = [code[:i] + ch + code[i + 1:]  # every single wrong symbol
                         for i in ((pos, pos + 1) if pos + 1 == codes.BODY else (pos,))
                         for ch in alphabet if ch != code[i]]
                if a != b:  # the swap of the neighbours
                    typos.append(code[:pos] + b + a + code[pos + 2:])
                missed += [(code, typo) for typo in typos if codes.is_valid(typo)]
    assert samples == codes.BODY * (codes.N**2 - 1)
    assert missed == []


def test_reference_codes_luhn_blind_spot_is_closed():
    # Luhn mod 32 alone accepts both: d(v) - v is 0 for 0 and for Z, so this swap left the sum unchanged.
    assert codes.check_symbol("R6MK8YZ") == "0" and codes.check_symbol("R6MK8Y0") == "Z"
    assert codes.is_valid("R6MK-8Y0Z") and not codes.is_valid("R6MK-8YZ0")
    assert not codes.is_valid("R6MK-8YZO")  # a typed letter O is a zero


def test_reference_codes_issued_before_stay_valid():
    # the demo's references, made by the Luhn-only scheme; only codes containing "Z0" were given up
    for ref in ("5NVMWHWK", "6ZEJSJPN", "63WN60ME", "6347FXH4", "SE4ZCN27", "ZF5VVDJ4", "J8BM7DXK", "E67XBB3C",
                "9Q71NZ4P", "29127PPY", "R6MK8Y0Z"):
        assert codes.is_valid(ref)


def test_reference_codes_generate_display_normalize():
    rng = random.Random(20240611)
    for _ in range(3000):  # a fixed stream that does draw bodies whose check would make a "Z0"
        code = codes.generate(rng.choice)
        assert codes.is_valid(code) and len(code) == 8 and codes.FORBIDDEN not in code
    code = codes.generate()
    assert codes.is_valid(code) and codes.is_valid(codes.display(code).lower())
    assert codes.display(code) == f"{code[:4]}-{code[4:]}"
    assert codes.normalize(" k7qo-i2lu ") == "K7Q0121V"


def test_open_case_sets_reference_due_timeline_and_audit(open_case, bob, rules):
    case = open_case(actor=bob)
    assert codes.is_valid(case.reference)
    assert case.status == CaseStatus.NEW and case.area_code == "16.02.08.2017"
    assert case.reporter_phone == "+6281234567890" and case.phone_last4 == "7890"
    # unpaid wages: 14 days in the default service levels, end of the local day
    due_local = timezone.localtime(case.due_at)
    assert due_local.date() == (timezone.localtime(case.created_at) + timedelta(days=14)).date()
    assert (due_local.hour, due_local.minute) == (23, 59)
    assert list(case.events.values_list("kind", flat=True)) == ["opened"]
    entry = AuditEntry.objects.get(action="case.opened")
    assert entry.object_id == str(case.pk) and entry.office == case.office and entry.area_code == "16.02.08.2017"


def test_open_case_without_village_is_scoped_to_the_office(open_case, offices):
    case = open_case(village=None)
    assert case.area_code == "16"
    assert Case.objects.get(pk=case.pk).office == offices["sumsel"]


def test_visit_followup_kind_maps_and_restricted_by_default(open_case, rules):
    case = open_case(kind="broker_report", source="visit")
    assert case.kind == "illegal_recruiter" and case.sensitivity == Sensitivity.RESTRICTED


@pytest.mark.parametrize("kw, field", [
    ({"kind": "alien_abduction"}, "kind"),
    ({"source": "pigeon"}, "source"),
    ({"village": "35.02.01.2001"}, "village"),
    ({"village": "16.02.08"}, "village"),
    ({"reporter_phone": "12"}, "reporter_phone"),
    ({"destination_country": "Malaysia"}, "destination_country"),
    ({"due_at": timezone.now() - timedelta(days=1)}, "due_at"),
    ({"favourite_colour": "blue"}, "favourite_colour"),
])
def test_open_case_refuses_bad_input_and_saves_nothing(open_case, kw, field):
    with pytest.raises(DomainError) as err:
        open_case(**kw)
    assert err.value.field == field
    assert not Case.objects.exists() and not CaseEvent.objects.exists()
    assert not AuditEntry.objects.filter(action="case.opened").exists()


def test_check_status_needs_reference_and_phone_digits(open_case):
    case = open_case()
    from django.utils import translation

    with translation.override("en"):
        assert services.check_status(reference=codes.display(case.reference).lower(), phone_last4="7890") == "New"
    with translation.override("id"):
        assert services.check_status(reference=case.reference, phone_last4="7890") == "Baru"
    assert services.check_status(reference=case.reference, phone_last4="0000") is None
    assert services.check_status(reference="ZZZZ-ZZZZ", phone_last4="7890") is None
    assert services.check_status(reference=case.reference, phone_last4="") is None


def test_encrypted_fields_hold_no_plain_text_in_the_database(open_case):
    case = open_case(description="Anak saya ditahan majikan di Johor", health_details="Luka di tangan",
                     victim_status="Dugaan korban TPPO")
    with connection.cursor() as cursor:
        cursor.execute("SELECT description, health_details, victim_status FROM cases_case WHERE id = %s",
                       [case.pk])
        raw = cursor.fetchone()
    joined = " ".join(raw)
    for plain in ("Johor", "ditahan", "Luka", "TPPO"):
        assert plain not in joined
    assert all(value.startswith("gAAAAA") for value in raw)
    again = Case.objects.get(pk=case.pk)
    assert again.description == "Anak saya ditahan majikan di Johor" and again.victim_status == "Dugaan korban TPPO"
    # victim status makes a case restricted
    assert again.sensitivity == Sensitivity.RESTRICTED




def test_visit_followup_opens_one_case_even_when_replayed(offices, bob):
    import uuid

    from balekdusun.campaigns.models import Household
    from balekdusun.visits.models import Visit

    household = Household.objects.create(village_id="16.02.08.2017", address="Dusun II")
    visit = Visit.objects.create(uuid=uuid.uuid4(), household=household, village_id="16.02.08.2017", officer=bob,
                                 visited_at=timezone.now(), outcome="met", content_hash="x")
    args = dict(office=offices["sumsel"], kind="family_in_trouble", source="visit", description="Anak di Sabah",
                visit=visit, actor=bob)
    first = services.open_case(**args)
    assert services.open_case(**args) == first
    assert (first.kind, first.household, first.village_id) == ("repatriation", household, "16.02.08.2017")
    other = services.open_case(**{**args, "description": "Kakak juga"})
    assert other != first and Case.objects.filter(visit=visit).count() == 2


def test_agency_name_is_matched_to_the_register(open_case):
    from balekdusun.portal.models import Agency

    agency = Agency.objects.create(name="PT Maju Jaya Abadi", licence_number="KEP 123/2020")
    assert open_case(agency_name="Maju Jaya Abadi, PT").agency == agency
    assert open_case(agency_name="PT Tidak Terdaftar").agency is None
