"""One number formatter per language for pages, PDFs and charts: "44,2%" and "1.250" in Indonesian,
"44.2%" and "1,250" in English. Python's f"{x}" and str() always write a decimal point, which put "15.7%"
beside "44,2%" on one dashboard."""

from django.utils.formats import number_format


def num(value, decimals: int | None = None) -> str:
    """A number with the active language's decimal and thousands marks; "—" for None."""
    if value is None:
        return "—"
    if decimals is None:
        decimals = 0 if isinstance(value, int) or float(value).is_integer() else 1
    return number_format(value, decimals, use_l10n=True, force_grouping=True)


def pct(value, decimals: int = 1) -> str:
    """A share in percent ("44,2%"); whole numbers lose the ",0"; "—" for None (no denominator)."""
    if value is None:
        return "—"
    if float(value).is_integer():
        decimals = 0
    return f"{num(value, decimals)}%"
