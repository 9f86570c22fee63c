"""The change report as a Word document: the new version, its differences from the old one as
Word's own tracked changes.

Everything comes from the report (never a second diff): the paragraphs in the report's order,
the words of each changed paragraph from its segments, sub-paragraphs and footnotes from its
units, moves at both places. The two models the report was made from (``ChangeReport.documents``)
give what the segments do not hold: italics, where each footnote's marker stands, the header block
and the closing. Where no version of a paragraph marks its opening phrase in italics (a PDF
conversion's text), the language's listed opening phrase is set in italics, as the printed
resolution sets it. Inserted and deleted text is ``w:ins`` and ``w:del``; a paragraph inserted or
deleted whole has its paragraph mark tracked too, so that accepting every change gives the new
version and rejecting every change the old one, paragraph for paragraph. A moved paragraph is a
Word move (``w:moveFrom`` at the old place, ``w:moveTo`` at the new, one range name). Header
lines, the formula and the closing are not compared word by word (the report does not compare
them): a line that differs is replaced whole.

Unchanged words are printed as the new version prints them (the report's typography-only
differences, quotes and spaces, are not changes), so rejecting all gives the old text up to its
typography and spacing.

The package is built with the standard library: XML by ElementTree, a ZIP with fixed timestamps,
the revision date from ``SOURCE_DATE_EPOCH`` where it is set; the same report gives the same bytes.
"""

from __future__ import annotations

import bisect
import io
import os
import time
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

from .._version import __version__
from ..diff.report import Change, ChangeReport, DocumentInfo, Segment, UnitChange, rebuild
from ..errors import ResodiffError
from ..languages import Language, language, language_or_fallback, with_italic_opening
from ..model import Footnote, Inlines, Item, Paragraph, Resolution, Section, Text, footnotes_in

if TYPE_CHECKING:
    from ..diff.parts import PartsReport

Op = Literal["equal", "insert", "delete"]

AUTHOR = "resodiff"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TRACKED = {"insert": "w:ins", "delete": "w:del"}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP can say: the package's bytes do not depend on the clock


# ---------------------------------------------------------------------------------------------
# what a document is made of before it is XML: paragraphs of pieces, each piece inserted,
# deleted or unchanged


@dataclass(frozen=True, slots=True)
class _Note:
    """A footnote at its marker: the old and the new note (one of them for an inserted or
    deleted one) and, for a note in both, the report's word-level comparison of the two."""

    old: Footnote | None
    new: Footnote | None
    segments: tuple[Segment, ...] | None = None


@dataclass(frozen=True, slots=True)
class _Piece:
    op: Op
    text: str = ""
    style: Text | None = None
    note: _Note | None = None
    tab: bool = False
    end: Op | None = None
    """A paragraph ends here (a split or a merge inside one change), its mark inserted or deleted."""


@dataclass(slots=True)
class _Para:
    style: str
    pieces: list[_Piece]
    mark: Op = "equal"
    """The paragraph mark: inserted or deleted with a paragraph inserted or deleted whole."""
    move: str | None = None
    """The name of the move this paragraph is part of (its old place when the mark is deleted)."""
    move_start: bool = False
    move_end: bool = False
    section_end: bool = False
    tail: Op | None = None
    """The paragraph mark tracked as this rather than as the paragraph (the document's last marks)."""
    """The last paragraph of a part of a multi-part publication: a new page and footnotes from 1 follow."""


_PLAIN = Text("")


class _Flow:
    """One side of a compared unit as the report's segments count it: the text (a line break
    counts as a space, footnote markers not at all), its runs and where each footnote stands.
    Several paragraphs compared as one (a split, a merge) are joined with a space, as the
    report joins them; ``breaks`` are the joining spaces."""

    def __init__(self, units: Sequence[Inlines]) -> None:
        self.starts: list[int] = []
        self.styles: list[Text] = []
        self.anchors: list[tuple[int, Footnote]] = []
        self.breaks: list[int] = []
        texts: list[str] = []
        position = 0
        for index, inlines in enumerate(units):
            if index:
                self.breaks.append(position)
                self.starts.append(position)
                self.styles.append(_PLAIN)
                texts.append(" ")
                position += 1
            for node in inlines:
                if isinstance(node, Footnote):
                    self.anchors.append((position, node))
                    continue
                text = node.text.replace("\n", " ")
                if text:
                    self.starts.append(position)
                    self.styles.append(_style(node))
                    texts.append(text)
                    position += len(text)
        self.text = "".join(texts)
        self.length = position

    def run_at(self, position: int) -> tuple[Text, int]:
        """The style of the run at a position and where that run ends."""
        index = bisect.bisect_right(self.starts, position) - 1
        if index < 0:
            return _PLAIN, self.length
        end = self.starts[index + 1] if index + 1 < len(self.starts) else self.length
        return self.styles[index], end

    def cut(self, start: int, end: int) -> int:
        """Where a piece from ``start`` must end: at its run's end, at a marker, before a
        joining space (a joining space is a piece of its own)."""
        if start in self.breaks:
            return start + 1
        stops = [end, self.run_at(start)[1]]
        stops += [position for position, _ in self.anchors if start < position < end]
        stops += [position for position in self.breaks if start < position < end]
        return min(stops)


def _style(node: Text) -> Text:
    return _PLAIN if not (node.italic or node.bold or node.sup) else Text("", node.italic, node.bold, node.sup)


NoteOf = Callable[[Footnote, Literal["old", "new"]], "_Piece | None"]


def _no_notes(footnote: Footnote, side: Literal["old", "new"]) -> _Piece | None:
    return None


class _Walk:
    """The report's segments laid over both sides' flows: pieces in their runs' styles, footnote
    references where the markers stand, paragraph ends at the joining spaces."""

    def __init__(self, old: _Flow, new: _Flow, note_of: NoteOf = _no_notes) -> None:
        self.old, self.new, self.note_of = old, new, note_of
        self.pieces: list[_Piece] = []
        self.o = self.n = 0
        self.next_old = self.next_new = 0

    def flush_notes(self) -> None:
        """The references of the markers reached on either side."""
        while self.next_new < len(self.new.anchors) and self.new.anchors[self.next_new][0] <= self.n:
            piece = self.note_of(self.new.anchors[self.next_new][1], "new")
            self.pieces += [piece] if piece else []
            self.next_new += 1
        while self.next_old < len(self.old.anchors) and self.old.anchors[self.next_old][0] <= self.o:
            piece = self.note_of(self.old.anchors[self.next_old][1], "old")
            self.pieces += [piece] if piece else []
            self.next_old += 1

    def run(self, segments: Iterable[Segment]) -> list[_Piece]:
        for segment in segments:
            if segment.op == "insert":
                self.n = self.side(self.new, self.n, len(segment.text), "insert")
            elif segment.op == "delete":
                self.o = self.side(self.old, self.o, len(segment.text), "delete")
            else:
                self.equal(segment)
        self.o, self.n = self.old.length, self.new.length
        self.flush_notes()
        return self.pieces

    def side(self, flow: _Flow, position: int, length: int, op: Op) -> int:
        """Text on one side only; returns where that side is then."""
        end = position + length
        while position < end:
            if op == "insert":
                self.n = position
            else:
                self.o = position
            self.flush_notes()
            stop = flow.cut(position, end)
            if position in flow.breaks:  # a paragraph end that only this side has
                self.pieces.append(_Piece("equal", end=op))
            else:
                self.pieces.append(_Piece(op, flow.text[position:stop], flow.run_at(position)[0]))
            position = stop
        return end

    def equal(self, segment: Segment) -> None:
        length = len(segment.text)
        old_length = len(segment.old_text) if segment.old_text is not None else length
        if old_length != length:  # typography of another length: the new side's words, cut by its runs
            end = self.n + length
            while self.n < end:
                self.flush_notes()
                stop = self.new.cut(self.n, end)
                self.pieces.append(_Piece("equal", self.new.text[self.n : stop], self.new.run_at(self.n)[0]))
                self.n = stop
            self.o += old_length
            return
        end = self.n + length
        while self.n < end:
            self.flush_notes()
            step = min(self.new.cut(self.n, end) - self.n, self.old.cut(self.o, self.o + end - self.n) - self.o)
            if self.n in self.new.breaks:  # a split: the old text's space becomes a paragraph end
                self.pieces += [_Piece("delete", " "), _Piece("equal", end="insert")]
            elif self.o in self.old.breaks:  # a merge: a paragraph end becomes the new text's space
                self.pieces += [_Piece("equal", end="delete"), _Piece("insert", " ")]
            else:
                self.pieces.append(_Piece("equal", self.new.text[self.n : self.n + step], self.new.run_at(self.n)[0]))
            self.n += step
            self.o += step


def _whole(inlines: Inlines, op: Op) -> list[_Piece]:
    """A unit printed whole, every piece and footnote of it inserted, deleted or unchanged."""
    pieces: list[_Piece] = []
    for node in inlines:
        if isinstance(node, Footnote):
            pieces.append(_Piece(op, note=_Note(node if op == "delete" else None, None if op == "delete" else node)))
        elif node.text:
            pieces.append(_Piece(op, node.text.replace("\n", " "), _style(node)))
    return pieces


def _number(old: str | None, new: str | None, op: Op = "equal") -> list[_Piece]:
    """A typed number and its tab; a changed number is the old one deleted, the new inserted."""
    if op != "equal":
        number = new if op == "insert" else old
        return [_Piece(op, number), _Piece(op, tab=True)] if number else []
    if old == new:
        return [_Piece("equal", old), _Piece("equal", tab=True)] if old else []
    if old is None or new is None:
        return _number(old, new, "insert" if new else "delete")
    return [_Piece("delete", old), _Piece("insert", new), _Piece("equal", tab=True)]


def _split(pieces: list[_Piece], style: str) -> list[_Para]:
    """Pieces cut into paragraphs where a paragraph ends among them."""
    paragraphs = [_Para(style, [])]
    for piece in pieces:
        if piece.end is not None:
            paragraphs[-1].mark = piece.end
            paragraphs.append(_Para(style, []))
        else:
            paragraphs[-1].pieces.append(piece)
    return paragraphs


def _flatten(items: tuple[Item, ...], depth: int = 1) -> list[tuple[Item, int]]:
    flat: list[tuple[Item, int]] = []
    for item in items:
        flat.append((item, depth))
        flat.extend(_flatten(item.items, depth + 1))
    return flat


def _display(inlines: Inlines) -> str:
    """A unit's words as the report compares them (footnote markers left out)."""
    return "".join(node.text for node in inlines if isinstance(node, Text)).replace("\n", " ")


def _consume(texts: Sequence[str], free: list[int], text: str) -> list[int] | None:
    """The first free units, in order, whose texts joined as the report joins them are ``text``."""
    joined: str | None = None
    for count, index in enumerate(free, start=1):
        joined = texts[index] if joined is None else f"{joined} {texts[index]}"
        if joined == text:
            taken = free[:count]
            del free[:count]
            return taken
        if len(joined) >= len(text):
            break
    return None


def _match(
    units: Sequence[UnitChange], old_texts: Sequence[str], new_texts: Sequence[str]
) -> list[tuple[UnitChange, list[int], list[int]]] | None:
    """Which old and new sub-units (sub-paragraphs, footnotes) each of the report's units holds,
    told by their texts (the report keeps only labels, which repeat); None if they cannot be.

    The report lists units in the new order; the units that kept their place are in the old
    order too, the moved and deleted ones are found by their text."""
    free_old, free_new = list(range(len(old_texts))), list(range(len(new_texts)))
    olds: dict[int, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.kind in ("moved", "deleted"):
            text = rebuild(unit.segments, "old")
            found = next((i for i in free_old if old_texts[i] == text), None)
            if found is None:
                return None
            free_old.remove(found)
            olds[index] = [found]
    result = []
    for index, unit in enumerate(units):
        old: list[int] | None = olds.get(index, [])
        new: list[int] | None = []
        if index not in olds and unit.kind != "inserted":
            old = _consume(old_texts, free_old, rebuild(unit.segments, "old"))
        if unit.kind != "deleted":
            new = _consume(new_texts, free_new, rebuild(unit.segments, "new"))
        if old is None or new is None:
            return None
        result.append((unit, old, new))
    return None if free_old or free_new else result


def _in_part(changes: Iterable[Change], part: str) -> list[Change]:
    """The entries of one part. A paragraph that went to the other part (the preamble's, now
    operative) is written deleted where it was and inserted where it is: each part is laid out
    in its own order, and the two ends of such a move fall in two parts' passes."""
    entries: list[Change] = []
    for change in changes:
        old_part, new_part = change.parts
        if old_part == new_part == part:
            entries.append(change)
        elif old_part == part:
            entries.append(replace(change, kind="deleted", new=(), new_part=None))
        elif new_part == part:
            entries.append(replace(change, kind="inserted", old=(), part=new_part, new_part=None))
    return entries


def _apart(positions: Sequence[int]) -> bool:
    return any(later != earlier + 1 for earlier, later in zip(positions, positions[1:], strict=False))


def _pieces_in_place(changes: list[Change]) -> list[Change]:
    """A split or a merge whose pieces stand apart (another paragraph between them) has no one
    paragraph mark to track: its old paragraphs are written deleted and its new ones inserted,
    each at its own place. The rest keep the report's order, which is the new version's."""
    placed: list[Change] = []
    for change in changes:
        if change.kind in ("split", "merged") and (_apart(change.old) or _apart(change.new)):
            placed += [replace(change, kind="deleted", old=(i,), new=()) for i in change.old]
            placed += [replace(change, kind="inserted", old=(), new=(j,)) for j in change.new]
        else:
            placed.append(change)
    # a deleted entry's place comes from its old position (_in_both_orders), not from the list
    return sorted(placed, key=lambda c: (0, c.new[0]) if c.new else (1, c.old[0]))


def _in_both_orders(entries: Sequence[tuple[str, Sequence[int]]]) -> list[tuple[int, bool]]:
    """Entries (kind, old positions) in the report's order, placed so that either version reads in
    its own order: a deleted entry, and the old place of a moved one (``True``), go just after
    the entry that holds the position before theirs in the old order."""
    order: list[tuple[int, bool]] = [(index, False) for index, (kind, _) in enumerate(entries) if kind != "deleted"]
    placed = sorted(
        (index for index, (kind, _) in enumerate(entries) if kind in ("moved", "deleted")),
        key=lambda i: entries[i][1][0],
    )
    for index in placed:
        before = entries[index][1][0] - 1
        at = 0
        for position, (other, at_old_place) in enumerate(order):
            kind, olds = entries[other]
            if before in olds and (at_old_place or kind != "moved"):
                at = position + 1
                break
        order.insert(at, (index, True))
    return order


# ---------------------------------------------------------------------------------------------
# the document: header, the report's changes part by part, closing, as paragraphs


def _line(style: str, old: str | None, new: str | None) -> _Para | None:
    """A line of the header or closing: kept, replaced whole, inserted or deleted."""
    if old == new:
        return _Para(style, [_Piece("equal", new)]) if new else None
    if old and new:
        return _Para(style, [_Piece("delete", old), _Piece("insert", new)])
    if new:
        return _Para(style, [_Piece("insert", new)], mark="insert")
    return _Para(style, [_Piece("delete", old)], mark="delete") if old else None


def _inlines(style: str, old: Inlines, new: Inlines) -> _Para | None:
    """Inline text the report does not compare (the formula, a paragraph's own heading): kept
    or replaced whole."""
    if old == new:
        return _Para(style, _whole(new, "equal")) if new else None
    if old and new:
        return _Para(style, _whole(old, "delete") + _whole(new, "insert"))
    if new:
        return _Para(style, _whole(new, "insert"), mark="insert")
    return _Para(style, _whole(old, "delete"), mark="delete")


def _item_style(depth: int) -> str:
    return f"Item{min(depth, 3)}"


def _date(lang: Language | None, iso: str | None) -> str | None:
    return lang.format_date(iso) if lang and iso else iso


def _header_lines(resolution: Resolution) -> list[tuple[str, str | None]]:
    """The header block's lines as the resolution prints them (style, text)."""
    meta = resolution.meta
    lang = language(meta.language)
    committee = None
    if meta.committee or meta.draft_symbol:
        committee = f"[{meta.committee or ''}{f' ({meta.draft_symbol})' if meta.draft_symbol else ''}]"
    return [
        ("Symbol", meta.symbol),
        ("HeaderBold", lang.general_assembly if lang else None),
        ("Header", meta.distribution),
        ("Header", _date(lang, meta.distribution_date)),
        ("HeaderBold", meta.session_label),
        ("Header", lang.agenda_line.format(item=meta.agenda_item) if lang and meta.agenda_item else meta.agenda_item),
        ("HeaderBold", meta.agenda_title),
        ("HeaderBold", meta.adoption_line),
        ("Header", committee),
    ]


@dataclass
class _Document:
    report: ChangeReport
    old: Resolution
    new: Resolution
    paragraphs: list[_Para] = field(default_factory=list)
    moves: dict[tuple[object, ...], str] = field(default_factory=dict)
    old_sections: tuple[Section, ...] = ()
    new_sections: tuple[Section, ...] = ()

    def add(self, *paragraphs: _Para | None) -> None:
        self.paragraphs += [p for p in paragraphs if p is not None]

    def move_name(self, key: tuple[object, ...]) -> str:
        """One name for both places of a move (Word pairs them by it)."""
        return self.moves.setdefault(key, f"move{len(self.moves) + 1}")

    def header(self) -> None:
        for (style, before), (_, after) in zip(_header_lines(self.old), _header_lines(self.new), strict=True):
            self.add(_line(style, before, after))
        old, new = self.old.meta, self.new.meta
        title = _Para(
            "Title", _number(f"{old.number}." if old.number else None, f"{new.number}." if new.number else None)
        )
        if old.title == new.title:
            title.pieces.append(_Piece("equal", new.title))
        else:
            title.pieces += [_Piece("delete", old.title), _Piece("insert", new.title)]
        self.add(title, _inlines("Formula", self.old.formula, self.new.formula))

    def closing(self) -> None:
        old, new = self.old.closing, self.new.closing
        self.add(_line("Closing", old.meeting if old else None, new.meeting if new else None))
        self.add(_line("Closing", old.date_text if old else None, new.date_text if new else None))

    def headings(self, olds: Sequence[Paragraph], news: Sequence[Paragraph]) -> None:
        """The headings each side opens before these paragraphs; the same on both sides kept,
        else the old ones deleted and the new ones inserted."""

        def opened(current: tuple[Section, ...], path: tuple[Section, ...]) -> list[tuple[int, Section]]:
            shared = 0
            while shared < min(len(current), len(path)) and current[shared] == path[shared]:
                shared += 1
            return list(enumerate(path[shared:], shared))

        old_path = olds[0].sections if olds else self.old_sections
        new_path = news[0].sections if news else self.new_sections
        old_open, new_open = opened(self.old_sections, old_path), opened(self.new_sections, new_path)
        self.old_sections, self.new_sections = old_path, new_path
        if [s.label for _, s in old_open] == [s.label for _, s in new_open]:
            self.add(*(_Para(_section_style(depth), _heading(section, "equal")) for depth, section in new_open))
            return
        self.add(
            *(_Para(_section_style(depth), _heading(section, "delete"), mark="delete") for depth, section in old_open)
        )
        self.add(
            *(_Para(_section_style(depth), _heading(section, "insert"), mark="insert") for depth, section in new_open)
        )

    def part(self, part: str, olds: Sequence[Paragraph], news: Sequence[Paragraph]) -> None:
        changes = _pieces_in_place(_in_part(self.report.changes, part))
        for index, at_old_place in _in_both_orders([(c.kind, [i - 1 for i in c.old]) for c in changes]):
            change = changes[index]
            before, after = self.presented(part, [olds[i - 1] for i in change.old], [news[j - 1] for j in change.new])
            if change.kind == "deleted" or at_old_place:
                self.headings(before, ())
                out = [p for paragraph in before for p in _whole_paragraph(paragraph, "delete")]
                if change.kind == "moved":
                    _in_move(out, self.move_name((part, index)))
                self.add(*out)
            elif change.kind == "inserted":
                self.headings((), after)
                self.add(*(p for paragraph in after for p in _whole_paragraph(paragraph, "insert")))
            elif change.kind == "moved":
                self.headings((), after)
                out = [_moved_to(p) for p in self.compared(change, before, after, (part, index)) if p.mark != "delete"]
                _in_move(out, self.move_name((part, index)))
                self.add(*out)
            else:
                self.headings(before, after)
                self.add(*self.compared(change, before, after, (part, index)))

    def presented(
        self, part: str, olds: list[Paragraph], news: list[Paragraph]
    ) -> tuple[list[Paragraph], list[Paragraph]]:
        """The paragraphs of one entry with their language's opening phrase in italics, as the
        printed resolution sets it, where no version of them opens in italics (a PDF conversion's
        text); a version that marks its own opening keeps exactly that."""
        if any(p.opening for p in (*olds, *news)):
            return olds, news

        def italicised(paragraphs: list[Paragraph], lang: Language | None) -> list[Paragraph]:
            return [replace(p, content=with_italic_opening(p.content, lang, part)) for p in paragraphs]

        return italicised(olds, language(self.report.old.language)), italicised(
            news, language(self.report.new.language)
        )

    def compared(
        self, change: Change, olds: Sequence[Paragraph], news: Sequence[Paragraph], key: tuple[object, ...]
    ) -> list[_Para]:
        """Paragraphs in both versions (one, or a split, a merge), word by word from the report."""
        if len(olds) == len(news) == 1 and olds[0].table is None and news[0].table is None:
            return self.pair(change, olds[0], news[0], key)
        if len(olds) == len(news) == 1 and olds[0] == news[0]:  # a table the report holds unchanged
            return _whole_paragraph(news[0], "equal")
        if any(p.items or p.table is not None or p.heading for p in (*olds, *news)):
            # a split or merge of paragraphs with sub-paragraphs, tables or headings: replaced whole
            return [p for old in olds for p in _whole_paragraph(old, "delete")] + [
                p for new in news for p in _whole_paragraph(new, "insert")
            ]
        note_of = _notes(change.footnotes, olds, news)
        flows = _Flow([p.content for p in olds]), _Flow([p.content for p in news])
        paragraphs = _split(_Walk(*flows, note_of).run(change.segments), "Normal")
        paragraphs[0].pieces[:0] = _number(olds[0].num, news[0].num)
        # the further paragraphs' numbers come and go with their paragraph marks
        for index, paragraph in enumerate(paragraphs[1:], start=1):
            if len(news) > 1 and index < len(news):
                paragraph.pieces[:0] = _number(None, news[index].num, "insert")
            elif len(olds) > 1 and index < len(olds):
                paragraph.pieces[:0] = _number(olds[index].num, None, "delete")
        return paragraphs

    def pair(self, change: Change, old: Paragraph, new: Paragraph, key: tuple[object, ...]) -> list[_Para]:
        note_of = _notes(change.footnotes, (old,), (new,))
        first = _Para("Normal", _number(old.num, new.num))
        first.pieces += _Walk(_Flow([old.content]), _Flow([new.content]), note_of).run(change.segments)
        heading = _inlines("Heading", old.heading, new.heading)
        return [p for p in (heading, first) if p is not None] + self.items(change.items, old, new, note_of, key)

    def items(
        self, units: tuple[UnitChange, ...], old: Paragraph, new: Paragraph, note_of: NoteOf, key: tuple[object, ...]
    ) -> list[_Para]:
        old_items, new_items = _flatten(old.items), _flatten(new.items)
        matched = _match(
            units, [_display(i.content) for i, _ in old_items], [_display(i.content) for i, _ in new_items]
        )
        if matched is None or any(len(o) > 1 or len(n) > 1 for _, o, n in matched):
            # sub-paragraphs the report split or merged, or that cannot be told apart: replaced whole
            return [_item(item, depth, "delete") for item, depth in old_items] + [
                _item(item, depth, "insert") for item, depth in new_items
            ]
        out: list[_Para] = []
        for index, at_old_place in _in_both_orders([(unit.kind, olds) for unit, olds, _ in matched]):
            unit, olds, news = matched[index]
            if unit.kind == "deleted" or at_old_place:
                paragraph = _item(*old_items[olds[0]], "delete")
                if unit.kind == "moved":
                    _in_move([paragraph], self.move_name((*key, index)))
                out.append(paragraph)
            elif unit.kind == "inserted":
                out.append(_item(*new_items[news[0]], "insert"))
            else:
                (before, _), (after, depth) = old_items[olds[0]], new_items[news[0]]
                paragraph = _Para(_item_style(depth), _number(before.num, after.num))
                paragraph.pieces += _Walk(_Flow([before.content]), _Flow([after.content]), note_of).run(unit.segments)
                if unit.kind == "moved":
                    paragraph = _moved_to(paragraph)
                    _in_move([paragraph], self.move_name((*key, index)))
                out.append(paragraph)
        return out

    def build(self) -> list[_Para]:
        self.header()
        self.part("preamble", self.old.preamble, self.new.preamble)
        self.part("operative", self.old.operative, self.new.operative)
        self.closing()
        old_annex = tuple(p for annex in self.old.annexes for p in annex.paragraphs)
        new_annex = tuple(p for annex in self.new.annexes for p in annex.paragraphs)
        self.part("annex", old_annex, new_annex)
        _settle_last_mark(self.paragraphs)
        return self.paragraphs


def _section_style(depth: int) -> str:
    """A section heading's style: its outline level is its depth (I, then A), so that Word's
    navigation pane lists the sections and a reader of the file finds them as headings."""
    return f"Section{min(depth, 2) + 1}"


def _heading(section: Section, op: Op) -> list[_Piece]:
    return ([_Piece(op, f"{section.num}. ")] if section.num else []) + _whole(section.heading, op)


def _item(item: Item, depth: int, op: Op) -> _Para:
    """A sub-paragraph inserted or deleted whole."""
    return _Para(_item_style(depth), _number(item.num, item.num, op) + _whole(item.content, op), mark=op)


def _whole_paragraph(paragraph: Paragraph, op: Op) -> list[_Para]:
    """A paragraph inserted or deleted whole (or, at a move's old place, all of it moved away)."""
    out = [_Para("Heading", _whole(paragraph.heading, op), mark=op)] if paragraph.heading else []
    if paragraph.table is not None:
        out += [_Para("Normal", row, mark=op) for row in _table_rows(paragraph, op)]
    else:
        out.append(_Para("Normal", _number(paragraph.num, paragraph.num, op) + _whole(paragraph.content, op), mark=op))
    return out + [_item(item, depth, op) for item, depth in _flatten(paragraph.items)]


def _notes(units: tuple[UnitChange, ...], olds: Sequence[Paragraph], news: Sequence[Paragraph]) -> NoteOf:
    """Where each footnote of compared paragraphs goes: a note of both versions at its new marker
    (its words compared by the report), a deleted one at its old marker, an inserted one at its new."""
    old_notes = [n for p in olds for n in footnotes_in(p.all_inlines())]
    new_notes = [n for p in news for n in footnotes_in(p.all_inlines())]
    paired: dict[int, _Note] = {}
    matched = _match(units, [_display(n.content) for n in old_notes], [_display(n.content) for n in new_notes])
    for unit, old_indices, new_indices in matched or ():
        if len(old_indices) == len(new_indices) == 1:
            note = _Note(old_notes[old_indices[0]], new_notes[new_indices[0]], unit.segments)
            paired[id(note.old)] = paired[id(note.new)] = note

    def note_of(footnote: Footnote, side: Literal["old", "new"]) -> _Piece | None:
        note = paired.get(id(footnote))
        if note is not None:
            return _Piece("equal", note=note) if side == "new" else None
        return (
            _Piece("insert", note=_Note(None, footnote))
            if side == "new"
            else _Piece("delete", note=_Note(footnote, None))
        )

    return note_of


def _table_rows(paragraph: Paragraph, op: Op) -> list[list[_Piece]]:
    """A table's rows as paragraphs, cells apart by tabs (tables are not compared cell by cell)."""
    rows = []
    for row in paragraph.table.rows if paragraph.table else ():
        pieces: list[_Piece] = []
        for index, cell in enumerate(row):
            pieces += [_Piece(op, tab=True)] if index else []
            for number, inlines in enumerate(cell.paragraphs):
                pieces += ([_Piece(op, " ")] if number else []) + _whole(inlines, op)
        rows.append(pieces)
    return rows


def _moved_to(paragraph: _Para) -> _Para:
    """A paragraph at the new place of a move: what the old place holds is not repeated there,
    insertions made on the way stay insertions."""
    return replace(paragraph, pieces=[p for p in paragraph.pieces if p.op != "delete"], mark="insert")


def _in_move(paragraphs: list[_Para], name: str) -> None:
    for paragraph in paragraphs:
        paragraph.move, paragraph.move_start, paragraph.move_end = name, False, False
    if paragraphs:
        paragraphs[0].move_start = paragraphs[-1].move_end = True


def _settle_last_mark(paragraphs: list[_Para]) -> None:
    """The last paragraph mark of a document cannot go. Where the document ends in paragraphs
    inserted or deleted whole, each mark from the last untracked one on is tracked as the next
    paragraph's was, the last mark not at all (as Word does): every paragraph's text still ends
    at the same surviving mark, on accepting and on rejecting."""
    if not paragraphs or paragraphs[-1].mark == "equal":
        return
    start = len(paragraphs) - 1
    while start > 0 and paragraphs[start - 1].mark != "equal":
        start -= 1
    for before, after in zip(paragraphs[max(start - 1, 0) :], paragraphs[max(start - 1, 0) + 1 :], strict=False):
        before.tail = after.mark
    paragraphs[-1].tail = "equal"


# ---------------------------------------------------------------------------------------------
# WordprocessingML


def _element(tag: str, attributes: dict[str, str] | None = None, *children: ET.Element) -> ET.Element:
    element = ET.Element(tag, attributes or {})
    element.extend(children)
    return element


def _val(tag: str, value: str) -> ET.Element:
    return _element(tag, {"w:val": value})


class _Writer:
    """Paragraphs to ``w:p`` elements, footnotes to ``w:footnote`` elements, every revision with
    its own id, the author and the date."""

    def __init__(self, date: str, rtl: bool) -> None:
        self.date, self.rtl = date, rtl
        self.revisions = 0
        self.footnotes: list[ET.Element] = []
        self.ranges: dict[tuple[str, str], str] = {}

    def revision(self, tag: str, **extra: str) -> ET.Element:
        self.revisions += 1
        return _element(tag, {"w:id": str(self.revisions), "w:author": AUTHOR, "w:date": self.date, **extra})

    def paragraph(self, paragraph: _Para) -> ET.Element:
        p = _element("w:p")
        properties = ET.SubElement(p, "w:pPr")
        properties.append(_val("w:pStyle", paragraph.style))
        moved_from = paragraph.move is not None and paragraph.mark == "delete"
        moved_to = paragraph.move is not None and paragraph.mark == "insert"
        side = "From" if moved_from else "To"
        if paragraph.tail is not None:
            if paragraph.tail != "equal":
                properties.append(_element("w:rPr", None, self.revision(_TRACKED[paragraph.tail])))
        elif paragraph.mark != "equal":
            mark = f"w:move{side}" if paragraph.move else _TRACKED[paragraph.mark]
            properties.append(_element("w:rPr", None, self.revision(mark)))
        if paragraph.section_end:
            properties.append(_section(self.rtl))
        if paragraph.move_start and paragraph.move:
            start = self.revision(f"w:move{side}RangeStart", **{"w:name": paragraph.move})
            self.ranges[paragraph.move, side] = start.get("w:id", "")
            p.append(start)
        wrapper: ET.Element | None = None
        wrapper_tag: str | None = None
        for piece in paragraph.pieces:
            tag: str | None
            if moved_from:
                tag = "w:moveFrom"
            elif moved_to and piece.op == "equal":
                tag = "w:moveTo"
            else:
                tag = _TRACKED.get(piece.op)
            if tag is None:
                wrapper = wrapper_tag = None
                p.append(self.run(piece, deleted=False, in_move=moved_from or moved_to))
                continue
            if tag != wrapper_tag or wrapper is None:
                wrapper, wrapper_tag = self.revision(tag), tag
                p.append(wrapper)
            wrapper.append(self.run(piece, deleted=tag == "w:del", in_move=moved_from or moved_to))
        if paragraph.move_end and paragraph.move:
            p.append(_element(f"w:move{side}RangeEnd", {"w:id": self.ranges[paragraph.move, side]}))
        return p

    def run(self, piece: _Piece, deleted: bool, in_move: bool) -> ET.Element:
        r = _element("w:r")
        properties = _element("w:rPr")
        style = piece.style or _PLAIN
        if piece.note is not None:
            properties.append(_val("w:rStyle", "FootnoteReference"))
        if style.bold:
            properties.extend((_element("w:b"), _element("w:bCs")))
        if style.italic:
            properties.extend((_element("w:i"), _element("w:iCs")))
        if style.sup:
            properties.append(_val("w:vertAlign", "superscript"))
        if len(properties):
            r.append(properties)
        if piece.note is not None:
            r.append(_element("w:footnoteReference", {"w:id": str(self.footnote(piece.note, piece.op, in_move))}))
        elif piece.tab:
            r.append(_element("w:tab"))
        else:
            text = _element("w:delText" if deleted else "w:t", {"xml:space": "preserve"})
            text.text = piece.text
            r.append(text)
        return r

    def footnote(self, note: _Note, op: Op, in_move: bool) -> int:
        """A footnote's body: compared word by word where the report compared it, else all of it
        inserted or deleted with its reference (a moved paragraph's notes go with it as they are)."""
        number = len(self.footnotes) + 1
        if note.segments is not None and note.old is not None and note.new is not None:
            pieces = _Walk(_Flow([note.old.content]), _Flow([note.new.content])).run(note.segments)
        elif note.old is not None and op == "delete":
            pieces = _whole(note.old.content, "equal" if in_move else "delete")
        else:
            pieces = _whole(note.new.content if note.new else (), "equal" if in_move else op)
        body = _Para("FootnoteText", [_Piece("equal", " "), *pieces])
        p = self.paragraph(body)
        reference = _element(
            "w:r", None, _element("w:rPr", None, _val("w:rStyle", "FootnoteReference")), _element("w:footnoteRef")
        )
        p.insert(1, reference)
        self.footnotes.append(_element("w:footnote", {"w:id": str(number)}, p))
        return number


def _revision_date() -> str:
    """When the changes were made, as Word records it: ``SOURCE_DATE_EPOCH`` where it is set (for
    reproducible output), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    try:
        moment = time.gmtime(int(epoch)) if epoch.isdigit() else None
    except (OverflowError, OSError, ValueError):
        moment = None
    if moment is None or moment.tm_year > 9999:
        raise ResodiffError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {epoch!r}")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", moment)


def _xml(root: ET.Element) -> bytes:
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body


def _template(name: str) -> str:
    """A fixed part of the package (``data/word``); ``{name}`` fields are filled in, escaped."""
    return (Path(__file__).parent.parent / "data" / "word" / name).read_text(encoding="utf-8")


def _styles(lang: Language) -> bytes:
    rtl = lang.direction == "rtl"
    return (
        _template("styles.xml")
        .format(tag=escape(lang.tag), bidi="<w:bidi/>" if rtl else "", rtl="<w:rtl/>" if rtl else "")
        .encode("utf-8")
    )


def _core(old: DocumentInfo, new: DocumentInfo, lang: Language, date: str) -> bytes:
    title = f"{new.symbol}: {new.title}" if new.title else new.symbol
    return (
        _template("core.xml")
        .format(
            title=escape(title),
            description=escape(f"{old.symbol} → {new.symbol}, changes tracked by resodiff {__version__}"),
            language=escape(lang.tag),
            date=date,
        )
        .encode("utf-8")
    )


def _section(rtl: bool) -> ET.Element:
    """A page as the General Assembly prints (US letter), footnotes numbered from 1 in each part."""
    margins = {"w:top": "1440", "w:right": "1195", "w:bottom": "1440", "w:left": "1195"}
    section = _element(
        "w:sectPr",
        None,
        _element("w:footnotePr", None, _val("w:numFmt", "decimal"), _val("w:numRestart", "eachSect")),
        _element("w:pgSz", {"w:w": "12240", "w:h": "15840"}),
        _element("w:pgMar", {**margins, "w:header": "720", "w:footer": "720", "w:gutter": "0"}),
    )
    if rtl:
        section.append(_element("w:bidi"))
    return section


def _package(old: DocumentInfo, new: DocumentInfo, paragraphs: Sequence[_Para]) -> bytes:
    """The Word package (a ZIP) of the paragraphs."""
    date = _revision_date()
    lang = language_or_fallback(new.language)
    rtl = lang.direction == "rtl"
    writer = _Writer(date, rtl)
    body = _element("w:body", None, *(writer.paragraph(p) for p in paragraphs), _section(rtl))
    document = _element("w:document", {"xmlns:w": _W, "xmlns:r": _R}, body)
    footnotes = _element(
        "w:footnotes",
        {"xmlns:w": _W},
        _element(
            "w:footnote",
            {"w:type": "separator", "w:id": "-1"},
            _element("w:p", None, _element("w:r", None, _element("w:separator"))),
        ),
        _element(
            "w:footnote",
            {"w:type": "continuationSeparator", "w:id": "0"},
            _element("w:p", None, _element("w:r", None, _element("w:continuationSeparator"))),
        ),
        *writer.footnotes,
    )
    parts = [
        ("[Content_Types].xml", _template("[Content_Types].xml").encode("utf-8")),
        ("_rels/.rels", _template("package.rels").encode("utf-8")),
        ("docProps/core.xml", _core(old, new, lang, date)),
        ("word/document.xml", _xml(document)),
        ("word/_rels/document.xml.rels", _template("document.xml.rels").encode("utf-8")),
        ("word/styles.xml", _styles(lang)),
        ("word/settings.xml", _template("settings.xml").encode("utf-8")),
        ("word/footnotes.xml", _xml(footnotes)),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, data)
    return buffer.getvalue()


def _documents(report: ChangeReport) -> tuple[Resolution, Resolution]:
    if report.documents is None:
        raise ResodiffError(
            "a Word redline prints the whole document around the changes: "
            "give a report made by resodiff.diff, which keeps the two versions"
        )
    return report.documents


def render_docx(report: ChangeReport) -> bytes:
    """The new version as a Word document with its differences from the old as tracked changes."""
    old, new = _documents(report)
    return _package(report.old, report.new, _Document(report, old, new).build())


def _all(paragraphs: list[_Para], op: Op) -> list[_Para]:
    """A document without changes made all inserted or all deleted (a part on one side only)."""
    out = []
    for paragraph in paragraphs:
        pieces = []
        for piece in paragraph.pieces:
            note = piece.note
            if note is not None and note.new is not None:
                note = _Note(note.new, None) if op == "delete" else _Note(None, note.new)
            pieces.append(replace(piece, op=op, note=note))
        out.append(replace(paragraph, pieces=pieces, mark=op))
    return out


def render_parts_docx(report: PartsReport) -> bytes:
    """Two multi-part publications compared part by part as one Word document: each part's
    redline on its own pages, a part on one side only inserted or deleted whole."""
    from ..diff import diff_resolutions

    paragraphs: list[_Para] = []
    for part in report.parts:
        if part.report is not None:
            old, new = _documents(part.report)
            section = _Document(part.report, old, new).build()
        elif part.document is not None:
            itself = _Document(diff_resolutions(part.document, part.document), part.document, part.document)
            section = _all(itself.build(), "insert" if part.kind == "inserted" else "delete")
        else:
            raise ResodiffError(f"part {part.letter} was compared without its document: compare the files again")
        if section:
            section[-1].section_end = True
        paragraphs += section
    if paragraphs:
        paragraphs[-1].section_end = False  # the body's own section closes the last part
    _settle_last_mark(paragraphs)
    return _package(report.old, report.new, paragraphs)
