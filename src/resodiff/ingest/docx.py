"""Reader for Word drafts (``.docx``): the raw WordprocessingML, read into the one model.

What is read:

- the body's paragraphs and tables in order; the page headers and footers are running matter
  and are left out, but for the first page's header, which a draft's template may hold the
  symbol in (read as header lines when the body's header block names no symbol);
- the header block above the enacting formula (symbol, distribution, date, session, agenda
  item, a draft's sponsors' line and title, or a resolution's number and title) by the header
  module that every reader of printed forms shares;
- italic, bold and superscript runs, from direct formatting, character styles and paragraph
  styles (each style with the styles it is based on; the document's defaults first);
- numbering: Word's automatic numbering (``numbering.xml``: ``num`` → ``abstractNum`` →
  ``lvl`` with ``numFmt``, ``lvlText``, ``start``, ``startOverride``; a level's use restarts the
  levels below it), set on the paragraph or by its style, and numbers typed in the text; a
  label shaped ``1.`` numbers an operative paragraph, ``(a)``/``a)``/``(i)`` a sub-paragraph;
- headings (paragraph styles with an outline level, ``Heading 1``…) as the sections the
  paragraphs stand under;
- real footnotes and endnotes (``w:footnoteReference``), each held at its marker, numbered as
  Word numbers them (a custom mark as written);
- tracked changes, never dropped: insertions, deletions, moves, inserted and deleted paragraph
  marks (paragraphs split and merged), table rows inserted and deleted, and formatting changes
  (the formatting before the change is used when the changes are rejected). The text is read
  with every change accepted (default) or every change rejected (``changes="reject"``); who
  changed what is kept in :attr:`Resolution.revisions`.

Positions: ``line`` is the ordinal of the paragraph among the body's ``w:p`` elements in
document order (tables' paragraphs counted), ``column`` 1; a footnote's position is that of the
paragraph that cites it, and header lines taken from the page header are at line 1. (Word
writes ``document.xml`` on a line or two, so XML lines would not tell paragraphs apart.)

A paragraph whose mark is deleted joins the next one (with changes accepted; one whose mark is
inserted, with changes rejected); the joined paragraph keeps the first one's properties
(numbering, style) unless the first one has no text left, as a paragraph deleted whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal, TypeAlias

from lxml import etree

from ..errors import InputError
from ..languages import Language
from ..model import (
    Annex,
    Cell,
    Comment,
    Footnote,
    Inline,
    Inlines,
    Item,
    Paragraph,
    Part,
    Resolution,
    Revision,
    RevisionKind,
    Section,
    SourceSpan,
    Table,
    Text,
)
from ..typography import normalize_typography
from . import numerals
from .header import (
    Fragment,
    find_formula,
    is_meeting_line,
    read_closing,
    read_metadata,
    split_closing,
    starts_annex,
    symbol_in,
)
from .recognise import Piece, Run, annotate, restyle
from .whitespace import clean_spaces
from .wordml import COMMENTS, ENDNOTES, FOOTNOTES, HEADER, HYPERLINK, NUMBERING, STYLES, Package, r, w

Changes = Literal["accept", "reject"]

_OFF = frozenset({"0", "false", "off", "none"})
#: the run properties that are read, by the element that sets them
_TOGGLES = {w("i"): "i", w("iCs"): "iCs", w("b"): "b", w("bCs"): "bCs", w("vanish"): "hidden"}
_OPERATIVE_LABEL = re.compile(r"^(\d{1,4})(\.|\s*-)$")
_ITEM_LABEL = re.compile(r"^(?:\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|(?:[a-z]{1,2}|[ivxlc]{1,6})\))$")
#: a number typed before a paragraph's text, then a tab or spaces (or one no-break space, which
#: is then not the text's own)
_AFTER_LABEL = r"(?:[ \t]+(?=[^ \t])|\u00a0(?=\S))"
_TYPED_NUMBER = re.compile(r"^(\d{1,3})(\.|\s+-)" + _AFTER_LABEL)
_TYPED_ITEM = re.compile(r"^(\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|(?:[a-z]{1,2}|[ivxlc]{1,6})\)|[-•–])" + _AFTER_LABEL)
_SECTION_NUMBER = re.compile(r"^([IVXLC]+|[A-Z])\." + _AFTER_LABEL)
_ROMAN = re.compile(r"^[ivxlc]+$")
_LETTER_BEFORE_ROMAN = {"i": "h", "v": "u", "x": "w", "l": "k", "c": "b"}
#: how far into a ZIP archive the sniffing looks for a Word part's name
_HEADING_STYLE = re.compile(r"^heading (\d)$", re.IGNORECASE)
#: the elements whose children are read as if they stood in their place
_TRANSPARENT = frozenset(
    w(name) for name in ("smartTag", "customXml", "sdtContent", "fldSimple", "dir", "bdo", "ruby", "rubyBase")
)
_INSERTED: dict[str, RevisionKind] = {w("ins"): "insertion", w("moveTo"): "move-to"}
_DELETED: dict[str, RevisionKind] = {w("del"): "deletion", w("moveFrom"): "move-from"}


def _on(element: etree._Element) -> bool:
    return element.get(w("val"), "true").lower() not in _OFF


def _flags(rpr: etree._Element | None) -> dict[str, bool]:
    """The properties a ``w:rPr`` sets (and only those: what it leaves out is inherited)."""
    found: dict[str, bool] = {}
    if rpr is None:
        return found
    for child in rpr:
        name = _TOGGLES.get(child.tag)
        if name is not None:
            found[name] = _on(child)
        elif child.tag == w("vertAlign"):
            found["sup"] = child.get(w("val")) == "superscript"
    return found


@dataclass(frozen=True, slots=True)
class _Style:
    kind: str
    name: str
    based_on: str | None
    rpr: dict[str, bool]
    ppr: etree._Element | None


class _Styles:
    """``styles.xml``: each style's own properties, resolved through ``basedOn`` on demand."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self._run_flags: dict[str | None, dict[str, bool]] = {}
        self.defaults: dict[str, bool] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.defaults = _flags(defaults)
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"), "")
            name = style.find(w("name"))
            based = style.find(w("basedOn"))
            self.styles[style_id] = _Style(
                style.get(w("type"), "paragraph"),
                name.get(w("val"), "") if name is not None else "",
                based.get(w("val")) if based is not None else None,
                _flags(style.find(w("rPr"))),
                style.find(w("pPr")),
            )
            if style.get(w("type")) == "paragraph" and _on_attribute(style, "default"):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> list[_Style]:
        """The style and those it is based on, the most basic first (a loop is cut)."""
        found: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            found.append(style)
            style_id = style.based_on
        return found[::-1]

    def run_flags(self, style_id: str | None) -> dict[str, bool]:
        """The run properties a style sets, with those of the styles it is based on (kept once
        worked out: every run asks)."""
        if (known := self._run_flags.get(style_id)) is not None:
            return known
        merged: dict[str, bool] = {}
        for style in self.chain(style_id):
            merged.update(style.rpr)
        self._run_flags[style_id] = merged
        return merged

    def paragraph_property(self, style_id: str | None, name: str) -> etree._Element | None:
        """A paragraph property (``numPr``, ``outlineLvl``) as the style or its bases set it."""
        for style in reversed(self.chain(style_id)):
            if style.ppr is not None and (found := style.ppr.find(w(name))) is not None:
                return found
        return None

    def outline_level(self, style_id: str | None) -> int | None:
        level = self.paragraph_property(style_id, "outlineLvl")
        if level is not None and (value := level.get(w("val"), "")).isdigit() and int(value) < 9:
            return int(value)
        for style in reversed(self.chain(style_id)):
            if match := _HEADING_STYLE.match(style.name):
                return int(match.group(1)) - 1
        return None


def _on_attribute(element: etree._Element, name: str) -> bool:
    return element.get(w(name), "0").lower() in ("1", "true", "on")


@dataclass(frozen=True, slots=True)
class _Level:
    format: str
    text: str
    start: int
    legal: bool = False


def _number(value: int, format: str) -> str:
    """A counter in a level's number format (Word's names)."""
    if format in ("lowerLetter", "upperLetter"):
        # Word's letters go a … z, aa … zz, aaa …
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else "0"
        return letter.upper() if format == "upperLetter" else letter
    if format in ("lowerRoman", "upperRoman"):
        roman = numerals.roman(value) or "0"
        return roman.upper() if format == "upperRoman" else roman
    if format == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _int(element: etree._Element | None, default: int) -> int:
    value = element.get(w("val"), "") if element is not None else ""
    return int(value) if value.lstrip("-").isdigit() else default


class _Numbering:
    """``numbering.xml`` and the counters of the lists as the paragraphs use them.

    Lists (``num``) that share an abstract definition continue one another, as in Word, unless
    one restarts a level (``lvlOverride/startOverride``)."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            levels: dict[int, _Level] = {}
            for level in abstract.iter(w("lvl")):
                fmt = level.find(w("numFmt"))
                text = level.find(w("lvlText"))
                levels[_int_attr(level, "ilvl")] = _Level(
                    fmt.get(w("val"), "decimal") if fmt is not None else "decimal",
                    text.get(w("val"), "") if text is not None else "",
                    _int(level.find(w("start")), 1),
                    level.find(w("isLgl")) is not None,
                )
            self.abstract[abstract.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            abstract_id = num.find(w("abstractNumId"))
            overrides = {
                _int_attr(override, "ilvl"): _int(override.find(w("startOverride")), 1)
                for override in num.iter(w("lvlOverride"))
                if override.find(w("startOverride")) is not None
            }
            self.nums[num.get(w("numId"), "")] = (
                abstract_id.get(w("val"), "") if abstract_id is not None else "",
                overrides,
            )

    def label(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """The label a paragraph of this list and level gets (counting it), and whether the level
        is a bullet (a bullet has no label)."""
        if num_id not in self.nums:
            return None, False
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return None, False
        key = f"num {num_id}" if overrides else abstract_id
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = [None] * 9
        start = overrides.get(ilvl, level.start)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.format == "bullet":
            return None, True
        if level.format == "none":
            return level.text or None, False

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index)
            if other is None:
                return ""
            count = counters[index] if counters[index] is not None else overrides.get(index, other.start)
            assert count is not None
            return _number(count, "decimal" if level.legal else other.format)

        return re.sub(r"%([1-9])", value, level.text).strip() or None, False


def _int_attr(element: etree._Element, name: str) -> int:
    value = element.get(w(name), "0")
    return int(value) if value.isdigit() else 0


#: what a paragraph holds before it becomes inlines: runs, footnotes, and notes still to be read
Element: TypeAlias = "Piece | _Note"


@dataclass
class _Note:
    """A footnote or endnote met in a paragraph, its paragraphs' pieces still to be read as
    inlines (once the document's language is known)."""

    marker: str
    lines: list[list[Element]]
    span: SourceSpan


@dataclass
class _Para:
    """A body paragraph as it stands in the view (changes accepted or rejected)."""

    ordinal: int
    pieces: list[Element]
    ppr: etree._Element | None
    #: the paragraph mark: ``inserted`` or ``deleted`` by a tracked change, else ``kept``
    mark: Literal["kept", "inserted", "deleted"] = "kept"

    @property
    def text(self) -> str:
        return "".join(piece.text.text for piece in self.pieces if isinstance(piece, Run))

    def empty(self) -> bool:
        return not self.text.strip() and not any(isinstance(piece, _Note) for piece in self.pieces)


@dataclass
class _TableBlock:
    ordinal: int
    rows: list[list[tuple[list[_Para], bool, int, int]]]


@dataclass
class _Unit:
    """A body paragraph laid out: what it is (heading, numbered, item, plain), its label."""

    para: _Para
    kind: Literal["para", "item", "heading", "table"]
    num: str | None = None
    level: int = 0
    pieces: list[Element] = field(default_factory=list)
    table: _TableBlock | None = None


@dataclass
class _RunState:
    """What the walk through a paragraph's runs carries: the field being skipped, the link."""

    link: str | None = None
    in_field_code: bool = False
    #: the note (kind, id) whose mark is the next text of the run (``customMarkFollows``)
    custom_mark: tuple[str, str] | None = None


class _Reader:
    def __init__(self, package: Package, changes: Changes, file: str | None) -> None:
        self.package = package
        self.changes = changes
        self.file = file
        self.styles = _Styles(package.related(STYLES))
        self.numbering = _Numbering(package.related(NUMBERING))
        self.notes = {kind: _notes(package.related(kind), kind) for kind in (FOOTNOTES, ENDNOTES)}
        self.revisions: list[tuple[Revision, int]] = []
        self.comment_texts = _comment_texts(package.related(COMMENTS))
        #: each comment once, at the paragraph its range starts in (or its reference stands in)
        self.comments: dict[str, Comment] = {}
        self.note_number = 0
        self.ordinal = 0
        self.lang: Language | None = None
        #: footnotes' revisions are named when the footnote's marker is known
        self.note_revisions: list[Revision] = []

    # -- runs ---------------------------------------------------------------------------------

    def revision(self, element: etree._Element, kind: RevisionKind, text: str) -> None:
        revision = Revision(
            kind,
            element.get(w("author"), ""),
            element.get(w("date")),
            text,
            "",
            SourceSpan(self.file, self.ordinal, 1),
        )
        self.revisions.append((revision, self.ordinal))

    def pieces(self, paragraph: etree._Element, para_style: str | None) -> list[Element]:
        pieces: list[Element] = []
        self.walk(paragraph, para_style, _RunState(), pieces)
        return pieces

    def walk(self, parent: etree._Element, para_style: str | None, state: _RunState, out: list[Element]) -> None:
        for child in parent:
            tag = child.tag
            if tag == w("r"):
                self.run(child, para_style, state, out)
            elif tag in _INSERTED or tag in _DELETED:
                inserted = tag in _INSERTED
                kind: RevisionKind = _INSERTED[tag] if inserted else _DELETED[tag]
                self.revision(child, kind, _revised_text(child))
                if inserted == (self.changes == "accept"):
                    self.walk(child, para_style, state, out)
            elif tag == w("hyperlink"):
                target = child.get(r("id"))
                relationship = self.package.relationships.get(target or "")
                link = relationship.target if relationship and relationship.kind == HYPERLINK else None
                self.walk(child, para_style, _RunState(link, state.in_field_code), out)
            elif tag in _TRANSPARENT or tag == w("sdt"):
                self.walk(child, para_style, state, out)

    def run(self, run: etree._Element, para_style: str | None, state: _RunState, out: list[Element]) -> None:
        rpr = run.find(w("rPr"))
        change = rpr.find(w("rPrChange")) if rpr is not None else None
        if change is not None:
            self.revision(change, "formatting", _revised_text(run))
            if self.changes == "reject":
                rpr = change.find(w("rPr"))
        flags = dict(self.styles.defaults)
        flags.update(self.styles.run_flags(para_style))
        style = rpr.find(w("rStyle")) if rpr is not None else None
        flags.update(self.styles.run_flags(style.get(w("val")) if style is not None else None))
        flags.update(_flags(rpr))
        if flags.get("hidden"):
            return
        look = Text(
            "",
            italic=flags.get("i", flags.get("iCs", False)),
            bold=flags.get("b", flags.get("bCs", False)),
            sup=flags.get("sup", False),
        )
        for child in run:
            tag = child.tag
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                state.in_field_code = kind == "begin" or (state.in_field_code and kind != "separate" and kind != "end")
            elif state.in_field_code:
                continue
            elif tag in (w("t"), w("delText")):
                text = child.text or ""
                if state.custom_mark is not None:
                    kind, note_id = state.custom_mark
                    state.custom_mark = None
                    out.append(self.note(kind, note_id, text))  # the mark as written, not Word's number
                    continue
                out.append(Run(restyle(look, text=text), state.link))
            elif tag in (w("tab"), w("ptab")):
                out.append(Run(restyle(look, text="\t", sup=False), state.link))
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) not in ("page", "column"):
                    out.append(Run(Text("\n"), None))
            elif tag == w("noBreakHyphen"):
                out.append(Run(restyle(look, text="\u2011"), state.link))
            elif tag == w("sym"):
                code = int(child.get(w("char"), "20"), 16) if _hex(child.get(w("char"), "")) else 0x20
                out.append(Run(restyle(look, text=chr(code - 0xF000 if code >= 0xF000 else code)), state.link))
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                kind = FOOTNOTES if tag == w("footnoteReference") else ENDNOTES
                if _on_attribute(child, "customMarkFollows"):
                    state.custom_mark = (kind, child.get(w("id"), ""))
                else:
                    self.note_number += 1
                    out.append(self.note(kind, child.get(w("id"), ""), str(self.note_number)))

    def note(self, kind: str, note_id: str, marker: str) -> _Note:
        """The note a reference points at, read in the current view, with its marker."""
        element = self.notes[kind].get(note_id)
        span = SourceSpan(self.file, self.ordinal, 1)
        if element is None:
            raise InputError(f"a reference to {kind[:-1]} {note_id}, which the Word file does not hold", span=span)
        start = len(self.revisions)
        lines = [self.pieces(paragraph, _style_of(paragraph.find(w("pPr")))) for paragraph in element.iter(w("p"))]
        # a revision in a footnote stands in the footnote, whatever paragraph cites it
        for index in range(start, len(self.revisions)):
            revision, ordinal = self.revisions[index]
            self.revisions[index] = (replace(revision, where=f"footnote {marker}"), ordinal)
        return _Note(marker, lines, span)

    def inlines(self, pieces: list[Element], keep_breaks: bool = False) -> Inlines:
        """Pieces as the model's inlines: references and dates recognised, spaces settled, notes
        in place (a line break is a space but in headings)."""
        settled: list[Piece] = []
        for piece in pieces:
            if isinstance(piece, _Note):
                content: list[Inline] = []
                for line in piece.lines:
                    if read := self.inlines(line):
                        content.extend([Text("\n"), *read] if content else read)
                settled.append(Footnote(piece.marker, tuple(content), piece.span))
            elif not keep_breaks and _is_break(piece):
                settled.append(Run(Text(" "), None))
            else:
                settled.append(piece)
        return clean_spaces(annotate(settled, self.lang))

    # -- paragraphs ---------------------------------------------------------------------------

    def paragraph(self, element: etree._Element) -> _Para:
        self.ordinal += 1
        ppr = element.find(w("pPr"))
        mark: Literal["kept", "inserted", "deleted"] = "kept"
        if ppr is not None:
            change = ppr.find(w("pPrChange"))
            if change is not None:
                self.revision(change, "formatting", _revised_text(element))
                if self.changes == "reject":
                    ppr = change.find(w("pPr"))
            mark_rpr = element.find(f"{w('pPr')}/{w('rPr')}")
            if mark_rpr is not None:
                for child in mark_rpr:
                    if child.tag in _INSERTED or child.tag in _DELETED:
                        inserted = child.tag in _INSERTED
                        self.revision(child, "paragraph-inserted" if inserted else "paragraph-deleted", "")
                        mark = "inserted" if inserted else "deleted"
        pieces = self.pieces(element, _style_of(ppr))
        for anchor in element.iter(w("commentRangeStart"), w("commentReference")):
            identifier = anchor.get(w("id"), "")
            if identifier in self.comment_texts and identifier not in self.comments:
                author, text = self.comment_texts[identifier]
                self.comments[identifier] = Comment(text, author, SourceSpan(self.file, self.ordinal, 1))
        return _Para(self.ordinal, pieces, ppr, mark)

    def table(self, element: etree._Element) -> _TableBlock:
        first = self.ordinal + 1
        rows: list[list[tuple[list[_Para], bool, int, int]]] = []
        open_cells: dict[int, list[int]] = {}  # grid column → [row, cell] of the cell a vMerge continues
        for row in element.findall(w("tr")):
            trpr = row.find(w("trPr"))
            header = trpr is not None and trpr.find(w("tblHeader")) is not None
            revised = None if trpr is None else next((c for c in trpr if c.tag in (w("ins"), w("del"))), None)
            cells: list[tuple[list[_Para], bool, int, int]] = []
            column = 0
            for cell in row.findall(w("tc")):
                tcpr = cell.find(w("tcPr"))
                span = _int(tcpr.find(w("gridSpan")) if tcpr is not None else None, 1)
                merge = tcpr.find(w("vMerge")) if tcpr is not None else None
                paragraphs = [self.paragraph(p) for p in cell.iter(w("p"))]
                if merge is not None and merge.get(w("val")) != "restart" and column in open_cells:
                    at_row, at_cell = open_cells[column]
                    kept = rows[at_row][at_cell] if at_row < len(rows) else None
                    if kept is not None:
                        rows[at_row][at_cell] = (kept[0], kept[1], kept[2] + 1, kept[3])
                else:
                    if merge is not None:
                        open_cells[column] = [len(rows), len(cells)]
                    else:
                        open_cells.pop(column, None)
                    cells.append((paragraphs, header, 1, span))
                column += span
            if revised is not None:
                inserted = revised.tag == w("ins")
                self.revision(revised, "insertion" if inserted else "deletion", _revised_text(row))
                if inserted != (self.changes == "accept"):
                    continue
            rows.append(cells)
        return _TableBlock(first, rows)

    def blocks(self, body: etree._Element) -> list[_Para | _TableBlock]:
        found: list[_Para | _TableBlock] = []
        for child in _block_elements(body):
            if child.tag == w("p"):
                found.append(self.paragraph(child))
            else:
                found.append(self.table(child))
        return _join_marks(found, self.changes)


def _hex(value: str) -> bool:
    return bool(value) and all(c in "0123456789abcdefABCDEF" for c in value)


def _is_break(piece: Element) -> bool:
    return isinstance(piece, Run) and piece.text.text == "\n"


def _style_of(ppr: etree._Element | None) -> str | None:
    style = ppr.find(w("pStyle")) if ppr is not None else None
    return style.get(w("val")) if style is not None else None


def _revised_text(element: etree._Element) -> str:
    return "".join(node.text or "" for node in element.iter(w("t"), w("delText")))


def _notes(root: etree._Element | None, kind: str) -> dict[str, etree._Element]:
    """The notes of a part by id, but Word's separators (``w:type`` separator, continuation...)."""
    if root is None:
        return {}
    tag = w("footnote" if kind == FOOTNOTES else "endnote")
    return {note.get(w("id"), ""): note for note in root.iter(tag) if note.get(w("type"), "normal") == "normal"}


def _block_elements(parent: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraphs and tables in order; content controls and custom XML are seen through."""
    for child in parent:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif (
            child.tag in (w("sdt"), w("sdtContent"), w("customXml")) or child.tag in _INSERTED or child.tag in _DELETED
        ):
            yield from _block_elements(child)


def _join_marks(blocks: list[_Para | _TableBlock], changes: Changes) -> list[_Para | _TableBlock]:
    """Paragraphs whose mark does not stand in this view joined to the next paragraph."""
    joining = "deleted" if changes == "accept" else "inserted"
    joined: list[_Para | _TableBlock] = []
    pending: _Para | None = None
    for block in blocks:
        if pending is not None and isinstance(block, _Para):
            first_empty = pending.empty()
            block = _Para(
                block.ordinal if first_empty else pending.ordinal,
                pending.pieces + block.pieces,
                block.ppr if first_empty else pending.ppr,
                block.mark,
            )
            pending = None
        elif pending is not None:
            joined.append(pending)
            pending = None
        if isinstance(block, _Para) and block.mark == joining:
            pending = block
            continue
        joined.append(block)
    if pending is not None:
        joined.append(pending)
    return [block for block in joined if not (isinstance(block, _Para) and block.empty())]


# -- the resolution ---------------------------------------------------------------------------


def read_docx(data: bytes, *, file: str | None = None, changes: Changes = "accept") -> Resolution:
    """Read a Word draft; ``changes`` says whether its tracked changes are read accepted (the
    draft as it would stand) or rejected (the text it was based on)."""
    package = Package.open(data, file)
    document = package.xml(package.main)
    assert document is not None  # Package.open made sure the main part is there
    body = document.find(w("body"))
    if body is None:
        raise InputError(f"{package.main} has no body (w:body): not a Word document", file=file, line=1, column=1)
    reader = _Reader(package, changes, file)
    blocks = reader.blocks(body)
    lines = [block.text if isinstance(block, _Para) else "" for block in blocks]
    lang, formula_index = find_formula(lines, file)
    reader.lang = lang
    return _Builder(reader, blocks, formula_index, lang, package, body).build()


def _comment_texts(root: etree._Element | None) -> dict[str, tuple[str, str]]:
    """Word's comments part: each comment's author and text (its paragraphs, one per line)."""
    if root is None:
        return {}
    found = {}
    for comment in root.iter(w("comment")):
        paragraphs = ("".join(t.text or "" for t in p.iter(w("t"))) for p in comment.iter(w("p")))
        found[comment.get(w("id"), "")] = (comment.get(w("author"), ""), "\n".join(paragraphs).strip())
    return found


def _page_header_lines(package: Package, body: etree._Element) -> list[Fragment]:
    """The lines of the first page's header (or of the default one), where a draft's template
    may print the symbol; at line 1, the document's start."""
    section = body.find(w("sectPr"))
    if section is None:
        return []
    references = {ref.get(w("type"), "default"): ref.get(r("id"), "") for ref in section.iter(w("headerReference"))}
    chosen = references.get("first") if section.find(w("titlePg")) is not None else None
    relationship = package.relationships.get(chosen or references.get("default", ""))
    if relationship is None or relationship.kind != HEADER:
        return []
    root = package.xml(relationship.target)
    if root is None:
        return []
    texts = ("".join(t.text or "" for t in p.iter(w("t"))).strip() for p in root.iter(w("p")))
    return [(text, 1, 1) for text in texts if text]


class _Builder:
    """The blocks of the view laid out as the model's parts: header, formula, paragraphs with
    their sub-paragraphs and headings, the closing and the annexes."""

    def __init__(
        self,
        reader: _Reader,
        blocks: list[_Para | _TableBlock],
        formula_index: int,
        lang: Language,
        package: Package,
        body: etree._Element,
    ) -> None:
        self.body = body
        self.reader = reader
        self.blocks = blocks
        self.formula_index = formula_index
        self.lang = lang
        self.package = package
        self.file = reader.file

    def span(self, ordinal: int) -> SourceSpan:
        return SourceSpan(self.file, ordinal, 1)

    def header(self) -> list[Fragment]:
        fragments: list[Fragment] = []
        for block in self.blocks[: self.formula_index]:
            if isinstance(block, _Para):
                fragments.append((block.text.strip(), block.ordinal, 1))
            else:
                for row in block.rows:
                    for paragraphs, _, _, _ in row:
                        fragments.extend((p.text.strip(), p.ordinal, 1) for p in paragraphs if p.text.strip())
        fragments = [fragment for fragment in fragments if fragment[0]]
        if not any(symbol_in(text) for text, _, _ in fragments):
            fragments = _page_header_lines(self.package, self.body) + fragments
        return fragments

    def label(self, para: _Para) -> tuple[str | None, int | None, bool]:
        """A paragraph's automatic number: its label, its level, whether it is a bullet."""
        num_pr = para.ppr.find(w("numPr")) if para.ppr is not None else None
        if num_pr is None:
            num_pr = self.reader.styles.paragraph_property(_style_of(para.ppr), "numPr")
        if num_pr is None:
            return None, None, False
        num_id = num_pr.find(w("numId"))
        if num_id is None or num_id.get(w("val"), "0") == "0":
            return None, None, False
        ilvl = _int(num_pr.find(w("ilvl")), 0)
        label, bullet = self.reader.numbering.label(num_id.get(w("val"), ""), ilvl)
        return label, ilvl, bullet

    def units(self) -> list[_Unit]:
        units: list[_Unit] = []
        for block in self.blocks[self.formula_index + 1 :]:
            if isinstance(block, _TableBlock):
                units.append(_Unit(_Para(block.ordinal, [], None), "table", table=block))
                continue
            label, ilvl, bullet = self.label(block)
            outline = self.reader.styles.outline_level(_style_of(block.ppr))
            if block.ppr is not None and (own := block.ppr.find(w("outlineLvl"))) is not None:
                outline = _int(own, 9) if _int(own, 9) < 9 else None
            pieces = block.pieces
            if outline is not None:
                num = label.rstrip(".") if label else None
                if num is None and (typed := _SECTION_NUMBER.match(block.text)):
                    num, pieces = typed.group(1), _drop(pieces, typed.end())
                units.append(_Unit(block, "heading", num, outline, pieces))
            elif label is not None and _OPERATIVE_LABEL.match(label):
                units.append(_Unit(block, "para", label, 0, pieces))
            elif bullet or (label is not None and (_ITEM_LABEL.match(label) or (ilvl or 0) > 0)):
                units.append(_Unit(block, "item", label, ilvl or 0, pieces))
            elif typed := _TYPED_NUMBER.match(block.text):
                label = typed.group(1) + ("." if typed.group(2) == "." else " -")
                units.append(_Unit(block, "para", label, 0, _drop(pieces, typed.end())))
            elif typed := _TYPED_ITEM.match(block.text):
                num = None if typed.group(1) in ("-", "•", "–") else typed.group(1)
                units.append(_Unit(block, "item", num, 0, _drop(pieces, typed.end())))
            else:
                units.append(_Unit(block, "para", label, 0, pieces))
        return units

    def build(self) -> Resolution:
        reader = self.reader
        formula_block = self.blocks[self.formula_index]
        assert isinstance(formula_block, _Para)
        reader.ordinal = formula_block.ordinal
        formula = reader.inlines(formula_block.pieces)
        header = self.header()
        formula_fragment = (formula_block.text.strip(), formula_block.ordinal, 1)
        meta = read_metadata(header, formula_fragment, self.lang, self.file)
        paragraphs, closing_lines, annexes = self.assemble(self.units())
        preamble = tuple(p for p in paragraphs if p.part == "preamble")
        operative = tuple(p for p in paragraphs if p.part == "operative")
        if not any(p.num for p in operative):
            preamble, operative = _split_unnumbered(preamble + operative)
        closing = read_closing(closing_lines, self.lang, self.file)
        resolution = Resolution(meta, formula, preamble, operative, closing, annexes, source=self.file)
        return replace(
            resolution,
            revisions=_placed(reader.revisions, resolution, formula_block.ordinal),
            comments=tuple(reader.comments.values()),
        )

    def assemble(self, units: list[_Unit]) -> tuple[list[Paragraph], list[Fragment], tuple[Annex, ...]]:
        reader = self.reader
        part: Part = "preamble"
        paragraphs: list[Paragraph] = []
        annexes: list[tuple[SourceSpan, list[Paragraph]]] = []
        closing: list[Fragment] = []
        sections: list[tuple[int, Section]] = []
        heading_waits = False
        head: tuple[_Unit, Part] | None = None
        items: list[_Unit] = []

        def flush() -> None:
            nonlocal head, items, heading_waits
            if head is None:
                return
            unit, unit_part = head
            reader.ordinal = unit.para.ordinal
            paragraph = Paragraph(
                unit_part,
                unit.num,
                reader.inlines(unit.pieces),
                _nest(items, reader),
                tuple(section for _, section in sections),
                span=self.span(unit.para.ordinal),
            )
            (annexes[-1][1] if annexes else paragraphs).append(paragraph)
            head, items, heading_waits = None, [], False

        for unit in units:
            text = unit.para.text.strip()
            bare = normalize_typography(text)
            if unit.kind != "table" and not annexes:
                if one_line := split_closing(bare, self.lang):
                    flush()
                    meeting, date = one_line
                    closing.extend([(meeting, unit.para.ordinal, 1), (date, unit.para.ordinal, 1)])
                    continue
                if is_meeting_line(bare, self.lang) and not closing:
                    flush()
                    closing.append((text, unit.para.ordinal, 1))
                    continue
                if len(closing) == 1 and self.lang.parse_date(bare):
                    closing.append((text, unit.para.ordinal, 1))
                    continue
            if unit.kind != "table" and (closing or annexes) and starts_annex(bare):
                flush()
                annexes.append((self.span(unit.para.ordinal), []))
                sections.clear()
                part = "annex"
                if unit.kind != "heading":
                    unit = _Unit(unit.para, "heading", None, 0, unit.para.pieces)
            if unit.kind == "table":
                flush()
                assert unit.table is not None
                reader.ordinal = unit.table.ordinal
                table = _table(unit.table, reader)
                paragraph = Paragraph(
                    part,
                    None,
                    (),
                    sections=tuple(s for _, s in sections),
                    table=table,
                    span=self.span(unit.table.ordinal),
                )
                (annexes[-1][1] if annexes else paragraphs).append(paragraph)
                heading_waits = False
            elif unit.kind == "heading":
                flush()
                reader.ordinal = unit.para.ordinal
                heading = reader.inlines(unit.pieces, keep_breaks=True)
                if heading_waits and sections and sections[-1][0] == unit.level and unit.num is None:
                    # consecutive headings of one level ("Annex I" / its title) are one heading
                    previous = sections.pop()[1]
                    heading = (*previous.heading, Text("\n"), *heading) if previous.heading else heading
                    sections.append((unit.level, Section(previous.num, heading, previous.span)))
                    continue
                while sections and sections[-1][0] >= unit.level:
                    sections.pop()
                sections.append((unit.level, Section(unit.num, heading, self.span(unit.para.ordinal))))
                heading_waits = True
            elif unit.kind == "item" and head is not None:
                items.append(unit)
            else:
                flush()
                if unit.kind == "para" and unit.num is not None and part == "preamble":
                    part = "operative"
                head = (unit, part)
        flush()
        return paragraphs, closing, tuple(Annex(tuple(found), span) for span, found in annexes)


def _drop(pieces: list[Element], count: int) -> list[Element]:
    """The pieces without their first ``count`` characters (a typed number)."""
    kept: list[Element] = []
    for piece in pieces:
        if count > 0 and isinstance(piece, Run):
            text = piece.text.text
            if len(text) <= count:
                count -= len(text)
                continue
            piece = Run(replace(piece.text, text=text[count:]), piece.link)
            count = 0
        kept.append(piece)
    return kept


def _nest(units: list[_Unit], reader: _Reader) -> tuple[Item, ...]:
    """Sub-paragraphs: deeper Word levels under the item before; for typed labels, letters make
    the first level and roman numerals the second ((h) then (i) stays a letter)."""
    top: list[tuple[_Unit, list[_Unit]]] = []
    base = min((unit.level for unit in units), default=0)
    for unit in units:
        label = (unit.num or "").strip("()")
        previous = (top[-1][0].num or "").strip("()") if top else None
        roman_under = (
            bool(_ROMAN.match(label))
            and previous is not None
            and _LETTER_BEFORE_ROMAN.get(label) != previous
            and (bool(top[-1][1]) or label == "i")
        )
        if top and (unit.level > base or (unit.level == base == top[-1][0].level and roman_under)):
            top[-1][1].append(unit)
        else:
            top.append((unit, []))

    def make(unit: _Unit, children: tuple[Item, ...]) -> Item:
        reader.ordinal = unit.para.ordinal
        return Item(unit.num, reader.inlines(unit.pieces), children, SourceSpan(reader.file, unit.para.ordinal, 1))

    return tuple(make(unit, tuple(make(child, ()) for child in children)) for unit, children in top)


def _table(block: _TableBlock, reader: _Reader) -> Table:
    rows = []
    for row in block.rows:
        cells = []
        for paragraphs, header, rowspan, colspan in row:
            content = tuple(inl for p in paragraphs if (inl := reader.inlines(p.pieces)))
            cells.append(Cell(content, header, rowspan, colspan))
        rows.append(tuple(cells))
    return Table(tuple(rows))


def _split_unnumbered(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """Without numbers, the operative part is what follows the last paragraph ending in a comma
    (as the text reader decides it)."""
    last_comma = -1
    for index, paragraph in enumerate(paragraphs):
        if paragraph.text.rstrip().endswith(","):
            last_comma = index
    preamble = tuple(replace(p, part="preamble") for p in paragraphs[: last_comma + 1])
    operative = tuple(replace(p, part="operative") for p in paragraphs[last_comma + 1 :])
    return preamble, operative


def _placed(found: list[tuple[Revision, int]], resolution: Resolution, formula: int) -> tuple[Revision, ...]:
    """Each revision named by the unit it stands in: the unit that starts at its paragraph or,
    for a paragraph joined to another or a sub-paragraph's, the last unit that starts before."""
    units: list[tuple[int, str]] = [(formula, "formula")]
    for index, paragraph in enumerate(resolution.all_paragraphs(), start=1):
        label = paragraph.num or f"¶{index}"
        name = f"{paragraph.part} paragraph {label}"
        if paragraph.span is not None:
            for section in paragraph.sections:
                if section.span is not None:
                    units.append((section.span.line, f"heading {section.label}"))
            units.append((paragraph.span.line, name))
        for item in paragraph.items:
            for unit in (item, *item.items):
                if unit.span is not None:
                    units.append((unit.span.line, f"sub-paragraph {unit.num or ''} of {name}".replace("  ", " ")))
    if resolution.closing is not None and resolution.closing.span is not None:
        units.append((resolution.closing.span.line, "closing"))
    units.sort()
    placed: list[Revision] = []
    for revision, ordinal in found:
        if revision.where:
            placed.append(revision)
            continue
        where = "header"
        for line, name in units:
            if line > ordinal:
                break
            where = name
        placed.append(replace(revision, where=where))
    return tuple(placed)
