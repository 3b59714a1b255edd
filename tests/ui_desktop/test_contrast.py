"""Text stays readable in light and dark themes: WCAG contrast ≥ 4.5:1 for every colour pair we set,
computed from the palette and from the widgets' own style sheets (the assessment note, hints, errors)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from antq_desktop.services.records import queries
from antq_desktop.ui import colours
from antq_desktop.ui.dialogs.record_dialog import RecordDialog
from antq_desktop.ui.pages.assessment_form import AssessmentForm
from antq_desktop.ui.pages.pledges_page import PledgesPage
from antq_desktop.ui.pages.settings_page import SettingsPage
from antq_desktop.ui.widgets.field_error import FieldErrorLabel

AA = 4.5


def _palette(window: str, text: str, base: str) -> QPalette:
    palette = QPalette(QColor(window))
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, base), (QPalette.ColorRole.Text, text)):
        palette.setColor(role, QColor(colour))
    return palette


LIGHT = _palette("#f0f0f0", "#000000", "#ffffff")  # Windows' light theme
DARK = _palette("#202020", "#ffffff", "#2b2b2b")  # Windows 11 dark theme (windows11 style)


def test_the_wcag_formula() -> None:
    assert colours.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert colours.contrast("#ffffff", "#fff8e1") == pytest.approx(1.06, abs=0.01)  # the old dark-theme note
    assert colours.contrast("#555555", "#202020") < AA  # the old hint on a dark window


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_colour_on_the_window_and_on_fields(palette) -> None:  # type: ignore[no-untyped-def]
    for meaning in colours.TEXT:
        colour = colours.text(meaning, palette)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            assert colours.contrast(colour, palette.color(role)) >= AA, (meaning, role)
    for meaning in colours.BOXES:
        background, text, _border = colours.box(meaning, palette)
        assert colours.contrast(text, background) >= AA, meaning


@pytest.fixture(params=["light", "dark"])
def themed(request, qapp):  # type: ignore[no-untyped-def]
    before = qapp.palette()
    palette = LIGHT if request.param == "light" else DARK
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


def _colour(style: str, name: str) -> str | None:
    match = re.search(rf"(?<![-\w]){name}\s*:\s*(#[0-9a-fA-F]{{3,8}})", style)
    return match.group(1) if match else None


def _check_labels(root: QWidget, palette: QPalette) -> int:
    """Every label with its own colours: text on its own background, or on the window's."""
    checked = 0
    for label in root.findChildren(QLabel):
        style = label.styleSheet()
        foreground, background = _colour(style, "color"), _colour(style, "background")
        if background and not foreground:
            pytest.fail(f"{label.objectName() or label.text()[:30]}: a background without a text colour")
        if foreground:
            behind = background or palette.color(QPalette.ColorRole.Window).name()
            ratio = colours.contrast(foreground, behind)
            assert ratio >= AA, (label.objectName() or label.text()[:40], foreground, behind, round(ratio, 2))
            checked += 1
    return checked


def test_assessment_note_and_messages(themed, demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    area = queries.list_rows(demo_context.store, "residential_area", limit=1)[0]
    form = AssessmentForm(demo_context.store, actor="admin", role="admin", subject_kind="area",
                          subject_id=area["id"], year=demo_context.year)
    qtbot.addWidget(form)
    note = form.findChild(QLabel, "provisional_note")
    assert note is not None and _colour(note.styleSheet(), "color")  # the note sets its own text colour
    assert _check_labels(form, themed) >= 2


def test_hints_and_field_errors(themed, demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = PledgesPage(demo_context)
    qtbot.addWidget(page)
    dialog = RecordDialog(demo_context, "pledge", page.fields, "Thêm bản cam kết", parent=page)
    qtbot.addWidget(dialog)
    for error in dialog.findChildren(FieldErrorLabel):
        error.show_message("Ngày không có thật")
    assert _check_labels(dialog, themed) >= 3
    settings = SettingsPage.from_context(demo_context)
    qtbot.addWidget(settings)
    assert _check_labels(settings, themed) >= 1
    QApplication.processEvents()
