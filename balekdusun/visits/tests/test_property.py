"""Property: whatever the phones send (retries, duplicates, reordering, edits under the same UUID), the server
ends with exactly one visit per UUID, holding the first version it accepted, and a conflict row for every
other version."""

import uuid

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balekdusun.visits import services
from balekdusun.visits.models import SyncConflict, Visit
from balekdusun.visits.schemas import VisitIn, content_hash

VISIT_UUIDS = [uuid.UUID(int=i) for i in range(1, 5)]
HOUSEHOLD_UUID = uuid.UUID(int=99)
OUTCOMES = ["met", "not_home", "refused"]  # the variants of one visit: same UUID, other content

# A record: ("v", visit index, variant) or ("h", variant) for the household created offline.
record = st.one_of(st.tuples(st.just("v"), st.integers(0, 3), st.integers(0, 2)),
                   st.tuples(st.just("h"), st.integers(0, 1)))
batches = st.lists(st.lists(record, min_size=1, max_size=8), min_size=1, max_size=6)


def _visit(i, variant, household_id):
    data = {"visited_at": "2026-01-05T09:30:00+07:00", "outcome": OUTCOMES[variant], "topics": ["hotline"]}
    # Visits 0 and 1 go to a known household; 2 and 3 to the one created offline.
    if i < 2:
        data["household"] = household_id
    else:
        data["household_uuid"] = str(HOUSEHOLD_UUID)
    return {"type": "visit", "uuid": str(VISIT_UUIDS[i]), "data": data}


def _household(variant):
    return {"type": "household", "uuid": str(HOUSEHOLD_UUID),
            "data": {"village": "16.02.08.2017", "address": f"Rumah versi {variant}"}}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches)
def test_push_sequences(bob, field_setup, batches):
    known_household = field_setup["households"][0].pk
    with transaction.atomic():
        accepted: dict[int, int] = {}  # visit index -> first accepted variant
        other_versions: set[tuple[int, int]] = set()
        household_sent = False
        for batch in batches:
            records = [_visit(r[1], r[2], known_household) if r[0] == "v" else _household(r[1]) for r in batch]
            results = services.push(user=bob, records=records)
            assert len(results) == len(records)
            household_sent = household_sent or any(r[0] == "h" for r in batch)
            seen_in_batch: set[int] = set()
            for r, res in zip(batch, results, strict=True):
                if r[0] == "h":
                    continue
                _, i, variant = r
                if i not in accepted and i not in seen_in_batch:
                    if i >= 2 and not household_sent:
                        assert res["status"] == "invalid"
                        continue
                    assert res["status"] == "created", res
                    accepted[i] = variant
                elif i not in accepted:
                    continue
                elif variant == accepted[i]:
                    assert res["status"] == "duplicate", res
                else:
                    assert res["status"] == "conflict", res
                    other_versions.add((i, variant))
                seen_in_batch.add(i)

        assert Visit.objects.count() == len(accepted)
        for i, variant in accepted.items():
            visit = Visit.objects.get(uuid=VISIT_UUIDS[i])  # exactly one per UUID (unique constraint)
            assert visit.outcome == OUTCOMES[variant]
            expected = content_hash("visit", VisitIn.model_validate(_visit(i, variant, known_household)["data"]))
            assert visit.content_hash == expected
        stored_conflicts = {(VISIT_UUIDS.index(c.uuid), OUTCOMES.index(c.payload["outcome"]))
                            for c in SyncConflict.objects.filter(kind="visit")}
        assert stored_conflicts == other_versions
        transaction.set_rollback(True)
