"""Portal tunables, read from the environment with defaults (numbers that are per office live on Office rows)."""

from balekdusun.lib.env import env_int, env_str

# National channels (docs/design.md "Domain facts"). The ministry's WhatsApp number (0811-8080-141 in our sources) is still to be
# confirmed, so the portal shows no national WhatsApp link until PORTAL_NATIONAL_WHATSAPP is set.
NATIONAL_HOTLINE = env_str("PORTAL_NATIONAL_HOTLINE") or "0800-1000"
NATIONAL_HOTLINE_ABROAD = env_str("PORTAL_NATIONAL_HOTLINE_ABROAD") or "+62-21-29244800"
NATIONAL_WHATSAPP = env_str("PORTAL_NATIONAL_WHATSAPP") or ""

# Seconds a rendered public page is kept in the server cache and in the visitor's browser.
PAGE_CACHE_SECONDS = env_int("PORTAL_PAGE_CACHE_SECONDS", 120)
BROWSER_CACHE_SECONDS = env_int("PORTAL_BROWSER_CACHE_SECONDS", 300)

# Rate limits per address and what the resident holds (a sticker code, else a device cookie), counted under salted
# hashes in the counters all server processes share (core/ratelimit.py, core/counters.py); one address may use
# PORTAL_ADDRESS_FACTOR times a limit in all.
HELP_LIMIT = env_int("PORTAL_HELP_LIMIT", 5)             # help requests per window
CHECK_LIMIT = env_int("PORTAL_CHECK_LIMIT", 10)          # "check my report" attempts per window
SEARCH_LIMIT = env_int("PORTAL_SEARCH_LIMIT", 120)       # agency searches per window
LIMIT_WINDOW_SECONDS = env_int("PORTAL_LIMIT_WINDOW_SECONDS", 3600)

# Upper bound for staff CSV imports.
IMPORT_MAX_ROWS = env_int("PORTAL_IMPORT_MAX_ROWS", 5000)
