"""Tunables of the planning app, read from the environment with defaults.

Admin-editable settings (priority weights) live in the database (PriorityWeight rows), not here.
"""

from balekdusun.lib.env import env_int

# A household last found "not home" is put at the front of a walk list again until it has this many attempts.
ROUTE_MAX_ATTEMPTS = env_int("BALEKDUSUN_ROUTE_MAX_ATTEMPTS", 3)
# Seconds OR-Tools may spend improving one turf's route (guided local search after the first solution).
ROUTE_SOLVER_SECONDS = env_int("BALEKDUSUN_ROUTE_SOLVER_SECONDS", 1)
# Duplicate suggestions: households closer than this many metres with a similar address.
DUPLICATE_RADIUS_M = env_int("BALEKDUSUN_DUPLICATE_RADIUS_M", 15)
# Largest import accepted through the upload page, in megabytes (the CLI has no limit).
IMPORT_UPLOAD_MAX_MB = env_int("BALEKDUSUN_IMPORT_UPLOAD_MAX_MB", 50)
