import pytest


@pytest.fixture
def open_case(offices):
    """open_case(**overrides) opens a Sumsel hotline case in Desa Pematang Buluran."""
    from balekdusun.cases import services

    def _open(**kw):
        args = dict(office=offices["sumsel"], kind="unpaid_wages", source="hotline", village="16.02.08.2017",
                    description="Majikan menahan upah enam bulan", reporter_name="Siti Aminah",
                    reporter_phone="0812-3456-7890", consent=True)
        args.update(kw)
        return services.open_case(**args)

    return _open


@pytest.fixture
def rules(db):
    """Service levels and closure reasons (migration data; re-created after a transactional flush)."""
    from balekdusun.cases.rules import ensure_defaults

    ensure_defaults()
