from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError


def _counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.label.startswith(
        ("core.", "campaigns.", "materials.", "visits.", "cases.", "portal.", "reports."))}


@pytest.mark.django_db(transaction=False)
def test_demo_seeds_and_is_idempotent():
    out = StringIO()
    call_command("demo", "--no-serve", "--skip-regions", stdout=out)
    text = out.getvalue()
    assert "petugas.sumsel" in text and "balekdusun-demo" in text
    first = _counts()
    assert first["core.Office"] == 2
    assert first["campaigns.Outreach"] >= 2
    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())
    assert _counts() == first


def test_demo_launch_outreach_has_team_by_role(db):
    from balekdusun.campaigns.models import Outreach

    call_command("demo", "--no-serve", "--skip-regions", stdout=StringIO())
    launch = Outreach.objects.get(village_id="16.02.08.2017", date="2023-12-07")
    roles = {m.partner_role for m in launch.team.all() if not m.user_id}
    assert {"kepala_desa", "ketua_rt", "bhabinkamtibmas"} <= roles
    assert launch.team.filter(user__role="officer").count() >= 2


def test_demo_rejects_bad_address(db):
    with pytest.raises(CommandError, match="HOST:PORT"):
        call_command("demo", "--no-serve", "--skip-regions", "--addr", "8000", stdout=StringIO())
