"""The field app in Chromium: sign in, record visits with no signal, reload, sync exactly once."""

from conftest import PASSWORD


def _wait_ready(page):
    page.wait_for_selector("#app[data-ready='1']")


def _record_visit(page, turf, household):
    page.click(f"a[href='#/hh/{turf.pk}/s{household.pk}']")
    page.click(f"a[href='#/visit/{turf.pk}/s{household.pk}']")
    page.check("input[name=outcome][value=met]")
    page.check("input[name=met_role][value=head]")
    page.check("input[name=topics][value=hotline]")
    page.select_option("select[name=k_hotline]", "true")
    page.click("form.visit button[type=submit]")
    page.wait_for_selector(f"a[href='#/hh/{turf.pk}/s{household.pk}'] ~ .badge.warn")


def test_offline_visits_sync_exactly_once(page, bob, field_setup):
    from balekdusun.visits.models import Visit

    turf, households = field_setup["turf"], field_setup["households"]
    page.goto("/field/")
    _wait_ready(page)
    page.fill("input[name=username]", "bob")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_selector(f"a[href='#/turf/{turf.pk}']")
    # The service worker must hold the shell before the signal goes.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null || caches.keys().then(k => k.length > 0)")

    page.context.set_offline(True)
    page.click(f"a[href='#/turf/{turf.pk}']")
    for hh in households[:3]:
        _record_visit(page, turf, hh)
    page.wait_for_function("() => document.querySelectorAll('ol.walk .badge.warn').length === 3")

    page.reload()
    _wait_ready(page)
    page.goto(page.base_url + "/field/#/sync")
    _wait_ready(page)
    page.wait_for_selector("#pending-count")
    assert page.inner_text("#pending-count") == "3"
    assert Visit.objects.count() == 0

    page.context.set_offline(False)
    page.click("#sync-now")
    page.wait_for_function("() => document.querySelector('#pending-count') && "
                           "document.querySelector('#pending-count').textContent === '0'")
    assert Visit.objects.count() == 3
    assert set(Visit.objects.values_list("household_id", flat=True)) == {h.pk for h in households[:3]}
    assert Visit.objects.filter(officer=bob, outreach=field_setup["outreach"], outcome="met").count() == 3

    page.click("#sync-now")
    page.wait_for_selector("#sync-status:has-text('Sinkron selesai')")
    assert Visit.objects.count() == 3


def test_wrong_password_shows_error_then_the_pause(page, bob, monkeypatch):
    from django.core.cache import cache

    from balekdusun.core import conf as core_conf

    # One free failure for the username on this phone, then a pause of 15 minutes.
    monkeypatch.setattr(core_conf, "LOGIN_FREE_FAILURES", 1)
    monkeypatch.setattr(core_conf, "LOGIN_BACKOFF_SECONDS", 900)
    cache.clear()
    page.goto("/field/")
    _wait_ready(page)
    page.fill("input[name=username]", "bob")
    for _ in range(2):
        page.fill("input[name=password]", "wrong")
        page.click("form.login button[type=submit]")
        page.wait_for_selector(".msg.error:not([hidden])")
        assert "salah" in page.inner_text(".msg.error")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_selector(".msg.error:has-text('15 menit')")
    assert "Terlalu banyak" in page.inner_text(".msg.error")
    cache.clear()


def _login(page, turf):
    page.goto("/field/")
    _wait_ready(page)
    page.fill("input[name=username]", "bob")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_selector(f"a[href='#/turf/{turf.pk}']")


def test_new_household_warns_about_neighbour_then_syncs_with_its_visit(page, bob, field_setup):
    from balekdusun.campaigns.models import Household
    from balekdusun.visits.models import Visit

    turf, first = field_setup["turf"], field_setup["households"][0]
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": first.latitude, "longitude": first.longitude, "accuracy": 5})
    _login(page, turf)
    page.context.set_offline(True)
    page.goto(page.base_url + f"/field/#/newhh/{turf.pk}")
    page.fill("input[name=address]", "Rumah panggung dekat sungai")
    page.wait_for_selector("p.gps span:has-text('104.9')")
    page.click("form.household button[type=submit]")
    page.wait_for_selector(".warn:not([hidden]) li:has-text('Rumah 1')")
    page.click("form.household button[type=submit]")  # save anyway
    page.wait_for_selector("form.visit")
    page.check("input[name=outcome][value=not_home]")
    page.click("form.visit button[type=submit]")
    page.wait_for_selector("ol.walk li:has-text('Rumah panggung') .badge.warn")

    page.context.set_offline(False)
    page.goto(page.base_url + "/field/#/sync")
    page.click("#sync-now")
    page.wait_for_function("() => document.querySelector('#pending-count')?.textContent === '0'")
    household = Household.objects.get(address="Rumah panggung dekat sungai")
    assert household.client_uuid is not None and household.created_by == bob
    assert abs(household.latitude - first.latitude) < 1e-6
    visit = Visit.objects.get(household=household)
    assert visit.outcome == "not_home" and visit.data["turf"] == turf.pk
    # It joined the server's walk list, next to the house it stands by.
    assert turf.stops.filter(household=household).exists() and turf.stops.count() == 6
    # After the pull the house keeps its place on the walk list, now with its server id.
    page.goto(page.base_url + f"/field/#/turf/{turf.pk}")
    page.wait_for_selector(f"a[href='#/hh/{turf.pk}/s{household.pk}']")


# IndexedDB held shut until the test lets it open: the page asks for it (db.js keeps its request), nothing answers.
HOLD_INDEXEDDB = """(() => {
  const open = indexedDB.open.bind(indexedDB);
  const waiting = [];
  window.__idbAsked = 0;
  window.__idbHeld = true;
  window.__releaseIdb = () => { window.__idbHeld = false; waiting.splice(0).forEach((go) => go()); };
  indexedDB.open = function (...args) {
    window.__idbAsked += 1;
    const held = { result: undefined, error: null, onsuccess: null, onerror: null, onupgradeneeded: null };
    const go = () => {
      const req = open(...args);
      req.onupgradeneeded = (e) => { held.result = req.result; if (held.onupgradeneeded) held.onupgradeneeded(e); };
      req.onsuccess = (e) => { held.result = req.result; if (held.onsuccess) held.onsuccess(e); };
      req.onerror = (e) => { held.error = req.error; if (held.onerror) held.onerror(e); };
    };
    if (window.__idbHeld) waiting.push(go); else go();
    return held;
  };
})();"""


def test_sign_in_form_is_usable_before_indexeddb_opens(page, bob, field_setup):
    """A phone with nobody signed in draws the sign-in form without waiting for IndexedDB (the last step of a cold
    load on a slow phone); the officer types and taps, and the sign-in completes once IndexedDB opens."""
    turf = field_setup["turf"]
    page.add_init_script(HOLD_INDEXEDDB)
    page.goto("/field/")
    page.wait_for_selector("#app[data-ready='1'] form.login input[name=username]")
    assert page.evaluate("window.__idbAsked") >= 1  # asked for, and still not open
    assert page.inner_text("form.login h1") == "Masuk"
    page.fill("input[name=username]", "bob")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_timeout(300)
    assert page.is_visible("form.login")  # the tap waits for IndexedDB, it is not lost
    page.evaluate("window.__releaseIdb()")
    page.wait_for_selector(f"a[href='#/turf/{turf.pk}']")
    # Signed in: a reload draws the officer's days, not the sign-in form (IndexedDB answers at once now).
    page.reload()
    page.evaluate("window.__releaseIdb && window.__releaseIdb()")
    page.wait_for_selector(f"#app[data-ready='1'] a[href='#/turf/{turf.pk}']")
    assert not page.is_visible("form.login")


def test_sign_in_form_comes_with_the_page_and_holds_a_tap_until_the_app_arrives(page, bob, field_setup):
    """The page itself carries the sign-in form (no module round trip before it can be typed into); a tap before
    app.js has arrived is held, never sent as a GET with the password in the address, and completes after."""
    turf = field_setup["turf"]
    held = []
    page.route("**/static/field/app.*js", lambda route: held.append(route))
    page.goto("/field/", wait_until="commit")
    page.wait_for_selector("form.login[data-usable] input[name=username]")
    assert not page.evaluate("document.getElementById('app').dataset.ready")  # app.js has not run
    page.fill("input[name=username]", "bob")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_selector("form.login[data-held]")
    assert "password" not in page.url and page.url.endswith("/field/")
    assert held, "app.js was requested"
    for route in held:
        route.continue_()
    page.wait_for_selector(f"a[href='#/turf/{turf.pk}']")
    # Signed in: the page's own form stays out of sight on the next load (the app draws the officer's days).
    page.unroute("**/static/field/app.*js")
    page.reload(wait_until="commit")
    page.wait_for_selector("#app p.muted, #app a[href^='#/turf/']")
    assert not page.is_visible("form.login")
    page.wait_for_selector(f"#app[data-ready='1'] a[href='#/turf/{turf.pk}']")


def test_long_walk_list_paints_its_first_rows_then_the_rest(page, bob, field_setup):
    """A walk list (where a save lands) paints its first 30 rows with the screen; the rest follow after that frame,
    slice by slice, so a tap never waits for 200 rows."""
    turf = field_setup["turf"]
    _login(page, turf)
    stops = page.evaluate(f"""async () => {{
      const db = await import('/static/field/db.js');
      const ops = [];
      for (let i = 0; i < 80; i++) ops.push(['households', 'put', {{ k: 'u' + i, turf: {turf.pk}, a: 'Rumah ' + i }}]);
      await db.batch(ops);
      return (await db.kv.get('turfs')).find((t) => t.id === {turf.pk}).stops.length; }}""")
    first_frame = page.evaluate(f"""() => new Promise((ok) => {{
      const check = () => {{ const n = document.querySelectorAll('ol.walk li').length; if (n) ok(n); else requestAnimationFrame(check); }};
      requestAnimationFrame(check);
      location.hash = '#/turf/{turf.pk}'; }})""")
    assert first_frame == 30
    page.wait_for_function(f"() => document.querySelectorAll('ol.walk li').length === {stops + 80}")


def test_a_big_delta_pull_is_stored_in_slices_and_the_cursor_moves_last(page):
    """The rest of the village after a sign-in (~1,800 houses) is written in slices when the page is idle, not in
    one long task a tap would wait behind; the cursor moves only once every house is stored."""
    page.goto("/field/")
    _wait_ready(page)
    seen = page.evaluate("""async () => {
      const sync = await import('/static/field/sync.js');
      const db = await import('/static/field/db.js');
      const houses = await db.table('households');
      const seen = [];
      const tick = setInterval(async () => seen.push([houses.size, (await db.kv.get('cursor')) || null]), 0);
      const rows = Array.from({ length: 230 }, (_, n) => ({ i: 900000 + n, a: 'Rumah ' + n, d: 'I', r: '001', w: '' }));
      await sync.store({ full: false, households: rows, visits: [], cursor: 'c-test' });
      clearInterval(tick);
      seen.push([houses.size, await db.kv.get('cursor')]);
      return seen; }""")
    assert seen[-1] == [230, "c-test"]
    partial = [s for s in seen if 0 < s[0] < 230]
    assert partial, "some houses stored while the page answered other tasks"
    assert all(cursor is None for _, cursor in partial)
