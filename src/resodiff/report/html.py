"""The redline page: one self-contained HTML file rendered from the change report.

Jinja2 with autoescaping writes every piece of document text, so a resolution that contains
``<script>`` shows it as text; each piece is a bidirectional isolate (``<bdi>``, or an element
with ``dir``), so right-to-left overrides in it (U+202E...) cannot reorder the text around it.
The page needs nothing from outside: the style sheet and the script are inline, and a
Content-Security-Policy allows exactly those two (by hash) and nothing else. Both views (inline
redline, side by side) are in the HTML; switching views, folding unchanged paragraphs and hiding
technical changes are CSS on form controls, so they work with script disabled; the script only
adds previous/next navigation.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._version import __version__
from ..diff.report import KINDS, Change, ChangeReport, DocumentInfo, Segment, UnitChange
from ..escape import without_bidi_controls
from ..languages import language, language_or_fallback, language_tag, report_labels
from .templates import asset, template


@dataclass
class _Unit:
    kind: str
    label: str
    segments: tuple[Segment, ...]
    marker_number: int


@dataclass
class _Entry:
    id: str
    part: str
    part_label: str
    kind: str = ""
    change_class: str | None = None
    label: str = ""
    old_label: str = ""
    new_label: str = ""
    renumbered: bool = False
    segments: tuple[Segment, ...] = ()
    items: list[_Unit] = field(default_factory=list)
    footnotes: list[_Unit] = field(default_factory=list)
    section: str | None = None
    part_start: bool = False
    section_start: bool = False
    stub: bool = False
    stub_id: str = ""
    target: str = ""
    target_label: str = ""

    @property
    def is_change(self) -> bool:
        return self.change_class is not None


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
    return _Entry(
        id=f"c-{index}",
        part=change.part,
        part_label=words[f"part.{change.part}"],
        kind=change.kind,
        change_class=change.change_class,
        label=new_label or old_label,
        old_label=old_label,
        new_label=new_label,
        renumbered=change.renumbered,
        segments=change.segments,
        items=_units(change.items, footnotes=False),
        footnotes=_units(change.footnotes, footnotes=True),
        section=change.new_section or change.old_section,
    )


def _entries(report: ChangeReport, words: Mapping[str, str]) -> list[_Entry]:
    """The report's entries in document order, with a 'moved from here' stub at the old place
    of every moved paragraph, and the part and heading breaks marked."""
    entries = [_entry(index, change, words) for index, change in enumerate(report.changes, start=1)]
    moves = sorted(
        ((change, entry) for change, entry in zip(report.changes, entries, strict=True) if change.kind == "moved"),
        key=lambda pair: (pair[0].part, pair[0].old[0]),
    )
    for change, entry in moves:
        stub = _Entry(
            id=f"{entry.id}-from",
            part=entry.part,
            part_label=entry.part_label,
            stub=True,
            label=entry.old_label,
            target=entry.id,
            target_label=entry.new_label,
            section=change.old_section,
        )
        entry.stub_id = stub.id
        entries.insert(_stub_position(entries, report, change), stub)
    previous_part, previous_section = None, None
    for entry in entries:
        entry.part_start = entry.part != previous_part
        entry.section_start = bool(entry.section) and (entry.part_start or entry.section != previous_section)
        previous_part, previous_section = entry.part, entry.section
    return entries


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
    from markupsafe import Markup  # comes with jinja2: loaded when a page is rendered

    css, js = asset("report.css"), asset("report.js")
    csp = (
        f"default-src 'none'; style-src '{_digest(css)}'; script-src '{_digest(js)}'; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    labels = report_labels(report.new.language)
    entries = _entries(report, labels)
    new_language = language_or_fallback(report.new.language)
    verdict_label = labels[f"verdict.{report.summary.verdict}"]

    def document(info: DocumentInfo) -> dict[str, str | None]:
        return {
            "symbol": info.symbol,
            "language": info.language,
            "lang": language_tag(info.language),
            "title": info.title,
            "date": info.date,
        }

    return template("report.html.j2").render(
        lang=language_tag(report.new.language),
        dir=new_language.direction if language(report.new.language) else "ltr",
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
        change_count=sum(1 for e in entries if e.is_change),
        words=labels,
        bdi=_bdi,
    )
