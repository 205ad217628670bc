"""Core tunables, read from the environment with defaults (docs/signin.md explains each)."""

from balekdusun.lib.env import env_int

# Failed sign-ins (the web login, its second-factor step and the field app's POST /api/v1/sync/token share these
# counters). A failure is counted for the username on this client (address + device cookie), for the client
# whatever the username, for the username from clients it never signed in on, and for the address. Each subject
# has some free failures; past them every further failure doubles the wait, from LOGIN_BACKOFF_SECONDS up to
# LOGIN_BACKOFF_MAX_SECONDS. Failures are forgotten LOGIN_FORGET_SECONDS after the last one.
LOGIN_FREE_FAILURES = env_int("LOGIN_FREE_FAILURES", 5)            # username on one client
LOGIN_CLIENT_LIMIT = env_int("LOGIN_CLIENT_LIMIT", 30)             # one client, any usernames
LOGIN_USER_LIMIT = env_int("LOGIN_USER_LIMIT", 20)                 # one username, from clients it never used
LOGIN_ADDRESS_LIMIT = env_int("LOGIN_ADDRESS_LIMIT", 100)          # one address, from clients that never signed in
LOGIN_BACKOFF_SECONDS = env_int("LOGIN_BACKOFF_SECONDS", 30)
LOGIN_BACKOFF_MAX_SECONDS = env_int("LOGIN_BACKOFF_MAX_SECONDS", 3600)
LOGIN_FORGET_SECONDS = env_int("LOGIN_FORGET_SECONDS", 6 * 3600)
# A client on which a username signed in successfully is that username's own for this long (the device cookie).
LOGIN_TRUST_SECONDS = env_int("LOGIN_TRUST_SECONDS", 180 * 24 * 3600)

# The portal's limits count per address *and* what the resident holds (a sticker code, else the device cookie);
# one address may use PORTAL_ADDRESS_FACTOR times a limit in all before new holders there are refused.
PORTAL_ADDRESS_FACTOR = env_int("PORTAL_ADDRESS_FACTOR", 10)
