"""Language knowledge: one :class:`Language` record per language, each from one data file.

``data/languages/<code>.json`` holds everything resodiff knows of a language: its tags and
direction, month names and the header phrases of a resolution (``header``), the words a
technical update changes (``technical``), the phrases ``check`` reads (``check``), the labels
of the reports (``labels``), the phrases that open preambular and operative paragraphs
(``openings``) and where the UN's files in the language are (``documents``).
Adding a language is adding one such file; no module keeps a table of its own. A language
without ``header`` phrases is read from Akoma Ntoso only; labels a file lacks come from English.
Folders named in ``RESODIFF_LANGUAGE_PATH`` (separated like ``PATH``) are searched before
resodiff's own, so a language can be added without touching the package.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from .errors import ResodiffError
from .model import Inline, Inlines, Text, opening_phrase
from .typography import normalize_typography

FALLBACK = "eng"
PATH_VARIABLE = "RESODIFF_LANGUAGE_PATH"
#: a pattern for header phrases a language file does not give: it matches nothing
_NEVER = re.compile(r"(?!)")
#: the end of a word: an opening phrase ends there, never inside a word (harakat and other marks
#: are no ``\w``, so a word that carries them has more than one end; only whole ones match)
_WORD_END = re.compile(r"\w(?!\w)")


#: the share of a hard-wrapped line's width by which an estimate of printed widths may be off,
#: where a language does not say otherwise (see ``Language.width_doubt``)
WIDTH_DOUBT = 0.06


@dataclass(frozen=True, slots=True)
class Language:
    """Everything resodiff knows of one language, read from ``data/languages/<code>.json``.

    Obtain records with :func:`language` (by three-letter code) or :func:`by_tag` (by BCP 47
    tag); never build one by hand. Patterns a file does not give match nothing.
    """

    code: str
    """The three-letter code DGACM writes in FRBR expressions (ISO 639-2/T): ``fra``."""
    tag: str
    """The BCP 47 tag, for HTML ``lang`` and CLDR: ``fr``."""
    name: str
    """The language's name in itself (``français``)."""
    document_folder: str | None
    """The folder of DGACM's repository of resolutions that holds this language's files (``French``)."""
    document_letter: str | None
    """The letter that ends the UN's job numbers in this language (``F``), also in DGACM's file names."""
    undocs: str
    """The language's segment in undocs.org addresses: the tag, but ``ch`` for Chinese."""
    direction: Literal["ltr", "rtl"]
    ordinals: tuple[str, ...]
    """The ordinals from 1 (``first``, ``premier``), as the data file lists them (generated from
    num2words by tools/language_data.py); empty where the file has none."""
    cardinals: tuple[str, ...]
    """The cardinals from 1, likewise."""
    annex_word: str
    united_nations: tuple[str, ...]
    """How the organisation's name is printed beside the symbol in a document's header."""
    months: tuple[str, ...]
    """Month names as the language prints them in a date (numerals where it writes ``11月``)."""
    date: re.Pattern[str]
    formula: tuple[str, ...]
    general_assembly: str
    distribution: re.Pattern[str]
    session: re.Pattern[str]
    agenda_item: re.Pattern[str]
    adoption: re.Pattern[str]
    committee: re.Pattern[str]
    closing_meeting: re.Pattern[str]
    preamble_opening: re.Pattern[str] | None
    """How a preambular paragraph opens (a participle, an adjective: ``Recalling``, ``Mindful``),
    where the language file says."""
    resolution_words: tuple[str, ...]
    bodies_before: tuple[tuple[str, re.Pattern[str]], ...]
    bodies_after: tuple[tuple[str, re.Pattern[str]], ...]
    date_link_after: re.Pattern[str]
    draft_marker: str
    date_format: str
    agenda_line: str
    first_day: str | None
    decimal_separator: str
    """CLDR's decimal separator in the Latin digits (``,`` in French, ``.`` in English)."""
    connectors: frozenset[str]
    """Recall-list connectors: technical next to an inserted resolution number."""
    date_words: frozenset[str]
    number_words: frozenset[str]
    """Number words the ordinals and cardinals do not give (apocopes, other cases, numerals as
    characters)."""
    number_conjunctions: frozenset[str]
    """The conjunction inside written numbers ("one hundred and one"): no number word itself."""
    prefixes: tuple[str, ...]
    """Clitics written on a word (Arabic ``و``, ``ال``), stripped before comparing stems."""
    stem_length: int | None
    ordinal_endings: Mapping[str, str] = field(hash=False)
    """Shortened ordinals before a noun (Spanish ``primero`` → ``primer``), by ending."""
    raised_endings: tuple[str, ...]
    """The endings printed raised after a number (French ``1^{er}``, ``39^e``; Spanish
    ``13^{er}``) that are no word of the language, so that one set apart from its number
    (``1 er``, as ``pdftotext`` writes LibreOffice's) is always a raised ending that lost its type.
    A hand entry: CLDR has no such list, and those that are words (Spanish ``o``, ``a``:
    ``1 a 5``, ``2 o 3``) are left out."""
    raised_words: tuple[str, ...]
    """Abbreviations printed with a raised ending, as the text form writes them (French ``n^o``
    for *numéro*), whose two parts are no words of their own either (see ``raised_endings``)."""
    width_doubt: float
    """The share of a hard-wrapped line's width by which an estimate of printed widths from its
    characters may be off (0.06: Latin and Cyrillic letters differ little; Arabic ones, joined
    or not, and justified Arabic lines, much more; in Chinese the next word is one character,
    two columns, which a numbered paragraph's first line, narrower by its number's box than
    the text shows, seems to have room for): a word that would have fitted on a line only by
    less leaves a doubt."""
    check_phrases: Mapping[str, re.Pattern[str]] = field(hash=False)
    labels: Mapping[str, str] = field(hash=False)
    month_numbers: Mapping[str, int] = field(hash=False, default_factory=dict)
    """Every spelling of a month that dates are read with (``months`` and the file's
    ``month_variants``), by its :func:`month_key`."""
    place: re.Pattern[str] | None = None
    """Where a script without capitals still marks a place name: the words around it (Chinese
    ``在…举行``, "held in …"), the name as group ``place``."""
    places: frozenset[str] = frozenset()
    """Place names (CLDR's cities and territories in the language, generated by
    tools/language_data.py) for a script without capitals, where case cannot tell a name from a
    word: one place replacing another is a meeting's place rolled over."""
    citation_words: frozenset[str] = frozenset()
    """The words of the UN's citation forms (``See``, ``Official Records``, ``Supplement No.``,
    ``chap.``, ``sect.``; lower case): a footnote made of them, numbers and document symbols
    only cites a document."""
    compound_heads: frozenset[str] = frozenset()
    """Words and prefixes the language joins to the next word with a hyphen and that begin few
    other words (``non``, ``self``, French ``sous``): a hyphen after one at a line's end is the
    compound's, not the typesetter's."""
    compound_prefixes: frozenset[str] = frozenset()
    """Prefixes the language joins with a hyphen but that begin many words too (``co``, ``sub``):
    a hyphen after one is the compound's where the rest is a word."""
    compound_tails: frozenset[str] = frozenset()
    """Words the language joins to the word before with a hyphen (``based``, French ``même``)."""
    vowel_prefixes: frozenset[str] = frozenset()
    """Prefixes the language hyphenates before a word that opens with the vowel they end with
    (English ``re-entry``, ``pre-existing``, ``de-escalation``, ``anti-inflammatory``)."""
    suffixes: frozenset[str] = frozenset()
    """Endings that derive words and are words too (English ``ability``, French ``ment``): a
    word that ends so and that the word list lacks is no compound of two words for that."""
    closed_prefixes: frozenset[str] = frozenset()
    """Prefixes the language writes closed up (``inter``, ``trans``): a word that begins so and
    that the word list lacks is no compound of two words for that."""
    elided: frozenset[str] = frozenset()
    """The one-letter words the language writes elided before a vowel, with an apostrophe
    (French ``d'``, ``l'``): letters glued before one (``maind'œuvre``) are no word, but a
    compound that lost its hyphen where pdftotext joined two lines (``main-d'œuvre``)."""
    plural_endings: tuple[str, ...] = ()
    """The endings of a noun's plural (``s``; French ``x`` too): a word of the word list so
    ended is one too."""
    hyphenation: str | None = None
    """The name of the language's hyphenation patterns in pyphen (LibreOffice's: ``en_GB``,
    ``fr``): where a typesetter may break a word at a line's end."""
    word_list: str | None = None
    """The language's code in pyspellchecker, whose word lists (general text, not UN texts) tell
    a word of the language from two words that lost their hyphen (``healthcare`` is one,
    ``priceadjusted`` none)."""
    openings: Mapping[str, tuple[str, ...]] = field(hash=False, default_factory=dict)
    """The phrases the printed resolution italicises at the start of a preambular or operative
    paragraph (``Recalling also``, ``Decides``), by part, as the file lists them (mined from
    DGACM's Akoma Ntoso by tools/opening_phrases.py); none for a language printed without
    italics (Chinese)."""
    numbered_words: frozenset[str] = frozenset()
    """Words that a number after them numbers (``paragraph 7``, ``Goal 3``, ``article 18``; lower
    case, without a final full stop), as DGACM's texts write them: such a number is no footnote
    marker that lost its raised type (``pdftotext`` of LibreOffice's PDFs sets markers apart)."""
    unmarked_words: frozenset[str] = frozenset()
    """Words that a footnote marker never follows, articles, prepositions and conjunctions
    (``the``, ``of``, ``de``, ``aux``; lower case): a number set apart after them is a count, an
    age or a date (``the 10 principles``, ``âgées de 15 à 19 ans``), no marker that lost its
    raised type, as after :attr:`numbered_words`."""
    bound_phrases: tuple[str, ...] = ()
    """Phrases the UN's typography binds with a no-break space (French ``y compris``, always so in
    DGACM's files), which converters write with a space: a line wrap never parts them."""
    bound_patterns: tuple[re.Pattern[str], ...] = ()
    """Likewise, shapes of words that the UN's typography binds (French ``2462 (2019)``, a
    Security Council resolution's number and year: 370 times so in session 77, 21 times not)."""
    group_separator: str = ","
    """CLDR's separator of a figure's groups of three (a no-break space in French and Russian,
    where ``16 662 000`` wraps whole)."""
    _opening_keys: Mapping[str, frozenset[str]] = field(init=False, hash=False, repr=False, compare=False)
    """The openings as looked up: typography normalised, case folded."""
    opens_in_capitals: bool = field(init=False, hash=False, repr=False, compare=False)
    """Whether the language's paragraphs open with a capital, as every listed opening does
    (English, French, Spanish; Russian opens them in lower case, and Arabic and Chinese write no
    case): a line in lower case opens none of them."""

    def __post_init__(self) -> None:
        keys = {
            part: frozenset(normalize_typography(p).casefold() for p in phrases)
            for part, phrases in self.openings.items()
        }
        object.__setattr__(self, "_opening_keys", keys)
        phrases = [phrase for part in self.openings.values() for phrase in part]
        object.__setattr__(self, "opens_in_capitals", bool(phrases) and all(p[:1].isupper() for p in phrases))

    def opening_phrases(self, part: str) -> tuple[str, ...]:
        """The listed opening phrases of a part (``preamble``, ``operative``); none for others."""
        return self.openings.get(part, ())

    def opening_end(self, text: str, part: str) -> int:
        """Where the longest listed opening phrase that ``text`` starts with ends in it (0 where
        it starts with none): case, typography and no-break spaces aside, and only at a word's end
        (the phrase ``Note`` does not open ``Noted``)."""
        keys = self._opening_keys.get(part)
        if not keys:
            return 0
        longest = max(map(len, keys))
        found = 0
        for match in _WORD_END.finditer(text):
            head = normalize_typography(text[: match.end()]).casefold()
            if len(head) > longest:
                break
            if head in keys:
                found = match.end()
        return found

    def bound_phrase(self, text: str) -> str:
        """The bound phrase (see ``bound_phrases``) that ``text`` opens with, ending at a word's
        end, or ""."""
        for phrase in self.bound_phrases:
            if text.startswith(phrase) and not text[len(phrase) : len(phrase) + 1].isalnum():
                return phrase
        for pattern in self.bound_patterns:
            if bound := pattern.match(text):
                return bound.group()
        return ""

    @property
    def reads_headers(self) -> bool:
        """Whether the text reader knows this language's header phrases and formula."""
        return bool(self.formula)

    def parse_date(self, text: str) -> str | None:
        """The ISO form of a date written out in this language, or None if it is no valid date."""
        match = self.date.fullmatch(normalize_typography(text))
        return self.iso_date(match) if match else None

    def format_date(self, iso: str) -> str:
        """An ISO date written out as this language prints it (``1er novembre 2019``)."""
        if not self.months:
            return iso
        value = datetime.date.fromisoformat(iso)
        day = self.first_day if value.day == 1 and self.first_day else str(value.day)
        return self.date_format.format(day=day, month=self.months[value.month - 1], year=value.year)

    def iso_date(self, match: re.Match[str]) -> str | None:
        """The ISO date of a match of this language's date pattern, or None if it is no valid date."""
        day = 1 if match["day"] == self.first_day else int(match["day"])
        month = self.month_numbers[month_key(match["month"])]
        try:
            return datetime.date(int(match["year"]), month, day).isoformat()
        except ValueError:
            return None


def with_italic_opening(inlines: Inlines, lang: Language | None, part: str) -> Inlines:
    """A paragraph's inlines with the listed opening phrase they start with in italics, as the
    printed resolution sets it, where they open with no italic run (a PDF conversion's text);
    inlines that open in italics, or with no listed phrase, are returned as they are.

    For the reports: the model keeps what its source has, and this is presentation."""
    if lang is None or opening_phrase(inlines) is not None:
        return inlines
    end = lang.opening_end("".join(node.text for node in inlines if isinstance(node, Text)), part)
    if not end:
        return inlines
    out: list[Inline] = []
    position = 0
    for node in inlines:
        if not isinstance(node, Text) or position >= end:
            out.append(node)
            continue
        cut = end - position
        position += len(node.text)
        if cut >= len(node.text):
            out.append(replace(node, italic=True))
        else:
            out += [replace(node, text=node.text[:cut], italic=True), replace(node, text=node.text[cut:])]
    return tuple(out)


def month_key(name: str) -> str:
    """A month name as looked up: case and spaces aside (``تشرين الأول/ أكتوبر``, cut after its
    slash at a line end, is ``تشرين الأول/أكتوبر``)."""
    return "".join(name.lower().split())


@cache
def _files() -> dict[str, Path]:
    """Every language data file by code; a folder of RESODIFF_LANGUAGE_PATH wins over the package."""
    folders: list[Path] = [Path(folder) for folder in os.environ.get(PATH_VARIABLE, "").split(os.pathsep) if folder]
    # the package's own files, found beside this module (importlib.resources costs more to import)
    folders.append(Path(__file__).parent / "data" / "languages")
    found: dict[str, Path] = {}
    for folder in reversed(folders):
        if folder.is_dir():
            found.update(
                {item.name.removesuffix(".json"): item for item in folder.iterdir() if item.name.endswith(".json")}
            )
    return found


@cache
def supported_languages() -> tuple[str, ...]:
    """The codes of every language that has a data file, in code order."""
    return tuple(sorted(_files()))


@cache
def _entry(code: str) -> Mapping[str, Any] | None:
    """A language's data file as it reads (``None`` where there is none)."""
    source = _files().get(code)
    if source is None:
        return None
    try:
        entry = json.loads(source.read_text(encoding="utf-8"))
    except ValueError as error:
        raise ResodiffError(f"the language data is malformed: {error!r}", file=str(source)) from None
    if not isinstance(entry, dict):
        raise ResodiffError("the language data is malformed: not an object", file=str(source))
    return entry


@cache
def language(code: str) -> Language | None:
    """The language record for a three-letter code, or None where resodiff has no data file."""
    entry = _entry(code)
    if entry is None:
        return None
    try:
        return _record(entry)
    except (KeyError, TypeError, ValueError, re.error) as error:
        raise ResodiffError(f"the language data is malformed: {error!r}", file=str(_files()[code])) from None


def _every(read: Callable[[Mapping[str, Any]], Iterable[str]], codes: Iterable[str] = ()) -> Iterator[str]:
    """One fact of every language (or of ``codes``), read from the data files without building
    the records, whose patterns cost compiling: a text's language is not known while its header
    is being found, and only that language's record is needed then."""
    for code in codes or supported_languages():
        entry = _entry(code)
        if entry is None:
            continue
        try:
            yield from (str(value) for value in read(entry))
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise ResodiffError(f"the language data is malformed: {error!r}", file=str(_files()[code])) from None


@cache
def formulas() -> Mapping[str, tuple[str, str]]:
    """Every language's enacting formulas, as written, → (language code, the body's bare name)."""
    found: dict[str, tuple[str, str]] = {}
    for code in supported_languages():
        (body,) = _every(lambda entry: [entry.get("header", {}).get("general_assembly", "")], (code,))
        for formula in _every(lambda entry: entry.get("header", {}).get("formula", ()), (code,)):
            found.setdefault(formula, (code, body))
    return found


def language_or_fallback(code: str) -> Language:
    """The language record, or English's for a language resodiff has no file for."""
    found = language(code) or language(FALLBACK)
    assert found is not None, "the English data file ships with resodiff"
    return found


def by_tag(tag: str) -> Language | None:
    """The language of a BCP 47 tag (``fr``, ``fr-CA``) or of a three-letter code."""
    primary = tag.split("-")[0].lower()
    return next(
        (lang for code in supported_languages() if (lang := language(code)) and primary in (lang.tag, lang.code)),
        None,
    )


@cache
def number_words(lang: Language, words_of: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """The words of the language's cardinals and ordinals up to 130 and its own number words
    (lower case), each number cut into words by ``words_of``: the text reader keeps the letters
    of ``soixante-dix-neuvième`` apart, the diff its tokens. A conjunction ("one hundred and
    one", "vingt et un") is no number word."""
    words: set[str] = set(lang.number_words)
    for spelled in (*lang.cardinals, *lang.ordinals):
        words.update(word.lower() for word in words_of(spelled))
    return frozenset(words - lang.number_conjunctions)


@cache
def annex_words() -> tuple[str, ...]:
    """The word that opens an annex, in every language (lower case): text gives no language tag."""
    return tuple(sorted({word.lower() for word in _every(lambda entry: [entry["annex_word"]])}))


@cache
def recycling_notes() -> frozenset[str]:
    """The note a UN document's first page prints at its foot ("Please recycle"), in every
    language: a PDF converter keeps it among the text."""
    return frozenset(_every(lambda entry: [entry["recycle"]] if "recycle" in entry else ()))


@cache
def undocs_segments() -> frozenset[str]:
    """The language segments of undocs.org addresses (``https://undocs.org/ch/A/RES/44/8``)."""
    return frozenset(_every(lambda entry: (entry["tag"], entry.get("undocs", entry["tag"]))))


@cache
def organisation_names() -> frozenset[str]:
    """The organisation's name as headers print it beside the symbol, in every language."""
    return frozenset(_every(lambda entry: entry.get("united_nations", ())))


@cache
def report_labels(code: str) -> Mapping[str, str]:
    """Every report label in a document's language, English where its file has none."""
    english = language_or_fallback(FALLBACK).labels
    own = language(code)
    return {**english, **(own.labels if own else {})}


def language_tag(code: str) -> str:
    """The BCP 47 tag (``fr``) for a three-letter code (``fra``), for HTML ``lang``."""
    lang = language(code)
    return lang.tag if lang else code


def _record(entry: Mapping[str, Any]) -> Language:
    header: dict[str, Any] = entry.get("header", {})
    technical: dict[str, Any] = entry.get("technical", {})
    documents: dict[str, str] = entry.get("documents", {})
    months = tuple(str(m) for m in header.get("months", ()))
    month_numbers = {month_key(name): number for number, name in enumerate(months, 1)}
    month_numbers |= {month_key(name): int(number) for name, number in header.get("month_variants", {}).items()}
    # longest first, so that no name is cut short by another it begins with; a slash may be
    # followed by a space where a line was broken after it
    spellings = sorted({*months, *header.get("month_variants", {})}, key=len, reverse=True)
    month_alternation = "|".join(re.escape(name).replace("\\ ", " ").replace("/", "/ ?") for name in spellings)

    def pattern(key: str) -> re.Pattern[str]:
        return re.compile(str(header[key])) if key in header else _NEVER

    def spaced(source: str, flags: int = 0) -> re.Pattern[str]:
        """Patterns run over running text, where a space may be a no-break one."""
        return re.compile(source.replace(" ", r"\s"), flags)

    def by_body(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((body, spaced(source, re.IGNORECASE)) for body, source in header.get(key, {}).items())

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in technical.get(key, ()))

    openings = {str(part): tuple(str(p) for p in phrases) for part, phrases in entry.get("openings", {}).items()}
    month_words = frozenset(word for name in spellings for word in re.split(r"[\s/]+", name.lower()) if word)

    date = header.get("date_pattern")
    return Language(
        code=str(entry["code"]),
        tag=str(entry["tag"]),
        name=str(entry["name"]),
        document_folder=documents.get("folder"),
        document_letter=documents.get("letter"),
        undocs=str(entry.get("undocs", entry["tag"])),
        direction="rtl" if entry.get("direction") == "rtl" else "ltr",
        ordinals=tuple(str(word) for word in entry.get("numbers", {}).get("ordinal", ())),
        cardinals=tuple(str(word) for word in entry.get("numbers", {}).get("cardinal", ())),
        annex_word=str(entry["annex_word"]),
        united_nations=tuple(str(name) for name in entry.get("united_nations", ())),
        months=months,
        date=spaced(str(date).replace("{months}", month_alternation), re.IGNORECASE) if date else _NEVER,
        formula=tuple(str(f) for f in header.get("formula", ())),
        general_assembly=str(header.get("general_assembly", "")),
        distribution=pattern("distribution"),
        session=pattern("session"),
        agenda_item=pattern("agenda_item"),
        adoption=pattern("adoption"),
        committee=pattern("committee"),
        closing_meeting=pattern("closing_meeting"),
        preamble_opening=re.compile(str(header["preamble_opening"])) if "preamble_opening" in header else None,
        resolution_words=tuple(str(w) for w in header.get("resolution_words", ())),
        bodies_before=by_body("bodies_before"),
        bodies_after=by_body("bodies_after"),
        date_link_after=spaced(str(header["date_link_after"])) if "date_link_after" in header else _NEVER,
        draft_marker=str(header.get("draft_marker", "")),
        date_format=str(header.get("date_format", "{year}-{month}-{day}")),
        agenda_line=str(header.get("agenda_line", "{item}")),
        first_day=str(header["first_day"]) if "first_day" in header else None,
        decimal_separator=str(entry.get("decimal", ".")),
        connectors=words("connectors"),
        date_words=words("date_words") | month_words,
        number_words=words("number_words"),
        number_conjunctions=words("number_conjunctions"),
        prefixes=tuple(str(p) for p in technical.get("prefixes", ())),
        stem_length=int(technical["stem_length"]) if "stem_length" in technical else None,
        compound_heads=words("compound_heads"),
        compound_prefixes=words("compound_prefixes"),
        compound_tails=words("compound_tails"),
        vowel_prefixes=words("vowel_prefixes"),
        suffixes=words("suffixes"),
        closed_prefixes=words("closed_prefixes"),
        elided=words("elided"),
        plural_endings=tuple(str(ending) for ending in technical.get("plural_endings", ())),
        hyphenation=str(technical["hyphenation"]) if "hyphenation" in technical else None,
        word_list=str(technical["word_list"]) if "word_list" in technical else None,
        ordinal_endings={str(k): str(v) for k, v in entry.get("ordinal_endings", {}).items()},
        raised_endings=tuple(str(ending) for ending in entry.get("raised_endings", ())),
        raised_words=tuple(str(word) for word in entry.get("raised_words", ())),
        width_doubt=float(entry.get("width_doubt", WIDTH_DOUBT)),
        check_phrases={key: re.compile(str(source), re.IGNORECASE) for key, source in entry.get("check", {}).items()},
        labels={str(key): str(value) for key, value in entry.get("labels", {}).items()},
        month_numbers=month_numbers,
        place=re.compile(str(technical["place"])) if "place" in technical else None,
        places=frozenset(str(name) for name in technical.get("places", ())),
        citation_words=words("citation"),
        openings=openings,
        bound_phrases=tuple(str(phrase) for phrase in entry.get("bound_phrases", ())),
        bound_patterns=tuple(re.compile(str(source)) for source in entry.get("bound_patterns", ())),
        group_separator=str(entry.get("group", ",")),
        numbered_words=frozenset(str(word).lower() for word in entry.get("numbered_words", ())),
        unmarked_words=frozenset(str(word).lower() for word in entry.get("unmarked_words", ())),
    )
