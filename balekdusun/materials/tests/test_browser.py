from django.templatetags.static import static

from balekdusun.materials import codes, services


def test_sticker_lookup_and_js_codes_in_chromium(page, browser_login, carol, launch, brochure, offices):
    services.receive_stock(office=offices["sumsel"], material=brochure, quantity=20, actor=carol)
    batch = services.create_batch(office=carol.office, size=3, actor=carol)
    code = batch.stickers.order_by("id").first().code
    browser_login(carol)
    page.goto("/materials/stickers/")
    typo = code[:-1] + ("2" if code[-1] != "2" else "3")
    page.fill("input[name=code]", typo)
    page.click("main form.filters button[type=submit]")
    assert page.locator(".field.invalid .error").count() == 1
    page.fill("input[name=code]", code.lower())
    page.click("main form.filters button[type=submit]")
    page.wait_for_url(f"**/materials/stickers/{code}/")
    # The browser mirror agrees with the server on real codes and on their typos.
    sample = codes.generate(50) + [typo, code]
    result = page.evaluate(
        """async ([url, xs]) => { const m = await import(url); return xs.map(s => m.isValidCode(s)); }""",
        [static("materials/stickercode.js"), sample])
    assert result == [codes.is_valid(s) for s in sample]
    # The stock page fits a 360 px phone (tables scroll inside their wrapper, the page itself does not).
    page.goto("/materials/stock/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 362
