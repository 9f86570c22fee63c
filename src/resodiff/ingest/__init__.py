"""Readers: every input form becomes a :class:`~resodiff.model.Resolution`."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Resolution
from .akn import read_akn, read_akn_collection
from .text import read_text

MAX_INPUT_BYTES = 20 * 1024 * 1024


def detect_format(data: bytes) -> str:
    """``akn`` for XML, ``text`` for anything else that decodes as UTF-8."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "akn" if head == b"<" else "text"


def read_bytes(data: bytes, *, file: str | None = None) -> Resolution:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"the input is larger than {MAX_INPUT_BYTES} bytes", file=file)
    if detect_format(data) == "akn":
        return read_akn(data, file=file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError("the text is not valid UTF-8", file=file, line=line, column=column) from None
    return read_text(text, file=file)


def _load(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", file=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", file=str(path)) from None


def read_collection(path: str | Path) -> tuple[Resolution, ...]:
    """Every resolution of a file: the parts of a multi-part publication (A, B ...), or the one."""
    data = _load(path)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"the input is larger than {MAX_INPUT_BYTES} bytes", file=str(path))
    if detect_format(data) == "akn":
        return read_akn_collection(data, file=str(path))
    return (read_bytes(data, file=str(path)),)


def read(path: str | Path) -> Resolution:
    """Read a resolution from a file in any supported form (detected from its content)."""
    return read_bytes(_load(path), file=str(path))


__all__ = ["read", "read_bytes", "read_collection", "read_text", "read_akn", "read_akn_collection", "detect_format"]
