"""The field app at the door, in Chromium on a 360 px phone: what it says about a sticker code and the officer's
own stock, errors as words, the map with no signal, focus and axe-core on every screen."""

import re
from pathlib import Path

import pytest

from conftest import PASSWORD

AXE = Path(__file__).resolve().parents[2] / "portal" / "tests" / "vendor" / "axe.min.js"


def _axe(page, where):
    """Zero axe-core violations on the current screen (every impact)."""
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")  # not a <script>: the CSP refuses inline ones
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    assert not bad, f"{where}: {bad}"


def _focused_heading(page):
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1'")
    return page.evaluate("document.activeElement.textContent")


def _login(page, turf, username="bob"):
    page.goto("/field/")
    page.wait_for_selector("#app[data-ready='1']")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_selector(f"a[href='#/turf/{turf.pk}']")


@pytest.fixture
def door(stocked, bob, carol, jane, offices):
    """bob's team: 3 brochures issued to bob and 20 to a teammate, a sticker material, the day's codes of which a
    teammate placed one on house 3 and one is void, plus a code of another office."""
    from balekdusun.campaigns.models import TeamMember
    from balekdusun.core.models import User
    from balekdusun.core.roles import Role
    from balekdusun.materials import services as materials
    from balekdusun.materials.models import Material, Sticker
    from balekdusun.visits import services as visits
    from balekdusun.visits.tests.conftest import visit_record

    outreach, houses = stocked["outreach"], stocked["households"]
    budi = User.objects.create_user(username="budi", password=PASSWORD, role=Role.OFFICER, office=offices["sumsel"],
                                    first_name="Budi")
    TeamMember.objects.create(outreach=outreach, user=budi)
    materials.receive_stock(office=offices["sumsel"], material=stocked["brochure"], quantity=20, actor=carol)
    materials.issue_stock(outreach=outreach, material=stocked["brochure"], quantity=20, officer=budi, actor=carol)
    sticker_kind = Material.objects.create(kind="sticker", title="Stiker pintu")
    materials.receive_stock(office=offices["sumsel"], material=sticker_kind, quantity=10, actor=carol)
    materials.issue_stock(outreach=outreach, material=sticker_kind, quantity=5, officer=bob, actor=carol)
    free, placed, void = stocked["codes"]
    [result] = visits.push(user=budi, records=[visit_record(houses[2], outreach, sticker_code=placed)])
    assert result["status"] == "created"
    materials.void_sticker(sticker=Sticker.objects.get(code=void), reason="Robek", actor=carol)
    foreign = materials.create_batch(office=offices["jatim"], size=1, actor=jane).stickers.get().code
    return {**stocked, "free": free, "placed": placed, "void": void, "foreign": foreign, "budi": budi,
            "sticker_kind": sticker_kind}


def test_sticker_codes_and_own_stock_at_the_door(page, door):
    from balekdusun.materials.codes import check_char
    from balekdusun.visits.models import Visit

    turf, houses, brochure = door["turf"], door["households"], door["brochure"]
    _login(page, turf)
    _axe(page, "home")
    # One date format: words, never 2026-12-10 or 10-12-2026.
    home = page.inner_text("main")
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}", home)
    assert re.search(r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ \d{4}", home)
    page.click(f"a[href='#/turf/{turf.pk}']")
    assert _focused_heading(page).startswith("Daftar kunjungan")
    _axe(page, "walk list")
    page.click(f"a[href='#/hh/{turf.pk}/s{houses[0].pk}']")
    assert _focused_heading(page) == "Rumah"
    _axe(page, "household")
    page.click(f"a[href='#/visit/{turf.pk}/s{houses[0].pk}']")
    assert _focused_heading(page) == "Catat kunjungan"

    # Own stock (3 of the team's 23), and a sticker is never a hand-out material.
    hint = page.locator(f"#stock-{brochure.pk}")
    assert hint.inner_text() == "Anda bawa 3 · sisa 3"
    assert page.locator(f"input[name=m_{door['sticker_kind'].pk}]").count() == 0
    assert "1 kode stiker tim yang belum ditempel" in page.inner_text("#sticker-help")

    def say(code):
        page.evaluate("document.querySelector('#sticker-msg').textContent = ''")
        page.fill("#sticker_code", code)
        page.wait_for_function("() => !['', 'Memeriksa kode…'].includes(document.querySelector('#sticker-msg').textContent)")
        return page.inner_text("#sticker-msg")

    assert "sudah ditempel di rumah lain: Rumah 3, RT 001, Dusun I" in say(door["placed"])
    assert "dibatalkan" in say(door["void"])
    assert "milik kantor BP3MI lain" in say(door["foreign"])
    unknown = "22222" + "2"
    assert "tidak terdaftar" in say(unknown + check_char(unknown))
    assert say(door["free"]) == f"Kode valid: {door['free']}"

    # A mistyped code and no outcome: errors as text on the page, tied to their fields, not under the header.
    page.fill("#sticker_code", door["free"][:-1] + ("2" if door["free"][-1] != "2" else "3"))
    page.fill(f"input[name=m_{brochure.pk}]", "2")
    assert hint.inner_text() == "Anda bawa 3 · sisa setelah ini 1"
    page.click("form.visit button[type=submit]")
    page.wait_for_selector("#err-outcome")
    assert page.inner_text("#err-outcome") == "Pilih salah satu."
    assert page.get_attribute("input[name=outcome][value=met]", "aria-invalid") == "true"
    assert "err-outcome" in page.get_attribute("input[name=outcome][value=met]", "aria-describedby")
    assert page.inner_text("#err-sticker_code").startswith("Kode tidak valid")
    assert page.get_attribute("#sticker_code", "aria-invalid") == "true"
    assert "err-sticker_code" in page.get_attribute("#sticker_code", "aria-describedby")
    _axe(page, "visit form with errors")
    page.check("input[name=outcome][value=met]")
    page.click("form.visit button[type=submit]")
    page.wait_for_function("() => document.activeElement.id === 'sticker_code'")
    header = page.evaluate("document.querySelector('header.top').getBoundingClientRect().bottom")
    box = page.evaluate("document.querySelector('#sticker_code').getBoundingClientRect().top")
    assert box >= header, (box, header)
    assert page.locator("#err-outcome").count() == 0

    page.fill("#sticker_code", door["free"].lower())
    page.click("form.visit button[type=submit]")
    assert _focused_heading(page).startswith("Daftar kunjungan")
    page.wait_for_function("() => document.querySelector('#pending')?.dataset.count === '0'")
    visit = Visit.objects.get(household=houses[0])
    assert visit.data["sticker_code"] == door["free"]
    assert visit.data["materials"] == [{"material_id": brochure.pk, "quantity": 2}]

    # The next house: what is left after today's hand-outs, and the code now on house 1.
    page.click(f"a[href='#/hh/{turf.pk}/s{houses[1].pk}']")
    page.click(f"a[href='#/visit/{turf.pk}/s{houses[1].pk}']")
    page.wait_for_selector(f"#stock-{brochure.pk}")
    assert hint.inner_text() == "Anda bawa 3 · sisa 1"
    assert "Rumah 1" in say(door["free"])


def test_sync_errors_in_words_and_a_revoked_token_delivers_the_outbox_after_sign_in(page, bob, field_setup):
    from balekdusun.core.models import ApiToken
    from balekdusun.core.services import revoke_token
    from balekdusun.visits.models import Visit

    turf, houses = field_setup["turf"], field_setup["households"]
    _login(page, turf)
    page.context.set_offline(True)
    page.click(f"a[href='#/turf/{turf.pk}']")
    for hh in houses[:2]:
        page.click(f"a[href='#/hh/{turf.pk}/s{hh.pk}']")
        page.click(f"a[href='#/visit/{turf.pk}/s{hh.pk}']")
        page.check("input[name=outcome][value=not_home]")
        page.click("form.visit button[type=submit]")
        page.wait_for_selector(f"a[href='#/hh/{turf.pk}/s{hh.pk}'] ~ .badge.warn")
    page.goto(page.base_url + "/field/#/sync")
    page.wait_for_selector("#pending-count")
    page.click("#sync-now")
    page.wait_for_selector("#sync-status:has-text('Tidak ada sinyal')")
    assert "Failed" not in page.inner_text("main") and "fetch" not in page.inner_text("main")
    _axe(page, "sync")

    # A server in trouble is said in words, too.
    page.route("**/api/v1/sync/push", lambda route: route.fulfill(status=502, body="<html>Bad gateway</html>"))
    page.context.set_offline(False)
    page.click("#sync-now")
    page.wait_for_selector("#sync-status:has-text('Server sedang bermasalah')")
    assert page.inner_text("#last-error").startswith("Server sedang bermasalah")
    page.unroute("**/api/v1/sync/push")
    assert Visit.objects.count() == 0

    # The token is revoked on the server: the next sync asks for a sign-in and keeps both visits.
    for token in ApiToken.objects.filter(user=bob, revoked_at__isnull=True):
        revoke_token(token=token, actor=bob)
    page.click("#sync-now")
    page.wait_for_selector("#login-msg:has-text('Sesi berakhir, masuk lagi')")
    assert Visit.objects.count() == 0
    _axe(page, "sign-in after expiry")
    page.fill("input[name=username]", "bob")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_selector(f"a[href='#/turf/{turf.pk}']")
    page.wait_for_function("() => document.querySelector('#pending')?.dataset.count === '0'")
    assert sorted(Visit.objects.values_list("household_id", flat=True)) == sorted(h.pk for h in houses[:2])
    assert Visit.objects.filter(officer=bob, outcome="not_home").count() == 2


def test_turf_map_offline_and_closest_duplicates_first(page, bob, field_setup):
    turf, houses = field_setup["turf"], field_setup["households"]
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": houses[3].latitude + 0.00003, "longitude": houses[3].longitude,
                                  "accuracy": 5})
    _login(page, turf)
    page.click(f"a[href='#/turf/{turf.pk}']")
    page.click(f"a[href='#/hh/{turf.pk}/s{houses[0].pk}']")
    page.click(f"a[href='#/visit/{turf.pk}/s{houses[0].pk}']")
    page.check("input[name=outcome][value=met]")
    page.click("form.visit button[type=submit]")
    page.wait_for_function("() => document.querySelector('#pending')?.dataset.count === '0'")

    page.context.set_offline(True)
    page.reload()
    page.wait_for_selector("#app[data-ready='1']")
    page.goto(page.base_url + f"/field/#/map/{turf.pk}")
    assert _focused_heading(page) == "Peta Dusun I"
    svg = page.locator("svg#turf-map")
    assert "Peta Dusun I. 1 dari 5 rumah sudah dikunjungi" in svg.get_attribute("aria-label")
    assert page.locator("#turf-map a.house").count() == 5
    # Visited and remaining differ in shape and words, not colour alone.
    assert page.locator("#turf-map a.is-done rect.done").count() == 1
    assert page.locator("#turf-map a.is-todo circle.todo").count() == 4
    assert page.get_attribute("#turf-map a.is-done", "aria-label") == "Rumah 1: Rumah 1, RT 001, Dusun I, sudah dikunjungi"
    assert page.locator("#turf-map polyline.route").count() == 1
    page.wait_for_selector("#turf-map .me path")
    # The officer's mark sits next to house 4 (same longitude, a few metres north).
    me = page.locator("#turf-map .me path").bounding_box()
    four = page.locator(f"#turf-map a[href='#/hh/{turf.pk}/s{houses[3].pk}'] circle.todo").bounding_box()
    assert abs((me["x"] + me["width"] / 2) - (four["x"] + four["width"] / 2)) < 3
    _axe(page, "map")
    page.locator(f"#turf-map a[href='#/hh/{turf.pk}/s{houses[4].pk}']").click()
    assert _focused_heading(page) == "Rumah"
    assert "Rumah 5" in page.inner_text("main")

    # A new house: the suggestions list the closest one first.
    page.goto(page.base_url + f"/field/#/newhh/{turf.pk}")
    assert _focused_heading(page) == "Tambah rumah baru"
    _axe(page, "new house")
    page.click("form.household button[type=submit]")
    page.wait_for_selector("#err-address")
    assert page.get_attribute("input[name=address]", "aria-invalid") == "true"
    page.fill("input[name=rt]", "001")
    page.fill("input[name=address]", "Rumah")
    page.wait_for_selector("p.gps span:has-text('104.9')")
    page.click("form.household button[type=submit]")
    page.wait_for_selector(".warn:not([hidden]) ol.hits li")
    order = page.locator(".warn ol.hits li").all_inner_texts()
    assert [x.split(",")[0] for x in order] == ["Rumah 4", "Rumah 5", "Rumah 3", "Rumah 2", "Rumah 1"]
    _axe(page, "new house with suggestions")


def test_sign_in_screen_accessible_with_errors_in_text(page, bob):
    page.goto("/field/")
    page.wait_for_selector("#app[data-ready='1']")
    before_ready = page.evaluate("""() => { const ready = performance.getEntriesByName('field:ready')[0].startTime;
      return performance.getEntriesByType('resource').filter((e) => e.startTime <= ready)
        .map((e) => e.name.split('/').pop()); }""")
    assert _focused_heading(page) == "Masuk"
    # Every module the sign-in screen imports is preloaded from the head (no import chain of round trips), and
    # they are five: one wave within the browser's six connections. The stylesheet is in the page.
    preloads = page.eval_on_selector_all("link[rel=modulepreload]", "els => els.map(e => e.getAttribute('href'))")
    assert sorted(p.rsplit("/", 1)[-1] for p in preloads) == ["app.js", "db.js", "i18n.js", "sync.js", "ui.js"]
    assert {u for u in before_ready if u.endswith(".js")} <= {"app.js", "db.js", "i18n.js", "sync.js", "ui.js"}
    assert not page.query_selector("link[rel=stylesheet]") and ".top{position:sticky" in page.inner_html("head style")
    assert page.evaluate("getComputedStyle(document.querySelector('header.top')).position") == "sticky"
    # The forms and the map follow once the screen is drawn, while the officer types.
    page.wait_for_function("() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/forms.js'))")
    _axe(page, "sign-in")
    page.click("form.login button[type=submit]")
    page.wait_for_selector("#err-username")
    assert page.inner_text("#err-username") == "Wajib diisi."
    assert page.get_attribute("input[name=username]", "aria-invalid") == "true"
    _axe(page, "sign-in with errors")


def test_english_is_loaded_only_when_chosen_and_kept(page, bob, field_setup):
    """The English strings are their own module: an Indonesian start never fetches them; the switch loads them,
    every word changes, and the choice survives a restart."""
    _login(page, field_setup["turf"])
    assert _focused_heading(page) == "Kegiatan saya"
    fetched = "() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/en.js'))"
    assert page.evaluate(fetched) is False
    page.click("button:has-text('English')")
    page.wait_for_function("() => document.querySelector('h1').textContent === 'My outreach days'")
    assert page.evaluate(fetched) is True and page.evaluate("document.documentElement.lang") == "en"
    assert "Kegiatan" not in page.inner_text("#app")
    page.reload()
    page.wait_for_selector("#app[data-ready='1']")
    assert _focused_heading(page) == "My outreach days"
    _axe(page, "home in English")
    page.click("button:has-text('Bahasa Indonesia')")
    page.wait_for_function("() => document.querySelector('h1').textContent === 'Kegiatan saya'")
