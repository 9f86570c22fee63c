"""The resolution as text in the seed's style: one paragraph per line, blank lines between,
operative verbs in ``*italics*``, links as ``[77/18](#)``, footnotes as superscript-numbered
lines after the paragraph that cites them. The text reader reads it back.

Sub-paragraphs are indented, as the printed page indents them: a paragraph that DGACM numbers
``(a)`` or ``A.`` at the top level then stays at the margin, and the reader tells the two apart
(a converter's text without the indent reads every such label as a sub-paragraph).

The marks of :mod:`resodiff.ingest.text_marks` say what DGACM's markup has and the printed text
does not show (a paragraph numbered ``(a)`` at the top level, a paragraph that ends with no
punctuation, an operative part that opens unnumbered), so that the text reads back as the model."""

from __future__ import annotations

import re

from ..ingest.text_marks import HARD_BREAK, LABEL_NUMBER, PART_BREAK, put_emphasis_mark
from ..languages import annex_words, language, language_or_fallback
from ..model import Footnote, Inlines, Item, Paragraph, Resolution, Section, Table, split_lines
from ..typography import SUPERSCRIPT_DIGITS, digits_to_superscript, normalize_typography

#: what the reader takes for markup; a printed superscript digit in the text (DGACM's ``informe
#: ²rapidement`` in 79/243) too, which it reads as a footnote's marker or a raised number
_ESCAPED = re.compile(rf"([\\*\[\]^_|{SUPERSCRIPT_DIGITS}])")
#: what ends a paragraph as the text reader sees it (its ``_TERMINATED``, and a closing guillemet)
_FINISHED = (",", ";", ":", ".", "!", "?", "،", "؛", "。", "»")
_NUMBERED_START = re.compile(r"^(\d+)(\.| -)(?=\s)")
#: a sub-paragraph's indent: less than the four spaces that make a Markdown code block
_ITEM_INDENT = "  "


def _escape(text: str) -> str:
    return _ESCAPED.sub(r"\\\1", text)


class _TextWriter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pending_notes: list[Footnote] = []

    def inline(self, inlines: Inlines) -> str:
        """Inline markup, with emphasis marks only where the style changes (``*a b*``, never
        ``*a**b*``, which would read as bold)."""
        out: list[str] = []
        italic = bold = False

        for node in inlines:
            if isinstance(node, Footnote):
                self.pending_notes.append(node)
                marker = node.marker
                out.append(digits_to_superscript(marker) if marker.isdigit() else f"[^{marker}]")
                continue
            if node.text == "\n":
                out.append(" ")
                continue
            text = _escape(node.text)
            if node.ref is not None:
                text = f"[{text}](#)"
            if node.sup:
                text = f"^{{{text}}}"
            if node.bold != bold:
                put_emphasis_mark(out, "**", closing=bold)
                bold = node.bold
            if node.italic != italic:
                put_emphasis_mark(out, "*", closing=italic)
                italic = node.italic
            out.append(text)
        if bold:
            put_emphasis_mark(out, "**", closing=True)
        if italic:
            put_emphasis_mark(out, "*", closing=True)
        return _escape_line_start("".join(out))

    def block(self, line: str) -> None:
        self.lines.extend((line, ""))

    def flush_notes(self) -> None:
        """Footnotes go after the paragraph that cites them, as a page's foot would hold them."""
        while self.pending_notes:
            note = self.pending_notes.pop(0)
            marker = digits_to_superscript(note.marker) if note.marker.isdigit() else f"[^{note.marker}]:"
            self.block(f"{marker} {self.inline(note.content)}")

    def paragraphs(self, paragraphs: tuple[Paragraph, ...], open_sections: tuple[Section, ...] = ()) -> None:
        for paragraph in paragraphs:
            shared = 0
            while (
                shared < min(len(open_sections), len(paragraph.sections))
                and open_sections[shared] == paragraph.sections[shared]
            ):
                shared += 1
            for depth in range(shared, len(paragraph.sections)):
                self.heading(paragraph.sections[depth], depth)
            open_sections = paragraph.sections
            self.paragraph(paragraph)
            self.flush_notes()

    def heading(self, section: Section, depth: int) -> None:
        lines = [line for line in split_lines(section.heading) if line] or [()]
        for index, line in enumerate(lines):
            number = f"{section.num}. " if section.num and index == 0 else ""
            self.block(f"{'#' * (depth + 1)} {number}{self.inline(line)}".rstrip())

    def paragraph(self, paragraph: Paragraph) -> None:
        if paragraph.heading:
            self.block(f"**{self.inline(paragraph.heading)}**")
        if paragraph.table is not None:
            self.table(paragraph.table)
            return
        text = self.inline(paragraph.content)
        number = paragraph.num
        if number and text and LABEL_NUMBER.fullmatch(number):
            self.block(f"{number}\\ {text}")
        else:
            self.block(f"{number} {text}" if number and text else number or text)
        last = self.items(paragraph.items) or paragraph.content
        if last and not _finished(last):
            self.lines[-2] += HARD_BREAK

    def items(self, items: tuple[Item, ...]) -> Inlines:
        """Writes the sub-paragraphs; returns the content of the last one written (none: ``()``)."""
        last: Inlines = ()
        for item in items:
            text = self.inline(item.content)
            self.block(f"{_ITEM_INDENT}{item.num or '-'} {text}")
            last = self.items(item.items) or item.content
        return last

    def table(self, table: Table) -> None:
        header_rows = 0
        while header_rows < len(table.rows) and all(cell.header for cell in table.rows[header_rows]):
            header_rows += 1
        for index, row in enumerate(table.rows):
            cells = [" <br> ".join(self.inline(p) for p in cell.paragraphs) for cell in row]
            self.lines.append("| " + " | ".join(cells) + " |")
            if index + 1 == header_rows:
                self.lines.append("|" + "---|" * len(row))
        self.lines.append("")


def _finished(content: Inlines) -> bool:
    """Whether a paragraph's text ends as the text reader sees a paragraph end: with punctuation,
    footnote markers and a final superscript (``1^{er}``) aside."""
    nodes = list(content)
    while nodes and (isinstance(nodes[-1], Footnote) or nodes[-1].sup or not nodes[-1].text.strip()):
        nodes.pop()
    text = "".join(node.text for node in nodes if not isinstance(node, Footnote))
    return normalize_typography(text).rstrip().endswith(_FINISHED)


def _escape_line_start(line: str) -> str:
    """Keep a paragraph's first words from reading as a number, item, heading or table row."""
    if _NUMBERED_START.match(line):  # "7." → "7\." and "7 -" → "7 \-": read as words, not as a number
        return _NUMBERED_START.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", line, count=1)
    if line.startswith(("(", "#", "|", "-", "•", "–")):
        return "\\" + line
    if item := re.match(r"((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[A-Z]\.)\s", line):
        return f"{item.group(1)[:-1]}\\{line[len(item.group(1)) - 1 :]}"
    return line


def to_text(resolution: Resolution) -> str:
    """Write ``resolution`` in the seed's text form."""
    meta = resolution.meta
    lang = language(meta.language)
    writer = _TextWriter()
    writer.block(meta.symbol)
    if lang is not None and lang.general_assembly:
        writer.block(lang.general_assembly)
    if meta.distribution:
        writer.lines.append(meta.distribution)
    if meta.distribution_date:
        writer.lines.append(lang.format_date(meta.distribution_date) if lang else meta.distribution_date)
    if meta.distribution or meta.distribution_date:
        writer.lines.append("")
    if meta.session_label:
        writer.block(meta.session_label)
    if meta.agenda_item:
        writer.block(lang.agenda_line.format(item=meta.agenda_item) if lang else meta.agenda_item)
    if meta.agenda_title:
        writer.block(meta.agenda_title)
    if meta.adoption_line:
        writer.block(meta.adoption_line)
    if meta.committee or meta.draft_symbol:
        draft = f" ({meta.draft_symbol})" if meta.draft_symbol else ""
        writer.block(f"[{meta.committee or ''}{draft}]")
    writer.block(f"{meta.number}. {meta.title}")
    writer.block(writer.inline(resolution.formula))
    writer.flush_notes()
    writer.paragraphs(resolution.preamble)
    if resolution.operative and resolution.operative[0].num is None:
        writer.block(PART_BREAK)
    writer.paragraphs(resolution.operative)
    if resolution.closing is not None:
        writer.lines.append(f"*{resolution.closing.meeting}")
        if resolution.closing.date_text:
            writer.lines.append(f"{resolution.closing.date_text}*")
        else:
            writer.lines[-1] += "*"
        writer.lines.append("")
    for annex in resolution.annexes:
        first = annex.paragraphs[0].sections[:1] if annex.paragraphs else ()
        if not first or not first[0].label.lower().startswith(annex_words()):
            writer.block(f"# {language_or_fallback(meta.language).annex_word}")
        writer.paragraphs(annex.paragraphs)
    return "\n".join(writer.lines).rstrip("\n") + "\n"
