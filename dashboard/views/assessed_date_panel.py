"""The question the window asks when a goal table gives statuses but no date for them.

The command line takes the answer as ``import --assessed``; here the import view shows this
panel under the refusal, and the files are imported again with the date the user writes, at
the precision written ("mai 2021" stays a month).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from dashboard.data.goal_dates import parse_assessed


class AssessedDatePanel(QFrame):
    """Asks for the date of the statuses of ``paths``; ``date_given(paths, text)`` once a
    readable date is written."""

    date_given = Signal(list, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.paths: list[Path] = []
        self.setObjectName("assessedDatePanel")
        self.setStyleSheet(
            "#assessedDatePanel { border: 1px solid #E69F00; border-radius: 6px; "
            "background: #FDF3E1; }"
        )
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText(self.tr("e.g. mai 2021, 05.2021 or 31.05.2021"))
        self.date_edit.setAccessibleName(self.tr("Date the statuses were given"))
        self.import_button = QPushButton(self.tr("Import with this date"), self)
        self.warning = QLabel(self)
        self.warning.setStyleSheet("color: #a4161a;")
        self.warning.hide()
        self._lay_out()
        self.import_button.clicked.connect(self.give_date)
        self.date_edit.returnPressed.connect(self.give_date)
        self.ask([])

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.date_edit, 1)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.warning)

    def ask(self, paths: list[Path]) -> None:
        """Ask for the date of ``paths`` (hidden when there are none)."""
        self.paths = list(paths)
        self.setVisible(bool(paths))
        self.warning.hide()
        if paths:
            self.question.setText(
                self.tr(
                    "%1 gives statuses but not the date they were given. When were they "
                    "given? Write it as precisely as the source says it: a month stays a month."
                ).replace("%1", ", ".join(path.name for path in paths))
            )

    def give_date(self) -> None:
        text = self.date_edit.text().strip()
        if parse_assessed(text) is None:
            self.warning.setText(
                self.tr("«%1» is not a date; write e.g. mai 2021, 05.2021 or 31.05.2021.").replace(
                    "%1", text
                )
            )
            self.warning.show()
            return
        self.date_given.emit(self.paths, text)
