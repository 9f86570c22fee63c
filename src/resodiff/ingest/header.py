"""The printed frame of a resolution: the header above the enacting formula (symbol,
distribution, session, agenda item, number and title, or a draft's sponsors), the formula
itself, and the closing lines (meeting, date).

Every reader of a printed form (the text form now; PDF and Word next) finds these lines in
its own way and hands them over here as plain fragments with their positions, so that the
header is understood the same way whatever the input form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..errors import TextSyntaxError
from ..languages import Language, annex_words, formulas, language_or_fallback, organisation_names
from ..model import Closing, Metadata, SourceSpan
from ..typography import normalize_typography

#: A line of the source: its text, its line number and the column of its first character.
Fragment = tuple[str, int, int]

_SUP_MARKUP = re.compile(r"\^\{([^}]*)\}|\^(\w+)")
_SUP_WORD = re.compile(r"\^(\w+)")
_SYMBOL_LINE = re.compile(r"(A/RES/[\w./()-]+(?: [A-Z](?:-[A-Z])?)?|A/\d+/L\.\d+(?:/Rev\.\d+)?)")
#: a resolution's number and title: a regular session's (``79/9``, ``77/256 B``), a special
#: or emergency special session's (``S-30/1``, ``ES-11/6``)
_NUMBER_TITLE = re.compile(r"^((?:\d{1,4}/\d{1,4}|E?S-\d{1,2}/\d{1,3})(?: [A-Z](?:-[A-Z])?)?)\.\s+(.+)$")
_NUMBER_ALONE = re.compile(r"^((?:\d{1,4}/\d{1,4}|E?S-\d{1,2}/\d{1,3})(?: [A-Z](?:-[A-Z])?)?)\.$")
#: a multi-part publication's number, with no full stop: its part's letter opens the title
#: line after it (``77/128``, then ``B. Title``), where a tab set the two apart
_PUBLICATION_NUMBER = re.compile(r"^(?:\d{1,4}/\d{1,4}|E?S-\d{1,2}/\d{1,3})$")
_PART_TITLE = re.compile(r"^([A-Z](?:-[A-Z])?)\.\s+(.+)$")
_LONGEST_DATE = 60
#: the commas that end an enacting formula: Arabic has its own (Chinese full width is "," once normalised)
_COMMAS = ",،"
_DRAFT_SYMBOL = re.compile(r"A/(\d+)/L\.")


def strip_markup(text: str) -> str:
    """A line's words without emphasis, superscript or heading marks."""
    if "^" in text:
        # after the last "}", a "^{" cannot close: matching it there would scan to the end
        # of the line once per "^{" (quadratic on "^{^{^{…")
        last_brace = text.rfind("}") + 1
        text = _SUP_MARKUP.sub(_sup_words, text[:last_brace]) + _SUP_WORD.sub(_sup_words, text[last_brace:])
    return text.replace("**", "").replace("*", "").lstrip("#").strip()


def _sup_words(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2) or ""


def symbol_in(text: str) -> str | None:
    """The document symbol a header line prints (``A/RES/79/9``, ``A/79/L.10``), if any."""
    match = _SYMBOL_LINE.search(text)
    return match.group(1) if match else None


@cache
def _formulas() -> dict[str, tuple[str, str]]:
    """Every language's enacting formula, as a line reads once normalised → (code, bare name)."""
    normalised: dict[str, tuple[str, str]] = {}
    for formula, found in formulas().items():
        normalised.setdefault(normalize_typography(formula).rstrip(_COMMAS), found)
    return normalised


def find_formula(lines: Sequence[str], file: str | None) -> tuple[Language, int]:
    """The language of a resolution and the index of its enacting formula among ``lines``."""
    known = _formulas()
    for index, line in enumerate(lines):
        bare = normalize_typography(strip_markup(line))
        cleaned = bare.rstrip(_COMMAS).rstrip()
        found = known.get(cleaned)
        # where the formula is the body's bare name ("Генеральная Ассамблея,", "大会，"), the
        # header's line with that name and no comma is the header's, not the formula
        if found is not None and (bare != cleaned or cleaned != found[1]):
            return language_or_fallback(found[0]), index
    raise TextSyntaxError(
        "no enacting formula found (a line such as 'The General Assembly,' or "
        "'L'Assemblée générale,'): this does not look like a General Assembly resolution",
        file=file,
        line=1,
        column=1,
    )


def is_meeting_line(text: str, lang: Language) -> bool:
    """Whether a line (without markup) opens the closing: ``45th plenary meeting``."""
    return lang.closing_meeting.match(text) is not None


def split_closing(text: str, lang: Language) -> tuple[str, str] | None:
    """A closing written on one line (``39e séance plénière 18 novembre 2024``, as converters
    that join the two lines give it): the meeting and the date, or None."""
    # a date is short: only the line's end is searched (a paragraph may be one long line)
    for match in lang.date.finditer(text, max(0, len(text) - _LONGEST_DATE)):
        if match.end() == len(text):
            meeting = text[: match.start()].rstrip(" ,")
            return (meeting, match.group()) if is_meeting_line(meeting, lang) else None
    return None


def printed_title(header: Sequence[Fragment]) -> str | None:
    """The title as the header prints it after the resolution's number (``79/9. Title``, on one
    line or more), normalised: a page's running header repeats it."""
    for index, (raw, _line, _column) in enumerate(header):
        if number_title := _NUMBER_TITLE.match(normalize_typography(strip_markup(raw))):
            rest = (normalize_typography(strip_markup(text)) for text, _, _ in header[index + 1 :])
            return _join_lines([number_title.group(2), *rest])
    return None


def read_metadata(header: Sequence[Fragment], formula: Fragment, lang: Language, file: str | None) -> Metadata:
    """The metadata printed in the ``header`` lines above the enacting ``formula``."""
    values: dict[str, str | int | None] = {}
    title_lines: list[str] = []
    agenda_lines: list[str] = []
    state = "start"
    symbol_at = formula[1:]
    for raw, line, column in header:
        text = normalize_typography(strip_markup(raw))
        symbol = symbol_in(text)
        if symbol and "symbol" not in values and text.replace(symbol, "").strip() in organisation_names() | {""}:
            values["symbol"] = symbol
            symbol_at = (line, column)
            continue
        if state == "part" and (part_title := _PART_TITLE.match(text)):
            values["number"] = f"{values['number']} {part_title.group(1)}"
            title_lines.append(part_title.group(2))
            state = "title"
            continue
        if state in ("title", "part"):
            title_lines.append(text)
            state = "title"
            continue
        if number_title := _NUMBER_TITLE.match(text):
            values["number"] = number_title.group(1)
            title_lines.append(number_title.group(2))
            state = "title"
            continue
        if number_alone := _NUMBER_ALONE.match(text):
            # pdftotext writes a hanging number on a line of its own when a tab sets the title apart
            values["number"] = number_alone.group(1)
            state = "title"
            continue
        if "number" not in values and _PUBLICATION_NUMBER.match(text):
            values["number"] = text
            state = "part"
            continue
        if lang.distribution.match(text):
            values["distribution"] = text
            state = "distribution"
            continue
        if state == "distribution" and (iso := lang.parse_date(text)):
            values["distribution_date"] = iso
            state = "start"
            continue
        if session_match := lang.session.match(text):
            values["session_label"] = session_match.group("label")
            continue
        if agenda := lang.agenda_item.match(text):
            values["agenda_item"] = agenda.group("item")
            state = "agenda"
            continue
        if adoption := lang.adoption.match(text):
            values["adoption_line"] = text
            values["adoption_date"] = lang.parse_date(adoption.group("date"))
            state = "start"
            continue
        if (committee := lang.committee.match(text)) and text.startswith("["):
            values["committee"] = committee.group("what")
            values["draft_symbol"] = committee.group("draft")
            state = "start"
            continue
        if lang.draft_marker in text.lower():
            values["sponsors"] = text
            state = "title"  # a draft: its title follows the sponsors' line, with no number
            continue
        if state == "agenda":
            agenda_lines.append(text)
    if "number" not in values and "sponsors" in values and title_lines and "symbol" in values:
        symbol = str(values["symbol"])
        draft = _DRAFT_SYMBOL.match(symbol)
        if draft is None:
            raise TextSyntaxError(
                f"a draft (a sponsors' line, no resolution number) under the symbol {symbol}, "
                "which is not a draft's (such as A/79/L.9)",
                file=file,
                line=symbol_at[0],
                column=symbol_at[1],
            )
        return Metadata(
            symbol=symbol,
            language=lang.code,
            title=_join_lines(title_lines),
            session=int(draft.group(1)),
            session_label=_opt(values.get("session_label")),
            agenda_item=_opt(values.get("agenda_item")),
            agenda_title=_join_lines(agenda_lines) or None,
            distribution=_opt(values.get("distribution")),
            distribution_date=_opt(values.get("distribution_date")),
            span=SourceSpan(file, header[0][1], header[0][2]),
        )
    if "number" not in values:
        raise TextSyntaxError(
            "no resolution number and title line (such as '79/9. Title') before the formula",
            file=file,
            line=formula[1],
            column=formula[2],
        )
    number = str(values["number"])
    session = int(number.split("/")[0].rpartition("-")[2])  # "79/9", "ES-11/6": the 11th
    symbol = str(values.get("symbol") or f"A/RES/{number}")
    return Metadata(
        symbol=symbol,
        language=lang.code,
        title=_join_lines(title_lines),
        number=number,
        session=session,
        session_label=_opt(values.get("session_label")),
        agenda_item=_opt(values.get("agenda_item")),
        agenda_title=_join_lines(agenda_lines) or None,
        adoption_date=_opt(values.get("adoption_date")),
        adoption_line=_opt(values.get("adoption_line")),
        distribution=_opt(values.get("distribution")),
        distribution_date=_opt(values.get("distribution_date")),
        committee=_opt(values.get("committee")),
        draft_symbol=_opt(values.get("draft_symbol")),
        span=SourceSpan(file, header[0][1], header[0][2]) if header else SourceSpan(file, formula[1], formula[2]),
    )


def _join_lines(lines: Sequence[str]) -> str:
    """The lines of a title as one: a line that ends with a compound's hyphen
    (``Portuguese-`` / ``speaking``) joins the next without a space."""
    joined = ""
    for line in lines:
        joined += line if not joined or joined.endswith("-") else " " + line
    return joined


def _opt(value: str | int | None) -> str | None:
    return None if value is None else str(value)


def read_closing(lines: Sequence[Fragment], lang: Language, file: str | None) -> Closing | None:
    """The closing from its lines: the meeting, then the date it was held, if printed."""
    if not lines:
        return None
    meeting = strip_markup(lines[0][0])
    date_text = strip_markup(lines[1][0]) if len(lines) > 1 else None
    span = SourceSpan(file, lines[0][1], lines[0][2])
    return Closing(meeting, date_text, lang.parse_date(date_text) if date_text else None, span)


def starts_annex(bare: str) -> bool:
    """Whether a line (its markup stripped) opens with a language's word for an annex
    (``Annex``, ``Annexe II``, ``Annex to …``)."""
    return bare.split(" ", 1)[0].lower().rstrip(".") in annex_words()
