"""The English UI shows no Vietnamese of its own: every page's labels, buttons, headers, menus and tooltips.

Data stays as typed (a unit, an area, a person keep their Vietnamese names); the test removes the
store's own names from what it reads, then fails on any letter only Vietnamese writes.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from sqlalchemy import select

from antq_desktop.storage.models import MODEL_BY_TYPE, UnitProfile, User
from antq_desktop.ui.main_window import MainWindow

VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
                        r"áàãéèíìóòõúùýĂÂĐÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝ]")


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    """English as the app switches to it at start (translator and locale), whatever earlier tests set."""
    from antq_desktop.ui.app import install_translator

    locale, before = QLocale(), set(qapp.findChildren(QTranslator))
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))  # as create_application
    install_translator(qapp, "en")
    added = set(qapp.findChildren(QTranslator)) - before
    assert added
    yield
    for translator in added:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


# Still Vietnamese on the English UI, to translate next (labels that services hand to the window as
# text: the audit log's action and record-kind labels, its chain sentence, the unit's role label).
# Listed so that nothing NEW slips in; remove entries as they get English.
KNOWN_LEFT: set[str] = set()
KNOWN_LEFT_PREFIXES: tuple[str, ...] = ()
# A language's own name is written in that language in every language picker.
OWN_NAMES = {"Tiếng Việt"}


def _data_names(store) -> list[str]:  # type: ignore[no-untyped-def]
    """Every name the store and the unit's documents hold (unit, province, people, areas, pledge templates,
    the criteria catalogue's title and legal basis), longest first: data is not UI text."""
    from antq_desktop.domain import catalog as catalogs
    from antq_desktop.domain.pledge_templates import pledge_templates
    from antq_desktop.domain.units import find_commune, find_province
    from antq_desktop.reports.form_texts import FORM_IDS, load_form_text

    names: set[str] = {t.label for t in pledge_templates().values()}
    for form_id in FORM_IDS:  # the printed forms' own titles (settings lists their versions)
        text = load_form_text(form_id)
        names.add(f"{text.doc_type.capitalize()} — {text.subject.format(year='…')}")
    with store.session_factory() as session:
        profile = session.get(UnitProfile, 1)
        if profile:
            catalog = catalogs.get_catalog(profile.catalog_code)
            commune = find_commune(profile.unit_code)
            province = find_province(commune.province_code) if commune else None
            names |= {profile.unit_name, catalog.title, catalog.provisional_note, *catalog.legal_basis}
            names |= {province.name} if province else set()
        names |= set(session.scalars(select(User.full_name)))
        for model in MODEL_BY_TYPE.values():
            for column in ("name", "head_name", "person_name", "title", "address", "assessor", "note"):
                if column in model.__table__.columns:
                    names |= {v for v in session.scalars(select(getattr(model, column)).distinct()) if v}
    return sorted((n for n in names if n), key=len, reverse=True)


def _headers(model: QAbstractItemModel) -> list[str]:
    texts = []
    for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount()),):
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def _texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root and not isinstance(widget, QMenu):
            continue
        texts += [widget.toolTip(), widget.accessibleName(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox) and not widget.isEditable():
            texts += [widget.itemText(i) for i in range(min(widget.count(), 3))]  # the fixed first entries
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _headers(widget.model())
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
    return [t for t in texts if t]


def _vietnamese(texts: list[str], data: list[str]) -> set[str]:
    found = set()
    for text in texts:
        bare = text
        for name in data:
            bare = bare.replace(name, "")
        if VIETNAMESE.search(bare) and text not in KNOWN_LEFT | OWN_NAMES and not text.startswith(KNOWN_LEFT_PREFIXES):
            found.add(text)
    return found


def english_leftovers(window: MainWindow) -> dict[str, set[str]]:
    data = _data_names(window.context.store)
    found: dict[str, set[str]] = {}
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    found["(window)"] = _vietnamese(_texts(window.menuBar()) + [t for m in menus for t in _texts(m)]
                                    + _texts(window.statusBar()), data)
    for spec in window.specs:
        page = window.open_page(spec.key)
        window.context.jobs.wait()
        for _ in range(3):
            QApplication.processEvents()
        found[spec.key] = _vietnamese(_texts(page), data)
    return {key: texts for key, texts in found.items() if texts}


def test_english_ui_has_no_vietnamese_of_its_own(english, demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    leftovers = english_leftovers(window)
    assert leftovers == {}

