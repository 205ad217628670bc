"""Tunables of the cases app, from the environment with defaults. Things an office changes (service levels,
closure rules) are database rows instead (ServiceLevel, ClosureReason)."""

from balekdusun.lib.env import env_int, env_list, env_str

# Attachments on a case: size limit and allowed types (checked by extension AND by the file's first bytes).
ATTACHMENT_MAX_BYTES = env_int("CASES_ATTACHMENT_MAX_KB", 5 * 1024) * 1024
ATTACHMENT_TYPES = env_list("CASES_ATTACHMENT_TYPES", ["pdf", "jpg", "jpeg", "png", "webp"])
# Due date when a kind has no ServiceLevel row.
DEFAULT_SLA_DAYS = env_int("CASES_DEFAULT_SLA_DAYS", 14)
# remind_cases: warn this many days before the due date; never remind the same case twice within this many hours.
REMIND_DAYS_AHEAD = env_int("CASES_REMIND_DAYS_AHEAD", 2)
REMIND_EVERY_HOURS = env_int("CASES_REMIND_EVERY_HOURS", 20)
# Dotted path of the SMS/WhatsApp sender class (see balekdusun/cases/notify.py).
MESSAGE_SENDER = env_str("CASES_MESSAGE_SENDER") or "balekdusun.cases.notify.LoggingSender"
# Default region for phone numbers typed without a country code.
PHONE_REGION = env_str("CASES_PHONE_REGION") or "ID"
