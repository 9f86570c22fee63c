"""Input forms: each says how to recognise its bytes and reads them into the model.

A file is offered to each registered form in turn; the first whose ``sniff`` claims it reads it.
Bytes that no form claims are described by their signature ("a Word file", "a ZIP archive"), so
that the message says what the file is rather than what it failed to be.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from ..model import Publication, Resolution
from ..spans import byte_position, position
from .text import read_text

#: the one encoding rule of every command: UTF-8, or the encoding a byte-order mark names
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_START = "<"
_PDF = b"%PDF-"


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
    read_original: Callable[[bytes, str | None], Resolution] | None = None
    """For a form that holds tracked changes (Word): the resolution with every change rejected,
    the text the changes were made to; a form without tracked changes reads as it is."""


FORMS: list[InputForm] = []
"""The input forms, in the order they are offered a file (:func:`register` adds one)."""


def register(form: InputForm) -> InputForm:
    """Add an input form; forms are tried in the order they were registered."""
    if any(existing.name == form.name for existing in FORMS):
        raise ValueError(f"an input form named {form.name!r} is already registered")
    FORMS.append(form)
    return form


def _encoding(data: bytes) -> tuple[str, int]:
    """The codec of these bytes and the length of their byte-order mark."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return "utf-8", 0


def _head(data: bytes) -> str:
    codec, start = _encoding(data)
    return data[start : start + 4096].decode(codec, "ignore").lstrip(" \t\r\n")[:1]


def _looks_like_xml(data: bytes) -> bool:
    return _head(data) == _XML_START


def _utf16(data: bytes) -> bool:
    return _encoding(data)[0] != "utf-8"


def _looks_like_text(data: bytes) -> bool:
    # a known binary signature is no text; a NUL byte is binary unless all around it is UTF-8
    # (then it is a stray control character, which the text reader shows where it is)
    head = data[:65536]
    return not any(data.startswith(signature) for signature, _ in SIGNATURES) and (
        _utf16(data) or b"\x00" not in head or _is_utf8(head)
    )


def _is_utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3  # a character cut by the 64 KB window
    return True


def decode_text(data: bytes, file: str | None) -> str:
    """The text these bytes hold, by the one encoding rule (UTF-8, or as a byte-order mark says);
    an undecodable byte is an error at its line and column."""
    codec, start = _encoding(data)
    try:
        text = data[start:].decode(codec)
    except UnicodeDecodeError as error:
        prefix = data[start : start + error.start].decode(codec, "replace")
        line, column = position(prefix, len(prefix))
        name = {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}[codec]
        raise InputError(f"the text is not valid {name}", file=file, line=line, column=column) from None
    return text


_DECLARED_ENCODING = re.compile(r"""\A(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")


def xml_bytes(data: bytes, file: str | None) -> bytes:
    """XML in UTF-8 (or as it declares), whatever byte-order mark it came with: UTF-16 is
    transcoded, so that every check on the bytes sees the document and positions stay the same."""
    if not _utf16(data):
        return data
    text = _DECLARED_ENCODING.sub(r"\1\2UTF-8\2", decode_text(data, file), count=1)
    return text.encode("utf-8")


def _read_akn(data: bytes, file: str | None) -> Resolution:
    from .akn import read_akn  # lxml loads when XML is read, not for every text file

    return read_akn(xml_bytes(data, file), file=file)


def _read_akn_document(data: bytes, file: str | None) -> Resolution | Publication:
    from .akn import read_akn_document

    return read_akn_document(xml_bytes(data, file), file=file)


register(InputForm("akn", "Akoma Ntoso XML", _looks_like_xml, _read_akn, _read_akn_document))


def _read_pdf(data: bytes, file: str | None) -> Resolution:
    from .pdf import read_pdf  # pdfminer.six loads when a PDF is read

    return read_pdf(data, file=file)


register(InputForm("pdf", "PDF with a text layer", lambda data: data.startswith(_PDF), _read_pdf, _read_pdf))
register(
    InputForm(
        "text",
        "text or Markdown as PDF converters give it",
        _looks_like_text,
        lambda data, file: read_text(decode_text(data, file), file=file),
        lambda data, file: read_text(decode_text(data, file), file=file),
    )
)
#: how far into a ZIP archive a Word document's own entries (``word/...``) are looked for
_ZIP_SNIFF_BYTES = 1 << 16


def _looks_like_docx(data: bytes) -> bool:
    """A ZIP archive whose first entries are a Word document's (``word/...``)."""
    return data.startswith(b"PK\x03\x04") and b"word/" in data[:_ZIP_SNIFF_BYTES]


def _read_docx(data: bytes, file: str | None) -> Resolution:
    from .docx import read_docx  # lxml and the Word reader load when a Word file is read

    return read_docx(data, file=file)


def _read_docx_original(data: bytes, file: str | None) -> Resolution:
    from .docx import read_docx

    return read_docx(data, file=file, changes="reject")


register(InputForm("docx", "Word drafts (.docx)", _looks_like_docx, _read_docx, _read_docx, _read_docx_original))

#: what bytes that no form claims look like, by their first bytes
SIGNATURES: tuple[tuple[bytes, Callable[[bytes], str]], ...] = (
    # before UTF-16's mark, which UTF-32's little-endian one starts with
    (codecs.BOM_UTF32_LE, lambda data: "UTF-32 text (resodiff reads UTF-8 or UTF-16)"),
    (codecs.BOM_UTF32_BE, lambda data: "UTF-32 text (resodiff reads UTF-8 or UTF-16)"),
    # a Word file is read (docx); an OpenDocument file names its kind in its first entry
    (b"PK\x03\x04", lambda data: "an OpenDocument file" if b"opendocument" in data[:100] else "a ZIP archive"),
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
    if _unmarked_utf16(data[:4096]):
        return "UTF-16 text without a byte-order mark (resodiff needs the mark to read UTF-16)"
    return "binary data"


def _unmarked_utf16(head: bytes) -> bool:
    """Whether these bytes look like UTF-16 of mostly Latin text: nearly every other byte NUL."""
    pairs = len(head) // 2
    return pairs >= 2 and any(
        head[half : 2 * pairs : 2].count(0) >= 0.9 * pairs and head[1 - half : 2 * pairs : 2].count(0) < 0.1 * pairs
        for half in (0, 1)
    )


def claimed(data: bytes, file: str | None) -> InputForm:
    """The form that reads these bytes, or an error that says what they are."""
    form = next((form for form in FORMS if form.sniff(data)), None)
    if form is None:
        readable = "; ".join(form.description for form in FORMS)
        what = describe(data)
        # binary data that is not a known kind of file: point at the byte that makes it binary
        nul = data.find(b"\x00")
        line, column = byte_position(data, nul) if what == "binary data" and nul >= 0 else (None, None)
        raise InputError(f"this is {what}, not a form resodiff reads ({readable})", file=file, line=line, column=column)
    return form
