"""Writing output files: whole or not at all, never over an input, never replacing a device.

A regular file is replaced atomically: the data goes to a temporary file beside it, then a
rename puts it in place, so a reader sees the old file or the new one, never half of one. The
temporary files are named ``.NAME.resodiff-tmp-`` and random letters; one left behind by a killed process
(``kill -9`` leaves no chance to clean up) is removed by the next write into that folder once it
is older than :data:`STALE_AFTER` seconds (younger ones may be another run's, still writing).

Anything else that exists at the path (``/dev/null``, a terminal, a FIFO, ``/dev/stdout``) is
written through, as ``cp`` does: replacing it would put a regular file where the device was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from .errors import OutputError
from .spans import file_label

TEMPORARY_MARK = ".resodiff-tmp-"
STALE_AFTER = 15 * 60
_TEMPORARY = re.compile(r"^\..*" + re.escape(TEMPORARY_MARK) + r"[A-Za-z0-9_]+$")
# a standard stream named as a file (/dev/stdout, /dev/fd/1, /proc/self/fd/1) may be redirected
# to a regular file: it is still the stream, to be written (appended to), not a file to replace
_STREAM_FOLDERS = re.compile(r"^/dev$|^/proc/(?:self|thread-self|\d+)/fd$|^/dev/fd$")


def _writes_through(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is something that exists and is not a regular file of a folder."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise OutputError(f"cannot use as output: {error.strerror}", file=file_label(path)) from None
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    return not stat.S_ISREG(mode) or bool(_STREAM_FOLDERS.match(folder))


def check_output(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse, before any work is done, an output file that cannot be written or is an input."""
    name = file_label(path)
    if os.path.isdir(path):
        raise OutputError("is a folder: give the name of a file to write", file=name)
    for source in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(path, source):
                raise OutputError(f"is the input {file_label(source)}: write the output elsewhere", file=name)
    if _writes_through(path):
        if stat.S_ISBLK(os.stat(path).st_mode):  # a disk: writing "through" it would destroy it
            raise OutputError("is a block device: give a file, a FIFO or a character device", file=name)
        if stat.S_ISSOCK(os.stat(path).st_mode):
            raise OutputError("is a socket: give a file, a FIFO or a character device", file=name)
        return
    _check_folder(os.path.dirname(os.path.abspath(path)), name)


def check_output_folder(path: str | os.PathLike[str]) -> None:
    """Refuse an output folder that is a file, or cannot be created or written."""
    name = file_label(path)
    if os.path.exists(path) and not os.path.isdir(path):
        raise OutputError("is a file, not a folder: give a folder for the reports", file=name)
    existing = os.path.abspath(path)
    while not os.path.exists(existing):
        existing = os.path.dirname(existing)
    _check_folder(existing, name)


def _check_folder(folder: str, name: str) -> None:
    if not os.path.exists(folder):
        raise OutputError(f"no such folder: {file_label(folder)}", file=name)
    if not os.path.isdir(folder):
        raise OutputError(f"{file_label(folder)} is not a folder", file=name)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write into the folder {file_label(folder)}: permission denied", file=name)


def make_folder(path: str | os.PathLike[str]) -> None:
    """Make the output folder (and its parents) once every check has passed."""
    check_output_folder(path)
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the folder: {error.strerror}", file=file_label(path)) from None


@cache
def _clean_stale(folder: str) -> None:
    """Remove the temporary files killed runs left in ``folder`` (once per folder and process)."""
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _TEMPORARY.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > STALE_AFTER:
                    os.unlink(entry.path)


def _stage(path: str | os.PathLike[str], data: bytes) -> str:
    """Write ``data`` to a temporary file beside ``path``; returns its name."""
    import tempfile  # with random and shutil: loaded by the commands that write files

    target = Path(path)
    folder = str(target.parent) or "."
    _clean_stale(os.path.realpath(folder))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}{TEMPORARY_MARK}", dir=folder)
    except OSError as error:
        raise OutputError(f"cannot write into the folder: {error.strerror}", file=file_label(path)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)  # a replaced file keeps its permissions
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # mkstemp makes private files; an output is an ordinary one
        os.chmod(temporary, mode)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write the file: {error.strerror}", file=file_label(path)) from None
        raise
    return temporary


def _open_through(path: str | os.PathLike[str]) -> int:
    # non-blocking open: a FIFO nobody reads is refused rather than waited on for ever
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        fifo = error.errno == errno.ENXIO and stat.S_ISFIFO(os.stat(path).st_mode)
        reason = "a FIFO that nobody reads" if fifo else error.strerror
        raise OutputError(f"cannot write to it: {reason}", file=file_label(path)) from None
    os.set_blocking(descriptor, True)
    return descriptor


def _write_through(descriptor: int, path: str | os.PathLike[str], data: bytes) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    except BrokenPipeError:
        raise  # the reader has gone (``| head``): not an error of ours
    except OSError as error:
        raise OutputError(f"cannot write to it: {error.strerror}", file=file_label(path)) from None


def write_all(outputs: Sequence[tuple[str | os.PathLike[str], bytes]]) -> None:
    """Write every output or none: files are staged and devices and streams opened first, then
    the files renamed into place, then the devices and streams (which cannot be taken back)
    written."""
    staged: list[tuple[str, str | os.PathLike[str]]] = []
    through: list[tuple[int, str | os.PathLike[str], bytes]] = []
    try:
        for path, data in outputs:
            if _writes_through(path):
                through.append((_open_through(path), path, data))
            else:
                staged.append((_stage(path, data), path))
        for temporary, path in staged:
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise OutputError(f"cannot write the file: {error.strerror}", file=file_label(path)) from None
        for descriptor, path, data in through:
            _write_through(descriptor, path, data)
    finally:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        for descriptor, _, _ in through:
            os.close(descriptor)


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (through it, if it is a device or a stream)."""
    write_all([(path, data)])


def part_file(output: str, letter: str) -> str:
    """Where part ``letter`` of a multi-part publication goes beside ``output``: its stem, ``-A``,
    its suffix (``report.html`` → ``report-A.html``)."""
    path = Path(output)
    return str(path.with_name(f"{path.stem}-{letter}{path.suffix}"))
