"""What a device downloads: its assignments and what changed in them since its cursor.

The cursor is opaque to the phone (base64 JSON): the server time of the previous pull, the villages the device
already holds, and a hash of every small section it received. A section whose hash did not change is left
out; households and visits are sent as a delta by time (with an overlap, since the phone upserts by id).
Personal data (names, phones) never goes to the phone.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from balekdusun.core.scoping import scoped
from balekdusun.visits import conf
from balekdusun.visits.schemas import EARLIEST

# A write committed just before a pull may carry a timestamp a little older than the pull's start.
OVERLAP = dt.timedelta(seconds=conf.PULL_OVERLAP_SECONDS)
SECTIONS = ("me", "outreaches", "turfs", "materials", "stock", "mystock", "stickers", "sticker_state", "refs")

# Destination countries offered first in the form (ISO 3166 alpha-2 -> Indonesian name).
COUNTRIES = [
    ("MY", "Malaysia"), ("HK", "Hong Kong"), ("TW", "Taiwan"), ("SG", "Singapura"), ("JP", "Jepang"),
    ("KR", "Korea Selatan"), ("SA", "Arab Saudi"), ("AE", "Uni Emirat Arab"), ("QA", "Qatar"), ("KW", "Kuwait"),
    ("OM", "Oman"), ("BN", "Brunei Darussalam"), ("TR", "Turki"), ("PL", "Polandia"), ("DE", "Jerman"),
    ("AU", "Australia"), ("NZ", "Selandia Baru"), ("IT", "Italia"), ("KH", "Kamboja"), ("MM", "Myanmar"),
    ("TH", "Thailand"), ("CN", "Tiongkok"), ("US", "Amerika Serikat"),
]


class BadCursor(ValueError):
    pass


def encode_cursor(data: dict) -> str:
    raw = json.dumps(data, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def plain_cursor(moment: dt.datetime, hashes: dict, villages: list[str]) -> str:
    """The cursor this server writes: `<seconds since 1970>~<section hashes>~<village codes joined by _>`, all
    URL-safe and, unlike base64, compressible (the hex digits shrink by half in a gzip answer)."""
    return f"{int(moment.timestamp())}~{''.join(hashes[n] for n in SECTIONS)}~{'_'.join(villages)}"


def _read_plain(cursor: str) -> dict:
    seconds, hashes, villages = cursor.split("~")
    if not seconds.isascii() or not seconds.isdigit() or len(seconds) > 12:
        raise ValueError
    moment = dt.datetime.fromtimestamp(int(seconds), dt.UTC)
    return {"t": moment.isoformat(), "h": hashes, "v": villages.split("_") if villages else []}


def decode_cursor(cursor: str | None) -> dict:
    if not cursor:
        return {}
    try:
        if "~" in cursor:
            data = _read_plain(cursor)
        else:  # the older base64 JSON form
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            data = json.loads(raw)
        since = parse_datetime(data["t"])
        hashes, villages = data.get("h", {}), data.get("v", [])
        if isinstance(hashes, str):
            # The compact form: the sections' short hashes one after another, in SECTIONS order.
            if len(hashes) != HASH_CHARS * len(SECTIONS) or not all(c in "0123456789abcdef" for c in hashes):
                raise ValueError
            hashes = {name: hashes[i * HASH_CHARS:(i + 1) * HASH_CHARS] for i, name in enumerate(SECTIONS)}
            data["h"] = hashes
        # Only what this server writes: a time of this century (year 1 cannot have the overlap subtracted),
        # section hashes and village codes as strings (a list inside `v` cannot be put in a set).
        if since is None or since.tzinfo is None or not isinstance(hashes, dict) or not isinstance(villages, list) \
                or not all(isinstance(v, str) for v in villages) or not all(isinstance(h, str) for h in hashes.values()):
            raise ValueError
        if not EARLIEST <= since.astimezone(dt.UTC) <= timezone.now() + dt.timedelta(days=1):
            raise ValueError
    except (ValueError, KeyError, TypeError, OverflowError, OSError, binascii.Error, UnicodeDecodeError,
            RecursionError):
        raise BadCursor("not a cursor from this server") from None
    data["since"] = since
    return data


# A cursor travels twice with every pull (up in the query, down in the answer), some 60 times a day on a paid
# connection: each section's hash is 8 hex digits (a changed section goes unnoticed once in 4 billion changes),
# written one after another, and the time to the second (`plain_cursor`). Cursors of the older base64 forms (a
# dict of 16-digit hashes, or the hashes in one string) are still read; a dict's sections compare unequal once
# and are sent again.
HASH_CHARS = 8


def _hash(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, separators=(",", ":"), default=str).encode()
                          ).hexdigest()[:HASH_CHARS]


def assigned_outreaches(user):
    from balekdusun.campaigns.models import Outreach

    first_day = timezone.localdate() - dt.timedelta(days=conf.ASSIGNMENT_PAST_DAYS)
    ids = (scoped(user, Outreach).filter(date__gte=first_day)
           .filter(Q(team__user=user) | Q(turfs__officers=user)).values("pk").distinct())
    return scoped(user, Outreach).filter(pk__in=ids).select_related("campaign", "campaign__office", "village")


def _round(value):
    return None if value is None else round(value, 6)


def household_row(h) -> dict:
    row = {"i": h["id"], "v": h["village_id"]}
    for key, short in (("dusun", "d"), ("rt", "r"), ("rw", "w"), ("address", "a")):
        if h[key]:
            row[short] = h[key]
    if h["latitude"] is not None:
        row["y"], row["x"] = _round(h["latitude"]), _round(h["longitude"])
    if h["client_uuid"]:
        row["u"] = str(h["client_uuid"])
    return row


def build(user, cursor: str | None, *, first: bool = False, skip_visits: set[str] = frozenset()) -> dict:
    """The pull answer. `first` (the pull carried by a sign-in without a cursor): households and visits only of
    the houses on the officer's own turfs (every turf of a day where they have none), so the walk list is usable
    at once; the cursor then names no village as held, and the next pull brings the rest of the villages (the
    neighbours the duplicate warning needs) as a delta. `partial: true` says so. `skip_visits`: UUIDs the phone
    has just been answered about (a pull carried by a push), left out of `visits`."""
    from balekdusun.campaigns.models import Household, Turf, TurfStop
    from balekdusun.materials.models import Material, Sticker, StickerStatus
    from balekdusun.visits.models import Outcome, Visit

    previous = decode_cursor(cursor)
    since = previous.get("since")
    old_hashes = previous.get("h", {})
    known_villages = set(previous.get("v", []))
    now = timezone.now()

    outreaches = list(assigned_outreaches(user).order_by("date", "pk"))
    outreach_ids = [o.pk for o in outreaches]
    villages = sorted({o.village_id for o in outreaches})
    office = user.office

    sections: dict = {}
    sections["me"] = {"username": user.username, "name": user.display_name, "role": user.role,
                      "office": office.short_name or office.name if office else "",
                      "hotline": office.hotline_phone if office else "",
                      "hotline_name": office.hotline_name if office else ""}
    sections["outreaches"] = [
        {"id": o.pk, "date": o.date.isoformat(), "village": o.village_id, "vname": o.village.name,
         "campaign": o.campaign.name, "status": o.status} for o in outreaches]
    turfs = list(scoped(user, Turf).filter(outreach_id__in=outreach_ids).prefetch_related("officers")
                 .order_by("outreach_id", "name"))
    stops: dict[int, list[int]] = {}
    for turf_id, household_id in (TurfStop.objects.filter(turf__in=turfs).order_by("turf_id", "position")
                                  .values_list("turf_id", "household_id")):
        stops.setdefault(turf_id, []).append(household_id)
    sections["turfs"] = [
        {"id": t.pk, "o": t.outreach_id, "name": t.name, "mine": any(u.pk == user.pk for u in t.officers.all()),
         "officers": [u.display_name for u in t.officers.all()], "stops": stops.get(t.pk, [])} for t in turfs]
    sections["materials"] = [{"id": m.pk, "title": m.title, "kind": m.kind, "ver": m.version}
                             for m in Material.objects.filter(active=True)]
    sections["stock"] = _stock(outreaches)
    sections["mystock"] = _my_stock(outreaches, user)
    stickers: dict[str, list[str]] = {}
    # Codes of the day that are no longer free: the phone tells the officer what is true of a typed code
    # (placed on which house, void) instead of "not this team's".
    state: dict[str, dict] = {}
    for outreach_id, code, status, household_id in (
            Sticker.objects.filter(outreach_id__in=outreach_ids).order_by("code")
            .values_list("outreach_id", "code", "status", "household_id")):
        if status == StickerStatus.ISSUED:
            stickers.setdefault(str(outreach_id), []).append(code)
        elif status == StickerStatus.PLACED:
            state.setdefault(str(outreach_id), {"placed": {}, "void": []})["placed"][code] = household_id
        elif status == StickerStatus.VOID:
            state.setdefault(str(outreach_id), {"placed": {}, "void": []})["void"].append(code)
    sections["stickers"] = stickers
    sections["sticker_state"] = state
    sections["refs"] = {"outcomes": list(Outcome.values), "countries": COUNTRIES}

    out: dict = {"server_time": now.isoformat(), "full": since is None}
    hashes = {}
    for name in SECTIONS:
        hashes[name] = _hash(sections[name])
        if since is None or old_hashes.get(name) != hashes[name]:
            out[name] = sections[name]

    # Households of the assigned villages (the walk lists plus neighbours, for the duplicate warning).
    fields = ("id", "village_id", "dusun", "rt", "rw", "address", "latitude", "longitude", "client_uuid")
    qs = scoped(user, Household).filter(village_id__in=villages)
    first = first and since is None
    if first:
        on_turfs = set()
        for o in outreaches:
            day = [t for t in sections["turfs"] if t["o"] == o.pk]
            for t in [t for t in day if t["mine"]] or day:
                on_turfs.update(t["stops"])
        qs = qs.filter(pk__in=sorted(on_turfs))
        out["partial"] = True
    if since is not None:
        qs = qs.filter(Q(updated_at__gte=since - OVERLAP) | ~Q(village_id__in=known_villages))
    out["households"] = [household_row(h) for h in qs.order_by("id").values(*fields)]
    out["dropped_villages"] = sorted(known_villages - set(villages))

    # Doors already knocked on in the assigned outreaches (by this officer or a teammate).
    visits = scoped(user, Visit).filter(outreach_id__in=outreach_ids)
    if first:
        visits = visits.filter(household_id__in=sorted(on_turfs))
    if since is not None:
        visits = visits.filter(Q(received_at__gte=since - OVERLAP) | ~Q(village_id__in=known_villages))
    out["visits"] = [[str(u), o, h, oc, at.isoformat()] for u, o, h, oc, at in
                     visits.order_by("visited_at").values_list("uuid", "outreach_id", "household_id", "outcome",
                                                               "visited_at") if str(u) not in skip_visits]
    # Truncated to the second (earlier, never later: a change is sent once more rather than missed).
    out["cursor"] = plain_cursor(now, hashes, [] if first else villages)
    return out


def _my_stock(outreaches, user) -> dict:
    """Outreach id -> material id -> [issued to this officer, held by this officer now] (from the ledger)."""
    from balekdusun.materials import ledger
    from balekdusun.materials.models import MoveKind, StockMove

    out: dict[str, dict[str, list[int]]] = {}
    ids = [o.pk for o in outreaches]
    issued: dict[tuple[int, int], int] = {}
    for outreach_id, material_id, quantity in (
            StockMove.objects.filter(outreach_id__in=ids, officer=user, kind=MoveKind.ISSUED)
            .values_list("outreach_id", "material_id", "quantity")):
        issued[(outreach_id, material_id)] = issued.get((outreach_id, material_id), 0) + quantity
    for o in outreaches:
        held = ledger.team_stock(o, user)
        keys = {m for (oid, m) in issued if oid == o.pk} | set(held)
        row = {str(m): [issued.get((o.pk, m), 0), held.get(m, 0)] for m in sorted(keys)
               if issued.get((o.pk, m), 0) or held.get(m, 0)}
        if row:
            out[str(o.pk)] = row
    return out


def _stock(outreaches) -> dict:
    """Material id -> quantity the team holds, per outreach day (materials' contract `issued_stock`)."""
    from balekdusun.materials.services import issued_stock

    return {str(o.pk): {str(k): v for k, v in issued_stock(outreach=o).items()} for o in outreaches}
