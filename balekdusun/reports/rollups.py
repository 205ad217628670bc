"""Rollups kept current on write. The services of other apps call these functions inside their own
transaction, right after they write (no signals: the path a record takes stays visible).

OWNER: the reports app (dashboards issue). Until it lands these record nothing; the contract is the signatures.
"""


def visit_recorded(visit) -> None:
    """A new Visit was stored (not called for duplicates or conflicts)."""


def household_added(household) -> None:
    """A new Household was stored."""


def stock_moved(move) -> None:
    """A new StockMove ledger row was written."""


def sticker_placed(sticker) -> None:
    """A Sticker became placed on a household."""


def sticker_scanned(scan) -> None:
    """A StickerScan was recorded."""


def case_changed(case, *, old_status: str | None) -> None:
    """A Case was opened (old_status None) or changed status."""
