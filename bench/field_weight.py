"""Bytes the field app costs a phone on a slow, paid connection (compressed, as served).

    .venv/bin/python bench/field_weight.py [--quick]

* First load of /field/: the page, its modules, stylesheet, icon, manifest and service worker, plus everything
  the service worker caches on install (the whole app shell, so the app then works offline). Static files are
  counted gzip-compressed (level 9, as WhiteNoise serves them in production); the page and the worker are
  gzipped by the views themselves.
* A first pull of a 2,000-household village (all households on two turfs, realistic addresses and GPS),
  gzip as the API sends it.

Baselines: the same bytes uncompressed. Targets: first load at most 150 KB; that pull at most 300 KB.
"""

import gzip
import json
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

VILLAGE = "16.02.08.2017"
DUSUN = ["I", "II", "III", "IV"]
STREETS = ["Jl. Lintas Timur", "Lorong Masjid", "Jl. Sekolah", "Lorong Pasar", "Jl. Dermaga", "Lorong Kebun"]
NEAR = ["dekat masjid", "depan warung", "samping sekolah", "belakang balai desa", "pinggir sungai", ""]


def first_load(client) -> tuple[int, int, list]:
    from django.contrib.staticfiles import finders

    from balekdusun.field.views import SHELL, _shell_urls

    files = []
    for url in ["/field/", "/field/sw.js"]:
        res = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert res.status_code == 200, url
        body = b"".join(res.streaming_content) if res.streaming else res.content
        raw = gzip.decompress(body) if res.get("Content-Encoding") == "gzip" else body
        files.append((url, len(body), len(raw)))
    res = client.get("/field/manifest.webmanifest")
    files.append(("/field/manifest.webmanifest", len(gzip.compress(res.content, 9)), len(res.content)))
    seen = {f[0] for f in files}
    for name in SHELL:
        url = "/static/" + name
        if url in seen:
            continue
        seen.add(url)
        data = Path(finders.find(name)).read_bytes()
        # Images are not compressed again.
        packed = len(data) if name.endswith(".png") else len(gzip.compress(data, 9))
        files.append((url, packed, len(data)))
    assert set(_shell_urls()) <= seen, set(_shell_urls()) - seen
    return sum(f[1] for f in files), sum(f[2] for f in files), files


def village_pull(client, n: int) -> tuple[int, int]:
    from django.utils import timezone

    from balekdusun.campaigns.models import Campaign, Household, Outreach, TeamMember, Turf, TurfStop
    from balekdusun.core.models import ApiToken, Office, User
    from balekdusun.core.roles import Role
    from balekdusun.regions.models import Area

    for code, level, name in (("16", 1, "SUMATERA SELATAN"), ("16.02", 2, "KAB. OGAN KOMERING ILIR"),
                              ("16.02.08", 3, "Sirah Pulau Padang"), (VILLAGE, 4, "Pematang Buluran")):
        Area.objects.get_or_create(code=code, defaults={"level": level, "name": name,
                                                        "parent_id": code.rsplit(".", 1)[0] if level > 1 else None})
    office = Office.objects.create(name="BP3MI Sumatera Selatan", jurisdiction=["16"], hotline_phone="0711-000")
    user = User.objects.create(username="petugas", role=Role.OFFICER, office=office)
    campaign = Campaign.objects.create(office=office, name="Balek Dusun", start_date=timezone.localdate())
    outreach = Outreach.objects.create(campaign=campaign, village_id=VILLAGE, date=timezone.localdate())
    TeamMember.objects.create(outreach=outreach, user=user)
    rng = random.Random(3)
    households = Household.objects.bulk_create([
        Household(village_id=VILLAGE, dusun=rng.choice(DUSUN), rt=f"{rng.randint(1, 12):03d}",
                  rw=f"{rng.randint(1, 4):03d}",
                  address=f"{rng.choice(STREETS)} No. {rng.randint(1, 250)} {rng.choice(NEAR)}".strip(),
                  latitude=-3.30 + rng.random() / 50, longitude=104.90 + rng.random() / 50)
        for _ in range(n)])
    households = list(Household.objects.order_by("pk"))
    for t, part in enumerate((households[: n // 2], households[n // 2:])):
        turf = Turf.objects.create(outreach=outreach, name=f"Wilayah {t + 1}")
        turf.officers.add(user)
        TurfStop.objects.bulk_create([TurfStop(turf=turf, household=h, position=i + 1) for i, h in enumerate(part)])
    _token, key = ApiToken.issue(user=user, name="bench")
    res = client.get("/api/v1/sync/pull", HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_ACCEPT_ENCODING="gzip")
    assert res.status_code == 200 and res["Content-Encoding"] == "gzip"
    raw = gzip.decompress(res.content)
    assert len(json.loads(raw)["households"]) == n
    return len(res.content), len(raw)


def main() -> None:
    args = _common.parser(__doc__.split("\n\n")[0]).parse_args()
    tmp = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/field_weight.sqlite3"
    _common.setup_django("test")
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    client = Client()
    load, load_raw, files = first_load(client)
    n = 2000
    pull, pull_raw = village_pull(client, n)
    for url, packed, raw in files:
        print(f"  {url:<44} {packed:>8} B  ({raw} B uncompressed)")
    figures = [
        _common.figure("first load of /field/ (app shell, compressed)", load / 1024, "KB", baseline=load_raw / 1024,
                       target="<= 150 KB", ok=load <= 150 * 1024),
        _common.figure(f"first pull, {n:,}-household village (gzip)", pull / 1024, "KB", baseline=pull_raw / 1024,
                       target="<= 300 KB", ok=pull <= 300 * 1024),
        _common.figure("pull bytes per household", pull / n, "B"),
    ]
    _common.report("field_weight", figures, quick=args.quick, files=[{"url": u, "compressed": p, "raw": r}
                                                                      for u, p, r in files])


if __name__ == "__main__":
    main()
