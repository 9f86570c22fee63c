"""Model → Akoma Ntoso 3.0, in the shape DGACM gives General Assembly resolutions (AKN4UN).

``statement name="resolution"`` with FRBR Work/Expression/Manifestation under the ``unga``
actor, a ``coverPage`` and ``preface`` as the printed header, a ``preamble`` holding the
formula and one ``container`` per preambular paragraph, a ``mainBody`` of numbered
``paragraph``s (``list``/``point`` for sub-paragraphs, ``section`` for headings),
``authorialNote`` footnotes in place, ``conclusions`` and one ``attachment`` per annex.
Unlike DGACM's flat eIds, eIds follow the naming convention (``preamble__container_1``,
``para_1``). Every ``href``/``refersTo`` that starts with ``#`` resolves inside the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from lxml import etree

from ..errors import ValidationError
from ..languages import language
from ..model import (
    Footnote,
    Inline,
    Inlines,
    Item,
    Metadata,
    Paragraph,
    Publication,
    Resolution,
    Section,
    Table,
    Text,
    part_metadata,
    split_lines,
)
from .eids import EidAllocator
from .frbr import frbr_iris

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_N = f"{{{AKN_NS}}}"
#: the UN's extension namespace (AKN4UN): voters and the first page's footer, which the AKN
#: schema admits where it allows elements of other namespaces
AKN4UN_NS = "http://un.org/akn4un"
_U = f"{{{AKN4UN_NS}}}"

_TLC = (
    ("TLCOrganization", "resodiff", "/akn/ontology/organization/resodiff", "resodiff"),
    ("TLCOrganization", "ga", "/akn/ontology/organization/un/generalAssembly", "General Assembly"),
    ("TLCRole", "author", "/akn/ontology/role/un/author", "Author"),
    ("TLCRole", "editor", "/akn/ontology/role/un/editor", "Editor"),
    ("TLCConcept", "symbol", "/akn/ontology/reference/un/symbol", "Symbol"),
    ("TLCConcept", "generalDistribution", "/akn/ontology/concept/un/generalDistribution", "Distribution"),
    ("TLCConcept", "dateOfIssuance", "/akn/ontology/concept/un/dateOfIssuance", "Date of issuance"),
    ("TLCConcept", "resolutionTitle", "/akn/ontology/reference/un/resolutionTitle", "Resolution title"),
    ("TLCEvent", "adoption", "/akn/ontology/event/un/adoption", "Adoption"),
    ("TLCLocation", "adoptionMeeting", "/akn/ontology/location/un/plenaryMeeting", "Plenary meeting"),
)
# declared only where DGACM's record is written, so that text input gives the same file as before
_DGACM_TLC = ("TLCOrganization", "dgacm", "/akn/ontology/organization/un/DGACM", "DGACM")
_JOB_NUMBER_TLC = ("TLCConcept", "publicationJobNumber", "/akn/ontology/concept/un/publicationJobNumber", "Job number")


def _el(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, _N + tag, {k.rstrip("_"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


@dataclass(frozen=True, slots=True)
class LifecycleEvent:
    """A version the document descends from, for its ``lifecycle``."""

    symbol: str
    date: str
    iri: str


class _Header:
    """Writes the header of a document: ``meta`` (FRBR, DGACM's record, references), cover page
    and preface. Every method takes the metadata it writes: a publication's header has no body."""

    def __init__(
        self,
        lifecycle: Sequence[LifecycleEvent] = (),
        publication: Metadata | None = None,
        parts: Sequence[Metadata] = (),
    ) -> None:
        self.lifecycle = lifecycle
        #: for a part of a multi-part publication, the publication's metadata: the part's header
        #: and record are the publication's, but for what the part has of its own
        self.publication = publication
        #: for a publication, its parts' metadata: it declares the references they use
        self.parts = parts

    # -- header ---------------------------------------------------------------------------

    def meta(self, parent: etree._Element, meta: Metadata, component: str = "main") -> None:
        iris = frbr_iris(meta, component)
        element = _el(parent, "meta")
        identification = _el(element, "identification", source="#resodiff")
        work = _el(identification, "FRBRWork")
        _el(work, "FRBRthis", value=iris.work_this)
        _el(work, "FRBRuri", value=iris.work)
        _el(work, "FRBRdate", date=meta.adoption_date or meta.distribution_date or "", name="adoption")
        _el(work, "FRBRauthor", href="#ga", as_="#author")
        _el(work, "FRBRcountry", value="un")
        if meta.number:
            _el(work, "FRBRnumber", value=meta.number)
        _el(work, "FRBRname", value=meta.symbol)
        expression = _el(identification, "FRBRExpression")
        _el(expression, "FRBRthis", value=iris.expression_this)
        _el(expression, "FRBRuri", value=iris.expression)
        publication = meta.distribution_date or meta.adoption_date or ""
        _el(expression, "FRBRdate", date=publication, name="publication")
        _el(expression, "FRBRauthor", href="#ga", as_="#author")
        _el(expression, "FRBRlanguage", language=meta.language)
        manifestation = _el(identification, "FRBRManifestation")
        _el(manifestation, "FRBRthis", value=iris.manifestation_this)
        _el(manifestation, "FRBRuri", value=iris.manifestation)
        # the markup date is the expression's, so that the same input always gives the same file
        _el(manifestation, "FRBRdate", date=publication, name="markup")
        _el(manifestation, "FRBRauthor", href="#resodiff", as_="#editor")
        if component != "main":
            return
        shared = self.publication

        def own(record: str) -> bool:
            return shared is None or getattr(meta, record) != getattr(shared, record)

        if own("subjects"):
            self.classification(element, meta)
        if self.lifecycle:
            lifecycle = _el(element, "lifecycle", source="#resodiff")
            for index, event in enumerate(self.lifecycle, start=1):
                kind = "generation" if index == 1 else "amendment"
                _el(
                    lifecycle,
                    "eventRef",
                    eId=f"lifecycle__event_{index}",
                    date=event.date,
                    source=f"#version_{index}",
                    type=kind,
                )
        if own("workflow"):
            self.workflow(element, meta)
        if own("voting"):
            self.analysis(element, meta)
        if shared is None:  # a part uses the references its publication declares
            self.references(element, [meta, *self.parts])
        if own("job_number"):
            self.presentation(element, meta)

    def references(self, parent: etree._Element, metas: Sequence[Metadata]) -> None:
        references = _el(parent, "references", source="#resodiff")
        for index, event in enumerate(self.lifecycle, start=1):
            tag = "original" if index == 1 else "passiveRef"
            _el(references, tag, eId=f"version_{index}", href=event.iri, showAs=event.symbol)
        tlcs = list(_TLC)
        if any(meta.workflow or meta.voting is not None or meta.job_number for meta in metas):
            tlcs.append(_DGACM_TLC)
        if any(meta.job_number for meta in metas):
            tlcs.append(_JOB_NUMBER_TLC)
        for kind, eid, href, show in tlcs:
            _el(references, kind, eId=eid, href=href, showAs=show)

    # -- DGACM's record: where AKN4UN puts it ------------------------------------------------

    def classification(self, parent: etree._Element, meta: Metadata) -> None:
        for group in meta.subjects:
            element = _el(parent, "classification", source=group.source)
            for keyword in group.keywords:
                attributes = {"value": keyword.value, "showAs": keyword.show_as, "dictionary": keyword.dictionary}
                optional = {"href": keyword.href, "refersTo": keyword.refers_to, "shortForm": keyword.short_form}
                attributes.update({name: value for name, value in optional.items() if value is not None})
                _el(element, "keyword", **attributes)

    def workflow(self, parent: etree._Element, meta: Metadata) -> None:
        if not meta.workflow:
            return
        workflow = _el(parent, "workflow", source="#dgacm")
        for step in meta.workflow:
            element = _el(workflow, "step", date=step.date, outcome=step.outcome)
            if step.document is not None:
                element.set("as", step.document)
            element.set("by", step.by)
            if step.refers_to is not None:
                element.set("refersTo", step.refers_to)

    def analysis(self, parent: etree._Element, meta: Metadata) -> None:
        voting = meta.voting
        if voting is None:
            return
        element = _el(_el(_el(parent, "analysis", source="#dgacm"), "parliamentary"), "voting")
        if voting.outcome is not None:
            element.set("outcome", voting.outcome)
        if voting.quorum is not None:
            _el(element, "quorum", value=voting.quorum)
        for count in voting.counts:
            count_element = _el(element, "count", value="" if count.value is None else str(count.value))
            count_element.set("refersTo", count.choice)
            voters = etree.SubElement(count_element, _U + "voters", nsmap={"akn4un": AKN4UN_NS})
            for voter in count.voters:
                organization = _el(voters, "organization", voter.name)
                if voter.refers_to is not None:
                    organization.set("refersTo", voter.refers_to)
                if voter.guid is not None:
                    organization.set("GUID", voter.guid)

    def presentation(self, parent: etree._Element, meta: Metadata) -> None:
        """The first page's footer as AKN4UN lays it out: the job number with its bar code on
        the left, the recycling mark and the QR code on the right."""
        if not meta.job_number:
            return
        presentation = _el(parent, "presentation", source="#dgacm")
        footer = etree.SubElement(presentation, _U + "footerFirstPage", nsmap={"akn4un": AKN4UN_NS})
        code = etree.SubElement(etree.SubElement(footer, _U + "footerFirstPageLeft"), _U + "internalCode")
        _el(code, "docketNumber", meta.job_number, refersTo="#publicationJobNumber")
        _el(code, "img", alt="bar code", class_="barCode", src="")
        right = etree.SubElement(footer, _U + "footerFirstPageRight")
        _el(right, "img", alt="Please recycle", class_="image", src="./recylcleLogo.jpg")
        _el(right, "img", alt="embedded QR code", class_="qrCode", src="")

    def cover_page(self, parent: etree._Element, meta: Metadata) -> None:
        lang = language(meta.language)
        cover = _el(parent, "coverPage")
        _el(_el(cover, "p"), "docNumber", meta.symbol, refersTo="#symbol")
        if lang is not None and lang.general_assembly:
            _el(_el(cover, "p"), "docAuthority", lang.general_assembly, refersTo="#ga")
        if meta.distribution:
            _el(_el(cover, "p"), "docStatus", meta.distribution, refersTo="#generalDistribution")
        if meta.distribution_date:
            shown = lang.format_date(meta.distribution_date) if lang else meta.distribution_date
            _el(_el(cover, "p"), "docDate", shown, date=meta.distribution_date, refersTo="#dateOfIssuance")
        if meta.session_label or meta.session is not None:
            session = _el(_el(cover, "p"), "session", meta.session_label or "", refersTo="#ga")
            if meta.session is not None:
                session.set("value", str(meta.session))
        if meta.agenda_item:
            shown = lang.agenda_line.format(item=meta.agenda_item) if lang else meta.agenda_item
            _el(_el(cover, "p"), "inline", shown, name="agenda item", title=meta.agenda_item)
        if meta.agenda_title:
            _el(_el(cover, "p"), "inline", meta.agenda_title, name="agenda item name")
        if meta.adoption_line:
            _el(_el(cover, "p"), "docTitle", meta.adoption_line)
        if meta.committee or meta.draft_symbol:
            proponent = _el(_el(cover, "p"), "docProponent", refersTo="#ga")
            if meta.draft_symbol:
                proponent.text = f"[{meta.committee} (" if meta.committee else "[("
                _el(proponent, "inline", meta.draft_symbol, name="originating document").tail = ")]"
            else:
                proponent.text = f"[{meta.committee}]"
        if len(cover) == 0:
            parent.remove(cover)

    def preface(self, parent: etree._Element, meta: Metadata) -> None:
        p = _el(_el(parent, "preface"), "p")
        if self.publication is not None:  # a part is printed under its letter (A, B)
            _el(p, "docNumber", meta.part_letter).tail = " "
        elif meta.number:  # a draft has a symbol but no resolution number yet
            _el(p, "docNumber", f"{meta.number}.").tail = " "
        _el(p, "docTitle", meta.title, refersTo="#resolutionTitle")


class _Writer(_Header):
    def __init__(
        self,
        resolution: Resolution,
        lifecycle: Sequence[LifecycleEvent] = (),
        publication: Metadata | None = None,
    ) -> None:
        super().__init__(lifecycle, publication)
        self.resolution = resolution
        self.eids = EidAllocator()

    # -- inline content -------------------------------------------------------------------

    def write_inlines(self, parent: etree._Element, inlines: Inlines, context: str | None) -> None:
        """Append runs to ``parent``; ``"\\n"`` runs become ``eol`` (headings, cells)."""
        for node in inlines:
            if isinstance(node, Footnote):
                self.write_footnote(parent, node, context)
                continue
            if node.text == "\n":
                _el(parent, "eol")
                continue
            target = parent
            if node.bold:
                target = _el(target, "b")
            if node.italic:
                target = _el(target, "i")
            if node.sup:
                target = _el(target, "sup")
            if node.ref is not None:
                _el(target, "ref", node.text, href=node.ref.href)
            elif node.date is not None:
                _el(target, "date", node.text, date=node.date)
            elif target is parent:
                _append_text(parent, node.text)
            else:
                target.text = node.text

    def write_footnote(self, parent: etree._Element, note: Footnote, context: str | None) -> None:
        eid = self.eids.make(context, "authorialNote", note.marker)
        element = _el(parent, "authorialNote", marker=note.marker, placement="bottom", eId=eid)
        self.write_blocks(element, note.content, eid)

    def write_blocks(self, parent: etree._Element, inlines: Inlines, context: str | None) -> None:
        """Running text as one ``p`` per line ("\\n" separates paragraphs of one unit)."""
        for line in split_lines(inlines):
            self.write_inlines(_el(parent, "p"), line, context)

    # -- body -----------------------------------------------------------------------------

    def preamble(self, parent: etree._Element) -> None:
        resolution = self.resolution
        preamble = _el(parent, "preamble")
        formula = _el(preamble, "formula", name="enactingFormula", eId="preamble__formula_1")
        self.write_blocks(formula, resolution.formula, "preamble__formula_1")
        for index, paragraph in enumerate(resolution.preamble, start=1):
            eid = self.eids.make("preamble", "container", str(index))
            name = paragraph.opening or "recital"
            container = _el(preamble, "container", name=name, eId=eid)
            if paragraph.items:
                block = _el(container, "blockList", eId=self.eids.make(eid, "list", "1"))
                intro = _el(block, "listIntroduction")
                self.write_inlines(intro, paragraph.content, eid)
                for item in paragraph.items:
                    element = _el(block, "item", eId=self.eids.make(block.get("eId"), "item", item.num or "1"))
                    if item.num:
                        _el(element, "num", item.num)
                    self.write_blocks(element, _flatten_item(item), element.get("eId"))
            else:
                self.write_blocks(container, paragraph.content, eid)

    def body(self, parent: etree._Element, paragraphs: Sequence[Paragraph], prefix: str | None) -> None:
        """Write paragraphs, opening a ``section`` wherever their heading path changes."""
        open_sections: list[tuple[Section, etree._Element, str]] = []
        for position, paragraph in enumerate(paragraphs, start=1):
            shared = 0
            while (
                shared < len(open_sections)
                and shared < len(paragraph.sections)
                and open_sections[shared][0] is paragraph.sections[shared]
            ):
                shared += 1
            del open_sections[shared:]
            for depth in range(shared, len(paragraph.sections)):
                section = paragraph.sections[depth]
                container, context = (open_sections[-1][1], open_sections[-1][2]) if open_sections else (parent, prefix)
                eid = self.eids.make(context, "sec", section.num or str(position))
                element = _el(container, "section", eId=eid)
                if section.num:
                    _el(element, "num", section.num)
                heading = _el(element, "heading")
                self.write_inlines(heading, section.heading, eid)
                open_sections.append((section, element, eid))
            container, context = (open_sections[-1][1], open_sections[-1][2]) if open_sections else (parent, prefix)
            self.paragraph(container, paragraph, context, position)

    def paragraph(self, parent: etree._Element, paragraph: Paragraph, context: str | None, position: int) -> None:
        eid = self.eids.make(context, "para", paragraph.num or str(position))
        element = _el(parent, "paragraph", eId=eid)
        if paragraph.num:
            _el(element, "num", paragraph.num)
        if paragraph.heading:
            self.write_inlines(_el(element, "heading"), paragraph.heading, eid)
        if paragraph.items:
            self.list(element, paragraph.content, paragraph.items, eid)
            return
        content = _el(element, "content")
        if paragraph.table is not None:
            self.table(content, paragraph.table, eid)
        else:
            self.write_blocks(content, paragraph.content, eid)

    def list(self, parent: etree._Element, intro: Inlines, items: Iterable[Item], context: str) -> None:
        list_eid = self.eids.make(context, "list", "1")
        element = _el(parent, "list", eId=list_eid)
        if intro:
            self.write_blocks(_el(element, "intro"), intro, list_eid)
        for item in items:
            self.point(element, item, list_eid)

    def point(self, parent: etree._Element, item: Item, context: str) -> None:
        eid = self.eids.make(context, "point", item.num or "1")
        element = _el(parent, "point", eId=eid)
        if item.num:
            _el(element, "num", item.num)
        if item.items:
            if item.content:
                self.write_blocks(_el(element, "intro"), item.content, eid)
            for child in item.items:
                self.point(element, child, eid)
        else:
            self.write_blocks(_el(element, "content"), item.content, eid)

    def table(self, parent: etree._Element, table: Table, context: str) -> None:
        element = _el(parent, "table", eId=self.eids.make(context, "table", "1"))
        for row in table.rows:
            tr = _el(element, "tr")
            for cell in row:
                td = _el(tr, "th" if cell.header else "td")
                if cell.rowspan != 1:
                    td.set("rowspan", str(cell.rowspan))
                if cell.colspan != 1:
                    td.set("colspan", str(cell.colspan))
                for inlines in cell.paragraphs or ((),):
                    self.write_inlines(_el(td, "p"), inlines, context)

    def conclusions(self, parent: etree._Element) -> None:
        closing = self.resolution.closing
        if closing is None:
            return
        event = _el(_el(_el(parent, "conclusions"), "p"), "event", refersTo="#adoption")
        _el(event, "location", closing.meeting, refersTo="#adoptionMeeting")
        if closing.date_text:
            _el(event, "eol")
            date = _el(event, "docDate", closing.date_text)
            if closing.date:
                date.set("date", closing.date)

    def attachments(self, parent: etree._Element) -> None:
        if not self.resolution.annexes:
            return
        attachments = _el(parent, "attachments")
        for index, annex in enumerate(self.resolution.annexes, start=1):
            doc = _el(_el(attachments, "attachment"), "doc", name="annex")
            self.meta(doc, self.resolution.meta, component=f"annex_{index}")
            self.body(_el(doc, "mainBody"), annex.paragraphs, f"att_{index}")

    def statement(self, parent: etree._Element) -> None:
        """The resolution as a ``statement``; a part of a publication has no cover page of its own."""
        meta = self.resolution.meta
        statement = _el(parent, "statement", name="resolution")
        self.meta(statement, meta)
        if self.publication is None:
            self.cover_page(statement, meta)
        self.preface(statement, meta)
        self.preamble(statement)
        self.body(_el(statement, "mainBody"), self.resolution.operative, None)
        self.conclusions(statement)
        self.attachments(statement)


def _root(metas: Sequence[Metadata]) -> etree._Element:
    namespaces: dict[str | None, str] = {None: AKN_NS}
    if any(meta.job_number or (meta.voting is not None and meta.voting.counts) for meta in metas):
        namespaces["akn4un"] = AKN4UN_NS  # declared once, as DGACM does
    return etree.Element(_N + "akomaNtoso", nsmap=namespaces)


def _publication(publication: Publication) -> etree._Element:
    """A multi-part publication as DGACM writes one: a ``documentCollection`` with the
    publication's header and a ``collectionBody`` whose components point at the parts, then each
    part as a ``statement`` in ``components``, with its own FRBR (``.../79-93A``) and eIds."""
    meta = publication.meta
    for part in publication.parts:
        _check_part(meta, part)
    parts = [part.meta for part in publication.parts]
    root = _root([meta, *parts])
    collection = _el(root, "documentCollection", name="publication")
    header = _Header(parts=parts)
    header.meta(collection, meta)
    header.cover_page(collection, meta)
    header.preface(collection, meta)
    body = _el(collection, "collectionBody")
    components = _el(root, "components")
    for index, part in enumerate(publication.parts, start=1):
        component = f"cmp_{index}"
        reference = _el(body, "component", eId=f"body__{component}")
        _el(reference, "documentRef", eId=f"body__{component}__dref_1", href=f"#{component}", showAs=part.meta.symbol)
        _Writer(part, publication=meta).statement(_el(components, "component", eId=component))
    return root


def _check_part(publication: Metadata, part: Resolution) -> None:
    """Refuse a part whose metadata a ``documentCollection`` cannot say: what a part does not
    write is read back as the publication's (:func:`resodiff.model.part_metadata`)."""
    meta = part.meta
    letter = meta.part_letter
    written = (
        part_metadata(
            publication,
            letter,
            meta.title,
            meta.language,
            workflow=meta.workflow,
            subjects=meta.subjects,
            voting=meta.voting,
            job_number=meta.job_number,
        )
        if letter
        else None
    )
    if written != meta:
        differing = (
            [f.name for f in fields(Metadata) if f.compare and getattr(written, f.name) != getattr(meta, f.name)]
            if written is not None
            else ["symbol (no part letter: A/RES/79/93 A)"]
        )
        raise ValidationError(
            f"{meta.symbol} cannot be written as a part of {publication.symbol}: its "
            f"{', '.join(differing)} differ(s) from the publication's; write the parts as files of their own",
            file=part.source,
        )


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _flatten_item(item: Item) -> Inlines:
    """Preambular block-list items carry no sub-items in DGACM's files; keep their words."""
    inlines: list[Inline] = list(item.content)
    for child in item.items:
        inlines.extend((Text("\n"), *_flatten_item(child)))
    return tuple(inlines)


def to_akn(document: Resolution | Publication, lifecycle: Sequence[LifecycleEvent] = ()) -> etree._Element:
    """A resolution, or a multi-part publication, as an Akoma Ntoso document (an lxml element
    tree root); ``lifecycle`` lists the versions a resolution descends from, oldest first, itself
    last."""
    if isinstance(document, Publication):
        if lifecycle:
            raise ValueError("a lifecycle is a resolution's, not a publication's")
        for part in document.parts:
            _check_placed(part)
        return _publication(document)
    _check_placed(document)
    root = _root([document.meta])
    _Writer(document, lifecycle).statement(root)
    return root


def _check_placed(resolution: Resolution) -> None:
    if resolution.unplaced_footnotes:
        note = resolution.unplaced_footnotes[0]
        span = note.span
        raise ValidationError(
            f"footnote {note.marker} has no marker in the text, so it cannot be placed",
            file=span.file if span else resolution.source,
            line=span.line if span else None,
            column=span.column if span else None,
        )


def to_akn_bytes(document: Resolution | Publication, lifecycle: Sequence[LifecycleEvent] = ()) -> bytes:
    """A resolution, or a multi-part publication, as an Akoma Ntoso 3.0 document (UTF-8,
    indented), with a ``lifecycle`` of the versions a resolution descends from when given."""
    root = to_akn(document, lifecycle)
    _indent(root, 0)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return data + b"\n"


_MIXED_CONTENT = {
    "p",
    "heading",
    "subheading",
    "num",
    "listIntroduction",
    "docNumber",
    "docTitle",
    "docProponent",
    "docStatus",
    "docDate",
    "docAuthority",
    "session",
    "inline",
    "event",
    "location",
    "docketNumber",
    "organization",
}


def _indent(element: etree._Element, level: int) -> None:
    """Indent the structure for people to read, never inside running text.

    ``etree.indent`` would put line breaks between adjacent inline elements
    (``<i>1</i><sup>er</sup>``) and so change the words; this stops at mixed content.
    """
    if element.tag.removeprefix(_N) in _MIXED_CONTENT or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level
