"""The diff engine: paragraph-aware comparison of two versions of a resolution.

``diff_resolutions(old, new)`` aligns preambular with preambular and operative with operative paragraphs
(annex paragraphs with annex paragraphs), classifies each unit, compares words inside the
aligned ones, and returns an immutable :class:`ChangeReport`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import chain
from operator import attrgetter, eq, itemgetter

from ..errors import DiffError
from ..languages import language as find_language
from ..model import Footnote, Inlines, Item, Paragraph, Resolution, Text, plain_text
from ..typography import normalize_typography
from .align import MATCH_THRESHOLD, PIECE_CONTAINMENT, Pair, Unit, across, align
from .classify import classify_segments, explain_note, explain_segments, technical_words
from .inline import word_diff
from .report import (
    KINDS,
    PARTS,
    Change,
    ChangeReport,
    DocumentInfo,
    Kind,
    Mark,
    Reason,
    ReportPart,
    SectionChange,
    Segment,
    Summary,
    UnitChange,
    Verdict,
)
from .tokens import word_keys


def _display(inlines: Inlines) -> str:
    """A paragraph's words as shown in a report (footnote markers left out)."""
    return plain_text(inlines).replace("\n", " ")


def _style_signature(inlines: Inlines) -> str:
    parts = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(f"{node.text}\x01{int(node.italic)}{int(node.bold)}{int(node.sup)}")
        else:
            parts.append(f"\x02{node.marker}\x02{_style_signature(node.content)}")
    return "\x03".join(parts)


def _marks(paragraphs: Sequence[Paragraph]) -> tuple[Mark, ...]:
    """The italic runs and footnote markers of paragraphs' own text, as offsets into their
    display texts joined by a space (the text the comparison reads)."""
    marks: list[Mark] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        offset += 1 if index else 0
        for node in paragraph.content:
            if isinstance(node, Text):
                if node.italic and node.text.strip():
                    marks.append(Mark("italic", offset, offset + len(node.text)))
                offset += len(node.text)
            else:
                marks.append(Mark("note", offset, offset, node.marker))
    return tuple(marks)


def _reason(
    kind: Kind,
    same_content: bool,
    segments: tuple[Segment, ...],
    items: Sequence[UnitChange],
    notes: Sequence[UnitChange],
    language: str,
    sessions: tuple[int | None, int | None],
) -> Reason | None:
    """Why a paired change is technical or substantive: the first substantive reason of its text,
    sub-paragraphs and footnotes, else their technical reasons' words together. ``sessions``: the
    two versions' sessions, against which a session number written out is read."""
    if kind in ("split", "merged", "moved"):
        return Reason(kind)
    if same_content:
        return None
    reasons: list[Reason | None] = [explain_segments(segments, language, sessions)]
    for rule, units in (("sub-paragraph", items), ("footnote", notes)):
        for unit in units:
            if rule == "footnote" and unit.kind in ("inserted", "deleted"):
                # a footnote that only cites a document comes and goes with the reference
                text = "".join(segment.text for segment in unit.segments)
                reasons.append(explain_note(text, language, inserted=unit.kind == "inserted"))
                continue
            whole = unit.kind in ("inserted", "deleted", "moved")
            # a footnote's session is that of the document it cites ("Official Records ...,
            # Seventy-eighth Session"), not a cycle: a newer report cited is the roll-over
            cycle = sessions if rule == "sub-paragraph" else (None, None)
            reasons.append(Reason(rule) if whole else explain_segments(unit.segments, language, cycle))  # type: ignore[arg-type]
    found = [reason for reason in reasons if reason is not None]
    substantive = next((reason for reason in found if reason.change_class == "substantive"), None)
    if substantive is not None:
        return substantive
    if not found:
        return Reason("text")
    return Reason(
        found[0].rule,
        tuple(word for reason in found for word in reason.deleted),
        tuple(word for reason in found for word in reason.inserted),
    )


def _flatten_items(items: tuple[Item, ...]) -> list[Item]:
    flat: list[Item] = []
    for item in items:
        flat.append(item)
        flat.extend(_flatten_items(item.items))
    return flat


# the label of a table note: a letter, a number or an asterisk or two
_NOTE_LABEL_MAX = 3


def _as_numbered(paragraph: Paragraph) -> Paragraph:
    """An unnumbered paragraph that opens with a superscript label ("<sup>b</sup> Reflects
    amounts after recosting", a note under an annex table) with the label as its number.

    The label is the note's number: when a note before it goes, "c" becomes "b", a renumbering
    like a paragraph's, not a change of its text.
    """
    if paragraph.num is not None:
        return paragraph
    content = paragraph.content
    start = 0
    while start < len(content) and isinstance(content[start], Text) and not content[start].text.strip():
        start += 1
    first = content[start] if start < len(content) else None
    if not isinstance(first, Text) or not first.sup:
        return paragraph
    label = first.text.strip()
    if len(label) > _NOTE_LABEL_MAX or not all(c.isalnum() or c == "*" for c in label):
        return paragraph
    rest = content[start + 1 :]
    if not plain_text(rest).strip():
        return paragraph  # a superscript alone is the paragraph's text, not a label
    return replace(paragraph, num=label, content=rest)


_NOTE_TEXT = itemgetter(1)


class _Side:
    """One version's paragraphs of one part, with what the comparison needs of each,
    worked out once."""

    def __init__(
        self,
        paragraphs: Sequence[Paragraph],
        language: str,
        part: str,
        units: dict[str, Unit] | None = None,
        words: dict[str, str] | None = None,
    ) -> None:
        """``units``: the units already made for the part's other version, by key: most
        paragraphs of a new version are those of the old one, whose words need no second count;
        ``words``: the words of the units made so far (``Unit.of``'s pool)."""
        paragraphs = [_as_numbered(p) for p in paragraphs]
        self.paragraphs = paragraphs
        self.texts = [_display(p.content) for p in paragraphs]
        # a paragraph without sub-paragraphs or a table is all its own text, already displayed
        whole = [not p.items and p.table is None for p in paragraphs]
        self.inlines = [p.content if alone else p.all_inlines() for p, alone in zip(paragraphs, whole, strict=True)]
        # each paragraph's footnotes (marker, text) read once, for its unit and its change's notes
        self.notes = [_notes_of(inlines) for inlines in self.inlines]
        technical = technical_words(language)
        openings = _opening_phrases(language, part)
        known = {} if units is None else units
        pool = {} if words is None else words
        self.units = [
            self._unit(text if alone else _display(inlines), notes, technical, openings, known, pool)
            for inlines, text, notes, alone in zip(self.inlines, self.texts, self.notes, whole, strict=True)
        ]

    def notes_at(self, indices: Sequence[int]) -> list[tuple[str | None, str]]:
        """The footnotes (marker, text) of the paragraphs at ``indices``, in their order."""
        return list(chain.from_iterable(map(self.notes.__getitem__, indices)))

    @staticmethod
    def _unit(
        text: str,
        notes: list[tuple[str | None, str]],
        technical: frozenset[str],
        openings: dict[str, tuple[list[str], ...]],
        known: dict[str, Unit],
        pool: dict[str, str],
    ) -> Unit:
        """The paragraph's unit (``text``: its inlines as displayed, ``notes``: its footnotes), its
        opening the longest of the language's opening phrases it opens with (``_opening_phrases``),
        else its first word."""
        key = unit_key(text, " ".join(map(_NOTE_TEXT, notes)) if notes else "")
        found = known.get(key)
        if found is not None:
            return found
        words = word_keys(key)
        phrases = openings.get(words[0], ()) if words else ()
        opening = next((len(phrase) for phrase in phrases if words[: len(phrase)] == phrase), 1)
        found = known[key] = Unit.of(key, words, technical, opening, pool)
        return found


def unit_key(text: str, notes: str) -> str:
    """A paragraph's comparison key: ``normalize_typography(f"{text} \\x00 {notes}")``.

    Without notes (most paragraphs), the text's own normal form and the separator: the rules
    of ``normalize_typography`` read no further than a space and a NUL, which no rule changes, so
    the two are equal (the tests check it), and the word diff of a changed paragraph, which asks
    whether the two texts differ only in typography, finds the text's normal form cached.
    """
    if notes:
        return normalize_typography(f"{text} \x00 {notes}")
    normalized = normalize_typography(text)
    return f"{normalized} \x00" if normalized else "\x00"


@cache
def _opening_phrases(language: str, part: str) -> dict[str, tuple[list[str], ...]]:
    """The opening phrases the language lists for a part (what print italicises: "Takes note
    with appreciation", "Prend note en outre") as words, by first word, longest first. Two
    paragraphs open alike when they open with the same one: "Prend note en outre" ("Further
    notes") and "Prend note avec satisfaction" ("Takes note with appreciation") open
    differently, as they do in English, though their first words are the same."""
    record = find_language(language)
    by_first: dict[str, list[list[str]]] = {}
    for phrase in record.opening_phrases(part) if record else ():
        words = word_keys(normalize_typography(phrase))
        if words:
            by_first.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in by_first.items()}


def _section_label(paragraph: Paragraph) -> str | None:
    if not paragraph.sections:
        return None
    return " / ".join(normalize_typography(section.label) for section in paragraph.sections) or None


def _text_unit(text: str) -> Unit:
    normalized = normalize_typography(text)
    return Unit.of(normalized, word_keys(normalized))


def _unit_changes(
    old: Sequence[tuple[str | None, str]],
    new: Sequence[tuple[str | None, str]],
    by_place: bool = False,
) -> tuple[UnitChange, ...]:
    """Align sub-units (sub-paragraphs or footnotes) and compare the words of each pair.

    With ``by_place`` (footnotes), what the alignment leaves unpaired between two paired
    neighbours pairs up in order: a footnote citing the new report (``A/77/277`` →
    ``A/79/302``) may share no word with the old one and is still the same footnote, at the
    same place; a footnote inserted or deleted in the middle leaves the others paired by content.
    """
    if not old and not new:
        return ()
    pairs: Sequence[Pair]
    if list(map(_NOTE_TEXT, old)) == list(map(_NOTE_TEXT, new)):
        # the common case, nothing changed: no units to build, no alignment to run, and the pairs
        # in order, with nothing left between them to pair in place
        pairs = [Pair("match", (i,), (i,), 1.0) for i in range(len(old))]
    else:
        pairs = align([_text_unit(text) for _, text in old], [_text_unit(text) for _, text in new])
        if by_place:
            pairs = _paired_in_place(pairs)
        pairs = _in_report_order(pairs, len(old))
    changes = []
    for pair in pairs:
        old_label = old[pair.old[0]][0] if pair.old else None
        new_label = new[pair.new[0]][0] if pair.new else None
        old_text = " ".join(old[i][1] for i in pair.old)
        new_text = " ".join(new[j][1] for j in pair.new)
        if pair.kind == "delete":
            changes.append(UnitChange("deleted", old_label, None, (Segment("delete", old_text),)))
            continue
        if pair.kind == "insert":
            changes.append(UnitChange("inserted", None, new_label, (Segment("insert", new_text),)))
            continue
        segments = word_diff(old_text, new_text)
        same = old_text == new_text or normalize_typography(old_text) == normalize_typography(new_text)
        kind: Kind = {"split": "split", "merge": "merged"}.get(pair.kind, "unchanged" if same else "modified")  # type: ignore[assignment]
        if pair.moved:
            kind = "moved"
        changes.append(UnitChange(kind, old_label, new_label, segments, same and old_text != new_text))
    return tuple(changes)


def _paired_in_place(pairs: Sequence[Pair]) -> list[Pair]:
    """Deleted and inserted units between the same paired neighbours (in the order that
    stayed) paired up in order, the first with the first."""
    kept = sorted((p for p in pairs if p.old and p.new and not p.moved), key=lambda p: p.new[0])
    bounds = [p.old[0] for p in kept]  # increasing: the order that stayed
    deleted: dict[int, list[int]] = {}
    inserted: dict[int, list[int]] = {}
    for pair in pairs:
        if pair.kind == "delete":
            deleted.setdefault(bisect.bisect_left(bounds, pair.old[0]), []).append(pair.old[0])
        elif pair.kind == "insert":
            inserted.setdefault(bisect.bisect_left([p.new[-1] for p in kept], pair.new[0]), []).append(pair.new[0])
    result = [p for p in pairs if p.old and p.new]
    for gap in deleted.keys() | inserted.keys():
        olds, news = sorted(deleted.get(gap, [])), sorted(inserted.get(gap, []))
        result += [Pair("match", (i,), (j,), 0.0) for i, j in zip(olds, news, strict=False)]
        result += [Pair("delete", (i,), (), 0.0) for i in olds[len(news) :]]
        result += [Pair("insert", (), (j,), 0.0) for j in news[len(olds) :]]
    return result


def _in_report_order(pairs: Sequence[Pair], old_count: int) -> list[Pair]:
    """Pairs in the order of the new text; a deleted unit after the last new unit that any old
    unit before it went to (the running maximum, worked out once for all)."""
    old_to_new = {p.old[0]: p.new[0] for p in pairs if p.old and p.new}
    after = [-1] * (old_count + 1)
    for i in range(old_count):
        after[i + 1] = max(after[i], old_to_new.get(i, -1))
    return sorted(pairs, key=lambda p: (p.new[0], 0, 0) if p.new else (after[p.old[0]], 1, p.old[0]))


def _items_of(paragraphs: Sequence[Paragraph]) -> list[tuple[str | None, str]]:
    if not any(map(_ITEMS, paragraphs)):
        return []  # most paragraphs have no sub-paragraphs: told by a C-level map
    return [(item.num, _display(item.content)) for p in paragraphs for item in _flatten_items(p.items)]


def _notes_of(inlines: Inlines) -> list[tuple[str | None, str]]:
    """The footnotes of a paragraph's inlines: their markers and texts as displayed."""
    if not any(map(_IS_FOOTNOTE, inlines)):
        return []  # most paragraphs have no footnote: told by a C-level map
    return [(n.marker, _display(n.content)) for n in inlines if isinstance(n, Footnote)]


_ITEMS = attrgetter("items")
_IS_FOOTNOTE = Footnote.__instancecheck__

# a paragraph's place (counted from 1), number and source span
_NEXT = (1).__add__
_NUM = attrgetter("num")
_SPAN = attrgetter("span")
_KEY = attrgetter("key")


class _PartComparison:
    """The changes between one part of the old version and one of the new: the same part, or,
    for paragraphs that went from one part to the other, the two parts (``new_part``)."""

    def __init__(
        self,
        part: ReportPart,
        old: _Side,
        new: _Side,
        language: str,
        new_part: ReportPart | None = None,
        sessions: tuple[int | None, int | None] = (None, None),
    ) -> None:
        self.part = part
        self.new_part = new_part
        self.old = old
        self.new = new
        self.language = language
        self.sessions = sessions

    def change(self, pair: Pair) -> Change:
        olds = list(map(self.old.paragraphs.__getitem__, pair.old))
        news = list(map(self.new.paragraphs.__getitem__, pair.new))
        # C-level maps: a comprehension makes a function and a frame for a pair's one or two items
        common = {
            "part": self.part,
            "new_part": self.new_part,
            "old": tuple(map(_NEXT, pair.old)),
            "new": tuple(map(_NEXT, pair.new)),
            "old_numbers": tuple(map(_NUM, olds)),
            "new_numbers": tuple(map(_NUM, news)),
            "old_section": _section_label(olds[0]) if olds else None,
            "new_section": _section_label(news[0]) if news else None,
            "old_spans": tuple(filter(None, map(_SPAN, olds))),
            "new_spans": tuple(filter(None, map(_SPAN, news))),
            "old_marks": _marks(olds),
            "new_marks": _marks(news),
        }
        if pair.kind == "delete":
            text = self.old.texts[pair.old[0]]
            return Change(
                kind="deleted",
                change_class="substantive",
                reason=Reason("deleted"),
                text_changed=True,
                segments=(Segment("delete", text),),
                items=_unit_changes(_items_of(olds), []),
                footnotes=_unit_changes(self.old.notes_at(pair.old), [], by_place=True),
                **common,  # type: ignore[arg-type]
            )
        if pair.kind == "insert":
            text = self.new.texts[pair.new[0]]
            return Change(
                kind="inserted",
                change_class="substantive",
                reason=Reason("inserted"),
                text_changed=True,
                segments=(Segment("insert", text),),
                items=_unit_changes([], _items_of(news)),
                footnotes=_unit_changes([], self.new.notes_at(pair.new), by_place=True),
                **common,  # type: ignore[arg-type]
            )
        old_text = " ".join(map(self.old.texts.__getitem__, pair.old))
        new_text = " ".join(map(self.new.texts.__getitem__, pair.new))
        segments = word_diff(old_text, new_text)
        items = _unit_changes(_items_of(olds), _items_of(news))
        notes = _unit_changes(
            self.old.notes_at(pair.old),
            self.new.notes_at(pair.new),
            by_place=True,
        )
        same_content = len(pair.old) == len(pair.new) and all(
            map(
                eq,
                map(_KEY, map(self.old.units.__getitem__, pair.old)),
                map(_KEY, map(self.new.units.__getitem__, pair.new)),
            )
        )
        # a paragraph that went to the other part is numbered as that part numbers: no renumbering
        renumbered = (
            pair.kind == "match" and olds[0].num != news[0].num and olds[0].num is not None and self.new_part is None
        )
        # equal inlines (the fields a signature reads among theirs) are of one style: compared
        # several times faster than signatures are written
        formatting_only = same_content and (
            old_text != new_text
            or any(
                self.old.inlines[i] != self.new.inlines[j]
                and _style_signature(self.old.inlines[i]) != _style_signature(self.new.inlines[j])
                for i, j in zip(pair.old, pair.new, strict=False)
            )
        )
        kind: Kind
        if pair.kind == "split":
            kind = "split"
        elif pair.kind == "merge":
            kind = "merged"
        elif pair.moved:
            kind = "moved"
        else:
            kind = "unchanged" if same_content else "modified"
        reason = _reason(kind, same_content, segments, items, notes, self.language, self.sessions)
        return Change(
            kind=kind,
            renumbered=renumbered,
            text_changed=not same_content,
            formatting_only=formatting_only,
            change_class=reason.change_class if reason else None,
            reason=reason,
            segments=segments,
            items=items,
            footnotes=notes,
            similarity=round(pair.similarity, 3),
            **common,  # type: ignore[arg-type]
        )


# the parts a paragraph may go between: an annex holds other texts (a statute, a table), whose
# paragraphs are not the resolution's
_CROSSING: tuple[tuple[ReportPart, ReportPart], ...] = (("preamble", "operative"), ("operative", "preamble"))


def _held(pairs: Sequence[Pair], count: int, side: str) -> list[float]:
    """Each paragraph's similarity to its partner in its own part, 0.0 where it has none."""
    held = [0.0] * count
    for pair in pairs:
        for index in pair.old if side == "old" else pair.new:
            held[index] = pair.similarity if pair.old and pair.new else 0.0
    return held


def _partners(pairs: Sequence[Pair], others: Sequence[Unit], count: int, side: str) -> list[tuple[Unit, ...]]:
    """Each paragraph's partner(s) in its own part (``others``: the other side's units), none
    where it has none."""
    partners: list[tuple[Unit, ...]] = [()] * count
    for pair in pairs:
        mine, theirs = (pair.old, pair.new) if side == "old" else (pair.new, pair.old)
        for index in mine:
            partners[index] = tuple(map(others.__getitem__, theirs))
    return partners


def _crossing(
    sides: dict[ReportPart, tuple[_Side, _Side]], pairs: dict[ReportPart, list[Pair]]
) -> list[tuple[tuple[ReportPart, ReportPart], Pair]]:
    """Paragraphs that went from the preamble to the operative part or back (``align.across``)."""
    found = []
    for from_part, to_part in _CROSSING:
        olds, news = sides[from_part][0], sides[to_part][1]
        old_held = _held(pairs[from_part], len(olds.units), "old")
        new_held = _held(pairs[to_part], len(news.units), "new")
        old_partners = _partners(pairs[from_part], sides[from_part][1].units, len(olds.units), "old")
        new_partners = _partners(pairs[to_part], sides[to_part][0].units, len(news.units), "new")
        found += [
            ((from_part, to_part), pair)
            for pair in across(olds.units, news.units, (old_held, new_held), (old_partners, new_partners))
        ]
    return found


def _without_crossed(
    sides: dict[ReportPart, tuple[_Side, _Side]],
    pairs: dict[ReportPart, list[Pair]],
    crossing: Sequence[tuple[tuple[ReportPart, ReportPart], Pair]],
) -> dict[ReportPart, list[Pair]]:
    """Each part aligned again without the paragraphs that went to the other part: those they
    were paired with in their own part are free to find their true partners."""
    gone_old = {(from_part, i) for (from_part, _), pair in crossing for i in pair.old}
    gone_new = {(to_part, j) for (_, to_part), pair in crossing for j in pair.new}
    realigned = dict(pairs)
    for part, (olds, news) in sides.items():
        kept_old = [i for i in range(len(olds.units)) if (part, i) not in gone_old]
        kept_new = [j for j in range(len(news.units)) if (part, j) not in gone_new]
        if len(kept_old) == len(olds.units) and len(kept_new) == len(news.units):
            continue
        found = align([olds.units[i] for i in kept_old], [news.units[j] for j in kept_new], (olds.units, news.units))
        realigned[part] = [
            replace(pair, old=tuple(kept_old[i] for i in pair.old), new=tuple(kept_new[j] for j in pair.new))
            for pair in found
        ]
    return realigned


def _part_changes(
    part: ReportPart,
    sides: dict[ReportPart, tuple[_Side, _Side]],
    pairs: dict[ReportPart, list[Pair]],
    crossing: Sequence[tuple[tuple[ReportPart, ReportPart], Pair]],
    language: str,
    sessions: tuple[int | None, int | None],
) -> list[Change]:
    """A part's changes in report order, with the paragraphs that came from the other part at
    their new places."""
    olds, news = sides[part]
    changes = [
        _PartComparison(part, olds, news, language, sessions=sessions).change(pair)
        for pair in _in_report_order(pairs[part], len(olds.units))
    ]
    for (from_part, to_part), pair in crossing:
        if to_part == part:
            comparison = _PartComparison(from_part, sides[from_part][0], news, language, to_part, sessions)
            at = next((n for n, c in enumerate(changes) if c.new and c.new[0] > pair.new[0] + 1), len(changes))
            changes.insert(at, comparison.change(pair))
    return changes


def _info(resolution: Resolution) -> DocumentInfo:
    meta = resolution.meta
    closing = resolution.closing
    return DocumentInfo(
        meta.symbol,
        meta.language,
        meta.title,
        meta.adoption_date or meta.distribution_date,
        resolution.source,
        agenda_item=meta.agenda_item,
        meeting=(closing.meeting if closing else None) or meta.adoption_record,
        draft=meta.originating_draft,
    )


def _section_changes(changes: Sequence[Change]) -> tuple[SectionChange, ...]:
    seen: dict[SectionChange, None] = {}  # a dict keeps the first-seen order
    for change in changes:
        moved_under_new_heading = (
            change.old and change.new and change.old_section and change.new_section and change.new_part is None
        )
        if moved_under_new_heading and change.old_section != change.new_section:
            seen[SectionChange(change.part, change.old_section, change.new_section)] = None  # type: ignore[arg-type]
    return tuple(seen)


def _summary(changes: Sequence[Change], sections: Sequence[SectionChange], language: str) -> Summary:
    counts = []
    for part in PARTS:
        in_part = [c for c in changes if c.part == part]
        if part == "annex" and not in_part:
            continue
        counts.append((part, tuple((kind, sum(1 for c in in_part if c.kind == kind)) for kind in KINDS)))
    technical = sum(1 for c in changes if c.change_class == "technical")
    substantive = sum(1 for c in changes if c.change_class == "substantive")
    # a heading whose only change is technical (the period of a budget section rolled over) is
    # a technical change, like a paragraph's; any other changed heading is substantive
    heading_classes = [classify_segments(word_diff(s.old, s.new), language) for s in sections]
    substantive_headings = any(c != "technical" for c in heading_classes)
    verdict: Verdict = (
        "substantive"
        if substantive or substantive_headings
        else "technical"
        if technical or heading_classes
        else "identical"
    )
    return Summary(
        counts=tuple(counts),
        renumbered=sum(1 for c in changes if c.renumbered),
        formatting_only=sum(1 for c in changes if c.formatting_only),
        technical=technical,
        substantive=substantive,
        verdict=verdict,
    )


def diff_resolutions(old: Resolution, new: Resolution) -> ChangeReport:
    """Compare two models of the same resolution series."""
    if old.meta.language != new.meta.language:
        raise DiffError(
            f"the two versions are in different languages ({old.meta.language} and {new.meta.language}); "
            "compare versions of one language",
            file=new.source,
        )
    language = new.meta.language
    old_annex = tuple(p for annex in old.annexes for p in annex.paragraphs)
    new_annex = tuple(p for annex in new.annexes for p in annex.paragraphs)
    versions: dict[ReportPart, tuple[Sequence[Paragraph], Sequence[Paragraph]]] = {
        "preamble": (old.preamble, new.preamble),
        "operative": (old.operative, new.operative),
        "annex": (old_annex, new_annex),
    }
    sides: dict[ReportPart, tuple[_Side, _Side]] = {}
    words: dict[str, str] = {}
    for part, (olds, news) in versions.items():
        units: dict[str, Unit] = {}
        sides[part] = (_Side(olds, language, part, units, words), _Side(news, language, part, units, words))
    pairs = {part: align(olds.units, news.units) for part, (olds, news) in sides.items()}
    crossing = _crossing(sides, pairs)
    if crossing:
        pairs = _without_crossed(sides, pairs, crossing)
    sessions = (old.meta.session, new.meta.session)
    changes = tuple(
        change for part in sides for change in _part_changes(part, sides, pairs, crossing, language, sessions)
    )
    sections = _section_changes(changes)
    return ChangeReport(
        old=_info(old),
        new=_info(new),
        changes=changes,
        section_changes=sections,
        summary=_summary(changes, sections, language),
        settings=(("match_threshold", MATCH_THRESHOLD), ("piece_containment", PIECE_CONTAINMENT)),
        documents=(old, new),
    )
