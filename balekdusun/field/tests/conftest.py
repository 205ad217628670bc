from balekdusun.visits.tests.conftest import field_setup  # noqa: F401 - shared fixture
