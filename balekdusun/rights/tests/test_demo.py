import pytest

from balekdusun.rights import demo
from balekdusun.rights.models import RightsRequest

pytestmark = pytest.mark.django_db


def test_demo_requests_are_seeded_once(offices, carol, home, jatim_home):
    from balekdusun.rights.tests.conftest import make_home

    make_home(offices["sumsel"], carol, carol, name="Warga Kedua")
    ctx = {"users": {"koordinator.sumsel": carol}, "offices": {"BP3MI Sumatera Selatan": offices["sumsel"]}}
    demo.seed(ctx)
    first = sorted(RightsRequest.objects.values_list("reference", "kind", "channel"))
    assert sorted((k, c) for _r, k, c in first) == [("access", "portal"), ("correction", "staff")]
    assert all(r.office == offices["sumsel"] for r in RightsRequest.objects.all())
    demo.seed(ctx)
    assert sorted(RightsRequest.objects.values_list("reference", "kind", "channel")) == first
