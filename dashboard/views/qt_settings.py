"""The window's settings: one INI file, shared with the headless command line.

Staffed hours and the privacy threshold use the keys of :mod:`dashboard.settings`, so the
command line reads what the settings dialog wrote.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from dashboard.data.figures import DEFAULT_VISITS_TARGET_PER_WEEK
from dashboard.data.values import StaffedHours, StaffedSchedule
from dashboard.settings import (
    DEFAULT_SUPPRESSION_THRESHOLD,
    STAFFED_END,
    STAFFED_HISTORY,
    STAFFED_START,
    SUPPRESSION_THRESHOLD,
    VISITS_TARGET,
    Preferences,
    Reader,
    SettingsError,
    file_reader,
    read_preferences,
    settings_path,
    staffed_schedule,
    suppression_threshold,
    visits_target,
)
from dashboard.views.formatting import locale
from dashboard.views.staffed_history_editor import StaffedHistoryEditor, history_text

LANGUAGE = "language"
LAST_FOLDER = "files/last_folder"
GEOMETRY = "window/geometry"
DEFAULT_PERIOD = "filters/default_period"
LAST_USED_PERIOD = "last_used"
FILTER_PERIOD = "filters/period"
FILTER_START = "filters/start"
FILTER_END = "filters/end"
FILTER_SUBPROJECT = "filters/subproject"
FILTER_MUNICIPALITY = "filters/municipality"
FILTER_COMPARE = "filters/compare"
FILTER_BASELINE_START = "filters/baseline_start"
FILTER_BASELINE_END = "filters/baseline_end"


def _clock_text(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


class AppSettings:
    """Typed access to the INI file at :func:`dashboard.settings.settings_path`."""

    def __init__(self) -> None:
        path = settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def text(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return str(value) if value is not None else default

    def set(self, key: str, value: object) -> None:
        self.qsettings.setValue(key, value)
        self.qsettings.sync()

    @property
    def language(self) -> str:
        code = self.text(LANGUAGE, "nb")
        return code if code in ("nb", "en") else "nb"

    def preferences(self) -> Preferences:
        """Everything computations need from the settings, read once (at start, and after
        the settings dialog). Through the same reader as the command line, so that a text
        QSettings quoted or escaped (the benefit model's sources, the staffed-hours history)
        reads the same in both."""
        return read_preferences(self.file_values())

    def file_values(self) -> Reader:
        """The file as the command line reads it: QSettings would cut a hand-written
        ``history = …; …`` at its first ``;``, which its INI format takes for a comment."""
        self.qsettings.sync()
        return file_reader(settings_path())

    def set_staffed(self, hours: StaffedHours) -> None:
        self.set(STAFFED_START, _clock_text(hours.start))
        self.set(STAFFED_END, _clock_text(hours.end))

    @property
    def staffed_schedule(self) -> StaffedSchedule:
        """The staffed hours with their history the dialog starts from (the default where
        the file holds something unusable)."""
        try:
            return staffed_schedule(self.file_values())
        except SettingsError:
            return StaffedSchedule()

    def set_staffed_schedule(self, schedule: StaffedSchedule) -> None:
        """The history, and its latest hours as the single span older readers know."""
        self.set(STAFFED_HISTORY, history_text(list(schedule.periods)))
        self.set_staffed(schedule.latest)

    @property
    def visits_target(self) -> float:
        try:
            return visits_target(self.file_values())
        except SettingsError:
            return DEFAULT_VISITS_TARGET_PER_WEEK

    @property
    def suppress_below(self) -> int:
        """The threshold the dialog starts from: the settings file's, read by the one parser
        the brief uses, or the default where the file holds something unusable."""
        try:
            return suppression_threshold(self.text)
        except SettingsError:
            return DEFAULT_SUPPRESSION_THRESHOLD

    @property
    def default_period(self) -> str:
        """The period the window opens with: a quick choice, or the last one used."""
        return self.text(DEFAULT_PERIOD, LAST_USED_PERIOD)

    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value(GEOMETRY)
        return value if isinstance(value, QByteArray) else None


class SettingsDialog(QDialog):
    """Language, staffed hours, privacy threshold and the default period."""

    def __init__(self, settings: AppSettings, periods: dict[str, str], parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.staffed_history = StaffedHistoryEditor(settings.staffed_schedule, self)
        self.visits_target = QDoubleSpinBox()
        self.visits_target.setLocale(locale())
        self.visits_target.setRange(0.0, 50.0)
        self.visits_target.setDecimals(1)
        self.visits_target.setSingleStep(0.5)
        self.visits_target.setValue(settings.visits_target)
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("color: #B00020;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.suppress_below = QSpinBox()
        self.suppress_below.setRange(0, 100)
        self.suppress_below.setValue(settings.suppress_below)
        self.default_period = QComboBox()
        self.default_period.addItem(self.tr("As last time"), LAST_USED_PERIOD)
        for key, label in periods.items():
            self.default_period.addItem(label, key)
        self.default_period.setCurrentIndex(
            max(0, self.default_period.findData(settings.default_period))
        )
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Hide counts below (brief)"), self.suppress_below)
        form.addRow(self.tr("Preventive home visits, target a week"), self.visits_target)
        form.addRow(self.tr("Default period"), self.default_period)
        note = QLabel(self.tr("A new language takes effect the next time the program starts."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        staffed_box = QGroupBox(self.tr("Staffed hours of the car"), self)
        QVBoxLayout(staffed_box).addWidget(self.staffed_history)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(staffed_box)
        layout.addWidget(self.problem_label)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Saved and closed only when the staffed hours can be used; else the dialog says
        what to correct and stays open."""
        problem = self.staffed_history.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)
        if problem is not None:
            return
        self.save()
        super().accept()

    def save(self) -> None:
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set_staffed_schedule(self.staffed_history.schedule())
        self.settings.set(SUPPRESSION_THRESHOLD, self.suppress_below.value())
        self.settings.set(VISITS_TARGET, f"{self.visits_target.value():g}")
        self.settings.set(DEFAULT_PERIOD, self.default_period.currentData())
