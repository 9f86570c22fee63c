"""The glyphs of a PDF's pages, as pdfminer.six's interpreter draws them: what each glyph stands
for, where it stands, its size, and whether its font is italic or bold.

pdfminer.six opens the document (cross-references, encryption, fonts and their character maps)
and keeps the graphics and text state; two of its parts are replaced, where a reader that wants
the glyphs and nothing else spent most of its time:

- the content stream's lexer: pdfminer's reads a character at a time through a state machine
  and builds each operand through a stack with a log call per token. Here one regular expression
  reads the operators and their operands in one pass; what it does not take (an inline image, a
  string with nested parentheses, a name with ``#`` escapes) is left to pdfminer's own parser
  for that content;
- the text device: pdfminer's calls a method with a new matrix for every glyph, and asks the
  font for the glyph's character and width each time. Here the strings shown are walked in one
  loop, each font's characters, widths and styles asked once, and only the glyphs of upright
  text are kept (no layout objects, no images, no paths).

The result is the same glyphs, at the same places to the last bit, as pdfminer's own device
(``tests/test_pdf.py`` compares the two).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager, PDFTextState
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import KWD, LIT, PSLiteral
from pdfminer.utils import Matrix, mult_matrix

from ..errors import InputError
from ..limits import MAX_INPUT_BYTES

#: a subset font's name starts with six capitals and a plus (``KZUJSR+Liberation-Serif-Bold``)
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_ITALIC = re.compile(r"italic|oblique|[-,]it$|[-,]bdit$", re.IGNORECASE)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd(?:it)?$", re.IGNORECASE)
#: a shear of the text matrix (tan of the angle) that a producer's synthetic italics give
_SLANT = 0.1
#: a space, and the no-break space that holds two words on one line ("28\u00a0October")
SPACES = (" ", "\u00a0")


@dataclass(slots=True)
class Glyph:
    """One character as the page shows it: where it stands (``x0`` to ``x1`` on its
    ``baseline``, counted down from the page's top), its size and its face; ``sup``, set by the
    reader once rows are known, where it stands smaller and raised above its row (a footnote
    marker)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    italic: bool
    bold: bool
    sup: bool = False


def page_glyphs(data: bytes, file: str | None) -> Iterator[tuple[int, float, list[Glyph]]]:
    """Each page's number, width and glyphs (positions count down from the page's top)."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        _refuse_bombs(document, file)
        resources = PDFResourceManager(caching=True)
        device = _Glyphs(resources)
        interpreter = _Interpreter(resources, device)
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            left, bottom, right, top = page.mediabox
            device.height, device.glyphs = float(top - bottom), []
            interpreter.process_page(page)
            yield number, float(right - left), device.glyphs
    except InputError:
        raise
    except PDFPasswordIncorrect:
        raise InputError("the PDF is encrypted: resodiff cannot open it without its password", file=file) from None
    except PDFEncryptionError as error:
        # pdfminer's message goes on with the whole encryption dictionary, keys in binary
        why = str(error).split(":", 1)[0].lower()
        raise InputError(f"the PDF is encrypted in a way resodiff cannot read ({why})", file=file) from None
    except Exception as error:  # noqa: BLE001 - pdfminer lets a malformed object surface as any error
        raise InputError(f"the PDF is damaged: {type(error).__name__}: {error}", file=file) from None


#: how many times the input limit a PDF's streams may inflate to, in all: the PDFs of the corpus
#: inflate to at most 8.2 times their size, and none comes near the limit itself
INFLATION = 4
_FLATE = {"FlateDecode", "Fl"}


def _refuse_bombs(document: PDFDocument, file: str | None) -> None:
    """Refuse a PDF whose compressed streams inflate beyond :data:`INFLATION` times the input
    limit, before pdfminer inflates any of them whole (a 400 KB page of 400 MB of spaces took
    minutes and 800 MB). Streams are never inside object streams, so the objects the
    cross-references place in the file itself are all there is to look at; what cannot be
    inflated here (encrypted, damaged) is left to pdfminer, which says so."""
    budget = INFLATION * MAX_INPUT_BYTES.value()
    for xref in document.xrefs:
        for objid in xref.get_objids():
            try:
                if xref.get_pos(objid)[0] is not None:
                    continue
                stream = document.getobj(objid)
            except Exception:  # noqa: BLE001, S112 - a damaged object: pdfminer's own reading reports it
                continue
            if not isinstance(stream, PDFStream) or stream.rawdata is None or stream.decipher is not None:
                continue
            if not any(getattr(name, "name", None) in _FLATE for name, _ in stream.get_filters()):
                continue
            inflater = zlib.decompressobj()
            pending = stream.rawdata
            try:
                while pending and budget >= 0:
                    budget -= len(inflater.decompress(pending, 1 << 20))
                    pending = inflater.unconsumed_tail
            except zlib.error:
                continue
            if budget < 0:
                raise InputError(
                    f"the PDF's streams inflate to more than {INFLATION} times the input limit "
                    f"({INFLATION} × {MAX_INPUT_BYTES.value():,} bytes, {MAX_INPUT_BYTES.variable}): "
                    "refused as a decompression bomb",
                    file=file,
                )


# --- the content stream ------------------------------------------------------------------------

#: one token of a content stream (PDF 1.7, 7.2 and 7.3) after the white space and comments
#: before it, by group: 1 integer, 2 real, 3 hexadecimal string, 4 name, 5 literal string, 6 an
#: array or dictionary opening, 7 its closing, 8 an operator or keyword, 9 anything else: where
#: pdfminer's lexer reads a token in a way of its own (a name with ``#`` escapes, a string with
#: nested parentheses, a lone sign), and what is no token; that content is left to it; 10 the end,
#: after the last white space and comments (without it, finditer tried again from each byte of
#: them: quadratic on a stream of spaces, and the words of a closing comment read as operators).
_TOKEN = re.compile(
    rb"(?:[\s\x00]|%[^\r\n]*)*+"
    rb"(?:([+-]?\d+)(?![.\d])"
    rb"|([+-]?\d*\.\d*)"
    rb"|<([0-9A-Fa-f\s]*)>"
    rb"|/([^#/%\[\]()<>{}\s]*+)(?!#)"
    rb"|\(((?:[^()\\]|\\.)*)\)"
    rb"|(\[|<<)"
    rb"|(\]|>>)"
    rb"|([A-Za-z][^#/%\[\]()<>{}\s]*|['\"])"
    rb"|(.)"
    rb"|()\Z)",
    re.DOTALL,
)
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|.))", re.DOTALL)
_ESCAPES = {b"b": b"\b", b"t": b"\t", b"n": b"\n", b"f": b"\f", b"r": b"\r", b"(": b"(", b")": b")", b"\\": b"\\"}
_SPACE = re.compile(rb"\s")
#: the operator that opens an inline image, whose binary data the lexer must not read as tokens
_INLINE_IMAGE = b"BI"


class _Unlexed(Exception):
    """Content that the lexer leaves to pdfminer's parser."""


def _operations(data: bytes) -> list[tuple[bytes, list[Any]]]:
    """The operators of a content stream in order, each with the operands written before it,
    as pdfminer's parser gives them (numbers, ``bytes``, ``PSLiteral`` names, lists, dictionaries
    keyed by name)."""
    operations: list[tuple[bytes, list[Any]]] = []
    operands: list[Any] = []
    current = operands
    enclosing: list[tuple[list[Any], bytes]] = []
    #: a producer shows each glyph as a string of its own: the same few hundred strings
    strings: dict[bytes, bytes] = {}
    for match in _TOKEN.finditer(data):
        kind = match.lastindex
        assert kind is not None  # every alternative is a group
        token = match[kind]
        if kind == 3:
            string = strings.get(token)
            if string is None:
                string = strings[token] = _hexadecimal(token)
            current.append(string)
        elif kind == 1:
            current.append(int(token))
        elif kind == 8:
            if token in (b"true", b"false"):
                current.append(token == b"true")
            elif enclosing:
                current.append(KWD(token))
            elif token == _INLINE_IMAGE:
                raise _Unlexed
            else:
                operations.append((token, operands))
                operands = current = []
        elif kind == 2:
            try:
                current.append(float(token))
            except ValueError:
                raise _Unlexed from None
        elif kind == 4:
            current.append(LIT(_name(token)))
        elif kind == 5:
            current.append(_ESCAPE.sub(_unescaped, token) if b"\\" in token else token)
        elif kind == 6:
            enclosing.append((current, token))
            current = []
        elif kind == 9:
            raise _Unlexed
        elif kind == 10:
            break
        else:
            if not enclosing or (enclosing[-1][1] == b"[") != (token == b"]"):
                raise _Unlexed
            outer, _ = enclosing.pop()
            outer.append(current if token == b"]" else _dictionary(current))
            current = outer
    if enclosing:
        raise _Unlexed
    return operations


def _hexadecimal(token: bytes) -> bytes:
    try:
        return bytes.fromhex(token.decode("ascii"))  # white space between pairs skipped
    except ValueError:
        digits = _SPACE.sub(b"", token)
        if len(digits) % 2:
            raise _Unlexed from None  # pdfminer reads a last lone digit its own way
        return bytes.fromhex(digits.decode("ascii"))


def _name(token: bytes) -> str | bytes:
    try:
        return str(token, "utf-8")
    except UnicodeDecodeError:
        return token


def _unescaped(match: re.Match[bytes]) -> bytes:
    octal, other = match.groups()
    if octal is None:
        return _ESCAPES.get(other, b"")  # pdfminer drops an unknown escape and a line's end
    code = int(octal, 8)
    if code > 255:
        raise _Unlexed
    return bytes((code,))


def _dictionary(objects: list[Any]) -> dict[str, Any]:
    keys = objects[::2]
    if len(objects) % 2 or not all(isinstance(key, PSLiteral) and isinstance(key.name, str) for key in keys):
        raise _Unlexed
    return {key.name: value for key, value in zip(keys, objects[1::2], strict=True)}


#: an operator's method on the interpreter and how many operands it takes
_Operator = tuple[Callable[..., None], int]


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, fed by the lexer above; text goes to the device as it is."""

    def __init__(self, rsrcmgr: PDFResourceManager, device: _Glyphs) -> None:
        super().__init__(rsrcmgr, device)
        self.glyph_device = device
        self.operators: dict[bytes, _Operator | None] = {}

    def execute(self, streams: Sequence[object]) -> None:
        # the same streams as pdfminer's: those with an id, and none that a form drawing this
        # one is drawing already (a form that draws itself)
        valid: list[PDFStream] = []
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is not None and stream.objid not in self.parent_stream_ids:
                valid.append(stream)
        self.stream_ids = {stream.objid for stream in valid if stream.objid is not None}
        try:
            # a page's content may be split into streams only between tokens (PDF 1.7, 7.8.2)
            operations = _operations(b"\n".join(stream.get_data() for stream in valid))
        except _Unlexed:
            super().execute(streams)
            return
        stack = self.argstack
        for name, operands in operations:
            stack += operands
            operator = self.operators.get(name, _UNKNOWN)
            if operator is _UNKNOWN:
                operator = self.operators[name] = self._operator(name)
            if operator is None:
                continue  # an operator pdfminer does not know: its operands stay, as there
            method, count = operator
            if count:
                args = stack[-count:]
                del stack[-count:]
                if len(args) == count:
                    method(*args)
            else:
                method()

    def _operator(self, name: bytes) -> _Operator | None:
        text = str(name, "utf-8", "ignore").replace("*", "_a").replace('"', "_w").replace("'", "_q")
        method = getattr(self, "do_" + text, None)
        return None if method is None else (method, method.__code__.co_argcount - 1)

    def pop(self, n: int) -> list[Any]:
        # in place: execute holds the stack (pdfminer's pop makes a new list)
        if n == 0:
            return []
        args = self.argstack[-n:]
        del self.argstack[-n:]
        return args

    def do_TJ(self, seq: Any) -> None:
        # pdfminer copies the graphics state for each string shown; the device reads none of it
        if self.textstate.font is not None:
            self.glyph_device.render_string(self.textstate, seq, self.graphicstate.ncs, self.graphicstate)


_UNKNOWN: Any = object()


# --- the glyphs --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Face:
    """What a font says of its glyphs, asked once: its styles, and for each string shown in it,
    each glyph's code, characters ("" where the font does not say, or for white space other than
    a space) and width."""

    font: PDFFont
    italic: bool
    bold: bool
    codes: dict[int, tuple[int, str, float]] = field(default_factory=dict)
    strings: dict[bytes, list[tuple[int, str, float]]] = field(default_factory=dict)

    def glyphs(self, string: bytes) -> list[tuple[int, str, float]]:
        glyphs = self.strings[string] = [self.codes.get(cid) or self.code(cid) for cid in self.font.decode(string)]
        return glyphs

    def code(self, cid: int) -> tuple[int, str, float]:
        try:
            text = str(self.font.to_unichr(cid))
        except PDFUnicodeNotDefined:
            text = ""
        if text.isspace() and text not in SPACES:
            text = ""
        elif "\ufb00" <= text <= "\ufeff":
            text = unicodedata.normalize("NFKC", text)  # ligatures and presentation forms
        width = self.font.char_width(cid)
        if not width and len(text) > 1 and any(unicodedata.combining(char) for char in text):
            # a glyph that takes no room is a mark: a producer that maps each glyph to the text
            # of the cluster it first drew it in (WeasyPrint: a damma to "أُ") gave it its letter
            text = "".join(char for char in text if unicodedata.combining(char))
        self.codes[cid] = known = (cid, text, width)
        return known


class _Glyphs(PDFTextDevice):
    """Keeps each glyph of upright text; set before each page: its height (positions count down
    from its top) and the list its glyphs go to."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr)
        self.height = 0.0
        self.glyphs: list[Glyph] = []
        self.faces: dict[PDFFont, _Face] = {}

    def render_string(
        self, textstate: PDFTextState, seq: Any, ncs: PDFColorSpace, graphicstate: PDFGraphicState
    ) -> None:
        font = textstate.font
        assert self.ctm is not None and font is not None
        if font.is_vertical():
            # no glyph of vertical text is kept (render_char); the line still moves
            super().render_string(textstate, seq, ncs, graphicstate)
            return
        face = self.faces.get(font)
        if face is None:
            name = _SUBSET.sub("", font.fontname or "")
            face = self.faces[font] = _Face(font, bool(_ITALIC.search(name)), bool(_BOLD.search(name)))
        # pdfminer's PDFTextDevice.render_string_horizontal, with each glyph's matrix
        # (translate_matrix) written out: the same arithmetic, so the same positions
        a, b, c, d, e, f = mult_matrix(textstate.matrix, self.ctm)
        fontsize = textstate.fontsize
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = 0 if font.is_multibyte() else textstate.wordspace * scaling
        dxscale = 0.001 * fontsize * scaling
        rise = textstate.rise
        # upright text only (a rotated margin note is no part of the text)
        upright = b * c <= 0 and a * d * scaling > 0
        # a producer slants a face that has no italics of its own (Arabic, Chinese)
        italic = face.italic or upright and c / d > _SLANT
        bold = face.bold
        size = round(fontsize * d, 1)
        strings, glyphs, height = face.strings, self.glyphs, self.height
        x, y = textstate.linematrix
        # a rise is raised; on a level line (b == 0, x * b adds nothing) one baseline for all
        level = round(height - (y * d + f) - rise * d, 1) if b == 0 else None
        spaced = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                spaced = True
            elif isinstance(obj, bytes):
                for cid, text, width in strings.get(obj) or face.glyphs(obj):
                    if spaced:
                        x += charspace
                    advance = float(width * fontsize * scaling)
                    if upright and text:
                        left = x * a + y * c + e
                        baseline = level if level is not None else round(height - (x * b + y * d + f) - rise * d, 1)
                        glyphs.append(Glyph(text, left, left + advance * a, baseline, size, italic, bold))
                    x += advance
                    if cid == 32 and wordspace:
                        x += wordspace
                    spaced = True
        textstate.linematrix = (x, y)

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> float:
        return float(font.char_width(cid) * fontsize * scaling)
