"""Input forms: each says how to recognise its bytes and reads them into the model.

A file is offered to each registered form in turn; the first whose ``sniff`` claims it reads it.
Bytes that no form claims are described by their signature ("a PDF file", "a Word file"), so
that the message says what the file is rather than what it failed to be.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from ..model import Publication, Resolution
from .akn import read_akn, read_akn_document
from .text import read_text

_BOMS = (codecs.BOM_UTF8,)
_XML_START = b"<"


@dataclass(frozen=True, slots=True)
class InputForm:
    """A form resolutions come in: how to recognise its bytes and how to read them."""

    name: str
    description: str
    sniff: Callable[[bytes], bool]
    """Whether these bytes are this form (looks at the head only: cheap, never raises)."""
    read: Callable[[bytes, str | None], Resolution]
    """The one resolution of the file (refusing, with a message, a file that holds several)."""
    read_all: Callable[[bytes, str | None], Resolution | Publication]
    """All the file holds: its one resolution, or a multi-part publication with its parts."""


FORMS: list[InputForm] = []
"""The input forms, in the order they are offered a file (:func:`register` adds one)."""


def register(form: InputForm) -> InputForm:
    """Add an input form; forms are tried in the order they were registered."""
    if any(existing.name == form.name for existing in FORMS):
        raise ValueError(f"an input form named {form.name!r} is already registered")
    FORMS.append(form)
    return form


def _head(data: bytes) -> bytes:
    for bom in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
    return data.lstrip(b" \t\r\n")[:1]


def _looks_like_xml(data: bytes) -> bool:
    return _head(data) == _XML_START


def _looks_like_text(data: bytes) -> bool:
    # a NUL byte never occurs in text anyone means as text; a known binary signature is no text
    return b"\x00" not in data[:65536] and not any(data.startswith(signature) for signature, _ in SIGNATURES)


def _decode(data: bytes, file: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError("the text is not valid UTF-8", file=file, line=line, column=column) from None


register(
    InputForm(
        "akn",
        "Akoma Ntoso XML",
        _looks_like_xml,
        lambda data, file: read_akn(data, file=file),
        lambda data, file: read_akn_document(data, file=file),
    )
)
register(
    InputForm(
        "text",
        "text or Markdown as PDF converters give it",
        _looks_like_text,
        lambda data, file: read_text(_decode(data, file), file=file),
        lambda data, file: read_text(_decode(data, file), file=file),
    )
)

#: what bytes that no form claims look like, by their first bytes
SIGNATURES: tuple[tuple[bytes, Callable[[bytes], str]], ...] = (
    (b"%PDF-", lambda data: "a PDF file"),
    (b"PK\x03\x04", lambda data: "a Word file" if b"word/" in data[:65536] else "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", lambda data: "a Word 97-2003 file (or another OLE document)"),
    (b"{\\rtf", lambda data: "an RTF document"),
    (b"\x1f\x8b", lambda data: "a gzip archive"),
    (b"\x89PNG", lambda data: "a PNG image"),
    (b"\xff\xd8\xff", lambda data: "a JPEG image"),
)


def describe(data: bytes) -> str:
    """What bytes that no input form claims look like."""
    for signature, name in SIGNATURES:
        if data.startswith(signature):
            return name(data)
    if not data.strip():
        return "empty"
    return "binary data"


def claimed(data: bytes, file: str | None) -> InputForm:
    """The form that reads these bytes, or an error that says what they are."""
    form = next((form for form in FORMS if form.sniff(data)), None)
    if form is None:
        readable = "; ".join(form.description for form in FORMS)
        raise InputError(f"this is {describe(data)}, not a form resodiff reads ({readable})", file=file)
    return form
