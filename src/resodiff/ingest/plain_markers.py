"""Footnote markers that a converter wrote as plain digits, raised to superscripts again.

``pdftotext`` writes a raised footnote number as an ordinary digit glued to the word
(``efforts2,``) and the footnote at the page's foot as ``2 A/79/302.``; some Markdown converters
do the same. A digit after a word is not a marker by itself (``G77``, a year, ``CO2``), so a
marker is read only where the document bears it out on both sides:

* markers come in order: the next one is the number after the last one found (footnotes are
  numbered through the document, not the page);
* its footnote is there: a line that opens with that number and a space, after the marker;
* of several such lines (a wrapped line may open ``6 December 2009,``) the footnote is the last
  one before the end of the marker's page, for footnotes stand at the foot of the page, or the
  first one after it, where the footnote went over to the next page; where the text shows no
  pages, the first one that a blank line opens, as a Markdown converter writes it.

Text that has markers in any other form (``¹``, ``^1``, ``<sup>1</sup>``, ``[^1]``) is left as it
is (:func:`restore_markers`). A raised digit becomes one superscript character, so every line keeps its length and every
source position holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..typography import SUPERSCRIPT_DIGITS, digits_to_superscript

#: markers in the forms the text reader reads as they are
_OTHER_MARKERS = re.compile(rf"[{SUPERSCRIPT_DIGITS}]|\^\d|<sup>|\[\^")
#: a line that opens with a number and a space (not an operative paragraph's ``6.`` or ``6 -``)
_NOTE_LINE = re.compile(r"^(\s*)(\d{1,3})[ \t]+(?![-–.])\S")
#: a number that may be a raised one: what follows it ends a word
_NUMBER = re.compile(r"(\d+)(?=[\s,.;:)\]”’»\"*_，。；：、]|$)")
#: punctuation a marker may follow (Chinese puts it after its full-width comma: 报告，²)
_AFTER_PUNCTUATION = frozenset(",;:，；：、。")
_CLOSERS = ')]”’»"'
#: the abbreviations that a number follows after a full stop: parts of document symbols
#: (``A/79/302/Corr.1``, French ``Rectif.1``) and of references (``vol.2``, ``para.3``)
_NUMBERED_PARTS = frozenset(
    {"Corr", "Rectif", "Add", "Rev", "Amend", "Suppl", "vol", "para", "paras", "chap", "sect", "No", "Nos", "art"}
)
#: how many of the smallest footnote numbers are tried as the first
_FIRST_NUMBERS_TRIED = 3
_YEAR = re.compile(r"(?:19|20)\d\d")
#: what a year in a document symbol or a range follows (``S/2024/600``, ``2014-2024``)
_IN_SYMBOLS = ("/", ".")


def restore_markers(
    lines: Sequence[str], body: int, page_end: Callable[[int], bool], decimal_separator: str = "."
) -> list[str]:
    """``lines`` with their plain-digit footnote markers and numbers raised (see
    :func:`raise_plain_markers`), the footnotes of a column of numbers put together first (see
    :func:`join_number_column`); text whose markers are of another form as it is."""
    if any(_OTHER_MARKERS.search(line) for line in lines):
        return list(lines)
    joined, spaced = join_number_column(lines, page_end)
    return raise_plain_markers(joined, body, page_end, decimal_separator, spaced=spaced)


def raise_plain_markers(
    lines: Sequence[str],
    body: int,
    page_end: Callable[[int], bool],
    decimal_separator: str = ".",
    *,
    spaced: bool = False,
) -> list[str]:
    """``lines`` with the plain-digit footnote markers (the title's too) and the footnotes'
    numbers (from line ``body`` on, after the header) written as superscripts;
    ``page_end(index)``: whether the line at ``index`` ends a page or is a page's furniture;
    ``decimal_separator``: the language's (``3,6 millions`` is a number in French); ``spaced``:
    whether a marker may stand apart from its word by a space (see :func:`_spaced`)."""
    out = list(lines)
    note_lines: dict[int, list[int]] = {}
    for index in range(body, len(lines)):
        if match := _NOTE_LINE.match(lines[index]):
            note_lines.setdefault(int(match.group(2)), []).append(index)
    if not note_lines:
        return out
    pages = _pages(lines, page_end)
    # the footnotes of a part of a publication go on from the part before (A/RES/77/290 B opens
    # with footnote 2): the first number is the one from which the most markers are found
    firsts = sorted(note_lines)[:_FIRST_NUMBERS_TRIED]
    found = max((_markers(lines, note_lines, first, pages, decimal_separator, spaced) for first in firsts), key=len)
    for index, spans in found.items():
        for start, end in spans:
            out[index] = out[index][:start] + digits_to_superscript(lines[index][start:end]) + out[index][end:]
    return out


def _markers(
    lines: Sequence[str],
    note_lines: dict[int, list[int]],
    first: int,
    pages: list[int],
    decimal_separator: str,
    spaced: bool,
) -> dict[int, list[tuple[int, int]]]:
    """The markers found when footnotes are numbered from ``first``, and each footnote's number
    at the start of its line, by line."""
    found: dict[int, list[tuple[int, int]]] = {}
    notes: set[int] = set()
    number = first
    for index, line in enumerate(lines):
        if index in notes:
            continue
        if index in note_lines.get(number, ()) and index and not lines[index - 1].strip():
            # a footnote in a block of its own whose marker was not found (``16⁴`` written
            # ``164``): the footnotes after it are still found
            found.setdefault(index, []).append(_NOTE_LINE.match(line).span(2))  # type: ignore[union-attr]
            number += 1
            continue
        for match in _NUMBER.finditer(line):
            span = _next_marker(line, match, number, decimal_separator, spaced)
            note = _footnote_line(note_lines.get(number, []), index, lines, pages) if span else None
            if span and note is not None:
                found.setdefault(index, []).append(span)
                notes.add(note)
                digits = _NOTE_LINE.match(lines[note]).span(2)  # type: ignore[union-attr]
                found.setdefault(note, []).append(digits)
                number += 1
            elif first <= int(match.group(1)) < number and _cited_again(line, match.start()):
                found.setdefault(index, []).append(match.span())
    return found


def _next_marker(
    line: str, match: re.Match[str], number: int, decimal_separator: str, spaced: bool
) -> tuple[int, int] | None:
    """Where in ``match`` (a number in ``line``) the marker ``number`` stands, if it does: glued
    to what it follows as a raised marker is (see :func:`_glued`), or to a year (``2011⁶``
    written ``20116``)."""
    digits, start, wanted = match.group(1), match.start(), str(number)
    if digits == wanted and (
        _glued(line, start, len(digits), decimal_separator) or (spaced and _spaced(line, start, len(digits)))
    ):
        return match.span()
    at = match.end() - len(wanted)
    if digits.endswith(wanted) and at - start == 4 and _is_year(line, at):
        return at, match.end()
    return None


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
    if before.isalpha() or (before and before in _CLOSERS):
        return True
    if before == "(":  # Arabic encloses its markers: الإسلامي(1)
        glued = line[at - 2 : at - 1].isalpha() or _is_year(line, at - 1)  # not "article 4(3)"
        return glued and line[at + digits : at + digits + 1] == ")"
    if before in _AFTER_PUNCTUATION:
        # after anything but a space ("7,4", two markers "9,10"), but for a number's own comma
        # ("1,000"; "3,6 millions" where the comma is the decimal separator)
        if line[at - 2 : at - 1].isdigit():
            return digits != 3 and before != decimal_separator
        return line[at - 2 : at - 1].strip() != ""
    if before == ".":
        word = line[: at - 1].rsplit(None, 1)[-1] if line[: at - 1].strip() else ""
        return len(word) >= 2 and word.isalpha() and not word.isupper() and word not in _NUMBERED_PARTS
    return False


def _spaced(line: str, at: int, digits: int) -> bool:
    """Whether a number at ``at`` stands apart as LibreOffice's raised markers come out of
    ``pdftotext`` (``Conference 1 to``, ``Cooperation, 3 as``, ``meeting, 4`` at the line's
    end): one space after a word or a comma, then a word in lower case, punctuation or the
    line's end; not a number that a date or a name follows (``of 4 December``). Looked for only
    where the footnotes' numbers stood apart from their texts too (:func:`join_number_column`):
    elsewhere ``du 2 juillet`` is a date."""
    before, after = line[at - 2 : at], line[at + digits : at + digits + 2]
    if len(before) < 2 or before[1] != " " or not (before[0].isalpha() or before[0] in ",;" + _CLOSERS):
        return False
    return after in ("", " ") or (after[0] == " " and after[1].islower()) or after[0] in ",;:."


def _pages(lines: Sequence[str], page_end: Callable[[int], bool]) -> list[int]:
    """Each line's page, counted from 0, where the text shows pages; all 0 where it does not. A
    run of page ends (blank lines aside) is one page break: a printed page ends in a footer of
    several lines (job number, bar code, "Please recycle"), then the next one opens with its
    running header."""
    page, pages, ending = 0, [], False
    for index, line in enumerate(lines):
        ends = page_end(index)
        if ending and line.strip() and not ends:
            page, ending = page + 1, False
        pages.append(page)
        ending = ending or ends
    return pages


def _footnote_line(candidates: list[int], marker_line: int, lines: Sequence[str], pages: list[int]) -> int | None:
    later = [index for index in candidates if index > marker_line]
    if not later:
        return None
    if pages[-1] == 0:  # no pages: a footnote is a block of its own
        return next((index for index in later if not lines[index - 1].strip()), None)
    page = pages[marker_line]
    on_page = [index for index in later if pages[index] == page]
    if on_page:
        return on_page[-1]
    return next((index for index in later if pages[index] == page + 1), None)


def join_number_column(lines: Sequence[str], page_end: Callable[[int], bool]) -> tuple[list[str], bool]:
    """``lines`` with footnotes whose numbers ``pdftotext`` wrote as a column of their own put
    together again: LibreOffice sets a footnote's number apart from its text by a tab, and
    ``pdftotext`` writes the page's numbers first, one a line (``1``, ``2``, ``3``), then, after
    a blank line, the footnotes' texts. Each text gets its number back, and the numbers' lines
    are left blank, where the texts are as many lines as the numbers, so that each is one
    footnote; where a text takes more lines, which line opens which footnote is not sure, and
    the lines are left as they are. A text is moved right by its number's width. Also whether
    any footnote was put together."""
    out = list(lines)
    index, joined = 0, False
    while index < len(lines):
        numbers = _number_run(lines, index)
        if not numbers:
            index += 1
            continue
        start = index + len(numbers)
        while start < len(lines) and (not lines[start].strip() or page_end(start)):
            start += 1  # blank lines, and the page's footer where the footnotes went over to the next page
        end = start
        while end < len(lines) and lines[end].strip() and not page_end(end) and not _BARE_NUMBER.match(lines[end]):
            end += 1
        if start > index + len(numbers) and end - start == len(numbers):
            for offset, number in enumerate(numbers):
                out[index + offset] = ""
                out[start + offset] = f"{number} {lines[start + offset].lstrip()}"
            index, joined = end, True
        else:
            index += len(numbers)
    return out, joined


#: a line that is only a footnote's number
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")


def _number_run(lines: Sequence[str], start: int) -> list[int]:
    """The numbers, one after the other (``4``, ``5``, ``6``), on the lines from ``start`` on."""
    run: list[int] = []
    for index in range(start, len(lines)):
        match = _BARE_NUMBER.match(lines[index])
        if match is None or (run and int(match.group(1)) != run[-1] + 1):
            break
        run.append(int(match.group(1)))
    return run
