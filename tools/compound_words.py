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

each with the number of resolutions that write it so, where at least ``minimum`` do (a word of
one resolution is as often a name, a typo or a slip of the markup). A word of the language is
one that at least ``minimum`` resolutions write alone, of two letters or more. Both forms of
one word may be listed (``decision-making``, ``decisionmaking``): the reader takes the more
used.

Sources: every resolution of session 77 in English and French (``ga/77session/<Language>``),
the session the reader is tuned on; session 79 is held out. The corpus has no other text in
Arabic, Chinese, Russian or Spanish than the two OIC resolutions, which the converter matrix
tests the reader on: mining them would be training on the test, so these languages have no
lexicon (Arabic and Chinese do not hyphenate at line ends anyway).

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
from resodiff.ingest.hyphens import context_key
from resodiff.languages import language
from resodiff.model import Resolution, plain_text
from resodiff.typography import normalize_typography

ROOT = Path(__file__).resolve().parent.parent
COMPOUNDS = ROOT / "src" / "resodiff" / "data" / "compounds"
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"

#: per language: the corpus files the lexicon is mined from, and in how many of them a word
#: must be written so to be listed (chosen with ``--measure``)
SOURCES: dict[str, tuple[str, int]] = {
    "eng": ("77session/English/*.xml", 1),
    "fra": ("77session/French/*.xml", 1),
}
#: a word, or words joined by hyphens (an apostrophe or a digit ends it: ``l'outre-mer``)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: the fewest letters of a half that is a word of the language ("a", "l" make no compound)
_HALF = 2
#: a word after a hanging hyphen: the word before, its hyphen, a space ("low- and")
_SUSPENDED = re.compile(r"[^\W\d_]- ([^\W\d_]+)")
SUSPENDED_MINIMUM = 3
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


def lexicon(code: str, found: list[Usage], minimum: int) -> dict[str, Any]:
    """The lexicon of a language from what its files write: the joints and the compound-like
    closed words that at least ``minimum`` files write so, with their counts."""
    joints = Counter(joint for file in found for joint in file.joints)
    words = Counter(word for file in found for word in file.words)
    vocabulary = {word for word, n in words.items() if n >= minimum}
    lang = language(code)
    heads = (lang.compound_heads | lang.compound_prefixes) if lang else frozenset()
    tails = lang.compound_tails if lang else frozenset()
    hyphenated = {joint: n for joint, n in joints.items() if n >= minimum}
    closed = {
        word: n
        for word, n in words.items()
        if n >= minimum and compound_like(word, vocabulary, heads, tails, hyphenated)
    }
    suspended = Counter(word for file in found for word in file.suspended)
    return {
        "minimum": minimum,
        "hyphenated": dict(sorted(hyphenated.items())),
        "closed": dict(sorted(closed.items())),
        "suspended": dict(sorted((word, n) for word, n in suspended.items() if n >= SUSPENDED_MINIMUM)),
        "phrases": phrases(found, hyphenated, closed),
    }


def phrases(found: list[Usage], hyphenated: dict[str, int], closed: dict[str, int]) -> dict[str, int]:
    """The contexts (``hyphens.CONTEXT`` words before) in which a word written both ways is written in
    its less used form by more resolutions, and by ``PHRASE_MINIMUM`` at least, with both
    forms' counts (``organisation for economic co-operation``, ``… cooperation``)."""
    both = {joint.replace("-", ""): joint for joint in hyphenated if joint.replace("-", "") in closed}
    joints = set(both.values())
    counts: Counter[str] = Counter()
    for file in found:
        seen: set[str] = set()
        for text in file.texts:
            for match in _WORD.finditer(text):
                word = match.group()
                if (word in both or word in joints) and (context := context_key(text[: match.start()])) is not None:
                    seen.add(f"{context} {word}")
        counts.update(seen)
    kept: dict[str, int] = {}
    for phrase, n in counts.items():
        context, _, word = phrase.rpartition(" ")
        joint = both.get(word, word)
        closed_word = joint.replace("-", "")
        less_used = joint if hyphenated[joint] < closed[closed_word] else closed_word
        other = closed_word if less_used == joint else joint
        if word == less_used and n >= PHRASE_MINIMUM and n > counts[f"{context} {other}"]:
            kept[phrase] = n
            if counts[f"{context} {other}"]:
                kept[f"{context} {other}"] = counts[f"{context} {other}"]
    return dict(sorted(kept.items()))


def regenerate(code: str, corpus: Path) -> dict[str, Any]:
    pattern, minimum = SOURCES[code]
    return {"source": pattern, **lexicon(code, usages(corpus, pattern), minimum)}


def measure(code: str, corpus: Path, thresholds: Iterable[int]) -> Iterator[tuple[int, int, int, int, int]]:
    """Per threshold: the lexicon of the even-numbered files told against the odd-numbered
    ones: (threshold, entries, right, wrong, unknown), over each odd file's joints and
    compound-like words (once per file)."""
    found = usages(corpus, SOURCES[code][0])
    train, held = found[::2], found[1::2]
    lang = language(code)
    heads = (lang.compound_heads | lang.compound_prefixes) if lang else frozenset()
    tails = lang.compound_tails if lang else frozenset()
    for minimum in thresholds:
        mined = lexicon(code, train, minimum)
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
        lines.append(
            f'  "{key}": {{' + words.rstrip(",") + ("\n  }" if words else "}") + ("," if key != keys[-1] else "")
        )
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
