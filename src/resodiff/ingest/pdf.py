"""Reader for PDF: the printed resolution, as the UN issues it, back into the model.

A PDF holds glyphs at places on pages, in fonts. The reader rebuilds what the page shows and
hands it to the text reader in the text form the seed's converter writes, so that paragraphs,
sub-paragraphs, headings, references and the header are recognised in one place whatever the
input form:

- glyphs are gathered into rows by their baseline; a smaller glyph raised above a row's
  baseline is a superscript of that row (a footnote's call, or the ``er`` of ``1er``);
- italic and bold come from the font's name (``Italic``, ``Oblique``, ``Bold``);
- a row is put in reading order: left to right, or, where it holds right-to-left letters
  (Arabic), right to left with its runs of digits and Latin letters left to right;
- the furniture is left out: at each page's edges, the rows that carry the running header or
  footer (the symbol, ``2/6``, the job number, the bar code, and whatever shares a row with them,
  such as "Please recycle");
- the footnote area is the run of rows in smaller type at each page's foot; a note starts
  where a row opens with its number, and its call is the superscript of that number in the text
  (a superscript with no such note stays text: ``1er``, ``39e``);
- rows make blocks: a new block starts after a gap wider than the line spacing, after a row
  that stops short of the right margin, or where the alignment changes (centred headings, the
  right-aligned closing); a paragraph cut by a page break goes on across the page's footnotes
  when its last row was full and the next page's first row is not indented further.

Positions are those of the printed page: ``SourceSpan(file, line, column, page)``, the line
counted within its page (every row of text on the page, furniture included).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from operator import attrgetter
from typing import TypeVar

from ..errors import InputError, ResodiffError
from ..model import Classification, Reference, Resolution, SourceSpan, Text, Voting, WorkflowStep
from ..typography import CJK_TEXT, SUPERSCRIPT_DIGITS
from .header import find_formula, symbol_in
from .pdfglyphs import SPACES, Glyph, page_glyphs
from .text import _INDENTED_LABEL, _ITEM, is_furniture, read_text
from .text_marks import HARD_BREAK, put_emphasis_mark

#: what a Markdown reading of the text must not take for markup
_MARKUP = re.compile(rf"([\\*\[\]^_|<{SUPERSCRIPT_DIGITS}])")
_MARKUP_CHARACTERS = frozenset("\\*[]^_|<" + SUPERSCRIPT_DIGITS)
_NUMBER = re.compile(r"^\d+(?:/\d+)?\.$")
#: a row that opens with a paragraph's number
_NUMBERED = re.compile(r"^(\d+\.)\s")
#: what ends a paragraph (Arabic and Chinese have their own commas and stops), and what may
#: close after it
_FINAL = tuple(",;:.!?،؛。，；：！？")
_CLOSERS = "\"'»”’)]）」』"
_JOB = re.compile(r"^\d{2}-\d{5} \([A-Z]\)$")
#: a glyph this much smaller than its row, and raised, is a superscript
_SUP_RATIO = 0.85
#: a gap between glyphs, in ems of their size, that stands for a space, and one that separates
#: the parts of a row set apart (a tab, the two sides of the header's first row)
_SPACE_GAP = 0.17
_PART_GAP = 1.2
#: how much wider than the row's widest space between words, in ems, a label's gap may be and
#: still be a space (tabs and hanging indents set a label off by 0.4 em more, or much more)
_WORD_GAP_SLACK = 0.15
#: how close, in points, a word stands to a tab stop to start there (a producer sets a tab stop's
#: place exactly)
_TAB_STOP_TOLERANCE = 0.05
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
#: runs that keep left-to-right order inside a right-to-left row: digits (European or
#: Arabic-Indic) and Latin letters, with what stands between two of them
_LTR_CHAR = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]")
_DIGITS = re.compile(r"(\d+)")
_HYPHENS = ("-", "\u2010", "\u2011", "\u2012", "\u2013")
_BREAKS = (*_HYPHENS, "/")
#: a row that opens with a connector ("and", "et": the language's) and then a compound follows a
#: suspended hyphen ("climate-" / "and environment-responsive"; not "full-" / "day high-level")
_SUSPENDED = re.compile(r"(\w+) \w+-\w")
_SEPARATOR = re.compile(r"[./,:\-\u2013]")
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)|\.[a-z]{2,4}/")
_CJK = re.compile(f"[{CJK_TEXT}]")
#: the quotation marks, dot and ellipsis that Chinese sets full width beside its characters
_CJK_PUNCTUATION = re.compile(r"[\u2018-\u201d\u2026\u00b7]")
_LEFT = attrgetter("x0")
#: how a sub-paragraph is set off in the text form (any indent would do)
_SUB_INDENT = "    "
_SCANNED = "no text layer: a scanned PDF; resodiff does not do OCR"


@dataclass(slots=True)
class _Row:
    """A printed line: its glyphs in reading order, and where it stands."""

    page: int
    glyphs: list[Glyph]
    baseline: float
    size: float
    x0: float
    x1: float
    rtl: bool
    #: the row's parts, split where a wide gap sets them apart (in reading order)
    parts: list[list[Glyph]] = field(default_factory=list)
    number: int = 0

    @property
    def text(self) -> str:
        return " ".join(_plain(part) for part in self.parts)


def _plain(glyphs: Sequence[Glyph]) -> str:
    return "".join(glyph.text for glyph in glyphs).strip()


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    rows: list[_Row]


def read_pdf(data: bytes, *, file: str | None = None) -> Resolution:
    """Read a resolution from the bytes of a PDF file."""
    pages = _read_pages(data, file)
    if not any(page.rows for page in pages):
        raise InputError(_SCANNED, file=file)
    writer = _Writer(pages, file)
    text, origins = writer.write()
    try:
        resolution = read_text(text, file=file, indented_items=True)
    except ResodiffError as error:
        raise _relocated_error(error, origins) from None
    resolution = _relocated(resolution, origins, file)
    if writer.job_number is None:
        return resolution
    return replace(resolution, meta=replace(resolution.meta, job_number=writer.job_number))


# --- glyphs and rows ---------------------------------------------------------------------------


def _read_pages(data: bytes, file: str | None) -> list[_Page]:
    """The pages' rows. The writing direction is the document's: a row of digits and Latin
    letters in an Arabic document (a footnote that is a symbol) is set right to left too."""
    pages = [(number, width, _lines(glyphs)) for number, width, glyphs in page_glyphs(data, file)]
    letters = [g.text for _, _, lines in pages for line in lines for g in line if g.text.isalpha()]
    rtl = 2 * sum(1 for text in letters if _RTL.match(text)) > len(letters)
    return [
        _Page(number, width, _with_lone_calls(_numbered([_row(number, line, rtl) for line in lines])))
        for number, width, lines in pages
    ]


def _numbered(rows: list[_Row]) -> list[_Row]:
    for number, row in enumerate(rows, start=1):
        row.number = number
    return rows


def _with_lone_calls(rows: list[_Row]) -> list[_Row]:
    """The rows with each call that the line breaking pushed onto a line of its own (WeasyPrint
    sets the call after a full row's last word alone on the next line) taken in as the last
    superscript of the row before: a number in smaller type whose baseline stands less than that
    row's size below it, which no row of text does (a line is at least its size below the one
    before), so it is raised above a line of its own. Its row keeps its number: the lines of a
    page are counted as printed."""
    kept: list[_Row] = []
    for row in rows:
        before = kept[-1] if kept else None
        digits = [g for g in row.glyphs if g.text not in SPACES]
        if (
            before is not None
            and all(g.text.isdigit() for g in digits)
            and row.size < before.size * _SUP_RATIO
            and row.baseline - before.baseline < before.size
        ):
            for glyph in digits:
                glyph.sup = True
            before.glyphs.extend(digits)
            before.parts[-1].extend(digits)
            continue
        kept.append(row)
    return kept


def _lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """The page's printed lines, top to bottom: glyphs on one baseline, with the superscripts
    raised above it and the marks set apart from it (a hamza, a vowel sign)."""
    glyphs = sorted(glyphs, key=lambda g: g.baseline)
    lines: list[list[Glyph]] = []
    for glyph in glyphs:
        if lines and glyph.baseline - lines[-1][0].baseline <= 0.5:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    kept: list[list[Glyph]] = []
    for index, line in enumerate(lines):
        below = lines[index + 1] if index + 1 < len(lines) else None
        if below is not None and below[0].baseline - line[0].baseline < (size := _size(below)) * 0.6:
            start = min(g.x0 for g in below)
            left = start - 2 * size
            right = max(g.x1 for g in below) + 2 * size
            # a note's number alone before its row stands as far off as justification spreads
            # the space after it
            digits = [g for g in line if g.text not in SPACES]
            if all(g.text.isdigit() for g in digits) and max(g.x1 for g in digits) <= start:
                left = min(left, min(g.x0 for g in digits))
            rest = []
            for glyph in line:
                if glyph.x1 - glyph.x0 < 0.01 and size * 0.8 <= glyph.size:
                    # a mark of the row below, set on a baseline of its own; one that maps to
                    # no letter or mark is a producer's artefact
                    if unicodedata.category(glyph.text[:1])[0] in "LM":
                        below.append(glyph)
                elif glyph.size < size * _SUP_RATIO and left <= glyph.x0 <= right:
                    # smaller glyphs raised above the next row's baseline, beside its glyphs,
                    # are its superscripts; the rest stays a row (a smaller column beside a title)
                    glyph.sup = True
                    below.append(glyph)
                else:
                    rest.append(glyph)
            line = rest
        if any(g.text.strip() for g in line):
            kept.append(line)
    return kept


def _size(line: Sequence[Glyph]) -> float:
    """The size most of the line's glyphs have (the first to come of the commonest)."""
    sizes = [g.size for g in line if not g.sup and g.text.strip()]
    if not sizes:
        return 0.0
    # most lines are set in one size: a size that more than half the glyphs have is it
    if sizes.count(sizes[0]) * 2 > len(sizes):
        return sizes[0]
    return Counter(sizes).most_common(1)[0][0]


def _row(page: int, line: list[Glyph], rtl: bool) -> _Row:
    body = [g for g in line if not g.sup] or line
    size = _size(body) or line[0].size
    # a zero-width mark (the hamza LibreOffice sets on a lam-alef) stands where its centre is
    line.sort(key=(lambda g: g.x0 + g.x1) if rtl else _LEFT)
    line = _clusters(line)
    if not rtl:
        _calls_after_punctuation(line)
    parts: list[list[Glyph]] = [[]]
    previous: Glyph | None = None
    for glyph in line:
        if glyph.text in SPACES:
            if parts[-1] and parts[-1][-1].text not in SPACES:
                parts[-1].append(glyph)
            previous = glyph  # the producer's own space: the gap after it is no second one
            continue
        if glyph.x1 - glyph.x0 < 0.01:
            parts[-1].append(glyph)  # a mark set over its letter: no gap before or after it
            continue
        if previous is not None:
            gap = glyph.x0 - previous.x1
            # a superscript's gap is measured in the row's ems: it is set close to its word
            em = max(glyph.size, previous.size) if glyph.sup or previous.sup else min(glyph.size, previous.size)
            if gap > em * _PART_GAP and not (glyph.sup or previous.sup):
                parts.append([])
            elif (
                gap > em * _SPACE_GAP
                and parts[-1]
                and parts[-1][-1].text not in SPACES
                and not _cjk_pair(previous, glyph)
            ):
                parts[-1].append(Glyph(" ", previous.x1, glyph.x0, glyph.baseline, em, False, False))
        parts[-1].append(glyph)
        previous = glyph
    if rtl:
        parts = [_logical(part) for part in reversed(parts)]
    parts = [part for part in map(_strip, parts) if part]
    glyphs: list[Glyph] = []
    for part in parts:
        if glyphs:
            # a wide gap inside a row (a tab, justified spacing) is still a space between words
            glyphs.append(Glyph(" ", glyphs[-1].x1, part[0].x0, part[0].baseline, size, False, False))
        glyphs.extend(part)
    return _Row(
        page,
        glyphs,
        min(g.baseline for g in body),
        size,
        # a row's extent is its superscripts' too: a call may end a full row
        min(g.x0 for g in line),
        max(g.x1 for g in line),
        rtl,
        parts,
    )


def _clusters(line: list[Glyph]) -> list[Glyph]:
    """The glyphs of a line with each mark that maps to its whole cluster (WeasyPrint maps the
    damma over an alef-hamza to "أُ") taken as that cluster, not as a second letter."""
    dropped: set[int] = set()
    for index, glyph in enumerate(line):
        if glyph.x1 - glyph.x0 >= 0.01 or len(glyph.text) < 2:
            continue
        for base in line[max(0, index - 1) : index + 2 : 2]:
            if base.x0 <= glyph.x0 <= base.x1 and glyph.text.startswith(base.text) and base is not glyph:
                base.text = glyph.text
                dropped.add(index)
                break
    return [glyph for index, glyph in enumerate(line) if index not in dropped] if dropped else line


def _calls_after_punctuation(line: list[Glyph]) -> None:
    """A superscript drawn over the punctuation mark after it (WeasyPrint sets a call that
    follows a comma so): the page cannot order the two, and a call follows the punctuation."""
    for index in range(len(line) - 1):
        glyph, after = line[index], line[index + 1]
        if (
            glyph.sup
            and not after.sup
            and after.x0 < glyph.x1 - 0.1
            and unicodedata.category(after.text[:1]).startswith("P")
        ):
            line[index], line[index + 1] = after, glyph


def _cjk_pair(a: Glyph, b: Glyph) -> bool:
    """Justified Chinese spreads its characters: a gap between two of them, or between one and
    a letter or digit, is no space (one after Western punctuation is: ``79/9. 联合国``)."""
    pair = (a.text[-1:], b.text[:1])
    return any(_CJK.match(c) for c in pair) and all(
        _CJK.match(c) or _CJK_PUNCTUATION.match(c) or c.isalnum() for c in pair
    )


def _strip(part: list[Glyph]) -> list[Glyph]:
    start, end = 0, len(part)
    while start < end and part[start].text == " ":
        start += 1
    while end > start and part[end - 1].text == " ":
        end -= 1
    return part[start:end]


def _logical(visual: list[Glyph]) -> list[Glyph]:
    """A right-to-left part in reading order: reversed, but for its runs of digits and Latin
    letters, which read left to right. A run holds what stands between two of its characters
    where a bidirectional layout keeps it in the run: a separator inside a number or a symbol
    (``24-21657``, ``A/79/L.9``); a bracket or a space next
    to a digit is the right-to-left text's (``24-21657 (A)``); what stands between two Latin
    letters is the run's (``Distr.: General``). Brackets need no turning: the
    glyph a right-to-left line shows mirrored maps to the character written."""
    glyphs = visual[::-1]
    out: list[Glyph] = []
    index = 0
    while index < len(glyphs):
        if not _LTR_CHAR.match(glyphs[index].text[:1]):
            out.append(glyphs[index])
            index += 1
            continue
        end = index + 1
        while end < len(glyphs):
            if _LTR_CHAR.match(glyphs[end].text[:1]):
                end += 1
                continue
            following = end
            while following < len(glyphs) and not _LTR_CHAR.match(text := glyphs[following].text[:1]):
                if _RTL.match(text):
                    break
                following += 1
            if following == len(glyphs) or not _LTR_CHAR.match(glyphs[following].text[:1]):
                break
            between = "".join(g.text for g in glyphs[end:following])
            letters = glyphs[end - 1].text[-1:].isalpha() and glyphs[following].text[:1].isalpha()
            if not (letters or _SEPARATOR.fullmatch(between)):
                break
            end = following
        out.extend(reversed(glyphs[index:end]))
        index = end
    return out


# --- pages into the text form ------------------------------------------------------------------

#: where a line of the text form came from: page, row within the page, column of its first character
_Origin = tuple[int, int, int]


@dataclass(slots=True)
class _Note:
    marker: str
    rows: list[_Row]


class _Writer:
    """Writes the pages in the text form, one line per header part, paragraph and footnote,
    keeping where each line came from."""

    def __init__(self, pages: list[_Page], file: str | None) -> None:
        self.pages = pages
        self.file = file
        self.lines: list[str] = []
        self.origins: list[_Origin] = []
        self.job_number: str | None = None
        rows = [row for page in pages for row in page.rows]
        self.rows = rows
        sizes: Counter[float] = Counter()
        for row in rows:
            sizes.update([g.size for g in row.glyphs if not g.sup and g.text != " "])
        self.size = sizes.most_common(1)[0][0]
        #: the notes not called yet, by number: a call consumes its note's
        self.uncalled: Counter[str] = Counter()
        self.next_note = 1

    def emit(self, text: str, row: _Row, column: int = 1) -> None:
        self.lines.append(text)
        self.origins.append((row.page, row.number, column))
        self.lines.append("")
        self.origins.append((row.page, row.number, column))

    def write(self) -> tuple[str, list[_Origin]]:
        try:
            lang, formula_index = find_formula([row.text for row in self.rows], self.file)
        except ResodiffError as error:
            raise InputError(error.message, file=self.file) from None
        formula = self.rows[formula_index]
        header = self.rows[:formula_index]
        symbol = next((found for row in header for part in row.parts if (found := symbol_in(_plain(part)))), None)
        body: list[_Row] = []
        notes: list[_Note] = []
        for page in self.pages:
            rows = [row for row in page.rows if row.page > formula.page or row.number > formula.number]
            rows = self._without_furniture(rows, symbol, top=page.number > formula.page)
            foot = len(rows)
            while foot > 0 and rows[foot - 1].size < self.size * 0.9:
                foot -= 1
            body.extend(rows[:foot])
            self._notes(rows[foot:], notes, _calls(rows[:foot]))
        self.uncalled = Counter(note.marker for note in notes)
        for row in header:
            # the header's parts set apart on one row (organisation and symbol, the body's name
            # and the distribution) are lines of their own; a number keeps its title ("79/9.")
            column = 1
            pending = ""
            for part in row.parts:
                text = _plain(part)
                if _NUMBER.match(text):
                    pending += text + " "
                    continue
                self.emit(pending + text, row, column)
                column += len(pending + text) + 1
                pending = ""
            if pending:
                self.emit(pending.strip(), row, column)
        self.emit(self.markdown(formula.glyphs), formula)
        written: list[_Written] = []
        blocks = list(self._blocks(body))
        stops = _tab_stops([block[0] for block, kind, _, _ in blocks if kind == "para"])
        for block, kind, sub, spaced in blocks:
            text = self.markdown(_joined(block, lang.connectors), heading=kind == "heading")
            if kind == "heading":
                text = "#" * _heading_level(text) + " " + text
            if kind == "para" and spaced and not _ends(block[-1]) and not _emphasised(block):
                # a paragraph's spacing ended it on the page, or a page break between a row
                # short of the margin and an indented one: the text reader must not join the
                # next to it as to a paragraph cut by a page break (a table's last row, then its
                # note); where a short row before the next at the line spacing ended it, it may
                text += HARD_BREAK
            label = _ITEM.match(text) if kind == "para" else None
            if label is None and kind == "para" and sub:
                # "II. Title" printed indented as a sub-paragraph (DGACM marks some annex
                # chapters' headings so) is one: only the indent tells it from a heading's number
                label = _INDENTED_LABEL.match(text)
            number = _NUMBERED.match(text) if kind == "para" else None
            if label is not None and _label_is_a_word(block[0], label.group(1), stops):
                # a paragraph that opens with a label as its first word stands where paragraphs
                # do: its neighbours' level, not a sub-paragraph's
                written.append((_escaped_label(text, label.group(1)), block[0], False, True))
            elif number is not None and _label_is_a_word(block[0], number.group(1), stops):
                # so does a number (77/100's annexed model form: "1. Statement that …")
                written.append((_escaped_label(text, number.group(1)), block[0], False, False))
            else:
                written.append((text, block[0], sub if label is not None else False, label is not None))
        for text, row, sub in _levelled(written):
            # a sub-paragraph is written indented, as printed, so that the text reader tells it
            # from a paragraph numbered "(a)"
            if sub:
                self.emit(_SUB_INDENT + text, row, 1 - len(_SUB_INDENT))
            else:
                self.emit(text, row)
        for note in notes:
            text = self.markdown(_joined(note.rows, lang.connectors), note=note.marker)
            self.emit(f"[^{note.marker}]: " + text, note.rows[0])
        return "\n".join(self.lines), self.origins

    def _without_furniture(self, rows: list[_Row], symbol: str | None, *, top: bool) -> list[_Row]:
        """The rows of a page without its running header (when ``top``) and footer: rows at the
        page's edges made of furniture (at the foot, a row with any furniture in it: "Please
        recycle" shares the bar code's row)."""

        def furniture(part: list[Glyph]) -> bool:
            text = _plain(part)
            return is_furniture(text) or text == symbol

        start, end = 0, len(rows)
        while top and start < end and all(furniture(part) for part in rows[start].parts):
            start += 1
        while end > start and any(furniture(part) for part in rows[end - 1].parts):
            for part in rows[end - 1].parts:
                if self.job_number is None and _JOB.match(_plain(part)):
                    self.job_number = _plain(part)
            end -= 1
        return rows[start:end]

    def _notes(self, rows: list[_Row], notes: list[_Note], calls: set[str]) -> None:
        """Add the footnotes of a page's foot to ``notes``: a note starts at a row that opens
        with its number (raised, or the next note's); rows before the first such row go on with
        the last note of the page before (a long note is split across pages)."""
        for row in rows:
            marker, rest = _note_start(row, self.next_note, calls)
            if marker is not None:
                self.next_note = int(marker) + 1
                row.glyphs = rest
                notes.append(_Note(marker, [row]))
            elif notes:
                notes[-1].rows.append(row)

    def _blocks(self, rows: list[_Row]) -> Iterator[tuple[list[_Row], str, bool | None, bool]]:
        """The body's rows grouped into blocks, each with its kind (para, heading or closing),
        whether it is printed as a sub-paragraph (None where a single row does not say) and
        whether the page sets it apart from the next: a paragraph's spacing on its page, or a
        page break between a row short of the margin and an indented one."""
        if not rows:
            return
        layout = _Measure(rows, self.size)
        blocks: list[list[_Row]] = [[rows[0]]]
        for before, row in zip(rows, rows[1:], strict=False):
            if layout.continues(blocks[-1], before, row):
                blocks[-1].append(row)
            else:
                blocks.append([row])
        kinds = [layout.kind(block) for block in blocks]
        subs = [layout.sub_paragraph(block) for block in blocks]
        # where the document sets its sub-paragraphs' first rows elsewhere than its paragraphs'
        # (LibreOffice indents a sub-paragraph as a whole), a row where paragraphs start is one
        items = [
            layout.start(block[0])
            for block, kind, sub in zip(blocks, kinds, subs, strict=True)
            if sub and kind == "para" and _ITEM.match(block[0].text)
        ]
        apart = bool(items) and all(abs(start - layout.indent) > self.size * 0.5 for start in items)
        if not items:
            # with no sub-paragraph printed to compare with, a label where the document's
            # numbered paragraphs start is a paragraph's: DGACM sets a sub-paragraph's further in
            numbered = {
                round(layout.start(block[0]))
                for block, kind in zip(blocks, kinds, strict=True)
                if kind == "para" and _NUMBERED.match(block[0].text)
            }
            subs = [
                False
                if sub is None and any(abs(layout.start(block[0]) - at) <= self.size * 0.5 for at in numbered)
                else sub
                for block, sub in zip(blocks, subs, strict=True)
            ]
        for index, (block, kind, sub) in enumerate(zip(blocks, kinds, subs, strict=True)):
            following = blocks[index + 1][0] if index + 1 < len(blocks) else None
            spaced = following is not None and (
                _commonest_baseline(following) - _commonest_baseline(block[-1]) > layout.spacing
                if following.page == block[-1].page
                # a row short of the margin before a page break, and an indented first row after
                # it: a paragraph ended there (LibreOffice's Arabic may leave a row of a paragraph
                # that goes on short, but not indent the row after it)
                else not layout.full(block[-1]) and layout.start(following) > following.size * 0.5
            )
            yield block, kind, False if sub is None and apart else sub, spaced

    def markdown(self, glyphs: Sequence[Glyph], *, heading: bool = False, note: str | None = None) -> str:
        """Glyphs in the text form: emphasis as ``*`` and ``**``, footnote calls as ``[^1]``,
        other superscripts as ``^{er}``, markup characters escaped. In ``note``, its own number
        raised is no call (a note that repeats its number after the printed one). The blocks are
        written in reading order: a note's first call is its call."""
        out: list[str] = []
        italic = bold = False

        index = 0
        while index < len(glyphs):
            glyph = glyphs[index]
            if glyph.sup:
                end = index
                while end < len(glyphs) and glyphs[end].sup:
                    end += 1
                printed = "".join(g.text for g in glyphs[index:end])
                raised = printed.strip()
                # a space before a superscript is one the page shows ("basis ¹no" where the source
                # has it); a call that a line break pushed to the next row was joined with none
                # a call may be printed in brackets, "(1)" in Arabic: only its number calls the note
                # a note is called once, where its text is given: its number raised again later
                # is a superscript (DGACM writes such a repeated call as a plain <sup>)
                for piece in _DIGITS.split(raised):
                    if self.uncalled[piece] > 0 and piece != note:
                        self.uncalled[piece] -= 1
                        out.append(f"[^{piece}]")
                    elif piece:
                        out.append("^{" + _escape(piece) + "}")
                if printed != printed.rstrip():
                    out.append(" ")  # the space set in the superscript's size ("nº 44")
                index = end
                continue
            styled_bold = glyph.bold and not heading
            if glyph.text != " ":
                if styled_bold != bold:
                    put_emphasis_mark(out, "**", closing=bold)
                    bold = styled_bold
                if glyph.italic != italic:
                    put_emphasis_mark(out, "*", closing=italic)
                    italic = glyph.italic
            out.append(_escape(glyph.text))
            index += 1
        if bold:
            put_emphasis_mark(out, "**", closing=True)
        if italic:
            put_emphasis_mark(out, "*", closing=True)
        return "".join(out).strip()


#: a block as written: its text, first row, whether it is a sub-paragraph (None: the print does
#: not say) and whether it opens with a label
_Written = tuple[str, _Row, bool | None, bool]


def _levelled(written: list[_Written]) -> list[tuple[str, _Row, bool | None]]:
    """The blocks with each labelled one whose print does not say whether it is a
    sub-paragraph (``None``: one row, where paragraphs' first rows start) at the level of the
    nearest labelled block of its run that says (the one before, else the one after), or a
    sub-paragraph, as most labelled blocks are."""
    out = [(text, row, sub) for text, row, sub, _ in written]
    for index, (text, row, sub) in enumerate(out):
        if sub is not None:
            continue
        level = None
        for step in (-1, 1):
            near = index + step
            while 0 <= near < len(out) and level is None and written[near][3]:
                level = out[near][2]
                near += step
            if level is not None:
                break
        out[index] = (text, row, True if level is None else level)
    return out


def _words(row: _Row) -> list[list[Glyph]]:
    """The row's words: its glyphs between spaces, superscripts left out."""
    words: list[list[Glyph]] = [[]]
    for glyph in row.glyphs:
        if glyph.text in SPACES:
            if words[-1]:
                words.append([])
        elif not glyph.sup:
            words[-1].append(glyph)
    return [word for word in words if word]


def _tab_stops(rows: Sequence[_Row]) -> list[float]:
    """Where the word after a label starts on the rows whose label a tab sets off (its gap
    wider than any of the row's spaces between words): the tab stops of the document's labels,
    in order, so that a row is looked up among them by bisection (:func:`_at_stop`), not against
    each (a long annex has thousands of labelled rows)."""
    stops = set()
    for row in rows:
        label = _ITEM.match(row.text) or _NUMBERED.match(row.text)
        if label is not None and (gaps := _label_gaps(row, label.group(1))) and gaps[0][0] > _widest_space(row, gaps):
            stops.add(gaps[0][1])
    return sorted(stops)


def _at_stop(x: float, stops: Sequence[float]) -> bool:
    """Whether ``x`` is at one of the tab stops ``stops`` (in order, :func:`_tab_stops`)."""
    at = bisect_right(stops, x - _TAB_STOP_TOLERANCE)
    return at < len(stops) and stops[at] < x + _TAB_STOP_TOLERANCE


def _label_gaps(row: _Row, label: str) -> list[tuple[float, float]] | None:
    """The gaps between the words of a row that opens with ``label`` and has two spaces or more
    (a row with no second space to compare with does not tell), each with where the word after
    it starts; None for others and for right-to-left rows."""
    words = _words(row)
    if len(words) < 3 or row.rtl or "".join(g.text for g in words[0]) != label:
        return None
    return [(after[0].x0 - before[-1].x1, after[0].x0) for before, after in zip(words, words[1:], strict=False)]


def _widest_space(row: _Row, gaps: list[tuple[float, float]]) -> float:
    """The widest space between the row's words after the first, with the slack a label's
    word space may take beyond it."""
    return max(gap for gap, _ in gaps[1:]) + row.size * _WORD_GAP_SLACK


def _label_is_a_word(row: _Row, label: str, stops: Sequence[float] = ()) -> bool:
    """Whether the label a row opens with is set off from the words after it by no more than
    the row's own spaces between words: then it is the paragraph's first word (DGACM's files
    keep some paragraphs' "(a)" in their text, and print it so), where a number or a
    sub-paragraph's label is set off by a tab or a hanging indent, wider than a space even in
    a justified row. A row with no second space to compare with does not tell, nor one whose
    next word starts at one of the document's tab stops (``stops``, in order: a wide label,
    "(xiii)", leaves its tab little more room than a loosely justified row's spaces)."""
    gaps = _label_gaps(row, label)
    if gaps is None or _at_stop(gaps[0][1], stops):
        return False
    return gaps[0][0] <= _widest_space(row, gaps)


def _escaped_label(text: str, label: str) -> str:
    """The text with its opening label escaped, so that the text reader reads it as words."""
    if label.startswith(("(", "-", "\u2022", "\u2013")):
        return "\\" + text
    return f"{label[:-1]}\\{text[len(label) - 1 :]}"


def _escape(text: str) -> str:
    if len(text) == 1:  # most glyphs are one character: no pattern to run
        return "\\" + text if text in _MARKUP_CHARACTERS else text
    return _MARKUP.sub(r"\\\1", text)


def _heading_level(text: str) -> int:
    """Parts (I., II.) are the first level of headings, their chapters (A., B.) the second."""
    return 2 if re.match(r"[A-Z]\.\s", text) else 1


def _calls(rows: Sequence[_Row]) -> set[str]:
    """The numbers raised in the rows: the calls of the page's notes (and ordinals' digits, which
    no row of the foot opens with)."""
    return {number for row in rows for number in _DIGITS.findall("".join(g.text if g.sup else " " for g in row.glyphs))}


def _note_start(row: _Row, expected: int, calls: set[str]) -> tuple[str | None, list[Glyph]]:
    """The number a footnote row opens with and the rest of its glyphs, or (None, glyphs)."""
    glyphs = row.glyphs
    end = 0
    while end < len(glyphs) and glyphs[end].text.isdigit():
        end += 1
    if end == 0 or end == len(glyphs):
        return None, glyphs
    number = "".join(g.text for g in glyphs[:end])
    # a number at a row's start that is not raised opens a note only where it is the next
    # note's, or a later one called on the page where the next is not (numbering may skip),
    # and stands apart from the words after it: else it is a continued note's own words
    # ("… 31 July" / "2014 (S/INF/69)", "décision" / "1/CP.21", "7-" / "19 December")
    skipped = number in calls and int(number) > expected and str(expected) not in calls
    called = (int(number) == expected or skipped) and glyphs[end].text in SPACES
    if not (all(g.sup for g in glyphs[:end]) or called):
        return None, glyphs
    rest = glyphs[end:]
    while rest and rest[0].text == " ":
        rest = rest[1:]
    return number, rest


def _joined(rows: Sequence[_Row], connectors: frozenset[str]) -> list[Glyph]:
    """The glyphs of a block's rows in one run: rows joined by a space, but after a hyphen or a
    slash (where the line broke inside "2015-2030" or "and/or"; a dash set between spaces keeps
    them, and so does a suspended hyphen: "State-" / "and nation-building") or a symbol's dot,
    before a footnote's call the line pushed to the next row, and in Chinese; the space is italic
    where both sides are."""
    glyphs: list[Glyph] = []
    for row in rows:
        if glyphs and row.glyphs:
            last, first = glyphs[-1], row.glyphs[0]
            # Chinese lines break anywhere, even inside a number ("10月2" / "8日", "72" / "/241"):
            # only two Latin words had a space between them
            chinese = any(_CJK.match(g.text) for g in row.glyphs)
            latin = last.text[-1:].isascii() and last.text[-1:].isalpha() and first.text[:1].isalpha()
            opening = _SUSPENDED.match("".join(g.text for g in row.glyphs[:40]))
            suspended = opening is not None and opening.group(1) in connectors
            broken = (
                last.text.endswith(_BREAKS)
                and len(glyphs) > 1
                and glyphs[-2].text not in SPACES
                and not (suspended and last.text.endswith(_HYPHENS))
            )
            # a symbol broken after its dot ("NPT/CONF." / "2010/50", "1/CP." / "21",
            # "A/66/53/Add." / "1"), not "para." / "21"
            broken = broken or (
                last.text == "."
                and first.text[:1].isdigit()
                and (glyphs[-2].text.isupper() or "/" in _last_word(glyphs))
            )
            # a web address broken before a percent-encoded character ("…/Declaration" /
            # "%20English.pdf"): no word starts with one
            broken = broken or (first.text == "%" and _WEB_ADDRESS.search(_last_word(glyphs)) is not None)
            if not (broken or first.sup or (_cjk_pair(last, first) or chinese and not latin) and not last.sup):
                both = last.italic and first.italic
                glyphs.append(Glyph(" ", last.x1, first.x0, first.baseline, first.size, both, last.bold and first.bold))
        glyphs.extend(row.glyphs)
    return glyphs


def _last_word(glyphs: Sequence[Glyph]) -> str:
    """The text of the glyphs after the last space."""
    start = len(glyphs)
    while start > 0 and glyphs[start - 1].text not in SPACES:
        start -= 1
    return "".join(g.text for g in glyphs[start:])


class _Measure:
    """The body's margins, line spacing and what they say of a row: where it starts and ends
    against the margins (measured inwards, whichever the writing direction)."""

    def __init__(self, rows: list[_Row], size: float) -> None:
        regular = [row for row in rows if row.size == size] or rows
        # the text's edges (a ragged side varies from row to row, the margin is its extreme)
        self.left = min(row.x0 for row in regular)
        self.right = max(row.x1 for row in regular)
        steps = Counter(
            round(b.baseline - a.baseline, 1)
            for a, b in zip(regular, regular[1:], strict=False)
            if a.page == b.page and b.baseline > a.baseline
        )
        # the line spacing is the smallest step between rows (no two rows of text overlap); the
        # commonest is a paragraph's spacing where paragraphs are one line long
        lines = [step for step in steps if step >= size]
        self.pitch = min(lines) if lines else size * 1.2
        # a step that sets paragraphs apart is wider than both: the smallest step may come from
        # a row raised by its marks (Arabic), the commonest be the paragraphs' own spacing
        common = max(lines, key=lambda step: (steps[step], -step)) if lines else self.pitch
        self.spacing = max(self.pitch, common) * 1.25
        self.width = self.right - self.left
        # paragraphs' first lines start this far in (the commonest start off the margin)
        starts = Counter(round(start) for row in regular if (start := self.start(row)) > size * 0.5)
        self.indent = float(starts.most_common(1)[0][0]) if starts else 0.0
        # how short of the far margin a row a paragraph goes on after may fall: as much as the
        # rows that the next row follows at the line spacing, not indented, fall (justified
        # Latin text a fraction of an em, Chinese up to a character), at most an em and a half
        inner = sorted(
            self.shortfall(a)
            for a, b in zip(regular, regular[1:], strict=False)
            if a.page == b.page
            and abs(b.baseline - a.baseline - self.pitch) < 0.5
            and self.start(b) <= self.start(a) + size * 0.5
        )
        self.slack = min(inner[len(inner) * 19 // 20] + size * 0.2, size * 1.5) if inner else size * 1.5

    def sub_paragraph(self, block: list[_Row]) -> bool | None:
        """Whether the block is printed as a sub-paragraph: its later rows indented from the
        margin (a paragraph's go back to it), or its one row further in than paragraphs' first
        lines; None for one row where they start (the print does not say)."""
        if len(block) > 1:
            return min(self.start(row) for row in block[1:]) > block[0].size * 0.5
        start = self.start(block[0])
        if start > self.indent + block[0].size * 0.5:
            return True
        return None if abs(start - self.indent) <= block[0].size * 0.5 else False

    def start(self, row: _Row) -> float:
        return self.right - row.x1 if row.rtl else row.x0 - self.left

    def shortfall(self, row: _Row) -> float:
        return row.x0 - self.left if row.rtl else self.right - row.x1

    def centred(self, row: _Row) -> bool:
        """Whether the row is a heading's: centred, and set in bold or italics (a ragged row
        may stand centred by chance)."""
        start, end = self.start(row), self.shortfall(row)
        if not (start > row.size * 2 and end > row.size * 2 and abs(start - end) < row.size * 0.3):
            return False
        letters = [g for g in row.glyphs if g.text.strip()]
        return sum(g.bold or g.italic for g in letters) >= len(letters) * 0.8

    def end_aligned(self, row: _Row) -> bool:
        return self.shortfall(row) < row.size * 0.5 and self.start(row) > self.width * 0.35

    def full(self, row: _Row) -> bool:
        """Whether the row reaches the far margin, as a justified row that a paragraph goes on
        after does."""
        return self.shortfall(row) < self.slack

    def kind(self, block: list[_Row]) -> str:
        if all(self.centred(row) for row in block):
            return "heading"
        return "closing" if len(block) == 1 and self.end_aligned(block[0]) else "para"

    def continues(self, block: list[_Row], before: _Row, row: _Row) -> bool:
        """Whether ``row`` goes on with the block whose last row is ``before``."""
        if self.end_aligned(before) or self.end_aligned(row):
            return False
        if self.centred(before) != self.centred(row):
            return False
        if row.page != before.page:
            if not self.full(before) or self.centred(before):
                return False
            if len(block) > 1:
                return abs(self.start(row) - self.start(block[1])) < row.size * 0.5
            return self.start(row) < self.start(before) - row.size * 0.5
        if row.baseline - before.baseline > self.pitch * 1.25 or self.start(row) > self.start(before) + row.size:
            return False  # a paragraph's spacing, or a first line's indent
        return self.centred(before) or self.shortfall(before) < self.first_word(row) or not _ends(before)

    @staticmethod
    def first_word(row: _Row) -> float:
        """How wide the row's first word is, with the space before it: a row before it that
        left more room than that at its end ended its paragraph (justified or ragged)."""
        end = next((index for index, g in enumerate(row.glyphs) if g.text == " " or _CJK.match(g.text)), None)
        word = row.glyphs[: max(end or 0, 1)] if end is not None else row.glyphs
        # an em for the space and what the line breaking may not leave at a line's start
        return max(g.x1 for g in word) - min(g.x0 for g in word) + row.size


def _commonest_baseline(row: _Row) -> float:
    """The baseline most of a row's glyphs stand on (a row's own baseline is its highest: a mark
    set on a baseline of its own may raise it)."""
    return Counter(round(g.baseline, 1) for g in row.glyphs if not g.sup).most_common(1)[0][0]


def _emphasised(block: list[_Row]) -> bool:
    """Whether a block is all in bold or italics (a title: the text reader tells it from a
    paragraph by its emphasis, and by its want of a final stop)."""
    letters = [g for row in block for g in row.glyphs if g.text.strip() and not g.sup]
    return all(g.bold or g.italic for g in letters)


def _ends(row: _Row) -> bool:
    """Whether a row ends as a paragraph does: with a comma, a semicolon, a colon or a full stop
    (before a closing quotation mark or bracket, and a footnote's call)."""
    text = "".join(g.text for g in row.glyphs if not g.sup).rstrip().rstrip(_CLOSERS)
    return text.endswith(_FINAL)


def _relocated_error(error: ResodiffError, origins: list[_Origin]) -> ResodiffError:
    """An error of the text form told at its place on the page."""
    if error.line is None or not 1 <= error.line <= len(origins):
        return error
    page, row, column = origins[error.line - 1]
    return type(error)(f"page {page}, line {row}: {error.message}", file=error.file)


_T = TypeVar("_T")
#: nodes that hold no position, at any depth
_UNPLACED = (Text, Reference, WorkflowStep, Classification, Voting, str)


def _relocated(resolution: Resolution, origins: list[_Origin], file: str | None) -> Resolution:
    """The resolution with every position moved from the text form to the printed page."""

    def move(value: _T) -> _T:
        if isinstance(value, SourceSpan):
            page, row, column = origins[min(value.line, len(origins)) - 1]
            return SourceSpan(file, row, column + value.column - 1, page)  # type: ignore[return-value]
        if isinstance(value, tuple):
            return tuple(move(item) for item in value)  # type: ignore[return-value]
        if isinstance(value, _UNPLACED):
            # inline runs carry no position; a footnote's runs are moved with the footnote
            return value
        if is_dataclass(value) and not isinstance(value, type):
            return replace(value, **{f.name: move(getattr(value, f.name)) for f in fields(value)})
        return value

    return move(resolution)
