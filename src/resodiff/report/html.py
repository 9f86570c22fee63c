"""The redline page: one self-contained HTML file rendered from the change report.

Every piece of document text is escaped, by Jinja2's autoescaping or, for the paragraphs' text
(cut at italics and footnote markers), by the same markupsafe escape in :func:`_markup`, so a
resolution that contains ``<script>`` shows it as text; each piece is a bidirectional isolate (``<bdi>``, or an element
with ``dir``), so right-to-left overrides in it (U+202E...) cannot reorder the text around it.
The page needs nothing from outside: the style sheet and the script are inline, and a
Content-Security-Policy allows exactly those two (by hash) and nothing else. Both views (inline
redline, side by side) are in the HTML; switching views, folding unchanged paragraphs and hiding
technical changes are CSS on form controls, so they work with script disabled; the script only
adds previous/next navigation and marks the current change in the list.

The report's segments hold the words; the italics and footnote markers of the printed text come
with them as offsets (``Change.old_marks``/``new_marks``), so each segment is cut at those
offsets here, never re-compared. A version whose source lost its italics (a PDF conversion)
borrows the other version's italic runs over the text the two share from the start: the
opening phrase. Where neither version marks an opening, the language's listed opening phrase
(``Rappelant également``) is set in italics, as the printed resolution sets it.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._version import __version__
from ..diff.report import KINDS, Change, ChangeReport, DocumentInfo, Mark, Reason, Segment, UnitChange, rebuild
from ..escape import without_bidi_controls
from ..languages import Language, language, language_or_fallback, language_tag, report_labels
from .labels import change_kind
from .templates import asset, template

VIEWS = ("inline", "old", "new")
_NO_MARKS: dict[str, list[Any]] = {"old": [], "new": []}


@dataclass(frozen=True, slots=True)
class _NoteRef:
    """A footnote marker in the text, linked to its note (and the note back to it)."""

    label: str
    ref_id: str
    note_id: str


@dataclass(frozen=True, slots=True)
class _Piece:
    """A stretch of a segment with one presentation, or a footnote marker (``note``)."""

    text: str = ""
    italic: bool = False
    note: _NoteRef | None = None


@dataclass(frozen=True, slots=True)
class _Run:
    """A segment as one view shows it (``gap``: the space that keeps a deletion and the
    insertion replacing it apart, on screen, in print and in copied text)."""

    op: str
    pieces: tuple[_Piece, ...]


@dataclass
class _Unit:
    kind: str
    label: str
    segments: tuple[Segment, ...]
    marker_number: int
    views: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Note:
    """A footnote as one view lists it: its id, and the id of its marker where the view shows one."""

    unit: _Unit
    id: str
    ref_id: str | None


@dataclass
class _Entry:
    id: str
    part: str
    part_label: str
    kind: str = ""
    kind_label: str = ""
    change_class: str | None = None
    label: str = ""
    old_label: str = ""
    new_label: str = ""
    renumbered: bool = False
    segments: tuple[Segment, ...] = ()
    items: list[_Unit] = field(default_factory=list)
    footnotes: list[_Unit] = field(default_factory=list)
    section: str | None = None
    stub: bool = False
    stub_id: str = ""
    target: str = ""
    target_label: str = ""
    reason: Reason | None = None
    why: Any = ""
    why_brief: Any = ""
    views: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, list[_Note]] = field(default_factory=dict)

    @property
    def is_change(self) -> bool:
        return self.change_class is not None


@dataclass
class _Block:
    """What a view shows between two breaks: one entry, or a run of unchanged paragraphs that
    folds into one line; with the part and section headings that open it."""

    id: str
    entries: list[_Entry]
    run: bool
    part_heading: str | None = None
    section: str | None = None
    label: str = ""


def _labels(positions: tuple[int, ...], numbers: tuple[str | None, ...]) -> str:
    if not positions:
        return ""
    shown = [number.strip() if number else f"¶{position}" for position, number in zip(positions, numbers, strict=False)]
    return " + ".join(shown)


def _units(units: tuple[UnitChange, ...], footnotes: bool) -> list[_Unit]:
    made = []
    for index, unit in enumerate(units, start=1):
        label = unit.new_label or unit.old_label or ""
        number = int(label) if footnotes and label.isdigit() else index
        made.append(_Unit(unit.kind, label, unit.segments, number))
    return made


def _entry(index: int, change: Change, words: Mapping[str, str]) -> _Entry:
    old_label = _labels(change.old, change.old_numbers)
    new_label = _labels(change.new, change.new_numbers)
    if change.new_part is not None:
        old_label = f"{words[f'row.{change.part}']} {old_label}"  # "moved from operative 2."
    # a paragraph that went to the other part stands in its new part (a stub marks the old place)
    part = change.new_part or change.part
    return _Entry(
        id=f"c-{index}",
        part=part,
        part_label=words[f"part.{part}"],
        kind=change.kind,
        kind_label=change_kind(change, words),
        change_class=change.change_class,
        label=new_label or old_label,
        old_label=old_label,
        new_label=new_label,
        renumbered=change.renumbered,
        segments=change.segments,
        items=_units(change.items, footnotes=False),
        footnotes=_units(change.footnotes, footnotes=True),
        section=change.new_section or change.old_section,
        reason=change.reason,
        why=_labelled(words, words["report.why"], _why(change.reason, words)) if change.reason else "",
        why_brief=_why(change.reason, words, brief=True),
    )


def _entries(report: ChangeReport, words: Mapping[str, str], direction: str) -> list[_Entry]:
    """The report's entries in document order, with a 'moved from here' stub at the old place
    of every moved paragraph, and the part and heading breaks marked."""
    entries = [_entry(index, change, words) for index, change in enumerate(report.changes, start=1)]
    moves = sorted(
        ((change, entry) for change, entry in zip(report.changes, entries, strict=True) if change.kind == "moved"),
        key=lambda pair: (pair[0].part, pair[0].old[0]),
    )
    for change, entry in moves:
        # a paragraph that went to the other part is named with its part at the old place
        target = entry.new_label if change.new_part is None else f"{words[f'row.{entry.part}']} {entry.new_label}"
        stub = _Entry(
            id=f"{entry.id}-from",
            part=change.part,
            part_label=words[f"part.{change.part}"],
            stub=True,
            label=_labels(change.old, change.old_numbers),
            target=entry.id,
            target_label=target,
            section=change.old_section,
        )
        entry.stub_id = stub.id
        entries.insert(_stub_position(entries, report, change), stub)
    languages = {"old": language(report.old.language), "new": language(report.new.language)}
    for change, entry in zip(report.changes, (e for e in entries if not e.stub), strict=True):
        _lay_out(entry, change, direction, languages)
    return entries


def _blocks(entries: list[_Entry], view: str, words: Mapping[str, str]) -> list[_Block]:
    """A view's entries in blocks: each change (or moved-away stub) alone, unchanged paragraphs
    in runs; a part or section heading opens a new block."""
    blocks: list[_Block] = []
    previous_part, previous_section = None, None
    for entry in entries:
        part_start = entry.part != previous_part
        section_start = bool(entry.section) and (part_start or entry.section != previous_section)
        previous_part, previous_section = entry.part, entry.section
        run = entry.kind == "unchanged" and not entry.stub
        if run and blocks and blocks[-1].run and not (part_start or section_start):
            blocks[-1].entries.append(entry)
            continue
        blocks.append(
            _Block(
                id=f"{view}-run-{len(blocks) + 1}",
                entries=[entry],
                run=run,
                part_heading=entry.part_label if part_start else None,
                section=entry.section if section_start else None,
            )
        )
    for block in blocks:
        count = len(block.entries)
        block.label = (
            words["report.unchanged_one"] if count == 1 else words["report.unchanged_many"].format(count=count)
        )
    return blocks


def _italics(own: tuple[Mark, ...], other: tuple[Mark, ...], text: str, other_text: str) -> list[tuple[int, int]]:
    """A side's italic runs; where it has none (its source lost them), the other side's runs
    that lie in the text both share from the start (the opening phrase)."""
    ranges = [(m.start, m.end) for m in own if m.kind == "italic"]
    if ranges:
        return ranges
    return [(m.start, m.end) for m in other if m.kind == "italic" and text[: m.end] == other_text[: m.end]]


def _cut(
    op: str,
    text: str,
    start: int,
    italics: list[tuple[int, int]],
    notes: list[tuple[int, _NoteRef]],
) -> _Run:
    """One segment (at ``start`` of its side's text) cut where italics begin or end, with the
    footnote markers that stand in it (a marker at the segment's end goes with it)."""
    end = start + len(text)
    if not any(a < end and start < b for a, b in italics) and not any(start <= at <= end for at, _ in notes):
        return _Run(op, (_Piece(text),))  # most segments: nothing to cut
    cuts = {start, end} | {x for a, b in italics for x in (a, b) if start < x < end}
    inside = [(at, ref) for at, ref in notes if start < at <= end or at == start == 0]
    cuts |= {at for at, _ in inside if start < at < end}
    pieces: list[_Piece] = [_Piece(note=ref) for at, ref in inside if at == start]
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:], strict=False):
        italic = any(x <= a and b <= y for x, y in italics)
        pieces.append(_Piece(text[a - start : b - start], italic))
        pieces.extend(_Piece(note=ref) for at, ref in inside if at == b)
    return _Run(op, tuple(pieces))


def _opens_in_italics(marks: tuple[Mark, ...], text: str) -> bool:
    return any(m.kind == "italic" and not text[: m.start].strip() for m in marks)


def _lay_out(entry: _Entry, change: Change, direction: str, languages: Mapping[str, Language | None]) -> None:
    """The entry's text in each view (inline, old column, new column), segments cut at the
    italics and footnote markers, and its sub-paragraphs and footnotes, with the ids that link
    the markers and the notes."""
    old_text, new_text = rebuild(change.segments, "old"), rebuild(change.segments, "new")
    italics = {
        "old": _italics(change.old_marks, change.new_marks, old_text, new_text),
        "new": _italics(change.new_marks, change.old_marks, new_text, old_text),
    }
    if not (_opens_in_italics(change.old_marks, old_text) or _opens_in_italics(change.new_marks, new_text)):
        for side, text in (("old", old_text), ("new", new_text)):
            lang = languages[side]
            if lang and (end := lang.opening_end(text, change.part)):
                italics[side].append((len(text) - len(text.lstrip()), end))
    for view in VIEWS:
        prefix = f"{view[0]}{entry.id}"
        # the inline view shows the new text's markers, and the old text's inside deletions
        refs = {side: _refs(change, side, prefix) for side in ("old", "new")}
        runs = _runs(change.segments, view, italics, refs)
        entry.views[view] = _markup(runs, direction)
        shown_refs = {piece.note.note_id: piece.note.ref_id for run in runs for piece in run.pieces if piece.note}
        entry.notes[view] = [
            _Note(unit, f"{prefix}-n{index}", shown_refs.get(f"{prefix}-n{index}"))
            for index, unit in enumerate(entry.footnotes, start=1)
        ]
    for unit in entry.items + entry.footnotes:
        unit.views = {view: _markup(_runs(unit.segments, view), direction) for view in VIEWS}


def _runs(
    segments: tuple[Segment, ...],
    view: str,
    italics: Mapping[str, list[tuple[int, int]]] = _NO_MARKS,
    refs: Mapping[str, list[tuple[int, _NoteRef]]] = _NO_MARKS,
) -> tuple[_Run, ...]:
    """Segments as a view shows them: the inline view all of them, a deletion and the insertion
    replacing it kept apart; a column its own side's."""
    runs: list[_Run] = []
    offsets = {"old": 0, "new": 0}
    for segment in segments:
        shown = {"equal": "old" if view == "old" else "new", "insert": "new", "delete": "old"}[segment.op]
        text = segment.old_text if shown == "old" and segment.old_text is not None else segment.text
        if view in ("inline", shown):
            if segment.op != "equal" and runs and runs[-1].op not in ("equal", segment.op) and _glued(runs[-1], text):
                runs.append(_Run("gap", (_Piece(" "),)))
            runs.append(_cut(segment.op, text, offsets[shown], italics[shown], refs[shown]))
        if segment.op == "equal":
            offsets["old"] += len(segment.old_text if segment.old_text is not None else segment.text)
            offsets["new"] += len(segment.text)
        else:
            offsets[shown] += len(text)
    return tuple(runs)


def _markup(runs: tuple[_Run, ...], direction: str) -> Any:
    """A view's text as HTML, every piece of document text escaped (markupsafe, as Jinja's
    autoescaping does it): written here rather than in the template, whose attribute look-ups
    per piece made the page three times slower to render."""
    from markupsafe import Markup, escape

    out = []
    for run in runs:
        tag = _TAGS.get(run.op)
        if tag:
            out.append(f'<{tag} dir="{direction}">')
        for piece in run.pieces:
            if piece.note:
                note = piece.note
                link = f'<a id="{note.ref_id}" href="#{note.note_id}"><bdi>{escape(note.label)}</bdi></a>'
                out.append(f'<sup class="note-ref">{link}</sup>')
            elif piece.italic:
                out.append(f'<i dir="{direction}">{escape(piece.text)}</i>')
            else:
                out.append(escape(piece.text))
        if tag:
            out.append(f"</{tag}>")
    return Markup("".join(out))


_TAGS = {"insert": "ins", "delete": "del"}


def _refs(change: Change, side: str, prefix: str) -> list[tuple[int, _NoteRef]]:
    """The footnote markers of one side's text, each linked to its note in the entry's list."""
    marks = change.old_marks if side == "old" else change.new_marks
    refs = []
    for index, unit in enumerate(change.footnotes, start=1):
        label = unit.old_label if side == "old" else unit.new_label
        at = next((m.start for m in marks if m.kind == "note" and m.label == label), None)
        if label is not None and at is not None:
            refs.append((at, _NoteRef(label, f"{prefix}-r{index}{side[0]}", f"{prefix}-n{index}")))
    return refs


def _glued(before: _Run, text: str) -> bool:
    """Whether a deletion and an insertion would touch with no space between them."""
    last = "".join(piece.text for piece in before.pieces)[-1:]
    return bool(last) and bool(text) and not last.isspace() and not text[0].isspace()


def _stub_position(entries: list[_Entry], report: ChangeReport, moved: Change) -> int:
    """Just after the entry that holds the paragraph before the moved one in the old order."""
    by_id = {f"c-{index}": change for index, change in enumerate(report.changes, start=1)}
    before = moved.old[0] - 1
    for position, entry in enumerate(entries):
        change = by_id.get(entry.id)
        if change is not None and change.part == moved.part and before in change.old and change.kind != "moved":
            return position + 1
        if entry.stub and entry.part == moved.part and by_id[entry.target].old[0] == before:
            return position + 1
    first_of_part = next((i for i, e in enumerate(entries) if e.part == moved.part), len(entries))
    return first_of_part


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _bdi(text: str) -> Any:
    """Document text isolated inside a label (``moved from <bdi>7.</bdi>``)."""
    from markupsafe import Markup

    return Markup("<bdi>{}</bdi>").format(text)


def render_html(report: ChangeReport) -> str:
    """The redline page of a change report: one self-contained, script-optional HTML file."""
    from markupsafe import Markup, escape  # come with jinja2: loaded when a page is rendered

    css, js = asset("report.css"), asset("report.js")
    csp = (
        f"default-src 'none'; style-src '{_digest(css)}'; script-src '{_digest(js)}'; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    labels = report_labels(report.new.language)
    new_language = language_or_fallback(report.new.language)
    direction = new_language.direction if language(report.new.language) else "ltr"
    entries = _entries(report, labels, direction)
    verdict_label = labels[f"verdict.{report.summary.verdict}"]

    def document(info: DocumentInfo) -> dict[str, Any]:
        return {
            "symbol": info.symbol,
            "language": info.language,
            "lang": language_tag(info.language),
            "title": info.title,
            "date": _date(info),
            "agenda": Markup(escape(new_language.agenda_line)).format(item=_bdi(info.agenda_item))
            if info.agenda_item
            else None,
            "meeting": info.meeting,
            "draft": info.draft,
        }

    return template("report.html.j2").render(
        lang=language_tag(report.new.language),
        dir=direction,
        csp=csp,
        # our own assets, hashed into the policy above: inserted as they are, not escaped
        css=Markup(css),
        js=Markup(js),
        version=__version__,
        old=document(report.old),
        new=document(report.new),
        summary=report.summary,
        verdict_label=verdict_label,
        # the one place where markup cannot isolate document text (<bdi> everywhere else)
        page_title=without_bidi_controls(f"{report.old.symbol} → {report.new.symbol}: {verdict_label}"),
        kinds=KINDS,
        section_changes=report.section_changes,
        entries=entries,
        inline_blocks=_blocks(entries, "inline", labels),
        side_blocks=_blocks([e for e in entries if not e.stub], "side", labels),
        change_count=sum(1 for e in entries if e.is_change),
        substantive_count=sum(1 for e in entries if e.change_class == "substantive"),
        words=labels,
        bdi=_bdi,
        labelled=lambda label, value: _labelled(labels, label, value),
    )


def _date(info: DocumentInfo) -> str | None:
    """A version's date as its language writes it (``18 novembre 2024``, ``2024年11月18日``)."""
    if not info.date:
        return None
    lang = language(info.language)
    try:
        return lang.format_date(info.date) if lang else info.date
    except ValueError:  # not an ISO date: shown as the source gave it
        return info.date


_SHOWN_WORDS = 3


def _why(reason: Reason | None, words: Mapping[str, str], brief: bool = False) -> Any:
    """A change's reason in words, with the words that made it so (``deleted → inserted``), each
    isolated; ``brief`` (the change list) names at most three on each side."""
    from markupsafe import Markup, escape

    if reason is None:
        return ""
    text = escape(words[f"why.{reason.rule}"])
    shown = [reason.deleted, reason.inserted]
    if brief:
        shown = [side[:_SHOWN_WORDS] + (("…",) if len(side) > _SHOWN_WORDS else ()) for side in shown]
    deleted, inserted = (
        ", ".join(f'<bdi class="{css}">{escape(word)}</bdi>' if word != "…" else "…" for word in side)
        for css, side in zip(("gone", "new"), shown, strict=True)
    )
    if deleted and inserted:
        listed = f"{deleted} → {inserted}"
    elif deleted or inserted:
        listed = f"−{deleted}" if deleted else f"+{inserted}"
    else:
        return text
    return _labelled(words, text, Markup(listed))


def _labelled(words: Mapping[str, str], label: Any, value: Any) -> Any:
    """``label: value`` as the language punctuates it (``Séance : …``)."""
    from markupsafe import Markup, escape

    return Markup(escape(words["report.labelled"])).format(label=label, value=value)
