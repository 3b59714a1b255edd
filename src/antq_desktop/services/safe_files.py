"""Files the officer chooses: read only real files; write so nothing is ever left half-written.

Reading: a path picked in a dialog or typed on the command line may be a folder, a device such as
``/dev/zero`` or a FIFO that never ends; `open_user_file` refuses those at once (the rule itself is
`exchange.regular_file`, shared with the package reader) and checks a size cap on the opened file.
Writing: temp file, fsync, atomic rename. A full disk or a pulled USB stick surfaces as one
Vietnamese sentence (FileWriteError) and the destination is either the old file or the complete new
one, never a fragment.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, BinaryIO

from antq_desktop.domain.errors import AntqError
from antq_desktop.exchange.regular_file import NotRegularFileError, open_regular, opened_size

# Key files, receipts and the like are a few kilobytes; anything far larger is not what was asked for.
SMALL_FILE_LIMIT = 16 * 1024 * 1024


class FileWriteError(AntqError):
    """Không ghi được tệp. Hãy kiểm tra ổ đĩa rồi thử lại."""


class NotAFileError(AntqError):
    """Đường dẫn đã chọn không phải là một tệp thông thường. Hãy chọn đúng tệp."""


def open_user_file(path: str | os.PathLike[str], *, what: str, max_size: int | None = None,
                   error: Callable[[str], Exception] = NotAFileError) -> BinaryIO:
    """A reader for a file the user chose; a folder, device or FIFO (or a file over ``max_size``) raises
    ``error(message)`` at once. Other OSErrors (missing file, no permission) pass through as they are."""
    try:
        f = open_regular(path, what=what)
    except NotRegularFileError as exc:
        raise error(exc.message_vi) from None
    if max_size is not None and opened_size(f) > max_size:
        f.close()
        raise error(_too_large(path, what, max_size))
    return f


def read_user_file(path: str | os.PathLike[str], *, what: str, max_size: int = SMALL_FILE_LIMIT,
                   error: Callable[[str], Exception] = NotAFileError) -> bytes:
    """The whole (small) file the user chose, under the same rule as `open_user_file`."""
    with open_user_file(path, what=what, max_size=max_size, error=error) as f:
        data = f.read(max_size + 1)
    if len(data) > max_size:  # grew after the size check
        raise error(_too_large(path, what, max_size))
    return data


def _too_large(path: str | os.PathLike[str], what: str, max_size: int) -> str:
    return (f"Tệp “{Path(path).name}” lớn hơn {max_size // (1024 * 1024)} MB, không phải {what} hợp lệ. "
            f"Hãy chọn đúng {what}.")


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


def atomic_write(dest: Path, write: Callable[[IO[bytes]], None], *, what: str) -> Path:
    """Call write(f) on a temp file beside dest, fsync, then rename over dest.

    The temp file's name is unique to this call (`mkstemp`), not only to the process: two writers of one
    destination at once (the exit backup and an hourly one, named by the same second; two threads) each
    write their own temp file, and dest ends as one of them whole."""
    dest = Path(dest)
    tmp: Path | None = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        # Owner-only from the first byte (mkstemp's 0o600): exports and backups hold personal data on a shared
        # laptop.
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except OSError as exc:
        _remove(tmp)
        raise disk_error(exc, what) from exc
    except BaseException:
        _remove(tmp)
        raise
    return dest


def _remove(tmp: Path | None) -> None:
    if tmp is not None:
        tmp.unlink(missing_ok=True)
