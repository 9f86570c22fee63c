"""Whether a hyphen at a line's end is the word's own (a compound's) or the typesetter's.

A typesetter hyphenates a long word where it does not fit; a compound's own hyphen is also a
place where a line may break, and across the break the two look alike. Before a capital the
hyphen is always the compound's ("Counter-Terrorism"). Then how UN texts spell the word in the
phrase it ends, where that is not how they spell it elsewhere (a name's spelling: the lexicon's
phrases). Otherwise the reader weighs what the document says: the word occurs elsewhere joined
(the typesetter's hyphen) or hyphenated (the compound's); a document that writes it both ways
says nothing of this place. Then how UN texts write the word (the compound lexicon, mined from resolutions by
tools/compound_words.py: ``capacity-building`` but ``peacebuilding``), whichever form they use
more, those of the document's own session first (its symbol tells: DGACM's style changes;
one resolution's hyphen does not outweigh a word of general text: ``waterborne``), and
the compound whose other forms they write with a hyphen only (``co-hosted``: ``co-host``).
Then what the document says of a half: the second one ends compounds elsewhere. Then
what the language says: a word it makes compounds with stands on either side (``non-``,
``self-``, ``-based``; French ``-même``); the second half is a word of the document and the first one too (not a
syllable-short one), or begins compounds elsewhere, or is a prefix the language hyphenates
(``anti-``, French ``sous-``); both halves are number words (``seventy-eighth``,
``vingt-deuxième``); the word before already is a compound (``soixante-dix-`` / ``neuvième``).
A word that general text never uses (wordfreq's 0) and that reads as two words it uses, one way
only, is two (``centred-approach``); one that a typesetter could not have broken where its
hyphen stands, after a word of the document, is a compound too (``sans-abrisme``). Where
nothing tells, a hyphen inside a lower-case word is the typesetter's. Where pdftotext
joined the lines, how often general text uses the joined word and its halves (wordfreq's lists)
tells too: ``crowdfunding`` is a word, ``oneyear`` two; and a second half that UN texts write
after a hyphen far more often than joined (the lexicon's tails: ``-wide``) after a word.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import ResodiffError
from ..languages import FALLBACK, Language, language, language_or_fallback, number_words
from ..typography import SUPERSCRIPT_DIGITS, normalize_typography

_TOKEN = re.compile(r"[^\W\d_]+")
#: the fewest letters of a first half that counts as a word of the document
_WORD_HEAD = 4
#: the fewest letters of a half that a compound is recognised by, where a joined word is cut
#: at every place in turn (shorter halves are syllables as often)
_HALF = 4
#: in how many resolutions a compound must be written (and none write it as one word) for its
#: joined form to be pdftotext's wherever it stands: one resolution's may be a slip or a name
_UNJOINED_MINIMUM = 2
#: how many words before a word written both ways tell which form a phrase uses (a name's
#: words: "organisation for economic" before "co-operation")
CONTEXT = 3
#: the compound lexicons, one per language that has one (``<code>.json``)
_COMPOUNDS = Path(__file__).resolve().parent.parent / "data" / "compounds"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """How UN texts write a language's compounds: the joints of hyphenated words (``a-b``) and
    the words written as one that could be taken for compounds, each with the number of
    resolutions that write it so."""

    hyphenated: Mapping[str, int]
    closed: Mapping[str, int]
    #: the words that follow a hyphen left hanging ("low- and middle-income")
    suspended: frozenset[str]
    #: the hyphenated words that UN texts never write as one, as one (what pdftotext makes of
    #: them at a line's end), with the place of their hyphen
    unjoined: Mapping[str, int]
    #: a word written both ways, after the ``CONTEXT`` words in which UN texts use its less
    #: used form more ("organisation for economic co-operation"), with the forms' counts
    phrases: Mapping[str, int]
    #: the words of the phrases, as one (``cooperation``)
    phrased: frozenset[str]
    #: the first halves that UN texts write with a hyphen after them far more often than joined
    #: to a word (``co``: ``co-chair``, ``co-facilitator``; see :func:`hyphenating_heads`)
    heads: frozenset[str] = frozenset()
    #: per session, the joints (``a-b``) that its resolutions write in the other form than
    #: the counts above prefer, with that session's counts (hyphenated, as one)
    sessions: Mapping[int, Mapping[str, tuple[int, int]]] = field(default_factory=lambda: MappingProxyType({}))
    #: per first half, the second halves that UN texts write only after a hyphen
    #: (``co``: ``hosted``, ``chairs``; never ``cohosted``)
    only_hyphenated: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    #: the second halves that UN texts write after a hyphen far more often than joined to a
    #: word (``wide``: ``system-wide``, ``sector-wide``; see :func:`hyphenating_tails`)
    tails: frozenset[str] = frozenset()

    def hyphen(self, head: str, rest: str) -> bool | None:
        """Whether ``head`` and ``rest`` (lower case) are written with a hyphen between them
        (True) or as one word (False), by the form more resolutions use: those of the session
        of the document being read (:func:`reading_session`) where they prefer a form the
        others do not (DGACM's style changes from one session to the next: ``health-care`` in
        session 77, ``healthcare`` in 79), else those of every session; None where the lexicon
        knows neither, or both as often."""
        joint = f"{head}-{rest}"
        session = _SESSION.get()
        own = self.sessions[session].get(joint) if session is not None and session in self.sessions else None
        hyphenated, closed = own or (self.hyphenated.get(joint, 0), self.closed.get(head + rest, 0))
        return None if hyphenated == closed else hyphenated > closed

    def usage(self, head: str, rest: str, lang: Language | None) -> bool | None:
        """:meth:`hyphen`, but for a hyphen that one resolution only writes, and none as one
        word, where the language's word list knows the word whole (``waterborne``) and its data
        name neither half as one it makes compounds with (``non-``, ``-based``): one
        resolution's spelling may be a slip, and says less than general text does."""
        usage = self.hyphen(head, rest)
        if (
            usage
            and self.hyphenated.get(f"{head}-{rest}", 0) < _UNJOINED_MINIMUM
            and lang is not None
            and head not in lang.compound_heads
            and rest not in lang.compound_tails
            and known_word(head + rest, lang)
        ):
            return None
        return usage

    def inflected(self, head: str, rest: str) -> bool:
        """Whether UN texts write another form of the compound ``head``-``rest`` (lower case),
        whose second half differs by its ending only (``co-hosted``, ``co-hosts`` for
        ``co-host``; ``ibéro-américaine`` for ``ibéro-américain``), with a hyphen only, and
        never ``head`` and ``rest`` as one word."""
        if head + rest in self.closed or len(rest) < _HALF:
            return False
        # the shorter form is the stem, a word's length at least ("no" is no stem of "nors")
        return any(
            other != rest
            and len(other) >= _HALF
            and abs(len(other) - len(rest)) <= _ENDING
            and (other.startswith(rest) or rest.startswith(other))
            for other in self.only_hyphenated.get(head, ())
        )

    def only_closed(self, head: str, rest: str) -> bool:
        """Whether UN texts write ``head`` and ``rest`` (lower case) as one word, and never with
        a hyphen between them."""
        return head + rest in self.closed and f"{head}-{rest}" not in self.hyphenated

    def phrase(self, head: str, rest: str, before: str) -> bool | None:
        """Whether ``head`` and ``rest`` (lower case) are written with a hyphen between them
        after the words that end ``before``, where the lexicon knows these words to use the
        less used form of the word (a name's spelling); None elsewhere."""
        if head + rest not in self.phrased or (context := context_key(before)) is None:
            return None
        hyphenated = self.phrases.get(f"{context} {head}-{rest}", 0)
        closed = self.phrases.get(f"{context} {head}{rest}", 0)
        return None if hyphenated == closed else hyphenated > closed


def context_key(before: str) -> str | None:
    """The last ``CONTEXT`` words of ``before``, lower case and one space apart, as the compound
    lexicon's phrases are keyed; None where it has fewer."""
    words = _TOKEN.findall(normalize_typography(before[-200:]).lower())
    return " ".join(words[-CONTEXT:]) if len(words) >= CONTEXT else None


#: the session of the document being read (see :func:`reading_session`)
_SESSION: ContextVar[int | None] = ContextVar("reading_session", default=None)
#: a document symbol's session: a resolution's (``A/RES/77/284``) or a draft's (``A/79/L.10``)
_SESSION_SYMBOL = re.compile(r"\bA/(?:RES/)?(\d{1,3})/")


def document_session(lines: Iterable[str]) -> int | None:
    """The session whose symbol the first of ``lines`` that prints one names (a document's
    header: ``A/RES/77/284``), or None."""
    return next((int(match[1]) for line in lines if (match := _SESSION_SYMBOL.search(line))), None)


@contextmanager
def reading_session(session: int | None, lines: Iterable[str] = ()) -> Iterator[None]:
    """Read a document of this session (None: unknown): the compound lexicon prefers its
    session's spellings where they differ from the other sessions' (:meth:`Lexicon.hyphen`); a
    session the lexicon has not seen (a newer one) is read with every session's counts, in
    which the newest session's preference already wins where it changed. ``lines``: the
    document's text, whose names spell the acronyms it uses (:func:`acronym_cut`)."""
    token = _SESSION.set(session)
    text = _DOCUMENT.set(_Document(tuple(lines)))
    try:
        yield
    finally:
        _DOCUMENT.reset(text)
        _SESSION.reset(token)


@dataclass(frozen=True)
class _Document:
    """The text of the document being read, and what was found in it, read when first asked
    (seldom: only a word in capitals at a join asks)."""

    lines: tuple[str, ...]
    words: list[str] = field(default_factory=list)
    #: the words written in capitals (two letters or more)
    capitals: set[str] = field(default_factory=set)

    def read(self) -> None:
        if not self.words and self.lines:
            self.words.extend(_NAME_WORD.findall("\n".join(self.lines)))
            self.capitals.update(word for word in self.words if len(word) > 1 and word.isupper())

    def written(self, acronym: str) -> bool:
        """Whether the document writes ``acronym`` alone, in capitals."""
        self.read()
        return acronym in self.capitals

    def name_cuts(self, acronym: str, conjunctions: Set[str]) -> set[int]:
        """Where names that the document writes one after the other, whose words' first letters
        spell ``acronym``, meet: each name's first word capitalised, its other words following
        it, a short word in lower case between them passed over (``Organisation
        météorologique mondiale et la Commission océanographique intergouvernementale``; ``of``
        inside a name, ``et la`` between two). A meeting is a capitalised word after two words
        passed over or more, one of them the language's conjunction (``and the``; ``and`` alone
        is as often inside a name, ``Conference on Trade and Development``, and ``of the``:
        ``Committee of the … Convention``), at a letter of ``acronym`` after the first."""
        self.read()
        letters, words = acronym.casefold(), self.words
        cuts: set[int] = set()
        for start, word in enumerate(words):
            if not word[0].isupper() or _initial(word) != letters[0]:
                continue
            at, place = 1, start + 1
            passed: list[str] = []  # the short words since the last initial
            meetings: set[int] = set()
            while at < len(letters) and place < len(words):
                following = words[place]
                if _initial(following) == letters[at]:
                    if len(passed) >= _MEETING and following[0].isupper() and not conjunctions.isdisjoint(passed):
                        meetings.add(at)
                    at, passed = at + 1, []
                elif following.islower() and len(following) <= _LINKING:
                    passed.append(following)
                else:
                    break
                place += 1
            if at == len(letters):
                cuts |= meetings
        return cuts


#: a word of a name: letters only (not a footnote's superscript marker after it)
_NAME_WORD = re.compile(rf"[^\W\d_{SUPERSCRIPT_DIGITS}]+")
#: the most letters of a word in lower case between a name's words that its acronym passes
#: over (``of``, ``and``, ``des``)
_LINKING = 3
#: the fewest such words between two names that meet (see :meth:`_Document.name_cuts`)
_MEETING = 2


def _initial(word: str) -> str:
    return unicodedata.normalize("NFD", word[0])[0].casefold()


#: the document being read (see :func:`reading_session`)
_DOCUMENT: ContextVar[_Document | None] = ContextVar("reading_document", default=None)
#: the fewest letters of each acronym that a word in capitals parts into (``UN`` of ``UNHCR``,
#: where a French text writes ``HCR`` alone, is as often one acronym's start)
_ACRONYM = 3


def acronym_cut(word: str, lang: Language | None) -> int | None:
    """Where a word in capitals that stands where pdftotext joined two printed lines lost its
    hyphen (``ABCXYZ`` of ``ABC-XYZ``): no typesetter hyphenates a word in capitals, so a line
    that ended inside one ended with the word's own hyphen, between two acronyms. The place is
    where two names that the document writes together and whose initials spell the word meet
    (see :meth:`_Document.name_cuts`), or the one cut where both halves are acronyms that the
    document writes alone; each half of ``_ACRONYM`` letters or more. None where more than one place is
    (``FAOWHO``: the names ``Food and Agriculture …`` meet at ``and`` too)."""
    document = _DOCUMENT.get()
    if document is None or lang is None or not word.isupper() or not word.isalpha():
        return None
    halves = range(_ACRONYM, len(word) - _ACRONYM + 1)
    cuts = {cut for cut in document.name_cuts(word, lang.number_conjunctions) if cut in halves} or {
        cut for cut in halves if document.written(word[:cut]) and document.written(word[cut:])
    }
    return next(iter(cuts)) if len(cuts) == 1 else None


#: the lexicons in use in place of the committed ones, per language (see :func:`lexicons_in_use`)
_IN_USE: ContextVar[Mapping[str, Lexicon]] = ContextVar("lexicons_in_use", default=MappingProxyType({}))


def lexicon(code: str) -> Lexicon:
    """The compound lexicon of a language: the one :func:`lexicons_in_use` puts in use, or the
    committed one (:func:`committed_lexicon`)."""
    chosen = _IN_USE.get()
    return chosen[code] if code in chosen else committed_lexicon(code)


@contextmanager
def lexicons_in_use(lexicons: Mapping[str, Lexicon]) -> Iterator[None]:
    """Read with these lexicons in place of the committed ones of their languages: the converter
    matrix reads each corpus file with a lexicon mined without that file (leave-one-out), so
    that no file is read with its own spellings."""
    token = _IN_USE.set(MappingProxyType(dict(lexicons)))
    try:
        yield
    finally:
        _IN_USE.reset(token)


@cache
def committed_lexicon(code: str) -> Lexicon:
    """The committed compound lexicon of a language, read when hard-wrapped text first asks (an
    empty one for a language without)."""
    source = _COMPOUNDS / f"{code}.json"
    if not source.is_file():
        return from_counts({"hyphenated": {}, "closed": {}, "suspended": {}}, code)
    try:
        return from_counts(json.loads(source.read_text(encoding="utf-8")), code)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ResodiffError(f"the compound lexicon is malformed: {error!r}", file=str(source)) from None


def from_counts(entry: Mapping[str, Any], code: str) -> Lexicon:
    """The lexicon of the language ``code`` from its counts as tools/compound_words.py writes
    them (``hyphenated``, ``closed``, ``suspended``, ``phrases``: word → number of
    resolutions). TypeError, KeyError or AttributeError where they are not so."""
    hyphenated, closed, suspended = entry["hyphenated"], entry["closed"], entry["suspended"]
    phrases = entry.get("phrases", {})
    if not all(isinstance(n, int) for counts in (hyphenated, closed, suspended, phrases) for n in counts.values()):
        raise TypeError("counts must be integers")
    sessions = {
        int(session): MappingProxyType({joint: (int(h), int(c)) for joint, (h, c) in joints.items()})
        for session, joints in entry.get("sessions", {}).items()
    }
    unjoined = {
        joint.replace("-", ""): joint.index("-")
        for joint, count in hyphenated.items()
        if count >= _UNJOINED_MINIMUM and joint.replace("-", "") not in closed
    }
    return Lexicon(
        MappingProxyType(dict(hyphenated)),
        MappingProxyType(dict(closed)),
        frozenset(suspended),
        MappingProxyType(unjoined),
        MappingProxyType(dict(phrases)),
        frozenset(phrase.rpartition(" ")[2].replace("-", "") for phrase in phrases),
        hyphenating_heads(hyphenated, closed, language(code)),
        MappingProxyType(sessions),
        MappingProxyType(_only_hyphenated(hyphenated, closed)),
        hyphenating_tails(hyphenated, closed, language(code)),
    )


def _only_hyphenated(hyphenated: Iterable[str], closed: Set[str]) -> dict[str, frozenset[str]]:
    """Per first half, the second halves of ``hyphenated`` (``a-b``) that ``closed`` does not
    write as one word with it."""
    found: dict[str, set[str]] = {}
    for joint in hyphenated:
        head, _, rest = joint.partition("-")
        if head + rest not in closed:
            found.setdefault(head, set()).add(rest)
    return {head: frozenset(rests) for head, rests in found.items()}


#: the most letters by which two forms of a word differ at their end (``host``, ``hosted``;
#: ``américain``, ``américaines``)
_ENDING = 3
#: the fewest hyphenated words a first half must begin to be one that UN texts hyphenate
_HEAD_JOINTS = 5
#: how many times as many hyphenated words as closed ones such a first half begins
_HEAD_RATIO = 2


def hyphenating_heads(hyphenated: Set[str], closed: Set[str], lang: Language | None) -> frozenset[str]:
    """The first halves of two letters or more that UN texts write with a hyphen after them far
    more often than joined to a word: each begins ``_HEAD_JOINTS`` hyphenated words at least,
    and ``_HEAD_RATIO`` times as many as the words written as one that it begins before a word
    of the language's list, and that the list does not know whole (``co``: ``co-chair``,
    ``co-facilitator``, ``co-sponsor``, but ``coinfection``; not ``re``, ``inter``). None where
    the language has no word list."""
    if lang is None or lang.word_list is None:
        return frozenset()
    begun = Counter(joint.partition("-")[0] for joint in hyphenated)
    candidates = {head for head, n in begun.items() if n >= _HEAD_JOINTS and len(head) >= 2}
    joined: Counter[str] = Counter()
    for word in closed:
        heads = [word[:cut] for cut in range(2, len(word) - _HALF + 1) if word[:cut] in candidates]
        if heads and not known_word(word, lang):
            joined.update(head for head in heads if known_word(word[len(head) :], lang))
    return frozenset(head for head in candidates if begun[head] >= _HEAD_RATIO * joined[head])


def hyphenating_tails(hyphenated: Set[str], closed: Set[str], lang: Language | None) -> frozenset[str]:
    """The second halves of three letters or more that UN texts write after a hyphen far more
    often than joined to a word: each ends ``_HEAD_JOINTS`` hyphenated words at least, and
    ``_HEAD_RATIO`` times as many as the words written as one that it ends after a word of the
    language's list (``wide``: ``system-wide``, ``sector-wide``, ``economy-wide``, but
    ``worldwide``, ``nationwide``). None where the language has no word list."""
    if lang is None or lang.word_list is None:
        return frozenset()
    ended = Counter(joint.rpartition("-")[2] for joint in hyphenated)
    candidates = {tail for tail, n in ended.items() if n >= _HEAD_JOINTS and len(tail) >= 3}
    joined: Counter[str] = Counter()
    for word in closed:
        joined.update(
            word[cut:] for cut in range(2, len(word) - 2) if word[cut:] in candidates and known_word(word[:cut], lang)
        )
    return frozenset(tail for tail in candidates if ended[tail] >= _HEAD_RATIO * joined[tail])


@cache
def _patterns(name: str) -> Callable[[str], frozenset[int]]:
    import pyphen  # only hard-wrapped text asks, and seldom

    hyphenator = pyphen.Pyphen(lang=name, left=1, right=1)
    return lambda word: frozenset(hyphenator.positions(word))


def breakable(word: str, cut: int, lang: Language | None) -> bool | None:
    """Whether a typesetter may hyphenate ``word`` after its first ``cut`` letters: a place the
    language's hyphenation patterns allow (LibreOffice's, through pyphen). None where the
    language has none, or the word is no run of letters."""
    if lang is None or lang.hyphenation is None or not word.isalpha():
        return None
    return cut in _patterns(lang.hyphenation)(word.lower())


@cache
def _word_list(code: str) -> Set[str]:
    from spellchecker import SpellChecker  # only hard-wrapped text asks, and seldom

    return SpellChecker(language=code, distance=1).word_frequency.dictionary.keys()


def known_word(word: str, lang: Language | None) -> bool | None:
    """Whether ``word`` is a word of general text in the language (its word list, drawn from no
    UN text: ``healthcare``, ``cooperation``; not ``priceadjusted``). None where the language
    has no list."""
    if lang is None or lang.word_list is None:
        return None
    listed = _word_list(lang.word_list)
    lower = word.lower()
    # the lists hold a noun's singular more surely than its plural ("timeline", "timelines")
    return lower in listed or any(
        lower.endswith(ending) and lower[: -len(ending)] in listed for ending in lang.plural_endings
    )


@cache
def _frequencies(code: str) -> Callable[[str], float]:
    from wordfreq import zipf_frequency  # only an undecided join asks, and seldom

    return lambda word: zipf_frequency(word, code, wordlist="large")


#: how many times as often (as a Zipf value: log10 of uses per billion words of general text,
#: wordfreq's) each half must be used as the joined word, for the joined word to be two words
#: (``one`` 6.5 and ``year`` 6.0 against ``oneyear`` 1.2, a web text's slip; not ``multi`` 4.5
#: and ``annual`` 4.9 against ``multiannual`` 1.3)
_GAP = 4.0
#: how often general text must use a joined word for it to be a word (once per million words:
#: ``crowdfunding`` 3.3)
_USED = 3.0


def frequency(word: str, lang: Language | None) -> float | None:
    """How often ``word`` is used in general text of the language, as a Zipf value (0 where
    never: wordfreq's lists, drawn from no UN text); None where the language has no list."""
    if lang is None or lang.word_list is None:
        return None
    return _frequencies(lang.word_list)(word.lower())


def common_halves(word: str, lang: Language | None) -> int | None:
    """Where a word that general text of the language hardly uses (``oneyear``, ``lowwage``)
    parts into two words it uses ``_GAP`` orders of magnitude more often (``one``, ``year``),
    each of three letters or more: the one place where it does, or None (also where the
    language has no frequency list, and after a prefix the language writes closed or before an
    ending that derives words)."""
    if lang is None or (whole := frequency(word, lang)) is None:
        return None
    lower = word.lower()
    cuts = [
        cut
        for cut in range(3, len(lower) - 2)
        if not _derived(lower[:cut], lower[cut:], lang)
        and all((frequency(part, lang) or 0) >= whole + _GAP for part in (lower[:cut], lower[cut:]))
    ]
    return cuts[0] if len(cuts) == 1 else None


def _unknown_anywhere(lower: str, lang: Language) -> bool:
    """Whether a lower-case word is one that general text never uses (wordfreq's 0) and the
    language's word list does not know: the word :func:`unused_cut` and :func:`unbreakable_cut`
    read as no typesetter's."""
    return frequency(lower, lang) == 0 and known_word(lower, lang) is False


def unused_cut(word: str, lang: Language | None) -> int | None:
    """Where a word that general text never uses and the word list does not know
    (``centredapproach``: wordfreq's 0) reads as two words that general text uses once per
    million words or more (``_USED``), the first of ``_UNUSED_HEAD`` letters or more (a shorter
    one is as often a combining form written closed: ``agro``), the second of ``_HALF``: the
    one place where it does, reading it as two such words of two letters or more at no other
    place (``healthin`` is ``heal thin`` and ``health in``), or None (also after a prefix the
    language writes closed or before an ending that derives words). Such a word is no word a
    typesetter hyphenated but two that a compound's hyphen joined."""
    lower = word.lower()
    if lang is None or not _unknown_anywhere(lower, lang):
        return None
    cuts = [
        cut
        for cut in range(2, len(lower) - 1)
        if not _derived(lower[:cut], lower[cut:], lang)
        and all((frequency(part, lang) or 0) >= _USED for part in (lower[:cut], lower[cut:]))
    ]
    return cuts[0] if len(cuts) == 1 and _UNUSED_HEAD <= cuts[0] <= len(lower) - _HALF else None


def unbreakable_cut(word: str, vocabulary: Set[str], lang: Language | None) -> int | None:
    """Where a word that general text never uses and the word list does not know
    (``sansabrisme``) parts after a word of the document of ``_WORD_HEAD`` letters or more, at
    a place where the language's hyphenation patterns do not let a typesetter break it, before
    ``_HALF`` letters or more that are no word (two words are told by the other rules): the one
    such place, or None. A hyphen there is no typesetter's,
    and no word of general text is written so."""
    lower = word.lower()
    if lang is None or not _unknown_anywhere(lower, lang):
        return None
    cuts = [
        cut
        for cut in range(_WORD_HEAD, len(lower) - _HALF + 1)
        if lower[:cut] in vocabulary
        and not _a_word(lower[cut:], vocabulary, lang)
        and not _derived(lower[:cut], lower[cut:], lang)
        and breakable(lower, cut, lang) is False
    ]
    return cuts[0] if len(cuts) == 1 else None


def unjoined(word: str, lang: Language | None) -> int | None:
    """Where the hyphen goes in a word that UN texts write only with one, and whose case says
    that it is two words there (``SecretaryGeneral``, ``MoyenOrient``, ``SIV``): in hard-wrapped
    text, the word is pdftotext's join of a line that ended with its hyphen, wherever it stands
    (on a paragraph's short last line too). None for any other word: a lower-case one
    (``healthcare``, written ``health-care`` in one session and as one word in the next) is left
    to the document's evidence at the place of a join (:func:`joins_compound`)."""
    if lang is None:
        return None
    place = lexicon(lang.code).unjoined.get(word.lower())
    return place if place is not None and word[place].isupper() else None


def phrase_hyphen(word: str, before: str, lang: Language | None) -> int | None:
    """Where ``word`` has the hyphen that the lexicon's phrases spell it with after the words
    that end ``before`` (``Co-operation`` after ``Organisation for Economic``), or None."""
    if lang is None or (whole := word.lower()) not in (known := lexicon(lang.code)).phrased:
        return None
    return next((cut for cut in range(1, len(whole)) if known.phrase(whole[:cut], whole[cut:], before)), None)


def _letters(spelled: str) -> list[str]:
    return _TOKEN.findall(normalize_typography(spelled))


def keeps_hyphen(
    left: str,
    tail: str,
    *,
    chained: bool,
    vocabulary: Set[str],
    hyphenated: Set[str],
    lang: Language | None,
    before: str = "",
) -> bool:
    """Whether ``left-`` at a line's end and ``tail`` at the next line's start make a compound
    (the hyphen stays) rather than one word the typesetter hyphenated. ``chained``: the word
    before the hyphen is itself joined by a hyphen, or the next goes on with one;
    ``vocabulary``: the document's words, lower case; ``hyphenated``: its compounds, as
    ``a-b``, ``a-`` and ``-b``; ``before``: the text before ``left``, whose words may be a
    phrase that spells the word its own way (the lexicon's phrases: a name's)."""
    head, rest = left.lower(), tail.lower()
    if tail[0].isupper():
        return True  # a typesetter never breaks a word before a capital: "Counter-Terrorism"
    if lang is not None and (spelled := lexicon(lang.code).phrase(head, rest, before)) is not None:
        return spelled
    # a document that writes the word both ways says nothing of this one ("counterterrorism",
    # "counter-terrorism"): the lexicon and the language tell
    closed, compound = f"{head}{rest}" in vocabulary, f"{head}-{rest}" in hyphenated
    if closed and not compound:
        return False
    if chained or (compound and not closed):
        return True
    if lang is not None and (usage := lexicon(lang.code).usage(head, rest, lang)) is not None:
        return usage
    if lang is not None and lexicon(lang.code).inflected(head, rest):
        return True
    whole = head + rest
    # a typesetter breaks a word only where the language's patterns allow: a break elsewhere,
    # before a word, is the compound's own hyphen ("re-education", "co-publishing")
    if breakable(whole, len(head), lang) is False and _a_word(rest, vocabulary, lang):
        return True
    if unbreakable_cut(whole, vocabulary, lang) == len(head):
        return True  # the same, before no word, where general text has none such ("sans-abrisme")
    if lang is not None and _doubled_vowel(head, rest, vocabulary, lang):
        return True
    if known_word(whole, lang):
        return False  # a word of general text, hyphenated where the patterns allow ("cooperation")
    if f"-{rest}" in hyphenated:
        return True
    if lang is not None and (head in lang.compound_heads or rest in lang.compound_tails):
        return True
    if unused_cut(whole, lang) == len(head):
        return True
    # a short first half is as often a syllable as a word ("re-", "in-", "de-"), and makes
    # compounds elsewhere ("UN-Women") without saying anything of this one
    prefixes = lang.compound_prefixes if lang else frozenset()
    known_head = f"{head}-" in hyphenated or head in prefixes or (len(head) >= _WORD_HEAD and head in vocabulary)
    if known_head and rest in vocabulary:
        return True
    if lang is not None and head in (numbers := number_words(lang, _letters)) and rest in numbers:
        return True
    if _two_words(head, rest, vocabulary, lang, listed=True):
        return True
    return not (left[-1].islower() and tail[0].islower())


def _two_words(head: str, rest: str, vocabulary: Set[str], lang: Language | None, *, listed: bool) -> bool:
    """Whether ``head`` and ``rest`` (lower case) are two words that the language's word list
    does not know as one (``price`` and ``adjusted``), each of four letters at least (shorter
    halves are syllables as often), each a word of the document, or of the list where
    ``listed``. Not where ``rest`` is an ending that derives words (``ment``, ``ability``:
    ``écologiquement`` and ``explainability`` are words the list lacks) or ``head`` a prefix
    the language writes closed (``inter``, ``trans``): ``suffixes`` and ``closed_prefixes`` in
    the language data."""
    if len(head) < _HALF or len(rest) < _HALF or lang is None or known_word(head + rest, lang) is not False:
        return False
    if _derived(head, rest, lang):
        return False
    return all(_a_word(part, vocabulary, lang) if listed else part in vocabulary for part in (head, rest))


def _a_word(part: str, vocabulary: Set[str], lang: Language | None) -> bool:
    """Whether ``part`` is a word of the document (``vocabulary``) or of the language's list."""
    return part in vocabulary or bool(known_word(part, lang))


def _derived(head: str, rest: str, lang: Language) -> bool:
    """Whether ``head`` + ``rest`` is a word derived by a prefix the language writes closed
    (``inter``, ``trans``) or an ending that is a word too (``ment``, ``ability``), which the
    word list may lack (``explainability``) without its being two words."""
    return rest in lang.suffixes or head in lang.closed_prefixes


def _doubled_vowel(head: str, rest: str, vocabulary: Set[str], lang: Language) -> bool:
    """Whether ``head`` is a prefix that the language hyphenates before the vowel it ends with
    (``re-entry``, ``pre-existing``: ``vowel_prefixes`` in the language data) and ``rest`` is a
    word (four letters at least: ``reef`` is none)."""
    return (
        head in lang.vowel_prefixes and rest[:1] == head[-1:] and len(rest) >= _HALF and _a_word(rest, vocabulary, lang)
    )


def suspends_hyphen(left: str, tail: str, *, vocabulary: Set[str], hyphenated: Set[str], lang: Language | None) -> bool:
    """Whether ``left-`` before a line's end (or a join pdftotext made) and ``tail`` are a hyphen
    left hanging and the next word (``low- and middle-income``): UN texts write ``tail`` after
    one (a conjunction), and neither the document nor the lexicon knows the two as one word
    (``expand``)."""
    if lang is None or (rest := tail.lower()) not in (known := lexicon(lang.code)).suspended:
        return False
    head = left.lower()
    return f"{head}{rest}" not in vocabulary and f"{head}-{rest}" not in hyphenated and known.hyphen(head, rest) is None


def joins_compound(
    left: str,
    right: str,
    *,
    vocabulary: Set[str],
    hyphenated: Set[str],
    lang: Language | None,
    by_case: bool = True,
    written_closed: bool = False,
    before: str = "",
) -> bool:
    """Whether a word that lost its hyphen (pdftotext joins a line that ends with one to the
    next) was the compound ``left-right``. Every place of the word is tried, so only plain
    evidence counts: the compound is written so elsewhere, a capital follows a lower-case letter
    (``HautCommissariat``), UN texts write the compound so more often than as one word (the
    lexicon: ``capacity-building``; ``nonetheless`` is one word at every place), both halves are
    number words, or the first half is a word the language makes compounds with (``non``) and
    the other no syllable, or the second one is (``based``) and the first a word of the
    document. ``by_case``: whether the capital counts, where a join is as likely as not (names
    are written so: ``SaferGuard``). ``written_closed``: the document writes the word as one
    elsewhere too, so that its compound elsewhere says nothing of this one; ``before``: the
    text before the word (see :func:`keeps_hyphen`). A one-letter first half counts by the
    lexicon only."""
    head, rest = left.lower(), right.lower()
    if lang is not None and (spelled := lexicon(lang.code).phrase(head, rest, before)) is not None:
        return spelled
    if f"{head}-{rest}" in hyphenated and not written_closed:
        return True
    if len(head) < 2:
        # a one-letter half ("c'est-à-dire") is as often a word's first letter: only the
        # lexicon tells
        return lang is not None and lexicon(lang.code).hyphen(head, rest) is True
    if lang is not None and lexicon(lang.code).only_closed(head, rest):
        return False  # a name that UN texts write only as one, a capital inside ("PaperSmart")
    if by_case and left[-1].islower() and right[0].isupper() and _cased_compound(head, right, vocabulary, lang):
        return True
    if by_case and _after_acronym(left, right):
        return True
    if lang is None:
        return False
    if (usage := lexicon(lang.code).usage(head, rest, lang)) is not None:
        return usage
    if lexicon(lang.code).inflected(head, rest):
        return True
    if _doubled_vowel(head, rest, vocabulary, lang):
        return True
    whole = head + rest
    if known_word(whole, lang):
        return False  # a word of general text ("healthcare", "undertaking")
    if head in lang.compound_heads and len(rest) >= _HALF:
        return True
    if rest in lang.compound_tails and len(head) >= _HALF and head in vocabulary:
        return True  # many words end as a compound's second half does ("enabled", "communs")
    if rest in lexicon(lang.code).tails and len(head) >= _HALF and _a_word(head, vocabulary, lang):
        return True
    numbers = number_words(lang, _letters)
    return len(head) >= 3 and len(rest) >= 3 and head in numbers and rest in numbers


def _cased_compound(head: str, right: str, vocabulary: Set[str], lang: Language | None) -> bool:
    """Whether a capital after a lower-case letter shows a compound's joint: after a first half
    of ``_HALF`` letters or more (``HautCommissariat``, ``FaustinArchange``, ``postCOVID``) or a
    shorter word (``elBared``), not after a few letters that are no word, a name's syllable
    (``BioTracker``, ``TrACSS``); before an acronym, not after a short word either (``InFARM``:
    as often a name's letters)."""
    return len(head) >= _HALF or (not right.isupper() and _a_word(head, vocabulary, lang))


def _after_acronym(left: str, right: str) -> bool:
    """Whether an acronym (capitals only, two or more) ends before a word in lower case or a
    capitalised word (``SIDSto``, ``EIILKhorassan``): no word is written so, but ``SIDS-to-SIDS``
    and ``EIIL-Khorassan`` are, and pdftotext joins them where their hyphen ended a line (a
    plural's one letter, ``SDGs``, is too short to be a word; a capitalised word of three letters
    may be the acronym's last capital and a word: ``SIDSto`` is no ``SID-Sto``)."""
    if len(left) < 2 or not left.isupper() or len(right) < 2:
        return False
    return right.islower() or (len(right) >= 4 and right[0].isupper() and right[1:].islower())


def lost_hyphen(word: str, *, vocabulary: Set[str], hyphenated: Set[str], lang: Language | None) -> int | None:
    """Where a word that stands where pdftotext joined two printed lines, and that no evidence
    of :func:`joins_compound` splits, lost a compound's hyphen by what the language says: the
    word list does not know it, and there is one way only to read it as two words (of the
    document or of the list, of two letters or more: ``healthin`` is ``heal thin`` and ``health
    in``, and which one lost a hyphen the halves do not tell); these are two of the document's
    words of four letters or more (``climateintegrated``), or in a word in lower case but for
    its first letter one of the document's and one of the list's (``fixedinterest``,
    ``Réunionbilan``; a capital inside is a name's as often: ``FixedInterest``), or the
    language's hyphenation patterns do not let a typesetter break it there after a word or a
    prefix of the document, or a first half that UN texts hyphenate (the lexicon's ``heads``:
    ``copublishing``, where UN texts write ``co-chair`` and ``co-host`` and few words of the list
    after a closed ``co``). Not where the compound lexicon knows the word, nor after a prefix
    the language writes closed or before an ending that derives words (see :func:`_two_words`)."""
    whole = word.lower()
    if lang is None or known_word(whole, lang) is not False or whole in lexicon(lang.code).closed:
        return None
    if (frequency(whole, lang) or 0) >= _USED:
        return None  # a word of general text that the word list lacks ("crowdfunding")
    if word.isupper() and (cut := acronym_cut(word, lang)) is not None:
        return cut
    cuts = [
        cut
        for cut in range(2, len(whole) - 1)
        if _a_word(whole[:cut], vocabulary, lang) and _a_word(whole[cut:], vocabulary, lang)
    ]
    # a capital inside is a name's as often ("FixedInterest")
    cased = word[1:].islower()
    if not cuts and word.islower():
        # no reading as two words of the document or the list: general text's ("centredapproach"),
        # or where no typesetter breaks it ("sansabrisme"); not in a capitalised word, a name's
        # as often ("Mustafayev": "must" is a word, "afayev" none)
        found = unused_cut(whole, lang)
        return found if found is not None else unbreakable_cut(whole, vocabulary, lang)
    if len(cuts) != 1:
        return None
    head, rest = whole[: cuts[0]], whole[cuts[0] :]
    if cased and common_halves(whole, lang) == cuts[0]:
        return cuts[0]
    if _two_words(head, rest, vocabulary, lang, listed=False) or (
        # a word of the document and one of the list, in a word in lower case but for its
        # first letter (a name's parts inside are words as often); two of the list only are as
        # often a word the list lacks ("lockdowns", "résiduaires", Spanish "versiones")
        cased and (head in vocabulary or rest in vocabulary) and _two_words(head, rest, vocabulary, lang, listed=True)
    ):
        return cuts[0]
    if _derived(head, rest, lang) or len(rest) <= _HALF:
        return None
    known_head = head in vocabulary or f"{head}-" in hyphenated or head in lexicon(lang.code).heads
    if known_head and breakable(whole, len(head), lang) is False:
        return cuts[0]
    # two words that general text never writes as one ("mineralexporting")
    return cuts[0] if word.islower() and unused_cut(whole, lang) == cuts[0] else None


#: the fewest letters of the first of two words that general text never writes as one
#: (:func:`unused_cut`)
_UNUSED_HEAD = 5
#: the fewest letters of a half of a word in a web address that a cut counts (one letter is
#: as often a word's first)
_ADDRESS_HALF = 2


#: a token that is a web address or an e-mail: a scheme, ``www.``, a host before a path
#: (``un.org/…``), a user before a domain (``name@un.org``)
_ADDRESS = re.compile(r"://|\bwww\.|[^\W_]\.[^\W\d_]{2,}/|[^\W_]@[^\W_][\w-]*\.[^\W\d_]")


def in_address(token: str) -> bool:
    """Whether a token (a run of letters and marks between spaces) is, or is in, a web address
    or an e-mail: a typesetter never hyphenates one, so that a line that ended inside it with a
    hyphen ended with the address's own. A path without its host (the converter may have put a
    space after a slash) counts where hyphens join its words (``documents/country-reports/…``)."""
    return bool(_ADDRESS.search(token)) or ("/" in token and "-" in token)


def address_cut(word: str, *, vocabulary: Set[str], lang: Language | None) -> int | None:
    """Where a word of a web address that stands where pdftotext joined two printed lines lost
    the address's own hyphen: a typesetter never hyphenates an address at its syllables, so a
    line that ended inside one ended after its hyphen. The place is the only one where the word,
    itself no word, reads as two words of two letters or more, each of the document or of a
    word list: the language's or English's (an address's words are as often English as the
    document's language: ``unhabitat.org/fr/global-action-plan-…`` in a French text). None
    where no place, or more than one, does."""
    whole = word.lower()
    english = language_or_fallback(FALLBACK)

    def a_word(part: str) -> bool:
        return _a_word(part, vocabulary, lang) or bool(known_word(part, english))

    if a_word(whole):
        return None
    cuts = [
        cut
        for cut in range(_ADDRESS_HALF, len(whole) - _ADDRESS_HALF + 1)
        if a_word(whole[:cut]) and a_word(whole[cut:])
    ]
    if len(cuts) == 1:
        return cuts[0]
    return _likeliest_cut(whole, (lang, english)) if not cuts else None


def _likeliest_cut(whole: str, langs: Iterable[Language | None]) -> int | None:
    """The place where letters that no cut reads as two words (an address's abbreviations:
    ``sfsubmissions``, ``sroea``) most likely part into two pieces of general text, as a word
    segmenter reads a run of letters: the cut whose halves' Zipf values (logarithms of how
    often general text uses them, in any of ``langs``) add up to the most, each half of
    ``_ADDRESS_HALF`` letters or more and used by general text at all. None where no cut is, or
    two are as likely (or no language has frequencies)."""

    def used(part: str) -> float:
        return max((frequency(part, lang) or 0.0 for lang in langs), default=0.0)

    scored = sorted(
        (
            (used(whole[:cut]) + used(whole[cut:]), cut)
            for cut in range(_ADDRESS_HALF, len(whole) - _ADDRESS_HALF + 1)
            if used(whole[:cut]) > 0 and used(whole[cut:]) > 0
        ),
        reverse=True,
    )
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def elided_cut(word: str, following: str, *, vocabulary: Set[str], lang: Language | None) -> int | None:
    """Where a word that stands where pdftotext joined two printed lines, and that ends with a
    letter the language elides before an apostrophe (``maind`` of ``maind'œuvre``), lost a
    compound's hyphen: before that letter, where the letters before it are a word of the
    document or of the word list (``main``). Letters glued before an elided word are no word;
    the language's few that are (``aujourd'hui``) are words of its list with what follows the
    apostrophe (``following``)."""
    if lang is None or len(word) < 3 or word[-1].lower() not in lang.elided:
        return None
    head = word[:-1].lower()
    if known_word(f"{word}'{following}", lang) or not _a_word(head, vocabulary, lang):
        return None
    return len(head)
