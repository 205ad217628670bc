"""Core tunables, read from the environment with defaults."""

from balekdusun.lib.env import env_int

# Sign-in attempts (the web login and the field app's POST /api/v1/sync/token share these counters).
# Only failures count. After LOGIN_USER_LIMIT wrong passwords for one username, or LOGIN_CLIENT_LIMIT from one
# client address (whatever the usernames), sign-in is paused for LOGIN_WINDOW_SECONDS. The client limit is loose
# because a mobile carrier puts many phones behind one address (carrier-grade NAT).
LOGIN_USER_LIMIT = env_int("LOGIN_USER_LIMIT", 5)
LOGIN_CLIENT_LIMIT = env_int("LOGIN_CLIENT_LIMIT", 30)
LOGIN_WINDOW_SECONDS = env_int("LOGIN_WINDOW_SECONDS", 900)
