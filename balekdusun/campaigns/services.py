"""Planning workflows. Each public function is one transaction; refused operations raise DomainError."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from balekdusun.campaigns import conf
from balekdusun.campaigns.geo import haversine_m, metres_to_degrees
from balekdusun.campaigns.models import Household
from balekdusun.core import audit
from balekdusun.core.services import DomainError
from balekdusun.lib.phone import to_e164
from balekdusun.reports import rollups

HOUSEHOLD_FIELDS = ("dusun", "rt", "rw", "address", "latitude", "longitude", "head_name", "phone")
CONSENT_TEXT_VERSION = "2024-10"  # version of the consent text read to residents (UU PDP), shown on the form
ADDRESS_SIMILARITY = 70  # rapidfuzz token_set_ratio (0-100) above which two addresses count as "similar"


def _village(village):
    from balekdusun.regions.models import Area

    if isinstance(village, Area):
        area = village
    else:
        area = Area.objects.filter(code=str(village)).first()
        if area is None:
            raise DomainError("household.unknown_village", _("Unknown village code %(code)s.") % {"code": village},
                              field="village")
    if area.level != 4:
        raise DomainError("household.not_a_village", _("Households belong to a village (desa/kelurahan)."),
                          field="village")
    return area


def normalize_phone(raw: str) -> str:
    """An Indonesian phone number in E.164 (+62...), or DomainError naming the field."""
    e164 = to_e164(raw)
    if e164 is None:
        raise DomainError("household.bad_phone", _("“%(value)s” is not a phone number.") % {"value": raw.strip()},
                          field="phone")
    return e164


def clean_household_fields(fields: dict, *, consent: bool) -> dict:
    """Validate and normalise household fields; shared by the form, the API and the CSV import."""
    unknown = set(fields) - set(HOUSEHOLD_FIELDS)
    if unknown:
        raise DomainError("household.unknown_field", _("Unknown field: %(f)s") % {"f": ", ".join(sorted(unknown))},
                          field=sorted(unknown)[0])
    out = {k: ("" if fields.get(k) is None else str(fields.get(k)).strip())
           for k in ("dusun", "rt", "rw", "address", "head_name", "phone")}
    limits = {"dusun": 60, "rt": 5, "rw": 5, "address": 255, "head_name": 120}
    for name, limit in limits.items():
        if len(out[name]) > limit:
            raise DomainError("household.too_long", _("At most %(n)d characters.") % {"n": limit}, field=name)
    for name, bound in (("latitude", 90), ("longitude", 180)):
        value = fields.get(name)
        if value in (None, ""):
            out[name] = None
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise DomainError("household.bad_coordinate", _("“%(value)s” is not a number.") % {"value": value},
                              field=name) from None
        if not -bound <= number <= bound:
            raise DomainError("household.bad_coordinate", _("Must be between -%(b)d and %(b)d.") % {"b": bound},
                              field=name)
        out[name] = number
    if (out["latitude"] is None) != (out["longitude"] is None):
        raise DomainError("household.half_coordinate", _("Give both latitude and longitude, or neither."),
                          field="longitude" if out["longitude"] is None else "latitude")
    if (out["head_name"] or out["phone"]) and not consent:
        field = "head_name" if out["head_name"] else "phone"
        raise DomainError("household.consent_required",
                          _("A name or phone may only be recorded when the resident has given consent."), field=field)
    out["phone"] = normalize_phone(out["phone"])
    return out


def create_household(*, village, actor, client_uuid=None, consent: bool = False,
                     consent_text_version: str = CONSENT_TEXT_VERSION, **fields) -> Household:
    """Store a new household. With `client_uuid` (field app), a second call with the same UUID returns the first
    household unchanged. Name and phone need `consent=True`, which records when, which text and who collected it."""
    area = _village(village)
    if client_uuid is not None:
        existing = Household.objects.filter(client_uuid=client_uuid).first()
        if existing is not None:
            if existing.village_id != area.code:
                raise DomainError("household.uuid_conflict",
                                  _("This household was already recorded in another village."), field="client_uuid")
            return existing
    values = clean_household_fields(fields, consent=consent)
    household = Household(village=area, client_uuid=client_uuid, created_by=actor if _is_user(actor) else None,
                          **values)
    if consent and (values["head_name"] or values["phone"]):
        household.consent_at = timezone.now()
        household.consent_text_version = consent_text_version
        household.consent_by = household.created_by
    try:
        with transaction.atomic():
            household.save()
            audit.log(actor, "household.created", household, source="field" if client_uuid else "back_office")
            rollups.household_added(household)
    except IntegrityError:
        # Two phones sent the same creation at once: the other one won; return what it stored.
        if client_uuid is not None:
            existing = Household.objects.filter(client_uuid=client_uuid).first()
            if existing is not None:
                return existing
        raise
    return household


def _is_user(actor) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)


def nearby_households(*, village_code: str, latitude: float, longitude: float, address: str = "",
                      radius_m: float | None = None, exclude_pk: int | None = None) -> list[Household]:
    """Possible duplicates of a new household: same village, within `radius_m` metres and a similar address.

    When either address is blank the distance alone decides. Nearest first.
    """
    if latitude is None or longitude is None:
        return []
    radius = conf.DUPLICATE_RADIUS_M if radius_m is None else radius_m
    dlat, dlon = metres_to_degrees(radius, latitude)
    qs = Household.objects.filter(village_id=village_code,
                                  latitude__range=(latitude - dlat, latitude + dlat),
                                  longitude__range=(longitude - dlon, longitude + dlon))
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    wanted = (address or "").strip().lower()
    found = []
    for household in qs:
        distance = haversine_m(latitude, longitude, household.latitude, household.longitude)
        if distance > radius:
            continue
        other = (household.address or "").strip().lower()
        if wanted and other and fuzz.token_set_ratio(wanted, other) < ADDRESS_SIMILARITY:
            continue
        household.distance_m = round(distance, 1)
        found.append(household)
    found.sort(key=lambda h: h.distance_m)
    return found


# --- turfs and walk lists -------------------------------------------------------------------------------------

def placed_sticker_codes(household_ids) -> dict[int, str]:
    """{household_id: code} of the sticker placed on each house: the name a house goes by for the office and at the
    door (a database id is no name). The latest placed sticker when a house has had several."""
    from balekdusun.materials.models import Sticker, StickerStatus

    rows = (Sticker.objects.filter(household_id__in=list(household_ids), status=StickerStatus.PLACED)
            .order_by("household_id", "placed_at", "pk").values_list("household_id", "code"))
    return dict(rows)


def household_visit_summary(household_ids) -> dict[int, dict]:
    """{household_id: {"visits": n, "not_home": n, "last_outcome": str, "last_at": datetime}} from the visits."""
    from balekdusun.visits.models import Visit

    summary: dict[int, dict] = {}
    rows = (Visit.objects.filter(household_id__in=list(household_ids))
            .order_by("household_id", "visited_at").values_list("household_id", "outcome", "visited_at"))
    for hid, outcome, at in rows.iterator(chunk_size=2000):
        item = summary.setdefault(hid, {"visits": 0, "not_home": 0, "last_outcome": "", "last_at": None})
        item["visits"] += 1
        item["not_home"] += outcome == "not_home"
        item["last_outcome"], item["last_at"] = outcome, at
    return summary


def needs_visit(info: dict | None, max_attempts: int | None = None) -> bool:
    """Never visited, or last found not home with fewer than `max_attempts` not-home visits so far."""
    limit = conf.ROUTE_MAX_ATTEMPTS if max_attempts is None else max_attempts
    if not info or not info["visits"]:
        return True
    return info["last_outcome"] == "not_home" and info["not_home"] < limit


def _order_households(households: list[Household], *, seconds: float, max_attempts: int | None = None):
    """(ordered households, route length in metres). Households without GPS go last, by dusun/RT/address."""
    from balekdusun.campaigns import routing
    from balekdusun.campaigns.geo import project

    located = [h for h in households if h.latitude is not None and h.longitude is not None]
    unlocated = sorted((h for h in households if h.latitude is None or h.longitude is None),
                       key=lambda h: (h.dusun, h.rt, h.rw, h.address, h.pk))
    summary = household_visit_summary([h.pk for h in located])
    points = project([(h.latitude, h.longitude) for h in located])
    first = {i for i, h in enumerate(located) if needs_visit(summary.get(h.pk), max_attempts)}
    if len(first) == len(located):
        first = set()  # everyone is a priority: one path
    order = routing.order(points, first=first, seconds=seconds)
    length = routing.path_length(points, order)
    return [located[i] for i in order] + unlocated, int(round(length))


def _write_stops(turf, households: list[Household], length_m: int) -> None:
    from balekdusun.campaigns.models import TurfStop

    TurfStop.objects.filter(turf=turf).delete()
    TurfStop.objects.bulk_create([TurfStop(turf=turf, household=h, position=i)
                                  for i, h in enumerate(households, start=1)])
    turf.route_length_m = length_m
    turf.save(update_fields=["route_length_m", "updated_at"])


def cut_turfs(*, outreach, count: int, actor, seconds: float | None = None) -> list:
    """Replace the outreach's turfs by `count` balanced, compact turfs with ordered walk lists.

    The outreach's officers are shared out over the turfs in turn (a pair each when there are enough)."""
    from balekdusun.campaigns import routing
    from balekdusun.campaigns.geo import project
    from balekdusun.campaigns.models import Turf

    if not 1 <= count <= 50:
        raise DomainError("turfs.bad_count", _("Choose between 1 and 50 turfs."), field="count")
    households = list(Household.objects.filter(village_id=outreach.village_id).order_by("pk"))
    if len(households) < count:
        raise DomainError("turfs.too_few_households",
                          _("The village has %(n)d households registered; that is fewer than %(k)d turfs.")
                          % {"n": len(households), "k": count}, field="count")
    seconds = conf.ROUTE_SOLVER_SECONDS if seconds is None else seconds
    located = [h for h in households if h.latitude is not None and h.longitude is not None]
    unlocated = [h for h in households if h.latitude is None or h.longitude is None]
    labels = routing.cut(project([(h.latitude, h.longitude) for h in located]), count) if located else []
    groups: list[list[Household]] = [[] for _ in range(count)]
    for h, label in zip(located, labels, strict=True):
        groups[label].append(h)
    for h in unlocated:  # no GPS: fill the smallest turf, keeping the counts balanced
        min(groups, key=len).append(h)
    officers = [m.user for m in outreach.team.filter(user__isnull=False).select_related("user")]
    with transaction.atomic():
        Turf.objects.filter(outreach=outreach).delete()
        turfs = []
        for number, group in enumerate(groups, start=1):
            turf = Turf.objects.create(outreach=outreach, name=_("Turf %(n)d") % {"n": number})
            assigned = [officers[i] for i in range(len(officers)) if i % count == number - 1]
            turf.officers.set(assigned)
            ordered, length = _order_households(group, seconds=seconds * len(group) / max(1, len(households)))
            _write_stops(turf, ordered, length)
            turfs.append(turf)
        audit.log(actor, "turfs.cut", outreach, count=count, households=len(households))
    return turfs


def order_turf(*, turf, actor, seconds: float | None = None) -> None:
    """Re-order one turf's walk list (after hand edits or new visits)."""
    with transaction.atomic():
        households = [s.household for s in turf.stops.select_related("household")]
        ordered, length = _order_households(households, seconds=conf.ROUTE_SOLVER_SECONDS if seconds is None
                                            else seconds)
        _write_stops(turf, ordered, length)
        audit.log(actor, "turf.ordered", turf, households=len(ordered))


def _insertion_index(homes: list[Household], household: Household) -> int:
    """Where `household` costs the least extra walking in the open path `homes` (cheapest insertion by
    straight-line distance): between two doors it adds d(a, h) + d(h, b) - d(a, b), before the first door
    d(h, first), after the last d(last, h). Doors without GPS are walked last (as `order_turf` puts them), so a
    located household goes among the located doors, and one without GPS goes at the very end."""
    if household.latitude is None or household.longitude is None:
        return len(homes)

    def located(h):
        return h is not None and h.latitude is not None and h.longitude is not None

    def dist(a, b):
        return haversine_m(a.latitude, a.longitude, b.latitude, b.longitude)

    best, best_cost = None, float("inf")
    for i in range(len(homes) + 1):
        before = homes[i - 1] if i else None
        after = homes[i] if i < len(homes) else None
        if located(before) and located(after):
            cost = dist(before, household) + dist(household, after) - dist(before, after)
        elif located(before):
            cost = dist(before, household)
        elif located(after) and before is None:
            cost = dist(household, after)
        else:
            continue
        if cost < best_cost:
            best, best_cost = i, cost
    if best is None:  # no door of the list has GPS: this one is walked first, the others after it
        return 0
    return best


def add_household_to_turf(*, turf, household: Household, actor) -> int:
    """Put a household (e.g. one a phone created at the door) on a turf's walk list at its cheapest place
    (`_insertion_index`); the others keep their order. Returns its position (1 = first door).

    A household already on a turf of the same outreach stays where it is (a re-sent record moves nothing)."""
    from balekdusun.campaigns.models import Turf, TurfStop

    with transaction.atomic():
        # Two phones adding houses to the same turf at once would otherwise both take the same position.
        # Only the turf's row (of=self): a lock on the joined outreach day would wait for every visit of the day in
        # flight (their inserts hold KEY SHARE locks on it) and deadlock concurrent pushes.
        turf = Turf.objects.select_for_update(of=("self",), no_key=True).select_related("outreach").get(pk=turf.pk)
        if household.village_id != turf.outreach.village_id:
            raise DomainError("turf.other_village", _("The household is not in this turf's village."), field="turf")
        existing = TurfStop.objects.filter(turf__outreach_id=turf.outreach_id, household=household).first()
        if existing is not None:
            return existing.position
        stops = list(TurfStop.objects.filter(turf=turf).select_related("household").order_by("position"))
        homes = [s.household for s in stops]
        index = _insertion_index(homes, household)
        position = stops[index].position if index < len(stops) else (stops[-1].position + 1 if stops else 1)
        TurfStop.objects.filter(turf=turf, position__gte=position).update(position=F("position") + 1)
        TurfStop.objects.create(turf=turf, household=household, position=position)
        homes.insert(index, household)
        turf.route_length_m = _route_length(homes)
        turf.save(update_fields=["route_length_m", "updated_at"])
        audit.log(actor, "turf.household_added", turf, household=household.pk, position=position)
    return position


def move_household(*, household: Household, to_turf, actor) -> None:
    """Move a household to another turf of the same outreach, at the cheapest place in its walk list."""
    from balekdusun.campaigns.models import Turf, TurfStop

    with transaction.atomic():
        turfs = list(Turf.objects.select_for_update().filter(outreach_id=to_turf.outreach_id))
        stop = TurfStop.objects.filter(turf__in=turfs, household=household).select_related("turf").first()
        if stop is None:
            raise DomainError("turf.not_on_outreach", _("This household is on none of this outreach's turfs."),
                              field="household")
        if stop.turf_id == to_turf.pk:
            return
        source = stop.turf
        stop.delete()
        homes = [s.household for s in TurfStop.objects.filter(turf=to_turf).select_related("household")
                 .order_by("position")]
        homes.insert(_insertion_index(homes, household), household)
        _renumber(to_turf, homes)
        _renumber(source, [s.household for s in TurfStop.objects.filter(turf=source).select_related("household")
                           .order_by("position")])
        audit.log(actor, "turf.household_moved", to_turf, household=household.pk, from_turf=source.pk)


def _route_length(households: list[Household]) -> int:
    """Straight-line length in metres of walking `households` in this order (doors without GPS skipped)."""
    from balekdusun.campaigns import routing
    from balekdusun.campaigns.geo import project

    located = [h for h in households if h.latitude is not None and h.longitude is not None]
    points = project([(h.latitude, h.longitude) for h in located])
    return int(round(routing.path_length(points, list(range(len(points))))))


def _renumber(turf, households: list[Household]) -> None:
    _write_stops(turf, households, _route_length(households))


def set_turf_officers(*, turf, officers, actor) -> None:
    with transaction.atomic():
        turf.officers.set(officers)
        audit.log(actor, "turf.officers_set", turf, officers=[u.username for u in officers])


def turf_balance(turfs) -> dict:
    """Household counts per turf and whether every turf is within ±10% of the mean."""
    counts = [t.stops.count() if not hasattr(t, "n_stops") else t.n_stops for t in turfs]
    mean = sum(counts) / len(counts) if counts else 0
    ok = all(abs(c - mean) <= max(1, 0.1 * mean) for c in counts)
    return {"counts": counts, "mean": mean, "balanced": ok}


# --- outreach status from the visits -----------------------------------------------------------------------------

def settle_outreach_status(*, outreach_ids=None, actor=None, today=None) -> dict[str, int]:
    """Move outreach days along as their visits arrive (docs/campaigns.md, "Status"):

    * a "Planned" day with a visit becomes "In progress" (its date is today or later);
    * a "Planned" or "In progress" day with a visit whose date has passed becomes "Done".

    Never moves a day backwards, never touches "Done" or "Reported", and a day without visits keeps its status
    (a coordinator sets it by hand). `outreach_ids` limits the check to those days; returns how many moved."""
    from balekdusun.campaigns.models import Outreach, OutreachStatus

    today = today or timezone.localdate()
    qs = Outreach.objects.filter(visits__isnull=False).distinct()
    if outreach_ids is not None:
        qs = qs.filter(pk__in=list(outreach_ids))
    moved = {}
    with transaction.atomic():
        if outreach_ids is not None:
            # Locked in id order before they are read (concurrent pushes settle the same days): an UPDATE of
            # several rows locks them in scan order, which differs between two transactions and deadlocks them.
            list(Outreach.objects.filter(pk__in=sorted(outreach_ids)).order_by("pk").select_for_update(no_key=True)
                 .values_list("pk", flat=True))
        done = list(qs.filter(status__in=[OutreachStatus.PLANNED, OutreachStatus.IN_PROGRESS], date__lt=today)
                    .values_list("pk", flat=True))
        started = list(qs.filter(status=OutreachStatus.PLANNED, date__gte=today).values_list("pk", flat=True))
        if done:
            moved[OutreachStatus.DONE] = Outreach.objects.filter(pk__in=done).update(status=OutreachStatus.DONE)
        if started:
            moved[OutreachStatus.IN_PROGRESS] = Outreach.objects.filter(pk__in=started).update(
                status=OutreachStatus.IN_PROGRESS)
        if moved:
            audit.log(actor, "outreach.status_settled", None, done=done, in_progress=started)
    return {str(k): v for k, v in moved.items()}


def outreach_visited(*, outreach_ids, actor) -> dict[str, int]:
    """Contract (visits sync): visits of these outreach days were stored now."""
    return settle_outreach_status(outreach_ids=outreach_ids, actor=actor)
