"""How the window names a reference value and an event: shared by the charts and the list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dashboard.data.references import ReferenceValue
from dashboard.views.formatting import format_date, format_number, format_percent


def reference_period(ref: ReferenceValue) -> str:
    """«2019», «2018–2022», «01.03.2019–31.08.2019», or «no period»."""
    start, end = ref.period_from, ref.period_to
    if start is None or end is None:
        return QCoreApplication.translate("ReferenceText", "no period")
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return f"{format_date(start)}–{format_date(end)}"


def reference_value(ref: ReferenceValue) -> str:
    """The value in the unit the indicator is shown in: shares in per cent, minutes in hours."""
    if ref.unit == "share":
        return format_percent(ref.value)
    if ref.unit == "minutes":
        return QCoreApplication.translate("ReferenceText", "%1 hours").replace(
            "%1", format_number(ref.value / 60, 1)
        )
    return format_number(ref.value, 0 if ref.unit == "count" else 1)


def reference_legend_text(ref: ReferenceValue) -> str:
    """«Sammenlignbare kommuner i Trøndelag, 2019: 57,0 % (source: Evalueringen)»."""
    return (
        QCoreApplication.translate("ReferenceText", "%1, %2: %3 (source: %4)")
        .replace("%1", ref.group)
        .replace("%2", reference_period(ref))
        .replace("%3", reference_value(ref))
        .replace("%4", ref.source)
    )
