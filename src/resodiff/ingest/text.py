"""Reader for the text form of a resolution, as a PDF-to-Markdown conversion gives it.

The conversion keeps the printed page: a paragraph cut by a page break continues after the
page's footnotes. The reader works in two passes. The first sorts lines into header,
footnote definitions, body blocks (paragraphs, sub-paragraphs, headings, table rows) and the
closing, joining a line to the block before it when that block is still open (it does not
end with the punctuation that ends a paragraph, or the line starts in lower case). The second
parses each block's inline markup, placing every footnote at its marker.

Text that other converters give is read too. Running headers and footers (the symbol, the
title, ``2/6``, ``Page 2``, the job number, the bar code) are dropped by their shape, and at the
edges of the pages (form feeds) by what they hold. Hard-wrapped text (``pdftotext``, one line
per printed line) is recognised by its many consecutive lines of one width: a line then ends a
paragraph when the next line's first word would have fitted on it; where it would not, and the
line ends as a paragraph does, the next line opens a paragraph if its first word opens another
paragraph of the document that no such doubt hangs over. A word hyphenated at a line end is
joined again where the joined word is the likelier one (it occurs elsewhere in the document,
or the hyphen splits a lower-case word); a compound's own hyphen stays.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from ..errors import InputError, TextSyntaxError
from ..languages import WIDTH_DOUBT, Language, recycling_notes
from ..limits import MAX_PARAGRAPHS
from ..model import (
    Annex,
    Cell,
    Footnote,
    Inline,
    Inlines,
    Item,
    Paragraph,
    Part,
    Resolution,
    Section,
    SourceSpan,
    Table,
    Text,
    plain_text,
)
from ..spans import position
from ..typography import CJK_TEXT, SUPERSCRIPT_DIGITS, normalize_typography, superscript_to_digits
from .bidi import logical_text
from .boxed_lines import unboxed_text
from .cut_lines import rejoined_cut_lines
from .flat_lists import unnest_annex, unnest_operative
from .glued_furniture import unglue_furniture
from .header import (
    Fragment,
    find_formula,
    is_meeting_line,
    printed_title,
    read_closing,
    read_metadata,
    split_closing,
    starts_annex,
    strip_markup,
    symbol_in,
)
from .hyphens import (
    address_cut,
    document_session,
    elided_cut,
    in_address,
    joins_compound,
    keeps_hyphen,
    known_word,
    lexicon,
    lost_hyphen,
    phrase_hyphen,
    reading_session,
    suspends_hyphen,
    unjoined,
)
from .inline_markup import NoteResolver, parse_inline
from .last_page import NUMBERED_NOTE, reorder_last_page
from .line_order import restore_line_order, restore_stray_words
from .numerals import roman, roman_value
from .plain_markers import restore_markers
from .raised_endings import join_raised_endings
from .recognise import annotate, merge_runs
from .text_marks import LABELLED_PARAGRAPH, PART_BREAK, ends_paragraph, without_break
from .whitespace import clean_spaces

#: a footnote definition: its marker (a superscript glued to text is a marker that the line wrap
#: put first, "⁴⁵, ainsi"), then its text
_FOOTNOTE_LINE = re.compile(
    rf"^(?:([{SUPERSCRIPT_DIGITS}]+)(?!\S)|\[\^(\w+)\]:|\^(\d+)(?=\s)|<sup>(\d+)</sup>)\s*(.*)$"
)
_NUMBERED = re.compile(r"^(\d+)(\.|\s+-)\s+(\S.*)$")
#: a paragraph's number or a sub-paragraph's label alone on its line
_LABEL_ALONE = re.compile(r"^(?:(\d{1,3})(?:\.|\s*-)|\(?(?:[a-z]{1,2}|[ivxlc]{1,6})\))$")
_ITEM = re.compile(r"^(\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|(?:[a-z]{1,2}|[ivxlc]{1,6})\)|[A-Z]\.|[-•–])\s+(\S.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(?:([IVXLC]+|[A-Z])\.\s+)?(.*)$")
_BULLETS = ("-", "•", "–")
#: a label that only an indent tells from a heading's number ("II. Title"): a sub-paragraph's
#: where the document indents its sub-paragraphs
_INDENTED_LABEL = re.compile(r"^([IVXLC]{2,6}\.)\s+(\S.*)$")
#: a line start escaped so as not to read as a number or a sub-paragraph's label ("7\\.",
#: "\\(a)", "a\\)", "A\\."): a paragraph's first words, never a line that goes on with one
_ESCAPED_LABEL = re.compile(r"^(?:\d+(?:\\\.| \\-)|\\[(\-•–]|(?:[a-z]{1,2}|[ivxlc]{1,6})\\\)|[A-Z]\\\.)")
_BARE_SECTION_NUMBER = re.compile(r"^([IVXLC]+|[A-Z])\.?$")
#: a paragraph number with no text after it: a paragraph that DGACM left empty
_BARE_NUMBER = re.compile(r"^(\d{1,3})\.$")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
# C0 controls but tab, line breaks and form feed (page breaks of PDF converters), DEL, C1
# controls and the noncharacters: none belongs in a resolution, and a terminal or an XML
# writer downstream would choke on (or obey) them
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
    + "]"
)
#: a page's furniture by its shape: job number, bar code ("**2421657" as pdftotext writes it
#: from a right-to-left page), "2/6" ("3/ 5" there), "- 2 -", "Page 2 (of 6)"
_FURNITURE = re.compile(
    r"^(?:\d{2}-\d{5}(?: \([A-Z]\))?|\*\d{7}\*|\*\*\d{7}|\d{1,3} ?/ ?\d{1,3}|-\s*\d+\s*-"
    r"|Page \d{1,3}(?: (?:of|sur) \d{1,3})?)$"
)
_SPREAD = re.compile(r"\s{2,}")
_EDGE_NUMBERS = re.compile(r"\d+")
#: how many lines of a footnote, at most, go on at the next page's foot (they are looked for
#: from every line of hard-wrapped text)
_CARRIED_LINES = 4
#: a paragraph's number on a line of its own (as plain ``pdftotext`` writes one a tab set apart
#: from its text), which may open a page after its running header as another does another page:
#: no page number is written so
_PARAGRAPH_NUMBER = re.compile(r"\d{1,3}\.")
#: how many lines at each side of a page break may be a running header or footer
_EDGE_LINES = 3
_WORD = re.compile(r"\w+(?:-\w+)*")
_TITLE_WORDS = re.compile(r"[^\W_]+")
_FIRST_WORD = re.compile(r"\w+")
_LETTERS = re.compile(rf"[^\W\d_{SUPERSCRIPT_DIGITS}]+")
#: an apostrophe after a word, and the letters after it (``d'œuvre``: an elided word's)
_ELIDED = re.compile(r"['’]([^\W\d_]+)")
#: two years written as one number (``20162025``): where a range of years ended a printed line
#: at its hyphen, pdftotext joined the two
_YEAR_PAIR = re.compile(r"(?<![\d/.,])((?:19|20)\d\d)((?:19|20)\d\d)(?![\d/.,])")
#: letters glued to figures, or figures to a word (``COVID19``, ``post2020``, ``19induced``):
#: where a compound's hyphen between them ended a printed line, pdftotext joined the two
_GLUED_FIGURES = re.compile(r"(?<![\w/])([^\W\d_]+)(\d+)(?!\d)|(?<![\w.,/])(\d+)([^\W\d_]{4,})(?!\w)")
#: a space before a comma in a footnote: pdftotext's, after a title in italics that
#: LibreOffice sets a little apart (``Final Document , vol. I``); no footnote of DGACM's in
#: sessions 77 and 79 has one
_SPACED_COMMA = re.compile(r"(?<=\w) ,")
#: a figure (a line without one has none glued to letters: one C search, not a pattern's tries)
_A_FIGURE = re.compile(r"\d")
#: a line's first word and what follows it after a space, if anything
_OPENING = re.compile(r"(\w+)(?: (\w?))?")
#: a sub-paragraph's label after an opening quotation mark: a quoted clause (“(a) On …)
_QUOTED_LABEL = re.compile(r"^[“\"«‘]\s?\((?:[a-z]{1,2}|[ivxlc]{1,6})\)\s")
#: the fewest letters of each half of a word of a web address that pdftotext joined at a
#: line end (shorter halves are a word's syllables as often)
_HALF_WORD = 4
#: a line that opens with up to three words and a number ("Panel 2:", "Table ronde 2 :"); a word
#: may hold an elided article or preposition ("Domaine d’action 2 :")
_COUNTED = re.compile(r"((?:[^\W\d_]+(?:['’][^\W\d_]+)? ){1,3})(\d{1,3})\b")
#: a series' label: capitalised words and a number that a title, a colon or nothing follows
#: (``Principle 19``, ``Priority area 2:``, ``Article 4``), not a symbol's part or a reference
#: (``Reaffirming its resolution 71/243``, ``Article 32, paragraph 7)``)
_SERIES_LABEL = re.compile(r"((?:[^\W\d_]+(?:['’][^\W\d_]+)? ){1,3})(\d{1,3})(?=$|[ :–-]|\.(?!\d))")
#: what a line must hold of the next line's words before it can break: up to a space or a
#: hyphen before a letter (a no-break space holds its words together, "2014-2024" is one; a
#: hyphen after a lone first character does not break: "C-SS-4", "e-mail"), or one Chinese or
#: Japanese character
_BREAKABLE = re.compile(rf"[{CJK_TEXT}]|(?:[^ ]-(?=[^\W\d_]))?(?:[^ -]|-(?![^\W\d_]))*-?")
#: a number and the word after it, or an opening guillemet and its first word, which UN
#: typesetting binds with a no-break space ("17 novembre 2016", "n° 5", "« Transformer") that a
#: PDF converter writes as a plain space
_BOUND_NUMBER = re.compile(r"\d+(?:[.,]\d+)* [^\W\d_]\w*|« \S+")
#: a figure in groups of three, where the language parts them with a no-break space (French,
#: Russian: ``16 662 000``), with the word it is bound to, as a number is
_RAISED_NUMBER = re.compile(r"\d+([^\W\d_]+) [^\W\d_]\w*")
_GROUPED_FIGURE = re.compile(r"\d{1,3}(?: \d{3})+(?![\d,.]\d)(?: [^\W\d_]\w*)?")
#: how many of a page's lines start at its own margin, at least, for the page to have one (a
#: page of a table and its footnotes has the document's)
_PAGE_MARGIN_LINES = 5
#: how many of a page's lines, at least, start a first line's indent left of where most of them
#: start, for that column to be the page's margin (a paragraph's second and last lines)
_PAGE_INDENT_LINES = 2
#: the dash of a range of figures (``2013–2022``), after which a line may break with no space
_RANGE_DASH = "–"
#: a range's dash set apart from the figure after it, though not from the word before
#: (``25 April– 6 May``, ``3− 14 June``: LibreOffice's justified footnote line, which pdftotext
#: writes so; DGACM's text never spaces a dash, a minus sign or a hyphen on one side only before
#: a figure: none of about 69,000 in sessions 77 and 79)
_OPEN_RANGE = re.compile(r"(?<=\w)([–−-]) (?=\d)")
#: a hyphen set apart from the word before it and bound to the figure after it (``COVID -19``,
#: ``(2019 -2028)``: a non-breaking hyphen that LibreOffice's justified line spreads from the
#: word before); DGACM's text never has a space there either
_SPACED_HYPHEN = re.compile(r"(?<=\w) (-)(?=\d)")
#: a line's end that is a slash after a word's character: the line broke inside "and/or",
#: "GC.18/Res.9"; not in a web address, which DGACM's texts break after a slash with a space
_SLASH_END = re.compile(r"(?:^| )(?![^ ]*(?:://|www\.))[^ ]*\w/$")
#: figures that end a line after a Chinese or Japanese character (LibreOffice's space between)
_CJK_FIGURES_END = re.compile(rf"[{CJK_TEXT}] ?\d+$")
#: Chinese and Japanese characters and punctuation, which a line may break between
_CJK = re.compile(f"[{CJK_TEXT}]")
#: how much longer than the median line a line is that pdftotext made of two printed lines
#: (it joins a line that ends with a hyphen to the next, dropping the hyphen)
_JOINED_LINE = 1.3
#: how far from where the first printed line ended the joined word may stand, a share of the width
_JOIN_SPREAD = 0.15
#: the most printed lines that a line of pdftotext's joins is looked through for its words
_JOINED_LINES = 4
#: how many columns up to a line's end make its neighbourhood, and the least share of the
#: densest neighbourhood's lines that the neighbourhood of the width holds (see :func:`_full_width`)
_CLIFF_SPAN = 3
_CLIFF_SHARE = 0.15
_CLIFF_LEAST = 5
#: how much narrower a paragraph's first line is printed (UN documents indent it 1.27 cm of a
#: 14–16 cm line), a share of the width
_FIRST_LINE_INDENT = 0.08
#: how much narrower a sub-paragraph's first line is printed: its label stands at the
#: paragraphs' first-line indent and its text a tab further (2.5 cm), a share of the width
_ITEM_FIRST_LINE_INDENT = 0.16
#: a word after a comma inside a line: a clause's first
_CLAUSE = re.compile(r"[,،]\s+([^\W\d_]+)")
#: the fewest first lines of paragraphs opened beyond doubt that show how wide a document's
#: first lines are printed
_FIRST_LINES_SEEN = 5
#: the least share of prose lines that start at a deeper column than the rest, where the first
#: lines of paragraphs are indented
_INDENTED_SHARE = 0.05
#: the widest a hard-wrapped line is (wider lines are a paragraph each), and the fewest pairs of
#: consecutive prose lines that make a text hard-wrapped
_MAX_WRAP_WIDTH = 200
_MIN_WRAPPED_PAIRS = 3
#: the ends of lines: LF, CRLF, CR, and the form feed that ends a page (pdftotext writes one)
_LINE_END = re.compile(r"\r\n?|\n|\f")
#: characters narrower and wider than the average in the faces of printed documents (Times:
#: "i" is 0.28 em, "m" 0.78, the average character of running text about 0.46), as tables that
#: delete them (counted by what ``str.translate`` removes), and by how much, in tenths of a column
#: (whole numbers: a sum of floats can miss a half and round the other way)
_NARROW = str.maketrans("", "", " \u00a0\u202f.,;:'’!|ijltfr()[]/-")
_WIDE = str.maketrans(
    "", "", "mwMW" + "".join(chr(c) for c in [*range(0x41, 0x5B), *range(0xC0, 0xDF), *range(0x400, 0x430)])
)
_NARROWER = 4
_WIDER = 5
#: figures are an en wide, a tenth more than the average character: lines of dates and
#: resolution numbers hold fewer characters
_FIGURE = 1
_TERMINATED = re.compile(r"[,;:.!?،؛。]$")
#: the commas that end a clause inside a sentence (Latin, Arabic, Chinese)
#: a clause's end before the list's last: its semicolon and one word ("; and", "; ou")
_CONJOINED_END = re.compile(r";\s*[^\W\d_]+$")
_COMMAS = (",", "،", "，")
_TRAILING_SUP_WORD = re.compile(r"\^\w+$")
_ROMAN = re.compile(r"^[ivxlc]+$")
#: a counted label with a full stop and the capitalised sentence after it (``Action 3. We will``)
_COUNTED_TITLE = re.compile(r"^[^\W\d_][^\W\d]*(?: [^\W\d_]+){0,2} \d{1,3}\. *[^\W\d_]")
#: an annex's number: an upper-case roman numeral, a number or a capital letter
_NUMERAL = re.compile(r"[IVXLC]+|\d{1,3}|[A-Z]")
_LETTER_BEFORE_ROMAN = {"i": "h", "v": "u", "x": "w", "l": "k", "c": "b"}
_FLAT_HEADING = 9
#: the most lines of one heading that a run of short lines may be (``Part I`` / its title /
#: ``Section 1`` / its title)
_HEADING_RUN = 4
_FULL_STOPS = (".", "。")
#: a section heading's upper-case roman numeral and its title (``VI. Special Rapporteur``)
_ROMAN_HEADING = re.compile(r"^([IVX]+)\.\s+(\S.*)$")
_UPPER_ROMAN = re.compile(r"^[IVX]+\.$")
#: a section's label, an upper-case roman numeral or letter (``B..`` as DGACM's lettered
#: headings may print), and the first letter of its title
_SECTION_TITLE = re.compile(r"^(?:[IVXLC]+|[A-Z])\.{1,2}\s+[^\W\d_]")
#: an entry that opens a line: three or four words and numbers, one a number, and a colon
#: (``Monday, 27 May:``); its first word
_ENTRY = re.compile(r"^(?=[^:]*\d)([^\W_]+)[,\s]{1,2}(?:[^\W_]+[,\s]{1,2}){1,2}[^\W_]+\s?:")
_ENTRY_PART = re.compile(r"[^\W\d_]+|\d+")
#: a capital letter's label, which numbers a sub-paragraph or a lettered section
_SECTION_LETTER = re.compile(r"^[A-Z]\.$")
#: a line all in bold or all in italics, but for a footnote's marker after it (in any of the
#: converters' forms)
_EMPHASISED_LINE = re.compile(rf"^(\*\*?)[^*]+\1 ?(?:[{SUPERSCRIPT_DIGITS}]+|\^\d+|<sup>\d+</sup>|\[\^\w+\])?$")
_QUOTED = re.compile('["“«„‘]')


@dataclass
class _Block:
    kind: Literal["para", "item", "heading", "row"]
    fragments: list[Fragment]
    num: str | None = None
    level: int = 0
    part: Part = "preamble"
    annex: int = -1
    #: a row after a blank line that follows a row: a table of its own (Markdown's tables end at
    #: a blank line; two tables written one after the other are two paragraphs)
    opens_table: bool = False
    #: the bullet a clause opens with, which it has no number for (an annex's keep it in their text)
    bullet: str = ""

    @property
    def span(self) -> tuple[int, int]:
        return self.fragments[0][1], self.fragments[0][2]

    def is_open(self) -> bool:
        """Whether the block's last line leaves it unfinished (no final punctuation); a
        heading still waiting for its text has no line and is not."""
        if not self.fragments or not self.fragments[-1][0] or ends_paragraph(self.fragments[-1][0]):
            return False
        last = self.final_text()
        return not _TERMINATED.search(last) and not last.endswith("»")

    def final_text(self) -> str:
        """The block's last line without the markup, superscript or link target that ends it."""
        last = normalize_typography(without_break(self.fragments[-1][0])).rstrip(" *_" + SUPERSCRIPT_DIGITS)
        return _without_link_target(_without_final_superscript(last).rstrip())


def is_furniture(text: str) -> bool:
    """Whether a line (or a part of one) is a page's furniture by its shape: a job number, a bar
    code, a page number (``2/6``, ``- 2 -``, ``Page 2``), or the first page's "Please recycle"."""
    return _FURNITURE.match(text) is not None or text in recycling_notes()


def _without_final_superscript(text: str) -> str:
    """``text`` without the superscript that ends it (``… 1^{er}``, ``… 39^e``).

    Done by hand: a pattern ending in ``$`` would scan from every ``^{`` to the end of the
    line, quadratic on ``^{^{^{…``; a final ``^{…}`` starts at the first ``^{`` after the
    ``}`` before the last.
    """
    if text.endswith("}"):
        start = text.find("^{", text.rfind("}", 0, len(text) - 1) + 1)
        return text[:start] if start >= 0 else text
    if text.endswith("]"):  # a [^1] marker
        start = text.rfind("[^")
        return text[:start] if start >= 0 and "]" not in text[start:-1] else text
    if text.endswith("</sup>"):
        start = text.rfind("<sup>")
        return text[:start] if start >= 0 else text
    return _TRAILING_SUP_WORD.sub("", text)


def _without_link_target(text: str) -> str:
    """``text`` without the target of a link that ends it (``[77/157,](#)`` → ``[77/157,``): the
    link's words say whether the line is finished. By hand, as :func:`_without_final_superscript`."""
    if text.endswith(")"):
        start = text.rfind("](")
        if start >= 0 and not any(c in text[start + 2 : -1] for c in " ()"):
            return text[:start]
    return text


@dataclass
class _FootnoteDef:
    marker: str
    fragments: list[Fragment]
    used: bool = False


@dataclass
class _Layout:
    header: list[Fragment] = field(default_factory=list)
    formula: Fragment | None = None
    blocks: list[_Block] = field(default_factory=list)
    notes: list[_FootnoteDef] = field(default_factory=list)
    closing: list[Fragment] = field(default_factory=list)
    #: lines are hard-wrapped: a heading may take several lines
    hard_wrapped: bool = False
    #: a thematic break shows where the operative part opens (the text form's mark)
    operative_marked: bool = False
    #: the text indents sub-paragraphs, so that labels say their level themselves
    labels_indented: bool = False


def read_text(source: str, *, file: str | None = None, indented_items: bool = False) -> Resolution:
    """Read a resolution from its text form. Raises :class:`TextSyntaxError` on bad input.
    ``indented_items``: the text indents every sub-paragraph (as the PDF reader writes what
    the page shows), so that a label at the paragraphs' margin numbers a paragraph even where
    no label is indented."""
    if not source.strip():
        raise InputError("the file is empty: expected the text of a resolution", file=file, line=1, column=1)
    forbidden = _FORBIDDEN.search(source)
    if forbidden:
        line, column = position(source, forbidden.start())
        raise InputError(
            f"a control character (U+{ord(forbidden.group()):04X}) in the text: no resolution holds one",
            file=file,
            line=line,
            column=column,
        )
    source = rejoined_cut_lines(logical_text(unboxed_text(source.lstrip("\ufeff"), is_furniture)))
    lines = _LINE_END.split(source)
    ends = [match.group() for match in _LINE_END.finditer(source)]
    if len(lines) > len(ends) and not lines[-1]:
        lines.pop()  # the text's last line end ends a line: no empty line after it
    # a form feed ends a page (pdftotext writes one after each); where the text has none, pages
    # show only by their furniture's shape
    page_ends = {index for index, end in enumerate(ends) if end == "\f"}
    lang, formula_index = find_formula(lines, file)

    def page_end(index: int) -> bool:
        return index in page_ends or is_furniture(lines[index].strip())

    lines = unglue_furniture(lines, formula_index + 1, page_ends, is_furniture)
    lines, page_ends = reorder_last_page(lines, formula_index + 1, page_ends, is_furniture, lang)
    lines = restore_line_order(lines, formula_index + 1, page_ends)
    lines = restore_stray_words(lines, formula_index + 1, page_ends)
    # endings first: a number set apart from its ending (``du 1 er avril``) would pass for a
    # footnote marker set apart from its word
    lines = join_raised_endings(lines, lang)
    marked = restore_markers(
        lines,
        formula_index + 1,
        page_end,
        lang.decimal_separator,
        lang.month_numbers,
        lang.numbered_words,
        lang.raised_endings,
        lang.number_conjunctions,
        lang.unmarked_words,
    )
    with reading_session(document_session(marked[:formula_index]), marked):
        layout = _lay_out(marked, formula_index, lang, file, page_ends, indented_items)
    return _build(layout, lang, file)


@dataclass
class _Page:
    """What the body's lines say of the printed page: the running headers and footers to drop,
    and the width of hard-wrapped lines (0 where lines are not hard-wrapped)."""

    furniture: set[int]
    width: int
    #: how often each word occurs in the body but at a line's start, as written (a paragraph's
    #: opening word seldom does; a name that a line wrap put first does)
    words: Counter[str] = field(default_factory=Counter)
    #: how often each word is the first after a paragraph number at a line's start ("7. Se
    #: félicite"), counted in ``words`` but an opening word as much as one at a line's start
    numbered_openings: Counter[str] = field(default_factory=Counter)
    #: how often each word of ``words`` ends a line about as wide as the body (a printed line
    #: that pdftotext joined at a hyphen may be estimated no wider): there it may be a join, and
    #: says nothing of how the document writes it
    line_ends: Counter[str] = field(default_factory=Counter)
    #: the last word of each such line, by the line's index
    last_words: dict[int, str] = field(default_factory=dict)
    #: whether the converter may have joined lines that ended with a hyphen (pdftotext does; no
    #: line is left ending with one before a word in lower case)
    joins: bool = True
    #: whether some line is far wider than the body: printed lines that the converter joined
    joined: bool = False
    vocabulary: set[str] = field(default_factory=set)
    #: the compounds of the document, as "a-b", and their halves, as "a-" and "-b"
    hyphenated: set[str] = field(default_factory=set)
    #: the document's words that are pdftotext's joins by their case and the compound lexicon
    #: (see :func:`.hyphens.unjoined`): looked for in every line, where most documents have none
    unjoined: frozenset[str] = frozenset()
    lang: Language | None = None
    #: whether first lines are indented deeper than the margin (the column where most of a
    #: page's lines start)
    indent: bool = False
    #: where each line ends, in columns (:func:`_end_column`), where lines are hard-wrapped
    columns: list[int] = field(default_factory=list)
    #: the margin of each line's page, where lines are hard-wrapped
    margins: list[int] = field(default_factory=list)
    #: the document's title as the header prints it (see :func:`_title_key`), where lines are
    #: hard-wrapped
    title: str = ""

    def opens_nothing(self, word: str) -> bool:
        """Whether a word in lower case at a hard-wrapped line's start is a sentence's, which a
        justified line, estimated short, put first: the language opens every paragraph with a
        capital."""
        return bool(self.width) and self.lang is not None and self.lang.opens_in_capitals and word[:1].islower()


def _page_margins(
    lines: list[str], prose_lines: list[int], boundaries: list[int], margin: int, step: int = 0
) -> list[int]:
    """The margin of each line's page: the column where most of the page's lines start (where
    the text shows no pages, or too few of a page's lines start in one column, ``margin``).
    Where most of a page's lines are first lines (short paragraphs, headings), they start
    ``step`` deeper than the page's margin, the document's first-line indent: the margin is
    then where the page's other lines start, ``step`` columns to the left."""
    margins = [margin] * len(lines)
    prose = iter(prose_lines)
    index = next(prose, None)
    first = 0
    for end in boundaries or [len(lines) - 1]:
        starts: Counter[int] = Counter()
        while index is not None and index <= end:
            starts[len(lines[index]) - len(lines[index].lstrip()) + 1] += 1
            index = next(prose, None)
        page_margin = min(starts, key=lambda column: (-starts[column], column)) if starts else margin
        held = starts[page_margin]
        if step and starts[page_margin - step] >= _PAGE_INDENT_LINES:
            page_margin -= step
            held += starts[page_margin]
        if held >= _PAGE_MARGIN_LINES:
            margins[first : end + 1] = [page_margin] * (end + 1 - first)
        first = end + 1
    return margins


def _edges(lines: list[str], start: int, end: int) -> list[int]:
    """The first lines with words on either side of the page break after line ``end``."""
    found: list[int] = []
    for step, index in ((-1, end), (1, end + 1)):
        taken = 0
        while start <= index < len(lines) and taken < _EDGE_LINES:
            if lines[index].strip():
                found.append(index)
                taken += 1
            index += step
    return found


def _edge_key(line: str) -> str:
    """A line at a page's edge as it repeats from page to page: its page number, if it has
    one number, left out (a line with more numbers, such as a date, must repeat as it is)."""
    stripped = line.strip()
    return _EDGE_NUMBERS.sub("#", stripped) if len(_EDGE_NUMBERS.findall(stripped)) == 1 else stripped


def _end_column(raw: str) -> int:
    """Where a line's words end, in columns of an average letter's width: a converter that
    writes the printed lines keeps the proportional face's widths, so that a full line of narrow
    letters holds more characters than one of capitals and wide letters. Spaces that pad or
    indent a line are a column each (a justified line is padded to the full width)."""
    text = raw.rstrip()
    words = text.lstrip(" ")
    narrow = len(words) - len(words.translate(_NARROW))
    wide = len(words) - len(words.translate(_WIDE))
    figures = sum(map(words.count, "0123456789"))  # ten counts cost less than one more translate
    full = len(_CJK.findall(words))
    return round((10 * len(text) - _NARROWER * narrow + _WIDER * wide + _FIGURE * figures + 10 * full) / 10)


def _prefix_columns(line: str) -> list[int]:
    """:func:`_end_column` of every prefix of ``line`` (``line[:i]`` at ``i``), in one pass (in
    tenths of a column, as the weights are)."""
    narrow, wide, figure = 10 - _NARROWER, 10 + _WIDER, 10 + _FIGURE
    sums = [0]
    leading = True
    for char in line:
        leading = leading and char == " "
        if leading:
            weight = 10  # indenting spaces are a column each
        elif not char.translate(_NARROW):
            weight = narrow
        elif not char.translate(_WIDE):
            weight = wide
        elif _CJK.match(char):
            weight = 20
        else:
            weight = figure if char in "0123456789" else 10
        sums.append(sums[-1] + weight)
    ends = []
    stripped = 0  # where the prefix ends without its final spaces
    for index in range(len(line) + 1):
        if index and not line[index - 1].isspace():
            stripped = index
        ends.append(round(sums[stripped] / 10))
    return ends


def _survey(
    lines: list[str], start: int, page_ends: set[int], symbols: set[str], title: str | None, lang: Language
) -> _Page:
    """The running headers and footers at the pages' edges, and whether lines are hard-wrapped.

    A line at a page's edge is a running header or footer when it is made of such parts (the
    symbol, the title, a page number, a job number, spread apart on one line as ``pdftotext
    -layout`` writes them), or when it stands at the edges of two pages or more (a page number
    aside: ``Page 2``, ``Page 3``), apart from the page's text by a blank line."""
    # the title as the running header prints it, whatever its line breaks
    title_key = normalize_typography(title).replace(" ", "") if title else None
    boundaries = sorted(page_ends | {len(lines) - 1}) if page_ends else []
    edge_lines = {index for end in boundaries for index in _edges(lines, start, end)}
    seen = Counter(_edge_key(lines[index]) for index in edge_lines)
    repeated = {key for key, count in seen.items() if count > 1}

    def running(index: int, inward: int) -> bool:
        # a repeated line stands apart from the page's text (a footnote's last line may repeat)
        apart = not 0 <= index + inward < len(lines) or not lines[index + inward].strip()
        # but an annex's own heading ("Annex", "Annex II") that opens a page, as each annex
        # does, is the document's: it repeats at a page's top once per annex
        if (
            index in edge_lines
            and apart
            and _edge_key(lines[index]) in repeated
            and not _names_annex(lines[index])
            and not _PARAGRAPH_NUMBER.fullmatch(lines[index].strip())
        ):
            return True
        # what is not a page number, job number or symbol is the title, which wide spaces inside
        # it ("no  14") may split too
        rest = [
            piece for piece in _SPREAD.split(lines[index].strip()) if not is_furniture(piece) and piece not in symbols
        ]
        return not rest or normalize_typography("".join(rest)).replace(" ", "") == title_key

    furniture: set[int] = set()
    for end in boundaries:
        for step, index in ((-1, end), (1, end + 1)):
            while start <= index < len(lines) and (not lines[index].strip() or running(index, step)):
                if lines[index].strip():
                    furniture.add(index)
                index += step
    ends: Counter[int] = Counter()
    prose_lines: list[int] = []
    pairs = 0
    previous_prose = False
    for index in range(start, len(lines)):
        raw = lines[index]
        stripped = raw.strip()
        prose = bool(stripped) and index not in furniture and not stripped.startswith("|")
        if prose:
            ends[len(raw.rstrip())] += 1
            prose_lines.append(index)
            pairs += previous_prose
        previous_prose = prose
    # lines counted in characters first: printed widths are estimated only for text that may be
    # hard-wrapped (a long line costs its length again)
    if pairs < _MIN_WRAPPED_PAIRS or _wrap_width(ends) > _MAX_WRAP_WIDTH:
        return _Page(furniture, 0, lang=lang)
    columns = [0] * start + [_end_column(line) for line in lines[start:]]
    width = _wrapped_width(lines, prose_lines, columns, _full_width(Counter(columns[index] for index in prose_lines)))
    starts = Counter(len(lines[index]) - len(lines[index].lstrip()) + 1 for index in prose_lines)
    margin = min(starts, key=lambda column: (-starts[column], column))
    # the first-line indent: how much deeper than the line before a line most often starts (a
    # paragraph's first line after another's last), whatever each page's offset
    steps: Counter[int] = Counter()
    for before, after in zip(prose_lines, prose_lines[1:], strict=False):
        step = len(lines[after]) - len(lines[after].lstrip()) - len(lines[before]) + len(lines[before].lstrip())
        if after == before + 1 and step > 0:
            steps[step] += 1
    indent = min(steps, key=lambda step: (-steps[step], step)) if steps else 0
    # pdftotext -layout sets each page's text apart from the page's edge by its own offset: the
    # margin is each page's
    margins = _page_margins(lines, prose_lines, boundaries, margin, indent)
    deeper = sum(len(lines[index]) - len(lines[index].lstrip()) + 1 > margins[index] for index in prose_lines)
    page = _Page(furniture, width, lang=lang, indent=deeper >= _INDENTED_SHARE * starts.total())
    page.title = _title_key(title) if title else ""
    page.columns, page.margins = columns, margins
    page.joined = any(columns[index] > _JOINED_LINE * width for index in prose_lines)
    words: list[str] = []
    for index in range(start, len(lines)):
        line, column = lines[index], columns[index]
        if column > width:
            # printed lines that pdftotext joined: their words may be joined too where a printed
            # line ended, and are written so elsewhere (a line of more than a few printed lines
            # is no such join, and would cost its length for each of its words)
            if column <= _JOINED_LINES * width:
                at = _prefix_columns(line)
                words.extend(
                    match.group()
                    for match in _LETTERS.finditer(line)
                    if match.start() > 0 and not _at_join(at[match.start()], at[match.end()], width)
                )
            continue
        found = _WORD.findall(line)
        if _hyphenated_end(ended := line.rstrip()):
            found.pop()  # the first half of a word hyphenated at the line's end
            # pdftotext joins such a line to the next: one left so means that nothing was joined
            following = lines[index + 1].lstrip()[:1] if index + 1 < len(lines) else ""
            page.joins = page.joins and not (ended[-2:-1].isalpha() and following.islower())
        elif len(found) > 1 and column >= (1 - _JOIN_SPREAD) * width and (last := _last_word(line)):
            page.line_ends[last] += 1
            page.last_words[index] = last
        if len(found) > 1 and _NUMBERED.match(line.lstrip()):
            page.numbered_openings[found[1]] += 1
        for place, word in enumerate(found):
            if "-" not in word:
                if place:  # a line's first word may be the second half of a hyphenated word
                    words.append(word)
                continue
            parts = word.split("-")
            words.extend(parts[place == 0 :])
            joints = [(a.lower(), b.lower()) for a, b in zip(parts, parts[1:], strict=False)]
            page.hyphenated.update(f"{a}-{b}" for a, b in joints)
            page.hyphenated.update(f"{a}-" for a, _ in joints)
            page.hyphenated.update(f"-{b}" for _, b in joints)
    page.words = Counter(words)
    page.vocabulary = {word.lower() for word in page.words}
    written = set(_LETTERS.findall("\n".join(lines[start:])))
    page.unjoined = frozenset(w for w in written if not w[1:].islower() and unjoined(w, lang) is not None)
    return page


def _close_ranges(line: str) -> str:
    if " -" in line:
        line = _SPACED_HYPHEN.sub(r"\1", line)
    return _OPEN_RANGE.sub(r"\1", line) if "- " in line or "– " in line or "− " in line else line


def _in_address(line: str, start: int, end: int) -> bool:
    """Whether the word from ``start`` to ``end`` of ``line`` stands in a web address (or its
    path: the converter may have put a space after a slash) whose words hyphens join
    (``documents/country-reports/forced-labour-…``)."""
    first = line.rfind(" ", 0, start) + 1
    last = line.find(" ", end)
    token = line[first : last if last >= 0 else len(line)]
    return in_address(token)


def _last_word(line: str) -> str:
    """The letters of a line's last word, but for the punctuation and marker after them."""
    letters = _LETTERS.findall(line[line.rstrip().rfind(" ") + 1 :])
    return letters[-1] if letters else ""


def _runs_on(line: str, lines: Sequence[str], index: int) -> bool:
    """Whether a body line stops inside a sentence: it ends with a letter, or the next line goes on
    in lower case (not with a sub-paragraph's label, ``b)``). Its last printed line is then a full
    one, not a paragraph's short last line."""
    if line[-1:].isalpha():
        return True
    following = lines[index + 1].lstrip() if index + 1 < len(lines) else ""
    return following[:1].islower() and not _ITEM.match(following)


def _restore_hyphens(line: str, page: _Page, lines: Sequence[str], index: int) -> str:
    """A hard-wrapped line (the body's line at ``index``) with the hyphens put back that pdftotext
    dropped where it joined printed lines at one. Anywhere, a word that UN texts write only with
    a hyphen, and that a capital shows to be two words, gets it back
    (:func:`.hyphens.unjoined`: ``SecretaryGeneral`` on a paragraph's short last line). Where a
    printed line ended, the joined word stands: about ``k`` widths from the start in a line
    longer than the width (each printed line may end a little short of it, so that the ``k``-th
    join may stand ``k - 1`` times that short), or last on a line about as wide (an estimate
    of printed widths may put a joined line no wider). There, a word written so at no other
    place (a place where a line ends is none: it may be another join) gets its hyphen back
    where it is a compound at one of its joints (see :func:`.hyphens.joins_compound`; at a
    line's end, where most words are no join, not by its case alone:
    ``HautCommissariat``, ``seventyeighth``; a hanging hyphen before a conjunction comes back
    with its space)."""
    joined = page.joins and page.columns[index] > page.width
    # a joined line whose last printed line is full has had its last join a full line before its
    # end: a word after that is no join, however near an estimated one. A full line may end up to
    # a spread short of the width, and its estimate be off by as much again
    last_join = math.inf
    if joined and _runs_on(line, lines, index):
        last_join = page.columns[index] - (1 - 2 * _JOIN_SPREAD) * page.width
    last = page.last_words.get(index, "") if page.joins else ""
    if len(last) < 4 or page.words[last] > page.line_ends[last]:
        last = ""  # most lines end with a word written elsewhere: no join to look for
    if not joined and not last and (not page.unjoined or not any(word in line for word in page.unjoined)):
        return line
    if joined:
        line = _YEAR_PAIR.sub(lambda pair: _year_range(pair, line, page.width), line)
        if _A_FIGURE.search(line):
            line = _GLUED_FIGURES.sub(lambda glued: _figures_compound(glued, line, page), line)
    # the words that a phrase of the lexicon spells its own way
    phrased = lexicon(page.lang.code).phrased if page.lang is not None else frozenset()
    out: list[str] = []
    at = 0
    ends: list[int] = []  # each prefix's end column, in one pass: a long line has many words
    for match in _LETTERS.finditer(line):
        word = match.group()
        if word in page.unjoined and (place := unjoined(word, page.lang)) is not None:
            out.append(line[at : match.start() + place] + "-")
            at = match.start() + place
            continue
        written = page.words[word] > page.line_ends[word]
        if (written and word.lower() not in phrased) or (len(word) < 4 and not joined):
            continue
        if joined:
            ends = ends or _prefix_columns(line)
            if not _at_join(ends[match.start()], ends[match.end()], page.width) or ends[match.start()] > last_join:
                continue
        elif word != last or match.end() < len(line.rstrip()) - 4:
            continue
        if written:
            # the document writes the word so elsewhere: only a phrase that spells it its own
            # way tells that this one lost a hyphen ("Organisation for Economic Cooperation")
            if (place := phrase_hyphen(word, line[: match.start()], page.lang)) is not None:
                out.append(line[at : match.start() + place] + "-")
                at = match.start() + place
            continue
        if len(word) < 4:
            # a short word is as often a word's syllables: only the document's own compound
            # tells ("(S-VI)" elsewhere in a text that has "(SVI)" at a join)
            if (place := _written_hyphenated(word, page)) is not None:
                out.append(line[at : match.start() + place] + "-")
                at = match.start() + place
            continue
        # the document writes the word as one elsewhere, in another case
        written_closed = any(page.words[form] > page.line_ends[form] for form in {word.lower(), word.capitalize()})
        address = _in_address(line, match.start(), match.end())
        for cut in range(1, len(word) - 1):
            head, rest = word[:cut], word[cut:]
            # a hanging hyphen follows a word, not a letter ("land": no "l- and")
            suspended = cut > 1 and suspends_hyphen(
                head, rest, vocabulary=page.vocabulary, hyphenated=page.hyphenated, lang=page.lang
            )
            if (
                suspended
                or joins_compound(
                    head,
                    rest,
                    vocabulary=page.vocabulary,
                    hyphenated=page.hyphenated,
                    lang=page.lang,
                    by_case=joined,
                    written_closed=written_closed,
                    before=line[: match.start()],
                )
                # an address is never hyphenated by the typesetter: a line that ended inside one
                # with a hyphen ended with its own, between two of the document's words
                or (
                    address
                    and min(len(head), len(rest)) >= _HALF_WORD
                    and {head.lower(), rest.lower()} <= page.vocabulary
                )
            ):
                out.append(line[at : match.start() + cut] + ("- " if suspended else "-"))
                at = match.start() + cut
                break
        else:
            place = lost_hyphen(word, vocabulary=page.vocabulary, hyphenated=page.hyphenated, lang=page.lang)
            if place is None and address:
                place = address_cut(word, vocabulary=page.vocabulary, lang=page.lang)
            if place is None and (elision := _ELIDED.match(line, match.end())):
                place = elided_cut(word, elision[1], vocabulary=page.vocabulary, lang=page.lang)
            if place is not None:
                out.append(line[at : match.start() + place] + "-")
                at = match.start() + place
    return "".join(out) + line[at:]


def _written_hyphenated(word: str, page: _Page) -> int | None:
    """Where the document writes ``word`` with a hyphen, and never as one word (lower case),
    or None."""
    lower = word.lower()
    if lower in page.vocabulary:
        return None
    return next((cut for cut in range(1, len(word)) if f"{lower[:cut]}-{lower[cut:]}" in page.hyphenated), None)


def _year_range(pair: re.Match[str], line: str, width: int) -> str:
    """A range of years whose hyphen ended a printed line (``2016-`` / ``2025``), which pdftotext
    joined into one number, where it stands at a join: the later year second."""
    start, end = _end_column(line[: pair.start()]), _end_column(line[: pair.end()])
    if pair[1] < pair[2] and _at_join(start, end, width):
        return f"{pair[1]}-{pair[2]}"
    return pair[0]


def _figures_compound(glued: re.Match[str], line: str, page: _Page) -> str:
    """Letters and figures glued together (``COVID19``, ``COVID-19induced``) in a line of
    printed lines that pdftotext joined, where they stand at a join: a compound whose hyphen
    ended the printed line, where the document writes the two with a hyphen elsewhere
    (``COVID-19``), or the letters as a compound's first half (``post-conflict``, then
    ``post2020``), or the figures before a word of the document's or the language's
    (``induced``). Names glued to figures (``G20``, ``H5N1``) are written so, and no such
    evidence splits them."""
    letters, figures = (glued[1], glued[2]) if glued[1] else (glued[4], glued[3])
    if not _at_join(_end_column(line[: glued.start()]), _end_column(line[: glued.end()]), page.width):
        return glued[0]
    head, rest = (letters.lower(), figures) if glued[1] else (figures, letters)
    if f"{head}-{rest}" in page.hyphenated:
        return f"{glued[0][: len(head)]}-{rest}"
    if glued[1]:
        compound = letters.islower() and len(letters) >= 3 and f"{head}-" in page.hyphenated
    else:
        compound = letters.islower() and (
            page.words[letters] > page.line_ends[letters] or bool(known_word(letters, page.lang))
        )
    return f"{glued[0][: len(head)]}-{glued[0][len(head) :]}" if compound else glued[0]


def _at_join(start: int, end: int, width: int) -> bool:
    """Whether a word from column ``start`` to ``end`` of a line longer than ``width`` (printed
    lines that pdftotext joined) stands where a printed line ended: about ``k`` widths from the
    line's start, each printed line ending up to ``_JOIN_SPREAD`` of the width short of it."""
    spread = _JOIN_SPREAD * width
    # the k-th end is reached by words from ever further columns, and passed by ever fewer: the
    # first k that the word's start reaches is the one to try (trying every k made a long line's
    # words quadratic)
    k = max(1, math.ceil((start - spread) / width))
    while k > 1 and start - spread <= (k - 1) * width:
        k -= 1
    while start - spread > k * width:
        k += 1
    return k <= end // width + 1 and k * width - (k - 1) * spread <= end + spread


def _hyphenated_end(text: str) -> str:
    """The word before a hyphen (or soft hyphen) that ends ``text``, or "". Scanned backwards by
    hand: a pattern ending in ``$`` would be tried from every position of a long word."""
    if not text.endswith(("-", "\u00ad")):
        return ""
    start = end = len(text) - 1
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:end]


def _wrap_width(ends: Counter[int], longest: float | None = None) -> int:
    """The width lines were wrapped at: the widest end that a fiftieth of the lines reach (a long
    word or a line the converter could not wrap stands out alone), among lines no longer than
    ``longest``, by default lines not far longer than the median one."""
    needed = max(2, sum(ends.values()) // 50)
    reached = 0
    if longest is None:
        # lines far longer than most are two printed lines that pdftotext joined at a hyphen
        ordered = sorted(ends.elements())
        longest = _JOINED_LINE * ordered[len(ordered) // 2] if ordered else 0
    for end in sorted((end for end in ends if end <= longest), reverse=True):
        reached += ends[end]
        if reached >= needed:
            return end
    return max(ends, default=0)


def _full_width(ends: Counter[int]) -> int:
    """The width of hard-wrapped lines, where some are two printed lines that pdftotext joined.

    Greedy filling ends the full lines within a few columns short of the width, so that many
    lines end in each of those columns and few beyond: a line beyond is one that pdftotext
    joined at a hyphen (a tenth of the lines, spread over a width's worth of columns, and
    gathered again about twice the width), or a word that could not be broken. Going up from
    the densest neighbourhood (``_CLIFF_SPAN`` columns up to an end) among the longer half of
    the lines, the lines stop ending densely where a neighbourhood holds less than
    ``_CLIFF_SHARE`` of it; the width is taken (:func:`_wrap_width`) among the lines up to
    there, and a little beyond for the estimate's error. Too few lines for densities: among
    lines not far longer than the median."""
    ordered = sorted(ends.elements())
    if not ordered:
        return 0
    median = ordered[len(ordered) // 2]

    def held(column: int) -> int:
        return sum(ends[c] for c in range(column - _CLIFF_SPAN + 1, column + 1))

    peak = max((c for c in ends if c >= median), key=lambda c: (held(c), c))
    if held(peak) < _CLIFF_LEAST:
        return _wrap_width(ends)
    needed = max(2, _CLIFF_SHARE * held(peak))
    dense = peak
    while held(dense + 1) >= needed:
        dense += 1
    return _wrap_width(ends, dense + _CLIFF_SPAN - 1)


def _wrapped_width(lines: list[str], prose_lines: list[int], columns: list[int], estimate: int) -> int:
    """The width of hard-wrapped lines, checked against the lines that a sentence goes on after
    (the next line opens in lower case): the wrap ended them, so that they end about at the
    width. Where most of them end beyond ``estimate`` (:func:`_full_width`), the densest ends
    were the short lines' (a short resolution of a schedule's short lines), and the width is
    where those lines end, taken as :func:`_wrap_width` takes it (a line that pdftotext joined
    at a hyphen stands out); elsewhere the few beyond are such joins, and the estimate stands."""
    ends: Counter[int] = Counter()
    for before, after in zip(prose_lines, prose_lines[1:], strict=False):
        # the first character says it (pdftotext's lines hold no markup to strip first)
        if after == before + 1 and lines[after].lstrip()[:1].islower() and not _hyphenated_end(lines[before]):
            ends[columns[before]] += 1
    beyond = sum(count for end, count in ends.items() if end > estimate)
    return _wrap_width(ends) if 2 * beyond > ends.total() else estimate


def _cjk_join(before: str, after: str) -> bool:
    """Whether a line break between these two characters stands for no space: next to a
    Chinese or Japanese character, also after or before Western punctuation (``"选``,
    ``》(``), but not after a footnote marker ("[^4] 其中")."""
    pair = (before, after)
    return any(_CJK.match(c) for c in pair) and all(
        not c.isspace() and c not in SUPERSCRIPT_DIGITS and c not in "]^" for c in pair
    )


def _rejoin(previous: Fragment, fragment: Fragment, page: _Page, earlier: str = "") -> tuple[Fragment | None, Fragment]:
    """Two lines of one paragraph, where their join is not a space.

    A word hyphenated across them is put back on the second line, with its hyphen where that is
    a compound's (see :func:`.hyphens.keeps_hyphen`; a soft hyphen never is). Lines that a
    Chinese or Japanese character ends or starts join with no space, but next to punctuation;
    so do lines that a slash in a word ends (``и/`` ``или``, ``GC.18/`` ``Res.9``): a line
    may break after a slash, and there is no space there; and a range of figures broken after
    its en dash (``1–`` ``3 ноября``), which pdftotext does not join as it joins a hyphen's, and
    a number or a symbol broken between its figures in Chinese text, where a line may break
    anywhere (``10 月 2`` ``8 日``, ``第 72`` ``/241 号``).
    The first line is None when nothing is left of it; ``earlier`` is the line before the
    first, whose words may begin the phrase that a hyphenated word ends.
    """
    text, line, column = fragment
    left = _hyphenated_end(previous[0])
    right = _FIRST_WORD.match(text)
    # a footnote marker glued to the word is no part of it
    tail = right.group().rstrip(SUPERSCRIPT_DIGITS) if right is not None else ""
    if left and right is not None and tail:
        before = previous[0][: -len(left) - 1]
        chained = before.endswith("-") or text[right.end() : right.end() + 1] == "-"
        soft = previous[0].endswith("\u00ad")
        if not soft and suspends_hyphen(
            left, tail, vocabulary=page.vocabulary, hyphenated=page.hyphenated, lang=page.lang
        ):
            hyphen = "- "  # a hyphen left hanging: "low- and middle-income"
        else:
            keeps = keeps_hyphen(
                left,
                tail,
                chained=chained,
                vocabulary=page.vocabulary,
                hyphenated=page.hyphenated,
                lang=page.lang,
                before=f"{earlier} {before}",
            )
            hyphen = "-" if keeps and not soft else ""
        cut = previous[0].rfind(" ") + 1
        joined = previous[0][cut:-1] + hyphen
    elif (
        _cjk_join(previous[0][-1:], text[:1])
        or _SLASH_END.search(previous[0])
        or (previous[0].endswith(_RANGE_DASH) and previous[0][-2:-1].isalnum() and text[:1].isdigit())
        or ((text[:1].isdigit() or text[:1] == "/") and _CJK_FIGURES_END.search(previous[0]) is not None)
    ):
        cut = previous[0].rfind(" ") + 1
        joined = previous[0][cut:]
    else:
        return previous, fragment
    rest = previous[0][:cut].rstrip()
    if not rest:
        return None, (joined + text, previous[1], previous[2])
    return (rest, previous[1], previous[2]), (joined + text, line, column - len(joined))


Continuation = Literal["joins", "starts", "doubt"] | None


def _continue(fragments: list[Fragment], fragment: Fragment, page: _Page) -> None:
    """Add a hard-wrapped line to the lines of a paragraph or footnote, rejoining what the wrap
    split (see :func:`_rejoin`)."""
    if page.width and fragments:
        kept, fragment = _rejoin(fragments.pop(), fragment, page, fragments[-1][0] if fragments else "")
        fragments.extend([kept] if kept else [])
    fragments.append(fragment)


def _goes_on_at_margin(page: _Page, current: _Block, text: str, column: int, margin: int) -> bool:
    """Whether a line after a blank line goes on the paragraph before it all the same: where
    first lines are indented, one at the margin after an unfinished line, no label of a list
    (``pdftotext -layout`` writes a raised marker that a line's first word bears on a line of its
    own, a blank line after it, before the line)."""
    return page.indent and column <= margin and current.is_open() and not _ITEM.match(text)


def _wrapped_continuation(
    page: _Page,
    current: _Block | None,
    text: str,
    column: int,
    margin: int,
    blank: bool,
    page_break: bool,
    last_end: int,
    series: _Block | None = None,
) -> Continuation:
    """What hard wrapping says of a line (starting at ``column``, on a page whose margin is
    ``margin``) after ``current``'s last line: it ``joins`` it, it ``starts`` a paragraph, or
    there is ``doubt`` (the last line, which ended at ``last_end``, was about full and ended as a
    paragraph ends); None where lines are not hard-wrapped. ``series`` is the paragraph that
    ``current`` goes on where it was opened in doubt. Where the first lines of paragraphs
    are indented, the indent tells; otherwise whether the line's first word would have fitted on
    the last, with a margin for the estimate of printed widths (see :func:`_end_column`)."""
    if not page.width or current is None or current.kind not in ("para", "item") or not current.fragments:
        return None
    if blank and not page_break and not _goes_on_at_margin(page, current, text, column, margin):
        return "starts"
    # a sub-paragraph's lines after its first stand indented (past the margin, short of its
    # text's first column): there the indent does not tell, the width does. Where its lines went
    # back to the margin, a line at the first lines' indent opens a block, unless it goes on a
    # sentence: a line that took back the word the wrap split off the line before stands at
    # that word's column (see :func:`_rejoin`), which may seem to be the margin
    in_item = (
        page.indent
        and current.kind == "item"
        and margin < column < current.fragments[0][2]
        and (_starts_lower(text) or not _back_at_margin(current, margin))
    )
    if page.indent and not in_item:
        # paragraphs printed with an indented first line, the rest at the margin
        return "starts" if column > margin else "joins"
    last = current.fragments[-1]
    if current.is_open() and _starts_lower(text) and not _ITEM.match(text):
        # a sentence goes on: a paragraph opens with a capital, a number or a label, not after a
        # line left unfinished (a printed line's width is estimated, and may seem short)
        return "joins"
    if _numbered_clause_goes_on(current, text, series) or _closes_parenthesis(current, text):
        return "joins"
    bare = strip_markup(text)
    word = _BOUND_NUMBER.match(bare) or _BREAKABLE.match(bare)
    bound = (page.lang.bound_phrase(bare) or _grouped_figure(bare, page.lang)) if page.lang is not None else ""
    first = bound or (word.group() if word else "")
    width = page.width
    if (current.kind == "item" or _goes_on_item(current, series)) and len(current.fragments) > 1:
        # a sub-paragraph printed indented: its lines are full where the wrap ended its earlier
        # lines, short of the page's width
        width = min(width, max(page.columns[line - 1] for _, line, _ in current.fragments[:-1]))
    room = width - last_end - 1
    if len(current.fragments) == 1 and not _counted_title(current):
        # indented on paper, where the text does not show it; of a sub-paragraph's label and tab,
        # the text shows what stands on the line before its words (``(b) The …``; pdftotext
        # writes a label set apart by a wide tab on a line of its own)
        shown = current.fragments[0][2] - 1 if current.kind == "item" else 0
        indent = _ITEM_FIRST_LINE_INDENT if current.kind == "item" else _FIRST_LINE_INDENT
        room -= max(0, round(indent * page.width) - shown)
    doubt = page.lang.width_doubt if page.lang else WIDTH_DOUBT
    if _end_column(first) <= room - doubt * page.width:
        in_doubt = _lower_after_paragraph(current, text, page) or (
            # a lettered section's one-line title before a paragraph's opening is no
            # sub-paragraph's first line ("A. Base salary scale" / "Recalling …")
            _unfinished_label_line(current) and not _after_section_title(current, bare, page)
        )
        return "doubt" if in_doubt else "starts"
    if in_item and _starts_lower(text):
        return "joins"  # a sub-paragraph's sentence goes on (a paragraph would open with a capital)
    open_title = _title_goes_on(current)
    if (current.is_open() or open_title) and (
        _after_section_title(current, bare, page)
        or any(_counts_on(block, bare) for block in (current, series) if block)
    ):
        return "starts"  # an unfinished title's end, or the next of a series ("Panel 1: …" / "Panel 2: …")
    if current.is_open() and page.lang is not None and bare[:1].isupper() and _listed_opening(page.lang, bare):
        # a sentence does not go on with a capitalised paragraph opening: the paragraph before
        # lost its final punctuation (DGACM's, after a quotation: "… 2020”" / "Taking note …")
        return "doubt"
    return "joins" if current.is_open() or open_title or _hyphenated_end(last[0]) else "doubt"


def _closes_parenthesis(current: _Block, text: str) -> bool:
    """Whether a line closes a parenthesis that the block's text left open (``… (Statute of the
    Court,`` / ``Article 31), not exceeding …``): no paragraph opens inside another's
    parentheses, whatever the estimate of the last line's width says (a sub-paragraph's text set
    a tab apart from its label prints narrower than the text shows). A label's parenthesis
    (``b) …``) closes none."""
    closing = text.find(")")
    if closing < 0 or "(" in text[:closing] or _ITEM.match(text) or _LABEL_ALONE.match(text):
        return False
    depth = 0
    for fragment, _, _ in current.fragments:
        depth += fragment.count("(") - fragment.count(")")
    return depth > 0


def _title_goes_on(block: _Block) -> bool:
    """Whether a block that opens with a section's label and title ends its last line with a
    comma (``IV. Office of the Envoy for Rivers, Lakes,`` / ``Deltas and Estuaries``): a title
    has no final punctuation, and goes on where its next word would not have fitted, as an
    unfinished line does."""
    if block.kind not in ("para", "item") or not block.fragments or not block.final_text().endswith(","):
        return False
    first = strip_markup(block.fragments[0][0])
    return _SECTION_TITLE.match(f"{block.num} {first}" if block.num else first) is not None


def _counted_title(block: _Block) -> bool:
    """Whether an unnumbered paragraph opens with a counted label and a full stop (``Action 3.
    We will …``): a title's, printed in bold at the margin, not indented as a paragraph's first
    line (see :func:`_mark_counted_titles`)."""
    return block.kind == "para" and block.num is None and _COUNTED_TITLE.match(_first_text(block)) is not None


def _lower_after_paragraph(current: _Block, text: str, page: _Page) -> bool:
    """Whether a line in lower case follows a paragraph in a language whose paragraphs open
    with a capital: the estimated width, which says the line's first word would have fitted,
    is in doubt (a justified line spread wide is estimated short), and the document's own
    openings settle it. A sub-paragraph is left out: a paragraph may go on in lower case after
    its list (``… ;`` / ``and demands that …``), and so is a paragraph that itself opens in lower
    case (a table's notes, ``a See …`` / ``b Reflects …``)."""
    return (
        current.kind == "para"
        and page.lang is not None
        and page.lang.opens_in_capitals
        and _starts_lower(text)
        and not _starts_lower(_first_text(current))
    )


def _grouped_figure(text: str, lang: Language) -> str:
    """The figure in groups of three that a line opens with, where the language binds its
    groups (``16 662 000 dollars``), or a number with its raised ending and the word it is
    bound to (``1er novembre``), or ""."""
    grouped = _GROUPED_FIGURE.match(text) if lang.group_separator.isspace() else None
    if grouped:
        return grouped.group()
    raised = _RAISED_NUMBER.match(text)
    return raised.group() if raised and raised.group(1) in lang.raised_endings else ""


def _goes_on_item(current: _Block, series: _Block | None) -> bool:
    """Whether an unnumbered block opened in doubt after a sub-paragraph may be its lines (then
    printed as indented as the sub-paragraph's)."""
    return series is not None and series.kind == "item" and current.kind == "para" and current.num is None


def _unfinished_label_line(current: _Block) -> bool:
    """Whether a sub-paragraph has one line, left unfinished: how narrow its label and the tab
    after it printed that line the text does not show (the deeper the list, the narrower:
    ``(v) The situation of … to the`` / ``Democratic People's …``), and the width that says
    the next line's first word would have fitted is in doubt."""
    return current.kind == "item" and len(current.fragments) == 1 and current.is_open()


def _numbered_clause_goes_on(current: _Block, text: str, series: _Block | None) -> bool:
    """Whether a line in lower case goes on a numbered paragraph, or an operative paragraph's
    sub-paragraph (or the lines after it that a doubt opened), whose line ended with a comma:
    these end as a sentence or a clause does (a full stop, a semicolon, a colon), never with a
    comma, and the next opens with its number or label (a preambular paragraph ends with a
    comma, and Russian opens the next in lower case).
    The line's estimated width says nothing here: a justified line full of narrow letters (``…
    before a competent,``) is estimated short, and its next word seems to fit."""
    numbered = current.kind == "para" and current.num is not None and current.num[:1].isdigit()
    return (
        (numbered or ((current.kind == "item" or _goes_on_item(current, series)) and current.part == "operative"))
        and current.final_text().endswith(_COMMAS)
        and _starts_lower(text)
        and not _ITEM.match(text)
    )


def _after_section_title(current: _Block, text: str, page: _Page) -> bool:
    """Whether a line opens a paragraph after a section's unfinished title, which a full line
    ended (``III. Revised estimates … for Iraq`` / ``Recalling section VIII …,``; French ``II.
    Examen … pour y donner suite`` / ``Ayant examiné …``; a lettered section's, ``B. Evolution
    of …`` / ``Recalling …``): it opens, capitalised, with a phrase that opens the language's
    paragraphs, or with a section's label and title (``I. Conditions of service …`` / ``A. Base
    salary scale``), as a title's words seldom do."""
    if page.lang is None or not text[:1].isupper() or not current.fragments:
        return False
    first = strip_markup(current.fragments[0][0])
    titled = _SECTION_TITLE.match(f"{current.num} {first}" if current.num else first)
    return titled is not None and (_listed_opening(page.lang, text) or _SECTION_TITLE.match(text) is not None)


def _lay_out(
    lines: list[str], formula_index: int, lang: Language, file: str | None, page_ends: set[int], indented_items: bool
) -> _Layout:
    layout = _Layout()
    for number, raw in enumerate(lines[:formula_index], start=1):
        if raw.strip():
            layout.header.append((raw.strip(), number, len(raw) - len(raw.lstrip()) + 1))
    formula_raw = lines[formula_index]
    layout.formula = (formula_raw.strip(), formula_index + 1, len(formula_raw) - len(formula_raw.lstrip()) + 1)

    part: Part = "preamble"
    annex = -1
    current: _Block | None = None
    open_note: _FootnoteDef | None = None
    # the open footnote's last line is a full one (hard-wrapped text): pdftotext may put a blank
    # line between the lines of a footnote set in a smaller type than the body
    note_full = False
    blank_lines = 0
    page_break = False  # since the last body line: a page's end, footnotes, a running header or footer
    in_closing = False
    last_number: int | None = None
    # numbered paragraphs are refused past the limit as they come, not once all are read: a file
    # of nothing but "1." lines holds millions, and laying them all out took a minute and 1.5 GB
    numbered_limit = MAX_PARAGRAPHS.value()
    numbered = 0
    symbol_lines = {symbol for text, _, _ in layout.header if (symbol := symbol_in(text))}
    title = printed_title(layout.header)
    page = _survey(lines, formula_index + 1, page_ends, symbol_lines, title, lang)
    layout.hard_wrapped = bool(page.width)
    label_margin = 0 if page.width else _label_margin(lines[formula_index + 1 :], indented_items)
    layout.labels_indented = indented_items or label_margin > 0
    openings: set[str] = set()
    doubtful: list[_Block] = []
    last_end = last_printed = 0  # where the last body line, and its last printed line, ended (hard-wrapped text)
    label: Fragment | None = None  # a paragraph's number on a line of its own, and the blank
    label_blank = 0  # lines before it
    following: set[str] = set()  # the labels that may come next in the current paragraph
    counted: _Block | None = None  # the last block that opens with a series' label ("Article 4")
    titled: _Block | None = None  # the current block, where it is the next of that series, unfinished
    previous: _Block | None = None  # the block before the current one

    for index in range(formula_index + 1, len(lines)):
        number, raw = index + 1, lines[index]
        if index - 1 in page_ends:
            page_break = True
        stripped = raw.strip()
        column = len(raw) - len(raw.lstrip()) + 1
        if not stripped:
            blank_lines += 1
            if not note_full:
                open_note = None
            continue
        if page.width:
            stripped = _close_ranges(_restore_hyphens(stripped, page, lines, index))
        fragment: Fragment = (stripped, number, column)
        blank, blank_lines = blank_lines, 0
        if index in page.furniture or is_furniture(stripped) or stripped in symbol_lines:
            page_break = True
            open_note = None
            continue
        if (
            label is None
            and (alone := _LABEL_ALONE.match(stripped))
            and (_next_label(alone, last_number) or _label_anew(alone, current, titled, layout.blocks))
            and _text_follows(lines, index + 1)
            # in the text form a number, a blank line and text is an empty numbered paragraph
            and (page.width or (index + 1 < len(lines) and lines[index + 1].strip()))
        ):
            label, label_blank = fragment, blank
            continue
        labelled = label is not None
        if label is not None:
            # pdftotext writes a paragraph's number on a line of its own where a tab set it apart
            stripped = f"{label[0]} {stripped}"
            fragment, blank, label = (stripped, label[1], label[2]), label_blank, None
            raw = raw[: len(raw) - len(raw.lstrip())] + stripped  # the number takes room on its line
        note_match = _FOOTNOTE_LINE.match(stripped)
        if note_match:
            marker = superscript_to_digits(note_match.group(1) or "") or next(filter(None, note_match.group(2, 3, 4)))
            text = note_match.group(5)
            open_note = _FootnoteDef(marker, [(text, number, column + len(stripped) - len(text))])
            note_full = _full_line(page, index)
            layout.notes.append(open_note)
            page_break = True
            continue
        if layout.notes and page.width and _carried_note(lines, index):
            # the rest of the last page's last footnote, which went on at this page's foot
            _continue(layout.notes[-1].fragments, fragment, page)
            open_note, note_full, page_break = None, False, True
            continue
        if open_note is not None and (not blank or (blank == 1 and note_full)):
            _continue(open_note.fragments, fragment, page)
            note_full = _full_line(page, index)
            continue
        open_note, note_full = None, False
        bare = normalize_typography(strip_markup(stripped))
        one_line_closing = split_closing(bare, lang) if annex < 0 and not in_closing else None
        if one_line_closing:
            meeting, date = one_line_closing
            layout.closing.extend([(meeting, number, column), (date, number, column + len(stripped) - len(date))])
            in_closing = True
            continue
        if in_closing or (annex < 0 and is_meeting_line(bare, lang)):
            if annex < 0 and not in_closing:
                in_closing = True
                layout.closing.append(fragment)
                continue
            if annex < 0 and len(layout.closing) < 2 and lang.parse_date(bare):
                layout.closing.append(fragment)
                continue
            if annex < 0 and (plain := NUMBERED_NOTE.fullmatch(stripped)):
                # a number and a text on the closing's page is a footnote, where its marker was
                # not found (raised) in the text: then one that no marker cites
                open_note = _FootnoteDef(plain.group(1), [(plain.group(2), number, column + plain.start(2))])
                note_full = _full_line(page, index)
                layout.notes.append(open_note)
                continue
            in_closing = False
            if not starts_annex(bare):
                raise TextSyntaxError(
                    f"text after the closing lines that is not an annex: {stripped[:60]!r}",
                    file=file,
                    line=number,
                    column=column,
                )
        if stripped == PART_BREAK and part == "preamble" and annex < 0:
            part, layout.operative_marked = "operative", True
            continue
        # an annex opens after the closing, or, where a resolution has none, at a level-one
        # heading that names it ("# Annexe I": the text form's)
        if starts_annex(bare) and (
            annex >= 0 or layout.closing or stripped.startswith("# ") or _heads_annex(bare, current, page)
        ):
            annex += 1
            part = "annex"
            current = _Block("heading", [(bare.lstrip("# "), number, column)], level=0, part=part, annex=annex)
            layout.blocks.append(current)
            page_break = False
            continue

        margin = page.margins[index] if page.width else 0
        # a block opened in doubt may go on the one before it, whose opening a series counts on
        before_doubt = layout.blocks[-2] if doubtful and doubtful[-1] is current and len(layout.blocks) > 1 else None
        wrapped = _wrapped_continuation(
            page, current, stripped, column, margin, bool(blank), page_break, last_end, before_doubt
        )
        series = counted is not None and _continues_series(counted, strip_markup(stripped))
        if wrapped in ("joins", "doubt") and (
            series
            # the text after a series' unfinished one-line title ("Principle 24 Post-armed …")
            or (
                titled is not None
                and current is titled
                and len(titled.fragments) == 1
                and not _starts_lower(stripped)
                # a title that is a sentence ("Action 3. We will …") goes on where its next word
                # would not have fitted
                and not (wrapped == "joins" and _counted_title(titled))
            )
        ):
            # the next of a series of headings or paragraphs ("Principle 19" after "Principle 18 …",
            # "Priority area 2:"), though the line before was unfinished or about full (a title)
            wrapped = "starts"
        if wrapped == "doubt" and last_printed < last_end:
            # a finished paragraph whose last line pdftotext joined at a hyphen: its last printed
            # line may have ended short of the width
            wrapped = _wrapped_continuation(
                page, current, stripped, column, margin, bool(blank), page_break, last_printed, before_doubt
            )
        if wrapped == "joins" and last_end > _JOINED_LINE * page.width and _next_in_list(stripped, following):
            # printed lines that pdftotext joined at a hyphen: where the last of them ended is not
            # to be measured, and the list's next label opens its next sub-paragraph ("(c) …")
            wrapped = "starts"
        if wrapped == "joins" and (
            _opens_list_under_title(layout.blocks, stripped, following)
            # indented as first lines are, the list's next label opens its next clause, though
            # the clause before ended unfinished on a full line ("… certificate; and" / "(c) …")
            or (page.indent and column > margin and _next_in_list(stripped, following))
            # a clause that ends with its semicolon and the list's conjunction ("… ; ou" /
            # "d) …"), its line full: the next label opens the next clause, as no reference to a
            # clause goes on after a semicolon and one word; so does the end of a clause's
            # sentence after its sub-list (``(ii) …;`` / ``with the intent that …; and`` / ``(b) …``)
            or (
                current is not None
                and (current.kind == "item" or (current.kind == "para" and current.num is None))
                and _next_in_list(stripped, following)
                and _CONJOINED_END.search(current.final_text()) is not None
            )
            or _opens_next_clause(current, stripped, following)
        ):
            wrapped = "starts"
        if wrapped in ("joins", "doubt") and _resumes_after_list(layout.blocks, stripped):
            wrapped = "starts"
        if wrapped == "joins" and _titles_annex_as_document(layout.blocks, title):
            wrapped = "starts"
        last_end = (_end_column(raw) if labelled else page.columns[index]) if page.width else 0
        last_printed = _printed_end(last_end, page) if page.width else 0
        if (
            wrapped is None
            and page_break
            and _continues_in_lower_case(current, stripped)
            and not _leaves_item(current, column, label_margin)
        ):
            # footnotes between a finished paragraph and a line in lower case: a page break inside
            # the paragraph, or a paragraph that opens in lower case (Russian without its italics)
            wrapped = "doubt"
        lower_joins = not blank or blank > 1 or page_break
        block = _new_block(fragment, current, part, annex, last_number, wrapped, lower_joins, label_margin)
        if block is not None and _goes_on_list_past_doubt(block, before_doubt, following):
            block.kind = "item"
        if block is not None and block.kind == "row" and current is not None and current.kind == "row":
            block.opens_table = (bool(blank) and not page_break) or (
                bool(page.width) and _widens_table(layout.blocks, block)
            )
        page_break = False
        if (
            block is not None
            and block.kind == "item"
            and wrapped in ("joins", "doubt")
            and block.num is not None
            and not _label_follows(block.num, following)
            and not (_UPPER_ROMAN.match(block.num) and current is not None and not current.is_open())
            # nor a lettered section after a finished paragraph's full line ("… ;" / "C. Indemnités")
            and not (wrapped == "doubt" and _SECTION_LETTER.match(block.num) and annex < 0)
        ):
            # "b)" that the line wrap put first, in a sentence that quotes a list; not a section's
            # numeral after a finished paragraph ("… resources;" / "V. Revised estimates …")
            block = None
        if (
            block is not None
            and block.kind == "item"
            and annex < 0
            # where labels are indented, their indent says their level
            and not layout.labels_indented
            and _stray_section_letter(block.num, following)
        ):
            block.kind = "para"
        if block is not None and block.kind == "item" and block.num:
            following |= _next_labels(block.num.strip("()."))
        elif block is not None and wrapped != "doubt" and (block.kind != "para" or block.num is not None):
            # a paragraph opened in doubt may yet continue the sub-paragraph, and an unnumbered
            # one may stand inside the list ("(b) … themes:" / "Panel 1: …" / "(c) …")
            following = set()
            if block.kind == "para" and (opening := _ITEM.match(_first_text(block))) is not None:
                # a numbered paragraph whose text opens a list (``1. a) Un État …``): its next
                # label goes on it (``b) Lorsque …``)
                following = _next_labels(opening.group(1).strip("()."))
        if block is None:
            assert current is not None
            if wrapped in ("joins", "doubt"):
                _continue(current.fragments, fragment, page)
            else:
                current.fragments.append(fragment)
            continue
        if block.kind == "para" and block.num is None:
            opening = _FIRST_WORD.match(bare)
            if wrapped == "doubt":
                doubtful.append(block)
            elif (
                opening
                and not opening.group()[0].isdigit()
                and not page.opens_nothing(opening.group())
                and current is not None
                and current.kind == "para"
                and not current.is_open()
            ):
                openings.add(opening.group())  # current is still the block before; "2254 (2015)" opens none
        if block.kind == "para" and block.num is not None:
            numbered += 1
            if numbered > numbered_limit:
                raise InputError(
                    f"more than {numbered_limit:,} numbered paragraphs (limit: {MAX_PARAGRAPHS.variable})",
                    file=file,
                    line=number,
                    column=column,
                )
        if block.kind == "para" and block.num is not None and block.num[:1].isdigit():
            last_number = int(block.num.rstrip(" .-"))
            if part == "preamble":
                part = "operative"
                block.part = part
        layout.blocks.append(block)
        previous, current = current, block
        # a series' label alone on its line ("Principle 24") is followed by its title's line
        titled = (
            block
            if (series or (titled is not None and previous is titled and _label_alone(titled))) and block.is_open()
            else None
        )
        if block.num is None and wrapped != "doubt" and _series_label(_first_text(block)):
            counted = block
    if doubtful:
        layout.blocks = _settle_doubts(layout.blocks, doubtful, openings, page)
    if layout.hard_wrapped:
        layout.blocks = _split_resumed_sentences(layout.blocks, indent=page.indent)
    return layout


def _split_resumed_sentences(blocks: list[_Block], *, indent: bool) -> list[_Block]:
    """The sentence a list interrupted, going on after its last clause with no conjunction
    before it (``b) …;`` / ``c) … de faire ;`` / ``dans l’intention … d’autrui.`` / ``Article
    14``), as a paragraph of its own: a clause of a list whose clauses end with a semicolon ends
    with its own, and the line in lower case after it that ends the sentence with a full stop,
    where no next label follows, is what the list's lead-in goes on with. (A last clause whose
    text goes on after a semicolon of its own ends otherwise: none of the corpus's does with a
    full stop.)"""
    out: list[_Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        cut = _resumed_at(block, out[-1] if out else None, following, indent=indent)
        if cut:
            out.append(replace(block, fragments=block.fragments[:cut]))
            out.append(_Block("para", block.fragments[cut:], part=block.part, annex=block.annex))
        else:
            out.append(block)
    return out


def _resumed_at(block: _Block, before: _Block | None, following: _Block | None, *, indent: bool) -> int:
    """Where, in a list's clause, the sentence its list interrupted goes on (the line's index), or 0."""
    if (
        block.kind != "item"
        or before is None
        or before.kind != "item"
        or not (before.final_text().endswith(";") or _conjoined(before))
        or (following is not None and following.kind == "item")
        or not block.final_text().endswith(".")
    ):
        return 0
    # where the text shows indents (``-layout``), a paragraph's first line stands deeper than the
    # clause's other lines: a line at their margin is the clause's own, brought to the line's
    # start by a word the converter's hyphen cut and the reader joined back
    margin = min((fragment[2] for fragment in block.fragments[1:]), default=0)
    for cut in range(len(block.fragments) - 1, 0, -1):
        ends = normalize_typography(block.fragments[cut - 1][0]).rstrip().endswith(";")
        indented = not indent or block.fragments[cut][2] > margin
        if ends and indented and _starts_lower(block.fragments[cut][0]):
            return cut
    return 0


def _titles_annex_as_document(blocks: list[_Block], title: str | None) -> bool:
    """Whether the last block, right after an annex's heading, is the document's title, as the
    header prints it (``Annex`` / ``United Nations Convention on …`` / ``The States Parties to
    this Convention,``): the text a resolution adopts is titled with its name, a heading whose
    lines, unfinished, the next line does not go on, though its first word would not have fitted."""
    if title is None or len(blocks) < 2 or blocks[-1].kind != "para" or blocks[-1].num is not None:
        return False
    if not _opens_annex(blocks[-2]):
        return False
    text = " ".join(strip_markup(fragment[0]) for fragment in blocks[-1].fragments)
    return _title_key(text) == _title_key(title)


def _title_key(text: str) -> str:
    """A title's words whatever its line breaks, the hyphens at them and its punctuation (which
    the header may print otherwise: ``cybercriminalité Renforcement`` for ``cybercriminalité ;
    Renforcement``)."""
    return "".join(_TITLE_WORDS.findall(normalize_typography(text)))


def _carried_note(lines: list[str], index: int) -> bool:
    """Whether the line at ``index`` and those right after it go on a footnote from the page
    before: ``pdftotext -layout`` writes them at the page's foot, right above the page's first
    footnote, at the column where its text starts (its number a tab to the left), not where a
    page's text starts."""
    column = len(lines[index]) - len(lines[index].lstrip())
    if not column:
        return False
    for line in lines[index : index + _CARRIED_LINES + 1]:
        stripped = line.strip()
        if note := _FOOTNOTE_LINE.match(stripped):
            # the footnote's number stands left of the column where its text starts
            return line.startswith(stripped) and len(line.rstrip()) - len(note.group(5)) == column
        if not stripped or len(line) - len(line.lstrip()) != column:
            return False
    return False


def _printed_end(end: int, page: _Page) -> int:
    """Where the last printed line of a hard-wrapped line ending at column ``end`` ended. A line
    wider than the body by more than the estimate's doubt, in a text where pdftotext is seen to
    join lines (some are far wider than the body: ``_JOINED_LINE`` times), is printed lines that
    it joined at a hyphen, each but the last about full (a typesetter hyphenates a word to fill
    its line): the last one ended at most that many widths short of the line's end, less the
    estimate's doubt, and the next line's first word would have fitted after it as after any
    short line (``… durable.`` / ``Part Three``)."""
    doubt = (page.lang.width_doubt if page.lang else WIDTH_DOUBT) * page.width
    if not page.joins or end <= page.width + doubt or (end <= _JOINED_LINE * page.width and not page.joined):
        return end  # a line a little wider than a width estimated from few lines may be one printed line
    return round(end - (math.ceil((end - doubt) / page.width) - 1) * (page.width - doubt))


def _full_line(page: _Page, index: int) -> bool:
    """Whether the hard-wrapped line at ``index`` reaches the body's width: the line wrap ended it,
    not its paragraph's or footnote's end."""
    return bool(page.width) and page.columns[index] >= page.width


def _text_follows(lines: list[str], start: int) -> bool:
    """Whether the next line with anything on it is a paragraph's text, not another number or
    label (DGACM's empty numbered paragraphs: ``1.`` alone, then ``2. …``)."""
    following = next((line.strip() for line in lines[start:] if line.strip()), "")
    return bool(following) and not (
        _LABEL_ALONE.match(following) or _NUMBERED.match(following) or _ITEM.match(following)
    )


def _next_label(alone: re.Match[str], last_number: int | None) -> bool:
    """Whether a number alone on its line is the next paragraph's (``7.`` after paragraph 6) or
    a sub-paragraph's label (``(b)``), not the end of a wrapped line (``… in paragraph`` /
    ``2.``)."""
    digits = alone.group(1)
    return digits is None or int(digits) == (last_number or 0) + 1


def _label_anew(
    alone: re.Match[str], current: _Block | None, titled: _Block | None = None, blocks: Sequence[_Block] = ()
) -> bool:
    """Whether a ``1.`` alone on its line numbers the paragraphs anew (a section's, after its
    title or its preamble): after a finished block, where the end of a wrapped line (``… in
    paragraph`` / ``1.``) follows an unfinished one, or after an unfinished title, which no
    number ends: a series label's (``Principle 3`` / ``Measures to enhance …`` / ``1.``) or the
    annex's, right after its heading (``Annexe`` / ``Modalités de la Conférence …`` / ``1.``)."""
    if alone.group(1) != "1" or current is None:
        return False
    titles_annex = len(blocks) > 1 and blocks[-1] is current and _opens_annex(blocks[-2])
    return not current.is_open() or current is titled or titles_annex


def _opens_annex(block: _Block) -> bool:
    """Whether a block is the heading that opens an annex (``Annex II``)."""
    return block.kind == "heading" and block.level == 0 and block.part == "annex"


def _goes_on_list_past_doubt(block: _Block, before_doubt: _Block | None, following: set[str]) -> bool:
    """Whether a labelled paragraph is the next clause of the list before a block opened in
    doubt (``h) Nous promouvrons …`` / ``Nous nous engageons … juridictions.`` / ``i) …``): the
    block in doubt may yet be the clause's next sentence, so its full stop says nothing of a
    list's end, and the label is the one the list expects next."""
    key = (block.num or "").strip("().")
    return (
        block.kind == "para"
        and before_doubt is not None
        and before_doubt.kind == "item"
        and key[:1].isalpha()
        and key in following
    )


def _label_follows(label: str, following: set[str]) -> bool:
    """Whether a sub-paragraph label may follow those of its paragraph so far: it opens a list
    (``(a)``, ``(i)``, ``A.``; ``I.``, which also numbers a section's heading, as ``I. Report of
    …`` after a full line in plain ``pdftotext``) or is among the labels that may come next after
    one of them (``following``: ``(c)`` after ``(b)``, ``(iv)`` after ``(iii)``, ``(i)`` after
    ``(h)``, ``III.`` after ``II.``)."""
    key = label.strip("().")
    return key in ("a", "i", "A", "I") or key in following


def _stray_section_letter(label: str | None, following: set[str]) -> bool:
    """Whether a capital letter's label (``C.``) that would open a sub-paragraph numbers a
    paragraph instead: it neither opens a list (``A.``) nor follows the last label of the list
    before it, as DGACM's sections lettered as paragraphs do (``4. …;`` / ``C. Education grant``
    / ``1. …``), a list's label would."""
    return label is not None and _SECTION_LETTER.match(label) is not None and not _label_follows(label, following)


def _next_in_list(text: str, following: set[str]) -> bool:
    """Whether a line opens with a label that goes on the open list (``(c)`` after ``(b)``),
    not one that opens a list (a reference that the wrap put first: ``paragraph 2`` / ``(a)``)."""
    item = _ITEM.match(text)
    return item is not None and item.group(1).strip("().") in following


def _opens_next_clause(current: _Block | None, text: str, following: set[str]) -> bool:
    """Whether a line after a sub-paragraph's unfinished line opens with the list's next label
    and a capital (``(k) Facilitating … State Party`` / ``(l) Recovering …``): a reference to a
    clause that the wrap put first goes on in lower case (``(b) of this article``), a clause's
    text opens with a capital (DGACM's clause that lost its semicolon)."""
    item = _ITEM.match(text)
    return (
        current is not None
        and current.kind == "item"
        and item is not None
        and item.group(1).strip("().") in following
        and strip_markup(item.group(2))[:1].isupper()
    )


def _resumes_after_list(blocks: list[_Block], text: str) -> bool:
    """Whether a line in lower case goes on the sentence that a list interrupted, after the
    list's last clause (``(i) …; or`` / ``(ii) … recording of;`` / ``traffic data, …``): the
    conjunction that ends the clause before says that this one is the last, and its semicolon
    ends it, though its line was full."""
    return (
        len(blocks) > 1
        and blocks[-1].kind == blocks[-2].kind == "item"
        and bool(blocks[-1].fragments)
        and _starts_lower(text)
        and blocks[-1].final_text().endswith(";")
        and _conjoined(blocks[-2])
    )


def _back_at_margin(item: _Block, margin: int) -> bool:
    """Whether a sub-paragraph's lines after its first went back to the page's margin: then its
    lines are not indented, and a line indented as first lines are opens a block (a sub-heading,
    the paragraph that goes on after the list)."""
    return len(item.fragments) > 1 and all(column <= margin for _, _, column in item.fragments[1:])


def _heads_list(block: _Block, following: _Block) -> bool:
    """Whether a one-line block opens, capitalised, before the first clause of a list (``…
    cooperation:`` / ``Official development assistance`` / ``(a) …``): a sub-heading over the
    list, where the sentence a colon announces would go on in its clauses."""
    return (
        len(block.fragments) == 1
        and not _starts_lower(_first_text(block))
        and following.kind == "item"
        and (following.num or "").strip("().") in ("a", "i")
    )


def _heads_next_clause(before: _Block, block: _Block, following: _Block) -> bool:
    """Whether a capitalised one-line block between two clauses of a list, the first finished
    (``(j) … national circumstances;`` / ``Capacity support`` / ``(k) …``), is a sub-heading over
    the next: a clause's words do not go on after its final punctuation, and the next clause's
    label goes on the list."""
    label = (following.num or "").strip("().")
    return (
        len(block.fragments) == 1
        and not _starts_lower(_first_text(block))
        and before.kind == following.kind == "item"
        and not before.is_open()
        and bool(label)
        and label in _next_labels((before.num or "").strip("()."))
    )


def _opens_list_under_title(blocks: list[_Block], text: str, following: set[str]) -> bool:
    """Whether a line that opens with a list's label after an unfinished, unnumbered line of its
    own opens the list's clause: the line is a sub-heading's over the clause (``… national
    circumstances;`` / ``Capacity support`` / ``(d) …``; ``… capital markets:`` / ``Domestic
    financial … environments`` / ``(a) …``), though it may seem full, not a sentence that a
    reference to a clause goes on (that runs over full lines): the label goes on the list before
    it, or opens one after a paragraph that ends with a colon."""
    current = blocks[-1] if blocks else None
    if not (
        current is not None
        and current.kind == "para"
        and current.num is None
        and len(current.fragments) == 1
        and current.is_open()
    ):
        return False
    item = _ITEM.match(text)
    if item is None or item.group(1) in _BULLETS:
        return False
    key = item.group(1).strip("().")
    introduced = len(blocks) > 1 and bool(blocks[-2].fragments) and blocks[-2].final_text().endswith(":")
    return key in following or (key in ("a", "i") and introduced)


def _next_labels(key: str) -> set[str]:
    """The labels that may come after ``key``: the next letter, and the next roman numeral."""
    following: set[str] = set()
    if len(set(key)) == 1 and key.isalpha():
        # DGACM's letters after "z": "aa", "bb" ... and "zz", "aaa"
        following.add(
            chr(ord(key[0]) + 1) * len(key) if key[0] not in "zZ" else key[0].translate(_AFTER_Z) * (len(key) + 1)
        )
    value = roman_value(key.lower())
    if value:
        following.add(roman(value + 1) if key.islower() else roman(value + 1).upper())
    return following


_AFTER_Z = str.maketrans("zZ", "aA")


def _continues_in_lower_case(current: _Block | None, text: str) -> bool:
    return (
        current is not None
        and current.kind in ("para", "item")
        and bool(current.fragments)
        and not current.is_open()
        and _starts_lower(text)
    )


def _settle_doubts(blocks: list[_Block], doubtful: list[_Block], openings: set[str], page: _Page) -> list[_Block]:
    """A paragraph opened in doubt stays one where its first word opens another paragraph of the
    document, or, in the preamble (whose paragraphs are not numbered), occurs nowhere but at the
    start of a line and opens the line as the language opens preambular paragraphs ("Recalling",
    "Firmly convinced"; where the language data do not say: is capitalised and followed by a
    word in lower case, as "Considering that", not "Vienna (2017)" or "Egypt, in"); otherwise its
    lines continue the block before it (a name, a word that the line wrap put first). A
    lower-case word gives no such sign: Russian paragraphs open in lower case, and any word
    may follow a line's final comma. A heading stays too."""

    def opens(block: _Block, before: _Block, after: _Block | None, following: _Block | None, last: _Block) -> bool:
        text = strip_markup(block.fragments[0][0])
        if _name_goes_on(before, text, page):
            return False
        if _leads_in_numbers(before, block, following):
            return True
        if (
            _QUOTED_LABEL.match(text)
            or _counts_on(before, text)
            or _same_entry(_first_text(before), text)
            or (after and _counts_on(block, _first_text(after)))
            or any(_same_entry(text, _first_text(entry)) for entry in (after, following) if entry)
        ):
            # a quoted clause of a text that a colon announces ("read as follows:"), or one of a
            # series of paragraphs ("Panel 1:" before "Panel 2:")
            return True
        if _SECTION_TITLE.match(text) and block.is_open():
            return True  # a section's unfinished title (``B. Evolution of …`` / ``and …``)
        if _announces(before):
            return False  # what a colon announces continues the paragraph, but for numbers and labels
        if _between_numbers(last, before, after):
            return False
        opening = _OPENING.match(text)
        if opening is None:
            return False
        first = opening.group(1)
        if page.opens_nothing(first):
            return False
        if past_list is not None and not (after is not None and _number_of(after) == past_list + 1):
            return True  # the list has no next clause for the sentence to be in
        if widest is not None and first in clauses and _too_wide_to_open(block, widest, page):
            return False
        if first in openings:
            return True
        if block.part == "operative" and page.lang is not None and page.lang.opening_end(text, "operative"):
            # a section's unnumbered operative paragraph after its preamble ("Takes note of the
            # notes …"): the opening is capitalised, as a sentence inside a paragraph seldom
            # opens a line with it
            return not first[:1].islower()
        # an annex opens with a preamble of its own (a declaration's, a convention's) before its
        # numbered paragraphs
        if block.part != "preamble" and (block.part != "annex" or block.annex in numbered_annexes):
            return False
        if page.lang is not None and not first[:1].islower() and _listed_opening(page.lang, text):
            return True
        phrase = page.lang.preamble_opening.match(text) if page.lang and page.lang.preamble_opening else None
        if phrase is not None and phrase.end() > len(first):
            return True  # an adverb and its participle ("Further committing") name nothing
        if first[:1].isupper() and page.words[first] > page.numbered_openings[first]:
            return False  # a name or a title's word ("Planning"), which lines also hold inside
        if page.lang is not None and page.lang.preamble_opening is not None:
            return bool(page.lang.preamble_opening.match(text))
        return first[:1].isupper() and (opening.group(2) or "").islower()

    def heads(index: int) -> bool:
        """An unfinished block before a numbered paragraph or a heading is a heading."""
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        return (
            following is not None
            and blocks[index].is_open()
            and (
                following.kind == "heading"
                or (following.kind == "para" and _numbered(following))
                # a heading opens with a capital: a lower-case line before a series' label goes on
                # the entry before it ("Panel 1: …," / "preparedness …" / "Panel 2: …")
                or (
                    following.kind == "para"
                    and _labels_heading(following)
                    and not _starts_lower(_first_text(blocks[index]))
                )
                or _heads_list(blocks[index], following)
                or (index > 0 and _heads_next_clause(blocks[index - 1], blocks[index], following))
            )
        ) or (following is not None and _lead_in(blocks[index], following))

    doubted = {id(block) for block in doubtful}
    widest = _widest_first_line(blocks, doubted, page)
    clauses = _clause_openings(blocks)
    # the next block that no doubt hangs over, after each block (doubted ones may go on the one
    # before them)
    sure: list[_Block | None] = [None] * len(blocks)
    # and the last block before that one (where the doubted run after each block ends)
    run_end: list[_Block] = blocks[:]
    for index in range(len(blocks) - 2, -1, -1):
        following = blocks[index + 1]
        sure[index] = sure[index + 1] if id(following) in doubted else following
        run_end[index] = run_end[index + 1] if id(following) in doubted else blocks[index]
    settled: list[_Block] = []
    section = 0  # the number of the last section heading numbered with a roman numeral
    numbered_annexes: set[int] = set()  # the annexes with a numbered paragraph so far
    # the number of the last numbered paragraph, where it ended a list of clauses (see
    # :func:`_closes_list`), with no heading since
    past_list: int | None = None
    for index, block in enumerate(blocks):
        if block.part == "annex" and _numbered(block):
            numbered_annexes.add(block.annex)
        numeral = _section_numeral(block)
        if numeral and id(block) in doubted and numeral == section + 1:
            doubted.discard(id(block))  # the next section's heading ("II. Umoja" after "I. …")
        section = numeral or section
        if (
            id(block) in doubted
            and settled
            and not opens(
                block, settled[-1], sure[index], blocks[index + 1] if index + 1 < len(blocks) else None, run_end[index]
            )
            and not heads(index)
            and settled
            and settled[-1].kind in ("para", "item")
        ):
            fragments = settled[-1].fragments
            if page.width:
                kept, first = _rejoin(fragments.pop(), block.fragments[0], page)
                fragments.extend([kept] if kept else [])
                fragments.append(first)
            else:
                fragments.append(block.fragments[0])
            fragments.extend(block.fragments[1:])
        else:
            settled.append(block)
            if block.kind != "para" or _numbered(block):
                past_list = _number_of(block) if _closes_list(settled) else None
    return settled


def _closes_list(settled: list[_Block]) -> bool:
    """Whether the last block settled is a numbered paragraph that ends, with a full stop, the
    sentence of a list of clauses, which the paragraph before it left open with a semicolon
    (``3. To provide …;`` / ``4. To apply … Headquarters.``). Such a clause holds no sentence
    after its list's full stop (none of the corpus's 1,279 such last clauses does), so a
    sentence opened in doubt after it, where no next clause follows, is a paragraph of its own,
    and so is each one after it up to the next number or heading (``All Member States … are
    invited …`` / ``Furthermore, …``). A clause's full stop may be an abbreviation's (``such as
    P.`` / ``volitans, …``): a next clause says the list goes on, and a sentence opens with a
    capital."""
    last = settled[-1]
    if last.kind != "para" or (number := _number_of(last)) is None or len(settled) < 2:
        return False
    if not last.final_text().endswith(_FULL_STOPS) or not settled[-2].fragments:
        return False
    if not settled[-2].final_text().endswith(";"):
        return False
    before = next(
        (block for block in reversed(settled) if block is not last and block.kind == "para" and _numbered(block)), None
    )
    return before is not None and _number_of(before) == number - 1


#: how many words on each side of a line break show a name going on across it
_NAME_WORDS = 2


def _name_goes_on(before: _Block, text: str, page: _Page) -> bool:
    """Whether the line ``text`` goes on a name that the block before's last line began, as the
    document's title spells it (``… the United Nations Convention against Cybercrime;`` /
    ``Strengthening International Cooperation …``, in a resolution of that title): a name's
    own punctuation ends no paragraph."""
    if not page.title or not before.fragments:
        return False
    ending = strip_markup(before.fragments[-1][0]).split()[-_NAME_WORDS:]
    opening = text.split()[:_NAME_WORDS]
    if len(ending) < _NAME_WORDS or len(opening) < _NAME_WORDS:
        return False
    return _title_key(" ".join(ending + opening)) in page.title


def _between_numbers(last: _Block, before: _Block, after: _Block | None) -> bool:
    """Whether blocks opened in doubt, the last of them ``last``, end a sentence between a
    numbered paragraph and the next number (``23. …`` / ``We will also …`` / ``… at all
    levels.`` / ``24. …``): where the document numbers its paragraphs, what stands between two
    that follow each other unnumbered is a heading or a list's lead-in (no full stop), so a
    finished sentence there is the numbered one's, whose last line seemed to end it."""
    return (
        after is not None
        and before.kind == after.kind == "para"
        and _numbered(before)
        and _numbered(after)
        and (number := _number_of(before)) is not None
        and _number_of(after) == number + 1
        and last.final_text().endswith(_FULL_STOPS)
    )


def _number_of(block: _Block) -> int | None:
    digits = (block.num or "").rstrip(" .-")
    return int(digits) if digits.isdigit() else None


def _leads_in_numbers(before: _Block, block: _Block, following: _Block | None) -> bool:
    """Whether a capitalised block ending with a colon, between an unnumbered paragraph that ends
    with a comma and paragraph 1, is the lead-in of the numbered paragraphs (``Stressing …,`` /
    ``We, the signatories, pledge:`` / ``1. To …``): an annex's preamble ends as a resolution's
    does, with a comma, and what announces the numbered paragraphs with a colon is no preambular
    paragraph's last line (none of the corpus's preambles ends with a colon)."""
    return (
        following is not None
        and _number_of(following) == 1
        and before.kind == "para"
        and before.num is None
        and before.final_text().endswith(_COMMAS)
        and block.kind == "para"
        and block.final_text().endswith(":")
        and not _starts_lower(_first_text(block))
    )


def _lead_in(block: _Block, following: _Block) -> bool:
    """Whether a capitalised one-line block announces, with a colon, the heading after it
    (``Declare the following:`` / ``Guiding principles``; a heading's line is unfinished): a
    lead-in of its own, as a paragraph whose line it would end announces a list, not a section."""
    return (
        len(block.fragments) == 1
        and not _starts_lower(_first_text(block))
        and _announces(block)
        and (
            following.kind == "heading"
            or (
                following.kind == "para"
                and following.num is None
                and len(following.fragments) == 1
                and following.is_open()
            )
        )
    )


def _widest_first_line(blocks: list[_Block], doubted: set[int], page: _Page) -> int | None:
    """How wide the document's paragraphs' first lines are at most, where it shows enough of
    them (``_FIRST_LINES_SEEN``): those of the paragraphs opened beyond doubt, each one printed
    line (pdftotext's joins say nothing of a width). None where it shows fewer."""
    columns = [
        column
        for block in blocks
        if block.kind == "para" and id(block) not in doubted
        if (column := _first_column(block, page)) is not None and column <= page.width
    ]
    return max(columns) if len(columns) >= _FIRST_LINES_SEEN else None


def _first_column(block: _Block, page: _Page) -> int | None:
    """Where a block's first line ends, in hard-wrapped text whose lines were measured (None
    elsewhere: text that is not hard-wrapped has no width)."""
    if not page.width or not block.fragments or not 0 < block.fragments[0][1] <= len(page.columns):
        return None
    return page.columns[block.fragments[0][1] - 1]


def _clause_openings(blocks: list[_Block]) -> set[str]:
    """The words that open a clause after a comma inside a line (``، وإذ تحيط``): where a
    paragraph's opening phrase is one, a line that opens with it after a line ending with a
    comma may be the paragraph's next clause as well as a paragraph."""
    return {
        match.group(1)
        for block in blocks
        for fragment in block.fragments
        for match in _CLAUSE.finditer(strip_markup(fragment[0]))
    }


def _too_wide_to_open(block: _Block, widest: int, page: _Page) -> bool:
    """Whether a block opened in doubt is printed too wide to open a paragraph: a first line is
    narrower on paper by its indent, which the text does not show, and this one is wider than
    every first line of the document (``widest``) and nearer the width than half the indent
    (DGACM's Arabic paragraph of clauses joined by ``، وإذ``, one of which the wrap put first
    on a line that filled its width). A line of pdftotext's joins says nothing."""
    if (column := _first_column(block, page)) is None:
        return False
    doubt = page.lang.width_doubt if page.lang else WIDTH_DOUBT
    least = max(widest, page.width * (1 - _FIRST_LINE_INDENT / 2))
    return least < column <= page.width * (1 + doubt)


def _labels_heading(block: _Block) -> bool:
    """Whether a block is one unfinished line that opens with capitalised words and a number
    (``Principle 22 Peace processes``, ``Article 5``): a heading of a counted series, before
    which an unfinished line is a heading too (``Part Five …``)."""
    return len(block.fragments) == 1 and block.is_open() and _series_label(_first_text(block)) is not None


def _label_alone(block: _Block) -> bool:
    """Whether a block is a series' label and nothing more (``Principle 24``, ``Article 4:``)."""
    if len(block.fragments) != 1:
        return False
    text = _first_text(block)
    counted = _series_label(text)
    return counted is not None and not text[counted.end() :].strip(" .:–-")


def _series_label(text: str) -> re.Match[str] | None:
    """A series' label that opens ``text``, where its first word is capitalised."""
    label = _SERIES_LABEL.match(text)
    return label if label is not None and label.group(1)[:1].isupper() else None


def _continues_series(before: _Block, text: str) -> bool:
    """Whether ``text`` opens with the label of the block before's series, numbered one more
    (``Principle 19`` after ``Principle 18 …``, ``Priority area 2:`` after ``Priority area 1:``)."""
    previous, this = _series_label(_first_text(before)), _series_label(text)
    return (
        previous is not None
        and this is not None
        and previous.group(1) == this.group(1)
        and int(this.group(2)) == int(previous.group(2)) + 1
    )


def _first_text(block: _Block) -> str:
    return strip_markup(block.fragments[0][0]) if block.fragments else ""


def _counts_on(before: _Block, text: str) -> bool:
    """Whether ``text`` opens with the words and the next number of the block before's opening
    ("Panel 2:" after "Panel 1: …"): the next of a series of paragraphs, not a line that the
    wrap put first."""
    previous = _COUNTED.match(_first_text(before))
    this = _COUNTED.match(text)
    return (
        previous is not None
        and this is not None
        and previous.group(1) == this.group(1)
        and int(this.group(2)) == int(previous.group(2)) + 1
    )


def _same_entry(text: str, following: str) -> bool:
    """Whether two lines open with entries of one shape, three to four words and numbers before
    a colon, the first word another (``Monday, 27 May:`` and ``Tuesday, 28 May:``; ``Lundi 27
    mai :``): the entries of a schedule, each a paragraph, which a colon announced ("… as
    follows:"), not a sentence's words. The same words with another number are a counted
    series' (``Panel 1:``, ``Panel 2:``: see :func:`_counts_on`)."""
    this, that = _ENTRY.match(text), _ENTRY.match(following)
    return (
        this is not None
        and that is not None
        and _entry_shape(this.group()) == _entry_shape(that.group())
        and this.group(1) != that.group(1)
    )


def _entry_shape(entry: str) -> str:
    """An entry's words as ``A`` (capitalised) or ``a``, its numbers as ``0``, its punctuation kept."""
    return _ENTRY_PART.sub(
        lambda part: "0" if part.group()[0].isdigit() else "A" if part.group()[0].isupper() else "a", entry
    )


def _section_numeral(block: _Block) -> int:
    """The value of the upper-case roman numeral that numbers a section heading, or that opens a
    block which may be one (``II. Umoja``), else 0."""
    if block.kind == "heading" and block.num:
        return roman_value(block.num.rstrip(".").lower())
    if block.kind in ("para", "item") and block.fragments:
        text = f"{block.num} {block.fragments[0][0]}" if block.num else block.fragments[0][0]
        if labelled := _ROMAN_HEADING.match(text):
            return roman_value(labelled.group(1).lower())
    return 0


def _announces(block: _Block) -> bool:
    """Whether a block's last line ends with a colon, announcing what follows."""
    last = normalize_typography(block.fragments[-1][0]).rstrip(" *_" + SUPERSCRIPT_DIGITS) if block.fragments else ""
    return _without_final_superscript(last).rstrip().endswith(":")


def _listed_opening(lang: Language, text: str) -> bool:
    """Whether a line opens with a phrase that opens the language's preambular or operative
    paragraphs (``Taking note``, ``Se félicitant``, ``Approves``; the language data's
    ``openings``)."""
    return bool(lang.opening_end(text, "preamble") or lang.opening_end(text, "operative"))


def _heads_annex(bare: str, current: _Block | None, page: _Page) -> bool:
    """Whether a hard-wrapped line opens an annex where no closing came before it (a file whose
    closing lines DGACM left out): a line that is an annex's heading and nothing more, its
    number a numeral (``Annexe I``), after a finished paragraph, as the Markdown's level-one
    heading would say."""
    words = bare.split()
    return (
        bool(page.width)
        and len(words) == 2
        and _NUMERAL.fullmatch(words[1].rstrip(".")) is not None
        and _names_annex(bare)
        and current is not None
        and current.kind in ("para", "item")
        and not current.is_open()
    )


def _names_annex(line: str) -> bool:
    """Whether a line is an annex's heading and nothing more (``Annex``, ``Annexe II``)."""
    words = normalize_typography(line).split()
    return 0 < len(words) <= 2 and starts_annex(words[0])


def _new_block(
    fragment: Fragment,
    current: _Block | None,
    part: Part,
    annex: int,
    last_number: int | None,
    wrapped: Continuation = None,
    lower_joins: bool = True,
    label_margin: int = 0,
) -> _Block | None:
    """The block a line starts, or None when it continues the current block.

    ``wrapped`` is what hard wrapping says (see :func:`_wrapped_continuation`); ``lower_joins``
    whether a line in lower case after a finished block continues it (across a page break, not
    across the one blank line between two paragraphs); a label (``(a)``, ``A.``) that starts a
    line at or left of ``label_margin`` numbers a paragraph, not a sub-paragraph (see
    :func:`_label_margin`).
    """
    text, number, column = fragment
    if wrapped == "joins" and current is not None and current.is_open() and not text.startswith(("#", "|")):
        numbered = _NUMBERED.match(text)
        # a lettered section numbers its paragraphs from 1 again ("C. Indemnités …" / "1. Invite")
        restarts = current.num is not None and _SECTION_LETTER.match(current.num) is not None
        if not (
            numbered
            and (
                int(numbered[1]) in ((last_number or 0) + 1, 1 if restarts else 0)
                or _numbers_anew(numbered, current, last_number)
            )
        ):
            return None  # "(a)" or "12." that a full line pushed to the start of the next
    if _TABLE_ROW.match(text):
        return _Block("row", [fragment], part=part, annex=annex)
    heading = _HEADING.match(text)
    if heading:
        level = len(heading.group(1)) - 1
        return _Block(
            "heading", [(heading.group(3), number, column)], num=heading.group(2), level=level, part=part, annex=annex
        )
    if _BARE_SECTION_NUMBER.match(text) and (current is None or not current.is_open()):
        level = 0 if re.fullmatch(r"[IVXLC]+\.?", text) else 1
        return _Block("heading", [], num=text.rstrip("."), level=level, part=part, annex=annex)
    labelled = LABELLED_PARAGRAPH.match(text)
    if labelled:
        offset = column + labelled.start(2)
        return _Block("para", [(labelled.group(2), number, offset)], num=labelled.group(1), part=part, annex=annex)
    numbered = _NUMBERED.match(text)
    if (
        numbered
        # after a table, a number goes on from the paragraphs' (it may be a note to the table)
        and (current is None or current.kind != "row" or int(numbered[1]) == (last_number or 0) + 1)
        and _numbers_a_paragraph(numbered[1], current, last_number)
    ):
        offset = column + numbered.start(3)
        # as printed: "7." or, in Arabic, "7 -" (which justified text may spread: "7  -")
        label = numbered.group(1) + ("." if numbered.group(2) == "." else " -")
        return _Block("para", [(numbered.group(3), number, offset)], num=label, part=part, annex=annex)
    bare = _BARE_NUMBER.match(text)
    if bare and (current is None or current.kind != "row" or int(bare[1]) == (last_number or 0) + 1):
        return _Block("para", [("", number, column + len(text))], num=text, part=part, annex=annex)
    item = _ITEM.match(text) or (_INDENTED_LABEL.match(text) if label_margin else None)
    if item and column <= label_margin and item.group(1) not in _BULLETS:
        offset = column + item.start(2)
        return _Block("para", [(item.group(2), number, offset)], num=item.group(1), part=part, annex=annex)
    if (
        item
        and item.group(1) not in _BULLETS
        and current is not None
        and (
            current.kind == "row"
            or (current.kind == "para" and current.fragments and current.final_text().endswith(_FULL_STOPS))
        )
    ):
        # a paragraph that ends with a full stop introduces no list, and a table is a paragraph
        # of its own, which no list goes on after: the label numbers a paragraph
        offset = column + item.start(2)
        return _Block("para", [(item.group(2), number, offset)], num=item.group(1), part=part, annex=annex)
    if item and current is not None and current.kind in ("para", "item"):
        offset = column + item.start(2)
        label = item.group(1)
        num = None if label in _BULLETS else label
        bullet = label if num is None else ""
        return _Block("item", [(item.group(2), number, offset)], num=num, part=part, annex=annex, bullet=bullet)
    if current is not None and current.kind == "heading" and not current.fragments:
        current.fragments.append(fragment)
        return None
    if current is not None and current.kind in ("para", "item"):
        if wrapped is not None:
            return None if wrapped == "joins" else _Block("para", [fragment], part=part, annex=annex)
        if _ESCAPED_LABEL.match(text) or _leaves_item(current, column, label_margin):
            return _Block("para", [fragment], part=part, annex=annex)
        if current.is_open() and not (_set_apart(current) and not _starts_lower(text)):
            return None
        if lower_joins and _starts_lower(text):
            return None
    return _Block("para", [fragment], part=part, annex=annex)


def _numbers_anew(numbered: re.Match[str], current: _Block, last_number: int | None) -> bool:
    """Whether a number that does not go on from the last paragraph's numbers a paragraph after
    one unfinished line, a heading's (``Article 4`` / its title / ``1. In giving effect …``): the
    numbers start again under each heading, or repeat where a document's numbering did not count
    (``13.`` after ``13.``); a sentence seldom ends with a ``1.`` pushed to a line's start."""
    return len(current.fragments) == 1 and current.num is None and int(numbered[1]) in (1, last_number)


def _leaves_item(current: _Block | None, column: int, label_margin: int) -> bool:
    """Whether a line starting at ``column`` after ``current`` goes back from a finished,
    indented sub-paragraph to the paragraphs' margin: it starts a paragraph (DGACM ends some
    paragraphs after their list: "… (f) …;" / "and demands that …"). An unfinished one goes on
    there after a page break."""
    return current is not None and current.kind == "item" and column <= label_margin and not current.is_open()


def _label_margin(body: list[str], indented_items: bool) -> int:
    """The column up to which a sub-paragraph's label starting a line numbers a paragraph of its
    own: where some labels are indented deeper than the paragraphs' lines (as printed, and as
    resodiff writes the text form), a label at the paragraphs' margin is a paragraph's number
    (DGACM numbers some top-level paragraphs ``(a)`` or ``A.``); 0 where no label is indented,
    and every label is a sub-paragraph's, as the text form cannot say otherwise (unless the
    text is known to indent every sub-paragraph: ``indented_items``)."""
    columns: Counter[int] = Counter()
    labels: set[int] = set()
    for raw in body:
        stripped = raw.lstrip(" ")
        if not stripped:
            continue
        column = len(raw) - len(stripped) + 1
        if _ITEM.match(stripped) or _INDENTED_LABEL.match(stripped):
            labels.add(column)
        else:
            columns[column] += 1
    if not columns:
        return 0
    margin = min(columns, key=lambda column: (-columns[column], column))
    return margin if indented_items or any(column > margin for column in labels) else 0


def _set_apart(block: _Block) -> bool:
    """Whether a block is one line all in bold or italics (a title, a subtitle: "**Article
    10**", "*Issued in accordance with article 5*"), which a line that opens a sentence does not
    continue, finished or not; so is a series' label alone on its line, whose bold a converter
    may have lost ("Article 10")."""
    return len(block.fragments) == 1 and (
        _EMPHASISED_LINE.match(block.fragments[0][0]) is not None or _label_alone(block)
    )


def _numbers_a_paragraph(digits: str, current: _Block | None, last_number: int | None) -> bool:
    """Whether a number starting a line numbers a paragraph.

    Up to three digits always do. A longer number does when it goes on from the last
    paragraph number (1000. after 999.), or, after a finished block, when it is beyond it
    (where a draft dropped paragraphs); otherwise it is a year or an amount that the line
    wrap put first ("… to be held in" / "2030. The …").
    """
    if len(digits) <= 3:
        return True
    if last_number is None:
        return False
    number = int(digits)
    return number == last_number + 1 or (number > last_number and current is not None and not current.is_open())


def _starts_lower(text: str) -> bool:
    """Whether a line reads as the rest of a sentence. A line that opens with an emphasised
    phrase does not: it is a paragraph's opening phrase, which Russian writes in lower case
    (``*ссылаясь* на свои резолюции``)."""
    first = strip_markup(text)[:1]
    return first.islower() and not text.startswith("*")


def _build(layout: _Layout, lang: Language, file: str | None) -> Resolution:
    notes_by_marker: dict[str, deque[_FootnoteDef]] = defaultdict(deque)
    for note in layout.notes:
        if layout.hard_wrapped:
            note.fragments[:] = [(_SPACED_COMMA.sub(",", text), line, column) for text, line, column in note.fragments]
        notes_by_marker[note.marker].append(note)

    def resolve(marker: str, span: SourceSpan) -> Footnote | None:
        queue = notes_by_marker.get(marker)
        if not queue:
            return None
        definition = queue.popleft()
        definition.used = True
        content = _inlines(definition.fragments, lang, file, None)
        first = definition.fragments[0]
        return Footnote(marker, content, SourceSpan(file, first[1], first[2]))

    def inlines(fragments: list[Fragment]) -> Inlines:
        return _inlines(fragments, lang, file, resolve)

    assert layout.formula is not None
    formula = inlines([layout.formula])
    meta = read_metadata(layout.header, layout.formula, lang, file)
    _mark_unnumbered_headings(layout.blocks, layout.hard_wrapped, lang)
    if layout.hard_wrapped:
        _mark_counted_titles(layout.blocks)
        _mark_lettered_headings(layout.blocks, lang)
        _mark_roman_headings(layout.blocks, lang)
        if not layout.labels_indented:
            _mark_list_headings(layout.blocks, lang)
    _mark_section_preambles(layout.blocks, lang)
    paragraphs, annexes = _Assembler(inlines, file).run(layout.blocks)
    preamble = tuple(p for p in paragraphs if p.part == "preamble")
    operative = tuple(p for p in paragraphs if p.part == "operative")
    if not layout.operative_marked:  # else the text form's thematic break said where it opens
        if not any(p.num for p in operative):
            preamble, operative = _split_unnumbered(preamble + operative)
        elif _introduces(preamble, operative):
            # "Resolves that:" before the numbered paragraphs it introduces is the operative part's
            preamble, operative = preamble[:-1], (replace(preamble[-1], part="operative"), *operative)
    if not layout.labels_indented:
        # where no label says its level, a list's level is what DGACM's markup makes it
        operative = unnest_operative(operative)
        annexes = tuple(map(unnest_annex, annexes))
    closing = read_closing(layout.closing, lang, file)
    unplaced = tuple(
        Footnote(note.marker, _inlines(note.fragments, lang, file, None), SourceSpan(file, *note.fragments[0][1:]))
        for note in layout.notes
        if not note.used
    )
    return Resolution(meta, formula, preamble, operative, closing, annexes, unplaced, source=file)


def _inlines(fragments: list[Fragment], lang: Language, file: str | None, resolve: NoteResolver | None) -> Inlines:
    pieces = parse_inline([(without_break(text), line, column) for text, line, column in fragments], file, resolve)
    return clean_spaces(annotate(pieces, lang))


def _mark_unnumbered_headings(blocks: list[_Block], hard_wrapped: bool, lang: Language | None = None) -> None:
    """An unterminated, unnumbered one-line block right before a numbered paragraph or a
    heading is itself a heading (DGACM's flat headings, as a PDF conversion prints them); in
    hard-wrapped text such a heading may take more than one line, and stand before any
    paragraph or a table (``Oath of office``, a table's title): the lines of an unfinished
    paragraph would have gone on. A block that opens with a quotation mark is a quotation, not
    a heading. Hard-wrapped, a heading's lines that each end short (``Part I`` / ``Overall
    policymaking …`` / ``Section 1`` / its title) are a run of one-line blocks before it, each
    a heading too, up to ``_HEADING_RUN`` of them (a run of unfinished lines is no run of
    headings to merge, at a quadratic cost). A block of several lines that opens, capitalised, as
    the language opens paragraphs (``Recalling its resolution …”`` / ``Taking note …``) is a
    paragraph that lost its final punctuation, as DGACM's do after a quotation, not a heading."""
    made: dict[int, int] = {}  # headings made here from one line: how many such end the run
    entries = _listed_entries(blocks) if hard_wrapped else set()
    for index in range(len(blocks) - 2, -1, -1):
        block, following = blocks[index], blocks[index + 1]
        if id(block) in entries:
            continue
        chained = made.get(id(following))
        if chained is not None and not (hard_wrapped and _heads_run(block) and chained < _HEADING_RUN):
            continue  # the heading made of the line after this one is not a real heading's
        if (
            block.kind == "para"
            and block.num is None
            # a series' label alone is unfinished, though a full stop may follow its number
            # ("Article 13.")
            and (block.is_open() or _label_alone(block) or (hard_wrapped and _quotation_title(block, following, lang)))
            and not _QUOTED.match(strip_markup(block.fragments[0][0]))
            and (len(block.fragments) == 1 or (hard_wrapped and not _opens_as_paragraph(block, lang)))
            and (
                following.kind == "heading"
                or (following.kind == "para" and _numbered(following))
                # a line all in bold over a paragraph is its title ("**Article 10**"): the text
                # form ends a paragraph that is all in bold with its hard break
                or (following.kind == "para" and _bold_line(block))
                # so is a series' label alone on its line, in bold or not ("Article 10": a
                # converter may lose the bold)
                or (following.kind == "para" and _label_alone(block))
                # hard-wrapped, a paragraph ends unfinished only where it is a heading (before a
                # finished one: a run of unfinished lines is no run of headings to merge)
                or (
                    hard_wrapped and (following.kind == "row" or (following.kind == "para" and not following.is_open()))
                )
            )
        ):
            block.kind = "heading"
            block.level = _FLAT_HEADING
            made[id(block)] = (chained or 0) + 1


def _quotation_title(block: _Block, following: _Block, lang: Language | None) -> bool:
    """Whether a block that ends with a French quotation's closing guillemet (``Article 4, sur
    le terme « réseau »``) is a title over a numbered paragraph or a heading: a paragraph's text
    puts its punctuation after the quotation, and one that lost it (DGACM's, as after
    ``« … »`` in a preamble) opens as the language opens paragraphs."""
    return (
        bool(block.fragments[-1][0])
        and block.final_text().endswith("»")
        and (following.kind == "heading" or (following.kind == "para" and _numbered(following)))
        and not _opens_as_paragraph(block, lang)
    )


def _conjoined(block: _Block) -> bool:
    """Whether a block ends with a semicolon and the list's conjunction (``… of this Convention;
    and``): a clause, which its list goes on after, never a heading, though no punctuation ends
    it."""
    return _CONJOINED_END.search(block.final_text()) is not None


def _heads_run(block: _Block) -> bool:
    """Whether a block may head a run of one-line headings: one line, or a section's labelled
    title over its lines (``I.. Domaine … 2 : commerce, … intégra-`` / ``tion régionale`` /
    ``Commerce international``)."""
    return len(block.fragments) == 1 or (bool(block.fragments) and _SECTION_TITLE.match(_first_text(block)) is not None)


def _listed_entries(blocks: list[_Block]) -> set[int]:
    """The unfinished unnumbered blocks that are the entries of a list a colon introduced, its
    last entry finishing the sentence (``… as follows:`` / ``Priority area 1: Structural …`` /
    … / ``Priority area 5: Means of implementation.``): each is a paragraph of its own, not a
    run of headings, which no colon introduces and which a paragraph's text follows. (The ids
    of the blocks.)"""
    entries: set[int] = set()
    index = 0
    while index < len(blocks):
        block = blocks[index]
        end = index + 1
        while end < len(blocks) and blocks[end].kind == "para" and blocks[end].num is None and blocks[end].is_open():
            end += 1
        if (
            end - index > 2
            and end < len(blocks)
            and block.kind == "para"
            and block.fragments
            and block.final_text().endswith(":")
            and _last_entry(blocks[end])
            # a series' label alone heads what follows (``Have agreed as follows:`` / ``Article
            # 1`` / its title / its text): an entry says what it lists after its label
            and not any(_label_alone(entry) for entry in blocks[index + 1 : end])
        ):
            entries.update(id(entry) for entry in blocks[index + 1 : end])
        index = end
    return entries


def _last_entry(block: _Block) -> bool:
    """Whether a block is one unnumbered line that ends with a full stop."""
    return (
        block.kind == "para"
        and block.num is None
        and len(block.fragments) == 1
        and block.final_text().endswith(_FULL_STOPS)
    )


def _titles_annex(blocks: list[_Block], index: int) -> bool:
    """Whether the block at ``index`` stands between the heading that opens an annex and another
    heading (``Annex`` / ``Programme of Action … for the Decade`` / ``2024–2034`` /
    ``Introduction``): the annex's title, which may take more lines than a run of headings'. A
    title's name may stand before it on a line of its own that ends with a semicolon, as a
    treaty's name before its subtitle (``… Convention against …;`` / ``Strengthening … Crimes``
    / ``Preamble``): no paragraph ends so before a heading."""
    start = index - 1 if index > 1 and _names_title(blocks[index - 1]) else index
    opening = blocks[start - 1] if start > 0 else None
    return (
        opening is not None
        and opening.kind == "heading"
        and opening.level == 0
        and (start < 2 or blocks[start - 2].annex != opening.annex)
        and index + 1 < len(blocks)
        and blocks[index + 1].kind == "heading"
    )


def _names_title(block: _Block) -> bool:
    """Whether a block is one line that ends with a semicolon (a title's name before its
    subtitle, where it stands right after an annex's heading)."""
    return len(block.fragments) == 1 and block.kind != "item" and block.final_text().endswith(";")


def _mark_list_headings(blocks: list[_Block], lang: Language) -> None:
    """In hard-wrapped text, an annex's sub-headings that the text shows as plain lines over its
    clauses:

    - an unfinished, unnumbered block right before a labelled clause (``Subnational finance`` /
      ``(o) We will strengthen …;``): a sentence that introduces a list ends with a colon, and
      one that runs on into its clauses fills its line (a block of several lines that opens as
      the language's paragraphs do is a paragraph that lost its final punctuation);
    - a line of its own that ends with a colon and recurs word for word in the document's annexes
      (``Targets:`` over each list of bullets, ``We commit to taking the following actions:``
      over numbered paragraphs): a paragraph's words do not recur, a heading's do;
    - an unfinished block between the heading that opens an annex and another heading, the
      annex's title (see :func:`_titles_annex`).

    The clauses under such a heading are annex paragraphs that keep their label or bullet in
    their text, as DGACM marks up every annex's (see ``flat_lists``), where otherwise they would
    be a list with no paragraph to stand under."""
    recurring = Counter(
        block.final_text()
        for block in blocks
        if block.kind == "para" and block.annex >= 0 and block.num is None and len(block.fragments) == 1
    )
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if not (
            block.kind == "para"
            and block.annex >= 0
            and block.num is None
            and block.fragments
            and not _QUOTED.match(strip_markup(block.fragments[0][0]))
        ):
            continue
        unfinished = (
            block.is_open()
            and not _conjoined(block)
            and (len(block.fragments) == 1 or not _opens_as_paragraph(block, lang))
            and following.kind == "item"
        )
        titles = (
            len(block.fragments) == 1
            and block.final_text().endswith(":")
            and recurring[block.final_text()] > 1
            and (following.kind == "item" or _numbered(following))
        )
        named = _names_title(block) and blocks[index + 1].is_open() and _titles_annex(blocks, index + 1)
        if not (unfinished or titles or named or (block.is_open() and _titles_annex(blocks, index))):
            continue
        block.kind, block.level = "heading", _FLAT_HEADING
        after = index + 1
        while after < len(blocks) and blocks[after].kind == "item":
            clause = blocks[after]
            label = clause.num or clause.bullet
            if label:
                text, line, column = clause.fragments[0]
                clause.fragments[0] = (f"{label} {text}", line, column - len(label) - 1)
            clause.kind, clause.num = "para", None
            after += 1


def _opens_as_paragraph(block: _Block, lang: Language | None) -> bool:
    """Whether a block opens, capitalised, with a phrase that opens the language's paragraphs."""
    first = _first_text(block)
    return lang is not None and first[:1].isupper() and _listed_opening(lang, first)


def _mark_roman_headings(blocks: list[_Block], lang: Language) -> None:
    """In hard-wrapped text, an unfinished block that opens with an upper-case roman numeral
    (``I. International Convention …``, ``VI. Special Rapporteur …,`` / ``… intolerance``) right
    before a numbered paragraph or a heading is a section's heading, which the text shows
    without Markdown's ``#``: a paragraph numbered so ends as paragraphs do, and ``I.`` or ``V.``
    is no sub-paragraph's label before a paragraph number."""
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if not block.fragments or (block.kind == "heading" and block.num is not None) or block.kind == "row":
            continue  # a flat heading is one (before a finished paragraph) whose number is to read
        text, line, column = block.fragments[0]
        labelled = _ROMAN_HEADING.match(block.num + " " + text if block.num else text)
        if labelled is None:
            continue
        # a title's line may end with a comma where the title goes on in an unfinished line
        # ("VI. Special Rapporteur … racism," / "racial discrimination … intolerance")
        # a title may end with a French quotation's closing guillemet, as no paragraph's does
        # ("… intitulée « Le Pacte pour l'avenir »")
        unfinished = block.is_open() or (block.fragments[-1][0] and block.final_text().endswith("»"))
        if not unfinished and not (following.kind == "heading" and following.level == _FLAT_HEADING):
            continue
        # the section's own preamble may come between (see _mark_section_preambles)
        after = _after_preambular(blocks, index + 1, lang)
        if after == len(blocks) or not (blocks[after].kind == "heading" or _opens_operative(blocks[after], lang)):
            continue
        offset = len(text) - len(labelled.group(2)) if not block.num else 0
        block.fragments[0] = (labelled.group(2), line, column + offset)
        block.kind, block.num, block.level = "heading", labelled.group(1), 0


def _mark_counted_titles(blocks: list[_Block]) -> None:
    """In hard-wrapped text, an unnumbered paragraph that opens with a counted label and a full
    stop (``Action 3. We will …``, ``Objective 1. Close …``), finished or not, and stands
    between two numbered paragraphs whose numbers go on (its sub-paragraphs, or headings,
    between) is a title printed in bold, which the text shows as a plain line: DGACM numbers
    no paragraph so inside a numbered run."""
    last_number: int | None = None
    for index, block in enumerate(blocks):
        if block.kind == "heading" and block.num is None and block.level == 0:
            last_number = None  # an annex numbers its paragraphs anew
        if _numbered(block):
            digits = block.num.rstrip(" .-") if block.num else ""
            last_number = int(digits) if digits.isdigit() else None
            continue
        if not (last_number is not None and _counted_title(block)):
            continue
        after = _past_sub_headings(blocks, index + 1)
        if after < len(blocks) and _numbered(blocks[after]) and blocks[after].num == f"{last_number + 1}.":
            block.kind, block.level = "heading", 1


def _mark_lettered_headings(blocks: list[_Block], lang: Language) -> None:
    """In hard-wrapped text, a lettered section's one-line title, read as a paragraph or a
    sub-paragraph numbered with its letter (``A. Base salary scale``), over the section's own
    preamble (``Recalling …,``) and then its operative paragraphs, is the section's heading: a
    sub-paragraph's first line would go on, and no list's clause is followed by preambular
    paragraphs; its preamble becomes part of the heading (see :func:`_mark_section_preambles`).
    Over numbered paragraphs only, DGACM marks up some lettered sections as paragraphs numbered
    ``C.``, which stay so."""
    for index, block in enumerate(blocks[:-1]):
        if not (
            block.kind in ("para", "item")
            and block.num is not None
            and _SECTION_LETTER.match(block.num)
            and len(block.fragments) == 1
            and block.is_open()
        ):
            continue
        # the title may be printed again, a flat heading (DGACM's "A.. Base salary scale")
        start = _past_sub_headings(blocks, index + 1)
        end = _after_preambular(blocks, start, lang)
        if end > start and _opens_operative_after_headings(blocks, end, lang):
            block.kind, block.num, block.level = "heading", block.num.rstrip("."), 1


def _opens_operative_after_headings(blocks: list[_Block], start: int, lang: Language) -> bool:
    """Whether the first block from ``start`` on that is no unnumbered heading (a section's
    sub-headings) is an operative paragraph (see :func:`_opens_operative`)."""
    start = _past_sub_headings(blocks, start)
    return start < len(blocks) and _opens_operative(blocks[start], lang)


def _past_sub_headings(blocks: list[_Block], start: int) -> int:
    """The index of the first block from ``start`` on that is no unnumbered heading."""
    while start < len(blocks) and blocks[start].kind == "heading" and blocks[start].num is None:
        start += 1
    return start


def _mark_section_preambles(blocks: list[_Block], lang: Language) -> None:
    """A section's own preambular paragraphs (``II`` / its title / ``Recalling …,`` /
    ``Having considered …,`` / ``1. …``: the sections of budget resolutions) are part of its
    heading, as DGACM marks them up: the unnumbered paragraphs that end with a comma between a
    numbered section heading and the section's first operative paragraph (numbered, or one that
    opens as the language opens operative paragraphs: ``Takes note``). (In session 77 no
    preambular paragraph stands under a heading, and eight files' sections open so.) An
    annex's headings are left out: its own preamble may follow its title."""
    for index, block in enumerate(blocks):
        if block.kind != "heading" or block.annex >= 0:
            continue
        # a lettered section's heading may be flat, its label in its text (``B.. Evolution …``)
        if block.num is None and not (block.fragments and _SECTION_TITLE.match(_first_text(block))):
            continue
        start = _past_sub_headings(blocks, index + 1)
        end = _after_preambular(blocks, start, lang)
        # the section's sub-headings may stand between its preamble and its operative paragraphs
        if start < end and _opens_operative_after_headings(blocks, end, lang):
            for preambular in blocks[start:end]:
                preambular.kind, preambular.level = "heading", _FLAT_HEADING


def _opens_operative(block: _Block, lang: Language) -> bool:
    """Whether a block is an operative paragraph by its number, or, unnumbered, by its opening
    (``Takes note``: the language's operative openings)."""
    return _numbered(block) or (
        block.kind == "para"
        and block.num is None
        and bool(block.fragments)
        and lang.opening_end(strip_markup(block.fragments[0][0]), "operative") > 0
    )


def _after_preambular(blocks: list[_Block], start: int, lang: Language) -> int:
    """The index of the first block from ``start`` on that is no preambular paragraph: one
    unnumbered, ending with a comma and not opening as operative paragraphs do (``Recalls its
    resolution …,`` is DGACM's operative paragraph)."""
    end = start
    while (
        end < len(blocks)
        and blocks[end].kind == "para"
        and blocks[end].num is None
        and blocks[end].fragments
        and blocks[end].final_text().endswith(",")
        and not _opens_operative(blocks[end], lang)
    ):
        end += 1
    return end


def _bold_line(block: _Block) -> bool:
    """Whether a block is one line all in bold (a footnote's marker aside)."""
    if len(block.fragments) != 1:
        return False
    emphasised = _EMPHASISED_LINE.match(block.fragments[0][0])
    return emphasised is not None and emphasised.group(1) == "**"


def _numbered(block: _Block) -> bool:
    """Whether a block is a paragraph numbered with a number (not a letter: ``(c)`` may follow
    an unfinished line of a list's that is no heading)."""
    return block.num is not None and block.num[:1].isdigit()


class _Assembler:
    """Turns laid-out blocks into paragraphs, keeping the open heading path as it goes."""

    def __init__(self, inlines: Callable[[list[Fragment]], Inlines], file: str | None) -> None:
        self.inlines = inlines
        self.file = file
        self.paragraphs: list[Paragraph] = []
        self.annexes: dict[int, list[Paragraph]] = defaultdict(list)
        self.annex_spans: dict[int, SourceSpan] = {}
        self.sections: list[tuple[int, Section]] = []
        # the runs of consecutive headings of one level that make the last section's one heading,
        # joined once when a paragraph reads them: joining at each heading was quadratic in their number
        self.continued: list[Inline] | None = None
        self.continued_span: SourceSpan | None = None
        self.head: _Block | None = None
        self.items: list[_Block] = []
        self.rows: list[_Block] = []
        self.heading_awaits_paragraph = False

    def span(self, block: _Block) -> SourceSpan:
        line, column = block.span if block.fragments else (1, 1)
        return SourceSpan(self.file, line, column)

    def run(self, blocks: list[_Block]) -> tuple[list[Paragraph], tuple[Annex, ...]]:
        current_annex = -1
        for block in blocks:
            if block.annex != current_annex:
                self.flush()
                self.sections.clear()
                self.continued = None
                current_annex = block.annex
                self.annex_spans[block.annex] = self.span(block)
            if block.kind == "row":
                self.flush_paragraph()
                if block.opens_table:
                    self.flush_rows()
                self.rows.append(block)
            elif block.kind == "heading":
                self.flush()
                self.open_heading(block)
            elif block.kind == "item":
                if self.head is None:
                    raise TextSyntaxError(
                        f"sub-paragraph {block.num} outside any paragraph",
                        file=self.file,
                        line=block.span[0],
                        column=block.span[1],
                    )
                self.items.append(block)
            else:
                self.flush()
                self.head = block
        self.flush()
        annexes = tuple(Annex(tuple(self.annexes[i]), self.annex_spans.get(i)) for i in sorted(self.annexes))
        return self.paragraphs, annexes

    def open_heading(self, block: _Block) -> None:
        heading = self.inlines(block.fragments) if block.fragments else ()
        if (
            self.heading_awaits_paragraph
            and self.sections
            and self.sections[-1][0] == block.level
            and block.num is None
        ):
            # consecutive headings of one level ("Annex I" / "Global Digital Compact") are one heading
            if self.continued is None:
                self.continued = list(self.sections[-1][1].heading)
            if self.continued:
                self.continued += (Text("\n"), *heading)
            else:
                self.continued += heading
            self.continued_span = self.span(block)
            return
        self.settle()
        while self.sections and self.sections[-1][0] >= block.level:
            self.sections.pop()
        self.sections.append((block.level, Section(block.num, heading, self.span(block))))
        self.heading_awaits_paragraph = True

    def settle(self) -> tuple[Section, ...]:
        """The open heading path, the last heading joined from its pieces."""
        if self.continued is not None:
            level, section = self.sections[-1]
            heading = merge_runs(self.continued)
            self.sections[-1] = (level, replace(section, heading=heading, span=self.continued_span or section.span))
            self.continued = None
        return tuple(section for _, section in self.sections)

    def emit(self, paragraph: Paragraph, annex: int) -> None:
        (self.annexes[annex] if annex >= 0 else self.paragraphs).append(paragraph)
        self.heading_awaits_paragraph = False

    def flush(self) -> None:
        self.flush_paragraph()
        self.flush_rows()

    def flush_paragraph(self) -> None:
        head = self.head
        if head is None:
            return
        paragraph = Paragraph(
            part=head.part,
            num=head.num,
            content=self.inlines(head.fragments),
            items=_nest_items(self.items, self.inlines, self.file),
            sections=self.settle(),
            span=self.span(head),
        )
        self.emit(paragraph, head.annex)
        self.head = None
        self.items = []

    def flush_rows(self) -> None:
        if not self.rows:
            return
        first = self.rows[0]
        table = _table(self.rows, self.inlines)
        sections = self.settle()
        self.emit(Paragraph(first.part, None, (), sections=sections, table=table, span=self.span(first)), first.annex)
        self.rows = []


def _nest_items(
    blocks: list[_Block], inlines: Callable[[list[Fragment]], Inlines], file: str | None
) -> tuple[Item, ...]:
    """Letters make the first level, roman numerals the second ((h) then (i) stays a letter)."""
    top: list[tuple[_Block, list[_Block]]] = []
    for block in blocks:
        label = (block.num or "").strip("()")
        is_roman = bool(_ROMAN.match(label))
        previous_letter = (top[-1][0].num or "").strip("()") if top else None
        letter_sequence = previous_letter is not None and _LETTER_BEFORE_ROMAN.get(label) == previous_letter
        if is_roman and top and not letter_sequence and (top[-1][1] or label == "i"):
            top[-1][1].append(block)
        else:
            top.append((block, []))

    def make(block: _Block, children: tuple[Item, ...]) -> Item:
        line, column = block.span
        return Item(block.num, inlines(block.fragments), children, SourceSpan(file, line, column))

    return tuple(make(block, tuple(make(child, ()) for child in children)) for block, children in top)


def _table(rows: list[_Block], inlines: Callable[[list[Fragment]], Inlines]) -> Table:
    """A Markdown pipe table; rows above the ``|---|`` rule are header rows."""
    parsed: list[tuple[Cell, ...]] = []
    header_rows = 0
    for row in rows:
        text, line, column = row.fragments[0]
        if _TABLE_RULE.match(text):
            header_rows = len(parsed)
            continue
        cells: list[Cell] = []
        offset = column + 1
        for raw_cell in _split_cells(text[1:-1]):
            paragraphs = tuple(
                inlines([(part.strip(), line, offset)]) for part in raw_cell.split("<br>") if part.strip()
            )
            cells.append(Cell(paragraphs))
            offset += len(raw_cell) + 1
        parsed.append(tuple(cells))
    return Table(
        tuple(
            tuple(Cell(c.paragraphs, header=True) for c in row) if index < header_rows else row
            for index, row in enumerate(parsed)
        )
    )


def _widens_table(blocks: list[_Block], row: _Block) -> bool:
    """Whether ``row`` opens a table of its own though no blank line sets it apart: it has more
    cells than every row of the table before it, which has two rows at least. Hard-wrapped text
    prints two tables one after the other as one run of rows; a table's rows may have fewer cells
    than its columns (cells spanned), and a wider row after its first ones is no table's (none of
    the corpus's 38 tables has one after its second row), so it is the next table's."""
    widest, rows = 0, 0
    for block in reversed(blocks):
        if block.kind != "row":
            break
        text = block.fragments[0][0]
        if not _TABLE_RULE.match(text):
            widest, rows = max(widest, len(_split_cells(text[1:-1]))), rows + 1
        if block.opens_table:
            break
    return rows >= 2 and len(_split_cells(row.fragments[0][0][1:-1])) > widest


def _split_cells(inner: str) -> list[str]:
    """Split a table row at unescaped pipes."""
    return [cell.replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _introduces(preamble: tuple[Paragraph, ...], operative: tuple[Paragraph, ...]) -> bool:
    """Whether the preamble's last paragraph introduces the numbered paragraphs that follow it
    (it ends with a colon and has no sub-paragraphs of its own): no preambular paragraph does."""
    if not preamble or not operative or operative[0].num is None or preamble[-1].items:
        return False
    return plain_text(preamble[-1].content).rstrip().endswith(":")


def _split_unnumbered(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """Without numbers, the operative part is what follows the last paragraph ending in a comma
    (but a quotation's: an operative paragraph may quote text whose paragraphs end so)."""
    last_comma = -1
    for index, paragraph in enumerate(paragraphs):
        text = plain_text(paragraph.content).strip()
        if text.endswith(",") and not _QUOTED.match(text):
            last_comma = index
    preamble = tuple(replace(p, part="preamble") for p in paragraphs[: last_comma + 1])
    operative = tuple(replace(p, part="operative") for p in paragraphs[last_comma + 1 :])
    return preamble, operative
