"""The rules of ``resodiff check``, registered by code.

Codes: S1xx structure, F2xx footnotes, R3xx references and consistency, P4xx against the
previous version.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache

from ..languages import language
from ..model import Footnote, Item, Paragraph, SourceSpan, Text, footnotes_in, plain_text
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
    """Ordinal words → number, 1 to 130, from num2words (with the language's shortened forms)."""
    lang = language(code)
    if lang is None or lang.num2words is None:
        return {}
    from num2words import num2words  # a heavy import, paid only when a rule reads an ordinal

    table: dict[str, int] = {}
    for n in range(1, 131):
        word = normalize_typography(num2words(n, to="ordinal", lang=lang.num2words)).lower()
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


# -- structure ---------------------------------------------------------------------------


@REGISTRY.rule(
    "S101",
    "operative-numbering",
    summary="Operative paragraphs are numbered 1, 2, 3 ... without gaps or repeats.",
    rationale="A gap or a repeat means a paragraph was lost, duplicated or renumbered by hand; delegations "
    "refer to operative paragraphs by number.",
    example="1. Decides ...; 2. Requests ...; 4. Invites ...  (3 is missing)",
)
def operative_numbering(context: Context) -> Iterator[Issue]:
    expected = 1
    for paragraph in context.resolution.operative:
        number = _number(paragraph.num)
        if number is None:
            continue
        if number == 1:
            expected = 1  # numbering starts again in each section of some resolutions (I, II; A, B)
        if number != expected:
            what = "repeats" if number < expected else "skips"
            yield Issue(
                f"operative paragraph {paragraph.num} {what} the numbering: expected {expected}.", paragraph.span
            )
        expected = number + 1


@REGISTRY.rule(
    "S102",
    "preamble-comma",
    summary="Every preambular paragraph ends with a comma.",
    rationale="The preamble is one long sentence whose subject is the formula; each of its paragraphs ends "
    "with a comma, and a full stop or semicolon there is a typing error or a paragraph in the wrong part.",
    example="Recalling its resolution 77/18 of 21 November 2022;   (should end with ',')",
    severity="warning",
)
def preamble_comma(context: Context) -> Iterator[Issue]:
    for paragraph in context.resolution.preamble:
        if paragraph.table is None and not _end(paragraph).endswith(","):
            yield Issue(f"preambular paragraph does not end with a comma: ...{_end(paragraph)[-30:]!r}", paragraph.span)


@REGISTRY.rule(
    "S103",
    "operative-ending",
    summary="Operative paragraphs end with a semicolon, the last one with a full stop.",
    rationale="The operative part is a sentence continued by semicolons; only the last paragraph closes it.",
    example="5. Decides to remain seized of the matter;   (the last paragraph should end with '.')",
    severity="warning",
)
def operative_ending(context: Context) -> Iterator[Issue]:
    operative = context.resolution.operative
    numbered = [p for p in operative if p.table is None and _number(p.num) is not None]
    # unnumbered lines among numbered paragraphs are headings or introductions ("Resolves that:")
    texts = numbered or [p for p in operative if p.table is None]
    if not texts or sum(_end(p).endswith(".") for p in texts) * 2 > len(texts):
        return  # a declaration written in sentences ("We, the Heads of State ...") ends each with '.'
    for index, paragraph in enumerate(texts):
        last = index == len(texts) - 1
        end = _end(paragraph).rstrip("»\"'”’ )")
        position = operative.index(paragraph)
        following = operative[position + 1] if position + 1 < len(operative) else None
        if not end or (following is not None and following.table is not None):
            continue  # a number alone, or the heading of the table that follows
        if last and following is not None:
            # unnumbered lines follow: a list ("as follows:") or a closing paragraph of its own
            allowed: tuple[str, ...] = (".", ":", ";", "!", "?")
        elif last:
            allowed = (".", "!", "?")
        elif following is not None and following.sections != paragraph.sections:
            allowed = (";", ".", ":", "?")  # the last paragraph of a section (I, II; A, B) may close it
        else:
            allowed = (";", ":", "?")  # a question put to the Court ends with its question mark
        if not end.endswith(allowed):
            where = "the last operative paragraph" if last else f"operative paragraph {paragraph.num or ''}".strip()
            yield Issue(f"{where} should end with {allowed[0]!r}: ...{end[-30:]!r}", paragraph.span)


@REGISTRY.rule(
    "S104",
    "operative-verb",
    summary="Each operative paragraph opens with its verb in italics.",
    rationale="The italic verb (Decides, Requests, Prie, Décide) carries the operative force of the "
    "paragraph; a paragraph without one is often a continuation that lost its number or formatting.",
    example="3. Requests the Secretary-General ...   (Requests should be in italics)",
    severity="warning",
)
def operative_verb(context: Context) -> Iterator[Issue]:
    for paragraph in context.resolution.operative:
        if paragraph.table is None and paragraph.num is not None and paragraph.opening is None:
            yield Issue(f"operative paragraph {paragraph.num} does not open with an italic verb.", paragraph.span)


@REGISTRY.rule(
    "S105",
    "preamble-phrase",
    summary="Each preambular paragraph opens with its phrase in italics.",
    rationale="The italic opening phrase (Recalling, Rappelant, Noting with concern) is how the preamble is "
    "read and cited.",
    example="Recalling its resolution 77/18 ...   (Recalling should be in italics)",
    severity="warning",
)
def preamble_phrase(context: Context) -> Iterator[Issue]:
    for paragraph in context.resolution.preamble:
        if paragraph.table is None and paragraph.opening is None:
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
)
def footnote_order(context: Context) -> Iterator[Issue]:
    expected: int | None = None
    unplaced = {int(n.marker) for n in context.resolution.unplaced_footnotes if n.marker.isdigit()}
    for note in _notes_in_order(context):
        if not note.marker.isdigit():
            continue
        number = int(note.marker)
        # the first note may continue the numbering of an earlier part (77/253 B starts at 2),
        # and annexes may start again at 1
        while expected is not None and expected in unplaced:
            expected += 1  # that footnote lost its marker: F202 reports it, not this rule
        if expected is not None and number != expected and number != 1:
            yield Issue(f"footnote {note.marker} is out of order: expected {expected}.", note.span)
        expected = number + 1


def _notes_in_order(context: Context) -> Iterator[Footnote]:
    """Every footnote in reading order, headings and annexes included."""
    yield from context.resolution.footnotes


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


_LIST_GLUE = re.compile(r"^[\s,]*(?:(?:and|et|y|of|du|de|en date du)\s+)?(?:\S+\s+\S+\s+\d{4})?[\s,]*(?:and|et|y)?\s*$")


@REGISTRY.rule(
    "R303",
    "recall-order",
    summary="Recall lists of resolutions run in chronological order.",
    rationale="'Recalling its resolutions 37/4, 38/4, ...' lists the series oldest first; an item out of "
    "order usually means the predecessor was added in the wrong place.",
    example="Recalling its resolutions 75/16, 77/18 and 73/135",
    severity="warning",
)
def recall_order(context: Context) -> Iterator[Issue]:
    for paragraph in context.resolution.preamble:
        run: list[tuple[int, int, str]] = []
        between = ""
        for node in paragraph.content:
            if not isinstance(node, Text):
                between += " "
                continue
            found = re.match(r"A/RES/(\d+)/(\d+)", node.ref.symbol) if node.ref else None
            if found:
                if run and not _LIST_GLUE.match(between):
                    run = []
                key = (int(found.group(1)), int(found.group(2)), node.text)
                if run and key[:2] < run[-1][:2]:
                    yield Issue(f"resolution {node.text} comes after {run[-1][2]} in the recall list.", paragraph.span)
                    break
                run.append(key)
                between = ""
            else:
                between += node.text


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
    summary="The session asked to receive a report and the session whose agenda gets the item agree.",
    rationale="A request to report at one session and an item placed on another session's agenda leaves "
    "the report without a debate, or the debate without a report.",
    example="Requests ... to report at its eighty-first session; Decides to include ... of its eightieth session",
    severity="warning",
)
def report_and_agenda(context: Context) -> Iterator[Issue]:
    code = context.resolution.meta.language
    data = _lint_data(code)
    if "report_request" not in data:
        return
    found: dict[str, tuple[int, Paragraph]] = {}
    for paragraph in context.resolution.operative:
        text = normalize_typography(plain_text(paragraph.all_inlines()))
        for key in ("report_request", "agenda_inclusion"):
            match = data[key].search(text)
            value = ordinal_value(match.group("ordinal"), code) if match else None
            if value is not None:
                found[key] = (value, paragraph)
    if "report_request" in found and "agenda_inclusion" in found:
        (reported, _), (included, paragraph) = found["report_request"], found["agenda_inclusion"]
        if reported != included:
            message = f"the report is asked for session {reported}, the item goes on the agenda of session {included}."
            yield Issue(message, paragraph.span)


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
        titles = [match.group("title") for match in pattern.finditer(text)]
        # the last name is the most specific: the sub-item under its item
        if titles and _comparable(titles[-1]) not in names:
            yield Issue(
                f"the agenda item named here, {titles[-1]!r}, is neither the title nor the agenda item.", paragraph.span
            )


# -- against the previous version ---------------------------------------------------------


@REGISTRY.rule(
    "P401",
    "predecessor-recalled",
    summary="The draft recalls the resolution it follows.",
    rationale="A resolution of a series recalls its predecessor; a missing recall is the commonest slip of a "
    "biennial update.",
    example="Recalling its resolutions ... 75/16 of 23 November 2020,   (77/18 missing)",
    needs_previous=True,
)
def predecessor_recalled(context: Context) -> Iterator[Issue]:
    previous = context.previous
    if previous is None:
        return
    symbol = previous.meta.symbol
    for paragraph in context.resolution.paragraphs():
        for node in paragraph.all_inlines():
            if isinstance(node, Text) and node.ref is not None and node.ref.symbol == symbol:
                return
    first = context.resolution.preamble[0].span if context.resolution.preamble else None
    yield Issue(f"the predecessor {symbol} is not recalled.", first)


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
