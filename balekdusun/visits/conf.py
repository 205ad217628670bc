"""Tunables of the sync API (environment variables with defaults)."""

from balekdusun.lib.env import env_int

# Most records one push may carry. The field app sends at most this many per request.
MAX_BATCH = env_int("SYNC_MAX_BATCH", 500)
# Days a device token from the field app's login stays valid.
FIELD_TOKEN_DAYS = env_int("FIELD_TOKEN_DAYS", 90)
# Outreach days this many days in the past (and every future one) count as the device's assignments.
ASSIGNMENT_PAST_DAYS = env_int("SYNC_ASSIGNMENT_PAST_DAYS", 14)
# A pull re-sends rows changed this many seconds before the previous pull (a push committed just after that pull
# began carries an older time). bench/field_phone.py lowers it to model doors minutes apart in a one-minute run.
PULL_OVERLAP_SECONDS = env_int("SYNC_PULL_OVERLAP_SECONDS", 30)
# A device that reports the same pending and failing counts and app version again within this many seconds is
# not written again by the same server process (a phone syncing each visit as it is saved reports on every
# request; the coordinator's device page shows the time of the last write, at most this much behind).
DEVICE_REPORT_SECONDS = env_int("SYNC_DEVICE_REPORT_SECONDS", 30)
