"""Two-step sign-in in a real browser: a head of office scans the QR code (here: reads the key shown beside it),
keeps the recovery codes, and at the next sign-in enters the code from the app."""

import time

from django_otp.oath import TOTP

from conftest import PASSWORD


def app_code(secret_text: str, step_offset: int = 0) -> str:
    """What an authenticator app shows for the key typed from the page."""
    from base64 import b32decode

    totp = TOTP(b32decode(secret_text.replace(" ", "")), step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * step_offset
    return f"{totp.token():06d}"


def test_enrolment_then_sign_in_with_the_code(page, dave, settings):
    settings.OTP_REQUIRED_ROLES = frozenset({"admin", "head", "coordinator"})
    page.goto("/accounts/login/?next=/cases/")
    page.fill("input[name=username]", "dave")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/two-factor/?next=" in url)
    assert page.locator("h1").inner_text() == "Siapkan masuk dua langkah"
    # The QR code is an image the browser really loaded.
    qr = page.locator(".qr img")
    qr.wait_for()
    assert page.evaluate("document.querySelector('.qr img').naturalWidth") > 100
    secret = page.inner_text("#otp-secret")
    page.fill("input[name=code]", app_code(secret))
    page.click("main button.primary")
    codes = page.locator("#recovery-codes li")
    codes.first.wait_for()
    assert codes.count() == 10
    page.click("text=Saya sudah menyimpan kode saya, lanjutkan")
    page.wait_for_url("**/cases/")
    # Sign out, sign in again: the code from the app is asked, a wrong one is refused in words.
    page.click("header button:has-text('Keluar')")
    page.wait_for_url(lambda url: "/accounts/login/" in url)
    page.goto("/accounts/login/?next=/cases/")
    page.fill("input[name=username]", "dave")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/two-factor/verify/?next=" in url)
    page.fill("input[name=code]", "000000")
    page.click("main button.primary")
    page.wait_for_selector(".field.invalid .error")
    assert "salah" in page.inner_text(".field.invalid .error")
    page.fill("input[name=code]", app_code(secret, 1))
    page.click("main button.primary")
    page.wait_for_url("**/cases/")
    assert page.locator("h1").count() >= 1
