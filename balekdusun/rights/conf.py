"""Tunables of the residents' rights app, from the environment with defaults."""

from balekdusun.lib.env import env_int

# UU 27/2022: a controller answers a data subject's request within 3 x 24 hours.
ANSWER_HOURS = env_int("RIGHTS_ANSWER_HOURS", 72)
# The portal's request form and status check: attempts per holder (sticker code or device) per window.
REQUEST_LIMIT = env_int("RIGHTS_REQUEST_LIMIT", 5)
STATUS_LIMIT = env_int("RIGHTS_STATUS_LIMIT", 10)
LIMIT_WINDOW_SECONDS = env_int("RIGHTS_LIMIT_WINDOW_SECONDS", 3600)
