"""The change report: what ``resodiff.diff`` returns and every renderer reads.

Frozen dataclasses, so a renderer cannot change what another one will show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from ..model import Resolution
from ..spans import SourceSpan

Kind = Literal["unchanged", "modified", "inserted", "deleted", "moved", "split", "merged"]
KINDS: tuple[Kind, ...] = ("unchanged", "modified", "inserted", "deleted", "moved", "split", "merged")
ReportPart = Literal["preamble", "operative", "annex"]
PARTS: tuple[ReportPart, ...] = ("preamble", "operative", "annex")
ChangeClass = Literal["technical", "substantive"]
Verdict = Literal["identical", "technical", "substantive"]
ReasonRule = Literal[
    "technical-words",
    "place-name",
    "words",
    "opening",
    "session",
    "punctuation",
    "text",
    "inserted",
    "deleted",
    "moved",
    "split",
    "merged",
    "sub-paragraph",
    "footnote",
]
REASON_RULES: tuple[ReasonRule, ...] = get_args(ReasonRule)
TECHNICAL_RULES: frozenset[ReasonRule] = frozenset({"technical-words", "place-name"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the word-level comparison.

    ``text`` is as the new version prints it (``equal``, ``insert``) or as the old one does
    (``delete``); ``old_text`` is the old version's typography of an ``equal`` piece where it
    differs, so that both texts can be rebuilt exactly.
    """

    op: Literal["equal", "insert", "delete"]
    text: str
    old_text: str | None = None


def rebuild(segments: tuple[Segment, ...], side: Literal["old", "new"]) -> str:
    """One side's text from the segments."""
    if side == "new":
        return "".join(s.text for s in segments if s.op != "delete")
    return "".join((s.old_text if s.old_text is not None else s.text) for s in segments if s.op != "insert")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a change is technical or substantive: the rule that decided, and the words that made
    it so (for ``technical-words`` every word changed, all of them technical; for ``words`` and
    ``opening`` the changed words no technical rule explains).

    ``technical-words``: every word deleted or inserted is a date, number, symbol, number word or
    reference connector, or a word of a footnote inserted or deleted that only cites a document;
    ``place-name``: one place name replaced by another (capitalised, in the language's place
    frame, or a place its data knows); ``words``:
    other words changed; ``opening``: the paragraph's opening word changed; ``session``: a session
    number written out moved by other than the two versions' gap in sessions (a reporting cycle
    changed); ``punctuation``: only
    punctuation changed; ``text``: the text differs in no word the comparison shows (a footnote's
    layout); ``inserted`` ... ``merged``: what happened to the paragraph; ``sub-paragraph``,
    ``footnote``: one was inserted, deleted or moved (a footnote that says more than a citation).
    """

    rule: ReasonRule
    deleted: tuple[str, ...] = ()
    inserted: tuple[str, ...] = ()

    @property
    def change_class(self) -> ChangeClass:
        return "technical" if self.rule in TECHNICAL_RULES else "substantive"


@dataclass(frozen=True, slots=True)
class Mark:
    """Presentation the words alone do not show, for renderers: an italic run (``start`` to
    ``end``) or a footnote marker (at ``start``, its ``label``), as offsets into one side's text
    as :func:`rebuild` gives it."""

    kind: Literal["italic", "note"]
    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class UnitChange:
    """A sub-paragraph or a footnote inside an aligned paragraph."""

    kind: Kind
    old_label: str | None
    new_label: str | None
    segments: tuple[Segment, ...]
    formatting_only: bool = False


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the report: a paragraph (or, for splits and merges, several).

    ``part`` is the part of the old paragraphs (of the new one for an insertion); a paragraph
    that went to the other part is ``moved`` and says where to in ``new_part``.
    """

    part: ReportPart
    kind: Kind
    old: tuple[int, ...]
    new: tuple[int, ...]
    old_numbers: tuple[str | None, ...] = ()
    new_numbers: tuple[str | None, ...] = ()
    renumbered: bool = False
    text_changed: bool = False
    formatting_only: bool = False
    change_class: ChangeClass | None = None
    segments: tuple[Segment, ...] = ()
    items: tuple[UnitChange, ...] = ()
    footnotes: tuple[UnitChange, ...] = ()
    old_section: str | None = None
    new_section: str | None = None
    old_spans: tuple[SourceSpan, ...] = ()
    """Where the paragraphs start in the old version's file (as the model's nodes keep them)."""
    new_spans: tuple[SourceSpan, ...] = ()
    similarity: float | None = None
    reason: Reason | None = None
    """Why the change is technical or substantive; None where nothing changed in content."""
    new_part: ReportPart | None = None
    """The part of the new paragraphs where it is not ``part`` (the old paragraphs' part): a
    paragraph that went from the preamble to the operative part, or back."""
    old_marks: tuple[Mark, ...] = field(default=(), compare=False)
    """Italics and footnote markers of the old paragraphs' text (presentation only)."""
    new_marks: tuple[Mark, ...] = field(default=(), compare=False)

    @property
    def parts(self) -> tuple[ReportPart, ReportPart]:
        """The parts of the old and of the new paragraphs."""
        return (self.part, self.new_part or self.part)

    @property
    def old_lines(self) -> tuple[int, ...]:
        """The old paragraphs' first lines (the JSON contract's ``old_lines``)."""
        return tuple(span.line for span in self.old_spans)

    @property
    def new_lines(self) -> tuple[int, ...]:
        """The new paragraphs' first lines (the JSON contract's ``new_lines``)."""
        return tuple(span.line for span in self.new_spans)


@dataclass(frozen=True, slots=True)
class SectionChange:
    """A heading whose words changed, as its old and new labels."""

    part: ReportPart
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a report says of each version: symbol, language, title, date and the file it came
    from; and, where the header or DGACM's record gives them, the agenda item, the meeting that
    adopted it and the draft it came from."""

    symbol: str
    language: str
    title: str
    date: str | None
    source: str | None
    agenda_item: str | None = None
    meeting: str | None = None
    draft: str | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts per part and kind, and the verdict: identical, technical or substantive."""

    counts: tuple[tuple[ReportPart, tuple[tuple[Kind, int], ...]], ...]
    renumbered: int
    formatting_only: int
    technical: int
    substantive: int
    verdict: Verdict

    def count(self, part: ReportPart, kind: Kind) -> int:
        """How many entries of this kind the report has in this part."""
        for counted_part, kinds in self.counts:
            if counted_part == part:
                return dict(kinds).get(kind, 0)
        return 0


@dataclass(frozen=True, slots=True)
class ChangeReport:
    """The comparison of two versions: every paragraph of both in exactly one change, in
    document order, the headings that changed, the summary and the alignment's thresholds."""

    old: DocumentInfo
    new: DocumentInfo
    changes: tuple[Change, ...]
    section_changes: tuple[SectionChange, ...]
    summary: Summary
    settings: tuple[tuple[str, float], ...] = field(default=())
    documents: tuple[Resolution, Resolution] | None = field(default=None, compare=False, repr=False)
    """The two versions compared (old, new), for renderers that print a whole document around the
    changes (the Word redline: header, italics, footnotes); ``None`` in a report built by hand."""

    @property
    def verdict(self) -> Verdict:
        return self.summary.verdict

    @property
    def has_content_changes(self) -> bool:
        return self.summary.verdict != "identical"
