"""The rules of ``resodiff check``, registered by code.

Codes: S1xx structure, F2xx footnotes, R3xx references and consistency, P4xx against the
previous version.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache

from ..languages import language
from ..model import Footnote, Item, Paragraph, Resolution, SourceSpan, Text, footnotes_in, plain_text
from ..typography import normalize_typography
from . import REGISTRY, Context, Issue

_ROMAN = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
    "xxi",
    "xxii",
    "xxiii",
    "xxiv",
    "xxv",
]


def _lint_data(code: str) -> Mapping[str, re.Pattern[str]]:
    lang = language(code)
    return lang.check_phrases if lang else {}


@cache
def _ordinals(code: str) -> dict[str, int]:
    """Ordinal words → number, from the language's data (with its shortened forms)."""
    lang = language(code)
    if lang is None:
        return {}
    table: dict[str, int] = {}
    for n, ordinal in enumerate(lang.ordinals, 1):
        word = normalize_typography(ordinal).lower()
        table[word] = n
        for ending, shortened in lang.ordinal_endings.items():
            if word.endswith(ending):
                table[word.removesuffix(ending) + shortened] = n
    return table


def ordinal_value(words: str, code: str) -> int | None:
    """The number an ordinal in words stands for (``seventy-ninth`` → 79) in a language, or None."""
    return _ordinals(code).get(normalize_typography(words).lower())


def _end(paragraph: Paragraph) -> str:
    """The words a paragraph ends with: its last sub-paragraph's where it has some, without a
    trailing superscript (a footnote marker, even one that lost its footnote)."""
    last: Paragraph | Item = paragraph
    while last.items:
        last = last.items[-1]
    content = list(last.content)
    while content and isinstance(content[-1], Text) and content[-1].sup:
        content.pop()
    return normalize_typography(plain_text(tuple(content))).rstrip()


def _number(num: str | None) -> int | None:
    match = re.match(r"\s*(\d+)", num or "")
    return int(match.group(1)) if match else None


def _opens_in_italics(paragraph: Paragraph) -> bool:
    """Whether the first word of a paragraph is in italics, even in part: some files leave a first
    letter or an invisible mark (U+200E) outside the italic run ("S<i>ouscrit</i>")."""
    for node in paragraph.content:
        if not isinstance(node, Text):
            return False
        if node.italic and node.text.strip():
            return True
        if normalize_typography(node.text).strip() and re.search(r"\s", normalize_typography(node.text).lstrip()):
            return False  # the first word ended outside italics
    return False


def _numbered(operative: tuple[Paragraph, ...]) -> list[Paragraph]:
    """The operative paragraphs that carry an arabic number: lettered lines ((a), A.) that some
    files hold as paragraphs are sub-paragraphs or headings, not operative paragraphs."""
    return [p for p in operative if p.table is None and _number(p.num) is not None]


# -- what the source shows -----------------------------------------------------------------


@REGISTRY.property(
    "preamble-italics",
    "no preambular paragraph has italic text, as when a PDF conversion loses the italics",
)
def _preamble_italics(resolution: Resolution) -> bool:
    texts = [p for p in resolution.preamble if p.table is None]
    return not texts or any(isinstance(node, Text) and node.italic for p in texts for node in p.content)


@REGISTRY.property(
    "operative-italics",
    "no numbered operative paragraph opens in italics (italics lost in a PDF conversion, or a budget "
    "or declaration whose paragraphs have no operative verb)",
)
def _operative_italics(resolution: Resolution) -> bool:
    numbered = _numbered(resolution.operative)
    return not numbered or any(_opens_in_italics(p) for p in numbered)


# -- structure ---------------------------------------------------------------------------


@REGISTRY.rule(
    "S101",
    "operative-numbering",
    summary="Operative paragraphs are numbered 1, 2, 3 ... without gaps or repeats.",
    rationale="A gap or a repeat means a paragraph was lost, duplicated or renumbered by hand; delegations "
    "refer to operative paragraphs by number.",
    example="1. Decides ...; 2. Requests ...; 4. Invites ...  (3 is missing)",
    fixable=True,
)
def operative_numbering(context: Context) -> Iterator[Issue]:
    for paragraph, expected in operative_renumbering(context.resolution):
        number = _number(paragraph.num)
        what = "repeats" if number is not None and number < expected else "skips"
        yield Issue(f"operative paragraph {paragraph.num} {what} the numbering: expected {expected}.", paragraph.span)
        return  # the paragraphs after the first break follow from it: one finding, --fix renumbers them all


def operative_renumbering(resolution: Resolution) -> list[tuple[Paragraph, int]]:
    """Each operative paragraph whose number is not the one it should carry, with that number.
    A paragraph numbered 1 starts the numbering again (sections I, II; A, B)."""
    wrong = []
    expected = 1
    for paragraph in _numbered(resolution.operative):
        number = _number(paragraph.num)
        if number == 1:
            expected = 1
        if number != expected:
            wrong.append((paragraph, expected))
        expected += 1
    return wrong


def preamble_full_stops(resolution: Resolution) -> list[Paragraph]:
    """The preambular paragraphs that end with a full stop (S102), tables aside."""
    return [p for p in resolution.preamble if p.table is None and _end(p).endswith(".")]


@REGISTRY.rule(
    "S102",
    "preamble-full-stop",
    summary="No preambular paragraph ends with a full stop.",
    rationale="The preamble and the operative part are one sentence whose subject is the formula; a full stop "
    "in the preamble ends that sentence before its verbs, and usually marks a paragraph that belongs to "
    "the operative part or lost its continuation.",
    example="Recalling its resolution 77/18 of 21 November 2022.   (should end with ',')",
    fixable=True,
)
def preamble_full_stop(context: Context) -> Iterator[Issue]:
    for paragraph in preamble_full_stops(context.resolution):
        yield Issue(f"preambular paragraph ends with a full stop: ...{_end(paragraph)[-30:]!r}", paragraph.span)


def _closing_end(paragraph: Paragraph) -> str:
    return _end(paragraph).rstrip("»\"'”’ )")


def last_operative(resolution: Resolution) -> Paragraph | None:
    """The paragraph that closes the resolution's sentence: the last numbered operative paragraph,
    when nothing but its own continuation (a table, a list it introduces) follows it."""
    numbered = _numbered(resolution.operative)
    if not numbered:
        return None
    last = numbered[-1]
    following = resolution.operative[resolution.operative.index(last) + 1 :]
    return None if following else last


@REGISTRY.rule(
    "S103",
    "last-operative-ending",
    summary="The last operative paragraph ends with a full stop, not a semicolon or a comma.",
    rationale="The operative part is one sentence continued by semicolons; only the last paragraph closes it. "
    "A last paragraph ending with a semicolon leaves the resolution unfinished, and usually means a "
    "paragraph after it was lost.",
    example="5. Decides to remain seized of the matter;   (the last paragraph should end with '.')",
    fixable=True,
)
def last_operative_ending(context: Context) -> Iterator[Issue]:
    last = last_operative(context.resolution)
    if last is not None and _closing_end(last).endswith((";", ",")):
        yield Issue(f"the last operative paragraph should end with '.': ...{_closing_end(last)[-30:]!r}", last.span)


def punctuation_slips(resolution: Resolution) -> list[tuple[Paragraph, str]]:
    """Paragraphs whose final punctuation is a slip that does not change the structure: a
    preambular paragraph ending otherwise than with a comma (but not a full stop: S102), an
    operative paragraph other than the last ending otherwise than with a semicolon; with the
    punctuation each should end with."""
    slips: list[tuple[Paragraph, str]] = []
    for paragraph in resolution.preamble:
        end = _end(paragraph)
        if paragraph.table is None and end and not end.endswith((",", ".")):
            slips.append((paragraph, ","))
    operative = resolution.operative
    numbered = _numbered(operative)
    if sum(_end(p).endswith(".") for p in numbered) * 2 > len(numbered):
        return slips  # a declaration written in sentences ("We, the Heads of State ...") ends each with '.'
    for paragraph in numbered[:-1]:
        end = _closing_end(paragraph)
        following = operative[operative.index(paragraph) + 1]
        if following.table is not None or _number(following.num) is None:
            continue  # a table or a list of lines it introduces follows
        allowed: tuple[str, ...] = (";", ":", "?")  # a question put to the Court ends with its question mark
        if following.sections != paragraph.sections:
            allowed += (".",)  # the last paragraph of a section (I, II; A, B) may close it
        if end and not end.endswith(allowed):
            slips.append((paragraph, ";"))
    return slips


@REGISTRY.rule(
    "S108",
    "paragraph-punctuation",
    summary="Preambular paragraphs end with a comma, operative paragraphs before the last with a semicolon.",
    rationale="The punctuation between paragraphs is the grammar of the one sentence a resolution is; a "
    "semicolon in the preamble or a comma between operative paragraphs is a typographic slip (the "
    "structural ones are S102 and S103).",
    example="Recalling its resolution 77/18 of 21 November 2022;   (should end with ',')",
    severity="warning",
    group="style",
    fixable=True,
)
def paragraph_punctuation(context: Context) -> Iterator[Issue]:
    for paragraph, wanted in punctuation_slips(context.resolution):
        part = "preambular" if paragraph.part == "preamble" else f"operative paragraph {paragraph.num or ''}".strip()
        yield Issue(f"{part} should end with {wanted!r}: ...{_closing_end(paragraph)[-30:]!r}", paragraph.span)


@REGISTRY.rule(
    "S104",
    "operative-verb",
    summary="Each numbered operative paragraph opens with its verb in italics.",
    rationale="The italic verb (Decides, Requests, Prie, Décide) carries the operative force of the "
    "paragraph; a paragraph without one is often a continuation that lost its number or formatting.",
    example="3. Requests the Secretary-General ...   (Requests should be in italics)",
    severity="warning",
    needs=("operative-italics",),
)
def operative_verb(context: Context) -> Iterator[Issue]:
    for paragraph in _numbered(context.resolution.operative):
        if not _opens_in_italics(paragraph):
            yield Issue(f"operative paragraph {paragraph.num} does not open with an italic verb.", paragraph.span)


@REGISTRY.rule(
    "S105",
    "preamble-phrase",
    summary="Each preambular paragraph opens with its phrase in italics.",
    rationale="The italic opening phrase (Recalling, Rappelant, Noting with concern) is how the preamble is "
    "read and cited.",
    example="Recalling its resolution 77/18 ...   (Recalling should be in italics)",
    severity="warning",
    needs=("preamble-italics",),
)
def preamble_phrase(context: Context) -> Iterator[Issue]:
    for paragraph in context.resolution.preamble:
        if paragraph.table is None and not _opens_in_italics(paragraph):
            yield Issue("preambular paragraph does not open with an italic phrase.", paragraph.span)


@REGISTRY.rule(
    "S106",
    "formula",
    summary="The enacting formula is present and reads as the language has it.",
    rationale="The formula ('The General Assembly,') is the subject of every paragraph that follows.",
    example="The Assembly,   (should be 'The General Assembly,')",
)
def formula(context: Context) -> Iterator[Issue]:
    lang = language(context.resolution.meta.language)
    text = normalize_typography(plain_text(context.resolution.formula)).rstrip(",").strip()
    if not text:
        yield Issue("the enacting formula is missing.", context.resolution.meta.span)
    elif lang is not None and lang.formula and text not in (normalize_typography(f).rstrip(",") for f in lang.formula):
        yield Issue(f"the enacting formula reads {text!r}, expected {lang.formula[0]!r}.", context.resolution.meta.span)


def _label(num: str | None) -> str:
    return (num or "").strip().strip("()").rstrip(").").lower()


@REGISTRY.rule(
    "S107",
    "sub-paragraph-order",
    summary="Sub-paragraphs are lettered (a), (b), (c) ... and numbered (i), (ii), (iii) ... in order.",
    rationale="A skipped or repeated letter changes the references other texts make to the sub-paragraph.",
    example="(a) ...; (b) ...; (d) ...   ((c) is missing)",
)
def sub_paragraph_order(context: Context) -> Iterator[Issue]:
    def check(items: tuple[Item, ...]) -> Iterator[Issue]:
        labels = [_label(item.num) for item in items]
        if not labels or not all(labels):
            return
        if labels[0] == "i" and (len(labels) == 1 or labels[1] == "ii"):
            sequence = _ROMAN
        elif labels[0].isalpha() and len(labels[0]) == 1:
            letters = [chr(c) for c in range(ord(labels[0]), ord("z") + 1)]
            sequence = letters + [letter * 2 for letter in "abcdefghijklmnopqrstuvwxyz"]  # (z), (aa), (bb)
        else:
            sequence = []
        for index, (item, label) in enumerate(zip(items, labels, strict=True)):
            if sequence and (index >= len(sequence) or label != sequence[index]):
                expected = sequence[index] if index < len(sequence) else "?"
                yield Issue(f"sub-paragraph {item.num} is out of order: expected ({expected}).", item.span)
                break
        for item in items:
            yield from check(item.items)

    for paragraph in context.resolution.paragraphs():
        yield from check(paragraph.items)


# -- footnotes ---------------------------------------------------------------------------


@REGISTRY.rule(
    "F201",
    "footnote-without-text",
    summary="Every footnote marker has its footnote.",
    rationale="A superscript number with no footnote at the foot of the page is a lost reference.",
    example="... the report of the Secretary-General³   (and no footnote 3)",
)
def footnote_without_text(context: Context) -> Iterator[Issue]:
    for paragraph in context.resolution.paragraphs():
        for node in paragraph.all_inlines():
            if isinstance(node, Text) and node.sup and node.text.strip().isdigit():
                yield Issue(f"footnote marker {node.text.strip()} has no footnote.", paragraph.span)


@REGISTRY.rule(
    "F202",
    "footnote-without-marker",
    summary="Every footnote has its marker in the text.",
    rationale="A footnote nobody cites cannot be placed, and usually means its marker was deleted with "
    "the words around it.",
    example="² A/79/302.   (and no ² in the text)",
)
def footnote_without_marker(context: Context) -> Iterator[Issue]:
    for note in context.resolution.unplaced_footnotes:
        yield Issue(f"footnote {note.marker} has no marker in the text.", note.span)


@REGISTRY.rule(
    "F203",
    "footnote-order",
    summary="Footnote markers are numbered 1, 2, 3 ... in reading order.",
    rationale="Footnotes are numbered in the order they are cited; a marker out of order points the reader "
    "at the wrong note.",
    example="...resolution 70/1² ... the report¹   (1 should come first)",
    fixable=True,
)
def footnote_order(context: Context) -> Iterator[Issue]:
    for note, expected in footnote_renumbering(context.resolution):
        yield Issue(f"footnote {note.marker} is out of order: expected {expected}.", note.span)
        return  # the notes after the first break follow from it: one finding, --fix renumbers them all


def footnote_renumbering(resolution: Resolution) -> list[tuple[Footnote, int]]:
    """Each footnote (in reading order, headings and annexes included) whose marker is not the
    number it should carry, with that number."""
    wrong = []
    expected: int | None = None
    unplaced = {int(n.marker) for n in resolution.unplaced_footnotes if n.marker.isdigit()}
    for note in resolution.footnotes:
        if not note.marker.isdigit():
            continue
        number = int(note.marker)
        # the first note may continue the numbering of an earlier part (77/253 B starts at 2),
        # and annexes may start again at 1
        while expected is not None and expected in unplaced:
            expected += 1  # that footnote lost its marker: F202 reports it, not this rule
        if expected is None or number == 1:
            expected = number
        if number != expected:
            wrong.append((note, expected))
        expected += 1
    return wrong


# -- references and consistency -----------------------------------------------------------

_SYMBOL_LIKE = re.compile(r"(?<![\w/])(?:A|S|E)/[^\s,;()]+")
# what no UN symbol has: an empty part ("A//79", "A/79/"), or a dot against a slash ("A/79./1")
_MALFORMED = re.compile(r"//|/$|/\.|\./")


def _regular_session(context: Context) -> int | None:
    """The session of a regular-session resolution (emergency and special sessions have their own)."""
    number = context.resolution.meta.number or ""
    return None if number.startswith(("ES-", "S-")) else context.resolution.meta.session


@REGISTRY.rule(
    "R301",
    "reference-form",
    summary="Resolution numbers and document symbols are well formed.",
    rationale="A symbol with a doubled or trailing slash, or a resolution of a session that has not yet "
    "taken place, cannot be found in the UN's document system.",
    example="A//79/302 ; resolution 81/12 in a text of the seventy-ninth session",
)
def reference_form(context: Context) -> Iterator[Issue]:
    session = _regular_session(context)
    for paragraph in context.resolution.paragraphs():
        inlines = paragraph.all_inlines()
        texts = [plain_text(inlines)] + [plain_text(n.content) for n in footnotes_in(inlines)]
        for text in texts:
            for match in _SYMBOL_LIKE.finditer(text):
                candidate = match.group().rstrip(".")
                if _MALFORMED.search(candidate):
                    yield Issue(f"{candidate!r} is not a well-formed document symbol.", paragraph.span)
        for node in inlines:
            ref = node.ref if isinstance(node, Text) else None
            if ref is None or session is None:
                continue
            found = re.match(r"A/RES/(\d+)/(\d+)", ref.symbol)
            if found and (int(found.group(1)) > session or int(found.group(2)) == 0):
                yield Issue(f"resolution {node.text} cannot exist at the {session}th session.", paragraph.span)


@REGISTRY.rule(
    "R302",
    "date-validity",
    summary="Dates are real dates.",
    rationale="'31 June' or '30 février' is a typing error in a date that others will cite.",
    example="adopted on 31 June 2024",
)
def date_validity(context: Context) -> Iterator[Issue]:
    lang = language(context.resolution.meta.language)
    if lang is None:
        return
    pattern = re.compile(lang.date.pattern.replace(r"\d{1,2}", r"\d{1,3}", 1), re.IGNORECASE)
    for paragraph in context.resolution.paragraphs():
        inlines = paragraph.all_inlines()
        for text in [plain_text(inlines)] + [plain_text(n.content) for n in footnotes_in(inlines)]:
            for match in pattern.finditer(text):
                if lang.iso_date(match) is None:
                    yield Issue(f"{match.group()!r} is not a valid date.", paragraph.span)


# what joins the items of a recall list: commas, "and", a part letter ("72/266 A"), the date.
# Each run of commas and spaces belongs to one piece only (a date starts with no comma): with two
# runs side by side a long run of spaces or commas was split every way, cubic in its length.
_LIST_GLUE = re.compile(
    r"^[\s,]*(?:[A-Z](?:-[A-Z])?\b[\s,]*)?(?:(?:and|et|y|of|du|de|en date du)(?=\s)[\s,]*)?"
    r"(?:[^\s,]\S*\s+\S+\s+\d{4}[\s,]*)?(?:(?:and|et|y)\s*)?$"
)
_GA_RESOLUTION = re.compile(r"A/RES/(\d+)/(\d+)")


@dataclass(frozen=True, slots=True)
class RecallItem:
    """A resolution in a recall list, with what orders it: its date, else its number."""

    text: str
    session: int
    number: int
    date: str | None

    def before(self, other: RecallItem) -> bool:
        """Whether this resolution is the older one (by date where both have one)."""
        if self.date and other.date and self.date != other.date:
            return self.date < other.date
        return (self.session, self.number) < (other.session, other.number)


def recall_lists(paragraph: Paragraph, code: str) -> list[list[RecallItem]]:
    """The lists of General Assembly resolutions a preambular paragraph cites: references joined
    only by commas, 'and', part letters and the date each was adopted on. An item without a date
    of its own has the date that follows it ("77/253 B of 30 June 2023", where the reader gives
    the reference none) or the next item's ("58/269 and 58/270 of 23 December 2003")."""
    lang = language(code)
    lists: list[list[tuple[Text, str]]] = []
    run: list[tuple[Text, str]] = []
    for node in paragraph.content:
        if not isinstance(node, Text):
            if run:
                run[-1] = (run[-1][0], run[-1][1] + " ")
            continue
        if node.ref is not None and _GA_RESOLUTION.match(node.ref.symbol):
            if run and not _LIST_GLUE.match(run[-1][1]):
                lists.append(run)
                run = []
            run.append((node, ""))
        elif run:
            run[-1] = (run[-1][0], run[-1][1] + node.text)
    if run:
        lists.append(run)
    found = []
    for items in lists:
        if len(items) < 2:
            continue
        recalled: list[RecallItem] = []
        for node, after in items:
            match = _GA_RESOLUTION.match(node.ref.symbol) if node.ref else None
            assert match is not None and node.ref is not None  # kept above for this
            written = lang.date.search(normalize_typography(after)) if lang is not None else None
            date = node.ref.date or (lang.iso_date(written) if lang is not None and written else None)
            recalled.append(RecallItem(node.text, int(match.group(1)), int(match.group(2)), date))
        for index in range(len(recalled) - 2, -1, -1):
            if recalled[index].date is None and recalled[index + 1].date is not None:
                recalled[index] = replace(recalled[index], date=recalled[index + 1].date)
        found.append(recalled)
    return found


def out_of_order(items: list[RecallItem]) -> tuple[RecallItem, RecallItem] | None:
    """The first pair that breaks the list's order. Lists run oldest first; a list of three or
    more written newest first throughout ('the most recent of which being ...') is in order too."""
    pairs = list(zip(items, items[1:], strict=False))
    if len(items) > 2 and not any(a.before(b) for a, b in pairs):
        return None
    return next(((a, b) for a, b in pairs if b.before(a)), None)


@REGISTRY.rule(
    "R303",
    "recall-order",
    summary="Recall lists of resolutions run in chronological order.",
    rationale="'Recalling its resolutions 37/4, 38/4, ...' lists the series oldest first; an item out of "
    "order usually means the predecessor was added in the wrong place. A list of three or more written "
    "newest first throughout is in order too.",
    example="Recalling its resolutions 75/16, 77/18 and 73/135",
    fixable=True,
)
def recall_order(context: Context) -> Iterator[Issue]:
    for paragraph in context.resolution.preamble:
        for items in recall_lists(paragraph, context.resolution.meta.language):
            pair = out_of_order(items)
            if pair is not None:
                first, second = (f"{item.text}{f' ({item.date})' if item.date else ''}" for item in pair)
                yield Issue(f"resolution {second} comes after {first} in the recall list.", paragraph.span)


@REGISTRY.rule(
    "R304",
    "own-identity",
    summary="The symbol, number, session and session in words agree with each other.",
    rationale="A draft copied from last session's text often keeps the old session ordinal or number.",
    example="A/RES/79/9 ... 'Seventy-seventh session'",
)
def own_identity(context: Context) -> Iterator[Issue]:
    meta = context.resolution.meta
    where = meta.span or SourceSpan(context.file, 1, 1)

    def without_part(number: str) -> str:  # "79/93 A", "77/253 B" and "79/93" name one resolution number
        return re.sub(r"\s*[A-Z](?:-[A-Z])?$", "", number)

    own = meta.symbol.removeprefix("A/RES/")
    if meta.number and meta.symbol.startswith("A/RES/") and without_part(own) != without_part(meta.number):
        yield Issue(f"the symbol {meta.symbol} does not match the resolution number {meta.number}.", where)
    if _regular_session(context) and meta.number and not meta.number.startswith(f"{meta.session}/"):
        yield Issue(f"resolution {meta.number} is not of the {meta.session}th session.", where)
    pattern = _lint_data(meta.language).get("session_label")
    if meta.session_label and pattern and meta.session:
        match = pattern.match(normalize_typography(meta.session_label))
        value = ordinal_value(match.group("ordinal"), meta.language) if match else None
        if value is not None and value != meta.session:
            yield Issue(f"the header says {meta.session_label!r}, but this is the {meta.session}th session.", where)


@REGISTRY.rule(
    "R305",
    "report-and-agenda",
    summary="The item goes on the agenda of a session that receives the report asked for, not a later one.",
    rationale="A request to report at one session and the item placed only on a later session's agenda "
    "leaves the report without a debate. An item placed on an earlier agenda than the report is the "
    "annual item of a biennial report, and is in order.",
    example="Requests ... to report at its eighty-first session; Decides to include ... of its eighty-second session",
)
def report_and_agenda(context: Context) -> Iterator[Issue]:
    code = context.resolution.meta.language
    data = _lint_data(code)
    if "report_request" not in data:
        return
    reports: dict[int, Paragraph] = {}
    inclusions: dict[int, Paragraph] = {}
    also = data.get("report_to_assembly")
    for paragraph in context.resolution.operative:
        text = normalize_typography(plain_text(paragraph.all_inlines()))
        ordinals = [(m.group("ordinal"), inclusions) for m in data["agenda_inclusion"].finditer(text)]
        for match in data["report_request"].finditer(text):
            ordinals.append((match.group("ordinal"), reports))
            # "to report ... at its seventy-ninth session, ... and to the Assembly at its eightieth session"
            clause = text[match.end() :].split(";")[0]
            ordinals.extend((m.group("ordinal"), reports) for m in (also.finditer(clause) if also else ()))
        for ordinal, sessions in ordinals:
            value = ordinal_value(ordinal, code)
            if value is not None:
                sessions.setdefault(value, paragraph)
    if not reports:
        return
    for included, paragraph in inclusions.items():
        if included not in reports and included > max(reports):
            asked = ", ".join(str(n) for n in sorted(reports))
            yield Issue(
                f"the report is asked for session {asked}, the item goes on the agenda of session {included} only.",
                paragraph.span,
            )


def _comparable(text: str) -> str:
    return normalize_typography(text).lower().strip(" .:;,")


@REGISTRY.rule(
    "R306",
    "title-and-agenda",
    summary="The item the resolution places on a future agenda bears the resolution's title or its agenda item's.",
    rationale="A draft that renames its own item by accident sends the report to an item that does not exist; "
    "the sub-item named at the end is normally the resolution's title.",
    example='81/12. Cooperation with the Example Organization ... the sub-item entitled "Cooperation with the '
    'Sample Organization"',
    severity="warning",
    group="style",
)
def title_and_agenda(context: Context) -> Iterator[Issue]:
    meta = context.resolution.meta
    pattern = _lint_data(meta.language).get("agenda_title")
    inclusion = _lint_data(meta.language).get("agenda_inclusion")
    if pattern is None or inclusion is None:
        return
    names = {_comparable(meta.title)}
    if meta.agenda_title:
        names.add(_comparable(meta.agenda_title))
        names.update(_comparable(part) for part in re.split(r"\s*:\s*", meta.agenda_title))
    for paragraph in context.resolution.operative:
        text = normalize_typography(plain_text(paragraph.all_inlines()))
        if not inclusion.search(text):
            continue
        # "an item entitled", "une question intitulée": the resolution opens a new item of its own name
        titles = [match.group("title") for match in pattern.finditer(text) if not match.group("new")]
        # the last name is the most specific: the sub-item under its item
        if titles and _comparable(titles[-1]) not in names:
            yield Issue(
                f"the agenda item named here, {titles[-1]!r}, is neither the title nor the agenda item.", paragraph.span
            )


# -- against the previous version ---------------------------------------------------------


@REGISTRY.rule(
    "P401",
    "predecessor-recalled",
    summary="The draft's recall paragraphs ('Recalling its resolutions ...') cite the resolution it follows.",
    rationale="A resolution of a series recalls its predecessor in its recall list; a missing recall is the "
    "commonest slip of a biennial update. A mention elsewhere (a report 'requested in resolution 77/18') "
    "does not recall it. The recall paragraphs are those opening with the language's 'Recalling' or "
    "'Reaffirming' (data/lint.json).",
    example="Recalling its resolutions ... 75/16 of 23 November 2020,   (77/18 missing)",
    needs_previous=True,
)
def predecessor_recalled(context: Context) -> Iterator[Issue]:
    previous = context.previous
    if previous is None:
        return
    symbol = previous.meta.symbol
    data = _lint_data(context.resolution.meta.language)
    opening, operative = data.get("recall_opening"), data.get("recall_operative")

    def recalls_in(paragraphs: tuple[Paragraph, ...], pattern: re.Pattern[str] | None) -> list[Paragraph]:
        return [p for p in paragraphs if pattern is None or pattern.match(normalize_typography(p.text).strip())]

    recalls = recalls_in(context.resolution.preamble, opening) + recalls_in(context.resolution.operative, operative)
    for paragraph in recalls:
        for node in paragraph.content:
            # DGACM's Chinese files link "ch/A/RES/77/18"
            if (
                isinstance(node, Text)
                and node.ref is not None
                and (node.ref.symbol == symbol or node.ref.symbol.endswith("/" + symbol))
            ):
                return
    where = (
        recalls[0].span if recalls else (context.resolution.preamble[0].span if context.resolution.preamble else None)
    )
    yield Issue(f"the predecessor {symbol} is not in the recall paragraphs ('Recalling its resolutions ...').", where)


@REGISTRY.rule(
    "P402",
    "paragraph-for-review",
    summary="Every paragraph inserted or deleted since the previous version is listed for review.",
    rationale="New and dropped paragraphs are what negotiators read first.",
    example="operative paragraph 8 is new since A/RES/77/18",
    severity="info",
    needs_previous=True,
)
def paragraph_for_review(context: Context) -> Iterator[Issue]:
    report = context.report
    if report is None:
        return
    paragraphs = {"preamble": context.resolution.preamble, "operative": context.resolution.operative}
    for change in report.changes:
        if change.kind == "inserted" and change.part in paragraphs:
            paragraph = paragraphs[change.part][change.new[0] - 1]
            label = paragraph.num or f"¶{change.new[0]}"
            yield Issue(f"{change.part} paragraph {label} is new since {report.old.symbol}.", paragraph.span)
        elif change.kind == "deleted":
            label = change.old_numbers[0] or f"¶{change.old[0]}"
            yield Issue(f"{change.part} paragraph {label} of {report.old.symbol} was deleted.", None)


@REGISTRY.rule(
    "P403",
    "technical-update-only",
    summary="A draft declared a technical update changes nothing of substance.",
    rationale="When the configuration says the draft only rolls the text over (technical-update = true), "
    "every substantive change is a finding.",
    example="[tool.resodiff] technical-update = true, and a paragraph reworded",
    needs_previous=True,
)
def technical_update_only(context: Context) -> Iterator[Issue]:
    if not context.technical_update or context.report is None:
        return
    paragraphs = {"preamble": context.resolution.preamble, "operative": context.resolution.operative}
    for change in context.report.changes:
        if change.change_class != "substantive":
            continue
        span = None
        if change.new and change.part in paragraphs:
            span = paragraphs[change.part][change.new[0] - 1].span
        where = change.new_numbers[0] if change.new_numbers and change.new_numbers[0] else change.part
        yield Issue(f"substantive change ({change.kind}) at {where} in a draft declared a technical update.", span)


@REGISTRY.rule(
    "A100",
    "markup-repaired",
    summary="The Akoma Ntoso file needed no repair to be read (a second preamble, a stray p, the last "
    "preambular paragraph in the operative part, a number apart from its text).",
    rationale="resodiff reads such markup as its author plainly meant it and records each repair; the "
    "file still departs from AKN4UN, and other tools may read it otherwise.",
    example="<preamble>...</preamble><preamble>...</preamble>   (one preamble, not two)",
    severity="warning",
)
def markup_repaired(context: Context) -> Iterator[Issue]:
    for diagnostic in context.resolution.diagnostics:
        yield Issue(f"{diagnostic.code} {diagnostic.message}", diagnostic.span)


from . import tracked as _tracked  # noqa: E402, F401  (the rules of Word's tracked changes register there)
