"""Kostnadsmodell: what the car and its staff cost and who owns each requesting service.

Every change is written at once to the shared INI file, under the keys that
:func:`dashboard.settings.cost_model` reads, so the command line and the brief use the
same model as the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.costs import CostModel
from dashboard.data.phrases import staffed_span
from dashboard.data.values import StaffedHours
from dashboard.data.vocabulary import OWNERS, SERVICES
from dashboard.settings import (
    CAR_COST_PER_YEAR,
    STAFF_COST_PER_HOUR,
    cost_model,
    owner_key,
    settings_path,
)
from dashboard.views.formatting import language, locale

MAX_CAR_COST = 100_000_000
MAX_STAFF_COST = 100_000
OWNER_GROUP = "owners"
COST_GROUP = "cost"


def owner_name(owner: str) -> str:
    names = {
        "municipality": QCoreApplication.translate("CostModelPanel", "Municipality"),
        "health_trust": QCoreApplication.translate("CostModelPanel", "Health trust"),
        "shared": QCoreApplication.translate("CostModelPanel", "Shared"),
    }
    return names[owner]


def _money_box(parent: QWidget, maximum: float, decimals: int, step: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setLocale(locale())
    box.setRange(0, maximum)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setGroupSeparatorShown(True)
    box.setPrefix("kr ")
    box.setMinimumWidth(160)
    box.setMaximumWidth(240)
    return box


class CostModelPanel(QWidget):
    """Car cost per year, staff cost per hour and service owners; ``changed`` after a save."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.settings = QSettings(str(settings_path()), QSettings.Format.IniFormat)
        self.car_cost = _money_box(self, MAX_CAR_COST, 0, 10_000)
        self.staff_cost = _money_box(self, MAX_STAFF_COST, 2, 10)
        self.staffed_label = QLabel(self)
        self.staffed_label.setWordWrap(True)
        self.owner_table = self._owner_table()
        self.owner_boxes = {service: self._owner_box() for service in SERVICES}
        for row, service in enumerate(SERVICES):
            self.owner_table.setCellWidget(row, 1, self.owner_boxes[service])
        self.reset_button = QPushButton(self.tr("Reset to defaults"), self)
        self.reset_button.clicked.connect(self.reset)
        self._show(cost_model())
        self.car_cost.valueChanged.connect(self._save)
        self.staff_cost.valueChanged.connect(self._save)
        self._lay_out()

    def _owner_table(self) -> QTableWidget:
        table = QTableWidget(len(SERVICES), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Requesting service"), self.tr("Owner")])
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, service in enumerate(SERVICES):
            table.setItem(row, 0, QTableWidgetItem(service))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _owner_box(self) -> QComboBox:
        box = QComboBox(self)
        for owner in OWNERS:
            box.addItem(owner_name(owner), owner)
        box.currentIndexChanged.connect(self._save)
        return box

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Car cost per year:"), self.car_cost)
        form.addRow(self.tr("Staff cost per hour:"), self.staff_cost)
        intro = QLabel(
            self.tr(
                "The cost model is saved at once and used by the Costs tab, the brief and the "
                "command line. The default car cost, NOK 300,000 a year, is the figure named "
                "in the evaluation."
            ),
            self,
        )
        intro.setWordWrap(True)
        owners = QLabel(
            self.tr("Who owns each service that asks the car for a task (hours per owner):"), self
        )
        owners.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(intro)
        left.addLayout(form)
        left.addWidget(self.staffed_label)
        left.addStretch(1)
        left.addWidget(self.reset_button)
        right = QVBoxLayout()
        right.addWidget(owners)
        right.addWidget(self.owner_table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def set_staffed(self, staffed: StaffedHours) -> None:
        self.staffed_label.setText(
            self.tr(
                "Staffed hours come from the settings: %1 on weekdays. Outside them the "
                "legevakt doctor uses the car."
            ).replace("%1", staffed_span(staffed, language()))
        )

    def _show(self, model: CostModel) -> None:
        """Fill the widgets without saving what they already hold."""
        widgets = [self.car_cost, self.staff_cost, *self.owner_boxes.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.car_cost.setValue(model.car_cost_per_year)
        self.staff_cost.setValue(model.staff_cost_per_hour)
        for service, box in self.owner_boxes.items():
            box.setCurrentIndex(box.findData(model.owner_by_service[service]))
        for widget in widgets:
            widget.blockSignals(False)

    def model(self) -> CostModel:
        return CostModel(
            car_cost_per_year=self.car_cost.value(),
            staff_cost_per_hour=self.staff_cost.value(),
            owner_by_service={
                service: box.currentData() for service, box in self.owner_boxes.items()
            },
        )

    def _save(self) -> None:
        model = self.model()
        # Plain text with a decimal point: what dashboard.settings reads without Qt.
        self.settings.setValue(CAR_COST_PER_YEAR, repr(model.car_cost_per_year))
        self.settings.setValue(STAFF_COST_PER_HOUR, repr(model.staff_cost_per_hour))
        for service, owner in model.owner_by_service.items():
            self.settings.setValue(owner_key(service), owner)
        self.settings.sync()
        self.changed.emit()

    def reset(self) -> None:
        """Back to the defaults: the keys are removed, so later defaults apply too."""
        self.settings.remove(COST_GROUP)
        self.settings.remove(OWNER_GROUP)
        self.settings.sync()
        self._show(cost_model())
        self.changed.emit()
