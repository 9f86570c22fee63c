"""Footnote markers that a converter wrote as plain digits, raised to superscripts again.

``pdftotext`` writes a raised footnote number as an ordinary digit glued to the word
(``efforts2,``) and the footnote at the page's foot as ``2 A/79/302.``; some Markdown converters
do the same. A digit after a word is not a marker by itself (``G77``, a year, ``CO2``), so a
marker is read only where the document bears it out on both sides:

* markers come in order: the next one is the number after the last one found (footnotes are
  numbered through the document, not the page); a footnote whose marker is not found is passed
  over, and the next one's marker is sought from the last one found;
* its footnote is there: a line that opens with that number and a space, after the marker;
* of several such lines (a wrapped line may open ``6 December 2009,``) the footnote is the last
  one before the end of the marker's page, for footnotes stand at the foot of the page, or the
  first one after it, where the footnote went over to the next page; where the text shows no
  pages, the first one that a blank line opens, as a Markdown converter writes it;
* a footnote whose marker is not found between the markers found before and after it has it
  where the text between them holds one number only that ends with its figures: glued to a
  symbol's last part (``5/64`` for ``5/6⁴``) or, where markers stand apart, set apart
  (``Development, 3 Agenda 21,4``) (see :func:`_sole_marker`).

Text that has markers in any other form (``¹``, ``^1``, ``<sup>1</sup>``, ``[^1]``) is left as it
is (:func:`restore_markers`). A raised digit becomes one superscript character, so that a line
keeps its length and its source positions, but where LibreOffice's text set a marker apart from
its word (its space is dropped) and where a column of footnote numbers is put together (see
:func:`join_number_column`): positions there are the line's, not the column's.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Container, Sequence
from dataclasses import dataclass, field, replace

from ..languages import month_key
from ..typography import SUPERSCRIPT_DIGITS, digits_to_superscript

#: markers in the forms the text reader reads as they are (an escaped superscript digit, ``\²``, is
#: the document's text)
_OTHER_MARKERS = re.compile(rf"(?<!\\)[{SUPERSCRIPT_DIGITS}]|\^\d|<sup>|\[\^")
#: how many lines a page's footer may take after its last footnote (``pdftotext`` writes the job
#: number, the bar code and "Please recycle" one a line)
_FOOTER_LINES = 3
#: a line that opens with a number and a space (not an operative paragraph's ``6.`` or ``6 -``,
#: but a footnote whose text is a full stop alone, ``2 .``, as DGACM's files hold some),
#: or a number and a Chinese character, which needs no space (``1伊斯兰会议组织``; not a date's
#: or a number's own word, glued or set apart as LibreOffice sets it: ``3月``, ``6 日``, ``10个``)
#: the Chinese words a number comes before as its own (a date's, a symbol's, a count's)
_COUNTERS = "年月日号项段条届次个"
_NOTE_LINE = re.compile(rf"^(\s*)(\d{{1,3}})([ \t]+(?=[^\s\-–.]|\.\s*$)|(?=[\u3400-\u9fff]))(?![ \t]*[{_COUNTERS}])")
#: Chinese characters, each a word of its own as far as a marker's end is concerned
_HAN = re.compile(r"[\u3400-\u9fff]")
#: a number, and what ends a word after a number that may be a raised one
_DIGITS = re.compile(r"\d+")
_WORD_ENDS = frozenset(' \t\u00a0,.;:)]”’»"*_，。；：、')
#: a symbol that a number ends: a resolution's (``76/37``), a document's (``A/79/302``), a
#: name's (``COVID-19``, with a hyphen or a no-break one). It starts where its token starts and
#: its first separator is the first in the token, so that a run of letters or hyphens is tried
#: once: tried from each character and at each hyphen, 4,000 hyphens took minutes (and the
#: match from the token's start covers any that starts inside it)
_SYMBOL = re.compile(r"(?<![\w./\u2011-])[\w.]*[/\u2011-][\w./\u2011-]*\d")
#: punctuation a marker may follow (Chinese puts it after its full-width comma: 报告，²)
_AFTER_PUNCTUATION = frozenset(",;:，；：、。")
_CLOSERS = ')]”’»"'
#: punctuation that French sets apart from the word before by a (no-break) space
_SPACED_PUNCTUATION = frozenset(";:!?»")
#: a number of a range or a list (``3 au 6``, ``13 and 14,``)
_SMALL_NUMBER = re.compile(r"\d{1,3}[,;.]?")
#: the abbreviations that a number follows after a full stop: parts of document symbols
#: (``A/79/302/Corr.1``, French ``Rectif.1``) and of references (``vol.2``, ``para.3``)
_NUMBERED_PARTS = frozenset(
    {"Corr", "Rectif", "Add", "Rev", "Amend", "Suppl", "vol", "para", "paras", "chap", "sect", "No", "Nos", "art"}
)
#: how far left of a raised marker's column, at most, the word that it follows may end in
#: ``pdftotext -layout`` (its smaller type takes the columns of the grid differently)
_MARKER_COLUMNS = 3
#: how many of the smallest footnote numbers are tried as the first
_FIRST_NUMBERS_TRIED = 3
_YEAR = re.compile(r"(?:19|20)\d\d")
#: a word of two letters or more (a word on its own where nothing is glued to it: not ``st`` in
#: ``1st``)
_WORD = re.compile(r"[^\W\d_]{2,}(?!\w)")
_ALONE = re.compile(r"(?<!\w)[^\W\d_]{2,}(?!\w)")
#: what a year in a document symbol or a range follows (``S/2024/600``, ``2014-2024``)
_IN_SYMBOLS = ("/", ".")


def restore_markers(
    lines: Sequence[str],
    body: int,
    page_end: Callable[[int], bool],
    decimal_separator: str = ".",
    months: Container[str] = frozenset(),
    numbered: Container[str] = frozenset(),
    endings: Collection[str] = (),
    conjunctions: Container[str] = frozenset(),
    unmarked: Container[str] = frozenset(),
) -> list[str]:
    """``lines`` with their plain-digit footnote markers and numbers raised (see
    :func:`raise_plain_markers`), the footnotes of a column of numbers put together first (see
    :func:`join_number_column`); text whose markers are of another form as it is. Markers may
    stand apart from their words (LibreOffice's, see :func:`_spaced`) where the footnotes'
    numbers stood apart from their texts: in a column of their own, or a tab's width away
    (``1   Resolution 70/1.``, as ``pdftotext -layout`` writes them)."""
    if any(_OTHER_MARKERS.search(line) for line in lines):
        return list(lines)
    joined, column = join_number_column(lines, page_end)
    spaced = column or _tabbed_notes(lines, body, page_end)
    return raise_plain_markers(
        joined,
        body,
        page_end,
        decimal_separator,
        spaced=spaced,
        months=months,
        numbered=numbered,
        endings=endings,
        conjunctions=conjunctions,
        unmarked=unmarked,
    )


def _tabbed_notes(lines: Sequence[str], body: int, page_end: Callable[[int], bool]) -> bool:
    """Whether lines open with a number set apart from their text by more than one space, as a
    tab sets a footnote's number: two such lines at least, or one set apart at a page's foot (a
    document's only footnote; a table's row stands among its others, not alone before the
    page's end)."""
    tabbed = [index for index in range(body, len(lines)) if _tab_numbered(lines[index])]
    return len(tabbed) >= 2 or any(_at_page_foot(lines, index, page_end) for index in tabbed)


def _tab_numbered(line: str) -> bool:
    match = _NOTE_LINE.match(line)
    return match is not None and len(match.group(3)) > 1


def _at_page_foot(lines: Sequence[str], index: int, page_end: Callable[[int], bool]) -> bool:
    """Whether the line at ``index`` opens a block of its own (after a blank line, or right after
    the page's text, which no line that opens with a number ends, as a table's rows do) after
    which the page holds no more than its footer (``pdftotext -layout`` writes the job number, bar code
    and "Please recycle" on one line; the page's end is the form feed after it)."""
    if index == 0 or _NOTE_LINE.match(lines[index - 1]):
        return False
    after = index + 1
    while after < len(lines) and lines[after].strip() and not page_end(after):
        after += 1
    left = 0
    while after < len(lines) and not page_end(after):
        left += bool(lines[after].strip())
        after += 1
    return left <= _FOOTER_LINES


def raise_plain_markers(
    lines: Sequence[str],
    body: int,
    page_end: Callable[[int], bool],
    decimal_separator: str = ".",
    *,
    spaced: bool = False,
    months: Container[str] = frozenset(),
    numbered: Container[str] = frozenset(),
    endings: Collection[str] = (),
    conjunctions: Container[str] = frozenset(),
    unmarked: Container[str] = frozenset(),
) -> list[str]:
    """``lines`` with the plain-digit footnote markers (the title's too) and the footnotes'
    numbers (from line ``body`` on, after the header) written as superscripts;
    ``page_end(index)``: whether the line at ``index`` ends a page or is a page's furniture;
    ``decimal_separator``: the language's (``3,6 millions`` is a number in French); ``spaced``:
    whether a marker may stand apart from its word by a space (see :func:`_spaced`), which is
    then dropped; ``months``: the language's month names (:func:`~resodiff.languages.month_key`),
    which a day, no marker, stands before; ``numbered``: the words (in lower case) that a number
    set apart after them numbers (``paragraph 7``, ``Goal 3``), no marker; ``endings``: the
    language's raised endings (``1er``), no word that a marker may stand before;
    ``conjunctions``: the words that join the numbers of a list (``and``; lower case);
    ``unmarked``: the words that a marker never follows (``the``, ``de``; lower case), after
    which a number set apart is one."""
    out = list(lines)
    note_lines: dict[int, list[int]] = {}
    for index in range(body, len(lines)):
        if match := _NOTE_LINE.match(lines[index]):
            note_lines.setdefault(int(match.group(2)), []).append(index)
    if not note_lines:
        return out
    symbols = Counter(token for line in lines for token in _SYMBOL.findall(line))
    words = frozenset(word for line in lines for word in _ALONE.findall(line) if word.islower()) - frozenset(endings)
    repeated = Counter(stripped for line in lines if (stripped := line.strip()))
    furniture = frozenset(line for line, count in repeated.items() if count > 1)
    reading = _Reading(decimal_separator, spaced, months, symbols, numbered, words, conjunctions, unmarked, furniture)
    pages = _pages(lines, page_end)
    # the footnotes of a part of a publication go on from the part before (A/RES/77/290 B opens
    # with footnote 2): the first number is the one from which the most markers are found
    firsts = sorted(note_lines)[:_FIRST_NUMBERS_TRIED]
    found = max((_markers(_Text(lines, note_lines, first, pages, reading)) for first in firsts), key=len)
    for index, edits in found.items():
        # from the line's end, as an edit that moves a marker changes the length of what it edits
        for start, end, raised in sorted(edits, reverse=True):
            out[index] = out[index][:start] + raised + out[index][end:]
    return out


@dataclass(frozen=True, slots=True)
class _Reading:
    """What tells a marker from a number in one document."""

    decimal_separator: str
    #: whether a marker may stand apart from its word (see :func:`_spaced`)
    spaced: bool
    months: Container[str]
    #: how often each symbol (``76/37``, ``A/79/302``) is written in the document
    symbols: Counter[str]
    #: the words that a number after them numbers (``paragraph``, ``Goal``; lower case)
    numbered: Container[str] = frozenset()
    #: the words in lower case that the document writes on their own (``and``, ``the``)
    words: Container[str] = frozenset()
    #: the words that join the numbers of a list (``13 and 14``; lower case)
    conjunctions: Container[str] = frozenset()
    #: the words that a marker never follows, articles and prepositions (``the``, ``de``)
    unmarked: Container[str] = frozenset()
    #: the lines written more than once (stripped), a page's furniture
    furniture: Container[str] = frozenset()


#: an edit that raises a marker: where in its line, and what the span becomes
_Edit = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class _Text:
    """The document that one reading of the footnotes' numbers scans (what every step of the
    scan reads and none changes)."""

    lines: Sequence[str]
    #: the lines that open with each footnote's number
    note_lines: dict[int, list[int]]
    #: the number the footnotes are read from
    first: int
    #: each line's page (:func:`_pages`)
    pages: list[int]
    reading: _Reading


#: how many footnotes in a row may be passed over where their markers are not found (``Ltamenah,
#: 10 Saraqib11``: a marker set apart before a capital reads as a number): more, and the reading
#: of the numbers is more likely wrong than the markers missing
_MISSED_IN_A_ROW = 2


@dataclass(slots=True)
class _Chain:
    """The markers of one reading of the footnotes' numbers, as a scan of the lines finds them
    (one scan's working state: a scan that goes on in another way from the last marker found
    starts from a copy, :meth:`from_last`)."""

    #: the footnote whose marker is sought next
    number: int
    #: the edits made, in the order found, with their lines
    edits: list[tuple[int, _Edit]] = field(default_factory=list)
    #: the footnotes' lines taken
    notes: set[int] = field(default_factory=set)
    #: the position after the last marker found (line, column), the share of ``edits`` up to it,
    #: its footnote's line
    at: tuple[int, int] = (0, 0)
    kept: int = 0
    last_note: int = -1
    #: the footnotes passed over since the last marker found
    missed: tuple[int, ...] = ()
    #: a number since the last marker that may be the next one glued to it
    passed: bool = False
    #: where the last marker found ends (line, column), and the footnotes taken since without
    #: theirs (passed over, or in a block of their own)
    marker_end: tuple[int, int] | None = None
    unmarked: tuple[int, ...] = ()
    #: the footnotes taken without their markers between two markers found, with the span from
    #: the one marker's end to the other's start (line, column), where their markers stood
    gaps: tuple[tuple[tuple[int, ...], tuple[int, int], tuple[int, int]], ...] = ()

    def from_last(self) -> _Chain:
        """The chain as it stood when its last marker was found."""
        return replace(self, edits=self.edits[: self.kept], notes=set(self.notes), passed=False)


def _markers(text: _Text) -> dict[int, list[_Edit]]:
    """The markers found when footnotes are numbered from ``text.first``, and each footnote's number
    at the start of its line, by line; nothing where no marker is found (a line ``7 décembre
    2022`` alone, the closing's date, is no footnote, nor after the last footnote). Where a
    marker is not found, the next footnote's is sought from the last marker found (see
    :func:`_resume`), so that one marker that does not read as one loses no other."""
    chain = _scan(text, _Chain(text.first))
    while (resumed := _resume(text, chain)) is not None:
        chain = resumed
    # from the last marker on, to the text's end: the numbers cited again
    chain = _scan(text, chain.from_last(), to_end=True)
    found: dict[int, list[_Edit]] = {}
    for index, edit in chain.edits:
        found.setdefault(index, []).append(edit)
    for numbers, start, end in chain.gaps:
        markers = [_sole_marker(text, number, start, end, chain.notes) for number in numbers]
        # each footnote passed over has its own, in the footnotes' order, or none is sure
        places = [(marker[0], marker[1][0]) for marker in markers if marker is not None]
        if len(places) == len(numbers) and places == sorted(set(places)):
            for index, edit in filter(None, markers):
                found.setdefault(index, []).append(edit)
    return found


def _sole_marker(
    text: _Text, number: int, start: tuple[int, int], end: tuple[int, int], notes: Container[int]
) -> tuple[int, _Edit] | None:
    """The marker ``number`` where its footnote was taken without it between two markers found
    (from ``start`` to ``end``, line and column) and the span bears it out: no number there but
    one ends with the marker's figures (not ``4`` alone or after a space, not ``24``; a
    paragraph's number, ``34.``, a day before its month, ``13 September``, and a
    page's furniture aside), and that one is the marker glued to a symbol's last
    part, the symbol without it one still (``5/6⁴`` written ``5/64``), or, where the converter
    set markers apart (:func:`restore_markers`), the marker's own number set apart after a word
    or a comma (``Development, 3 Agenda 21,4``; not a day before its month, nor a number after
    a word it numbers). Only on that evidence: raised wherever no other number seemed to bear
    the marker, ``resolution 75/74`` became ``75/7⁴`` in real converters' text, where the true
    marker stood apart and went unseen (see :func:`_glued_to_number`); such a marker is a number
    that ends with its figures in the span."""
    wanted, found = str(number), None
    in_notes = False
    for index in range(start[0], end[0] + 1):
        line = text.lines[index]
        # the rest of a page after a footnote taken, and a line written the same on several
        # pages, are the pages' furniture (a job number, the running header's ``A/RES/79/313``),
        # whose figures bear no marker
        in_notes = (in_notes and bool(text.pages) and text.pages[index] == text.pages[index - 1]) or index in notes
        if in_notes or line.strip() in text.reading.furniture:
            continue
        stop = end[1] if index == end[0] else len(line)
        paragraph = _PARAGRAPH_NUMBER.match(line)
        for match in _DIGITS.finditer(line, start[1] if index == start[0] else 0, stop):
            if not match.group().endswith(wanted) or (paragraph and paragraph.end(1) == match.end()):
                continue
            if match.group() != wanted and _day(line, match, text.reading.months):
                continue
            if found is not None:
                return None
            found = index, match
    if found is None:
        return None
    index, match = found
    line = text.lines[index]
    if match.group() == wanted:
        return (
            (index, (match.start() - 1, match.end(), digits_to_superscript(wanted)))
            if _apart(line, match, text.reading)
            else None
        )
    at = match.end() - len(wanted)
    token = _SYMBOL.match(line, _token_start(line, match.start()))
    if token is None or token.end() != match.end() or not _ends_word(line, match.end()):
        return None
    if _SYMBOL.fullmatch(token.group()[: at - match.end()]) is None:
        return None
    return index, _raised(line, at, match.end())


def _day(line: str, match: re.Match[str], months: Container[str]) -> bool:
    """Whether the number ``match`` is a day before its month's name (``of 13 September``),
    which bears no marker glued to its figures."""
    following = line[match.end() :].split(None, 1)
    return bool(following) and month_key(following[0].rstrip(",;:.")) in months


def _apart(line: str, match: re.Match[str], reading: _Reading) -> bool:
    """Whether the number ``match`` stands apart from the word before it as a marker that the
    converter set apart would: in a text whose markers stand apart, one space after a word, a
    number or punctuation that a marker follows, not before a month's name, not after a word
    that it numbers (``paragraph 7``)."""
    at = match.start()
    if (
        not reading.spaced
        or at < 2
        or line[at - 1] != " "
        or not (line[at - 2].isalnum() or line[at - 2] in ",;" + _CLOSERS)
    ):
        return False
    following = line[match.end() :].split(None, 1)
    if following and month_key(following[0].rstrip(",;:.")) in reading.months:
        return False
    word = _word_before(line, at, ".,;")
    return word not in reading.numbered and word not in reading.unmarked


#: a paragraph's number at its line's start, up to its full stop
_PARAGRAPH_NUMBER = re.compile(r"\s*(\d+)\.(?!\d)")


def _resume(text: _Text, chain: _Chain) -> _Chain | None:
    """``chain`` gone on past the footnote whose marker it did not find (or up to
    ``_MISSED_IN_A_ROW`` of them in a row): the next one's marker sought from the last marker
    found, not from a guess at where the missing one stood (a guess too late would pass the next
    marker over), in its surest forms only up to the first one found (:func:`_scan`'s
    ``passed``), and taken only where the footnotes passed over stand between the last one and
    its own (:func:`_missed_notes`). None where no marker was found yet, or none after."""
    if not chain.kept:
        return None
    for count in range(1, _MISSED_IN_A_ROW + 1):
        missed = tuple(range(chain.number, chain.number + count))
        # the footnotes passed over and the one sought are all there, after the last one found
        if not all(
            any(line > chain.last_note for line in text.note_lines.get(number, ()))
            for number in (*missed, chain.number + count)
        ):
            return None
        attempt = chain.from_last()
        attempt.number += count
        attempt.missed, attempt.passed = missed, True
        attempt = _scan(text, attempt)
        if attempt.kept > chain.kept:
            return attempt
    return None


def _scan(text: _Text, chain: _Chain, *, to_end: bool = False) -> _Chain:
    """``chain`` gone on from its last marker: each marker found in order with its footnote, up
    to where no footnote of the number sought is left (to the text's end with ``to_end``, for the
    numbers cited again)."""
    while not _scan_lines(text, chain, to_end):
        pass
    return chain


def _scan_lines(text: _Text, chain: _Chain, to_end: bool) -> bool:
    """One pass of :func:`_scan` from ``chain.at``: false where it stopped to start again from
    the last marker found (:func:`_take_unmarked`)."""
    lines, note_lines, pages, reading = text.lines, text.note_lines, text.pages, text.reading
    start, column = chain.at
    for index in range(start, len(lines)):
        if not to_end and index > max(note_lines.get(chain.number, ()), default=-1):
            break
        line, number = lines[index], chain.number
        if index in chain.notes:
            continue
        whole = index > start or not column  # the line is scanned from its start
        if (
            whole
            and index in note_lines.get(number, ())
            and index
            and not lines[index - 1].strip()
            and chain.marker_end is not None
            and any(later > index for later in note_lines.get(number + 1, ()))
        ):
            # a footnote in a block of its own whose marker was not found (``16⁴`` written
            # ``164``), between footnotes: the footnotes after it are still found, the next
            # one's sought again from the last marker found where few were passed over (so
            # that each stretch of text is scanned again a bounded number of times)
            if len(chain.unmarked) < _MISSED_IN_A_ROW:
                if _take_unmarked(chain, text, index, chain.marker_end):
                    return False
            elif _advance(chain, text, index, [], (index + 1, 0)):
                continue
        if whole and line.strip() == str(number) and (before := _line_before(lines, index, pages)) is not None:
            note = _footnote_line(note_lines.get(number, []), index, lines, pages)
            # a raised marker that the converter wrote on a line of its own after the line it
            # ends: it goes back to that line's end
            start, end = _printed_place(lines[before], line)
            moved = [(before, (start, end, digits_to_superscript(line.strip()))), (index, (0, len(line), ""))]
            if note is not None and _advance(chain, text, note, moved, (before, end)):
                # the next marker may stand in that line after the word (``Peoples 3 and``,
                # the raised ``2`` under ``Rights,`` before it): sought from there
                return False
        for match in _DIGITS.finditer(line, 0 if whole else column):
            number = chain.number
            edit = _next_marker(line, match, number, reading)
            note = _footnote_line(note_lines.get(number, []), index, lines, pages) if edit else None
            if edit and note is not None and edit[0] < match.start() and _glued_later(text, index, match, note):
                # a number set apart ("only 5 per cent") where the marker stands glued to its
                # word further on, before its footnote ("Jerusalem,5"): the surer form is it
                edit = None
            if edit is None and _glued_to_number(line, match, number, reading):
                # a marker glued to a number (``Action 21⁵`` written ``Action 215``), in a text
                # whose markers are plain digits (some are found already): where no other place
                # since the last marker and up to its footnote may be that marker
                note = _footnote_line(note_lines.get(number, []), index, lines, pages)
                sure = bool(chain.kept) and not chain.passed
                if sure and note is not None and _only_place(text, index, match.end(), note, number, chain.notes):
                    edit = _raised(line, match.end() - len(str(number)), match.end())
                chain.passed = True
            elif (
                edit is None
                and chain.kept
                and not chain.passed
                and _spaced(line, match.start(), len(match.group()), reading)
            ):
                # a marker that DGACM's file sets apart from its word (``développement ¹⁰,``),
                # in a text whose markers are plain digits: where that number is written
                # nowhere else up to its footnote
                note = _footnote_line(note_lines.get(number, []), index, lines, pages)
                if match.group() == str(number) and note is not None and _alone(lines, index, match, note):
                    edit = _raised(line, *match.span())
            if edit and note is not None and _advance(chain, text, note, [(index, edit)], (index, match.end())):
                continue
            if (
                _ends_word(line, match.end())
                and text.first <= int(match.group()) < number
                and _cited_again(line, match.start())
            ):
                chain.edits.append((index, _raised(line, *match.span())))
    return True


def _take_unmarked(chain: _Chain, text: _Text, note: int, marker_end: tuple[int, int]) -> bool:
    """Take the footnote at line ``note`` without its marker, the next one's sought again from
    the last marker found (``marker_end``), as :func:`_resume` seeks it, in its surest forms:
    that marker may stand before this footnote (``VIII/1914 and … DEC/2/7,15``, footnotes 14
    and 15 in blocks of their own after the paragraph). False, and nothing taken, where the
    footnotes passed over are not there (:func:`_advance`)."""
    # the numbers cited again since the last marker are found again by the scan from it
    cited = chain.edits[chain.kept :]
    del chain.edits[chain.kept :]
    if not _advance(chain, text, note, [], marker_end):
        chain.edits.extend(cited)
        return False
    chain.passed = True
    return True


def _advance(chain: _Chain, text: _Text, note: int, edits: list[tuple[int, _Edit]], at: tuple[int, int]) -> bool:
    """Take the marker of ``chain.number`` (its ``edits``, its footnote's line ``note``) and the
    footnotes passed over before it, the scan to go on ``at`` (line, column); false, and nothing
    taken, where those footnotes are not there (:func:`_missed_notes`)."""
    missed = _missed_notes(chain, text.note_lines, note)
    if missed is None:
        return False
    unmarked = chain.unmarked + chain.missed + (() if edits else (chain.number,))
    if edits and unmarked and chain.marker_end is not None:
        chain.gaps += ((unmarked, chain.marker_end, (edits[0][0], edits[0][1][0])),)
    chain.unmarked, chain.marker_end = ((), at) if edits else (unmarked, chain.marker_end)
    chain.edits.extend(edits)
    for line in (*missed, note):
        chain.notes.add(line)
        chain.edits.append((line, _note_number(text.lines[line])))
    chain.number += 1
    chain.at, chain.kept, chain.last_note = at, len(chain.edits), note
    chain.missed, chain.passed = (), False
    return True


def _missed_notes(chain: _Chain, note_lines: dict[int, list[int]], note: int) -> list[int] | None:
    """The lines of the footnotes passed over before the one at line ``note``: for each, the last
    line of its number between the footnote before and the one after it (footnotes stand in
    order); None where one is not there, for then the marker found is none of this reading."""
    placed: list[int] = []
    upper = note
    for number in reversed(chain.missed):
        between = [line for line in note_lines.get(number, ()) if chain.last_note < line < upper]
        if not between or between[-1] in chain.notes:
            return None
        upper = between[-1]
        placed.insert(0, upper)
    return placed


def _line_before(lines: Sequence[str], index: int, pages: list[int]) -> int | None:
    """The line of text before the line at ``index`` (blank lines aside), on the same page, where
    it ends as a word or punctuation does (not a number alone: a column of footnote numbers, a
    paragraph's number)."""
    before = index - 1
    while before >= 0 and not lines[before].strip():
        before -= 1
    if before < 0 or (pages and pages[before] != pages[index]):
        return None
    text = lines[before].rstrip()
    if _NUMBER_ALONE.match(text) or not (text[-1].isalpha() or text[-1] in _WORD_ENDS):
        return None
    return before


def _printed_place(before: str, marker: str) -> tuple[int, int]:
    """Where in the line ``before`` a marker written on a line of its own goes (the span it
    takes): its line's end, but ``pdftotext -layout`` writes the marker at its printed column,
    under the line, right after the word that it follows, which may be any of the line's. Where
    the marker stood, before a comma or a full stop, the line keeps a space that no text writes
    there (``de 1977 , lorsqu’il``): the marker takes it, the line's only one (plain
    ``pdftotext``, which writes no column) or the one at its column."""
    end = len(before.rstrip())
    column = len(marker) - len(marker.lstrip())
    holes = [hole.start() for hole in _HOLE.finditer(before, 0, end)]
    if not column:
        return (holes[0], holes[0] + 1) if len(holes) == 1 else (end, end)
    near = [at for at in holes if column - _MARKER_COLUMNS <= at <= column]
    if near:
        return near[-1], near[-1] + 1
    word_ends = [
        at
        for at in range(max(1, column - _MARKER_COLUMNS), min(column, end) + 1)
        if not before[at - 1].isspace() and (at == len(before) or before[at].isspace())
    ]
    at = word_ends[-1] if word_ends else end
    return at, at


#: a space between a word and the comma or full stop after it, where a raised marker stood
_HOLE = re.compile(r"(?<=\w) (?=[,.](?:\s|$))")


def _only_place(text: _Text, index: int, at: int, note: int, number: int, notes: Container[int]) -> bool:
    """Whether no number from ``at`` in line ``index`` up to the footnote's line ``note`` may be
    the marker ``number`` (:func:`_next_marker`, :func:`_glued_to_number`); footnotes aside: the
    lines that open with a number and, where the text shows pages, the rest of the page after a
    footnote taken already (``notes``: a footnote's text, ``numéro de vente : F.93.I.8``, holds
    no marker)."""
    lines, pages, reading = text.lines, text.pages, text.reading
    # a number before the punctuation that ends a clause (``3/COP.15²,``) bears a marker rather
    # than one that a word follows, which counts it (``112 Parties``: no ``11²``)
    punctuated = lines[index][at : at + 1] in _CLAUSE_ENDS
    in_notes = False
    for place in range(index, note):
        line = lines[place]
        in_notes = (in_notes and bool(pages) and pages[place] == pages[place - 1]) or place in notes
        if in_notes or (place > index and _NOTE_LINE.match(line)):
            continue
        for match in _DIGITS.finditer(line, at if place == index else 0):
            if _next_marker(line, match, number, reading):
                return False
            if _glued_to_number(line, match, number, reading) and not (punctuated and _counts(line, match.end())):
                return False
    return True


#: the punctuation that ends a clause, which a marker comes before
_CLAUSE_ENDS = frozenset(",;:")


def _counts(line: str, end: int) -> bool:
    """Whether the number that ends at ``end`` is followed by a word on its line, as a count is
    (``112 Parties``)."""
    return line[end : end + 1].isspace() and line[end + 1 : end + 2].isalpha()


def _glued_later(text: _Text, index: int, match: re.Match[str], note: int) -> bool:
    """Whether the number ``match`` (in line ``index``) is written again after it, up to the
    footnote's line ``note``, glued to its word as a raised marker is (:func:`_glued`); footnotes'
    lines aside."""
    digits = match.group()
    for place in range(index, note):
        line = text.lines[place]
        if place > index and _NOTE_LINE.match(line):
            continue
        for other in _DIGITS.finditer(line, match.end() if place == index else 0):
            if (
                other.group() == digits
                and _ends_word(line, other.end())
                and _glued(line, other.start(), len(digits), text.reading.decimal_separator)
            ):
                return True
    return False


def _alone(lines: Sequence[str], index: int, match: re.Match[str], note: int) -> bool:
    """Whether the number ``match`` (in line ``index``) is written nowhere else up to the
    footnote's line ``note``, as a number of its own or a number's end; footnotes' lines aside."""
    digits = match.group()
    for place in range(index, note):
        if place > index and _NOTE_LINE.match(lines[place]):
            continue
        for other in _DIGITS.finditer(lines[place], match.end() if place == index else 0):
            if other.group().endswith(digits):
                return False
    return True


def _glued_to_number(line: str, match: re.Match[str], number: int, reading: _Reading) -> bool:
    """Whether a number (``match``) may be another one with the marker ``number`` glued to it
    (``Action 21⁵``, ``COVID-19¹⁴``, ``758¹⁴`` written ``Action 215``, ``COVID-1914``,
    ``75814``): it ends with the marker's digits and a word, is longer, and is no year
    (``2015`` is no ``201⁵``), no part of a decimal (``73.8``) or a day before its month (``13
    novembre``, ``22 et 23 septembre``), nor the last of a range (``32 à 44``), nor a number
    after a word that it numbers (``chapitre 17``: the marker ``7`` is sought further on), nor a
    line's first word (a paragraph's or a footnote's number), nor a symbol's last part
    (``76/482``: a symbol not written elsewhere keeps its figures, see :func:`_glued_to_symbol`).
    ``5/6⁴`` written ``5/64`` is found after the scan, where the markers on both sides of it are
    and nothing else may bear it (:func:`_sole_marker`): raising it here where no other number
    seemed to bear the marker made real converters' ``resolution 75/74`` ``75/7⁴`` and ``64/27``
    ``64/2⁷`` wherever the true marker went unseen, and a symbol changed is worse than a marker
    missed."""
    digits = match.group()
    following = line[match.end() :].split(None, 1)
    return (
        line[: match.start()].strip() != ""  # a line's first word, indented or not (``-layout``)
        and len(digits) > len(str(number))
        and digits.endswith(str(number))
        and _ends_word(line, match.end())
        and line[match.start() - 1] != "/"
        and not line[match.end() + 1 : match.end() + 2].isdigit()  # "73.8" is one number
        and _YEAR.fullmatch(digits) is None
        and not (following and month_key(following[0].rstrip(",;:.")) in reading.months)
        and not _day_in_list(line[match.end() :], reading.months)
        and not _ends_range(line[: match.start()], reading.conjunctions)
        and not (line[match.start() - 1].isspace() and _word_before(line, match.start(), ".") in reading.numbered)
    )


def _ends_range(before: str, conjunctions: Container[str]) -> bool:
    """Whether the text ``before`` a number opens a range of numbers that the number ends (``32
    à 44``): a number, then a short word that is not a list's conjunction (a list's last item
    bears its marker: ``points 5, 6 et 7⁴``)."""
    words = before.split()[-2:]
    return (
        len(words) == 2
        and words[0].rstrip(",;").isdigit()
        and words[1].isalpha()
        and len(words[1]) <= 3
        and words[1].lower() not in conjunctions
    )


def _day_in_list(after: str, months: Container[str]) -> bool:
    """Whether the text ``after`` a number goes on as a list or a range of days does (``22 et 23
    septembre``, ``12 and 13 June``, ``3 au 6 mars``): a short word, a day, a month's name."""
    words = after.split(None, 3)[:3]
    return (
        len(words) == 3
        and words[0].isalpha()
        and len(words[0]) <= 3
        and words[1].isdigit()
        and len(words[1]) <= 2
        and month_key(words[2].rstrip(",;:.")) in months
    )


def _note_number(line: str) -> _Edit:
    """The edit that raises a footnote's own number, at the start of its line (one that
    ``_NOTE_LINE`` found)."""
    match = _NOTE_LINE.match(line)
    assert match is not None, line
    return _raised(line, *match.span(2))


def _raised(line: str, start: int, end: int) -> _Edit:
    return start, end, digits_to_superscript(line[start:end])


def _ends_word(line: str, at: int) -> bool:
    return at == len(line) or line[at] in _WORD_ENDS or _HAN.match(line, at) is not None


def _next_marker(line: str, match: re.Match[str], number: int, reading: _Reading) -> _Edit | None:
    """The edit that raises the marker ``number`` where ``match`` (a number in ``line``) is that
    marker: a number glued to what it follows as a raised marker is (see :func:`_glued`), one set
    apart by a space, which is dropped (see :func:`_spaced`), one glued to a year (``2011⁶``
    written ``20116``) or to a symbol (see :func:`_glued_to_symbol`), or one inside a word (see
    :func:`_in_word`)."""
    digits, (start, end), wanted = match.group(), match.span(), str(number)
    if not _ends_word(line, end):
        if digits != wanted:
            return None
        return _in_word(line, start, end, reading.spaced) or _before_word(line, start, end, reading.words)
    if digits == wanted and _glued(line, start, len(digits), reading.decimal_separator):
        return _raised(line, start, end)
    if digits == wanted and reading.spaced and _spaced(line, start, len(digits), reading):
        return len(line[:start].rstrip(" ")), end, digits_to_superscript(digits)
    if digits == wanted and _after_clause(line, start, end):
        return _raised(line, start, end)
    at = end - len(wanted)
    if digits.endswith(wanted) and at - start == 4 and _is_year(line, at):
        return _raised(line, at, end)
    if digits.endswith(wanted) and at > start and _glued_to_symbol(line, start, at, end, reading.symbols):
        return _raised(line, at, end)
    return None


def _in_word(line: str, start: int, end: int, spaced: bool) -> _Edit | None:
    """The edit for a marker inside a word (``t6he``): DGACM's files have some, a raised number
    after a word's first letter (not after a word: ``du 1er``), and ``pdftotext`` writes them as
    printed (LibreOffice's with a space before: ``t 6he``, which is dropped). Between lower-case
    letters only (not ``G7s``)."""
    letter = start - 2 if spaced and line[start - 1 : start] == " " else start - 1
    if letter < 0 or not (line[letter].isalpha() and line[letter].islower() and line[end].islower()):
        return None
    if letter and line[letter - 1].isalnum():  # not "du 1er": the marker follows a word's first letter
        return None
    return letter + 1, end, digits_to_superscript(line[start:end])


def _before_word(line: str, start: int, end: int, words: Container[str]) -> _Edit | None:
    """The edit for a marker that DGACM's file sets after a space and before the next word
    (``Women ²²and``, written ``Women 22and``): a number after a space or punctuation, glued
    to a word in lower case that the document writes on its own elsewhere (not an ordinal's
    ending: ``2nd``, ``1er``)."""
    word = _WORD.match(line, end)
    if start == 0 or not (line[start - 1].isspace() or line[start - 1] in _AFTER_PUNCTUATION):
        return None
    if word is None or word.group() not in words:
        return None
    return _raised(line, start, end)


def _after_clause(line: str, start: int, end: int) -> bool:
    """Whether a number is a marker that DGACM's file sets apart after the clause it ends
    (``Nuclear Weapons; ³``, ``mondiale » ²⁶;``, ``(Règles de Bangkok) ⁴⁵,``): one space after
    a semicolon or a closing bracket or quote that follows a word (not a number: ``5; 6``),
    then punctuation or the line's end; not after a comma (``the meeting, 2``: where the
    converter set markers apart, see :func:`_spaced`)."""
    after = line[end : end + 1]
    if start < 3 or not line[start - 1].isspace() or not (after == "" or after in ",;:."):
        return False
    if after == "." and line[end + 1 : end + 2].isdigit():
        return False
    mark = line[start - 2]
    if mark not in ";»)”’" or not (line[start - 3].isalpha() or line[start - 3].isspace() or line[start - 3] == ")"):
        return False
    word = line[: start - 2].rstrip(" »").rsplit(None, 1)
    return bool(word) and not any(char.isdigit() for char in word[-1])


def _glued_to_symbol(line: str, start: int, at: int, end: int, symbols: Counter[str]) -> bool:
    """Whether the digits from ``at`` to ``end`` are a marker glued to the symbol before them
    (``76/37⁵`` written ``76/375``): the symbol without them is written elsewhere in the
    document, and with them nowhere else."""
    token = _SYMBOL.match(line, _token_start(line, start))
    if token is None or token.end() != end:
        return False
    return symbols[token.group()[: at - end]] > 0 and symbols[token.group()] == 1


def _token_start(line: str, at: int) -> int:
    while at > 0 and not line[at - 1].isspace() and line[at - 1] not in "([“«":
        at -= 1
    return at


def _cited_again(line: str, at: int) -> bool:
    """Whether a number whose footnote came before is a marker again (a second reference to the
    same instrument): only glued to a word in lower case or a closing bracket or quote, not to
    a capital (``G7``, ``CO2``)."""
    before = line[at - 1 : at] if at else ""
    return (before.isalpha() and not before.isupper()) or (before != "" and before in _CLOSERS)


def _is_year(line: str, end: int) -> bool:
    """Whether the four characters before ``end`` are a year standing as a word (not a part of
    ``S/2024/600`` or ``2014-2024``)."""
    start = end - 4
    return (
        start >= 0
        and _YEAR.fullmatch(line[start:end]) is not None
        and not (start and (line[start - 1].isdigit() or line[start - 1] in _IN_SYMBOLS))
    )


def _glued(line: str, at: int, digits: int, decimal_separator: str) -> bool:
    """Whether a number at ``at`` (``digits`` long) is glued to what it follows as a raised
    marker is: to a letter (not a digit: ``2030``); a closing bracket or quote; Arabic's
    parentheses (``الإسلامي(1)``); a comma, semicolon or colon (English puts the marker after the
    comma: ``Questions,2``, ``items 5, 6 and 7,4``; two markers ``9,10``) but for a thousands
    separator and the language's decimal separator; a full stop after a word (``Committee.1``)
    but for the parts of symbols and references that a number follows (``Corr.1``, ``vol.2``)."""
    before = line[at - 1 : at] if at else ""
    if before == ")" and _bracket_in_word(line, at - 1):
        return False
    if before.isalpha() or (before and before in _CLOSERS):
        return True
    if before == "(":  # Arabic encloses its markers: الإسلامي(1)
        glued = line[at - 2 : at - 1].isalpha() or _is_year(line, at - 1)  # not "article 4(3)"
        return glued and line[at + digits : at + digits + 1] == ")"
    if before in _AFTER_PUNCTUATION:
        # after anything but a space ("7,4", two markers "9,10"), but for a number's own comma
        # ("1,000"; "3,6 millions" where the comma is the decimal separator); a semicolon is no
        # number's ("15 March 2019;112"), nor a comma after four figures ("Sediments, 2004,117")
        if line[at - 2 : at - 1].isdigit() and before in ",，" + decimal_separator:
            grouped = not line[at - 5 : at - 1].isdigit()
            return (digits != 3 or not grouped) and before != decimal_separator
        return line[at - 2 : at - 1].strip() != ""
    if before == ".":
        word = line[: at - 1].rsplit(None, 1)[-1] if line[: at - 1].strip() else ""
        if _is_year(line, at - 1):  # "the Sendai Framework 2015-2030.7 We", no decimal
            return True
        # "of the Secretary-General.11", 'of "The future we want".5'
        letters = word.rstrip(_CLOSERS).replace("-", "")
        return len(letters) >= 2 and letters.isalpha() and not letters.isupper() and word not in _NUMBERED_PARTS
    return False


def _bracket_in_word(line: str, close: int) -> bool:
    """Whether the closing bracket at ``close`` closes one that opened inside a word: a symbol's
    (``CM/Rec(2022)13``, ``S/RES/2231(2015)``), whose number goes on after it, where a marker
    follows a bracket that a space opened (``(NPT)5``) or a link's target (``[A/1](#)5``)."""
    opening = line.rfind("(", 0, close)
    return opening > 0 and line[opening - 1].isalnum() and " " not in line[opening:close]


def _word_before(line: str, at: int, punctuation: str) -> str:
    """The word before the space before ``at``, in lower case, without the ``punctuation`` after
    it (see :func:`_word`)."""
    return _word(line[: at - 1].rsplit(None, 1)[-1].rstrip(punctuation))


def _word(written: str) -> str:
    """A word as ``numbered_words`` lists it: in lower case, an elision's apostrophe typographic
    (French ``l'Article 1`` and ``l’objectif 3`` are numbered; ``d’articles 8`` is not)."""
    return written.lower().replace("'", "’")


def _spaced(line: str, at: int, digits: int, reading: _Reading) -> bool:
    """Whether a number at ``at`` stands apart as LibreOffice's raised markers come out of
    ``pdftotext`` (``Conference 1 to``, ``Cooperation, 3 as``, ``meeting, 4`` at the line's
    end): one space after a word or a comma, then a word in lower case, punctuation or the
    line's end (after a symbol, ``76/28 7,``, punctuation or the line's end only, but after a
    year: ``à l’horizon 2030 5 et``; French sets
    ``;`` apart too: ``mandat 3 ;``); not a number that a capital follows (``of 4 December``) or
    a month's name (``du 2 juillet``), nor one of a range or a list, a number of up to three
    figures one word before or after it (``du 3 au 6``, ``13 and 14``; not ``1 the 1995``), nor
    one after a word that it numbers (``paragraph 7 of``, ``Goal 3, on``: ``reading.numbered``). Looked
    for only where the footnotes' numbers stood apart from their texts too
    (:func:`restore_markers`): elsewhere a number between words is one."""
    after = line[at + digits : at + digits + 2]
    # ``pdftotext -layout`` keeps a raised marker's printed column, which a justified line's
    # last word may leave some spaces short of (``Programme of Action,   2``): at the line's
    # end only, where no word of a table's row follows
    gap = 0
    while gap < at and line[at - gap - 1] == " ":
        gap += 1
    if gap > 1 and not after.strip():
        at -= gap - 1
    before = line[at - 2 : at]
    # after a colon only at the line's end: the marker of a clause that a list follows
    # (``as follows: 11``), where a number in the line's text after a colon is its content
    introduced = before[:1] == ":" and not after.strip()
    if (
        len(before) < 2
        or before[1] != " "
        or not (before[0].isalnum() or before[0] in ",;，；、" + _CLOSERS or introduced)
    ):
        return False
    word = _word_before(line, at, ".")
    if (
        word in reading.numbered and not _sole_after_plural(word, line[at + digits :], reading.numbered)
    ) or word.rstrip(",;") in reading.unmarked:
        return False
    if _numbers_title(line, at, digits):
        return False
    if after in ("", " ") or (after[0] in ",;:." and not after[1:].isdigit()):  # not "1.5", "3,6"
        return True
    if after[0] == " " and after[1] in _SPACED_PUNCTUATION:
        return True
    if _by_bracket(line, at, digits):
        return True
    # after a resolution's symbol, a word in lower case: ``résolution 61/72 2 et``
    token = line[: at - 1].rsplit(None, 1)[-1]
    symbol = "/" in token and _SYMBOL.fullmatch(token) is not None
    if (before[0].isdigit() and not _is_year(line, at - 1) and not symbol) or after[0] != " ":
        return False
    # a clause's comma after a word, then the number, then a capital: a marker before the
    # next item of a list of titles (``Development, 1 Agenda 21,2``), where no number of a list
    # or a range stands (those follow a number or a word they count: ``2008, 8 September``)
    # (or a title's closing quote: ``"The future we want", 18 States``)
    ends_title = line[at - 3 : at - 2]
    titled = (
        after[1].isupper()
        and before[0] == ","
        and (ends_title.isalpha() or (ends_title != "" and ends_title in '”’»"'))
    )
    following = line[at + digits :].split(None, 1)[0].rstrip(",;:.")
    if before[0] == "," and "/" in following and _SYMBOL.fullmatch(following):
        # a number between a clause's comma and a symbol (``air quality, 3 2/21 of``) counts
        # nothing: the marker before the next item of a list of resolutions
        return True
    if not (after[1].islower() or titled or (_HAN.match(after[1]) and after[1] not in _COUNTERS)):
        return False
    words_before, words_after = line[: at - 1].split()[-2:], line[at + digits :].split()[:2]
    if month_key(words_after[0].rstrip(",;:.")) in reading.months:
        return False
    if titled:
        return True
    partners = (words_before[0] if len(words_before) == 2 else "", words_after[1] if len(words_after) == 2 else "")
    # a run of Chinese is many words without a space: the number beyond it is no partner
    # nor is one that the word between numbers (``Rights, 1 article 18``)
    if _HAN.search(words_after[0]) or _word(words_after[0]) in reading.numbered:
        partners = (partners[0], "")
    if _HAN.search(words_before[-1]):
        partners = ("", partners[1])
    if _dated(line[at + digits :], reading):
        partners = (partners[0], "")
    return not any(_SMALL_NUMBER.fullmatch(word) for word in partners)


def _numbers_title(line: str, at: int, digits: int) -> bool:
    """Whether a number numbers the title that it opens a line with (``Panel 1: Advancing …``,
    ``Table ronde 1 : Agir …``): one or two words before it, the first capitalised (a list's
    label aside), then a colon and a capital."""
    opening = line[len(line) - len(line.lstrip()) : at]
    if label := _LABEL.match(opening):
        opening = opening[label.end() :]
    titled = _TITLED.match(line, at + digits)
    return bool(titled and titled.group(1).isupper() and _TITLE_WORDS.fullmatch(opening) and opening[0].isupper())


#: the words before a title's number (``Panel``, ``Table ronde``), and what follows the number
_TITLE_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)? ")
_TITLED = re.compile(r" ?: ([^\W\d_])")
#: a list's label before a title (``i)``, ``(b)``, ``3.``)
_LABEL = re.compile(r"(?:\(?[a-z]{1,4}\)|\d{1,3}\.)\s+")


def _sole_after_plural(word: str, after: str, numbered: Container[str]) -> bool:
    """Whether a number after a word that numbers, in the plural (the language lists it with its
    singular: ``targets``, ``cibles``), stands alone, no other number of a list or a range after
    it (``targets 6 in order``, where ``paragraphs 6 and 7``): a plural numbers more than one,
    so that the number alone is a marker set apart."""
    plural = word.endswith("s") and (word[:-1] in numbered or (word.endswith("es") and word[:-2] in numbered))
    return plural and _PARTNER.match(after) is None


#: what goes on a list or a range of numbers after a number: ``, 7``, ``-7``, ``.1``, ``and 7``
_PARTNER = re.compile(r"\s*[,.\-–]\s*\d|\s+\S+\s+\d")


def _by_bracket(line: str, at: int, digits: int) -> bool:
    """Whether a number set apart after a name (a word that opens with a capital) stands where a
    marker does by a bracket: before the bracket that closes the name (``(Règles de Bangkok 5),``)
    or before one that opens the name's short form (``Nuclear Weapons 1 (NPT)``). No number of a
    name's own stands so (``Security Council resolution 2231 (2015)`` follows no name, ``Phase 2
    (a)`` opens no word)."""
    word = line[: at - 1].rsplit(None, 1)[-1]
    if not (word.isalpha() and word[0].isupper()):
        return False
    after = line[at + digits : at + digits + 3]
    if after[:1] in (")", "]"):
        return after[1:2] in ("", " ") or after[1:2] in ",;:."
    return after[:2] == " (" and after[2:3].isalpha() and line[at + digits + 3 : at + digits + 4] not in (")", "")


def _dated(after: str, reading: _Reading) -> bool:
    """Whether the text ``after`` a number goes on with an article or a preposition and a day
    before its month (``3 on 7 July``, ``15 le 17 mars``; not ``12 and 13 June``, nor ``1 au 6
    mars``, whose words join the numbers of a list or a range): the day is a date's, no partner
    of the number."""
    words = after.split()[:3]
    return (
        len(words) == 3
        and _word(words[0]) in reading.unmarked
        and _word(words[0]) not in reading.conjunctions
        and _SMALL_NUMBER.fullmatch(words[1]) is not None
        and month_key(words[2].rstrip(",;:.")) in reading.months
    )


def _pages(lines: Sequence[str], page_end: Callable[[int], bool]) -> list[int]:
    """Each line's page, counted from 0, where the text shows pages (a page end anywhere: a text
    of one page shows its end too); none where it does not. A run of page ends (blank lines
    aside) is one page break: a printed page ends in a footer of several lines (job number, bar
    code, "Please recycle"), then the next one opens with its running header."""
    page, pages, ending, paged = 0, [], False, False
    for index, line in enumerate(lines):
        ends = page_end(index)
        if ending and line.strip() and not ends:
            page, ending = page + 1, False
        pages.append(page)
        ending, paged = ending or ends, paged or ends
    return pages if paged else []


def _footnote_line(candidates: list[int], marker_line: int, lines: Sequence[str], pages: list[int]) -> int | None:
    later = [index for index in candidates if index > marker_line]
    if not later:
        return None
    if not pages:  # no pages: a footnote is a block of its own
        return next((index for index in later if not lines[index - 1].strip()), None)
    page = pages[marker_line]
    on_page = [index for index in later if pages[index] == page]
    if on_page:
        return on_page[-1]
    return next((index for index in later if pages[index] == page + 1), None)


def join_number_column(lines: Sequence[str], page_end: Callable[[int], bool]) -> tuple[list[str], bool]:
    """``lines`` with footnotes whose numbers ``pdftotext`` wrote as a column of their own put
    together again: LibreOffice sets a footnote's number apart from its text by a tab, and
    ``pdftotext`` writes the page's numbers first, one a line (``1``, ``2``, ``3``), then the
    footnotes' texts, the last block of lines before the page's end (a text that stood beside the
    column, a paragraph's first line or the closing's date, may come between: it moves up to where
    the column stood, after the paragraph number that opens it). Each footnote gets its number
    back on its first line (see :func:`_note_starts`) and the numbers' lines are left blank; where
    the texts cannot be told apart for sure, the lines are left as they are. Also whether any
    footnote was put together."""
    out = list(lines)
    index, joined = 0, False
    while index < len(lines):
        numbers = _number_run(lines, index)
        if not numbers:
            index += 1
            continue
        after = _later_runs(lines, index + len(numbers), numbers)
        blocks = _blocks_before_page_end(lines, after, page_end)
        if any(_tab_numbered(lines[start]) for start, _ in blocks):
            # the page's footnotes have their numbers a tab away (``pdftotext -layout``): a number
            # alone is a marker written under its line
            blocks = []
        strays = _strays(lines, blocks[-1][1], numbers, page_end) if blocks else None
        if strays is None:
            index = after
            continue
        numbers = sorted([*numbers, *(int(lines[stray]) for stray in strays)])
        # pdftotext may glue the column's first number to the line before (``… data1``, then
        # ``2``, ``3``): where the footnotes' count says so, it is the column's
        glued = index > 0 and _ends_with_number(lines[index - 1], numbers[0] - 1)
        starts = _note_starts(lines, *blocks[-1], len(numbers) + 1) if glued else None
        if starts is not None:
            numbers.insert(0, numbers[0] - 1)
            # pdftotext joins a line to the next only where it ends with a hyphen, which it
            # drops: the line ended with one (``data-`` of ``data-sharing``), whose word goes on
            # after the page's footnotes
            kept = lines[index - 1].rstrip()[: -len(str(numbers[0]))]
            out[index - 1] = kept + "-" if kept[-1:].isalnum() else kept
        else:
            starts = _note_starts(lines, *blocks[-1], len(numbers))
        if starts is None or any(
            lines[start].lstrip().startswith(f"{number} ") for number, start in zip(numbers, starts, strict=True)
        ):
            # footnotes that open with their numbers are no column's: a number alone is a marker
            # written on a line of its own
            index = after
            continue
        notes = blocks[-1][0]
        for number, start in zip(numbers, starts, strict=True):
            out[start] = f"{number} {lines[start].lstrip()}"
        # what stood between the column and the notes goes where the column stood
        between = lines[blocks[0][0] : blocks[-2][1]] if len(blocks) > 1 else []
        out[index:notes] = [*between, *[""] * (notes - index - len(between))]
        for stray in strays:
            out[stray] = ""
        index, joined = max([blocks[-1][1], *(stray + 1 for stray in strays)]), True
    return out, joined


def _ends_with_number(line: str, number: int) -> bool:
    """Whether ``line`` ends with ``number`` glued to a word or punctuation (not to a number)."""
    text, digits = line.rstrip(), str(number)
    return number > 0 and text.endswith(digits) and len(text) > len(digits) and not text[-len(digits) - 1].isdigit()


def _later_runs(lines: Sequence[str], after: int, numbers: list[int]) -> int:
    """Where the column of ``numbers`` (which ends at ``after``) ends, with the runs of higher
    numbers that go on from it after blank lines (``pdftotext`` may write one column in several
    runs: ``11``, ``12``, a blank line, ``15``, ``16``); ``numbers`` takes theirs."""
    while True:
        start = after
        while start < len(lines) and not lines[start].strip():
            start += 1
        run = _number_run(lines, start) if start > after else []
        if not run or run[0] <= numbers[-1]:
            return after
        numbers.extend(run)
        after = start + len(run)


def _strays(lines: Sequence[str], end: int, numbers: list[int], page_end: Callable[[int], bool]) -> list[int] | None:
    """The lines of the numbers missing from a column of ``numbers`` written in runs (``13`` and
    ``14`` between ``11``, ``12`` and ``15``, ``16``): ``pdftotext`` writes them past the page's
    end (blank lines and furniture from ``end`` on), before the next page's text. None where they
    are not all there, in order."""
    missing = [number for number in range(numbers[0], numbers[-1] + 1) if number not in numbers]
    found: list[int] = []
    index = end
    while len(found) < len(missing) and index < len(lines):
        text = lines[index].strip()
        if text == str(missing[len(found)]):
            found.append(index)
        elif text and not page_end(index):
            break
        index += 1
    return found if len(found) == len(missing) else None


def _blocks_before_page_end(lines: Sequence[str], start: int, page_end: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The blocks of lines (``(start, end)``, parted by blank lines) from ``start`` to the page's
    end: furniture and blank lines right at ``start`` are passed over (the page's footer, where
    the column ends the page's lines), another column of numbers ends them."""
    while start < len(lines) and (not lines[start].strip() or page_end(start)):
        start += 1
    blocks: list[tuple[int, int]] = []
    index = start
    while index < len(lines) and not page_end(index) and not _BARE_NUMBER.match(lines[index]):
        if not lines[index].strip():
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip() and not page_end(end) and not _BARE_NUMBER.match(lines[end]):
            end += 1
        blocks.append((index, end))
        index = end
    return blocks


def _note_starts(lines: Sequence[str], start: int, end: int, count: int) -> list[int] | None:
    """The lines from ``start`` to ``end`` that open each of ``count`` footnotes, where the text
    says so for sure: as many lines as footnotes, one each; more lines, and a line that the next
    one does not open in lower case ends its footnote where the next word would have fitted on it
    and the line ends as footnotes end (a full stop) or is short (a bare symbol, ``A/79/302``),
    goes on where it ends otherwise and is long (the line wrap ended it), and may do either where it
    ends as a footnote does but the next word would hardly have fitted: those are all ends, or
    none, as the count of footnotes says. Otherwise which line opens which footnote is not sure:
    ``None``. The width is the block's longest line."""
    if end - start < count:
        return None
    if end - start == count:
        return list(range(start, end))
    texts = [line.strip() for line in lines[start:end]]
    width = max(map(len, texts))
    sure: list[int] = []
    doubtful: list[int] = []
    for offset, (line, following) in enumerate(itertools.pairwise(texts)):
        first = following.split(None, 1)[0]
        if first[0].islower():
            continue
        stops = line.endswith(_NOTE_ENDS)
        if len(line) + 1 + len(first) <= width * _FITS and (stops or len(line) <= width * _SHORT):
            sure.append(start + offset)
        elif stops:
            doubtful.append(start + offset)
    if len(sure) == count - 1:
        ends = sure
    elif len(sure) + len(doubtful) == count - 1:
        ends = sorted(sure + doubtful)
    else:
        return None
    return [start, *(index + 1 for index in ends)]


#: a line that the next word would have fitted on for sure: its length and the word's at most this
#: share of the width (letters differ in width: a line of capitals and figures holds fewer)
_FITS = 0.9
#: a line that ends its footnote however it ends: at most half the width
_SHORT = 0.5
#: how footnotes end: a full stop, but after a closing bracket or quote at most
_NOTE_ENDS = (".", ".)", ".]", ".”", ".»")


#: a line that is only a footnote's number
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
#: a line that is only a number, a footnote's or a paragraph's
_NUMBER_ALONE = re.compile(r"^\s*\d{1,3}\.?\s*$")


def _number_run(lines: Sequence[str], start: int) -> list[int]:
    """The numbers, one after the other (``4``, ``5``, ``6``), on the lines from ``start`` on."""
    run: list[int] = []
    for index in range(start, len(lines)):
        match = _BARE_NUMBER.match(lines[index])
        if match is None or (run and int(match.group(1)) != run[-1] + 1):
            break
        run.append(int(match.group(1)))
    return run
