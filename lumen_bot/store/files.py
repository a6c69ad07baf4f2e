"""Lumen's own directories and database files: created private, never loosened after."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

# Why the system refused a path, in our words (an OSError's own text names the path
# and nothing more useful; unknown codes are shown by their name, e.g. ENOENT).
_REASONS = {
    errno.EEXIST: "part of its path is a file, not a directory",
    errno.ENOTDIR: "part of its path is a file, not a directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENAMETOOLONG: "the name is too long",
}


def why(exc: OSError) -> str:
    """What went wrong with a path, for one line an operator reads."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    name = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    return f"the system refused it ({name})"


def private_directory(path: Path) -> None:
    """Make `path`, and each missing directory above it, with mode 0700.

    A directory that is already there keeps the mode its owner gave it. Raises
    OSError (NotADirectoryError when `path` or a parent is a file) if it cannot be.
    """
    missing: list[Path] = []
    current = path
    while not current.exists() and current.parent != current:
        missing.append(current)
        current = current.parent
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=0o700)
        except FileExistsError:
            if not directory.is_dir():
                raise
            # made a moment ago by another process: theirs stands
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(path))


def claim_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 unless it exists, before SQLite opens it.

    SQLite creates a database with the umask's mode (0644, readable by every user of
    the machine), and gives its -wal and -shm files the database file's own mode: a
    file that starts 0600 keeps all three private. An existing file is left as it is.
    """
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
