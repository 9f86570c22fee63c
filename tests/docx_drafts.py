"""Word drafts made at test time: a resolution model written as a ``.docx`` the way a delegation's
Word file holds it, with tracked changes where a test asks for them.

The document is a list of :class:`Para` (runs of :class:`Seg`), written as raw WordprocessingML:
automatic numbering for the operative paragraphs and their sub-paragraphs where the printed
numbers follow Word's count (typed numbers elsewhere), italics by a character style (based on
another) in the operative part and by direct formatting elsewhere, real footnotes, a running header
and footer, headings in ``Heading N`` styles. Tracked changes are made on the list
(:func:`insert`, :func:`delete`, :func:`move`, :func:`split`) by a named author; an untracked
change is a plain edit of a run (:func:`edit`).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field, replace
from io import BytesIO
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

from resodiff.languages import language
from resodiff.model import Footnote, Inlines, Item, Paragraph, Resolution, Section, Table, split_lines

Change = Literal["ins", "del", "moveFrom", "moveTo"] | None
AUTHOR = "Delegation of Norway"
DATE = "2026-11-02T10:00:00Z"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


@dataclass
class Seg:
    """A run: its text and look, a link, a footnote it cites (its paragraphs' runs), a change."""

    text: str = ""
    italic: bool = False
    bold: bool = False
    sup: bool = False
    link: str | None = None
    note: list[list[Seg]] | None = None
    custom_mark: str | None = None
    change: Change = None


@dataclass
class Para:
    segs: list[Seg]
    style: str | None = None
    #: Word's automatic numbering: the level (0 paragraph, 1 (a), 2 (i)), None for none
    level: int | None = None
    mark: Change = None
    align: str | None = None
    #: a table, written in the paragraph's place
    table: Table | None = None
    #: a Word comment on the whole paragraph (a negotiator's note, or ``resodiff: ignore S102``)
    comment: str | None = None


@dataclass
class Draft:
    paras: list[Para] = field(default_factory=list)
    header: str = ""
    footer: str = ""


def _segs(inlines: Inlines, italic_style: bool = False) -> list[Seg]:
    segs: list[Seg] = []
    for node in inlines:
        if isinstance(node, Footnote):
            segs.append(Seg(note=[_segs(line) for line in split_lines(node.content)], custom_mark=node.marker))
        else:
            link = node.ref.href if node.ref is not None else None
            segs.append(Seg(node.text, node.italic, node.bold, node.sup, link))
    return segs


@dataclass
class _Counter:
    """What Word's numbering will count, so that a number is left automatic only where Word
    prints it as the model has it."""

    paragraph: int = 0
    item: int = 0
    sub: int = 0
    open: bool = False  # the paragraph before the items is numbered automatically

    def paragraph_auto(self, num: str | None) -> bool:
        if num == f"{self.paragraph + 1}.":
            self.paragraph += 1
            self.item = self.sub = 0
            self.open = True
            return True
        self.open = False
        return False

    def item_auto(self, num: str | None, depth: int) -> bool:
        if not self.open:
            return False
        if depth == 0 and self.item < 26 and num == f"({_LETTERS[self.item]})":
            self.item += 1
            self.sub = 0
            return True
        if depth == 1 and self.sub < len(_ROMANS) and num == f"({_ROMANS[self.sub]})":
            self.sub += 1
            return True
        return False


def draft_of(
    resolution: Resolution, *, as_draft: bool = True, symbol: str = "A/79/L.9", auto_numbers: bool = True
) -> Draft:
    """The resolution as a Word file: as a draft (sponsors' line, no number, no closing) or as the
    resolution itself."""
    meta = resolution.meta
    lang = language(meta.language)
    assert lang is not None
    draft = Draft(header=symbol if as_draft else meta.symbol, footer="24-00000 (X)")
    lines: list[str] = [symbol if as_draft else meta.symbol, lang.general_assembly]
    if as_draft:
        lines += ["Distr.: Limited" if meta.language == "eng" else (meta.distribution or "Distr. limitée")]
    elif meta.distribution:
        lines.append(meta.distribution)
    if meta.distribution_date:
        lines.append(lang.format_date(meta.distribution_date))
    lines += [line for line in (meta.session_label,) if line]
    if meta.agenda_item:
        lines.append(lang.agenda_line.format(item=meta.agenda_item))
    if meta.agenda_title:
        lines.append(meta.agenda_title)
    if as_draft:
        lines.append(f"Afghanistan, Albania, Norway and Samoa: {lang.draft_marker}")
        lines.append(meta.title)
    else:
        if meta.adoption_line:
            lines.append(meta.adoption_line)
        if meta.committee or meta.draft_symbol:
            lines.append(f"[{meta.committee or ''}{f' ({meta.draft_symbol})' if meta.draft_symbol else ''}]")
        lines.append(f"{meta.number}. {meta.title}")
    draft.paras += [Para([Seg(line, bold=index > 0)]) for index, line in enumerate(lines)]
    draft.paras.append(Para(_segs(resolution.formula)))
    counter = _Counter()

    def paragraphs(items: tuple[Paragraph, ...], style: str | None) -> None:
        open_sections: tuple[Section, ...] = ()
        for paragraph in items:
            shared = 0
            while (
                shared < min(len(open_sections), len(paragraph.sections))
                and open_sections[shared] == paragraph.sections[shared]
            ):
                shared += 1
            for depth in range(shared, len(paragraph.sections)):
                section = paragraph.sections[depth]
                for index, line in enumerate(split_lines(section.heading) or [()]):
                    number = [Seg(f"{section.num}.\t")] if section.num and index == 0 else []
                    draft.paras.append(Para(number + _segs(line), style=f"Heading{min(depth + 1, 9)}"))
            open_sections = paragraph.sections
            if paragraph.table is not None:
                draft.paras.append(Para([], table=paragraph.table))
                continue
            auto = auto_numbers and paragraph.part == "operative" and counter.paragraph_auto(paragraph.num)
            typed = [] if auto or paragraph.num is None else [Seg(f"{paragraph.num}\t")]
            draft.paras.append(Para(typed + _segs(paragraph.content), style=style, level=0 if auto else None))
            write_items(paragraph.items, 0)

    def write_items(items: tuple[Item, ...], depth: int) -> None:
        for item in items:
            auto = auto_numbers and counter.item_auto(item.num, depth)
            typed = [] if auto else [Seg(f"{item.num or '-'}\t")]
            draft.paras.append(Para(typed + _segs(item.content), level=depth + 1 if auto else None))
            write_items(item.items, depth + 1)

    paragraphs(resolution.preamble, "Preamble")
    paragraphs(resolution.operative, "Operative")
    if not as_draft and resolution.closing is not None:
        closing = resolution.closing
        draft.paras.append(Para([Seg(closing.meeting, italic=True)], align="right"))
        if closing.date_text:
            draft.paras.append(Para([Seg(closing.date_text, italic=True)], align="right"))
    for annex in resolution.annexes:
        first = annex.paragraphs[0].sections[:1] if annex.paragraphs else ()
        if not first or not first[0].label.lower().startswith(
            ("annex", "annexe", "anexo", "приложение", "المرفق", "附件")
        ):
            draft.paras.append(Para([Seg(lang.annex_word)], style="Heading1"))
        counter.open = False
        paragraphs(annex.paragraphs, None)
    return draft


# -- tracked and untracked changes -----------------------------------------------------------


def _find(para: Para, text: str) -> tuple[int, int]:
    for index, seg in enumerate(para.segs):
        if seg.change not in ("del", "moveFrom") and seg.note is None and (at := seg.text.find(text)) >= 0:
            return index, at
    raise ValueError(f"{text!r} is in no run of the paragraph")


def _cut(para: Para, text: str) -> int:
    """Split the run holding ``text`` so that ``text`` is a run of its own; its index."""
    index, at = _find(para, text)
    seg = para.segs[index]
    pieces = [replace(seg, text=seg.text[:at]), replace(seg, text=text), replace(seg, text=seg.text[at + len(text) :])]
    para.segs[index : index + 1] = [piece for piece in pieces if piece.text or piece is pieces[1]]
    return index + (1 if seg.text[:at] else 0)


def insert(para: Para, after: str, new: str) -> None:
    """A tracked insertion of ``new`` right after ``after``."""
    index = _cut(para, after)
    para.segs.insert(index + 1, replace(para.segs[index], text=new, change="ins", note=None, link=None))


def delete(para: Para, old: str) -> None:
    """A tracked deletion of ``old``."""
    para.segs[_cut(para, old)].change = "del"


def edit(para: Para, old: str, new: str) -> None:
    """An untracked change: ``old`` replaced by ``new`` in the run, as typed with tracking off."""
    index, at = _find(para, old)
    seg = para.segs[index]
    seg.text = seg.text[:at] + new + seg.text[at + len(old) :]


def move(draft: Draft, source: int, target: int) -> None:
    """A tracked move of paragraph ``source`` to stand before paragraph ``target``."""
    para = draft.paras[source]
    moved = Para([replace(seg, change="moveTo") for seg in para.segs], para.style, para.level, "moveTo", para.align)
    for seg in para.segs:
        seg.change = "moveFrom"
    para.mark = "moveFrom"
    draft.paras.insert(target, moved)


def split(draft: Draft, index: int, at: str) -> None:
    """A tracked split of a paragraph before ``at`` (an inserted paragraph mark)."""
    para = draft.paras[index]
    cut = _cut(para, at)
    second = Para(para.segs[cut:], para.style, para.level, para.mark, para.align)
    para.segs = para.segs[:cut]
    para.mark = "ins"
    draft.paras.insert(index + 1, second)


def accepted(draft: Draft) -> Draft:
    """The draft as it stands with every change accepted, with no tracked change left (what a
    reader must find in the tracked draft, read accepted)."""
    paras: list[Para] = []
    for para in draft.paras:
        if para.mark in ("del", "moveFrom") and not any(s.change not in ("del", "moveFrom") for s in para.segs):
            continue
        segs = [replace(seg, change=None) for seg in para.segs if seg.change not in ("del", "moveFrom")]
        paras.append(Para(segs, para.style, para.level, None, para.align, para.table))
    return Draft(paras, draft.header, draft.footer)


# -- WordprocessingML --------------------------------------------------------------------------


class _Writer:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.notes: list[str] = []
        self.links: list[str] = []
        self.revision = 0
        self.comments: list[str] = []
        #: the footnotes Word numbers itself (a custom mark is not counted)
        self.auto_notes = 0

    def change_attributes(self) -> str:
        self.revision += 1
        return f' w:id="{self.revision + 1000}" w:author={quoteattr(AUTHOR)} w:date="{DATE}"'

    def run(self, seg: Seg, style: str | None) -> str:
        props = []
        if seg.italic and style == "Operative":
            props.append('<w:rStyle w:val="Emphasis"/>')
        if seg.bold:
            props.append("<w:b/>")
        if seg.italic and style != "Operative":
            props.append("<w:i/><w:iCs/>")
        if seg.sup or seg.note is not None:
            props.append('<w:vertAlign w:val="superscript"/>')
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
        text_tag = "w:delText" if seg.change in ("del", "moveFrom") else "w:t"
        if seg.note is not None:
            self.notes.append(self.note(seg.note))
            number = len(self.notes)
            custom = seg.custom_mark != str(self.auto_notes + 1)
            if custom:
                mark = f'<{text_tag} xml:space="preserve">{escape(seg.custom_mark or "")}</{text_tag}>'
                body = f'<w:footnoteReference w:customMarkFollows="1" w:id="{number}"/>{mark}'
            else:
                self.auto_notes += 1
                body = f'<w:footnoteReference w:id="{number}"/>'
            run = f"<w:r>{rpr}{body}</w:r>"
        else:
            pieces = seg.text.split("\t")
            body = "<w:tab/>".join(f'<{text_tag} xml:space="preserve">{escape(piece)}</{text_tag}>' for piece in pieces)
            run = f"<w:r>{rpr}{body}</w:r>"
        if seg.link is not None:
            self.links.append(seg.link)
            run = f'<w:hyperlink r:id="rLink{len(self.links)}">{run}</w:hyperlink>'
        if seg.change is not None:
            run = f"<w:{seg.change}{self.change_attributes()}>{run}</w:{seg.change}>"
        return run

    def note(self, lines: list[list[Seg]]) -> str:
        number = len(self.notes) + 1
        paragraphs = []
        for index, line in enumerate(lines):
            ref = (
                '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
            )
            runs = "".join(self.run(seg, None) for seg in line)
            paragraphs.append(
                f'<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>{ref if index == 0 else ""}{runs}</w:p>'
            )
        return f'<w:footnote w:id="{number}">{"".join(paragraphs) or "<w:p/>"}</w:footnote>'

    def paragraph(self, para: Para) -> str:
        ppr = []
        if para.style:
            ppr.append(f'<w:pStyle w:val="{para.style}"/>')
        if para.level is not None:
            ppr.append(f'<w:numPr><w:ilvl w:val="{para.level}"/><w:numId w:val="1"/></w:numPr>')
        if para.align:
            ppr.append(f'<w:jc w:val="{para.align}"/>')
        if para.mark is not None:
            ppr.append(f"<w:rPr><w:{para.mark}{self.change_attributes()}/></w:rPr>")
        runs = "".join(self.run(seg, para.style) for seg in para.segs)
        if para.comment is not None:
            number = len(self.comments)
            self.comments.append(
                f'<w:comment w:id="{number}" w:author={quoteattr(AUTHOR)} w:date="{DATE}">'
                f'<w:p><w:r><w:t xml:space="preserve">{escape(para.comment)}</w:t></w:r></w:p></w:comment>'
            )
            runs = (
                f'<w:commentRangeStart w:id="{number}"/>{runs}<w:commentRangeEnd w:id="{number}"/>'
                f'<w:r><w:commentReference w:id="{number}"/></w:r>'
            )
        return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{runs}</w:p>"

    def table(self, table: Table) -> str:
        rows = []
        for row in table.rows:
            cells = []
            for cell in row:
                paragraphs = "".join(self.paragraph(Para(_segs(p))) for p in cell.paragraphs) or "<w:p/>"
                span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
                cells.append(f"<w:tc><w:tcPr>{span}</w:tcPr>{paragraphs}</w:tc>")
            header = "<w:trPr><w:tblHeader/></w:trPr>" if row and all(cell.header for cell in row) else ""
            rows.append(f"<w:tr>{header}{''.join(cells)}</w:tr>")
        return f"<w:tbl>{''.join(rows)}</w:tbl>"

    def document(self) -> str:
        body = "".join(self.table(p.table) if p.table is not None else self.paragraph(p) for p in self.draft.paras)
        section = (
            '<w:sectPr><w:headerReference w:type="default" r:id="rheader1.xml"/>'
            '<w:footerReference w:type="default" r:id="rfooter1.xml"/><w:pgSz w:w="12240" w:h="15840"/></w:sectPr>'
        )
        return f"{_DECLARATION}<w:document {_NAMESPACES}><w:body>{body}{section}</w:body></w:document>"


_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_NAMESPACES = f'xmlns:w="{_W}" xmlns:r="{_R}"'
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml"
#: paragraph and character styles: headings with outline levels, an italic character style based on
#: another (the paragraph styles carry nothing the reader must see)
_STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="20"/></w:rPr>'
    "</w:rPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    + "".join(
        f'<w:style w:type="paragraph" w:styleId="Heading{level + 1}"><w:name w:val="heading {level + 1}"/>'
        f'<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="{level}"/><w:jc w:val="center"/></w:pPr></w:style>'
        for level in range(9)
    )
    + "".join(
        f'<w:style w:type="paragraph" w:styleId="{name}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/></w:style>'
        for name in ("Preamble", "Operative", "FootnoteText")
    )
    + '<w:style w:type="character" w:styleId="ItalicBase"><w:name w:val="UN Italic Base"/><w:rPr><w:i/></w:rPr>'
    "</w:style>"
    '<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:basedOn w:val="ItalicBase"/>'
    '<w:rPr><w:spacing w:val="2"/></w:rPr></w:style>'
)
_LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))
_NUMBERING = (
    '<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>'
    + "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for level, (fmt, text) in enumerate(_LEVELS)
    )
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
)
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)
#: the running header and footer: a line of text and the page number (a field)
_RUNNING = (
    '<w:p><w:r><w:t>{text}</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)
#: the parts beside the document: name, relationship type, root element, content type
_PARTS = (
    ("styles.xml", "styles", "styles", "styles"),
    ("numbering.xml", "numbering", "numbering", "numbering"),
    ("footnotes.xml", "footnotes", "footnotes", "footnotes"),
    ("comments.xml", "comments", "comments", "comments"),
    ("header1.xml", "header", "hdr", "header"),
    ("footer1.xml", "footer", "ftr", "footer"),
)


def _relationship(identifier: str, kind: str, target: str, external: bool = False) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{identifier}" Type="{_REL}/{kind}" Target={quoteattr(target)}{mode}/>'


def write_docx(draft: Draft) -> bytes:
    """The draft as the bytes of a ``.docx``."""
    writer = _Writer(draft)
    document = writer.document()
    contents = {
        "styles.xml": _STYLES,
        "numbering.xml": _NUMBERING,
        "footnotes.xml": _SEPARATORS + "".join(writer.notes),
        "comments.xml": "".join(writer.comments),
        "header1.xml": _RUNNING.format(text=escape(draft.header)),
        "footer1.xml": _RUNNING.format(text=escape(draft.footer)),
    }
    relationships = [_relationship(f"r{name}", kind, name) for name, kind, _, _ in _PARTS]
    relationships += [
        _relationship(f"rLink{index}", "hyperlink", link, external=True)
        for index, link in enumerate(writer.links, start=1)
    ]
    types = [
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        f'<Override PartName="/word/document.xml" ContentType="{_MEDIA}.document.main+xml"/>',
    ]
    types += [f'<Override PartName="/word/{name}" ContentType="{_MEDIA}.{kind}+xml"/>' for name, _, _, kind in _PARTS]
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f"{''.join(types)}</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
            f"{_relationship('rId1', 'officeDocument', 'word/document.xml')}</Relationships>",
        )
        archive.writestr("word/document.xml", document)
        archive.writestr(
            "word/_rels/document.xml.rels",
            f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">{"".join(relationships)}</Relationships>',
        )
        for name, _, root, _ in _PARTS:
            archive.writestr(f"word/{name}", f"{_DECLARATION}<w:{root} {_NAMESPACES}>{contents[name]}</w:{root}>")
    return buffer.getvalue()
