"""A paragraph's last line that a converter wrote before its first, put back after it.

``pdftotext`` writes a page's text in the order the PDF draws it. LibreOffice draws some
paragraphs of two printed lines (a full first line, a short last one) last line first, each
then apart from the text around it by a blank line, where the body has none between
paragraphs; a raised marker after the last line, or the paragraph's number, may come between
on a line of its own::

    … on the oil slick on Lebanese shores,         the paragraph before
    law,                                           the last line, drawn first
                                                   (a marker, ``2``, or the number, ``4.``)
    Emphasizing the need to protect … international
                                                   the first line, alone
    Taking into account …

The first line is the sign: a line about as wide as the body's full lines that does not end as
a paragraph ends (``international``, ``2015–``), alone between blank lines, cannot be a
paragraph of its own, and the finished line alone before it is its end. They change places
within their page (the number first, the marker after the last line), so that line numbers
and page ends stay where they were. Only in hard-wrapped text: where paragraphs are lines
apart by blank lines (Markdown), a line alone is a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from itertools import pairwise

from ..typography import SUPERSCRIPT_DIGITS

#: a line that ends as a paragraph does: punctuation, then perhaps a closing quote or bracket and
#: a marker glued to it (``system;13``)
_FINISHED = re.compile(rf"[,;:.!?»][)\]”’»\"]*[\d{SUPERSCRIPT_DIGITS}]{{0,3}}$")
#: a raised marker that the converter wrote on a line of its own, or the paragraph's number
#: (drawn between the two lines, where a tab set it apart from the first)
_APART = re.compile(r"(\d{1,3})(\.?)")
#: the least share of the body's full width that the first line fills (it is indented on paper)
_FULL = 0.75
#: the body's full width: the length that this share of its longer lines reach
_WIDTH_RANK = 0.75
#: lines shorter than this are no body line's (numbers, dates, labels) when the width is estimated
_LINE_LEAST = 40


def restore_line_order(lines: Sequence[str], body: int, page_ends: Container[int]) -> list[str]:
    """``lines`` with each last line drawn before its paragraph's first (see the module's
    description) moved after it; the lines of the header, before ``body``, as they are.
    ``page_ends``: the indices of the lines that end a page."""
    out = list(lines)
    candidates = [index for index in range(body, len(lines) - 3) if _last_line_first(lines, index, page_ends)]
    if not candidates or not _hard_wrapped(lines[body:]):
        return out
    width = _body_width(lines, body)
    for index in candidates:
        first = _first_line(lines, index)
        if len(lines[first].strip()) >= _FULL * width:
            # the paragraph's number, the first line, the last line, its marker; then the blank
            # lines that stood between them
            segment = lines[index : first + 1]
            apart = _APART.fullmatch(segment[2].strip()) if first - index > 2 else None
            if apart is None:
                moved = [segment[-1], segment[0]]
            elif apart.group(2):
                moved = [segment[2], segment[-1], segment[0]]
            else:
                moved = [segment[-1], segment[0], segment[2]]
            out[index : first + 1] = moved + [""] * (len(segment) - len(moved))
    return out


#: a line that is one word and nothing else (elided or hyphenated: ``l’Organisation``)
_ONE_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def restore_stray_words(lines: Sequence[str], body: int, page_ends: Container[int]) -> list[str]:
    """``lines`` with the words that ``pdftotext`` wrote out of their line put back at its end.
    A justified line of few long words (Russian italic openings) is printed with spaces so wide
    that ``pdftotext`` takes its last words for blocks of their own, and writes them after the
    next line, each alone between blank lines::

        рассмотрев доклад … о сотрудничестве          the line, unfinished and short
        Объединенных Наций … организациями2,           the next line, which ends a clause
                                                       (blank)
        между                                          its last words, one a line
                                                       (blank)
        Организацией

    They go back to the end of the unfinished line where they fit within the body's width;
    their lines are left blank, so that line numbers and page ends stay where they were. Only
    in hard-wrapped text (in Markdown a word alone is a paragraph), on one page."""
    out = list(lines)
    width = 0
    index = body + 2
    while index < len(lines) - 2:
        words = _stray_words(lines, index, page_ends)
        if not words:
            index += 1
            continue
        if not width:
            if not _hard_wrapped(lines[body:]):
                return out
            width = _body_width(lines, body)
        line = out[index - 2].rstrip()
        if len(line.strip()) + sum(len(lines[at].strip()) + 1 for at in words) <= width:
            out[index - 2] = " ".join([line, *(lines[at].strip() for at in words)])
            for at in words:
                out[at] = ""
        index = words[-1] + 1
    return out


def _stray_words(lines: Sequence[str], index: int, page_ends: Container[int]) -> list[int]:
    """The lines from ``index`` (a blank line) on that are each one word between blank lines,
    where the line two before ``index`` is unfinished and ends with a letter, and the line
    before it is finished (see :func:`restore_stray_words`); none otherwise."""
    if lines[index].strip() or not _ONE_WORD.fullmatch(lines[index + 1].strip()):
        return []  # most lines: no word alone after a blank line
    unfinished, finished = lines[index - 2].strip(), lines[index - 1].strip()
    if not unfinished or not finished or not _FINISHED.search(finished):
        return []
    if not unfinished[-1].isalpha() or any(at in page_ends for at in range(index - 2, index + 1)):
        return []
    words: list[int] = []
    at = index
    while at + 2 < len(lines) and not lines[at].strip() and _ONE_WORD.fullmatch(lines[at + 1].strip()):
        if lines[at + 2].strip() or at + 1 in page_ends:
            break
        words.append(at + 1)
        at += 2
    return words


def _body_width(lines: Sequence[str], body: int) -> int:
    """The body's full width: the length that ``_WIDTH_RANK`` of its longer lines reach."""
    lengths = sorted(len(line.strip()) for line in lines[body:] if len(line.strip()) >= _LINE_LEAST)
    return lengths[int(len(lengths) * _WIDTH_RANK)] if lengths else 0


def _hard_wrapped(lines: Sequence[str]) -> bool:
    """Whether most lines of prose are followed by another: the printed lines one after the
    other, not paragraphs apart by blank lines (Markdown: there a paragraph is a line). A
    Markdown table's rows (``| … |``) stand one after the other whatever the prose does, and
    are no prose (a budget resolution's tables would make its Markdown look hard-wrapped)."""
    text = [bool(line.strip()) and not line.lstrip().startswith("|") for line in lines]
    return 2 * sum(a and b for a, b in pairwise(text)) >= sum(text)


def _first_line(lines: Sequence[str], index: int) -> int:
    """The line after the last line at ``index``, its blank line and its marker's or number's
    line, if any."""
    after = index + 2
    if _APART.fullmatch(lines[after].strip()) and not lines[after + 1].strip():
        after += 2
    return after


def _last_line_first(lines: Sequence[str], index: int, page_ends: Container[int]) -> bool:
    """Whether the line at ``index`` is a finished line, alone before a blank line (and its
    marker's or number's line), and the next is an unfinished line alone before a blank line,
    all on one page."""
    last = lines[index].strip()
    if not last or lines[index + 1].strip() or not _FINISHED.search(last) or _APART.fullmatch(last):
        return False
    first = _first_line(lines, index)
    if first + 1 >= len(lines) or lines[first + 1].strip():
        return False
    text = lines[first].strip()
    if not text or text[0].isdigit() or _FINISHED.search(text):
        return False
    if first - index > 2 and _numbered_alone(lines, index) and _numbered_alone(lines, first):
        # a paragraph's number on a line of its own before the finished line and another between
        # it and the unfinished one: a paragraph has one number, so the finished line is a
        # paragraph of one line and the unfinished one the next's first (pdftotext writes both
        # numbers apart from their texts where the page's footnotes' column moved them)
        return False
    # a first line that ends its page goes on on the next
    return not any(at in page_ends for at in range(index, first + 2))


def _numbered_alone(lines: Sequence[str], index: int) -> bool:
    """Whether the line with text before the line at ``index`` is a paragraph's number alone."""
    before = index - 1
    while before >= 0 and not lines[before].strip():
        before -= 1
    apart = _APART.fullmatch(lines[before].strip()) if before >= 0 else None
    return apart is not None and bool(apart.group(2))
