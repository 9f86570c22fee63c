"""Chinese lines that a raised footnote marker cut in ``pdftotext``'s reading order, joined again.

A marker raised above a Chinese line is set in a box of its own; ``pdftotext`` then ends the
printed line at the marker (``…邀请伊斯兰会议组织1``) and writes the rest of it (``以观察员身份参``)
as a short line of its own: next (``…目标、5``, ``保护和协助难``, ``民、人权…``), or after the next
printed line and a blank line (``…组织1``, ``加大会及其附属机关…``, blank, ``以观察员身份参``). Read
as they stand, the short line ends its paragraph, or a paragraph starts in the middle of one.
The rest is put back after the marker, where it was printed: a line that ends with a plain
digit after a Chinese character, followed by a line less than half as long and then text (the
first case), or by a line, a blank one and a line less than half as long that ends no sentence
(the second). Text with no Chinese in it is returned as it is.

WeasyPrint's numbered paragraph of two lines comes out of ``pdftotext`` with its last line
first (``3.``, ``旨和原则；``, blank, ``满意地注意到……所载宗``): after a paragraph's number alone on
its line, a short line that ends a clause, a blank line and a line twice as long that ends none
are put in printed order.

LibreOffice's page may come out of ``pdftotext`` with the short last lines of paragraphs
gathered before their first lines, each followed by a blank line (``合作，``, blank, ``原则；``,
blank, then ``…加强现有`` and ``1.``; later ``3.``, blank, ``…所载宗旨和``). A line that ends a
clause cannot follow an unfinished line of its paragraph out of place, nor can an unfinished,
about full line end its paragraph: where a page holds as many short clause-ended lines after
finished lines (each before a blank line) as about full unfinished lines before a blank line or
a paragraph's number, and each of the first comes before its counterpart, they are paired in
order and the last line goes back after its first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..typography import CJK_TEXT

#: a Chinese character or punctuation, then a number of up to three figures, at a line's end
_MARKER_END = re.compile(rf"[{CJK_TEXT}]\d{{1,3}}$", re.MULTILINE)
_LINE_END = re.compile(r"(\r\n?|\n|\f)")
_NUMBER_ALONE = re.compile(r"^\s*\d{1,3}\.\s*$")
_CJK = re.compile(f"[{CJK_TEXT}]")
#: what ends a Chinese sentence or clause
_FINAL = tuple("。；，：")


@dataclass(frozen=True, slots=True)
class _Script:
    """What the lines of a script without spaces or of a right-to-left one say of their order."""

    #: a letter of the script
    letters: re.Pattern[str]
    #: what ends a sentence or a clause
    finals: tuple[str, ...]
    #: a paragraph's number, alone or before its text
    numbered: re.Pattern[str]
    #: a paragraph's number alone
    number_alone: re.Pattern[str]


_CHINESE = _Script(_CJK, _FINAL, re.compile(r"^\s*\d{1,3}\.(?:\s|$)"), _NUMBER_ALONE)
#: Arabic's comma, semicolon, full stop and colon; its paragraph numbers (``8 -``)
_ARABIC = _Script(
    re.compile("[\u0621-\u064a]"),
    ("\u060c", "\u061b", ".", ":"),
    re.compile(r"^\s*\d{1,3} -(?:\s|$)"),
    re.compile(r"^\s*\d{1,3} -\s*$"),
)
#: the body's full width: the length that this share of the lines reach
_WIDTH_RANK = 0.75
#: the least share of the full width that a paragraph's first line fills (indented on paper)
_FULL = 0.75


def rejoined_cut_lines(source: str) -> str:
    """``source`` with the rests of lines that a marker cut put back after the marker (module doc)."""
    script = _CHINESE if _CJK.search(source) else _ARABIC if _ARABIC.letters.search(source) else None
    if script is None:
        return source
    pieces = _LINE_END.split(source)
    lines, ends = pieces[::2], [*pieces[1::2], ""]
    if script is _ARABIC:
        _restore_stranded_ends(lines, ends, script)
        return "".join(line + end for line, end in zip(lines, ends, strict=True))
    for index in range(len(lines) - 3):
        last, blank, first = lines[index + 1].strip(), lines[index + 2], lines[index + 3].strip()
        if (
            _NUMBER_ALONE.match(lines[index])
            and last.endswith(_FINAL)
            and not blank.strip()
            and len(first) >= 2 * len(last)
            and not first.endswith(_FINAL)
            and _CJK.search(first)
            and ends[index + 1] == ends[index + 2] == "\n"
        ):
            # the first line, then the last, then the blank line that ended the paragraph
            lines[index + 1 : index + 4] = [lines[index + 3], lines[index + 1], lines[index + 2]]
    index = 0
    while index < len(lines) - 2:
        cut = lines[index].rstrip()
        if _MARKER_END.search(cut) and ends[index] == "\n":
            rest = _rest_at(lines, ends, index, len(cut))
            if rest is not None:
                lines[index] = cut + lines[rest].strip()
                # the rest's line goes, with a blank line before it where it came after one
                drop = [rest - 1, rest] if rest > index + 1 else [rest]
                for gone in reversed(drop):
                    del lines[gone], ends[gone]
        index += 1
    _restore_stranded_ends(lines, ends, script)
    return "".join(line + end for line, end in zip(lines, ends, strict=True))


def _restore_stranded_ends(lines: list[str], ends: list[str], script: _Script) -> None:
    """The short last lines of paragraphs that ``pdftotext`` wrote before their first lines, each
    put back after its first line (in place; see the module's description). A page's stranded
    ends are taken in order for its unfinished lines in order, where they are as many."""
    texts = [bool(line.strip()) for line in lines]
    if 2 * sum(a and b for a, b in pairwise(texts)) < sum(texts):
        return  # paragraphs apart by blank lines (Markdown): a line alone is a paragraph
    lengths = sorted(len(text) for line in lines if script.letters.search(text := line.strip()))
    if not lengths:
        return
    width = lengths[int(len(lengths) * _WIDTH_RANK)]
    order = list(range(len(lines)))
    start = 0
    for stop in [*(index + 1 for index, end in enumerate(ends) if end == "\f"), len(lines)]:
        stranded = [
            index for index in range(start, stop - 1) if _stranded_end(lines, ends, index, width, start, script)
        ]
        unfinished = [index for index in range(start, stop - 1) if _cut_short(lines, ends, index, width, script)]
        start = stop
        # a short line after the page's last unfinished one is no stranded end (a footnote)
        stranded = [index for index in stranded if unfinished and index < unfinished[-1]]
        if not stranded or len(stranded) != len(unfinished):
            continue
        if any(end >= first for end, first in zip(stranded, unfinished, strict=True)):
            continue
        for end, first in zip(stranded, unfinished, strict=True):
            # the last line and the blank line after it, moved after the first line
            order.remove(end)
            order.remove(end + 1)
            at = order.index(first) + 1
            order[at:at] = [end, end + 1]
    if order != sorted(order):
        lines[:] = [lines[index] for index in order]
        ends[:] = [ends[index] for index in order]


def _stranded_end(lines: list[str], ends: list[str], index: int, width: int, page: int, script: _Script) -> bool:
    """Whether the line at ``index`` is a paragraph's last line written out of its place: short,
    it ends a clause, a blank line follows, and the text line before it (on its page) ends a
    clause too (a last line in its place follows its paragraph's unfinished line), not after a
    paragraph's number alone (its own text: see :func:`rejoined_cut_lines`)."""
    text = lines[index].strip()
    if not text.endswith(script.finals) or 2 * len(text) > width or not script.letters.search(text):
        return False
    if lines[index + 1].strip() or ends[index] != "\n" or ends[index + 1] != "\n":
        return False
    before = index - 1
    while before >= page and not lines[before].strip():
        before -= 1
    if before < page:
        return False
    previous = lines[before].strip()
    return previous.endswith(script.finals) and not script.number_alone.match(previous)


def _cut_short(lines: list[str], ends: list[str], index: int, width: int, script: _Script) -> bool:
    """Whether the line at ``index`` is a paragraph's first line without its end: about full, it
    ends no clause, and a blank line or a paragraph's number follows it on its page."""
    text = lines[index].strip()
    if text.endswith(script.finals) or len(text) < _FULL * width or not script.letters.search(text[-1]):
        return False
    following = lines[index + 1]
    return ends[index] == "\n" and (not following.strip() or bool(script.numbered.match(following)))


def _rest_at(lines: list[str], ends: list[str], index: int, width: int) -> int | None:
    """The index of the line that holds the rest of the printed line ``index``, if any."""

    def short(at: int) -> bool:
        text = lines[at].strip()
        return bool(text) and 2 * len(text) < width and ends[at] == "\n"

    following = lines[index + 1].strip()
    if short(index + 1) and lines[index + 2].strip():
        return index + 1
    if (
        following
        and index + 3 < len(lines)
        and not lines[index + 2].strip()
        and ends[index + 1] == ends[index + 2] == "\n"
        and short(index + 3)
        and not lines[index + 3].strip().endswith(_FINAL)
    ):
        return index + 3
    return None
