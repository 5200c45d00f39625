"""The settings dialog's staffed hours with a history and the visits target: what it shows,
what it refuses, and that the command line reads what it wrote (and the other way round)."""

from datetime import date, time

import pytest

from dashboard.data.values import StaffedHours, StaffedSchedule
from dashboard.settings import read_preferences, settings_path, staffed_schedule
from dashboard.views.filter_bar import period_labels
from dashboard.views.qt_settings import AppSettings, SettingsDialog

pytestmark = pytest.mark.usefixtures("norwegian")

PROJECT = StaffedHours(time(10), time(22))
OPERATION = StaffedHours(time(10), time(23))
HAND_WRITTEN = "[staffed]\nhistory = 2018-01-01=10:00-22:00; 2024-01-01=10:00-23:00\n"


def open_dialog(qtbot) -> SettingsDialog:
    dialog = SettingsDialog(AppSettings(), period_labels())
    qtbot.addWidget(dialog)
    return dialog


def shown_rows(dialog: SettingsDialog) -> list[tuple[str, str, str]]:
    table = dialog.staffed_history.table
    return [
        tuple(table.cellWidget(row, column).text() for column in range(3))
        for row in range(table.rowCount())
    ]


def test_a_hand_written_history_is_shown_as_the_command_line_reads_it(qtbot):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(HAND_WRITTEN, encoding="utf-8")
    dialog = open_dialog(qtbot)
    assert shown_rows(dialog) == [
        ("01.01.2018", "10:00", "22:00"),
        ("01.01.2024", "10:00", "23:00"),
    ]
    # The window's preferences are the command line's, «;» and all.
    assert AppSettings().preferences() == read_preferences()
    assert read_preferences().staffed.on(date(2024, 5, 2)) == OPERATION


def test_periods_added_in_the_dialog_reach_the_command_line(qtbot):
    dialog = open_dialog(qtbot)
    assert dialog.staffed_history.table.rowCount() == 1
    assert not dialog.staffed_history.remove_button.isEnabled()
    dialog.staffed_history.set_row(0, date(2018, 1, 1), time(10), time(22))
    dialog.staffed_history.add_button.click()
    dialog.staffed_history.set_row(1, date(2024, 1, 1), time(10), time(23))
    dialog.visits_target.setValue(2.5)
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    expected = StaffedSchedule(((date(2018, 1, 1), PROJECT), (date(2024, 1, 1), OPERATION)))
    assert staffed_schedule() == expected
    assert read_preferences().visits_target_per_week == 2.5
    again = open_dialog(qtbot)
    assert again.visits_target.text() == "2,5"
    assert shown_rows(again)[1] == ("01.01.2024", "10:00", "23:00")


def test_a_period_is_changed_and_removed(qtbot):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(HAND_WRITTEN, encoding="utf-8")
    dialog = open_dialog(qtbot)
    dialog.staffed_history.set_row(1, date(2023, 6, 1), time(9, 30), time(23))
    dialog.accept()
    assert staffed_schedule().on(date(2023, 6, 1)) == StaffedHours(time(9, 30), time(23))
    dialog = open_dialog(qtbot)
    dialog.staffed_history.table.selectRow(1)
    dialog.staffed_history.remove_button.click()
    assert not dialog.staffed_history.remove_button.isEnabled()
    dialog.accept()
    assert staffed_schedule() == StaffedSchedule(((date(2018, 1, 1), PROJECT),))


def test_an_end_before_the_start_is_named_and_nothing_is_saved(qtbot):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(HAND_WRITTEN, encoding="utf-8")
    dialog = open_dialog(qtbot)
    dialog.staffed_history.set_row(1, date(2024, 1, 1), time(10), time(9))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert dialog.problem_label.isVisibleTo(dialog)
    assert dialog.problem_label.text() == (
        "Perioden fra 01.01.2024 må slutte etter at den begynner."
    )
    assert settings_path().read_text(encoding="utf-8") == HAND_WRITTEN


def test_two_periods_on_one_date_are_refused(qtbot):
    dialog = open_dialog(qtbot)
    dialog.staffed_history.set_row(0, date(2024, 1, 1), time(10), time(22))
    dialog.staffed_history.add_period()
    dialog.staffed_history.set_row(1, date(2024, 1, 1), time(10), time(23))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert dialog.problem_label.text() == (
        "To perioder starter 01.01.2024; gi hver periode sin egen dato."
    )
    dialog.staffed_history.set_row(1, date(2024, 2, 1), time(10), time(23))
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert staffed_schedule().on(date(2024, 2, 1)) == OPERATION
