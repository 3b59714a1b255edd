"""Alt-letter keys on a page's buttons (the underlined letter of a Windows program).

Pages write their button texts without "&" (the translations stay simple); when the main window
builds a page, each button gets the first letter of its text not taken by another button of the
page nor by the menus (Alt+T Tệp, Alt+S Sửa, Alt+G Trợ giúp). Only plain a–z letters: a letter
with a diacritic cannot be typed with Alt on every keyboard layout. Each tab of a tabbed page
(Phong trào's six lists) chooses its letters on its own — only the tab shown takes Alt-keys — so
every tab's "Thêm mới" is Alt+M instead of the later tabs finding every letter taken.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QPushButton, QStackedWidget, QTabWidget, QWidget

MENU_LETTERS = frozenset("tsg")


def with_mnemonic(text: str, taken: set[str]) -> str:
    """`text` with "&" before its first free ASCII letter (word starts first); unchanged if none is free."""
    if "&" in text:
        return text
    starts = [i for i, ch in enumerate(text) if i == 0 or text[i - 1] in " –-(/"]
    for index in starts + list(range(len(text))):
        letter = text[index].lower()
        if "a" <= letter <= "z" and letter not in taken:
            taken.add(letter)
            return text[:index] + "&" + text[index:]
    return text


def _letter(text: str) -> str | None:
    index = text.find("&")
    return text[index + 1].lower() if 0 <= index < len(text) - 1 else None


def _is_tab_page(widget: QWidget) -> bool:
    stack = widget.parentWidget()
    return isinstance(stack, QStackedWidget) and isinstance(stack.parentWidget(), QTabWidget)


def _outermost_tab_pages(root: QWidget) -> list[QWidget]:
    """The tab pages under `root` that are not inside another tab page under `root`."""
    pages = [w for w in root.findChildren(QWidget) if _is_tab_page(w)]
    return [p for p in pages if not any(o is not p and o.isAncestorOf(p) for o in pages)]


def assign_mnemonics(root: QWidget, reserved: frozenset[str] = MENU_LETTERS) -> None:
    """Give every push button under `root` a unique Alt-letter, keeping the ones already chosen;
    the buttons of each tab are unique among themselves and with the buttons outside the tabs."""
    tab_pages = _outermost_tab_pages(root)
    buttons = [b for b in root.findChildren(QPushButton)
               if b.text() and not any(p.isAncestorOf(b) for p in tab_pages)]
    taken = set(reserved) | {letter for b in buttons if (letter := _letter(b.text()))}
    for button in buttons:
        if "&" not in button.text():
            button.setText(with_mnemonic(button.text(), taken))
    for page in tab_pages:
        assign_mnemonics(page, frozenset(taken))


def plain_text(button: QAbstractButton) -> str:
    """A button's text as read aloud (without the "&" of its Alt-letter)."""
    return button.text().replace("&", "")
