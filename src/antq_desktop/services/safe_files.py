"""Writing files that must never be left half-written: temp file, fsync, atomic rename.

A full disk or a pulled USB stick surfaces as one Vietnamese sentence (FileWriteError) and the
destination is either the old file or the complete new one, never a fragment.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO

from antq_desktop.domain.errors import AntqError


class FileWriteError(AntqError):
    """Không ghi được tệp. Hãy kiểm tra ổ đĩa rồi thử lại."""


def disk_error(exc: OSError, what: str) -> FileWriteError:
    """The message an officer can act on, by errno."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FileWriteError(f"Ổ đĩa đã đầy nên không ghi được {what}. Chưa có tệp nào bị ghi dở. "
                              "Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác rồi thử lại.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FileWriteError(f"Không có quyền ghi {what} vào thư mục này. Hãy chọn thư mục khác rồi thử lại.")
    return FileWriteError(f"Không ghi được {what} ({exc.strerror or exc}). Chưa có tệp nào bị ghi dở. "
                          "Hãy kiểm tra ổ đĩa (USB đã cắm chắc chưa) rồi thử lại.")


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles, which is fine."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path_for(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.{os.getpid()}.tmp")


def atomic_write(dest: Path, write: Callable[[IO[bytes]], None], *, what: str) -> Path:
    """Call write(f) on a temp file beside dest, fsync, then rename over dest."""
    dest = Path(dest)
    tmp = temp_path_for(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        # Owner-only from the first byte: exports and backups hold personal data on a shared laptop.
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600),
                       "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise disk_error(exc, what) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest
