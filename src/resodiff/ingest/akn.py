"""Reader for Akoma Ntoso 3.0: DGACM's files and resodiff's own output.

DGACM's quirks are read as what they mean: ``span class="italic"`` is italics, ``a href``
to undocs.org is a reference, tabs in ``xml:space="preserve"`` text are layout, a body
``paragraph`` holding only a ``subheading`` is a heading for the paragraphs after it, eIds are
ignored (they are flat and carry no structure). Anything whose meaning resodiff cannot keep
is refused with the element and its line, never silently dropped.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import replace

from lxml import etree

from ..errors import AKNStructureError
from ..languages import Language, language
from ..model import (
    Annex,
    Cell,
    Classification,
    Closing,
    Diagnostic,
    Footnote,
    Inline,
    Inlines,
    Item,
    Keyword,
    Metadata,
    Paragraph,
    Part,
    Publication,
    Resolution,
    Section,
    SourceSpan,
    Table,
    Text,
    VoteCount,
    Voter,
    Voting,
    WorkflowStep,
    part_metadata,
    plain_text,
)
from ..safexml import parse_xml
from .numerals import roman, roman_value
from .recognise import Piece, Run, annotate, merge_runs
from .whitespace import clean_spaces

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_NS = f"{{{AKN_NS}}}"

_STYLE_CLASSES = {"italic": "italic", "bold": "bold"}
_TRANSPARENT_INLINE = {
    "inline",
    "span",
    "abbr",
    "term",
    "organization",
    "person",
    "location",
    "concept",
    "object",
    "role",
    "quantity",
    "def",
    "entity",
    "docTitle",
    "docNumber",
    "docDate",
    "docProponent",
    "docStatus",
    "docAuthority",
    "session",
    "event",
    "u",
    "sub",
    "shortTitle",
    "quotedText",
    "mref",
    "rref",
    "noteRef",
    "marker",
    "decoration",
    "docType",
    "docPurpose",
    "docCommittee",
    "docStage",
    "docJurisdiction",
    "legislature",
    "relatedDocument",
    "affectedDocument",
    "time",
}


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag[len(_NS) :] if tag.startswith(_NS) else tag


def _children(element: etree._Element) -> Iterator[etree._Element]:
    for child in element:
        if isinstance(child.tag, str):
            yield child


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return element.find(_NS + name)


def _bold_line(inlines: Inlines) -> bool:
    """An unnumbered paragraph set all in bold (superscripts aside: "1<sup>er</sup>") is a
    section heading: DGACM writes the same heading as a ``subheading`` in one file and so in
    another, even for one resolution in two languages. A paragraph has a number or an italic
    opening phrase; print sets only headings in bold, however long they run (A/RES/79/1's
    actions, "Action 3. We will …", run to 350 characters in French, and a limit cut
    one heading into a heading in one language and a paragraph in the other). A footnote
    marker after a heading's words is the heading's (an annex's title and its source)."""
    return _styled_line(inlines, "bold")


def _styled_line(inlines: Inlines, style: str) -> bool:
    """Every word of ``inlines`` set in ``style`` (superscripts aside), footnote markers apart."""
    texts = [node for node in inlines if isinstance(node, Text) and node.text.strip()]
    return (
        bool(texts)
        and all(isinstance(node, Text | Footnote) for node in inlines)
        and all(getattr(node, style) or node.sup for node in texts)
        and any(getattr(node, style) for node in texts)
    )


def _line_length(inlines: Inlines) -> int:
    return sum(len(node.text) for node in inlines if isinstance(node, Text) and node.text.strip())


def _ends_sentence(inlines: Inlines) -> bool:
    """Whether a line's words end as a sentence or a clause does (``.``, ``:``, ``;``, ``,``): a
    title ends with none, however long it runs."""
    text = "".join(node.text for node in inlines if isinstance(node, Text)).rstrip()
    return text.endswith(_SENTENCE_ENDS)


def _roman_words(p: etree._Element) -> bool:
    """Whether a ``p`` holds words outside every element of its own, which are set in roman (a
    paragraph's usual shape): told without reading its runs, so that the common paragraph is
    not read twice to learn that it is no styled heading."""
    return bool((p.text or "").strip()) or any((child.tail or "").strip() for child in p)


class _Reader:
    def __init__(self, file: str | None) -> None:
        self.file = file
        self.lang: Language | None = None
        self.diagnostics: list[Diagnostic] = []

    def fail(self, element: etree._Element, message: str) -> AKNStructureError:
        return AKNStructureError(f"<{_local(element)}>: {message}", file=self.file, line=element.sourceline, column=1)

    def date(self, element: etree._Element | None) -> str | None:
        """An element's ``date`` attribute, which must be a day of the calendar (YYYY-MM-DD): IRIs
        are built from it and it is printed in words."""
        value: str | None = element.get("date") if element is not None else None
        if value is None:
            return None
        try:
            if _ISO_DATE.fullmatch(value):
                datetime.date.fromisoformat(value)
                return value
        except ValueError:
            pass
        assert element is not None
        raise self.fail(element, f"date={value!r} is not a date (YYYY-MM-DD)")

    def span(self, element: etree._Element) -> SourceSpan:
        return SourceSpan(self.file, element.sourceline or 1, 1)

    # -- inline content -------------------------------------------------------------------

    def inlines(self, element: etree._Element) -> Inlines:
        pieces: list[Piece] = []
        self._collect(element, pieces, italic=False, bold=False, sup=False, skip_root=True)
        return clean_spaces(annotate(pieces, self.lang))

    def block_inlines(self, elements: list[etree._Element]) -> Inlines:
        """Several ``p`` elements of one unit, joined by line breaks."""
        joined: list[Inline] = []
        for index, element in enumerate(elements):
            if index:
                joined.append(Text("\n"))
            joined.extend(self.inlines(element))
        return merge_runs(joined)

    def _collect(
        self,
        element: etree._Element,
        pieces: list[Piece],
        *,
        italic: bool,
        bold: bool,
        sup: bool,
        skip_root: bool = False,
    ) -> None:
        """Append the runs of ``element`` (its tail is the caller's business)."""
        name = _local(element)
        if not skip_root:
            style = self._style(element, italic, bold, sup)
            if name == "authorialNote":
                pieces.append(self.footnote(element))
                return
            if name in ("a", "ref"):
                text = "".join(element.itertext())
                pieces.append(Run(Text(text, *style), link=element.get("href", "")))
                return
            if name == "date":
                text = "".join(element.itertext())
                pieces.append(Run(Text(text, *style, date=self.date(element))))
                return
            if name in ("eol", "br"):
                pieces.append(Run(Text("\n")))
                return
            if name not in _TRANSPARENT_INLINE and name not in ("i", "b", "sup"):
                raise self.fail(element, "element not allowed in running text here")
            italic, bold, sup = style
        if element.text:
            pieces.append(Run(Text(element.text, italic, bold, sup)))
        for child in element:
            if isinstance(child.tag, str):
                self._collect(child, pieces, italic=italic, bold=bold, sup=sup)
            if child.tail:
                pieces.append(Run(Text(child.tail, italic, bold, sup)))

    @staticmethod
    def _style(element: etree._Element, italic: bool, bold: bool, sup: bool) -> tuple[bool, bool, bool]:
        name = _local(element)
        classes = set((element.get("class") or "").split())
        return (
            italic or name == "i" or "italic" in classes,
            bold or name == "b" or "bold" in classes,
            sup or name == "sup",
        )

    def footnote(self, element: etree._Element) -> Footnote:
        paragraphs = [child for child in _children(element)]
        for child in paragraphs:
            if _local(child) != "p":
                raise self.fail(child, "a footnote may only hold paragraphs (p)")
        return Footnote(element.get("marker") or "", self.block_inlines(paragraphs), self.span(element))

    # -- document structure ---------------------------------------------------------------

    def document(self, root: etree._Element) -> etree._Element:
        if _local(root) != "akomaNtoso":
            raise self.fail(root, "not an Akoma Ntoso document (root element must be akomaNtoso)")
        documents = list(_children(root))
        if not documents:
            raise self.fail(root, "empty Akoma Ntoso document")
        return documents[0]

    def resolution(self, root: etree._Element) -> Resolution:
        held = self.held(root)
        if isinstance(held, Publication):
            document = self.document(root)
            symbols = ", ".join(part.meta.symbol for part in held.parts)
            raise self.fail(
                document,
                f"multi-part publication {held.meta.symbol} ({len(held.parts)} resolutions: {symbols}): "
                f"name one part as FILE#{held.letters[0]}, or read it whole (resodiff.ingest.read_document)",
            )
        return held

    def held(self, root: etree._Element) -> Resolution | Publication:
        """What a file holds: one resolution (a statement), or a multi-part publication whose parts
        (``A``, ``B``) take the publication's header, each with its own symbol and number
        (``A/RES/79/93 A``) and its own title."""
        document = self.document(root)
        if _local(document) != "documentCollection":
            return self.statement(document)
        meta_element = _child(document, "meta")
        self.lang = language(self._language(meta_element))
        base = self.metadata(meta_element, _child(document, "coverPage"), _child(document, "preface"), document)
        statements = root.findall(f"./{_NS}components/{_NS}component/{_NS}statement")
        if not statements:
            raise self.fail(document, "a documentCollection without component statements")
        return Publication(base, tuple(self.statement(statement, base) for statement in statements), self.file)

    def statement(self, document: etree._Element, base: Metadata | None = None) -> Resolution:
        kind = _local(document)
        if kind != "statement":
            raise self.fail(document, f'expected <statement name="resolution">, found <{kind}>')
        self.diagnostics = []
        meta_element = _child(document, "meta")
        own_language = self._language(meta_element)
        # a part of a multi-part publication says its language in its own FRBR expression, or
        # leaves it to the publication
        self.lang = language(base.language if own_language == "und" and base is not None else own_language)
        formula: Inlines = ()
        preamble: list[Paragraph] = []
        operative: tuple[Paragraph, ...] = ()
        closing: Closing | None = None
        annexes: tuple[Annex, ...] = ()
        cover: etree._Element | None = None
        preface: etree._Element | None = None
        seen: set[str] = set()
        children = list(_children(document))
        for position, element in enumerate(children):
            name = _local(element)
            later = {_local(other) for other in children[position + 1 :]}
            if name == "preamble" and name in seen:
                self.repair(element, "A101", "a second <preamble> continues the first")
            elif name == "mainBody" and "preamble" in later:
                # DGACM's markup can close the preamble, open the body and reopen the preamble:
                # what stands in such a body is preamble, if it looks like nothing else
                preamble.extend(self.interrupting_body(element))
                continue
            elif name in seen:
                raise self.fail(
                    element, f"a second <{name}> in one resolution: the markup is broken, refused rather than guessed"
                )
            seen.add(name)
            if name == "meta":
                continue
            elif name == "coverPage":
                cover = element
            elif name == "preface":
                preface = element
            elif name == "preamble":
                more_formula, paragraphs = self.preamble(element)
                if more_formula and formula:
                    raise self.fail(element, "two enacting formulas in one resolution: refused rather than guessed")
                formula = formula or more_formula
                preamble.extend(paragraphs)
            elif name == "mainBody":
                operative = _lift_numbers(self.body(element, "operative"))
                preambular = self.preambular_opening(operative)
                preamble.extend(preambular)
                operative = operative[len(preambular) :]
            elif name == "conclusions":
                closing = self.closing(element)
            elif name == "attachments":
                annexes = self.attachments(element)
            else:
                raise self.fail(element, "unexpected part of a resolution")
        meta = (
            self.metadata(meta_element, cover, preface, document)
            if base is None
            else self._part(base, meta_element, preface)
        )
        return Resolution(
            meta,
            formula,
            tuple(preamble),
            operative,
            closing,
            annexes,
            source=self.file,
            diagnostics=tuple(self.diagnostics),
        )

    def repair(self, element: etree._Element, code: str, message: str) -> None:
        """Record that ``element`` was read as its author plainly meant, not as it is marked."""
        self.diagnostics.append(Diagnostic(code, message, self.span(element)))

    def interrupting_body(self, element: etree._Element) -> list[Paragraph]:
        """The paragraphs of a ``mainBody`` that stands between two preambles, as preambular
        paragraphs; refused where one is numbered or under a heading, as operative paragraphs are."""
        paragraphs = self.body(element, "preamble")
        for paragraph in paragraphs:
            if paragraph.num is not None or paragraph.sections or paragraph.heading or paragraph.table is not None:
                raise self.fail(
                    element,
                    "a <mainBody> between two preambles holds numbered or headed paragraphs: "
                    "whether they are preamble or operative part cannot be told, refused rather than guessed",
                )
        self.repair(
            element, "A102", f"a <mainBody> between two preambles: {len(paragraphs)} paragraph(s) read as preamble"
        )
        return paragraphs

    def preambular_opening(self, operative: tuple[Paragraph, ...]) -> list[Paragraph]:
        """The unnumbered paragraphs that open an operative part before its first numbered one and
        read as preambular paragraphs: each ends with a comma and, where the language says how a
        preambular paragraph opens, opens so. DGACM's French files put the last preambular
        paragraph there at times (A/RES/79/106: "Faisant de nouveau siens …,") where the English
        file of the same resolution has it in the preamble; the printed page shows one preamble.
        An operative part's own unnumbered opening (``Resolves that:``, ``Adopts …``) ends
        otherwise and stays."""
        leading: list[Paragraph] = []
        for paragraph in operative:
            if not self._reads_as_preambular(paragraph):
                break
            leading.append(paragraph)
        following = operative[len(leading)] if len(leading) < len(operative) else None
        if not leading or following is None or following.num is None:
            return []
        for paragraph in leading:
            self.diagnostics.append(
                Diagnostic(
                    "A104",
                    "an unnumbered paragraph that opens the operative part and reads as preambular "
                    "(it ends with a comma) read as the preamble's last",
                    paragraph.span,
                )
            )
        return [replace(paragraph, part="preamble") for paragraph in leading]

    def _reads_as_preambular(self, paragraph: Paragraph) -> bool:
        text = paragraph.text.strip()
        opening = self.lang.preamble_opening if self.lang is not None else None
        return (
            paragraph.num is None
            and not paragraph.sections
            and not paragraph.heading
            and paragraph.table is None
            and text.endswith(_COMMAS)
            and (opening is None or opening.match(text) is not None)
        )

    def _part(self, base: Metadata, meta: etree._Element | None, preface: etree._Element | None) -> Metadata:
        letter_element = preface.find(f".//{_NS}docNumber") if preface is not None else None
        title_element = preface.find(f".//{_NS}docTitle") if preface is not None else None
        letter = plain_text(self.inlines(letter_element)).strip().rstrip(".") if letter_element is not None else ""
        title = plain_text(self.inlines(title_element)).strip() if title_element is not None else ""
        if not letter:
            raise self.fail(preface if preface is not None else letter_element, "a part without its letter (A, B)")
        return part_metadata(
            base,
            letter,
            title,
            self.lang.code if self.lang else base.language,
            workflow=_workflow(meta),
            subjects=_subjects(meta),
            voting=_voting(meta),
            job_number=_job_number(meta),
        )

    def _language(self, meta: etree._Element | None) -> str:
        if meta is not None:
            found = meta.find(f".//{_NS}FRBRExpression/{_NS}FRBRlanguage")
            if found is not None and found.get("language"):
                return str(found.get("language"))
        return "und"

    def metadata(
        self,
        meta: etree._Element | None,
        cover: etree._Element | None,
        preface: etree._Element | None,
        document: etree._Element,
    ) -> Metadata:
        def find(scope: etree._Element | None, path: str) -> etree._Element | None:
            return None if scope is None else scope.find(path)

        def text(element: etree._Element | None) -> str | None:
            if element is None:
                return None
            value = plain_text(self.inlines(element)).replace("\n", " ").strip()
            return value or None

        symbol = text(find(cover, f".//{_NS}docNumber"))
        number_element = find(preface, f".//{_NS}docNumber")
        number = text(number_element)
        title = text(find(preface, f".//{_NS}docTitle"))
        if number is None or title is None:
            raise self.fail(
                preface if preface is not None else document, "no resolution number and title in the preface"
            )
        number = number.rstrip(".").strip()
        session_element = find(cover, f".//{_NS}session")
        session_value = session_element.get("value") if session_element is not None else None
        if session_element is not None and session_value is not None and not _whole_number(session_value):
            raise self.fail(session_element, f"value={session_value!r} is not a session number")
        agenda = find(cover, f".//{_NS}inline[@name='agenda item']")
        proponent = find(cover, f".//{_NS}docProponent")
        draft = find(proponent, f".//{_NS}inline[@name='originating document']")
        committee = text(proponent)
        draft_symbol = text(draft)
        if committee is not None:
            committee = committee.strip("[]").strip()
            if draft_symbol and committee.endswith(f"({draft_symbol})"):
                committee = committee[: -len(draft_symbol) - 2].strip()
        adoption = find(meta, f"./{_NS}identification/{_NS}FRBRWork/{_NS}FRBRdate")
        distribution_date = find(cover, f".//{_NS}docDate")
        return Metadata(
            symbol=symbol or f"A/RES/{number}",
            language=self.lang.code if self.lang else self._language(meta),
            title=title,
            number=number,
            session=int(session_value) if session_value else _session_of(number or ""),
            session_label=text(session_element),
            agenda_item=agenda.get("title") if agenda is not None else None,
            agenda_title=text(find(cover, f".//{_NS}inline[@name='agenda item name']")),
            adoption_date=self.date(adoption),
            adoption_line=text(find(cover, f".//{_NS}docTitle")),
            distribution=text(find(cover, f".//{_NS}docStatus")),
            distribution_date=self.date(distribution_date),
            committee=committee,
            draft_symbol=draft_symbol,
            workflow=_workflow(meta),
            subjects=_subjects(meta),
            voting=_voting(meta),
            job_number=_job_number(meta),
            span=self.span(cover if cover is not None else document),
        )

    def preamble(self, element: etree._Element) -> tuple[Inlines, tuple[Paragraph, ...]]:
        formula: Inlines = ()
        paragraphs: list[Paragraph] = []
        for child in _children(element):
            name = _local(child)
            if name == "formula":
                formula = self.block_inlines(self._ps(child))
            elif name == "container":
                paragraphs.append(self.container(child))
            elif name == "p":
                paragraphs.append(self.stray_p(child, "preamble", ()))
            else:
                raise self.fail(child, "unexpected element in the preamble")
        return formula, tuple(paragraphs)

    def _ps(self, element: etree._Element) -> list[etree._Element]:
        ps = []
        for child in _children(element):
            if _local(child) != "p":
                raise self.fail(child, f"only paragraphs (p) expected inside <{_local(element)}>")
            ps.append(child)
        return ps

    def container(self, element: etree._Element) -> Paragraph:
        ps: list[etree._Element] = []
        items: tuple[Item, ...] = ()
        for child in _children(element):
            name = _local(child)
            if name == "p":
                ps.append(child)
            elif name == "blockList":
                intro = _child(child, "listIntroduction")
                if intro is not None:
                    ps.append(intro)
                items = tuple(self.item(i) for i in _children(child) if _local(i) == "item")
            else:
                raise self.fail(child, "unexpected element in a preambular paragraph")
        return Paragraph("preamble", None, self.block_inlines(ps), items, span=self.span(element))

    def item(self, element: etree._Element) -> Item:
        num = _child(element, "num")
        ps: list[etree._Element] = []
        children: list[Item] = []
        for child in _children(element):
            name = _local(child)
            if name == "num":
                continue
            if name == "p":
                ps.append(child)
            elif name == "content" or name == "intro":
                ps.extend(self._ps(child))
            elif name == "point":
                children.append(self.item(child))
            elif name in ("list", "sublist", "blockList"):
                intro = _child(child, "intro")
                if intro is not None:
                    ps.extend(self._ps(intro))
                children.extend(self.items_of(child))
            else:
                raise self.fail(child, "unexpected element in a sub-paragraph")
        return Item(self._num(num), self.block_inlines(ps), tuple(children), self.span(element))

    def items_of(self, element: etree._Element) -> list[Item]:
        """Points of a list; a ``sublist`` holds the sub-points of the point before it."""
        items: list[Item] = []
        for child in _children(element):
            name = _local(child)
            if name in ("intro", "listIntroduction"):
                continue
            if name in ("point", "item"):
                items.append(self.item(child))
            elif name == "sublist" and items:
                last = items[-1]
                items[-1] = replace(last, items=last.items + tuple(self.items_of(child)))
            else:
                raise self.fail(child, "unexpected element in a list")
        return items

    def _num(self, num: etree._Element | None) -> str | None:
        if num is None:
            return None
        value = plain_text(self.inlines(num)).strip()
        return value or None

    def body(self, element: etree._Element, part: Part) -> list[Paragraph]:
        blocks: list[Paragraph] = []
        self._body_into(element, part, [], blocks)
        blocks = self._numbers_joined(blocks)
        if part == "operative":
            return self._lists_nested(blocks)
        if part == "annex":
            return self._labels_in_text(blocks)
        return blocks

    def _lists_nested(self, blocks: list[Paragraph]) -> list[Paragraph]:
        """Operative paragraphs labelled ``a)``, ``b)`` … after a numbered paragraph that ends with
        a colon and has no sub-paragraphs are its sub-paragraphs (``i)``, ``ii)`` … under the
        lettered one before them). Print indents them under the paragraph that announces them,
        and DGACM's other language file nests them so (the French file of A/RES/79/1 marks them
        as operative paragraphs of their own); a run that follows an unnumbered paragraph is the
        operative part's own clauses (``flat_lists``), and one that does not open with the first
        letter or follows no colon cannot be told to belong to the paragraph before it."""
        out: list[Paragraph] = []
        position = 0
        while position < len(blocks):
            block = blocks[position]
            out.append(block)
            position += 1
            run = _labelled_run(blocks, position)
            if not run or not _announces_list(block) or _sub_label(run[0]) != "a":
                continue
            items: list[Item] = []
            for paragraph in run:
                item = Item(paragraph.num, paragraph.content, paragraph.items, paragraph.span)
                if items and _is_roman_child(_sub_label(paragraph), items):
                    last = items[-1]
                    items[-1] = replace(last, items=(*last.items, item))
                else:
                    items.append(item)
            self.repair_at(
                block.span,
                "A109",
                f"{len(run)} operative paragraph(s) labelled as sub-paragraphs after paragraph {block.num!r}, "
                "which ends with a colon, read as its sub-paragraphs",
            )
            out[-1] = replace(block, items=tuple(items))
            position += len(run)
        return out

    def _labels_in_text(self, blocks: list[Paragraph]) -> list[Paragraph]:
        """An annex paragraph numbered with a sub-paragraph's label (``(a)``, ``(iv)``) is an
        unnumbered paragraph that opens with the label: DGACM marks one annex's lettered clauses
        with a ``num`` at some places and with the label in the text at others, and the other
        language's file has it in the text; print shows the label and its words either way.
        Annex paragraphs keep their clauses' labels in their text (``flat_lists.unnest_annex``)."""
        out: list[Paragraph] = []
        for block in blocks:
            if _sub_label(block) is not None and not block.items and block.table is None:
                assert block.num is not None
                self.repair_at(
                    block.span, "A110", f"an annex paragraph numbered {block.num!r} read with its label in its text"
                )
                block = replace(block, num=None, content=merge_runs((Text(f"{block.num} "), *block.content)))
            out.append(block)
        return out

    def repair_at(self, span: SourceSpan | None, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(code, message, span))

    def _numbers_joined(self, blocks: list[Paragraph]) -> list[Paragraph]:
        """An empty numbered paragraph followed by an unnumbered one under the same headings is
        one paragraph: the number, then its text. Some of DGACM's French files hold each number
        apart from its text so (A/RES/79/1, 79/323, 77/289: ``<num>1.</num>`` over an empty
        ``p``, then the text in a paragraph of its own); the printed page shows "1. Nous …"."""
        joined: list[Paragraph] = []
        for block in blocks:
            previous = joined[-1] if joined else None
            if (
                previous is not None
                and _empty_numbered(previous)
                and block.num is None
                and not block.heading
                and block.table is None
                and block.sections == previous.sections
            ):
                self.diagnostics.append(
                    Diagnostic(
                        "A105",
                        f"an empty paragraph numbered {previous.num!r} read as the number of the paragraph after it",
                        previous.span,
                    )
                )
                joined[-1] = replace(block, num=previous.num, span=previous.span)
                continue
            joined.append(block)
        return joined

    def _body_into(
        self, element: etree._Element, part: Part, sections: list[tuple[int, Section]], blocks: list[Paragraph]
    ) -> None:
        """Walk a body; ``sections`` is the open heading path as (level, section) pairs.

        Hierarchical containers give levels by depth; DGACM's flat heading paragraphs sit at
        a level below every container, so a new flat heading replaces the previous one.
        """
        base_depth = len(sections)
        blocks_under_flat_heading = 0
        children = list(_children(element))
        for position, child in enumerate(children):
            name = _local(child)
            if name in ("section", "part", "title", "chapter", "division", "hcontainer"):
                path = sections[:base_depth]
                path.append((base_depth, self._container_heading(child)))
                self._body_into(child, part, path, blocks)
            elif name in ("num", "heading", "subheading"):
                continue
            elif name == "crossHeading":
                self._open_flat_heading(
                    sections,
                    base_depth,
                    Section(None, self.inlines(child), self.span(child)),
                    blocks_under_flat_heading,
                )
                blocks_under_flat_heading = 0
            elif name == "paragraph":
                following = children[position + 1] if position + 1 < len(children) else None
                flat = self._heading_only(child, following)
                if flat is not None:
                    self._open_flat_heading(sections, base_depth, flat, blocks_under_flat_heading)
                    blocks_under_flat_heading = 0
                    continue
                paragraph, trailing = self._trailing_heading(self.paragraph(child, part, tuple(s for _, s in sections)))
                blocks.append(paragraph)
                blocks_under_flat_heading += 1
                if trailing is not None:
                    self._open_flat_heading(sections, base_depth, trailing, blocks_under_flat_heading)
                    blocks_under_flat_heading = 0
            elif name == "container":
                blocks.extend(self.tables(child, part, tuple(s for _, s in sections)))
                blocks_under_flat_heading += 1
            elif name == "p":
                blocks.append(self.stray_p(child, part, tuple(s for _, s in sections)))
                blocks_under_flat_heading += 1
            else:
                raise self.fail(child, f"unexpected element in the body of a {part} part")

    def _open_flat_heading(
        self, sections: list[tuple[int, Section]], base_depth: int, heading: Section, blocks_under_previous: int
    ) -> None:
        """Open a heading at the flat level. Headings with no paragraph between them ("I" then
        its title; two "Having considered ..." lines over one set of paragraphs) are one heading,
        so that none of their words is lost. A heading line that is only a section's label (a
        ``subheading`` holding "II") numbers the title after it, as a ``num`` does in the other
        language's file."""
        if sections and sections[-1][0] == _FLAT_LEVEL and blocks_under_previous == 0:
            previous = sections.pop()[1]
            label = _SECTION_LABEL.fullmatch(plain_text(previous.heading).strip())
            if previous.num is None and heading.num is None and label and heading.heading:
                self.repair_at(
                    previous.span, "A112", f"a heading line that is only the label {label.group()!r} read as its number"
                )
                sections.append((_FLAT_LEVEL, Section(label.group(), heading.heading, previous.span)))
                return
            if previous.heading and heading.heading:
                lines = merge_runs((*previous.heading, Text("\n"), *heading.heading))
            else:
                lines = previous.heading or heading.heading
            sections.append((_FLAT_LEVEL, Section(previous.num or heading.num, lines, previous.span)))
        else:
            previous_num = sections[-1][1].num if sections and sections[-1][0] == _FLAT_LEVEL else None
            del sections[base_depth:]
            sections.append((_FLAT_LEVEL, self._label_taken(heading, previous_num)))

    def _label_taken(self, heading: Section, previous: str | None) -> Section:
        """An unnumbered heading whose words open with the label that follows the previous
        heading's (``XI Marine biodiversity`` after section ``X``) is numbered by it: the file
        set the number and the title in one run, where print and the other language's file
        have them apart. Without the previous heading's number, a leading capital or roman
        numeral cannot be told from a word."""
        first = heading.heading[0] if heading.heading else None
        if heading.num is not None or previous is None or not isinstance(first, Text):
            return heading
        match = _LEADING_LABEL.match(first.text)
        if match is None or match.group(1) not in _next_labels(previous.rstrip(".")):
            return heading
        rest = first.text[match.end() :]
        self.repair_at(
            heading.span,
            "A113",
            f"a heading opening with the label {match.group(1)!r} after section {previous!r} read as its number",
        )
        words = clean_spaces(((replace(first, text=rest),) if rest else ()) + heading.heading[1:])
        return Section(match.group(1) + match.group(2), words, heading.span)

    def _heading_only(self, paragraph: etree._Element, following: etree._Element | None) -> Section | None:
        """The heading a body paragraph stands for when it holds nothing else.

        DGACM writes section headings as paragraphs: one with only a ``num`` ("I"), one with
        only a ``subheading``. Some files wrap the heading in ``content/p``, which the schema
        does not allow; its words are a heading all the same. Others set the heading's words in
        bold or italics in a paragraph's ``p``, where the other language's file of the same
        resolution has a ``subheading``: print shows a heading (``_styled_heading``).
        """
        if _child(paragraph, "list") is not None:
            return None
        num = self._num(_child(paragraph, "num"))
        content = _child(paragraph, "content")
        if content is None:
            return Section(num, self._headings(paragraph), self.span(paragraph))
        ps = list(_children(content))
        if num is None and len(ps) == 1 and _local(ps[0]) == "p" and not (ps[0].text or "").strip():
            inner = list(_children(ps[0]))
            if len(inner) == 1 and _local(inner[0]) in ("heading", "subheading") and not (inner[0].tail or "").strip():
                return Section(None, self.inlines(inner[0]), self.span(paragraph))
        if len(ps) == 1 and _local(ps[0]) == "p" and not _roman_words(ps[0]):
            return self._styled_heading(paragraph, num, self.inlines(ps[0]), following)
        return None

    def _styled_heading(
        self, paragraph: etree._Element, num: str | None, inlines: Inlines, following: etree._Element | None
    ) -> Section | None:
        """A paragraph's one line set as print sets a heading, read as the heading it shows.

        All in bold: a heading, numbered or not (``I.`` over a bold title is how print numbers
        a section; a paragraph's text is roman after its number). All in italics, unnumbered,
        ending no clause and followed by a numbered paragraph: a sub-heading among numbered
        paragraphs (an unnumbered paragraph there opens with an italic phrase and goes on in
        roman; DGACM's other language file has a ``subheading``). A footnote marker stays with the
        heading's words."""
        if _bold_line(inlines):
            style = "bold"
        elif (
            num is None
            and _styled_line(inlines, "italic")
            and _line_length(inlines) <= _HEADING_LINE
            and not _ends_sentence(inlines)
            and following is not None
            and _local(following) == "paragraph"
            and _child(following, "num") is not None
        ):
            style = "italic"
        else:
            return None
        if num is not None:
            self.repair(
                paragraph, "A106", f"a paragraph numbered {num!r} whose one line is all in bold read as a heading"
            )
        elif style == "italic":
            self.repair(
                paragraph, "A107", "an unnumbered line all in italics before a numbered paragraph read as a heading"
            )
        elif any(isinstance(node, Footnote) for node in inlines) or _line_length(inlines) > _HEADING_LINE:
            self.repair(
                paragraph,
                "A108",
                "an unnumbered paragraph all in bold, with a footnote marker or longer than a line, read as a heading",
            )
        return Section(num, _heading_words(inlines, style), self.span(paragraph))

    def _trailing_heading(self, paragraph: Paragraph) -> tuple[Paragraph, Section | None]:
        """A paragraph's last sub-paragraph set all in bold, with nothing under it, is the heading
        after the paragraph: DGACM's markup can close a section's last list with the next
        section's heading as one more point (``II.`` and its title in bold, in a sub-list),
        where print shows the heading after the paragraph and the other language's file marks
        it as a heading."""
        items, heading = _last_item_taken(paragraph.items)
        if heading is None:
            return paragraph, None
        self.repair_at(
            heading.span,
            "A111",
            f"the last sub-paragraph of paragraph {paragraph.num!r}, numbered {heading.num!r} and all in bold, "
            "read as the heading after the paragraph",
        )
        return replace(paragraph, items=items), Section(
            heading.num, _heading_words(heading.content, "bold"), heading.span
        )

    def _container_heading(self, element: etree._Element) -> Section:
        """A container's number and heading lines. A first heading line that is only a section's
        label ("II", the title on the next line) is its number, as a ``num`` is in the other
        language's file."""
        num = self._num(_child(element, "num"))
        lines = [child for child in _children(element) if _local(child) in ("heading", "subheading")]
        if num is None and len(lines) > 1:
            label = _SECTION_LABEL.fullmatch(plain_text(self.inlines(lines[0])).strip())
            if label:
                self.repair(
                    lines[0], "A112", f"a heading line that is only the label {label.group()!r} read as its number"
                )
                return Section(label.group(), self.block_inlines(lines[1:]), self.span(element))
        return Section(num, self.block_inlines(lines), self.span(element))

    def _headings(self, element: etree._Element) -> Inlines:
        lines = [child for child in _children(element) if _local(child) in ("heading", "subheading")]
        return self.block_inlines(lines)

    def paragraph(self, element: etree._Element, part: Part, sections: tuple[Section, ...]) -> Paragraph:
        ps: list[etree._Element] = []
        items: list[Item] = []
        heading: list[etree._Element] = []
        table: Table | None = None
        for child in _children(element):
            name = _local(child)
            if name == "num":
                continue
            if name in ("heading", "subheading"):
                heading.append(child)
            elif name == "content":
                tables = [t for t in _children(child) if _local(t) == "table"]
                if len(tables) == 1 and len(child) == 1:
                    table = self.table(tables[0])
                else:
                    ps.extend(self._ps(child))
            elif name == "list":
                intro = _child(child, "intro")
                if intro is not None:
                    ps.extend(self._ps(intro))
                items.extend(self.items_of(child))
            else:
                raise self.fail(child, "unexpected element in a paragraph")
        return Paragraph(
            part,
            self._num(_child(element, "num")),
            self.block_inlines(ps),
            tuple(items),
            sections,
            self.block_inlines(heading),
            table,
            self.span(element),
        )

    def stray_p(self, element: etree._Element, part: Part, sections: tuple[Section, ...]) -> Paragraph:
        """A ``p`` standing where only paragraphs (``container``, ``paragraph``) may: a paragraph."""
        where = "preamble" if _local(element.getparent()) == "preamble" else f"body of the {part} part"
        self.repair(element, "A103", f"a <p> directly in the {where} read as a paragraph of it")
        return Paragraph(part, None, self.inlines(element), sections=sections, span=self.span(element))

    def tables(self, element: etree._Element, part: Part, sections: tuple[Section, ...]) -> list[Paragraph]:
        tables = []
        for child in _children(element):
            if _local(child) != "table":
                raise self.fail(child, "only tables are read inside a body container")
            tables.append(Paragraph(part, None, (), sections=sections, table=self.table(child), span=self.span(child)))
        return tables

    def table(self, element: etree._Element) -> Table:
        rows = []
        for row in _children(element):
            if _local(row) != "tr":
                raise self.fail(row, "unexpected element in a table")
            cells = []
            for cell in _children(row):
                if _local(cell) not in ("td", "th"):
                    raise self.fail(cell, "unexpected element in a table row")
                cells.append(
                    Cell(
                        # the schema wants a block in every cell: an empty cell is an empty p
                        tuple(inlines for p in self._ps(cell) if (inlines := self.inlines(p))),
                        header=_local(cell) == "th",
                        rowspan=self._span_attribute(cell, "rowspan"),
                        colspan=self._span_attribute(cell, "colspan"),
                    )
                )
            rows.append(tuple(cells))
        return Table(tuple(rows))

    def _span_attribute(self, cell: etree._Element, name: str) -> int:
        value = cell.get(name, "1")
        if not _whole_number(value) or int(value) < 1:
            raise self.fail(cell, f"{name}={value!r} is not a positive whole number")
        return int(value)

    def closing(self, element: etree._Element) -> Closing | None:
        location = element.find(f".//{_NS}location")
        date = element.find(f".//{_NS}docDate")
        if location is None:
            parts = [child for child in element.iter(f"{_NS}p", f"{_NS}inline")]
            location = next((p for p in parts if _local(p) == "inline"), None)
        if location is None:
            return None
        meeting = plain_text(self.inlines(location)).strip()
        date_text = plain_text(self.inlines(date)).strip() if date is not None else None
        return Closing(meeting, date_text, self.date(date), self.span(element))

    def attachments(self, element: etree._Element) -> tuple[Annex, ...]:
        annexes = []
        for attachment in _children(element):
            if _local(attachment) != "attachment":
                raise self.fail(attachment, "unexpected element in attachments")
            for doc in _children(attachment):
                if _local(doc) != "doc":
                    raise self.fail(doc, "an attachment must hold a doc")
                body = _child(doc, "mainBody")
                for child in _children(doc):
                    if _local(child) not in ("meta", "mainBody"):
                        raise self.fail(child, "unexpected part of an annex")
                paragraphs = self.body(body, "annex") if body is not None else []
                lifted = _lift_numbers(paragraphs, numbered_before=True)
                for before, after in zip(paragraphs, lifted, strict=True):
                    if after.num != before.num:
                        self.repair_at(after.span, "A114", f"an annex number {after.num!r} read from its text")
                annexes.append(Annex(lifted, self.span(doc)))
        return tuple(annexes)


# DGACM's headings written as paragraphs sit below every hierarchical container
_FLAT_LEVEL = 100
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d", re.ASCII)
# the longest line an italic unnumbered paragraph may have to be read as a sub-heading
_HEADING_LINE = 160
# how a sentence or a clause ends, in the scripts of the six languages
_SENTENCE_ENDS = (".", ":", ";", ",", "!", "?", "\u060c", "\u061b", "\u061f", "\u3002", "\uff0c", "\uff1a", "\uff1b")
# how a preambular paragraph ends, in the scripts of the six languages
_COMMAS = (",", "\u060c", "\uff0c")
# a section's label: a roman numeral or a capital letter, with or without its full stop
_SECTION_LABEL = re.compile(r"(?:[IVXLC]+|[A-Z])\.?")
# a section's label opening a heading's words, set apart from them by spaces or tabs
_LEADING_LABEL = re.compile(r"[ \t]*([IVXLC]+|[A-Z])(\.?)[ \t]+(?=\w)")
# a sub-paragraph's label as either language writes it: "(a)", "a)", "(iv)"
_SUB_LABEL = re.compile(r"\(?([a-z]{1,2}|[ivxlc]{1,6})\)")
_PARAGRAPH_NUMBER = re.compile(r"\d{1,4}\.?")
# how a paragraph that announces a list ends, in the scripts of the six languages
_COLONS = (":", "\uff1a")
_NUMBER_IN_TEXT = re.compile(r"^(\d{1,3})(?:[ \t]*([-.]))?[ \t]*")


def _empty_numbered(paragraph: Paragraph) -> bool:
    return (
        paragraph.num is not None
        and not plain_text(paragraph.content).strip()
        and not any(isinstance(node, Footnote) for node in paragraph.content)
        and not paragraph.items
        and not paragraph.heading
        and paragraph.table is None
    )


def _heading_words(inlines: Inlines, style: str) -> Inlines:
    """A styled line's words as a heading's: the indentation between the styled runs and a
    superscript is markup, not a space; the style is how the file marks a heading, read as the
    other files' subheading."""
    return merge_runs(
        node
        if isinstance(node, Footnote)
        else replace(node, bold=False)
        if style == "bold"
        else replace(node, italic=False)
        for node in inlines
        if isinstance(node, Footnote) or getattr(node, style) or node.text.strip()
    )


def _last_item_taken(items: tuple[Item, ...]) -> tuple[tuple[Item, ...], Item | None]:
    """``items`` without their very last sub-paragraph when it is a line all in bold with
    nothing under it, and that sub-paragraph."""
    if not items:
        return items, None
    last = items[-1]
    if last.items:
        rest, found = _last_item_taken(last.items)
        return ((*items[:-1], replace(last, items=rest)), found) if found is not None else (items, None)
    if _bold_line(last.content):
        return items[:-1], last
    return items, None


def _next_labels(label: str) -> set[str]:
    """The section labels that may follow ``label``: the next roman numeral (``X`` → ``XI``),
    the next capital letter (``B`` → ``C``); ``C`` or ``I`` may be either."""
    found = set()
    value = roman_value(label.lower()) if label.isupper() else 0
    if value:
        found.add(roman(value + 1).upper())
    if len(label) == 1 and "A" <= label < "Z":
        found.add(chr(ord(label) + 1))
    return found


def _sub_label(paragraph: Paragraph) -> str | None:
    """The letter or roman numeral of a paragraph numbered as a sub-paragraph (``(a)``, ``b)``)."""
    match = _SUB_LABEL.fullmatch(paragraph.num or "")
    return match.group(1) if match else None


def _labelled_run(blocks: list[Paragraph], start: int) -> list[Paragraph]:
    """The paragraphs numbered as sub-paragraphs from ``start`` on, under the same headings."""
    run: list[Paragraph] = []
    for block in blocks[start:]:
        if _sub_label(block) is None or block.heading or block.table is not None:
            break
        if run and block.sections != run[0].sections:
            break
        run.append(block)
    return run


def _announces_list(paragraph: Paragraph) -> bool:
    return (
        paragraph.num is not None
        and _PARAGRAPH_NUMBER.fullmatch(paragraph.num) is not None
        and not paragraph.items
        and paragraph.table is None
        and paragraph.text.rstrip().endswith(_COLONS)
    )


def _is_roman_child(label: str | None, items: list[Item]) -> bool:
    """Whether ``label`` numbers a sub-point of the last item rather than the next letter: ``i``
    after ``h`` is a letter, after ``a`` a roman numeral."""
    if label is None or not set(label) <= set("ivxlc"):
        return False
    last = _SUB_LABEL.fullmatch(items[-1].num or "")
    previous = last.group(1) if last else ""
    return not (len(label) == 1 and len(previous) == 1 and ord(label) == ord(previous) + 1)


def _lift_numbers(paragraphs: list[Paragraph], *, numbered_before: bool = False) -> tuple[Paragraph, ...]:
    """Some files print a paragraph's number inside its text (``<p>7\t<span>Se félicite``,
    ``1 -\t``, ``232 .Recognizes``). Where that number is the one the sequence expects next,
    it is the paragraph's number, and comparing it as words would be noise. With
    ``numbered_before`` (an annex, whose unnumbered paragraphs may open with a figure: a
    date, a year), only where a paragraph before it is numbered (``287.Nous …`` after 286)."""
    lifted: list[Paragraph] = []
    expected = 1
    for paragraph in paragraphs:
        first = paragraph.content[0] if paragraph.content else None
        if (
            paragraph.num is None
            and isinstance(first, Text)
            and first.ref is None
            and not (numbered_before and expected == 1)
        ):
            match = _NUMBER_IN_TEXT.match(first.text)
            if match and int(match.group(1)) == expected and (match.end() < len(first.text) or paragraph.content[1:]):
                rest = first.text[match.end() :].lstrip()
                content = clean_spaces(((replace(first, text=rest),) if rest else ()) + paragraph.content[1:])
                number = match.group(1) + (" -" if match.group(2) == "-" else ".")  # as printed: "7." or "1 -"
                paragraph = replace(paragraph, num=number, content=content)
        number = re.match(r"\s*(\d+)", paragraph.num or "")
        if number:
            expected = int(number.group(1)) + 1
        lifted.append(paragraph)
    return tuple(lifted)


def _workflow(meta: etree._Element | None) -> tuple[WorkflowStep, ...]:
    if meta is None:
        return ()
    return tuple(
        WorkflowStep(
            outcome=step.get("outcome", ""),
            date=step.get("date", ""),
            by=step.get("by", ""),
            document=step.get("as"),
            refers_to=step.get("refersTo"),
        )
        for step in meta.iterfind(f"./{_NS}workflow/{_NS}step")
    )


def _subjects(meta: etree._Element | None) -> tuple[Classification, ...]:
    if meta is None:
        return ()
    return tuple(
        Classification(
            classification.get("source", ""),
            tuple(
                Keyword(
                    value=keyword.get("value", ""),
                    show_as=keyword.get("showAs", ""),
                    dictionary=keyword.get("dictionary", ""),
                    href=keyword.get("href"),
                    refers_to=keyword.get("refersTo"),
                    short_form=keyword.get("shortForm"),
                )
                for keyword in classification.iterfind(f"{_NS}keyword")
            ),
        )
        for classification in meta.iterfind(f"{_NS}classification")
    )


def _voting(meta: etree._Element | None) -> Voting | None:
    voting = meta.find(f"./{_NS}analysis/{_NS}parliamentary/{_NS}voting") if meta is not None else None
    if voting is None:
        return None
    quorum = voting.find(f"{_NS}quorum")
    counts = []
    for count in voting.iterfind(f"{_NS}count"):
        value = count.get("value", "")
        # the voters sit in AKN4UN's own namespace (akn4un:voters), which the AKN schema lets through
        voters = tuple(
            Voter("".join(voter.itertext()).strip(), voter.get("refersTo"), voter.get("GUID"))
            for voter in count.iter(f"{_NS}organization")
        )
        counts.append(VoteCount(count.get("refersTo", ""), int(value) if _whole_number(value) else None, voters))
    return Voting(voting.get("outcome"), tuple(counts), quorum.get("value", "") if quorum is not None else None)


def _job_number(meta: etree._Element | None) -> str | None:
    docket = meta.find(f"./{_NS}presentation//{_NS}docketNumber") if meta is not None else None
    return ("".join(docket.itertext()).strip() or None) if docket is not None else None


def _whole_number(value: str) -> bool:
    # str.isdigit() also holds for "²" and other digits int() refuses
    return value.isascii() and value.isdigit()


def _session_of(number: str) -> int | None:
    match = re.match(r"(\d+)/", number)
    return int(match.group(1)) if match else None


def read_akn(data: bytes, *, file: str | None = None) -> Resolution:
    """Read a resolution from Akoma Ntoso XML bytes (parsed safely)."""
    tree = parse_xml(data, file=file)
    return _Reader(file).resolution(tree.getroot())


def read_akn_document(data: bytes, *, file: str | None = None) -> Resolution | Publication:
    """What an Akoma Ntoso file holds: one resolution, or a multi-part publication whole."""
    tree = parse_xml(data, file=file)
    return _Reader(file).held(tree.getroot())


def read_akn_collection(data: bytes, *, file: str | None = None) -> tuple[Resolution, ...]:
    """Every resolution of an Akoma Ntoso file: the parts of a multi-part publication, or one."""
    held = read_akn_document(data, file=file)
    return held.parts if isinstance(held, Publication) else (held,)
