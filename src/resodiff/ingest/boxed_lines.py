"""Text whose lines a layout analysis grouped into boxes, as pdfminer.six's ``extract_text``
writes it (its ``pdf2txt.py``; Microsoft's MarkItDown and many Python pipelines give it for a
PDF), turned into the text that plain ``pdftotext`` writes, which the reader reads.

pdfminer groups a page's lines into boxes and writes a blank line after each. A box is most
often a paragraph, but not always: a paragraph's indented first line, its short last line or
its lines after a page break may stand in boxes of their own, so that a blank line falls
inside a sentence (``… and other relevant`` / blank / ``information, …``). Justified lines keep
the runs of spaces that the justification left between words. Plain ``pdftotext`` writes no
blank line between a page's paragraphs and one space between words, and the reader tells its
paragraphs by the width of their lines; so here a blank line between two lines of text stays
only where the text shows a paragraph's end (the line before ends as a paragraph ends, and the
next does not go on its sentence in lower case), and the runs of spaces are one space.

The text is taken for such text by its shape (see :func:`boxed`): lines of a page's full width
set apart by blank lines in the middle of sentences, which neither ``pdftotext`` (no blank line
inside a page's text), its ``-layout`` (lines indented), nor Markdown (a paragraph on one line)
write.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: a run of spaces between two words of a line: justification's
_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
#: how a paragraph, a heading's label or a footnote ends: final punctuation, with a closing
#: quotation mark or bracket after it, or a footnote marker glued to it
_FINISHED = re.compile(r"[.,;:!?։。，；：،؛][\"'”’»)\]]*\d{0,3}$")
#: a line of a bare number or label: a footnote's number or a paragraph's, on a line of its own
_BARE = re.compile(r"\(?(?:\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6}|[A-Z])[.)]?")
#: the least number of wrapped lines in boxed text (Markdown writes a paragraph on a line: only
#: the header's short lines stand together)
_WRAPPED = 5
#: a line that ends with a year (a date's)
_YEAR_END = re.compile(r"(?<![\d/-])\d{4}$")
#: a footnote that opens with its number
_NOTE_OPENING = re.compile(r"(\d{1,3}) (?=\S)")
#: a paragraph's number on a line of its own
_LABEL = re.compile(r"\d{1,3}\.")
#: the body's full width is the length that this share of its lines of this length at least
#: are no longer than
_WIDTH_RANK = 0.75
_LINE_LEAST = 40
#: the least share of the body's full width that a paragraph's first line fills
_FULL = 0.9
#: a footnote's number on a line of its own
_NUMBER = re.compile(r"\d{1,3}")
#: the least number of paragraphs that end before a blank line in boxed text (a short text in
#: ``pdftotext``'s form has its title's, its formula's)
_APART = 3
#: boxed text indents fewer than one line in this many (``pdftotext -layout`` indents the first
#: line of every paragraph)
_INDENTED_SHARE = 20
#: how a line that opens a paragraph begins: a capital, a paragraph's number or a label, perhaps
#: after a quotation mark; or a footnote, with its number
_OPENS = re.compile(r"[\"“«„]?\s?(?:[^\W\d_]|\d{1,3}\.(?:\s|$)|\(?[a-z]{1,4}\)(?:\s|$))|\d{1,3} [^\W\d_]")


def boxed(lines: list[str], is_furniture: Callable[[str], bool]) -> bool:
    """Whether ``lines`` are boxed text: hard-wrapped (long lines that end unfinished, the next
    line going on), no line indented but a few, and paragraphs that end before a blank line, a
    few at least and more often than before the next paragraph's line."""
    indented = wrapped = apart = together = 0
    # the line two after is blank past the end (a text of one line has none)
    for before, after, next_after in zip(lines, [*lines[1:], ""], [*lines[2:], "", ""], strict=False):
        stripped = before.strip()
        indented += bool(stripped) and before[:1] in (" ", "\t")
        # a Markdown table's rows stand one after the other, whatever the prose does
        wrapped += (
            len(stripped) >= _LINE_LEAST
            and bool(after.strip())
            and not stripped.startswith("|")
            and not _FINISHED.search(stripped)
        )
        if not stripped or is_furniture(stripped) or not _FINISHED.search(stripped):
            continue
        if after.strip():
            together += after.lstrip()[:1].isupper()
        else:
            apart += next_after.lstrip()[:1].isupper()
    text = sum(bool(line.strip()) for line in lines)
    return wrapped >= _WRAPPED and apart >= _APART and apart > together and indented * _INDENTED_SHARE < text


def unboxed(lines: list[str], is_furniture: Callable[[str], bool]) -> list[str]:
    """``lines`` as plain ``pdftotext`` writes them (see the module's description), where they
    are boxed text; else as they are."""
    if not boxed(lines, is_furniture):
        return lines
    lines = _numbers_first([_SPACES.sub(" ", line.rstrip()) for line in lines], is_furniture)
    width = _body_width(lines)
    out: list[str] = []
    for index, line in enumerate(lines):
        if (
            not line
            and 0 < index < len(lines) - 1
            and out
            and _text(out[-1], is_furniture)
            and (
                (
                    _text(lines[index + 1], is_furniture)
                    and (_goes_on(out[-1], lines[index + 1].strip()) or _first_line_alone(out, width))
                )
                or (_unfinished_word(out[-1]) and _note_numbers(lines, index + 1))
            )
        ):
            continue
        out.append(line)
    return _numbers_to_paragraphs(out, is_furniture)


def _body_width(lines: list[str]) -> int:
    """The body's full width: the length that a quarter of its longer lines reach."""
    lengths = sorted(len(line) for line in lines if len(line) >= _LINE_LEAST)
    return lengths[int(len(lengths) * _WIDTH_RANK)] if lengths else 0


def _first_line_alone(out: list[str], width: int) -> bool:
    """Whether the last line of ``out`` is a full line alone in its box: a paragraph's first
    line, which pdfminer sets apart from the rest by its indent where the rest is one line (the
    reader tells by the line's width whether the paragraph goes on)."""
    return (len(out) < 2 or not out[-2].strip()) and len(out[-1]) >= _FULL * width


def _numbers_to_paragraphs(lines: list[str], is_furniture: Callable[[str], bool]) -> list[str]:
    """``lines`` with the numbers of consecutive paragraphs that pdfminer wrote as a box of their
    own, one after the other (``1.``, blank, ``2.``, then the two paragraphs), each put before its
    paragraph: the boxes of text that follow, one a paragraph, in order."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        labels: list[str] = []
        at = index
        while at < len(lines) and _LABEL.fullmatch(lines[at]) and (at == index or not lines[at - 1]):
            if labels and int(lines[at][:-1]) != int(labels[-1][:-1]) + 1:
                break
            labels.append(lines[at])
            at += 2 if at + 1 < len(lines) and not lines[at + 1] else 1
        blocks = _text_boxes(lines, at, len(labels), is_furniture) if len(labels) > 1 else None
        if blocks is None:
            out.append(lines[index])
            index += 1
            continue
        for label, (start, end) in zip(labels, blocks, strict=True):
            out.extend([label, "", *lines[start:end], ""])
        index = blocks[-1][1] + 1
    return out


def _text_boxes(
    lines: list[str], index: int, count: int, is_furniture: Callable[[str], bool]
) -> list[tuple[int, int]] | None:
    """The spans of the ``count`` boxes of text, each one blank line apart, from ``index`` on;
    None where there are fewer before something else (a label, the page's end)."""
    boxes: list[tuple[int, int]] = []
    while len(boxes) < count:
        end = index
        while end < len(lines) and _text(lines[end], is_furniture) and not _LABEL.fullmatch(lines[end]):
            end += 1
        if end == index:
            return None
        boxes.append((index, end))
        if end < len(lines) and lines[end]:
            return None if len(boxes) < count else boxes
        index = end + 1
    return boxes


def _text(line: str, is_furniture: Callable[[str], bool]) -> bool:
    """Whether ``line`` is a line of text: not blank, not a page's furniture or first line,
    not a bare number."""
    stripped = line.strip()
    return bool(stripped) and "\f" not in line and not is_furniture(stripped) and not _BARE.fullmatch(stripped)


def _numbers_first(lines: list[str], is_furniture: Callable[[str], bool]) -> list[str]:
    """``lines`` with each page's box of footnote numbers as ``pdftotext`` writes it, which the
    reader puts together with the footnotes' texts: the numbers one a line, without the blank
    lines that pdfminer may write between them, right before the box of the texts, where
    pdfminer wrote that box first (nothing but the page's furniture and footnotes that open with
    the next numbers then follow the numbers' box on its page: pdfminer writes a wider number
    with its text; their numbers join the box, their texts the texts')."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        run = _number_run(lines, index)
        if not run:
            out.append(lines[index])
            index += 1
            continue
        numbers = [lines[at].strip() for at in run]
        index = run[-1] + 1
        start = len(out) - 1
        while start >= 0 and not out[start].strip():
            start -= 1
        box = start
        while box > 0 and out[box - 1].strip():
            box -= 1
        notes = _page_notes(lines, index, is_furniture, int(numbers[-1]) + 1)
        if (
            notes is None
            or start < 0
            or start == len(out) - 1
            or not all(_text(line, is_furniture) for line in out[box : start + 1])
        ):
            out.extend(numbers)
            continue
        more, texts, index = notes
        out[start + 1 : start + 1] = texts
        out[box:box] = [*numbers, *more, ""]
    return out


def _page_notes(
    lines: list[str], index: int, is_furniture: Callable[[str], bool], number: int
) -> tuple[list[str], list[str], int] | None:
    """The footnotes that open with their numbers, counting on from ``number``, from ``index``
    on before the page's furniture: their numbers, their lines without them, and the index of
    the line after them; None where other text stands before the page's end."""
    numbers: list[str] = []
    texts: list[str] = []
    end = index
    in_notes = True  # no furniture yet
    for line in lines[index:]:
        stripped = line.strip()
        if "\f" in line:
            break
        opening = _NOTE_OPENING.match(stripped)
        if in_notes and opening and int(opening.group(1)) == number:
            numbers.append(opening.group(1))
            texts.append(stripped[opening.end(1) :].lstrip())
            number = number + 1
        elif stripped and is_furniture(stripped):
            in_notes = False
        elif stripped and (not numbers or not in_notes):
            return None
        elif stripped:
            texts.append(stripped)
        if in_notes:
            end += 1
    return numbers, texts, end


def _number_run(lines: list[str], index: int) -> list[int]:
    """The indices of the lines from ``index`` on that are bare numbers counting on by one, with
    single blank lines between them or none; none where the line at ``index`` is not one or
    follows a line of text."""
    if index > 0 and lines[index - 1].strip():
        return []
    run: list[int] = []
    at = index
    while at < len(lines) and _NUMBER.fullmatch(number := lines[at].strip()):
        if run and int(number) != int(lines[run[-1]].strip()) + 1:
            break
        run.append(at)
        at += 1 + (at + 2 < len(lines) and not lines[at + 1].strip() and bool(_NUMBER.fullmatch(lines[at + 2].strip())))
    return run


def _note_numbers(lines: list[str], index: int) -> bool:
    """Whether the lines from ``index`` on are a box of footnote numbers, one a line, counting
    on by one (pdfminer writes a page's footnote numbers as a box, their texts as another)."""
    return bool(_number_run(lines, index))


def _unfinished_word(line: str) -> bool:
    """Whether ``line`` ends as a sentence that goes on past the page's footnotes: not as a
    paragraph ends, nor with a year, as the closing's date does."""
    return not _FINISHED.search(line) and not _YEAR_END.search(line)


def _goes_on(before: str, after: str) -> bool:
    """Whether ``after`` goes on the paragraph whose line ``before`` is, over a blank line."""
    opens = _OPENS.match(after)
    return opens is None or after[:1].islower() or not _FINISHED.search(before)


def unboxed_text(source: str, is_furniture: Callable[[str], bool]) -> str:
    """``source`` as plain ``pdftotext`` writes it, where it is boxed text (see :func:`unboxed`)."""
    lines = source.split("\n")
    out = unboxed(lines, is_furniture)
    return source if out is lines else "\n".join(out)
