"""Nhận gói dữ liệu (upper office): choose or drop commune packages, preview, merge.

The preview is a dry run of the real merge (every check, nothing written). Merging runs on
the job runner with progress and "Hủy": a cancel stops between packages or before a
package's commit, so a package is merged whole or not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.local_time import local_time_text
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import PackageError
from antq_desktop.services import merge
from antq_desktop.services.merge import MergeRun, PackageResult, merge_packages
from antq_desktop.ui import file_dialogs, password_prompt
from antq_desktop.ui.errors import show_error
from antq_desktop.ui.jobs import Job
from antq_desktop.ui.pages.merge_review import ConflictsBox, HeldBox

FILE_COLUMNS = ("Tệp", "Đơn vị (theo tệp)", "Gói số", "Loại", "Kết quả", "Mới", "Cập nhật", "Không đổi",
                "Xung đột", "Lý do / ghi chú")
RECEIVED_COLUMNS = ("Mã", "Đơn vị", "Gói cuối đã nhập", "Ngày nhập", "Tình trạng")
STATUS_LABELS = {"merged": "Đã nhập", "duplicate": "Đã có (bỏ qua)", "held": "Đang chờ gói trước",
                 "refused": "Từ chối", "cancelled": "Đã hủy", "dry_run": "Hợp lệ (xem trước)"}
KIND_LABELS = {"full": "Đầy đủ", "incremental": "Bổ sung"}


def _total(result: PackageResult, key: str) -> str:
    return str(sum(c.get(key, 0) for c in result.counts.values())) if result.counts else ""


class ImportPage(QWidget):
    merged = Signal(object)  # list[PackageResult]

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.paths: list[Path] = []
        self.results: list[PackageResult] = []
        self.job: Job | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Nhận gói dữ liệu của các xã"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(title)
        hint = QLabel(self.tr("Chọn hoặc kéo thả các tệp .antq từ USB. Bấm “Kiểm tra” để xem trước (chưa ghi gì), "
                              "rồi “Nhập dữ liệu”. Mỗi gói được nhập trọn vẹn hoặc không nhập; gói bị từ chối "
                              "không làm thay đổi dữ liệu."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self._files_box(), 2)
        layout.addWidget(self._received_box(), 1)
        self.held_box = HeldBox(context)  # issue 14: what the merges left to look at
        self.conflicts_box = ConflictsBox(context)
        self.conflicts_box.resolved.connect(self.context.apply_changes)
        layout.addWidget(self.held_box, 1)
        layout.addWidget(self.conflicts_box, 2)
        self.refresh()

    @classmethod
    def from_context(cls, context: Any) -> ImportPage:
        return cls(context)

    # ---- building ----

    def _files_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gói đã chọn"))
        layout = QVBoxLayout(box)
        buttons = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Chọn tệp gói…"))
        self.choose_button.clicked.connect(self.choose_files)
        self.preview_button = QPushButton(self.tr("Kiểm tra (xem trước)"))
        self.preview_button.clicked.connect(lambda: self.run(dry_run=True))
        self.merge_button = QPushButton(self.tr("Nhập dữ liệu"))
        self.merge_button.clicked.connect(lambda: self.run(dry_run=False))
        self.merge_button.setEnabled(self.context.can_write)
        self.clear_button = QPushButton(self.tr("Bỏ chọn tất cả"))
        self.clear_button.clicked.connect(self.clear)
        for button in (self.choose_button, self.preview_button, self.merge_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.files = self._table(FILE_COLUMNS)
        layout.addWidget(self.files)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        return box

    def _received_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gói đã nhận theo xã"))
        layout = QVBoxLayout(box)
        self.received = self._table(RECEIVED_COLUMNS)
        layout.addWidget(self.received)
        return box

    @staticmethod
    def _table(columns: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(columns))
        table.setHorizontalHeaderLabels(list(columns))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setMaximumSectionSize(360)  # a long file name: whole in its tooltip
        table.verticalHeader().setVisible(False)
        table.resizeColumnsToContents()  # empty: every title whole ("Đơn vị (theo tệp)" was cut)
        return table

    # ---- choosing files ----

    def choose_files(self) -> None:
        names = file_dialogs.open_files(self, file_dialogs.PACKAGES, self.tr("Chọn gói dữ liệu"),
                                                self.tr("Gói dữ liệu ANTQ (*.antq);;Mọi tệp (*)"))
        self.add_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
        self.results = []
        self._show_files()

    def clear(self) -> None:
        self.paths, self.results = [], []
        self._show_files()
        self.summary.setText("")

    # ---- showing ----

    def _claimed(self, path: Path) -> tuple[str, str, str, str]:
        """What the file says about itself (unverified) — cheap, shown before any check."""
        try:
            header = package_reader.inspect(path)
        except PackageError as exc:
            return "", "", "", exc.message_vi
        producer = f"{header.producer.unit_code} {header.producer.unit_name}"
        return producer, str(header.sequence), KIND_LABELS.get(header.kind, header.kind), ""

    def _show_files(self) -> None:
        by_name: dict[str, PackageResult] = {}
        for result in self.results:
            by_name.setdefault(result.file_name, result)
        extra = [r for r in self.results if r.released_from_hold]
        self.files.setRowCount(len(self.paths) + len(extra))
        for row, path in enumerate(self.paths):
            producer, sequence, kind, problem = self._claimed(path)
            found = by_name.get(path.name)
            self._fill_file_row(row, path.name, producer, sequence, kind, found, problem)
        for offset, result in enumerate(extra):
            self._fill_file_row(len(self.paths) + offset, result.file_name, f"{result.producer_unit} "
                                f"{result.producer_name}", str(result.sequence), KIND_LABELS.get(result.kind or "", ""),
                                result, "")
        self.files.resizeColumnsToContents()

    def _fill_file_row(self, row: int, name: str, producer: str, sequence: str, kind: str,
                       result: PackageResult | None, problem: str) -> None:
        status = STATUS_LABELS.get(result.status, result.status) if result else self.tr("Chưa kiểm tra")
        if result and result.released_from_hold:
            status += self.tr(" (gói chờ, nay đã đủ)")
        note = (f"[{result.code}] {result.message}" if result and result.code else result.message) if result \
            else problem
        values = [name, producer, sequence, kind, status]
        values += [_total(result, k) if result else "" for k in ("new", "updated", "unchanged", "conflict")]
        for column, value in enumerate([*values, note]):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            self.files.setItem(row, column, item)

    def refresh(self) -> None:
        rows = merge.received(self.context.store)
        self.received.setRowCount(len(rows))
        for index, r in enumerate(rows):
            values = [r.unit_code, r.unit_name, f"#{r.last_sequence}" if r.last_sequence else "—",
                      local_time_text(r.last_merged_at) or "—", r.status]
            for column, value in enumerate(values):
                self.received.setItem(index, column, QTableWidgetItem(value))
        self.received.resizeColumnsToContents()
        if hasattr(self, "conflicts_box"):
            self.held_box.refresh()
            self.conflicts_box.refresh()

    # ---- running ----

    def ask_password(self) -> str | None:
        """The signed-in account's own password opens its wrap of this office's receiving key."""
        return password_prompt.ask_password(
            self, self.tr("Mật khẩu của bạn (mở khóa nhận của đơn vị bằng tài khoản đang đăng nhập):"),
            self.tr("Mở khóa nhận của đơn vị"))

    def run(self, *, dry_run: bool) -> Job | None:
        if not self.paths:
            QMessageBox.information(self, self.tr("Chưa chọn gói"),
                                    self.tr("Hãy chọn hoặc kéo thả các tệp gói .antq vào trang này trước."))
            return None
        if self.job is not None and self.job.is_running:
            return None
        password = self.ask_password()
        if password is None:
            return None
        paths, actor = list(self.paths), self.context.actor
        store = self.context.store

        def work(progress: Any, cancel: Any) -> list[PackageResult]:
            return merge_packages(store, paths, actor=actor, dry_run=dry_run, password=password,
                                  progress=progress, cancel=cancel)

        title = self.tr("Đang kiểm tra gói dữ liệu…") if dry_run else self.tr("Đang nhập gói dữ liệu…")
        self._set_busy(True)
        self.job = self.context.jobs.start(work, title=title, parent=self, writes=not dry_run)
        self.job.succeeded.connect(self._on_done)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.finished.connect(lambda: self._set_busy(False))
        return self.job

    def _set_busy(self, busy: bool) -> None:
        for button in (self.choose_button, self.preview_button, self.clear_button):
            button.setEnabled(not busy)
        self.merge_button.setEnabled(not busy and self.context.can_write)

    def _on_done(self, results: list[PackageResult]) -> None:
        self.results = results
        self._show_files()
        self.refresh()
        self.summary.setText(self._summary(results))
        self.context.apply_changes(MergeRun(results).changes)  # what the merge wrote (none on a dry run)
        self.merged.emit(results)

    @staticmethod
    def _summary(results: list[PackageResult]) -> str:
        count = {s: sum(r.status == s for r in results) for s in STATUS_LABELS}
        if count["dry_run"] and not count["merged"]:
            return (f"Xem trước: {count['dry_run']} gói hợp lệ, {count['refused']} gói sẽ bị từ chối. Chưa ghi gì; "
                    "bấm “Nhập dữ liệu” để nhập.")
        text = (f"Đã nhập {count['merged']} gói, {count['duplicate']} gói đã có từ trước, {count['held']} gói đang "
                f"chờ gói trước.")
        if count["refused"]:
            text += f" {count['refused']} gói bị từ chối: xem cột “Lý do” và đề nghị xã gửi lại gói đúng."
        if count["cancelled"]:  # "Hủy" during the run: what was merged before it stays
            text += (f" Đã hủy {count['cancelled']} gói chưa nhập (gói đang nhập dở không ghi gì); có thể chọn lại "
                     "và nhập tiếp bất cứ lúc nào.")
        return text

    def _on_failed(self, exc: BaseException) -> None:
        self.refresh()
        show_error(self, exc)

    def _on_cancelled(self) -> None:
        self.refresh()
        self.summary.setText(self.tr("Đã hủy. Các gói đã nhập xong trước khi hủy vẫn được giữ; gói đang nhập dở "
                                     "không ghi gì. Có thể chọn lại và nhập tiếp bất cứ lúc nào."))
