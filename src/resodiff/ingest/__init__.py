"""Readers: every input form becomes a :class:`~resodiff.model.Resolution`."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Publication, Resolution
from .akn import read_akn, read_akn_collection, read_akn_document
from .forms import FORMS, InputForm, claimed, register
from .text import read_text

MAX_INPUT_BYTES = 20 * 1024 * 1024


def detect_format(data: bytes) -> str:
    """The name of the input form that reads these bytes (``akn``, ``text``...)."""
    return claimed(data, None).name


def read_bytes(data: bytes, *, file: str | None = None) -> Resolution:
    """Read the one resolution in ``data``, in whichever form claims it."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"the input is larger than {MAX_INPUT_BYTES} bytes", file=file)
    return claimed(data, file).read(data, file)


def _load(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", file=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", file=str(path)) from None


def read_document(path: str | Path) -> Resolution | Publication:
    """All a file holds: its one resolution, or a multi-part publication (A, B ...) whole;
    ``FILE#B`` is part B alone."""
    file, part = part_of(path)
    if part is not None:
        return read(path)
    data = _load(file)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"the input is larger than {MAX_INPUT_BYTES} bytes", file=file)
    return claimed(data, file).read_all(data, file)


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


def read(path: str | Path) -> Resolution:
    """Read a resolution from a file in any supported form (detected from its content);
    ``FILE#B`` reads part B of a multi-part publication."""
    file, part = part_of(path)
    if part is None:
        return read_bytes(_load(file), file=file)
    held = read_document(file)
    parts = held.parts if isinstance(held, Publication) else (held,)
    for resolution in parts:
        if part in (resolution.meta.part_letter, resolution.meta.symbol):
            return resolution
    found = ", ".join(resolution.meta.symbol for resolution in parts)
    raise InputError(f"no part {part!r} in this file (it holds {found})", file=file)


__all__ = [
    "FORMS",
    "InputForm",
    "detect_format",
    "read",
    "read_akn",
    "read_akn_collection",
    "read_akn_document",
    "read_bytes",
    "read_collection",
    "read_document",
    "read_text",
    "register",
]
