"""Gevinstmodell: what an outcome is worth, each unit value with its source.

Every change is written at once to the shared INI file, under the keys that
:func:`dashboard.settings.benefit_model` reads, so the command line and the brief value the
outcomes as the window does. There are no values by default.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.values import BenefitModel, UnitValue
from dashboard.data.vocabulary import OUTCOMES
from dashboard.settings import (
    BENEFIT_GROUP,
    MAX_UNIT_VALUES,
    OUTCOME_SEPARATOR,
    SettingsError,
    benefit_key,
    benefit_model,
    settings_path,
)
from dashboard.views.formatting import format_number, locale

MAX_KRONER = 100_000_000
SUGGESTED_NAMES = (
    "Unngått innleggelse",
    "Unngått ambulansetransport",
    "Unngått drosjetur",
)


def kroner_text(amount: float) -> str:
    return f"kr {format_number(amount, 0)}"


class UnitValueDialog(QDialog):
    """One unit value: its name, kroner per task, its source and the outcomes it counts."""

    def __init__(self, outcomes: list[str], value: UnitValue | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unit value"))
        self.setMinimumWidth(560)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.addItems(SUGGESTED_NAMES)
        self.name.setCurrentText(value.name if value else "")
        self.kroner = QDoubleSpinBox(self)
        self.kroner.setLocale(locale())
        self.kroner.setRange(0, MAX_KRONER)
        self.kroner.setDecimals(0)
        self.kroner.setSingleStep(1000)
        self.kroner.setGroupSeparatorShown(True)
        self.kroner.setPrefix("kr ")
        self.kroner.setValue(value.kroner if value else 0)
        self.source = QPlainTextEdit(self)
        self.source.setPlaceholderText(
            self.tr("Where the amount comes from, e.g. a report, a price list and its year")
        )
        self.source.setPlainText(value.source if value else "")
        self.source.setFixedHeight(70)
        self.outcomes = QListWidget(self)
        chosen = {o.casefold() for o in value.outcomes} if value else set()
        for outcome in dict.fromkeys([*OUTCOMES, *outcomes, *(value.outcomes if value else ())]):
            self._add_outcome(outcome, outcome.casefold() in chosen)
        self.other = QLineEdit(self)
        self.other.setPlaceholderText(self.tr("Another outcome, as written in the log"))
        add_other = QPushButton(self.tr("Add"), self)
        add_other.clicked.connect(self._add_other)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #9a3412;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for signal in (
            self.name.currentTextChanged,
            self.kroner.valueChanged,
            self.source.textChanged,
            self.outcomes.itemChanged,
        ):
            signal.connect(self._check)
        self._lay_out(add_other)
        self._check()

    def _add_outcome(self, outcome: str, checked: bool) -> None:
        item = QListWidgetItem(outcome, self.outcomes)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _add_other(self) -> None:
        text = self.other.text().strip()
        if text and OUTCOME_SEPARATOR not in text:
            self._add_outcome(text, True)
            self.other.clear()

    def _lay_out(self, add_other: QPushButton) -> None:
        other = QHBoxLayout()
        other.addWidget(self.other, 1)
        other.addWidget(add_other)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Kroner per task:"), self.kroner)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Counts tasks with the outcome:"), self.outcomes)
        form.addRow("", other)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def chosen_outcomes(self) -> tuple[str, ...]:
        items = (self.outcomes.item(row) for row in range(self.outcomes.count()))
        return tuple(i.text() for i in items if i.checkState() == Qt.CheckState.Checked)

    def _missing(self) -> str:
        if not self.name.currentText().strip():
            return self.tr("Give the value a name.")
        if self.kroner.value() <= 0:
            return self.tr("Set an amount in kroner.")
        if not self.source.toPlainText().strip():
            return self.tr("Say where the amount comes from: an estimate needs its source.")
        if not self.chosen_outcomes():
            return self.tr("Tick at least one outcome the value counts.")
        return ""

    def _check(self) -> None:
        missing = self._missing()
        self.problem.setText(missing)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    def value(self) -> UnitValue:
        return UnitValue(
            name=self.name.currentText().strip(),
            kroner=self.kroner.value(),
            source=" ".join(self.source.toPlainText().split()),
            outcomes=self.chosen_outcomes(),
        )


class BenefitModelPanel(QWidget):
    """The unit values in a table, added, edited and removed; ``changed`` after a save."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.settings = QSettings(str(settings_path()), QSettings.Format.IniFormat)
        self.known_outcomes: list[str] = []
        self.table = self._table()
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #9a3412;")
        self.problem.hide()
        self.add_button = QPushButton(self.tr("Add value…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.add_value)
        self.edit_button.clicked.connect(self.edit_value)
        self.remove_button.clicked.connect(self.remove_value)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_value())
        self.values: list[UnitValue] = list(self._saved_model().values)
        self._lay_out()
        self._show()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Unit value"),
                self.tr("Kroner per task"),
                self.tr("Outcomes"),
                self.tr("Source"),
            ]
        )
        table.verticalHeader().hide()
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        return table

    def _lay_out(self) -> None:
        intro = QLabel(
            self.tr(
                "What an outcome is worth: kroner for each task with the outcomes a value "
                "counts, and the source of the amount. Saved at once and used by the Gains "
                "view, the brief and the command line. With no values, the dashboard shows "
                "counts only. Whatever is computed from these values is an estimate, and is "
                "always shown with them."
            ),
            self,
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _saved_model(self) -> BenefitModel:
        """The model in the settings file; one that cannot be read is said, and replaced by
        whatever the user saves here."""
        try:
            return benefit_model()
        except SettingsError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return BenefitModel()

    def model(self) -> BenefitModel:
        return BenefitModel(tuple(self.values))

    def set_known_outcomes(self, outcomes: list[str]) -> None:
        """Outcomes found in the data, offered besides the vocabulary's when mapping."""
        self.known_outcomes = list(outcomes)

    def _show(self) -> None:
        self.table.setRowCount(len(self.values))
        for row, value in enumerate(self.values):
            cells = (
                value.name,
                kroner_text(value.kroner),
                ", ".join(value.outcomes),
                value.source,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.add_button.setEnabled(len(self.values) < MAX_UNIT_VALUES)

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _dialog(self, value: UnitValue | None) -> UnitValueDialog:
        return UnitValueDialog(self.known_outcomes, value, self)

    def add_value(self) -> None:
        dialog = self._dialog(None)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.values.append(dialog.value())
            self.save()

    def edit_value(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        dialog = self._dialog(self.values[row])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.values[row] = dialog.value()
            self.save()

    def remove_value(self) -> None:
        row = self._selected_row()
        if row is not None:
            del self.values[row]
            self.save()

    def save(self) -> None:
        """Every unit value under its number, the old groups removed first."""
        for number in range(1, MAX_UNIT_VALUES + 1):
            self.settings.remove(f"{BENEFIT_GROUP}{number}")
        for number, value in enumerate(self.values, start=1):
            self.settings.setValue(benefit_key(number, "name"), value.name)
            # Plain text with a decimal point: what dashboard.settings reads without Qt.
            self.settings.setValue(benefit_key(number, "kroner"), repr(value.kroner))
            self.settings.setValue(benefit_key(number, "source"), value.source)
            outcomes = f"{OUTCOME_SEPARATOR} ".join(value.outcomes)
            self.settings.setValue(benefit_key(number, "outcomes"), outcomes)
        self.settings.sync()
        self.problem.hide()
        self._show()
        self.changed.emit()


class BenefitModelDialog(QDialog):
    """The same panel in a window of its own, opened from the Gains view."""

    def __init__(self, outcomes: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Benefit model"))
        self.panel = BenefitModelPanel(self)
        self.panel.set_known_outcomes(outcomes)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(close)
        self.resize(820, 420)
