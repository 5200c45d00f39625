"""The goal register's dialogs: what they show and what they hand back."""

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from dashboard.views.goal_dialogs import AssessmentDialog, NewGoalDialog, UndoConfirmation
from dashboard.views.goals_view import status_label

pytestmark = pytest.mark.usefixtures("norwegian")
OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


@pytest.fixture
def assessment_dialog(qtbot):
    dialog = AssessmentDialog(
        "g-1", "Mål en", "Strategi 2030 (HMN)", status_label, "HMN", today=date(2024, 3, 5)
    )
    qtbot.addWidget(dialog)
    return dialog


def test_the_assessment_dialog_is_norwegian_with_the_goal_read_only(assessment_dialog):
    dialog = assessment_dialog
    assert dialog.windowTitle() == "Registrer vurdering"
    assert dialog.goal_label.text() == "Mål en"
    assert dialog.date_edit.text() == "05.03.2024"
    assert dialog.owner_edit.text() == "HMN"
    assert dialog.buttons.button(OK).text() == "OK"
    assert dialog.buttons.button(CANCEL).text() == "Avbryt"


def test_the_assessment_dialog_hands_back_what_was_entered(assessment_dialog):
    dialog = assessment_dialog
    dialog.set_status(2)
    dialog.date_edit.setDate(QDate(2024, 2, 29))
    dialog.comment_edit.setPlainText("  I gang  ")
    dialog.owner_edit.setText("")
    entered = dialog.assessment()
    assert (entered.status, entered.assessed_on) == (2, date(2024, 2, 29))
    assert (entered.comment, entered.owner) == ("I gang", None)


def test_not_assessed_is_a_status_of_its_own(assessment_dialog):
    assessment_dialog.status_box.setCurrentIndex(3)
    assert assessment_dialog.status_box.currentText() == "– Ikke vurdert"
    assert assessment_dialog.assessment().status is None


def test_a_new_goal_needs_its_text_and_a_plan(qtbot):
    dialog = NewGoalDialog(["Plan A", "Plan B"], "Plan B")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Nytt mål"
    assert dialog.plan_box.isEditable()
    assert dialog.plan_box.currentText() == "Plan B"
    assert not dialog.ok_button.isEnabled()
    dialog.goal_edit.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.goal_edit.setPlainText("Nytt mål\n")
    assert dialog.ok_button.isEnabled()
    dialog.plan_box.setCurrentText(" ")
    assert not dialog.ok_button.isEnabled()
    dialog.plan_box.setCurrentText(" Plan C ")
    new = dialog.new_goal()
    assert (new.plan, new.area, new.goal_text) == ("Plan C", None, "Nytt mål")


def test_a_new_goal_without_plans_starts_empty(qtbot):
    dialog = NewGoalDialog([])
    qtbot.addWidget(dialog)
    assert dialog.plan_box.currentText() == ""


def test_the_undo_question_defaults_to_cancel(qtbot):
    box = UndoConfirmation("Angre noe?")
    qtbot.addWidget(box)
    assert box.windowTitle() == "Angre siste endring"
    assert (box.undo_button.text(), box.cancel_button.text()) == ("Angre", "Avbryt")
    assert box.defaultButton() is box.cancel_button
    assert not box.confirmed()
