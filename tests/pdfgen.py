"""Resolutions printed as the UN prints them, by two PDF producers, for the PDF reader's tests.

A resolution (read from any form) is laid out as DGACM lays out the official PDF: the first
page's header block (organisation and symbol, "General Assembly", distribution and date, session,
agenda item and its title, adoption and committee lines, number and title), the formula and the
paragraphs in a justified serif face with italic participles and verbs, numbered paragraphs and
sub-paragraphs with hanging numbers, headings centred, real footnotes at the foot of each page
under a short rule, the closing right-aligned in italics, annexes on a page of their own; a
running header with the symbol and a footer with "2/6" and the job number (mirrored on even and
odd pages), and on the first page the job number, the bar code and "Please recycle".

Two producers print it: LibreOffice, from a flat ODF text document (``text:note`` footnotes,
page styles with header and footer fields), and WeasyPrint, from HTML with CSS paged media
(``@page`` margin boxes, ``float: footnote``). Arabic is set right to left, Chinese in a CJK face.

Nothing here is committed output: the tests and ``benchmarks/pdf_matrix.py`` make the PDFs when
they run, from the seed or from the corpus.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from resodiff.languages import annex_words, language_or_fallback
from resodiff.model import Footnote, Inlines, Item, Paragraph, Resolution, Section, split_lines

SOFFICE = shutil.which("soffice")
#: the producers this machine has (WeasyPrint is a test dependency; LibreOffice a system package)
PRODUCERS = ("libreoffice", "weasyprint")

_FONTS = {"ara": "Noto Naskh Arabic", "zho": "Noto Serif CJK SC"}
_LATIN_FONT = "Liberation Serif"
_RECYCLE = "Please recycle"


def font(code: str) -> str:
    return _FONTS.get(code, _LATIN_FONT)


@dataclass(frozen=True, slots=True)
class Run:
    """A run of printed text."""

    text: str
    italic: bool = False
    bold: bool = False
    sup: bool = False


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote call and the note it calls."""

    marker: str
    runs: tuple[Run, ...]


Piece = Run | Note


@dataclass(frozen=True, slots=True)
class Block:
    """A printed block: ``kind`` is para, item, heading, closing or annex (an annex's heading,
    which opens a page)."""

    kind: str
    pieces: tuple[Piece, ...]
    num: str | None = None
    depth: int = 0


@dataclass
class Layout:
    """What the pages print: the header block's parts and the blocks of the body."""

    lang: str
    direction: str
    symbol: str
    job: str
    organisation: str
    assembly: str
    distribution: list[str]
    session: str
    agenda: list[str]
    adoption: list[str]
    title: str
    formula: tuple[Piece, ...]
    blocks: list[Block] = field(default_factory=list)


def _runs(inlines: Inlines) -> Iterator[Piece]:
    for node in inlines:
        if isinstance(node, Footnote):
            yield Note(node.marker, tuple(r for r in _runs(node.content) if isinstance(r, Run)))
        elif node.text == "\n":
            yield Run(" ")
        else:
            yield Run(node.text, node.italic, node.bold, node.sup)


def layout(resolution: Resolution) -> Layout:
    """The printed parts of ``resolution``."""
    meta = resolution.meta
    lang = language_or_fallback(meta.language)
    distribution = [meta.distribution or ""]
    if meta.distribution_date:
        distribution.append(lang.format_date(meta.distribution_date))
    agenda = [lang.agenda_line.format(item=meta.agenda_item)] if meta.agenda_item else []
    adoption = [line for line in (meta.adoption_line,) if line]
    if meta.committee or meta.draft_symbol:
        adoption.append(f"[{meta.committee or ''}{f' ({meta.draft_symbol})' if meta.draft_symbol else ''}]")
    out = Layout(
        lang=lang.code,
        direction=lang.direction,
        symbol=meta.symbol,
        job=meta.job_number or "00-00000 (X)",
        organisation=lang.united_nations[0] if lang.united_nations else "United Nations",
        assembly=lang.general_assembly,
        distribution=[line for line in distribution if line],
        session=meta.session_label or "",
        agenda=agenda + ([meta.agenda_title] if meta.agenda_title else []),
        adoption=adoption,
        title=f"{meta.number}. {meta.title}",
        formula=tuple(_runs(resolution.formula)),
    )
    _paragraphs(out.blocks, resolution.preamble + resolution.operative)
    if resolution.closing is not None:
        out.blocks.append(Block("closing", (Run(resolution.closing.meeting, italic=True),)))
        if resolution.closing.date_text:
            out.blocks.append(Block("closing", (Run(resolution.closing.date_text, italic=True),)))
    for annex in resolution.annexes:
        first = annex.paragraphs[0].sections[:1] if annex.paragraphs else ()
        if not first or not first[0].label.lower().startswith(annex_words()):
            out.blocks.append(Block("annex", (Run(lang.annex_word),)))
        _paragraphs(out.blocks, annex.paragraphs, annex=True)
    return out


def _paragraphs(blocks: list[Block], paragraphs: Sequence[Paragraph], annex: bool = False) -> None:
    open_sections: tuple[Section, ...] = ()
    for paragraph in paragraphs:
        shared = 0
        while (
            shared < min(len(open_sections), len(paragraph.sections))
            and open_sections[shared] == paragraph.sections[shared]
        ):
            shared += 1
        for depth in range(shared, len(paragraph.sections)):
            section = paragraph.sections[depth]
            starts_annex = annex and depth == 0 and section.label.lower().startswith(annex_words())
            for index, line in enumerate(split_lines(section.heading) or [()]):
                number = f"{section.num}. " if section.num and index == 0 else ""
                kind = "annex" if starts_annex and index == 0 else "heading"
                blocks.append(Block(kind, (Run(number, bold=True), *_bold(_runs(line))), depth=depth))
        open_sections = paragraph.sections
        if paragraph.heading:
            blocks.append(Block("para", tuple(_bold(_runs(paragraph.heading)))))
        content = paragraph.table.all_inlines() if paragraph.table else paragraph.content
        blocks.append(Block("para", tuple(_runs(content)), num=paragraph.num))
        _items(blocks, paragraph.items, 1)


def _bold(pieces: Iterator[Piece]) -> Iterator[Piece]:
    for piece in pieces:
        yield Run(piece.text, piece.italic, True, piece.sup) if isinstance(piece, Run) else piece


def _items(blocks: list[Block], items: tuple[Item, ...], depth: int) -> None:
    for item in items:
        blocks.append(Block("item", tuple(_runs(item.content)), num=item.num or "-", depth=depth))
        _items(blocks, item.items, depth + 1)


# --- HTML for WeasyPrint -------------------------------------------------------------------------

_CSS = """
@page {{ size: A4; margin: 25mm 25mm 27mm 25mm;
  @footnote {{ background: linear-gradient(black, black) no-repeat left top / 40mm 0.5pt;
    padding-top: 3pt; margin-top: 8pt; }} }}
@page :first {{
  @bottom-left {{ content: "{job}"; font: 8pt "{font}"; }}
  @bottom-center {{ content: "*{barcode}*"; font: 10pt "{font}"; }}
  @bottom-right {{ content: "{recycle}"; font: 7pt "{font}"; }} }}
@page :left {{
  @top-left {{ content: "{symbol}"; font: 9pt "{font}"; border-bottom: 0.5pt solid; }}
  @bottom-left {{ content: counter(page) "/" counter(pages); font: 8pt "{font}"; }}
  @bottom-right {{ content: "{short_job}"; font: 8pt "{font}"; }} }}
@page :right {{
  @top-right {{ content: "{symbol}"; font: 9pt "{font}"; border-bottom: 0.5pt solid; }}
  @bottom-right {{ content: counter(page) "/" counter(pages); font: 8pt "{font}"; }}
  @bottom-left {{ content: "{short_job}"; font: 8pt "{font}"; }} }}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}
body {{ font: 10pt/12pt "{font}"; text-align: justify; }}
p {{ margin: 0 0 6pt 0; }}
.top {{ display: flex; justify-content: space-between; border-bottom: 0.5pt solid; font-size: 10pt; }}
.top b {{ font-size: 14pt; }}
.assembly {{ display: flex; justify-content: space-between; margin: 8pt 0 12pt 0; }}
.assembly .name {{ font-size: 17pt; font-weight: bold; }}
.assembly .distr {{ font-size: 9pt; line-height: 11pt; }}
.block {{ text-align: start; border-top: 0.5pt solid; padding-top: 6pt; }}
.title {{ font-weight: bold; font-size: 11pt; text-align: start; margin: 12pt 0; }}
.indent {{ display: inline-block; width: 12mm; }}
.num {{ display: inline-block; width: 10mm; }}
.item {{ margin-inline-start: 12mm; }}
.label-indent {{ display: inline-block; width: 8mm; }}
.heading {{ text-align: center; font-weight: bold; margin: 10pt 30mm; }}
.closing {{ text-align: end; margin: 0; }}
.closing.first {{ margin-top: 12pt; }}
.annex {{ break-before: page; text-align: center; font-weight: bold; }}
.fn {{ float: footnote; font-size: 8pt; line-height: 10pt; text-indent: 0; text-align: justify; }}
.fn::footnote-call {{ content: attr(data-m); vertical-align: super; font-size: 6.5pt; line-height: 0; }}
.fn::footnote-marker {{ content: attr(data-m) " "; vertical-align: super; font-size: 6pt; }}
sup {{ font-size: 6.5pt; vertical-align: super; line-height: 0; }}
"""


#: the first line's indent, as a space of its own: WeasyPrint sets ``text-indent`` on the wrong
#: side of a right-to-left justified line
_INDENT = '<span class="indent"></span>'
#: a sub-paragraph's label stands further in than a paragraph's number, as DGACM prints it (and
#: as LibreOffice's item styles set it: 0.8 cm in from the item's margin)
_LABEL_INDENT = '<span class="label-indent"></span>'


def _html_runs(pieces: Sequence[Piece]) -> str:
    out = []
    for piece in pieces:
        if isinstance(piece, Note):
            marker = html.escape(piece.marker, quote=True)
            out.append(f'<span class="fn" data-m="{marker}">{_html_runs(piece.runs)}</span>')
            continue
        text = html.escape(piece.text)
        if piece.sup:
            text = f"<sup>{text}</sup>"
        if piece.italic:
            text = f"<i>{text}</i>"
        if piece.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_html(resolution: Resolution) -> str:
    """The resolution as an HTML page that WeasyPrint prints as DGACM would."""
    page = layout(resolution)
    short_job = page.job.split(" (")[0]
    css = _CSS.format(
        job=_css_string(page.job),
        short_job=_css_string(short_job),
        barcode=short_job.replace("-", ""),
        recycle=_RECYCLE,
        symbol=_css_string(page.symbol),
        font=font(page.lang),
    )
    esc = html.escape
    body = [
        f'<div class="top"><span>{esc(page.organisation)}</span><b>{esc(page.symbol)}</b></div>',
        f'<div class="assembly"><span class="name">{esc(page.assembly)}</span>'
        f'<span class="distr">{"<br>".join(esc(d) for d in page.distribution)}</span></div>',
        '<div class="block">',
        f"<p><b>{esc(page.session)}</b></p>" if page.session else "",
        *(
            f"<p>{esc(line)}</p>" if index == 0 else f"<p><b>{esc(line)}</b></p>"
            for index, line in enumerate(page.agenda)
        ),
        *(
            f"<p><b>{esc(line)}</b></p>" if index == 0 else f"<p>{esc(line)}</p>"
            for index, line in enumerate(page.adoption)
        ),
        f'<p class="title">{esc(page.title)}</p>',
        "</div>",
        f'<p class="formula">{_INDENT}{_html_runs(page.formula)}</p>',
    ]
    closing_seen = False
    for block in page.blocks:
        pieces = _html_runs(block.pieces)
        if block.kind == "para":
            number = f'<span class="num">{esc(block.num)}</span>' if block.num else ""
            body.append(f'<p class="para">{_INDENT}{number}{pieces}</p>')
        elif block.kind == "item":
            margin = f' style="margin-inline-start: {12 * block.depth}mm"'
            label = f'{_LABEL_INDENT}<span class="num">{esc(block.num or "")}</span>'
            body.append(f'<p class="item"{margin}>{label}{pieces}</p>')
        elif block.kind == "heading":
            body.append(f'<p class="heading">{pieces}</p>')
        elif block.kind == "annex":
            body.append(f'<p class="annex">{pieces}</p>')
        else:
            body.append(f'<p class="closing{"" if closing_seen else " first"}">{pieces}</p>')
            closing_seen = True
    tag = language_or_fallback(page.lang).tag
    return (
        f'<!DOCTYPE html><html lang="{tag}" dir="{page.direction}"><head><meta charset="utf-8">'
        f"<style>{css}</style></head><body>{''.join(body)}</body></html>"
    )


#: the rule that keeps two lines of a paragraph together at a page's foot and head, and the
#: later layouts', which let one stand alone or keep three together
_LINES_KEPT = "p { margin: 0 0 6pt 0; }"
_LINES_OTHER = (
    "p { margin: 0 0 6pt 0; orphans: 1; widows: 1; }",
    "p { margin: 0 0 6pt 0; orphans: 3; widows: 3; }",
)


def weasyprint_pdf(resolution: Resolution, path: Path) -> Path:
    """Print ``resolution`` to ``path`` with WeasyPrint.

    WeasyPrint (70) leaves a footnote out of the pages where a line that overflows the page is
    kept there, for the paragraph's orphans, by moving the page's earlier notes to the next
    page: the notes of that line itself are then never laid out. Where the pages hold fewer
    notes than the document, the pages are laid out again with no orphans or widows kept,
    which moves that line, and, where that loses a note too (77/151 E), with three lines kept
    together; the first layout that holds every note is printed, else the one that holds most."""
    import weasyprint

    page = to_html(resolution)
    notes = page.count('<span class="fn"')
    document = weasyprint.HTML(string=page).render()
    held = _laid_out_notes(document)
    for rule in _LINES_OTHER:
        if held == notes:
            break
        other = weasyprint.HTML(string=page.replace(_LINES_KEPT, rule, 1)).render()
        if (other_held := _laid_out_notes(other)) > held:
            document, held = other, other_held
    document.write_pdf(path)
    return path


def _laid_out_notes(document: Any) -> int:
    """How many footnotes the pages of a WeasyPrint document hold (a note split across pages
    once)."""
    found = set()
    for laid in document.pages:
        stack = [laid._page_box]
        while stack:
            box = stack.pop()
            element = getattr(box, "element", None)
            if type(box).__name__ == "BlockBox" and element is not None and element.get("class") == "fn":
                found.add(id(element))
                continue
            stack.extend(getattr(box, "children", ()))
    return len(found)


# --- flat ODF for LibreOffice --------------------------------------------------------------------

#: the paragraph styles that others derive from are common styles (``office:styles``): ODF lets
#: no style derive from an automatic one, and LibreOffice drops such a parent (the closing's
#: first line, the annex's heading and the header's first row then lost their alignment)
_FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Body" svg:font-family="'{font}'" style:font-family-generic="roman"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties style:writing-mode="{writing}"/>
  <style:text-properties style:font-name="Body" fo:font-size="10pt" style:font-name-asian="Body"
   style:font-size-asian="10pt" style:font-name-complex="Body" style:font-size-complex="10pt"
   fo:language="{lang}" style:language-asian="{lang}" style:language-complex="{lang}"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{align}" fo:margin-bottom="6pt" fo:line-height="12pt"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:line-height="10pt" fo:margin-left="0.6cm"
   fo:margin-right="0cm" fo:text-indent="-0.6cm"/>
  <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt" style:font-size-complex="8pt"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties>
   <style:tab-stops><style:tab-stop style:position="8cm" style:type="center"/>
    <style:tab-stop style:position="16cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt" style:font-size-complex="8pt"/>
 </style:style>
 <style:style style:name="FurnitureRight" style:family="paragraph" style:parent-style-name="Furniture">
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
 <style:style style:name="Top" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:border-bottom="0.5pt solid #000000" fo:padding-bottom="2pt">
   <style:tab-stops><style:tab-stop style:position="16cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties></style:style>
 <style:style style:name="Block" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="3pt" fo:margin-bottom="6pt"/></style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:text-align="center" fo:margin-left="2cm" fo:margin-right="2cm"
   fo:margin-top="6pt"/></style:style>
 <style:style style:name="Closing" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="FootnoteCall" style:family="text">
  <style:text-properties style:text-position="super 58%"/></style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0"
  text:citation-style-name="FootnoteCall" text:citation-body-style-name="FootnoteCall"
  text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"
  style:font-style-asian="italic" style:font-style-complex="italic"/></style:style>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"
  style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="BI" style:family="text"><style:text-properties fo:font-weight="bold"
  style:font-weight-asian="bold" style:font-weight-complex="bold" fo:font-style="italic"
  style:font-style-asian="italic" style:font-style-complex="italic"/></style:style>
 <style:style style:name="S" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
 <style:style style:name="SI" style:family="text"><style:text-properties style:text-position="super 58%"
  fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"/></style:style>
 <style:style style:name="Big" style:family="text"><style:text-properties fo:font-size="17pt" fo:font-weight="bold"
  style:font-size-asian="17pt" style:font-weight-asian="bold" style:font-size-complex="17pt"
  style:font-weight-complex="bold"/></style:style>
 <style:style style:name="Sym" style:family="text"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"
  style:font-size-asian="14pt" style:font-weight-asian="bold" style:font-size-complex="14pt"
  style:font-weight-complex="bold"/></style:style>
 <style:style style:name="Assembly" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="8pt">
   <style:tab-stops><style:tab-stop style:position="12cm"/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="Distr" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="12cm" fo:margin-right="0cm"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" style:font-size-complex="9pt"/></style:style>
 <style:style style:name="BlockFirst" style:family="paragraph" style:parent-style-name="Block">
  <style:paragraph-properties fo:margin-top="12pt" fo:border-top="0.5pt solid #000000"
   fo:padding-top="6pt"/></style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="12pt" fo:margin-bottom="12pt" fo:margin-left="1.5cm"
   fo:margin-right="0cm" fo:text-indent="-1.5cm"/>
  <style:text-properties fo:font-size="11pt" fo:font-weight="bold" style:font-size-asian="11pt"
   style:font-weight-asian="bold" style:font-size-complex="11pt" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="Para" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:text-indent="1.2cm"/></style:style>
 <style:style style:name="Num" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:text-indent="1.2cm">
   <style:tab-stops><style:tab-stop style:position="2cm"/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="Item1" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:margin-left="1.2cm" fo:margin-right="0cm" fo:text-indent="0.8cm">
   <style:tab-stops><style:tab-stop style:position="1.8cm"/></style:tab-stops>
  </style:paragraph-properties></style:style>
 <style:style style:name="Item2" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:margin-left="2.4cm" fo:margin-right="0cm" fo:text-indent="0.8cm">
   <style:tab-stops><style:tab-stop style:position="1.8cm"/></style:tab-stops>
  </style:paragraph-properties></style:style>
 <style:style style:name="Annex" style:family="paragraph" style:parent-style-name="Heading">
  <style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="ClosingFirst" style:family="paragraph" style:parent-style-name="Closing">
  <style:paragraph-properties fo:margin-top="12pt"/></style:style>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm"
   fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm" style:writing-mode="{writing}"
   style:footnote-max-height="0cm">
   <style:footnote-sep style:width="0.5pt" style:rel-width="25%" style:color="#000000"
    style:line-style="solid" style:adjustment="left" style:distance-before-sep="4pt" style:distance-after-sep="2pt"/>
  </style:page-layout-properties>
  <style:header-style>
   <style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="First" style:page-layout-name="PL" style:next-style-name="Standard">
  <style:footer><text:p text:style-name="Furniture">{job}<text:tab/>*{barcode}*<text:tab/>{recycle}</text:p>
  </style:footer>
 </style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="FurnitureRight">{symbol}</text:p></style:header>
  <style:header-left><text:p text:style-name="Furniture">{symbol}</text:p></style:header-left>
  <style:footer><text:p text:style-name="Furniture">{short_job}<text:tab/><text:tab/><text:page-number
   text:select-page="current"/>/<text:page-count/></text:p></style:footer>
  <style:footer-left><text:p text:style-name="Furniture"><text:page-number
   text:select-page="current"/>/<text:page-count/><text:tab/><text:tab/>{short_job}</text:p></style:footer-left>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""


def _odf_runs(pieces: Sequence[Piece]) -> str:
    out = []
    for piece in pieces:
        if isinstance(piece, Note):
            label = xml_escape(piece.marker, {'"': "&quot;"})
            out.append(
                f'<text:note text:note-class="footnote"><text:note-citation text:label="{label}">{label}'
                f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">{_odf_runs(piece.runs)}'
                "</text:p></text:note-body></text:note>"
            )
            continue
        text = xml_escape(piece.text).replace("\t", "<text:tab/>")
        style = ("S" if piece.sup else "") + ("B" if piece.bold else "") + ("I" if piece.italic else "")
        style = {"SB": "S", "SBI": "SI"}.get(style, style)
        out.append(f'<text:span text:style-name="{style}">{text}</text:span>' if style else text)
    return "".join(out)


def to_fodt(resolution: Resolution) -> str:
    """The resolution as a flat ODF text document that LibreOffice prints as DGACM would."""
    page = layout(resolution)
    short_job = page.job.split(" (")[0]
    esc = xml_escape
    head = _FODT_HEAD.format(
        font=font(page.lang),
        writing="rl-tb" if page.direction == "rtl" else "lr-tb",
        # LibreOffice 7 justifies Arabic with kashidas whose glyphs it maps to digits in the
        # PDF's text layer (pdftotext reads "تش55رين" too): Arabic is set ragged
        align="end" if page.direction == "rtl" else "justify",
        lang=language_or_fallback(page.lang).tag,
        job=esc(page.job),
        short_job=esc(short_job),
        barcode=short_job.replace("-", ""),
        recycle=_RECYCLE,
        symbol=esc(page.symbol),
    )
    body = [
        f'<text:p text:style-name="Top">{esc(page.organisation)}<text:tab/>'
        f'<text:span text:style-name="Sym">{esc(page.symbol)}</text:span></text:p>',
        f'<text:p text:style-name="Assembly"><text:span text:style-name="Big">{esc(page.assembly)}'
        "</text:span></text:p>",
        *(f'<text:p text:style-name="Distr">{esc(line)}</text:p>' for line in page.distribution),
    ]
    header_lines = [(page.session, True)] if page.session else []
    header_lines += [(line, index > 0) for index, line in enumerate(page.agenda)]
    header_lines += [(line, index == 0) for index, line in enumerate(page.adoption)]
    for index, (line, bold) in enumerate(header_lines):
        style = "BlockFirst" if index == 0 else "Block"
        text = f'<text:span text:style-name="B">{esc(line)}</text:span>' if bold else esc(line)
        body.append(f'<text:p text:style-name="{style}">{text}</text:p>')
    number, _, title = page.title.partition(" ")
    body.append(f'<text:p text:style-name="Title">{esc(number)}<text:tab/>{esc(title)}</text:p>')
    body.append(f'<text:p text:style-name="Para">{_odf_runs(page.formula)}</text:p>')
    closing_seen = False
    for block in page.blocks:
        pieces = _odf_runs(block.pieces)
        if block.kind == "para" and block.num:
            body.append(f'<text:p text:style-name="Num">{esc(block.num)}<text:tab/>{pieces}</text:p>')
        elif block.kind == "para":
            body.append(f'<text:p text:style-name="Para">{pieces}</text:p>')
        elif block.kind == "item":
            style = "Item1" if block.depth <= 1 else "Item2"
            body.append(f'<text:p text:style-name="{style}">{esc(block.num or "")}<text:tab/>{pieces}</text:p>')
        elif block.kind in ("heading", "annex"):
            style = "Heading" if block.kind == "heading" else "Annex"
            body.append(f'<text:p text:style-name="{style}">{pieces}</text:p>')
        else:
            style = "Closing" if closing_seen else "ClosingFirst"
            body.append(f'<text:p text:style-name="{style}">{pieces}</text:p>')
            closing_seen = True
    # the first paragraph takes the first page's style (no running header, the bar code at its foot)
    body[0] = body[0].replace('text:style-name="Top"', 'text:style-name="TopFirst"', 1)
    first_page = (
        '<style:style style:name="TopFirst" style:family="paragraph" style:parent-style-name="Top" '
        'style:master-page-name="First"/>'
    )
    head = head.replace("</office:automatic-styles>", first_page + "\n</office:automatic-styles>")
    return head + "\n".join(body) + "\n</office:text></office:body></office:document>\n"


def libreoffice_pdfs(documents: Sequence[tuple[Resolution, Path]]) -> list[Path]:
    """Print each resolution to its path with LibreOffice, all in one ``soffice`` run (its start
    is slow), with a private profile so that parallel runs do not share one."""
    if SOFFICE is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="resodiff-lo-") as work:
        folder = Path(work)
        sources = []
        for index, (resolution, _) in enumerate(documents):
            source = folder / f"doc{index}.fodt"
            source.write_text(to_fodt(resolution), encoding="utf-8")
            sources.append(source)
        out = folder / "out"
        command = [
            SOFFICE,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out),
            *map(str, sources),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": work})
        for index, (_, path) in enumerate(documents):
            shutil.move(out / f"doc{index}.pdf", path)
    return [path for _, path in documents]


def make_pdfs(producer: str, documents: Sequence[tuple[Resolution, Path]]) -> list[Path]:
    """Print each resolution to its path with ``producer``."""
    if producer == "libreoffice":
        return libreoffice_pdfs(documents)
    return [weasyprint_pdf(resolution, path) for resolution, path in documents]


def available(producer: str) -> bool:
    """Whether this machine has ``producer``."""
    if producer == "libreoffice":
        return SOFFICE is not None
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: WeasyPrint without Pango
        return False
    return True


def scanned_pdf(path: Path) -> Path:
    """A PDF with one page that is only an image (a scan: no text layer)."""
    import base64
    import io

    import weasyprint
    from PIL import Image  # WeasyPrint's own dependency

    picture = io.BytesIO()
    Image.new("L", (210, 297), 200).save(picture, "PNG")
    image = "data:image/png;base64," + base64.b64encode(picture.getvalue()).decode()
    weasyprint.HTML(string=f'<img src="{image}" style="width: 160mm; height: 240mm">').write_pdf(path)
    return path
