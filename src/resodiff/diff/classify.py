"""Telling a technical update from a substantive change.

A biennial resolution comes back with its dates, years, session ordinals ("seventy-ninth" →
"eighty-first"), report symbols and meeting places updated, and the predecessor added to the
recall list. Those edits are *technical*. A change is technical when every word it deletes or
inserts is one of:

* a date, a year or any number; a document symbol or a resolution number;
* a word of an ordinal or cardinal number as the language writes it (its data file's, 1 to 130:
  "soixante-dix-neuvième", "eighty-first"; in Russian and Arabic compared by stem, so that
  inflected forms count), a month name or other date word;
* one of the language's reference connectors ("and", "of", "on", "et", "du", "corrigendum"),
  inserted or deleted, where a resolution number, document symbol or date is inserted or
  deleted: the recall list extended with the predecessor moves its "and", a date added to a
  reference brings its "of" ("76/254" → "76/254 of 15 March 2022"), a citation that drops its
  corrigendum drops "and corrigendum"; a connector deleted and inserted as often is no change
  at all (the Chinese 至 of a date range, caught between two changed dates);

* a capitalised name replacing another capitalised name (the place of a meeting), except as
  the paragraph's first word: there the capital marks the opening, not a name, and a changed
  opening verb ("Noting" → "Recalling", "Juge" → "Estime") changes what the Assembly does.

* in a script without capitals, what stands in the language's place frame replaced by
  something else in the same frame (Chinese ``在维也纳举办`` → ``在里斯本举办``, "held in Vienna"
  → "held in Lisbon"; Arabic ``عقد في`` "held in", whose slot may also take the meeting's time:
  ``عقد في الفترة`` "held in the period" → ``عقد في أستانا، في الفترة``): the frame says it is
  where or when a meeting was held, as the capital does elsewhere;

* in such a script, one known place name (the language's CLDR cities and territories)
  replacing another (Arabic ``فيينا`` → ``لشبونة``, "Vienna" → "Lisbon"): the gazetteer tells
  the name that case cannot;

* a footnote inserted or deleted that only cites a document: a document symbol, resolution
  number or number (a treaty's volume) and otherwise the citation form's words alone (the
  language's ``technical.citation``: "See", "Official Records of the General Assembly",
  "Supplement No.", "chap.", "sect.", "Ibid."), number words and enumerators ("III", "A"). The
  recall list extended with the latest resolutions brings each its citation footnote, as it
  brings its symbol.

A session number written out is technical only when it moves by the two versions' own gap in
sessions: a report requested "at its seventy-ninth session" in a resolution of the seventy-seventh
is rolled over to the eighty-first in one of the seventy-ninth; requested at the eighty-second,
the reporting cycle changed from two years to three, which is substance (``session``).

docs/classification.md gives each rule with its rationale and an example.

The language knowledge is the ``technical`` part of ``data/languages/<code>.json``.

Anything else, and any paragraph inserted, deleted, split, merged or moved, is *substantive*.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import compress, repeat
from operator import not_

from ..languages import Language, number_words
from ..languages import language as find_language
from .report import ChangeClass, Reason, Segment
from .tokens import Token, token_columns, tokenize

_TECHNICAL_KINDS = {"date", "resolution", "number", "symbol"}
_REFERENCE_KINDS = {"date", "resolution", "symbol"}


def _words(written: str) -> list[str]:
    return [token.key for token in tokenize(written) if token.kind == "word"]


@cache
def technical_words(language: str) -> frozenset[str]:
    """Every word of the ordinals and cardinals 1-130 in a language (lower case), and the
    language's date words, but for its connectors."""
    lang = find_language(language)
    if lang is None:
        return frozenset()
    return frozenset((number_words(lang, _words) | lang.date_words) - lang.connectors)


@cache
def connectors(language: str) -> frozenset[str]:
    lang = find_language(language)
    return lang.connectors if lang else frozenset()


@cache
def _stems(language: str) -> frozenset[str]:
    lang = find_language(language)
    if lang is None or not lang.stem_length:
        return frozenset()
    length = lang.stem_length
    return frozenset(word[:length] for word in technical_words(language) if len(word) >= length)


def _is_number_word(word: str, language: str) -> bool:
    if word in technical_words(language):
        return True
    lang = find_language(language)
    if lang is None:
        return False
    stems = _stems(language)
    length = lang.stem_length or 0
    return any(c in technical_words(language) or (stems and c[:length] in stems) for c in _forms(word, lang))


def _forms(word: str, lang: Language) -> list[str]:
    """A word as written and without each clitic the language writes on it (Arabic ``و``, ``ب``)."""
    if not lang.prefixes:
        return [word]
    return [word] + [word[len(p) :] for p in lang.prefixes if word.startswith(p) and len(word) > len(p) + 1]


def _changed_tokens(segments: tuple[Segment, ...]) -> tuple[list[Token], list[Token], bool]:
    """The tokens deleted and inserted, and whether the change touches the paragraph's first
    word (its opening verb, "Noting", "Invites")."""
    deleted: list[Token] = []
    inserted: list[Token] = []
    opening = False
    seen_word = False
    for segment in segments:
        if segment.op == "equal":
            # only the text before the first change matters, and only whether it has a word
            seen_word = seen_word or any(c.isalnum() for c in segment.text)
            continue
        tokens = _worded(segment.text)
        (deleted if segment.op == "delete" else inserted).extend(tokens)
        opening = opening or (not seen_word and bool(tokens))
        seen_word = seen_word or bool(tokens)
    return deleted, inserted, opening


_UNWORDED = frozenset({"space", "other"})


def _worded(text: str) -> list[Token]:
    """The tokens of ``text`` but its spaces and punctuation (``other``), made by C-level maps
    from its columns of tokens: the others need no named tuple."""
    texts, keys, kinds = token_columns(text)
    worded = map(not_, map(_UNWORDED.__contains__, kinds))
    return list(map(tuple.__new__, repeat(Token), compress(zip(texts, keys, kinds, strict=True), worded)))


def classify_segments(
    segments: tuple[Segment, ...], language: str, sessions: tuple[int | None, int | None] = (None, None)
) -> ChangeClass | None:
    """None when nothing changed in content; otherwise technical or substantive."""
    reason = explain_segments(segments, language, sessions)
    return reason.change_class if reason else None


def explain_segments(
    segments: tuple[Segment, ...], language: str, sessions: tuple[int | None, int | None] = (None, None)
) -> Reason | None:
    """Why a word-level change is technical or substantive (None when nothing changed in
    content): the rule that decided, with the words that decided it. ``sessions``: the old and
    new versions' sessions, where known (``off_cycle``)."""
    changed = _changed_tokens(segments)
    reason = _explain(segments, language, changed)
    if reason is None or reason.change_class == "substantive":
        return reason
    # only a change of a number word can move a session written out
    deleted, inserted, _ = changed
    if not any(_is_number_word(token.key.lower(), language) for token in (*deleted, *inserted)):
        return reason
    return off_cycle(segments, language, sessions) or reason


def _explain(
    segments: tuple[Segment, ...], language: str, changed: tuple[list[Token], list[Token], bool]
) -> Reason | None:
    deleted, inserted, opening = changed
    if not deleted and not inserted:
        punctuation_changed = any(s.op != "equal" and s.text.strip() for s in segments)
        return Reason("punctuation") if punctuation_changed else None
    joiners = connectors(language)
    all_deleted, all_inserted = _net([t.text for t in deleted], [t.text for t in inserted])
    deleted, inserted = _unmoved_connectors(deleted, inserted, joiners)
    if not deleted and not inserted:
        return Reason("technical-words", all_deleted, all_inserted)
    old_places, new_places = _places_swapped(segments, language)
    deleted, inserted = _without(deleted, old_places), _without(inserted, new_places)
    if not deleted and not inserted:
        return Reason("place-name", all_deleted, all_inserted)
    # a reference or a date inserted or deleted carries its connectors with it: the recall list
    # extended ("and 77/18"), a date added to a reference ("76/254 of 15 March 2022"), a
    # corrigendum dropped from a citation ("A/67/53 et rectificatif")
    joining = any(t.kind in _REFERENCE_KINDS for t in inserted + deleted)
    leftover_deleted = [t.text for t in deleted if not _technical(t.kind, t.key, language, joiners, joining)]
    leftover_inserted = [t.text for t in inserted if not _technical(t.kind, t.key, language, joiners, joining)]
    if not leftover_deleted and not leftover_inserted:
        return Reason("technical-words", all_deleted, all_inserted)
    leftovers = _net(leftover_deleted, leftover_inserted)
    if _name_swap(leftover_deleted, leftover_inserted):
        return Reason("opening" if opening else "place-name", *leftovers)
    if not opening and _place_swap(leftover_deleted, leftover_inserted, language):
        return Reason("place-name", *leftovers)
    return Reason("words", *leftovers)


#: how far from the two versions' sessions an ordinal may stand and still be read as a session
#: number ("at its eighty-second session" in a resolution of the seventy-ninth): others are
#: meetings, conferences or anniversaries numbered in their own series
SESSION_REACH = 10


def off_cycle(segments: tuple[Segment, ...], language: str, sessions: tuple[int | None, int | None]) -> Reason | None:
    """A ``session`` reason when the session numbers written out that changed did not all move by
    the versions' own gap in sessions, else None.

    The ordinals near the two sessions (``SESSION_REACH``) found only in the old text are paired
    in order with those found only in the new; a roll-over moves each by the gap (77 → 79: the
    report due "at its seventy-ninth session" is due at the eighty-first). An ordinal followed by
    another number word is part of a longer number written in a form the language file does not
    list, and is not read. Where the texts name unequal numbers of them, nothing is decided.
    """
    old_session, new_session = sessions
    if old_session is None or new_session is None or new_session <= old_session:
        return None
    low, high = old_session - SESSION_REACH, new_session + SESSION_REACH
    old_text = "".join(s.text for s in segments if s.op != "insert")
    new_text = "".join(s.text for s in segments if s.op != "delete")
    old_found = [(value, written) for value, written in _ordinals(old_text, language) if low <= value <= high]
    new_found = [(value, written) for value, written in _ordinals(new_text, language) if low <= value <= high]
    both = Counter(value for value, _ in old_found) & Counter(value for value, _ in new_found)
    gone = _less(old_found, both)
    came = _less(new_found, both)
    if not gone or len(gone) != len(came):
        return None
    gap = new_session - old_session
    if all(after[0] - before[0] == gap for before, after in zip(sorted(gone), sorted(came), strict=True)):
        return None
    return Reason("session", tuple(written for _, written in gone), tuple(written for _, written in came))


def _less(found: list[tuple[int, str]], common: Counter[int]) -> list[tuple[int, str]]:
    """``found`` less the values counted in ``common``, as often as counted."""
    left = Counter(common)
    kept = []
    for value, written in found:
        if left[value] > 0:
            left[value] -= 1
        else:
            kept.append((value, written))
    return kept


def _ordinals(text: str, language: str) -> list[tuple[int, str]]:
    """The ordinals written out in ``text`` (value, as printed), in order: the longest run of
    words (hyphenated words whole, so that "vingtième" in "quatre-vingtième" is never read
    alone) that the language lists as one, unless another number word follows it, which makes
    it part of a longer number written in a form the list lacks."""
    values = _ordinal_values(language)
    if not values:
        return []
    firsts = _ordinal_firsts(language)
    words = list(_WORD.finditer(text))
    lowered = list(map(str.lower, map(_GROUP, words)))
    # the hyphens to unify are none of ASCII's: most words need no substitution
    keys = lowered if text.isascii() else [word if word.isascii() else _HYPHENS.sub("-", word) for word in lowered]
    found = []
    end = 0
    # only a word that opens an ordinal can start one: the others are passed over in C
    for at in compress(range(len(words)), map(firsts.__contains__, keys)):
        if at < end:
            continue  # inside the ordinal just read
        for length in range(min(firsts[keys[at]], len(words) - at), 0, -1):
            value = values.get(" ".join(keys[at : at + length]))
            if value is not None:
                break
        else:
            continue
        end = at + length
        if end == len(words) or not _is_number_word(keys[end], language):
            found.append((value, text[words[at].start() : words[end - 1].end()]))
    return found


#: a word, hyphenated parts together ("seventy-ninth", "quatre-vingt-deuxième")
_WORD = re.compile(r"\w+(?:[\u2010\u2011\u2012-]\w+)*")
_HYPHENS = re.compile(r"[\u2010\u2011\u2012]")
_GROUP = re.Match.group


@cache
def _ordinal_firsts(language: str) -> dict[str, int]:
    """The first word of each ordinal the language lists, with the most words an ordinal opening
    with it has: where a text's word is none of them, no ordinal starts there."""
    firsts: dict[str, int] = {}
    for key in _ordinal_values(language):
        first, *rest = key.split(" ")
        firsts[first] = max(firsts.get(first, 0), len(rest) + 1)
    return firsts


@cache
def _ordinal_values(language: str) -> dict[str, int]:
    """Each ordinal the language file lists (lower case), and its shortened form before a noun
    (Spanish ``primero`` → ``primer``), with its value."""
    lang = find_language(language)
    if lang is None:
        return {}
    values: dict[str, int] = {}
    for value, written in enumerate(lang.ordinals, start=1):
        forms = [written.lower()]
        forms += [
            forms[0][: -len(end)] + short for end, short in lang.ordinal_endings.items() if forms[0].endswith(end)
        ]
        for form in forms:
            values.setdefault(form, value)
    return values


def explain_note(text: str, language: str, inserted: bool) -> Reason:
    """Why a footnote inserted (or deleted) whole is technical or substantive.

    A footnote that only cites a document is technical, the way the document's symbol is: the
    recall list extended with the latest resolutions brings each its citation ("Ibid.,
    Seventy-ninth Session, Supplement No. 53A (A/79/53/Add.1), chap. III, sect. A."). It cites
    when it names a document (a symbol, a resolution number, a number) and its other words are
    the citation form's, number words or enumerators; any other footnote says something of its
    own, and is substantive.
    """
    tokens = [t for t in tokenize(text) if t.kind not in ("space", "other")]
    if not any(t.kind in _TECHNICAL_KINDS for t in tokens) or not all(_cites(t, language) for t in tokens):
        return Reason("footnote")
    words = tuple(t.text for t in tokens)
    return Reason("technical-words", (), words) if inserted else Reason("technical-words", words, ())


#: a chapter, section or annex numbered in roman numerals ("chap. III")
_ROMAN = re.compile(r"[ivxlc]+")
#: an enumerator written against the word it numbers (Chinese ``A节``, "section A")
_LABELLED = re.compile(r"(?:[a-z]|[ivxlc]+)(?P<word>\w+)")


def _cites(token: Token, language: str) -> bool:
    """Whether a token of a footnote is part of a citation: the reference itself, a number word
    (a session: "Seventy-ninth"), a word of the citation form, or an enumerator (chapter "III",
    section "A")."""
    key = token.key.lower()
    if token.kind in _TECHNICAL_KINDS or _is_number_word(key, language) or key in _citation_words(language):
        return True
    # a letter is an enumerator as a capital ("sect. A"): Chinese is tokenised one character
    # at a time, and its characters are no letters of a section
    if (len(key) == 1 and token.text.isupper()) or _ROMAN.fullmatch(key):
        return True
    # Chinese writes the enumerator against the word it numbers, and a token keeps them together
    labelled = _LABELLED.fullmatch(key)
    return labelled is not None and labelled["word"] in _citation_words(language)


@cache
def _citation_words(language: str) -> frozenset[str]:
    lang = find_language(language)
    return lang.citation_words if lang else frozenset()


def _net(deleted: list[str], inserted: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words a reason names: those deleted and inserted as often (the diff's clean-up
    replaces a stretch around a change whole: "78/154 of 2023" → "78/154 of 2023 and 80/21")
    are left out, since they did not change."""
    # most changes delete no word they insert: told by sets, without counting
    if set(deleted).isdisjoint(inserted):
        return tuple(deleted), tuple(inserted)
    both = Counter(deleted) & Counter(inserted)

    def kept(words: list[str]) -> tuple[str, ...]:
        left = Counter(both)
        out = []
        for word in words:
            if left[word] > 0:
                left[word] -= 1
            else:
                out.append(word)
        return tuple(out)

    return kept(deleted), kept(inserted)


def _unmoved_connectors(
    deleted: list[Token], inserted: list[Token], joiners: frozenset[str]
) -> tuple[list[Token], list[Token]]:
    """Take out the connectors deleted and inserted as often: they were not changed.

    diff-match-patch's semantic clean-up folds a short equality into the replacement around
    it; in Chinese, with no spaces, the 至 of a rolled-over date range (``2021年7月26日至30日``
    → ``2022年6月27日至7月1日``) is such an equality, and is reported deleted and inserted.
    """
    gone = [key for t in deleted if (key := t.key.lower()) in joiners]
    came = [key for t in inserted if (key := t.key.lower()) in joiners] if gone else []
    if not came:
        return deleted, inserted  # most changes delete or insert no connector: nothing to count
    unmoved = Counter(gone) & Counter(came)
    return _without(deleted, unmoved), _without(inserted, unmoved)


def _without(tokens: list[Token], gone: Counter[str]) -> list[Token]:
    """The tokens less those counted in ``gone`` (by lower-cased key, as often as counted)."""
    if not gone:
        return tokens
    left = Counter(gone)
    kept = []
    for token in tokens:
        if left[token.key.lower()] > 0:
            left[token.key.lower()] -= 1
        else:
            kept.append(token)
    return kept


def _places_swapped(segments: tuple[Segment, ...], language: str) -> tuple[Counter[str], Counter[str]]:
    """The tokens of the place frames whose name changed, on the old side and on the new.

    The old and new texts' frames (``在…举行``) are paired in order; where their names differ
    and the frame's own words are the same, the whole frame is accounted for: the name
    replaced, and the frame's words the word diff caught in the replacement around it.
    """
    place = _place(language)
    if place is None:
        return Counter(), Counter()
    old = "".join(s.text for s in segments if s.op != "insert")
    new = "".join(s.text for s in segments if s.op != "delete")
    old_frames, new_frames = list(place.finditer(old)), list(place.finditer(new))
    gone_old: Counter[str] = Counter()
    gone_new: Counter[str] = Counter()
    if len(old_frames) != len(new_frames):
        return gone_old, gone_new
    for before, after in zip(old_frames, new_frames, strict=True):
        if before["place"] == after["place"] or _frame(before) != _frame(after):
            continue
        gone_old.update(_keys(before.group()))
        gone_new.update(_keys(after.group()))
    return gone_old, gone_new


@cache
def _place(language: str) -> re.Pattern[str] | None:
    lang = find_language(language)
    return lang.place if lang else None


def _frame(match: re.Match[str]) -> str:
    """A place frame's own words: the match without its name."""
    start, end = match.span("place")
    return match.string[match.start() : start] + match.string[end : match.end()]


def _keys(text: str) -> list[str]:
    return [t.key.lower() for t in tokenize(text) if t.kind not in ("space", "other")]


def _technical(kind: str, key: str, language: str, joiners: frozenset[str], joining: bool) -> bool:
    if kind in _TECHNICAL_KINDS:
        return True
    lowered = key.lower()
    if _is_number_word(lowered, language):
        return True
    return joining and lowered in joiners


def _place_swap(deleted: list[str], inserted: list[str], language: str) -> bool:
    """One known place name replaced by another (Arabic ``في فيينا`` → ``في لشبونة``), in a
    language that lists its places because its script has no capitals; a clitic written on the
    name (``و``, ``ب``) is no part of it."""
    if len(deleted) != 1 or len(inserted) != 1 or deleted[0] == inserted[0]:
        return False
    lang = find_language(language)
    if lang is None or not lang.places:
        return False
    return all(any(form in lang.places for form in _forms(word, lang)) for word in (deleted[0], inserted[0]))


def _name_swap(deleted: list[str], inserted: list[str]) -> bool:
    """One capitalised name replaced by another (``tenue à Astana`` → ``tenue à Bakou``)."""
    return (
        len(deleted) == len(inserted) == 1
        and deleted[0][:1].isupper()
        and inserted[0][:1].isupper()
        and deleted[0] != inserted[0]
    )
