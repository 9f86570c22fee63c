"""Mine the compounds of resolutions, as DGACM's Akoma Ntoso writes them, into resodiff's
compound lexicons (``src/resodiff/data/compounds/<code>.json``).

A word broken at a line's end (``peace-`` / ``building``), or joined by ``pdftotext`` after it
dropped the hyphen (``capacitybuilding``), does not say whether its hyphen was the compound's
or the typesetter's; where the document itself does not either, the reader asks how UN texts
write the word (``ingest/hyphens.py``). The lexicon holds, per language:

* ``hyphenated``: the joints of words written with a hyphen, as ``a-b`` (``capacity-building``;
  ``non-self-governing`` gives ``non-self`` and ``self-governing``);
* ``closed``: words written as one that a reader could take for a compound: at some place
  the second half is a word of the language (``peacebuilding``, ``underdevelopment``,
  ``commission``, ``expand``), or the
  first half is a head or prefix the language hyphenates, or the second a tail
  (``nonetheless``, after ``compound_heads``, ``compound_prefixes``, ``compound_tails`` in the
  language file), or the word is also written with a hyphen (``cooperation`` beside the
  ``co-operation`` of a name);
* ``suspended``: the words that follow a hyphen left hanging (``low- and middle-income``), in at
  least ``SUSPENDED_MINIMUM`` resolutions (conjunctions: one or two resolutions' are slips of
  the text, ``sous- programme``);

* ``phrases``: where a word is written both ways (``cooperation``, ``co-operation``), the
  ``hyphens.CONTEXT`` words before it in which its less used form is the more used one, in at least
  ``PHRASE_MINIMUM`` resolutions (a name's own spelling: ``organisation for economic
  co-operation``), each with both forms' counts;

* ``sessions``: per session, the words written both ways whose form that session's resolutions
  prefer (in ``NEWEST_MINIMUM`` at least) where the counts over all sessions prefer the other,
  with that session's counts: the reader reads a document with its own session's spellings;

each with the number of resolutions that write it so, where at least ``minimum`` do (a word of
one resolution is as often a name, a typo or a slip of the markup). A word of the language is
one that at least ``minimum`` resolutions write alone, of two letters or more. Both forms of
one word may be listed (``decision-making``, ``decisionmaking``): the reader takes the more
used.

Sources: every resolution of sessions 77 and 79 in English and French
(``ga/<session>/<Language>``). The texts a reader meets are the newest, and DGACM's style
changes: session 77 writes ``health-care`` (38 resolutions, never ``healthcare``), session 79
``healthcare`` (47, once ``health-care``). So the counts are kept per session, and a word's
two forms are counted over all sessions unless the newest session that writes the word
prefers the other form than the sums do; then that session's counts alone are the word's
(:func:`current`; a tie in the newest session leaves the sums). Of English words written both
ways in the two sessions, ``health-care`` is the only one that changed in more than two
resolutions.

Measured honestly: a lexicon mined from the files it is measured on would read each with its
own spellings. The converter matrix (``benchmarks/matrix.py``) therefore reads each corpus file
with the lexicon mined from every other file (:class:`LeaveOneOut`: each file's counts taken
off; which closed words are compound-like is still told by every file's vocabulary, a
second-order leak), or with the one mined from session 77 alone (``--lexicon held-out``). The
corpus has no other text in Arabic, Chinese, Russian or Spanish than the two OIC resolutions,
which the converter matrix tests the reader on: mining them would be training on the test, so
these languages have no lexicon (Arabic and Chinese do not hyphenate at line ends anyway).

``--measure`` chooses ``minimum``: it mines the even-numbered files of session 77 and counts,
over the odd-numbered ones, how many of their compounds and closed words each threshold's
lexicon tells right, tells wrong, or does not know.

Usage: ``python tools/compound_words.py [CORPUS]`` rewrites the files (CORPUS: the ``ga``
folder of the shared corpus, ``../shared/corpus/ga`` by default); ``--check`` only reports the
files that differ (exit status 1). resodiff reads the JSON alone; the corpus is needed here and
in the test that checks the files against it (tests/test_compound_words.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Set
from pathlib import Path
from typing import Any, NamedTuple

from resodiff.ingest.akn import read_akn_collection
from resodiff.ingest.hyphens import Lexicon, context_key, from_counts
from resodiff.languages import language
from resodiff.model import Resolution, plain_text
from resodiff.typography import normalize_typography

ROOT = Path(__file__).resolve().parent.parent
COMPOUNDS = ROOT / "src" / "resodiff" / "data" / "compounds"
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"

#: per language: the corpus files the lexicon is mined from, one pattern per session, oldest
#: first, and in how many of them a word must be written so to be listed (chosen with
#: ``--measure``)
SOURCES: dict[str, tuple[tuple[str, ...], int]] = {
    "eng": (("77session/English/*.xml", "79session/English/*.xml"), 1),
    "fra": (("77session/French/*.xml", "79session/French/*.xml"), 1),
}
#: a word, or words joined by hyphens (an apostrophe or a digit ends it: ``l'outre-mer``)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: the fewest letters of a half that is a word of the language ("a", "l" make no compound)
_HALF = 2
#: a word after a hanging hyphen: the word before, its hyphen, a space ("low- and")
_SUSPENDED = re.compile(r"[^\W\d_]- ([^\W\d_]+)")
SUSPENDED_MINIMUM = 3
#: in how many resolutions the newest session must write a word's form to overrule the older
#: sessions (one resolution's may be a slip: ``home-grown`` once in session 79, ``homegrown``
#: in two of 77)
NEWEST_MINIMUM = 2
#: in how many resolutions a word's context must write its less used form (one resolution's may
#: be a slip)
PHRASE_MINIMUM = 2


class Usage(NamedTuple):
    """What one file writes: its hyphenated joints, its words written alone and the words after
    its hanging hyphens, lower case; and its texts, normalised and lower case."""

    joints: set[str]
    words: set[str]
    suspended: set[str]
    texts: list[str]


def texts(resolution: Resolution) -> Iterator[str]:
    """Every text of a resolution: formula, headings, paragraphs and sub-paragraphs, footnotes."""
    yield plain_text(resolution.formula)
    for paragraph in resolution.all_paragraphs():
        for section in paragraph.sections:
            yield plain_text(section.heading)
        yield plain_text(paragraph.heading + paragraph.all_inlines())
    for footnote in resolution.footnotes:
        yield footnote.text


def usage(path: Path) -> Usage:
    found = Usage(set(), set(), set(), [])
    for resolution in read_akn_collection(path.read_bytes(), file=str(path)):
        for text in texts(resolution):
            normal = normalize_typography(text).lower()
            found.texts.append(normal)
            found.suspended.update(_SUSPENDED.findall(normal))
            for word in _WORD.findall(normal):
                parts = word.split("-")
                if len(parts) == 1:
                    found.words.add(word)
                found.joints.update(f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False))
    return found


def usages(corpus: Path, pattern: str) -> list[Usage]:
    files = sorted(corpus.glob(pattern))
    if not files:
        raise SystemExit(f"no corpus files match {corpus / pattern}")
    return [usage(path) for path in files]


def compound_like(word: str, vocabulary: Set[str], heads: Set[str], tails: Set[str], joints: Set[str]) -> bool:
    """Whether some place of a word written as one parts it into what could be a compound, or
    into one that is written with a hyphen too (``co-operation``)."""
    for cut in range(1, len(word)):
        head, rest = word[:cut], word[cut:]
        if head in heads or rest in tails or f"{head}-{rest}" in joints:
            return True
        if len(head) >= _HALF and len(rest) >= _HALF and rest in vocabulary:
            return True
    return False


class Tally(NamedTuple):
    """In how many files of each session (oldest first) each joint and each word written alone
    is written, and in how many files of all each word follows a hanging hyphen."""

    joints: list[Counter[str]]
    words: list[Counter[str]]
    suspended: Counter[str]

    @classmethod
    def of(cls, sessions: list[list[Usage]]) -> Tally:
        return cls(
            [Counter(joint for file in found for joint in file.joints) for found in sessions],
            [Counter(word for file in found for word in file.words) for found in sessions],
            Counter(word for found in sessions for file in found for word in file.suspended),
        )


def current(hyphenated: list[int], closed: list[int]) -> tuple[int, int]:
    """A word's counts with a hyphen and as one, from their counts per session (oldest first):
    their sums, unless the newest session that writes the word prefers the other form than the
    sums do, in ``NEWEST_MINIMUM`` resolutions at least (DGACM's style changed: ``health-care``
    in session 77, ``healthcare`` in 79); then that session's counts alone."""
    total = sum(hyphenated), sum(closed)
    for h, c in zip(reversed(hyphenated), reversed(closed), strict=True):
        if h or c:
            if h != c and max(h, c) >= NEWEST_MINIMUM and _sign(h, c) != _sign(*total):
                return h, c
            break
    return total


def _sign(h: int, c: int) -> int:
    return (h > c) - (h < c)


def session_number(pattern: str) -> int:
    """The session whose files a source pattern matches (``77session/English/*.xml``: 77)."""
    found = re.search(r"(\d+)session", pattern)
    if found is None:
        raise SystemExit(f"no session in the source pattern {pattern}")
    return int(found[1])


def lexicon(code: str, sessions: list[list[Usage]], minimum: int, numbers: list[int]) -> dict[str, Any]:
    """The lexicon of a language from what the files of its sessions (oldest first) write: the
    joints and the compound-like closed words that at least ``minimum`` files write so, with
    their counts (see :func:`current`)."""
    return Mined(code, sessions, minimum, numbers).entry()


class Mined:
    """A language's tally and what it lists: the joints and compound-like words written in at
    least ``minimum`` files; :meth:`entry` gives the lexicon, :meth:`without` the lexicon of
    every file but one (the converter matrix reads a file with it: no file is read with its own
    spellings)."""

    def __init__(self, code: str, sessions: list[list[Usage]], minimum: int, numbers: list[int]) -> None:
        self.minimum, self.sessions, self.tally = minimum, sessions, Tally.of(sessions)
        #: each session's number, as a document's symbol names it
        self.numbers = numbers
        joints = sum(self.tally.joints, Counter())
        words = sum(self.tally.words, Counter())
        vocabulary = {word for word, n in words.items() if n >= minimum}
        lang = language(code)
        heads = (lang.compound_heads | lang.compound_prefixes) if lang else frozenset()
        tails = lang.compound_tails if lang else frozenset()
        listed = {joint for joint, n in joints.items() if n >= minimum}
        self.closed_words = {word for word in vocabulary if compound_like(word, vocabulary, heads, tails, listed)}
        #: each closed word's joint, where it is written with a hyphen too (the most written)
        self.partner: dict[str, str] = {}
        for joint in sorted(listed, key=lambda joint: -joints[joint]):
            if (word := joint.replace("-", "")) in self.closed_words:
                self.partner.setdefault(word, joint)
        self.hyphenated, self.closed = self._counts(listed, self.closed_words)
        both = {word for word in self.partner if self.hyphenated.get(self.partner[word]) and self.closed.get(word)}
        hyphenated_both = {self.partner[word] for word in both}
        self.contexts = [[contexts(file, both, hyphenated_both) for file in found] for found in sessions]
        # the texts are needed no more: a lighter load for the converter matrix's processes
        self.sessions = [[file._replace(texts=[]) for file in found] for found in sessions]
        #: per session, in how many files each phrase is written
        self.phrase_counts = [Counter(phrase for seen in found for phrase in seen) for found in self.contexts]

    def _counts(
        self, joints: Iterable[str], words: Iterable[str], less: tuple[int, Usage] | None = None
    ) -> tuple[dict[str, int], dict[str, int]]:
        """The current counts (:func:`current`) of ``joints`` and ``words``, each with its other
        form, that at least ``minimum`` files write so; ``less``: a file (its session's place,
        its usage) whose writing is not counted."""
        session, file = less if less is not None else (-1, Usage(set(), set(), set(), []))

        def written(tallies: list[Counter[str]], own: Set[str], key: str) -> list[int]:
            return [counts[key] - (n == session and key in own) for n, counts in enumerate(tallies)]

        hyphenated: dict[str, int] = {}
        closed: dict[str, int] = {}
        for joint in joints:
            word = joint.replace("-", "")
            pair = self.partner.get(word) == joint
            h, c = current(
                written(self.tally.joints, file.joints, joint),
                written(self.tally.words, file.words, word) if pair else [0] * len(self.sessions),
            )
            hyphenated[joint] = h
            if pair:
                closed[word] = c
        for word in words:
            if word not in closed:
                closed[word] = sum(written(self.tally.words, file.words, word))
        return (
            {joint: n for joint, n in hyphenated.items() if n >= self.minimum},
            {word: n for word, n in closed.items() if n >= self.minimum},
        )

    def entry(self) -> dict[str, Any]:
        """The lexicon, as the committed files hold it."""
        return {
            "minimum": self.minimum,
            "hyphenated": dict(sorted(self.hyphenated.items())),
            "closed": dict(sorted(self.closed.items())),
            "suspended": self._suspended(),
            "phrases": kept_phrases(current_phrases(self.phrase_counts), self.hyphenated, self.closed),
            "sessions": self._sessions(self.hyphenated, self.closed),
        }

    def _sessions(
        self, hyphenated: dict[str, int], closed: dict[str, int], less: tuple[int, Usage] | None = None
    ) -> dict[str, dict[str, list[int]]]:
        """Per session (by its number), the words written both ways whose form its files prefer,
        in ``NEWEST_MINIMUM`` files at least (one file's may be a slip), where ``hyphenated`` and
        ``closed`` (the counts over every session) prefer the other or neither, each as its
        joint with that session's counts (hyphenated, as one); ``less``: a file (its session's
        place, its usage) whose writing is not counted."""
        session, file = less if less is not None else (-1, Usage(set(), set(), set(), []))
        found: dict[str, dict[str, list[int]]] = {}
        for word, joint in sorted(self.partner.items()):
            overall = _sign(hyphenated.get(joint, 0), closed.get(word, 0))
            for place, number in enumerate(self.numbers):
                h = self.tally.joints[place][joint] - (place == session and joint in file.joints)
                c = self.tally.words[place][word] - (place == session and word in file.words)
                if h != c and max(h, c) >= NEWEST_MINIMUM and _sign(h, c) != overall:
                    found.setdefault(str(number), {})[joint] = [h, c]
        return found

    def _suspended(self, less: Set[str] = frozenset()) -> dict[str, int]:
        counts = ((word, n - (word in less)) for word, n in self.tally.suspended.items())
        return dict(sorted((word, n) for word, n in counts if n >= SUSPENDED_MINIMUM))

    def without(self, session: int, index: int) -> dict[str, Any]:
        """The lexicon of every file but the ``index``-th of ``session``: its counts taken off
        (which words are compound-like is still told by every file's vocabulary)."""
        file = self.sessions[session][index]
        words = {word for word in file.words if word in self.closed_words}
        words |= {joint.replace("-", "") for joint in file.joints if self.partner.get(joint.replace("-", "")) == joint}
        joints = {joint for joint in file.joints if joint in self.hyphenated}
        joints |= {self.partner[word] for word in words if word in self.partner}
        touched_h, touched_c = self._counts(joints, words, (session, file))
        hyphenated = {joint: n for joint, n in self.hyphenated.items() if joint not in joints} | touched_h
        closed = {word: n for word, n in self.closed.items() if word not in words} | touched_c
        own = self.contexts[session][index]
        phrase_counts = [
            Counter({phrase: n - (phrase in own) for phrase, n in counts.items()}) if place == session else counts
            for place, counts in enumerate(self.phrase_counts)
        ]
        return {
            "minimum": self.minimum,
            "hyphenated": hyphenated,
            "closed": closed,
            "suspended": self._suspended(file.suspended),
            "phrases": kept_phrases(current_phrases(phrase_counts), hyphenated, closed),
            "sessions": self._sessions(hyphenated, closed, (session, file)),
        }


def current_phrases(per_session: list[Counter[str]]) -> Counter[str]:
    """In how many files each phrase is written, the word's two forms after the same words
    counted as :func:`current` counts a word's (``sexual and reproductive health-care`` in
    session 77, ``… healthcare`` in 79: the newer)."""
    counts: Counter[str] = Counter()
    for phrase in {phrase for counts_of in per_session for phrase in counts_of}:
        context, _, word = phrase.rpartition(" ")
        closed_phrase = f"{context} {word.replace('-', '')}"
        if "-" not in word:
            continue  # counted with its hyphenated form, or alone below
        counts[phrase], counts[closed_phrase] = current(
            [counts_of[phrase] for counts_of in per_session], [counts_of[closed_phrase] for counts_of in per_session]
        )
    for phrase in {phrase for counts_of in per_session for phrase in counts_of}:
        if phrase not in counts:
            counts[phrase] = sum(counts_of[phrase] for counts_of in per_session)
    return +counts


def contexts(file: Usage, both: Set[str], joints: Set[str]) -> set[str]:
    """The phrases of a file: each word of ``both`` (written both ways) or of ``joints`` (their
    hyphenated forms), after the ``hyphens.CONTEXT`` words before it."""
    seen: set[str] = set()
    for text in file.texts:
        for match in _WORD.finditer(text):
            word = match.group()
            if (word in both or word in joints) and (context := context_key(text[: match.start()])) is not None:
                seen.add(f"{context} {word}")
    return seen


def kept_phrases(counts: Counter[str], hyphenated: dict[str, int], closed: dict[str, int]) -> dict[str, int]:
    """Of the phrases and the number of files that write each (``counts``), those in which a
    word written both ways is written in its less used form by more files, and by
    ``PHRASE_MINIMUM`` at least, with both forms' counts."""
    kept: dict[str, int] = {}
    for phrase, n in counts.items():
        context, _, word = phrase.rpartition(" ")
        closed_word = word.replace("-", "")
        joint = word if "-" in word else next((j for j in _joints_of(word, hyphenated)), None)
        if joint is None or not hyphenated.get(joint) or not closed.get(closed_word):
            continue
        less_used = joint if hyphenated[joint] < closed[closed_word] else closed_word
        other = closed_word if less_used == joint else joint
        if word == less_used and n >= PHRASE_MINIMUM and n > counts[f"{context} {other}"]:
            kept[phrase] = n
            if counts[f"{context} {other}"]:
                kept[f"{context} {other}"] = counts[f"{context} {other}"]
    return dict(sorted(kept.items()))


def _joints_of(word: str, hyphenated: dict[str, int]) -> Iterator[str]:
    for cut in range(1, len(word)):
        if (joint := f"{word[:cut]}-{word[cut:]}") in hyphenated:
            yield joint


def regenerate(code: str, corpus: Path) -> dict[str, Any]:
    patterns, minimum = SOURCES[code]
    found = [usages(corpus, pattern) for pattern in patterns]
    return {"source": list(patterns), **lexicon(code, found, minimum, [session_number(p) for p in patterns])}


class LeaveOneOut:
    """The lexicons to read a corpus file with: each language's as :func:`regenerate` mines it,
    but for the file's own language without the file's counts, so that no file is read with
    its own spellings (the converter matrix's honest figures). ``sessions``: how many of each
    language's sessions to mine, oldest first (1: the tuning session alone; the files of the
    others are then read with its whole lexicon, as true held-out files)."""

    def __init__(self, corpus: Path, sessions: int | None = None) -> None:
        self.mined: dict[str, Mined] = {}
        #: each mined file's language, session and place, by its path under ``corpus``
        self.places: dict[str, tuple[str, int, int]] = {}
        for code, (patterns, minimum) in SOURCES.items():
            chosen = patterns[:sessions]
            for session, pattern in enumerate(chosen):
                for index, path in enumerate(sorted(corpus.glob(pattern))):
                    self.places[path.relative_to(corpus).as_posix()] = (code, session, index)
            self.mined[code] = Mined(
                code, [usages(corpus, pattern) for pattern in chosen], minimum, [session_number(p) for p in chosen]
            )
        self.whole = {code: from_counts(mined.entry(), code) for code, mined in self.mined.items()}

    def __call__(self, name: str) -> dict[str, Lexicon]:
        """The lexicons to read the file ``name`` (its path under the corpus folder) with."""
        chosen = dict(self.whole)
        if (place := self.places.get(name)) is not None:
            code, session, index = place
            chosen[code] = from_counts(self.mined[code].without(session, index), code)
        return chosen


def measure(code: str, corpus: Path, thresholds: Iterable[int]) -> Iterator[tuple[int, int, int, int, int]]:
    """Per threshold: the lexicon of the even-numbered files told against the odd-numbered
    ones: (threshold, entries, right, wrong, unknown), over each odd file's joints and
    compound-like words (once per file)."""
    found = usages(corpus, SOURCES[code][0][0])
    train, held = found[::2], found[1::2]
    lang = language(code)
    heads = (lang.compound_heads | lang.compound_prefixes) if lang else frozenset()
    tails = lang.compound_tails if lang else frozenset()
    for minimum in thresholds:
        mined = lexicon(code, [train], minimum, [session_number(SOURCES[code][0][0])])
        hyphenated, closed = mined["hyphenated"], mined["closed"]
        right = wrong = unknown = 0
        for file in held:
            told = [(hyphenated.get(joint, 0), closed.get(joint.replace("-", ""), 0), True) for joint in file.joints]
            told += [
                (max(hyphenated.get(f"{word[:cut]}-{word[cut:]}", 0) for cut in range(1, len(word))), n, False)
                for word in file.words
                if compound_like(word, file.words, heads, tails, file.joints)
                for n in (closed.get(word, 0),)
            ]
            for h, c, written_hyphenated in told:
                if not h and not c:
                    unknown += 1
                elif (h >= c) == written_hyphenated:
                    right += 1
                else:
                    wrong += 1
        yield minimum, len(hyphenated) + len(closed), right, wrong, unknown


def dumps(entry: dict[str, Any]) -> str:
    # one entry a line: compact, and a change shows as a line in a diff
    lines = [f'  "source": {json.dumps(entry["source"])},', f'  "minimum": {entry["minimum"]},']
    keys = ("hyphenated", "closed", "suspended", "phrases")
    for key in keys:
        words = "".join(f"\n    {json.dumps(w, ensure_ascii=False)}: {n}," for w, n in entry[key].items())
        lines.append(f'  "{key}": {{' + words.rstrip(",") + ("\n  }" if words else "}") + ",")
    sessions = [
        f'    "{number}": {{'
        + ",".join(f"\n      {json.dumps(w, ensure_ascii=False)}: {json.dumps(n)}" for w, n in joints.items())
        + "\n    }"
        for number, joints in entry["sessions"].items()
    ]
    lines.append('  "sessions": {' + (("\n" + ",\n".join(sessions) + "\n  }") if sessions else "}"))
    return "{\n" + "\n".join(lines) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS, help="The corpus's ga folder.")
    parser.add_argument(
        "--check", action="store_true", help="Report the files that differ from the corpus; write nothing."
    )
    parser.add_argument("--measure", action="store_true", help="Tell each threshold's lexicon against held-out files.")
    arguments = parser.parse_args(argv)
    if arguments.measure:
        for code in SOURCES:
            for minimum, size, right, wrong, unknown in measure(code, arguments.corpus, range(1, 6)):
                told = right + wrong + unknown
                print(
                    f"{code} minimum {minimum}: {size} entries; of {told} held-out words "
                    f"{right} right ({right / told:.1%}), {wrong} wrong, {unknown} unknown"
                )
        return 0
    stale = []
    for code in SOURCES:
        path = COMPOUNDS / f"{code}.json"
        entry = regenerate(code, arguments.corpus)
        print(f"{code}: {len(entry['hyphenated'])} hyphenated, {len(entry['closed'])} closed")
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if dumps(entry) != current:
            stale.append(path.name)
            if not arguments.check:
                COMPOUNDS.mkdir(exist_ok=True)
                path.write_text(dumps(entry), encoding="utf-8")
    verb = "differ from the corpus" if arguments.check else "rewritten"
    print(f"{len(stale)} file(s) {verb}" + (f": {', '.join(stale)}" if stale else ""))
    return 1 if arguments.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
