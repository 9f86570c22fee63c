"""``resodiff check --fix``: corrections of the mechanical rules, as edits of the source text.

Only text and Markdown sources are fixed, and only in place: each fix replaces the few characters
it corrects (a final punctuation mark, an operative number, the order of the items of a recall
list, footnote numbers) and leaves every other character of the file as it was. The model keeps
the start line of every block; the fixers find the characters from there. A fix the source does
not let them place is not made, and the finding stays. The caller re-reads the fixed text and
checks it again before anything is written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..findings import Finding
from ..model import Item, Paragraph, Resolution
from ..typography import SUPERSCRIPT_DIGITS, digits_to_superscript, superscript_to_digits
from .rules import (
    RecallItem,
    footnote_renumbering,
    last_operative,
    operative_renumbering,
    out_of_order,
    preamble_full_stops,
    punctuation_slips,
    recall_lists,
)
from .suppress import block_lines


@dataclass(frozen=True, slots=True)
class Edit:
    """One correction: characters of one line replaced, for the finding of a rule."""

    line: int  # 1-based
    start: int  # 0-based columns of the replaced characters in that line
    end: int
    text: str
    code: str
    #: the line of the finding the edit answers (a suppressed finding is not fixed)
    anchor: int
    what: str


class Source:
    """The lines of a text draft, with what the fixers need to find characters in them."""

    def __init__(self, text: str, resolution: Resolution) -> None:
        self.lines = text.split("\n")
        self.resolution = resolution
        notes = resolution.footnotes + resolution.unplaced_footnotes
        self.note_lines = {note.span.line for note in notes if note.span is not None}
        self.body_starts = sorted(set(block_lines(resolution)) - self.note_lines)

    def next_block(self, line: int) -> int:
        """The first line of the block after ``line`` (past the end: one past the last line)."""
        index = bisect_right(self.body_starts, line)
        return self.body_starts[index] if index < len(self.body_starts) else len(self.lines) + 1

    def last_line(self, first: int) -> int | None:
        """The last line of the block that starts at ``first``: the last line before the next
        block that is not empty and not a footnote (a page break puts the page's footnotes
        between a paragraph's two halves)."""
        for number in range(self.next_block(first) - 1, first - 1, -1):
            text = self.lines[number - 1].strip()
            if text and number not in self.note_lines and not _FOOTNOTE_START.match(text):
                return number
        return None


_FOOTNOTE_START = re.compile(rf"^(?:[{SUPERSCRIPT_DIGITS}]+|\[\^\w+\]:)")
# what may follow a paragraph's final punctuation on its last line: markup, quotes, footnote markers
_TAIL = re.compile(
    rf"(?P<mark>[,;.:])(?P<tail>(?:[\s*_»\"'”’)]|[{SUPERSCRIPT_DIGITS}]|\^\{{[^}}]*\}}|\^\w+|\[\^\w+\])*)$"
)


def _last_block(paragraph: Paragraph) -> Paragraph | Item:
    last: Paragraph | Item = paragraph
    while last.items:
        last = last.items[-1]
    return last


def _final_mark(source: Source, paragraph: Paragraph, wanted: str, code: str, wrong: str) -> Edit | None:
    block = _last_block(paragraph)
    if block.span is None or paragraph.span is None:
        return None
    number = source.last_line(block.span.line)
    if number is None:
        return None
    match = _TAIL.search(source.lines[number - 1])
    if match is None or match.group("mark") not in wrong:
        return None
    where = "preambular paragraph" if paragraph.part == "preamble" else f"operative paragraph {paragraph.num}"
    return Edit(
        number,
        match.start("mark"),
        match.end("mark"),
        wanted,
        code,
        paragraph.span.line,
        f"{where}: final {match.group('mark')!r} → {wanted!r}",
    )


def _fix_s102(source: Source) -> list[Edit]:
    edits = [_final_mark(source, p, ",", "S102", ".") for p in preamble_full_stops(source.resolution)]
    return [edit for edit in edits if edit is not None]


def _fix_s103(source: Source) -> list[Edit]:
    last = last_operative(source.resolution)
    edit = _final_mark(source, last, ".", "S103", ";,") if last is not None else None
    return [edit] if edit is not None else []


def _fix_s108(source: Source) -> list[Edit]:
    edits = [_final_mark(source, p, wanted, "S108", ",;.:") for p, wanted in punctuation_slips(source.resolution)]
    return [edit for edit in edits if edit is not None]


_OPERATIVE_NUMBER = re.compile(r"^(\s*(?:\*\*)?)(\d{1,3})(?=\.|\s-)")


def _fix_s101(source: Source) -> list[Edit]:
    wrong = operative_renumbering(source.resolution)
    if not wrong or wrong[0][0].span is None:
        return []
    anchor = wrong[0][0].span.line
    edits = []
    for paragraph, expected in wrong:
        if paragraph.span is None:
            return []
        match = _OPERATIVE_NUMBER.match(source.lines[paragraph.span.line - 1])
        if match is None:
            return []  # renumber all of them or none: half a renumbering is a new gap
        edits.append(
            Edit(
                paragraph.span.line,
                match.start(2),
                match.end(2),
                str(expected),
                "S101",
                anchor,
                f"operative paragraph {match.group(2)} → {expected}",
            )
        )
    return edits


_NOTE_MARKER = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+|\[\^(\w+)\](?!:)")
_NOTE_BODY = re.compile(rf"^(\s*)(?:([{SUPERSCRIPT_DIGITS}]+)|\[\^(\w+)\]:)")


def _marker_text(original: str, number: int) -> str:
    return f"[^{number}]" if original.startswith("[") else digits_to_superscript(str(number))


def _fix_f203(source: Source) -> list[Edit]:
    """Renumber the markers in reading order and each footnote with its marker."""
    wrong = footnote_renumbering(source.resolution)
    if not wrong or wrong[0][0].span is None:
        return []
    anchor = wrong[0][0].span.line
    notes = [note for note in source.resolution.footnotes if note.marker.isdigit()]
    known = {note.marker for note in notes}
    markers = []  # (line, match) of each marker in the text, in reading order
    for number, line in enumerate(source.lines, start=1):
        if number in source.note_lines:
            continue
        for match in _NOTE_MARKER.finditer(line):
            value = match.group(1) or superscript_to_digits(match.group())
            if value in known:
                markers.append((number, match))
    if [superscript_to_digits(m.group(1) or m.group()) for _, m in markers] != [n.marker for n in notes]:
        return []  # the markers in the text are not the model's: leave them to a person
    position = {id(note): index for index, note in enumerate(notes)}
    edits = []
    for note, expected in wrong:
        marker_line, marker = markers[position[id(note)]]
        body = _NOTE_BODY.match(source.lines[note.span.line - 1]) if note.span else None
        if body is None or note.span is None:
            return []
        start, end = (body.start(2), body.end(2)) if body.group(2) else (body.start(3) - 2, body.end(3) + 1)
        new = _marker_text(marker.group(), expected)
        edits.append(
            Edit(marker_line, marker.start(), marker.end(), new, "F203", anchor, f"marker {note.marker} → {expected}")
        )
        edits.append(
            Edit(
                note.span.line,
                start,
                end,
                _marker_text(body.group(2) or "[", expected),
                "F203",
                anchor,
                f"footnote {note.marker} → {expected}",
            )
        )
    return edits


#: searched: the white space starts where white space starts, or a run of spaces is tried from
#: each of its characters (quadratic), for the match the run's first character finds anyway
_GLUE = re.compile(r"(?:,\s*(?:(?:and|et|y)\s+)?|(?<!\s)\s+(?:and|et|y)\s+)$")
_LAST_DATE = re.compile(r"(?:,?\s+(?:of|du|de|del)\s+\d{1,2}(?:er)?\s+(?:de\s+)?\w+\s+(?:de\s+)?\d{4})?")


def _fix_r303(source: Source) -> list[Edit]:
    edits = []
    for paragraph in source.resolution.preamble:
        if paragraph.span is None:
            continue
        line_number = paragraph.span.line
        if source.last_line(line_number) != line_number:
            continue  # lists cut by a page break are left to a person
        line = source.lines[line_number - 1]
        for items in recall_lists(paragraph, source.resolution.meta.language):
            if out_of_order(items) is None:
                continue
            edit = _reorder(line, line_number, items, paragraph.span.line)
            if edit is not None:
                edits.append(edit)
    return edits


def _reorder(line: str, number: int, items: list[RecallItem], anchor: int) -> Edit | None:
    starts = []
    position = 0
    for item in items:
        token = re.compile(rf"\[{re.escape(item.text)}\]\([^)]*\)|(?<![\w/]){re.escape(item.text)}(?![\w/])")
        match = token.search(line, position)
        if match is None:
            return None
        starts.append(match.start())
        position = match.end()
    last = re.compile(rf"\[{re.escape(items[-1].text)}\]\([^)]*\)|{re.escape(items[-1].text)}").match(line, starts[-1])
    assert last is not None  # found just above
    end = _LAST_DATE.match(line, last.end())
    assert end is not None  # the pattern matches the empty string
    segments = [line[a:b] for a, b in zip(starts, starts[1:] + [end.end()], strict=True)]
    pieces: list[str] = []
    glues: list[str] = []
    for segment in segments[:-1]:
        glue = _GLUE.search(segment)
        if glue is None:
            return None
        pieces.append(segment[: glue.start()])
        glues.append(glue.group())
    pieces.append(segments[-1])
    dated = [item.date is not None for item in items]
    if any(dated) and not all(dated):
        return None  # "58/269 and 58/270 of 23 December 2003": one date for two items
    order = sorted(range(len(items)), key=lambda i: (items[i].date or "", items[i].session, items[i].number))
    rebuilt = "".join(pieces[i] + (glues[k] if k < len(glues) else "") for k, i in enumerate(order))
    texts = ", ".join(items[i].text for i in order)
    return Edit(number, starts[0], end.end(), rebuilt, "R303", anchor, f"recall list reordered: {texts}")


FIXERS: dict[str, Callable[[Source], list[Edit]]] = {
    "S101": _fix_s101,
    "S102": _fix_s102,
    "S103": _fix_s103,
    "S108": _fix_s108,
    "R303": _fix_r303,
    "F203": _fix_f203,
}


def plan_fixes(text: str, resolution: Resolution, findings: Sequence[Finding]) -> list[Edit]:
    """The edits that answer ``findings`` (the ones left after configuration and suppression)."""
    source = Source(text, resolution)
    wanted = {(f.code, f.line) for f in findings}
    edits: list[Edit] = []
    for code in sorted({f.code for f in findings} & set(FIXERS)):
        edits.extend(edit for edit in FIXERS[code](source) if (code, edit.anchor) in wanted)
    return edits


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, list[Edit]]:
    """The text with the edits made (an edit overlapping one already made is dropped), and the
    edits made."""
    lines = text.split("\n")
    made: list[Edit] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    for edit in edits:
        ranges = taken.setdefault(edit.line, [])
        if any(edit.start < end and start < edit.end for start, end in ranges):
            continue
        ranges.append((edit.start, edit.end))
        made.append(edit)
    for edit in sorted(made, key=lambda e: (e.line, e.start), reverse=True):
        line = lines[edit.line - 1]
        lines[edit.line - 1] = line[: edit.start] + edit.text + line[edit.end :]
    return "\n".join(lines), sorted(made, key=lambda e: (e.line, e.start))
