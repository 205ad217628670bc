"""Every audit action a service logs has words (core/auditwords.py), in Indonesian too; the audit log page shows
the words and the area's name, never the codes."""

import re
from pathlib import Path

import pytest
from django.utils import translation

import balekdusun
from balekdusun.core import audit
from balekdusun.core.auditwords import ACTIONS, GROUPS, action_words

ROOT = Path(balekdusun.__file__).parent
# audit.log(actor, "x.y", ...), action="x.y" (a helper that logs for its caller), ... else "x.y"
LOGGED = re.compile(r'(?:audit\.log\([^,()]+,\s*|action\s*=\s*|\belse\s+)"([a-z_]+\.[a-z_]+)"')


def logged_actions() -> set[str]:
    found = set()
    for path in ROOT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if "audit.log(" in line or re.search(r"\baction\s*=", line):
                found |= set(LOGGED.findall(line))
    return found


def test_every_logged_action_has_words_and_a_group():
    found = logged_actions()
    assert len(found) > 70  # the scan sees the services (a broken pattern would find nothing)
    assert not found - set(ACTIONS), sorted(found - set(ACTIONS))
    prefixes = [p for _label, group in GROUPS.values() for p in group]
    assert [a for a in ACTIONS if not any(a.startswith(p) for p in prefixes)] == []


def test_words_are_indonesian_first():
    with translation.override("en"):
        english = {a: str(words) for a, words in ACTIONS.items()}
    with translation.override("id"):
        untranslated = [a for a, words in ACTIONS.items() if str(words) == english[a]]
        assert untranslated == []
        assert action_words("case.status_changed") == "Status kasus diubah"
        assert action_words("something.new") == "Tindakan lain"  # never the code


@pytest.mark.django_db
def test_audit_log_page_in_words_and_filtered_by_kind(login, dave, bob):
    audit.log(bob, "outreach.viewed", None, area_code="16.02.08.2017")
    audit.log(bob, "case.status_changed", None, area_code="16.02.08.2017")
    client = login(dave)
    html = client.get("/audit/").content.decode()
    assert "Hari kegiatan dibuka" in html and "Status kasus diubah" in html
    assert "outreach.viewed" not in html and "case.status_changed" not in html
    assert "Desa Pematang Buluran (16.02.08.2017)" in html
    cases = client.get("/audit/", {"action": "cases"}).content.decode()
    assert "Status kasus diubah" in cases and "Hari kegiatan dibuka" not in cases
    bad = client.get("/audit/", {"action": "case."})
    assert bad.status_code == 200 and 'id="id_action"' in bad.content.decode()
