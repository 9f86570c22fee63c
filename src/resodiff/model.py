"""The one model of a resolution that every stage reads.

Every node is a frozen, slotted dataclass. Source positions (``span``) are kept on the nodes
but left out of equality: the same text read from a PDF conversion and from Akoma Ntoso is the
same resolution, wherever its words stood in each file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from .spans import SourceSpan as SourceSpan  # positions are part of the model
from .symbols import GA_RESOLUTION, RESOLUTION_BODIES

Part = Literal["preamble", "operative", "annex"]
# a part's letter closes its symbol after a space; a publication's range (A-B) is no letter
_PART_LETTER = re.compile(r"(?<=\d) ([A-Z])$")


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference to a resolution or to a document, by its UN document symbol.

    ``date`` is the ISO date the text gives for the target (``77/18 du 21 novembre 2022``),
    which is what an Akoma Ntoso work IRI needs.
    """

    symbol: str
    date: str | None = None

    @property
    def kind(self) -> Literal["resolution", "document"]:
        return "resolution" if "/RES/" in self.symbol else "document"

    @property
    def body(self) -> str | None:
        for prefix, body in RESOLUTION_BODIES:
            if self.symbol.startswith(prefix):
                return body
        return None

    @property
    def iri(self) -> str | None:
        """The AKN work IRI of a General Assembly resolution whose adoption date is known."""
        match = GA_RESOLUTION.match(self.symbol)
        if match is None or self.date is None:
            return None
        number = f"{match['session']}-{match['number']}"
        if match["part"]:
            number += match["part"].replace("-", "")  # as DGACM names parts: 77-128A
        return f"/akn/un/statement/deliberation/unga/{self.date}/{number}"

    @property
    def href(self) -> str:
        """The AKN IRI where known, else the UN's own resolver for document symbols."""
        return self.iri or f"https://undocs.org/{self.symbol}"


@dataclass(frozen=True, slots=True)
class Text:
    """A run of text with uniform presentation and meaning."""

    text: str
    italic: bool = False
    bold: bool = False
    sup: bool = False
    ref: Reference | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote, held at the exact place of its marker in the running text.

    Keeping the note inline (as Akoma Ntoso's ``authorialNote`` does) makes its anchoring
    exact and makes a changed footnote a change of the paragraph that cites it.
    """

    marker: str
    content: tuple[Inline, ...]
    span: SourceSpan | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return plain_text(self.content)


Inline = Text | Footnote
Inlines = tuple[Inline, ...]


def plain_text(inlines: Inlines) -> str:
    """The words of a run of inlines, without footnote markers."""
    # a list, not a generator: str.join makes one of a generator first
    return "".join([node.text for node in inlines if isinstance(node, Text)])


def split_lines(inlines: Inlines) -> list[Inlines]:
    """The lines of a unit, split at its ``"\n"`` runs (the paragraphs of one footnote, the
    lines of one heading)."""
    lines: list[list[Inline]] = [[]]
    for node in inlines:
        if isinstance(node, Text) and node.text == "\n":
            lines.append([])
        else:
            lines[-1].append(node)
    return [tuple(line) for line in lines]


def footnotes_in(inlines: Inlines) -> tuple[Footnote, ...]:
    """The footnotes held in a run of inlines, in order."""
    return tuple(node for node in inlines if isinstance(node, Footnote))


def opening_phrase(inlines: Inlines) -> str | None:
    """The italic phrase a paragraph opens with (*Recalling*, *Prie*), if it is marked."""
    words: list[str] = []
    for node in inlines:
        if isinstance(node, Text) and node.italic:
            words.append(node.text)
        elif isinstance(node, Text) and not node.text.strip() and not words:
            continue
        else:
            break
    phrase = "".join(words).strip()
    return phrase or None


@dataclass(frozen=True, slots=True)
class Item:
    """A sub-paragraph: ``(a)``, ``(i)``, possibly with sub-items of its own."""

    num: str | None
    content: Inlines
    items: tuple[Item, ...] = ()
    span: SourceSpan | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading that groups the paragraphs under it (I, II, A, B ...)."""

    num: str | None
    heading: Inlines
    span: SourceSpan | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        heading = plain_text(self.heading).replace("\n", " ").strip()
        return f"{self.num} {heading}".strip() if self.num else heading


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its paragraphs, whether it is a header cell, and its spans."""

    paragraphs: tuple[Inlines, ...]
    header: bool = False
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A table (budgets, lists of States, action plans), held by a paragraph of its own."""

    rows: tuple[tuple[Cell, ...], ...]

    def all_inlines(self) -> Inlines:
        """Every cell's text as one run of inlines, cells and rows separated by line breaks."""
        collected: list[Inline] = []
        for row in self.rows:
            for cell in row:
                for inlines in cell.paragraphs:
                    if collected:
                        collected.append(Text("\n"))
                    collected.extend(inlines)
        return tuple(collected)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A preambular, operative or annex paragraph.

    ``sections`` is the path of headings the paragraph stands under, outermost first.
    ``content`` is the paragraph's own text (for a paragraph with sub-paragraphs: the part
    before them).
    """

    part: Part
    num: str | None
    content: Inlines
    items: tuple[Item, ...] = ()
    sections: tuple[Section, ...] = ()
    heading: Inlines = ()
    table: Table | None = None
    span: SourceSpan | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return plain_text(self.content)

    @property
    def opening(self) -> str | None:
        return opening_phrase(self.content)

    def all_inlines(self) -> Inlines:
        """The paragraph's own text followed by that of its sub-paragraphs, in reading order."""
        collected: list[Inline] = list(self.content)

        def walk(items: tuple[Item, ...]) -> None:
            for item in items:
                collected.extend(item.content)
                walk(item.items)

        walk(self.items)
        if self.table is not None:
            collected.extend(self.table.all_inlines())
        return tuple(collected)


@dataclass(frozen=True, slots=True)
class Annex:
    """An annex: its paragraphs, after the resolution's closing."""

    paragraphs: tuple[Paragraph, ...]
    span: SourceSpan | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Closing:
    """The closing lines: the plenary meeting and its date."""

    meeting: str
    date_text: str | None = None
    date: str | None = None
    span: SourceSpan | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class WorkflowStep:
    """One step of the resolution's way to adoption, as DGACM records it (AKN4UN ``workflow/step``).

    ``outcome`` is DGACM's name of the step (``draftResolution``, ``draftResolutionAdditionalSponsors``,
    ``recommendedForAdoption``, ``adopted``); ``document`` the symbol of the document that records it
    (the draft ``A/79/L.11``, the committee's report, the meeting record ``A/79/PV.39``); ``by`` who
    acted (the sponsors of a draft). DGACM writes ``0001-01-01`` for a date it does not know; the
    value is kept as written, so that the file can be written back as it was.
    """

    outcome: str
    date: str
    by: str = ""
    document: str | None = None
    refers_to: str | None = None


@dataclass(frozen=True, slots=True)
class Keyword:
    """A subject of the resolution in one thesaurus (``dictionary``: SDGO, UNBIS, EuroVoc ...)."""

    value: str
    show_as: str
    dictionary: str
    href: str | None = None
    refers_to: str | None = None
    short_form: str | None = None


@dataclass(frozen=True, slots=True)
class Classification:
    """One group of subjects (AKN ``classification``), under the scheme its ``source`` names."""

    source: str
    keywords: tuple[Keyword, ...]


@dataclass(frozen=True, slots=True)
class Voter:
    """A Member State named in a recorded vote, as DGACM's ``voting`` lists it."""

    name: str
    refers_to: str | None = None
    #: the UNTERM entry of the Member State, where DGACM gives it
    guid: str | None = None


@dataclass(frozen=True, slots=True)
class VoteCount:
    """The votes of one kind (``choice``: inFavour, against, abstaining) and who cast them."""

    choice: str
    value: int | None
    voters: tuple[Voter, ...] = ()


@dataclass(frozen=True, slots=True)
class Voting:
    """How the resolution was adopted (``adoptedWithoutVote``, ``adoptedRecordedVote``)."""

    outcome: str | None = None
    counts: tuple[VoteCount, ...] = ()
    #: DGACM writes an empty ``quorum``; ``None`` when there is none at all
    quorum: str | None = None

    def count(self, choice: str) -> int | None:
        """The number of votes of one kind (``inFavour``...), where the record gives it."""
        return next((c.value for c in self.counts if c.choice == choice), None)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the header says about the resolution.

    Dates are ISO strings. ``language`` is the ISO 639-2/B code used in AKN IRIs (``fra``).
    """

    symbol: str
    language: str
    title: str
    number: str | None = None
    session: int | None = None
    session_label: str | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None
    adoption_date: str | None = None
    adoption_line: str | None = None
    distribution: str | None = None
    distribution_date: str | None = None
    committee: str | None = None
    draft_symbol: str | None = None
    #: DGACM's record of the way to adoption: draft, sponsors, report, meeting (``workflow``)
    workflow: tuple[WorkflowStep, ...] = ()
    #: subjects: SDGs, UNBIS and EuroVoc terms, the agenda item (``classification``)
    subjects: tuple[Classification, ...] = ()
    voting: Voting | None = None
    #: DGACM's job number, printed at the foot of the first page (``24-21657 (F)``)
    job_number: str | None = None
    #: where the header starts (the Akoma Ntoso cover page, the text's first line)
    span: SourceSpan | None = field(default=None, compare=False)

    def _step(self, outcome: str) -> WorkflowStep | None:
        return next((step for step in self.workflow if step.outcome == outcome), None)

    @property
    def originating_draft(self) -> str | None:
        """The symbol of the draft the resolution was adopted from (``A/79/L.11``, ``A/C.3/79/L.5``)."""
        step = self._step("draftResolution")
        return (step.document if step else None) or self.draft_symbol

    @property
    def sponsors(self) -> tuple[str, ...]:
        """Who tabled the draft, then who joined them, as DGACM lists them (one entry a step)."""
        return tuple(
            step.by
            for step in self.workflow
            if step.outcome in ("draftResolution", "draftResolutionAdditionalSponsors") and step.by
        )

    @property
    def adoption_record(self) -> str | None:
        """The record of the meeting that adopted the resolution (``A/79/PV.39``)."""
        step = self._step("adopted")
        return step.document if step else None

    @property
    def part_letter(self) -> str | None:
        """The letter of a part of a multi-part publication (``B`` of ``A/RES/79/93 B``)."""
        match = _PART_LETTER.search(self.symbol)
        return match.group(1) if match else None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A repair the reader made to read a file as its author plainly meant it (a second
    ``preamble`` that continues the first, a ``p`` standing where a paragraph belongs)."""

    code: str
    message: str
    span: SourceSpan | None = None

    def __str__(self) -> str:
        return f"{self.span or '<input>'}: {self.code} {self.message}"


RevisionKind = Literal[
    "insertion", "deletion", "move-from", "move-to", "paragraph-inserted", "paragraph-deleted", "formatting"
]


@dataclass(frozen=True, slots=True)
class Revision:
    """A tracked change a draft holds (Word's revisions): who made it, when, and what it inserted
    or deleted. ``paragraph-inserted`` is a paragraph mark inserted (a paragraph split in two),
    ``paragraph-deleted`` one deleted (two paragraphs merged); ``formatting`` a change of
    formatting alone, whose ``text`` is the text it applies to.

    ``where`` names the unit of the resolution the change stands in, as read with the changes
    accepted (``operative paragraph 3``, ``footnote 2``; ``header`` above the formula)."""

    kind: RevisionKind
    author: str
    date: str | None
    text: str
    where: str
    span: SourceSpan | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment a reviewer anchored in the source (a Word comment): its text, who wrote it, and
    the block it stands in. Kept beside the text, never part of it: ``check`` reads
    ``resodiff: ignore CODE`` in one as it reads the comment in a text draft."""

    text: str
    author: str = ""
    span: SourceSpan | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """One resolution: metadata, formula, preambular and operative paragraphs, closing and annexes.

    Immutable; equality ignores source positions, so the same text read from two forms is equal."""

    meta: Metadata
    formula: Inlines
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    closing: Closing | None = None
    annexes: tuple[Annex, ...] = ()
    #: footnotes whose marker the text does not have (a draft's mistake): kept so that a check
    #: can report them, refused by the Akoma Ntoso writer, which has nowhere to put them
    unplaced_footnotes: tuple[Footnote, ...] = ()
    source: str | None = field(default=None, compare=False)
    #: what the reader repaired to read the file (where it stands in the source): the same
    #: resolution read from well-formed markup is the same resolution
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    #: the tracked changes of a draft (Word), in document order: the text is read with them all
    #: accepted (or all rejected); who changed what is kept here, apart from the text
    revisions: tuple[Revision, ...] = field(default=(), compare=False)
    #: the source's comments (Word's), where it has any: not the text, so not in equality
    comments: tuple[Comment, ...] = field(default=(), compare=False)

    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The preambular then the operative paragraphs."""
        return self.preamble + self.operative

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        """Every footnote in reading order: formula, headings, paragraphs, annexes."""
        found: list[Footnote] = list(footnotes_in(self.formula))
        previous_sections: tuple[Section, ...] = ()
        for paragraph in self.all_paragraphs():
            for depth, section in enumerate(paragraph.sections):
                if previous_sections[: depth + 1] != paragraph.sections[: depth + 1]:
                    found.extend(footnotes_in(section.heading))
            previous_sections = paragraph.sections
            found.extend(footnotes_in(paragraph.heading + paragraph.all_inlines()))
        return tuple(found)

    def all_paragraphs(self) -> tuple[Paragraph, ...]:
        """Preamble, operative part, then every annex, in reading order."""
        annexed = tuple(p for annex in self.annexes for p in annex.paragraphs)
        return self.preamble + self.operative + annexed


def part_metadata(
    publication: Metadata,
    letter: str,
    title: str,
    language: str,
    *,
    workflow: tuple[WorkflowStep, ...] = (),
    subjects: tuple[Classification, ...] = (),
    voting: Voting | None = None,
    job_number: str | None = None,
) -> Metadata:
    """A part's metadata: the publication's, with the part's own letter in its symbol and number
    (``A/RES/79/93 A``), its own title and language, and DGACM's record (workflow, subjects,
    voting, job number) of its own where it has one: what a part leaves out is the publication's.

    The one rule both ways: the reader builds each part's metadata with it, and the writer writes
    a part into a publication only where reading it back gives the same metadata."""
    number = f"{publication.number} {letter}" if publication.number else letter
    return replace(
        publication,
        symbol=f"A/RES/{number}" if publication.number else f"{publication.symbol} {letter}",
        number=number,
        title=title or publication.title,
        language=language,
        workflow=workflow or publication.workflow,
        subjects=subjects or publication.subjects,
        voting=voting or publication.voting,
        job_number=job_number or publication.job_number,
    )


@dataclass(frozen=True, slots=True)
class Publication:
    """Resolutions adopted together under one number and published as one document (a multi-part
    publication, Akoma Ntoso's ``documentCollection``): the header they share and the parts.

    ``meta`` is the publication's own: its symbol (``A/RES/79/93 A-B``), number (``79/93``),
    title, cover page and DGACM's record. Each part is a whole :class:`Resolution` whose metadata
    is the publication's with its own symbol (``A/RES/79/93 A``), number, title and language, and
    its own record where it has one."""

    meta: Metadata
    parts: tuple[Resolution, ...]
    source: str | None = field(default=None, compare=False)

    @property
    def letters(self) -> tuple[str, ...]:
        """The parts' letters, in order (``A``, ``B``)."""
        return tuple(part.meta.part_letter or part.meta.symbol for part in self.parts)

    def part(self, name: str) -> Resolution | None:
        """The part of this letter (``B``) or symbol (``A/RES/79/93 B``), if there is one."""
        return next((part for part in self.parts if name in (part.meta.part_letter, part.meta.symbol)), None)
