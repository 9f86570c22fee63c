"""The last page's closing and footnotes, put in the order a person reads them.

``pdftotext`` writes a page's text in the order the PDF draws its boxes. On LibreOffice's last
page that puts, after the closing's meeting line, the footnotes' numbers (a column, in runs,
or one alone), the closing's date between them, the page's furniture (page and job numbers),
then the footnotes' texts, and the rest of a footnote that began on the page before::

    43rd plenary meeting          the closing's first line

    23                            the footnote's number
    6/6                           the page number

    2 December 2024               the closing's date

    United Nations, Treaty …      the footnote's text
    24-23081                      the job number

A person reads it back as the closing (meeting, then date), then the footnotes, then the
furniture. The footnotes go on from the document's sequence: their numbers, those alone on
their lines and those that open a text (``5 Resolution 48/134.``), are one run with no gap, and
number the footnotes in order. The texts are parted into as many footnotes as there are numbers
where a line ends as a footnote ends: a full stop with room left for the next word, or a short
line, and never before a line in lower case. A text that opens the page's footnotes and that the
numbers leave over (one group more than numbers; with no number on the page, a text in lower
case) is the rest of the page before's last footnote: it goes back after that page's last line
of text. The numbers alone go back as a column before the texts, the shape
:func:`.plain_markers.join_number_column` puts together; a text that opens with its number keeps
it. Where the texts cannot be parted so for sure, or the page is already in that order, the
lines are left as they are. Only plain-digit footnotes: text that marks them otherwise (``¹``,
``^1``) is the text form's, in its own order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from ..languages import Language
from ..typography import SUPERSCRIPT_DIGITS, normalize_typography
from .header import is_meeting_line, split_closing, starts_annex, strip_markup

#: a footnote's number alone on its line
_NUMBER = re.compile(r"\d{1,3}")
#: a line that opens with a footnote's number and its text
NUMBERED_NOTE = re.compile(r"(\d{1,3})\s+(\S.*)")
#: footnotes marked in the text form's ways: their order is the text's own
_MARKED = re.compile(rf"[{SUPERSCRIPT_DIGITS}]|\^\d|<sup>|\[\^")
#: how footnotes end: a full stop, but after a closing bracket or quote at most
_NOTE_ENDS = (".", ".)", ".]", ".”", ".»")
#: a line that the next word would have fitted on: its length and the word's at most this share
#: of the longest line (letters differ in width)
_FITS = 0.9
#: a line that ends its footnote however it ends: at most this share of the longest line
_SHORT = 0.5
#: the pieces of a ``pdftotext -layout`` line that holds furniture side by side (``2/2   24-23081``)
_SPREAD = re.compile(r"\s{2,}")


@dataclass(frozen=True, slots=True)
class _Note:
    number: int
    #: the indices of its lines; the first may open with the number already
    lines: tuple[int, ...]
    numbered: bool


def reorder_last_page(
    lines: Sequence[str],
    body: int,
    page_ends: Collection[int],
    is_furniture: Callable[[str], bool],
    lang: Language,
) -> tuple[list[str], set[int]]:
    """``lines`` with the closing's page in reading order (see the module's description), and the
    indices of the lines that end a page (``page_ends``), moved with them; ``body``: the first
    line after the enacting formula; ``is_furniture``: whether a line's text is a page's
    furniture by its shape."""
    out, ends = list(lines), set(page_ends)
    meeting = _meeting_line(lines, body, lang)
    if meeting is None:
        return out, ends
    end = next((index for index in range(meeting, len(lines)) if index in ends), len(lines) - 1) + 1
    one_line = split_closing(_bare(lines[meeting]), lang) is not None
    date: int | None = None
    numbers: dict[int, int] = {}
    texts: list[int] = []
    furniture: list[int] = []
    for index in range(meeting + 1, end):
        text = lines[index].strip()
        if not text:
            continue
        if _MARKED.match(text):
            return out, ends  # the text form's footnotes
        if starts_annex(_bare(text)):
            end = index  # an annex where no page end comes before it: the page ends there
            break
        if date is None and not one_line and lang.parse_date(_bare(text)):
            date = index
        elif all(is_furniture(piece) for piece in _SPREAD.split(text)):
            furniture.append(index)
        elif _NUMBER.fullmatch(text):
            numbers[index] = int(text)
        else:
            texts.append(index)
    if not texts:
        return out, ends
    if _in_order(lines, meeting, date, numbers, texts):
        return _closed_up(out, texts), ends
    parted = _notes(lines, numbers, texts)
    if parted is None:
        return out, ends
    rest, notes = parted
    last_note = _last_note_line(lines, body, meeting, ends, is_furniture) if rest else None
    if rest and last_note is None:
        return out, ends
    moved = [lines[index] for index in rest]
    closing = [lines[date]] if date is not None else []
    column = bool(notes) and not any(note.numbered for note in notes)
    if column:
        # the numbers as a column before the texts, the shape :func:`.plain_markers.join_number_column`
        # puts together (it parts the texts by the same signs): a column of numbers also tells the
        # marker reader that markers may stand a space apart from their words, as LibreOffice sets
        # them where it set the numbers apart from the texts
        numbers_column = [str(note.number) for note in notes]
        texts_block = [lines[index] for note in notes for index in note.lines]
    else:
        numbers_column, texts_block = [], []
        for note in notes:
            first = lines[note.lines[0]]
            texts_block.append(first if note.numbered else f"{note.number} {first.strip()}")
            texts_block.extend(lines[index] for index in note.lines[1:])
    room = end - meeting - 1 - len(moved) - len(closing) - len(numbers_column) - len(texts_block) - len(furniture)
    # blank lines after the closing, between the column and the texts and after the footnotes,
    # where the page had room for them
    blank = [[""][: room > 0], [""][: column and room > 1], [""][: room > 1 + column]]
    block = [*closing, *blank[0], *numbers_column, *blank[1], *texts_block, *blank[2]]
    block += [*(lines[index] for index in furniture), *[""] * (room - sum(map(len, blank)))]
    if last_note is None:
        out[meeting + 1 : end] = block
        return out, ends
    out[last_note + 1 : end] = [*moved, *lines[last_note + 1 : meeting + 1], *block]
    # the page ends between the footnote and the closing come after the rest now
    return out, {index + len(moved) if last_note < index <= meeting else index for index in ends}


def _bare(text: str) -> str:
    return normalize_typography(strip_markup(text.strip()))


def _meeting_line(lines: Sequence[str], body: int, lang: Language) -> int | None:
    """The index of the closing's first line (the meeting, perhaps with its date), if any."""
    for index in range(body, len(lines)):
        bare = _bare(lines[index])
        if bare and (is_meeting_line(bare, lang) or split_closing(bare, lang)):
            return index
    return None


def _in_order(lines: Sequence[str], meeting: int, date: int | None, numbers: dict[int, int], texts: list[int]) -> bool:
    """Whether the closing's page reads as it stands: the date right after the meeting, no
    number alone, and the footnotes' texts each after a line that opens with a number."""
    if numbers or (date is not None and any(meeting < index < date and lines[index].strip() for index in texts)):
        return False
    return NUMBERED_NOTE.fullmatch(lines[texts[0]].strip()) is not None


def _closed_up(lines: list[str], texts: list[int]) -> list[str]:
    """``lines`` with the blank lines between the footnotes' lines ``texts`` that stand before a
    line that opens no footnote put after the last: ``pdftotext`` may write a blank line between
    two lines of one footnote (a short first line that a long address did not fit on), where a
    blank line would end it."""
    span = lines[texts[0] : texts[-1] + 1]
    if any(line.strip() and texts[0] + offset not in texts for offset, line in enumerate(span)):
        return lines  # furniture among the footnotes
    kept = [
        line
        for offset, line in enumerate(span)
        if line.strip() or NUMBERED_NOTE.fullmatch(next(text for text in span[offset:] if text.strip()).strip())
    ]
    lines[texts[0] : texts[-1] + 1] = kept + [""] * (len(span) - len(kept))
    return lines


def _notes(lines: Sequence[str], numbers: dict[int, int], texts: list[int]) -> tuple[list[int], list[_Note]] | None:
    """The lines of ``texts`` parted into footnotes numbered by ``numbers`` (and the numbers that
    open texts), after the rest of a footnote of the page before (its lines, perhaps none); None
    where they cannot be parted for sure."""
    stripped = [lines[index].strip() for index in texts]
    numbered: dict[int, int] = {}  # position in texts → number
    run = sorted(numbers.values())
    for position, text in enumerate(stripped):
        match = NUMBERED_NOTE.fullmatch(text)
        if match and int(match.group(1)) not in run:
            numbered[position] = int(match.group(1))
    every = sorted([*run, *numbered.values()])
    # a number that opens a text but breaks the run is the text's own (``6 December 2009, …``)
    while numbered and every != list(range(every[0], every[0] + len(every))):
        outside = max(numbered, key=lambda position: abs(numbered[position] - (run or every)[0]))
        every.remove(numbered.pop(outside))
    if not every:
        # no footnote on the page: text in lower case is the rest of one of the page before
        return (texts, []) if stripped[0][0].islower() else None
    if every != list(range(every[0], every[0] + len(every))):
        return None
    width = max(map(len, stripped))
    sure, doubtful = set(numbered), set()
    for position in range(1, len(stripped)):
        line, following = stripped[position - 1], stripped[position]
        if position in numbered or following[0].islower():
            continue
        stops = line.endswith(_NOTE_ENDS)
        first_word = following.split(None, 1)[0]
        if len(line) + 1 + len(first_word) <= width * _FITS and (stops or len(line) <= width * _SHORT):
            sure.add(position)
        elif stops:
            doubtful.add(position)
    for starts in (sure, sure | doubtful):
        parted = _part(stripped, starts | {0}, numbered, every)
        if parted is not None:
            rest, groups = parted
            notes = [
                _Note(number, tuple(texts[position] for position in group), group[0] in numbered)
                for number, group in zip(every, groups, strict=True)
            ]
            return [texts[position] for position in rest], notes
    return None


def _part(
    stripped: list[str], starts: set[int], numbered: dict[int, int], every: list[int]
) -> tuple[list[int], list[list[int]]] | None:
    """The positions of the rest of the page before's footnote and of each footnote's lines,
    where the ``starts`` give as many footnotes as numbers (one more: the first group is the
    rest, in lower case or before a footnote that opens with its number) and each text that
    opens with its number gets it."""
    ordered = sorted(starts)
    groups = [list(range(start, stop)) for start, stop in zip(ordered, [*ordered[1:], len(stripped)], strict=True)]
    rest: list[int] = []
    if len(groups) == len(every) + 1 and 0 not in numbered:
        rest = groups.pop(0)
    elif len(groups) != len(every) or stripped[0][0].islower():
        return None
    for number, group in zip(every, groups, strict=True):
        if group[0] in numbered and numbered[group[0]] != number:
            return None
    return rest, groups


def _last_note_line(
    lines: Sequence[str], body: int, meeting: int, ends: Collection[int], is_furniture: Callable[[str], bool]
) -> int | None:
    """The last line of text on the page before the closing's (its footnotes' last), if any."""
    page_end = max((index for index in ends if body <= index < meeting), default=None)
    if page_end is None:
        return None
    for index in range(page_end, body - 1, -1):
        text = lines[index].strip()
        if text and not all(is_furniture(piece) for piece in _SPREAD.split(text)):
            return index
    return None
