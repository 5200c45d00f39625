"""Ask what the steering-group brief needs: where to save it, the meeting date, notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.values import Filters
from dashboard.views.filter_bar import COMPARISON_CHOICES
from dashboard.views.formatting import format_date, pydate, qdate


@dataclass(frozen=True)
class BriefRequest:
    out_path: Path
    meeting_date: date
    notes: str | None


def suggested_name(filters: Filters) -> str:
    return f"notat-styringsgruppe-{filters.start:%Y%m%d}-{filters.end:%Y%m%d}.pdf"


class BriefDialog(QDialog):
    """The brief covers the window's current filters; this asks for the rest."""

    def __init__(self, filters: Filters, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export brief"))
        self.filters = filters
        today = date.today()
        self.meeting_date = QDateEdit(qdate(today))
        self.meeting_date.setCalendarPopup(True)
        self.meeting_date.setDisplayFormat("dd.MM.yyyy")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Agenda or notes for the meeting (optional)"))
        self.out_path = QLineEdit(str(folder / suggested_name(filters)))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self._choose_file)
        self._lay_out()

    def _lay_out(self) -> None:
        period = self.tr("%1 to %2").replace("%1", format_date(self.filters.start))
        period = period.replace("%2", format_date(self.filters.end))
        where = QHBoxLayout()
        where.addWidget(self.out_path, 1)
        where.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Period"), QLabel(period))
        form.addRow(self.tr("Compared with"), QLabel(self._comparison_text()))
        form.addRow(self.tr("Meeting date"), self.meeting_date)
        form.addRow(self.tr("Save as"), where)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def _comparison_text(self) -> str:
        """The comparison the filter bar chose, which the brief follows."""
        compared = self.filters.comparison()
        if compared is None:
            return self.tr("Nothing (no comparison chosen in the filter bar)")
        days = f"{format_date(compared.start)}–{format_date(compared.end)}"
        kind = QCoreApplication.translate("FilterBar", COMPARISON_CHOICES[compared.compare.kind])
        return f"{kind.rstrip('…')} ({days})"

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save brief as"), self.out_path.text(), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.out_path.setText(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def request(self) -> BriefRequest:
        notes = self.notes.toPlainText().strip()
        return BriefRequest(
            Path(self.out_path.text()),
            pydate(self.meeting_date.date()),
            notes or None,
        )
