from balekdusun.visits.tests.conftest import field_setup, stocked  # noqa: F401 - shared fixtures
