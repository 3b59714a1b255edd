"""“Quét phiếu đã ký”: scanner input typed into the focused field, one outcome per sheet, undo, dashboard.

The codes are read from printed sheets at 150 dpi with zbarimg, as a scanner reads the paper.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from tests.scan.sheets import (
    codes_by_household,
    decode_pages,
    needs_zbar,
    other_unit_code,
    pledged,
    print_sheets,
    unpledge,
)

from antq_desktop.services import accounts, records, scan
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.pages.pledge_scan import BEEP_GAP_MS, PledgeScanDialog

from .conftest import PASSWORD

pytestmark = needs_zbar
YEAR = date.today().year
Outcome = scan.Outcome


@pytest.fixture
def sheets(feature_store, tmp_path):  # type: ignore[no-untyped-def]
    """Codes read from printed sheets: three unsigned households, a deleted one, last year's, another unit's."""
    ids = [h["id"] for h in list_rows(feature_store, "household", ListQuery(), limit=4)]
    unpledge(feature_store, YEAR, ids)
    codes = codes_by_household(feature_store, YEAR, tmp_path, tuple(ids))
    last_year = decode_pages(print_sheets(feature_store, YEAR - 1, tmp_path / "last.pdf", (ids[0],)), tmp_path,
                             whole=True)[0]  # the whole page at 150 dpi, as a flatbed scan gives it
    records.delete(feature_store, "household", ids[3], actor="admin")
    return {"ids": ids, "new": [codes[i] for i in ids[:3]], "deleted": codes[ids[3]], "last_year": last_year,
            "other_unit": other_unit_code(tmp_path, YEAR)}


@pytest.fixture
def window(qtbot, feature_store, sheets):  # type: ignore[no-untyped-def]
    """The main window, opened after the sheets were printed and their households made unsigned."""
    context = make_context(feature_store, accounts.sign_in(feature_store, username="admin", password=PASSWORD),
                           lambda: YEAR)
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    yield main
    context.jobs.wait()


def _open(qtbot, main) -> PledgeScanDialog:  # type: ignore[no-untyped-def]
    page = main.open_page("pledges")
    page.findChild(QPushButton, "scan_sheets_button").click()
    dialog = page.scan_dialog
    assert dialog.isVisible() and dialog.year == YEAR
    # The scanner types into the active window's focused field (else the main window's shortcuts take Enter).
    qtbot.waitUntil(dialog.isActiveWindow, timeout=10_000)
    assert QApplication.focusWidget() is dialog.field
    return dialog


def _scan(qtbot, dialog: PledgeScanDialog, text: str) -> scan.ScanResult:  # type: ignore[no-untyped-def]
    """What a keyboard-wedge scanner does: type the characters, then Enter."""
    before = dialog.history.count()
    qtbot.keyClicks(dialog.field, text)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.history.count() == before + 1, (dialog.message.text(), dialog.field.text())
    assert dialog.field.text() == ""  # ready for the next sheet
    return dialog.last


def test_every_outcome_is_shown_sounded_and_counted(qtbot, window, sheets, feature_store) -> None:
    dialog = _open(qtbot, window)
    signals = {}
    cases = [(sheets["new"][0], Outcome.RECORDED), (sheets["new"][0].lower(), Outcome.ALREADY_SIGNED),
             (sheets["last_year"], Outcome.OTHER_YEAR), (sheets["other_unit"], Outcome.OTHER_UNIT),
             (sheets["deleted"], Outcome.UNKNOWN_HOUSEHOLD), ("ANTQ1P.00070.12345", Outcome.UNREADABLE),
             (sheets["new"][1][:-1] + ("0" if sheets["new"][1][-1] != "0" else "1"), Outcome.UNREADABLE)]
    for text, expected in cases:
        beeps = dialog.beeps
        result = _scan(qtbot, dialog, text)
        assert result.outcome == expected, (text, result.message)
        assert dialog.status.property("outcome") == expected.value
        assert dialog.message.text() == result.message
        qtbot.waitUntil(lambda b=beeps, e=expected: dialog.beeps == b + SIGNAL_BEEPS[e], timeout=10_000)
        signals[expected] = (dialog.status.text(), dialog.status.styleSheet())
    # Each outcome looks different (word and colour); refusals never share the recorded/already signals.
    assert len({signals[o] for o in Outcome}) == len(Outcome)
    first = records.get(feature_store, "household", sheets["ids"][0])
    assert dialog.history.count() == len(cases)
    assert first["head_name"] in dialog.history.item(len(cases) - 1).text()
    counts = dialog.findChild(QLabel, "scan_counts").text()
    assert "Đã ghi: 1" in counts and "Đã ký trước đó: 1" in counts and "Chưa ghi được: 5" in counts
    assert pledged(feature_store, YEAR) >= {sheets["ids"][0]}
    assert sheets["ids"][1] not in pledged(feature_store, YEAR)  # the altered code wrote nothing


def test_a_quick_next_sheet_cuts_the_last_sheets_beeps(qtbot, window, sheets) -> None:
    """A scanner reads sheet after sheet: the officer hears each sheet's own count, never two mixed."""
    dialog = _open(qtbot, window)
    _scan(qtbot, dialog, "ANTQ1P.00070.12345")  # four beeps begin: not readable
    qtbot.keyClicks(dialog.field, sheets["new"][0])
    before = dialog.beeps
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # the next sheet, before the four have sounded
    assert dialog.last is not None and dialog.last.outcome == Outcome.RECORDED
    qtbot.wait(4 * BEEP_GAP_MS + 400)
    assert dialog.beeps - before == SIGNAL_BEEPS[Outcome.RECORDED]


SIGNAL_BEEPS = {Outcome.RECORDED: 1, Outcome.ALREADY_SIGNED: 2, Outcome.OTHER_YEAR: 3, Outcome.OTHER_UNIT: 3,
                Outcome.UNKNOWN_HOUSEHOLD: 3, Outcome.UNREADABLE: 4}


def test_the_batch_date_is_typed_dd_mm_yyyy_and_shown_with_the_household(qtbot, window, sheets,
                                                                          feature_store) -> None:
    dialog = _open(qtbot, window)
    dialog.signed_on.edit.clear()
    qtbot.keyClicks(dialog.signed_on.edit, "31/02/" + str(YEAR))
    qtbot.keyClicks(dialog.field, sheets["new"][1])
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.history.count() == 0 and dialog.field.text() == sheets["new"][1]  # nothing taken, code kept
    assert sheets["ids"][1] not in pledged(feature_store, YEAR)
    dialog.signed_on.edit.clear()
    qtbot.keyClicks(dialog.signed_on.edit, "1/1/" + str(YEAR))
    dialog.field.setFocus()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    result = dialog.last
    assert result.outcome == Outcome.RECORDED
    assert records.get(feature_store, "pledge", result.pledge_id)["signed_on"] == date(YEAR, 1, 1)
    household = records.get(feature_store, "household", sheets["ids"][1])
    area = records.get(feature_store, "residential_area", household["area_id"])
    assert dialog.household.text() == f"{household['head_name']} — {area['name']}"


def test_each_scan_is_one_step_of_the_undo_history(qtbot, window, sheets, feature_store) -> None:
    dialog = _open(qtbot, window)
    undo = dialog.context.undo  # the session's history: the main window's Ctrl+Z and Edit menu
    first = _scan(qtbot, dialog, sheets["new"][0])
    second = _scan(qtbot, dialog, sheets["new"][2])
    assert undo.stack.count() == 2 and second.household_name in undo.last.description
    undo.undo()  # Ctrl+Z: the last scanned sheet only
    assert records.get(feature_store, "pledge", second.pledge_id)["deleted"] is True
    assert records.get(feature_store, "pledge", first.pledge_id)["deleted"] is False
    undo.redo()
    assert sheets["ids"][2] in pledged(feature_store, YEAR)


def _pledged_target(page) -> str:  # type: ignore[no-untyped-def]
    return page.findChild(QLabel, "target_households_pledged_pct").text()


def test_the_dashboard_moves_as_scans_arrive(qtbot, window, sheets) -> None:
    dialog = _open(qtbot, window)  # stays open while the officer looks at the overview
    board = window.open_page("dashboard")
    qtbot.waitUntil(lambda: board.data is not None and board.todo.topLevelItemCount() == 3, timeout=20000)
    target, todo = _pledged_target(board), board.todo.topLevelItem(1).text(1)
    pledged_before = next(t.numerator for t in board.data.targets if t.indicator == "households_pledged_pct")
    for n, code in enumerate(sheets["new"], 1):
        assert _scan(qtbot, dialog, code).outcome == Outcome.RECORDED
        qtbot.waitUntil(lambda n=n: next(t.numerator for t in board.data.targets
                                         if t.indicator == "households_pledged_pct") == pledged_before + n,
                        timeout=20000)
    qtbot.waitUntil(lambda: board.todo.topLevelItemCount() == 3, timeout=20_000)
    assert _pledged_target(board) != target
    assert int(board.todo.topLevelItem(1).text(1).replace(".", "")) == int(todo.replace(".", "")) - 3
