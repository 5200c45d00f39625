"""Where to save a table for spreadsheets: one dialog for the goal register and the
follow-up log alike, remembering the folder last used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from dashboard.views.qt_settings import LAST_FOLDER, AppSettings

SHEET_SUFFIXES = (".xlsx", ".csv")


def ask_sheet_path(parent: QWidget, title: str, suggested_name: str) -> Path | None:
    """The file the user chose (.xlsx unless the CSV filter was picked), or None."""
    settings = AppSettings()
    folder = Path(settings.text(LAST_FOLDER, str(Path.home())))
    excel = QCoreApplication.translate("SheetDialog", "Excel workbook (*.xlsx)")
    csv = QCoreApplication.translate("SheetDialog", "CSV, semicolon separated (*.csv)")
    path, chosen_filter = QFileDialog.getSaveFileName(
        parent, title, str(folder / suggested_name), ";;".join([excel, csv])
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in SHEET_SUFFIXES:
        target = target.with_suffix(".csv" if "*.csv" in chosen_filter else ".xlsx")
    settings.set(LAST_FOLDER, str(target.parent))
    return target
