"""Readers: every input form becomes a :class:`~resodiff.model.Resolution`."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..errors import InputError
from ..limits import MAX_INPUT_BYTES, MAX_PARAGRAPHS
from ..model import Publication, Resolution
from ..spans import file_label
from .forms import FORMS, InputForm, claimed, decode_text, register, xml_bytes
from .text import read_text

if TYPE_CHECKING:
    from .akn import read_akn, read_akn_collection, read_akn_document
    from .docx import read_docx

#: the XML readers' names, loaded with lxml on first use (a text file needs none of them)
_LAZY_READERS = {"read_akn": "akn", "read_akn_collection": "akn", "read_akn_document": "akn", "read_docx": "docx"}


def __getattr__(name: str) -> Any:
    if name in _LAZY_READERS:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY_READERS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: what a path is when it is not a regular file, by its mode
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def detect_format(data: bytes, file: str | None = None) -> str:
    """The name of the input form that reads these bytes (``akn``, ``text``...); bytes no form
    reads are an error that names ``file``."""
    return claimed(data, file).name


def _check_size(data: bytes, file: str | None) -> None:
    limit = MAX_INPUT_BYTES.value()
    if len(data) > limit:
        raise InputError(f"the input is larger than {limit:,} bytes (limit: {MAX_INPUT_BYTES.variable})", file=file)


def _check_paragraphs(resolutions: tuple[Resolution, ...], file: str | None) -> tuple[Resolution, ...]:
    limit = MAX_PARAGRAPHS.value()
    for resolution in resolutions:
        count = len(resolution.all_paragraphs())
        if count > limit:
            raise InputError(
                f"{resolution.meta.symbol} holds {count:,} paragraphs, more than {limit:,} "
                f"(limit: {MAX_PARAGRAPHS.variable})",
                file=file,
            )
    return resolutions


def read_bytes(data: bytes, *, file: str | None = None, as_original: bool = False) -> Resolution:
    """Read the one resolution in ``data``, in whichever form claims it; ``as_original`` reads
    a Word draft with its tracked changes rejected (other forms have none)."""
    _check_size(data, file)
    form = claimed(data, file)
    reader = form.read_original if as_original and form.read_original is not None else form.read
    return _check_paragraphs((reader(data, file),), file)[0]


#: the file argument that stands for standard input, as in most command-line tools
STDIN = "-"


def label(path: str | Path) -> str:
    """How a file is named in messages: its name (undecodable bytes escaped), or ``<stdin>``."""
    return "<stdin>" if str(path) == STDIN else file_label(path)


def load(path: str | Path) -> bytes:
    """The bytes of a regular file (or of standard input, ``-``), read up to the size limit and
    never beyond it: a FIFO, a device or a socket named as a file is refused before anything is
    read (it could block, or never end)."""
    file = label(path)
    if str(path) == STDIN:
        return _read_limited(sys.stdin.buffer, file)
    try:
        # non-blocking, so that opening a FIFO without a writer returns (to be refused) at once
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file", file=file) from None
    except OSError as error:
        kind = _kind(os.stat(path).st_mode) if os.path.exists(path) else None
        reason = f"is {kind}, not a file" if kind else f"cannot read the file: {error.strerror}"
        raise InputError(reason, file=file) from None
    kind = _kind(os.fstat(descriptor).st_mode)
    if kind:
        os.close(descriptor)
        raise InputError(f"is {kind}, not a file: resodiff reads regular files", file=file)
    with open(descriptor, "rb", closefd=True) as stream:
        return _read_limited(stream, file)


def _read_limited(stream: BinaryIO, file: str) -> bytes:
    limit = MAX_INPUT_BYTES.value()
    try:
        data = stream.read(limit + 1)
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", file=file) from None
    _check_size(data, file)
    return data


def _kind(mode: int) -> str | None:
    return next((kind for test, kind in _KINDS if test(mode)), None)


def read_document(path: str | Path, *, as_original: bool = False) -> Resolution | Publication:
    """All a file holds: its one resolution, or a multi-part publication (A, B ...) whole;
    ``FILE#B`` is part B alone. ``as_original``: a Word draft with its tracked changes rejected."""
    file, part = part_of(path)
    if part is not None:
        return read(path, as_original=as_original)
    data = load(file)
    name = label(file)
    form = claimed(data, name)
    held = (form.read_original or form.read_all)(data, name) if as_original else form.read_all(data, name)
    _check_paragraphs(held.parts if isinstance(held, Publication) else (held,), name)
    return held


def read_collection(path: str | Path) -> tuple[Resolution, ...]:
    """Every resolution of a file: the parts of a multi-part publication (A, B ...), or the one."""
    held = read_document(path)
    return held.parts if isinstance(held, Publication) else (held,)


def part_of(path: str | Path) -> tuple[str, str | None]:
    """``FILE#B`` names part B of a multi-part publication; a file whose own name holds a ``#``
    is still that file."""
    name = str(path)
    file, hash_sign, part = name.rpartition("#")
    if not hash_sign or not file or not part or Path(name).exists():
        return name, None
    return file, part


def read(path: str | Path, *, as_original: bool = False) -> Resolution:
    """Read a resolution from a file in any supported form (detected from its content);
    ``FILE#B`` reads part B of a multi-part publication. ``as_original`` reads a Word draft with
    its tracked changes rejected (the text they were made to); other forms have none."""
    file, part = part_of(path)
    if part is None:
        return read_bytes(load(file), file=label(file), as_original=as_original)
    parts = read_collection(file)
    for resolution in parts:
        if part in (resolution.meta.part_letter, resolution.meta.symbol):
            return resolution
    found = ", ".join(resolution.meta.symbol for resolution in parts)
    raise InputError(f"no part {part!r} in this file (it holds {found})", file=file)


__all__ = [
    "FORMS",
    "InputForm",
    "decode_text",
    "detect_format",
    "load",
    "read",
    "read_akn",
    "read_akn_collection",
    "read_akn_document",
    "read_bytes",
    "read_collection",
    "read_document",
    "read_docx",
    "read_text",
    "register",
    "xml_bytes",
]
