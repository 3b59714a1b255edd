"""After a merge at the upper office: offer a signed receipt for the merged packages.

The import page calls ``offer_receipt(parent, store, actor, package_uuids)`` once a merge
succeeded; the officer may decline. ``save_receipt`` does the work without dialogs (tests).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from antq_desktop.services import export
from antq_desktop.storage.db import Store
from antq_desktop.ui import file_dialogs, password_prompt
from antq_desktop.ui.errors import show_error


def save_receipt(parent: QWidget, store: Store, actor: str, package_uuids: Sequence[str], path: str,
                 password: str) -> bool:
    """Sign and write the receipt; a refusal is shown to the officer and returns False."""
    try:
        data = export.issue_receipt(store, list(package_uuids), password=password, actor=actor)
        Path(path).write_bytes(data)
    except export.ReceiptError as exc:
        show_error(parent, exc, parent.tr("Chưa lập được biên nhận"))
        return False
    except OSError:
        QMessageBox.warning(parent, parent.tr("Không ghi được tệp"),
                            parent.tr("Không ghi được tệp biên nhận. Hãy kiểm tra USB hoặc thư mục rồi thử lại."))
        return False
    return True


def offer_receipt(parent: QWidget, store: Store, actor: str, package_uuids: Sequence[str]) -> bool:
    """Ask, choose a file, ask the key password, write. True if a receipt was saved."""
    if not package_uuids:
        return False
    answer = QMessageBox.question(parent, parent.tr("Lập biên nhận"), parent.tr(
        "Đã hợp nhất {0} gói. Lập biên nhận có ký số để gửi lại đơn vị gửi (họ dùng nó để đối chiếu số liệu)?")
        .format(len(package_uuids)))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    path = file_dialogs.save_file(parent, file_dialogs.PACKAGES, parent.tr("Lưu biên nhận"), "bien-nhan.antqrcpt",
                                          parent.tr("Biên nhận ANTQ (*.antqrcpt)"))
    password = password_prompt.ask_password(parent) if path else None
    if not path or not password:
        return False
    if save_receipt(parent, store, actor, package_uuids, path, password):
        QMessageBox.information(parent, parent.tr("Đã lập biên nhận"),
                                parent.tr("Đã lưu biên nhận. Hãy chép tệp vào USB và gửi lại cho đơn vị gửi."))
        return True
    return False
