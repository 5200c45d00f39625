"""The window's settings: one INI file, shared with the headless command line.

Staffed hours and the privacy threshold use the keys of :mod:`dashboard.settings`, so the
command line reads what the settings dialog wrote.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QByteArray, QSettings, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
)

from dashboard.data.values import StaffedHours
from dashboard.settings import (
    DEFAULT_SUPPRESSION_THRESHOLD,
    STAFFED_END,
    STAFFED_START,
    SUPPRESSION_THRESHOLD,
    Preferences,
    SettingsError,
    file_reader,
    read_preferences,
    settings_path,
    staffed_hours,
    suppression_threshold,
)

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

    @property
    def staffed(self) -> StaffedHours:
        return staffed_hours(self.text)

    def preferences(self) -> Preferences:
        """Everything computations need from the settings, read once (at start, and after
        the settings dialog). Through the same reader as the command line, so that a text
        QSettings quoted or escaped (the benefit model's sources) reads the same in both."""
        self.qsettings.sync()
        return read_preferences(file_reader(settings_path()))

    def set_staffed(self, hours: StaffedHours) -> None:
        self.set(STAFFED_START, _clock_text(hours.start))
        self.set(STAFFED_END, _clock_text(hours.end))

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
        self.staffed_start = self._time_edit(settings.staffed.start)
        self.staffed_end = self._time_edit(settings.staffed.end)
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

    @staticmethod
    def _time_edit(moment: time) -> QTimeEdit:
        edit = QTimeEdit(QTime(moment.hour, moment.minute))
        edit.setDisplayFormat("HH:mm")
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Car staffed from"), self.staffed_start)
        form.addRow(self.tr("Car staffed until"), self.staffed_end)
        form.addRow(self.tr("Hide counts below (brief)"), self.suppress_below)
        form.addRow(self.tr("Default period"), self.default_period)
        note = QLabel(self.tr("A new language takes effect the next time the program starts."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.save()
        super().accept()

    def save(self) -> None:
        start = self.staffed_start.time()
        end = self.staffed_end.time()
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set_staffed(
            StaffedHours(time(start.hour(), start.minute()), time(end.hour(), end.minute()))
        )
        self.settings.set(SUPPRESSION_THRESHOLD, self.suppress_below.value())
        self.settings.set(DEFAULT_PERIOD, self.default_period.currentData())
