"""The window's words for how far each source's data reaches, in the user's language:
the status bar's last days, and the flag beside figures whose source ends before the period."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dashboard.data.coverage import SOURCES, ShortSource
from dashboard.data.figures import Freshness
from dashboard.views.formatting import format_date

CONTEXT = "Coverage"
SOURCE_NAMES = {
    "activity": QT_TRANSLATE_NOOP("Coverage", "activity"),
    "callouts": QT_TRANSLATE_NOOP("Coverage", "call-outs"),
    "carlog": QT_TRANSLATE_NOOP("Coverage", "car log"),
}
SHORT_TEXTS = {
    "activity": QT_TRANSLATE_NOOP("Coverage", "Activity log only up to %1"),
    "callouts": QT_TRANSLATE_NOOP("Coverage", "Call-outs only up to %1"),
    "carlog": QT_TRANSLATE_NOOP("Coverage", "Car log only up to %1"),
}
NO_DATA_TEXTS = {
    "activity": QT_TRANSLATE_NOOP("Coverage", "No activity log imported"),
    "callouts": QT_TRANSLATE_NOOP("Coverage", "No call-outs imported"),
    "carlog": QT_TRANSLATE_NOOP("Coverage", "No car log imported"),
}


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def last_days_text(freshness: Freshness) -> str:
    """``Sist data: aktivitet 31.12.2025, utrykninger 30.09.2025, kjørebok 31.12.2025``."""
    parts = [
        f"{_translate(SOURCE_NAMES[kind])} {format_date(getattr(freshness, kind))}"
        for kind in SOURCES
    ]
    return QCoreApplication.translate("Coverage", "Last data: %1").replace("%1", ", ".join(parts))


def short_text(short: ShortSource) -> str:
    """``Utrykninger bare til og med 30.09.2024`` (or that there are none)."""
    if short.last_day is None:
        return _translate(NO_DATA_TEXTS[short.kind])
    return _translate(SHORT_TEXTS[short.kind]).replace("%1", format_date(short.last_day))


def period_runs_past_text(shorts: dict[str, ShortSource]) -> str:
    """The window's warning when the period runs past one or more sources' last day."""
    if not shorts:
        return ""
    details = "; ".join(short_text(short) for short in shorts.values())
    text = QCoreApplication.translate("Coverage", "The period runs past the last data: %1.")
    return text.replace("%1", details)
