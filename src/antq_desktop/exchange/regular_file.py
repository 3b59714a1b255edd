"""Open a file the user chose only if it is a real file: never a FIFO, a device or a folder.

``/dev/zero`` (or a link to it) never ends and a FIFO blocks on open until someone writes, so
``antq verify`` on one used to hang for ever. The rule, in one place for the exchange layer and the
services: open without blocking (O_NONBLOCK, so even opening a FIFO returns at once), then look at
the opened descriptor (``fstat``, not a stat of the path before opening: the path could be swapped in
between) and refuse anything that is not a regular file. Links are followed, so a link to a real
file is fine. Callers read the size from the same descriptor (``opened_size``) to apply their caps.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, BinaryIO

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


class NotRegularFileError(OSError):
    """The chosen path is a folder, a device or a pipe; ``message_vi`` says so and names it."""

    def __init__(self, path: str | os.PathLike[str], kind: str, what: str) -> None:
        name = Path(path).name or os.fspath(path)
        self.kind = kind  # English, for logs and tests: "directory", "character device", "FIFO"…
        self.message_vi = (f"“{name}” không phải là một tệp thông thường (đây là {_KIND_VI.get(kind, 'thiết bị')}) "
                           f"nên không được mở. Hãy chọn đúng {what}.")
        super().__init__(f"not a regular file ({kind}): {os.fspath(path)}")


_KIND_VI = {"directory": "một thư mục", "FIFO": "một đường ống (FIFO)", "character device": "một thiết bị",
            "block device": "một ổ đĩa", "socket": "một socket"}


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return kind
    return "special file"


def open_regular(path: str | os.PathLike[str], *, what: str = "tệp") -> BinaryIO:
    """A binary reader for ``path`` if it is a regular file (after links); else NotRegularFileError at once.

    ``what`` names the kind of file to choose instead, e.g. "tệp gói dữ liệu (.antq)".
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except IsADirectoryError:  # some systems refuse to open a folder at all
        raise NotRegularFileError(path, "directory", what) from None
    except PermissionError:
        if os.path.isdir(path):  # Windows says "access denied" for a folder
            raise NotRegularFileError(path, "directory", what) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(path, _kind(mode), what)
        if _READ_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)  # O_NONBLOCK was only for the open itself
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def opened_size(f: IO[bytes]) -> int:
    """The size of the file behind the open handle (the same inode that will be read)."""
    return os.fstat(f.fileno()).st_size


def read_regular(path: str | os.PathLike[str], *, max_size: int, what: str = "tệp") -> bytes | None:
    """The whole file, or None when it is larger than ``max_size`` (the caller says why that is refused)."""
    with open_regular(path, what=what) as f:
        if opened_size(f) > max_size:
            return None
        data = f.read(max_size + 1)
    return None if len(data) > max_size else data
