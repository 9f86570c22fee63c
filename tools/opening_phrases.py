"""Mine the opening phrases of resolutions (``Recalling also``, ``Prenant note avec satisfaction``,
``Decides``) from DGACM's Akoma Ntoso and write them into resodiff's language files.

The printed resolution sets the phrase that opens a preambular or operative paragraph in
italics. DGACM's Akoma Ntoso marks it (``<i>``); text from a PDF converter often does not, so
the reports italicise a paragraph's opening from these lists where neither version marks one.
A phrase is listed where at least ``minimum`` resolutions of its source open a paragraph of the
part with it: what many resolutions use is the language's stock of openings, never a name or a
resolution's own words. Sources, per language:

* English and French: every resolution of session 77 (``ga/77session/<Language>``), a phrase in
  at least three of them; session 79 checks the lists' coverage (``--coverage``);
* Arabic, Russian and Spanish: the two OIC resolutions (``ga/oic-series``), a phrase in both:
  the corpus has no other text in these languages;
* Chinese: none. The printed Chinese has no italics (DGACM's files have none either).

An italic run that ends inside a word (``<i>Rappelan</i>t``) is a slip of the markup, not a
phrase, and is not counted; punctuation the run takes after the phrase (``Décide,``) is dropped.

``src/resodiff/data/languages/<code>.json`` gets ``openings``: ``{"preamble": [...],
"operative": [...]}``, in alphabetical order, typography normalised. resodiff reads the JSON
alone; the corpus is needed here and in the test that checks the files against it
(tests/test_openings.py).

Usage: ``python tools/opening_phrases.py [CORPUS]`` rewrites the files (CORPUS: the ``ga``
folder of the shared corpus, ``../shared/corpus/ga`` by default); ``--check`` only reports the
files that differ (exit status 1); ``--coverage`` prints, for English and French, the share of
session 79's italic openings that the lists mined from session 77 hold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from resodiff.ingest.akn import read_akn_collection
from resodiff.model import Paragraph
from resodiff.typography import normalize_typography

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ROOT / "src" / "resodiff" / "data" / "languages"
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"
PARTS = ("preamble", "operative")

#: per language: the corpus files the phrases are mined from, and in how many of them a phrase
#: must open a paragraph to be listed
SOURCES: dict[str, tuple[str, int]] = {
    "eng": ("77session/English/*.xml", 3),
    "fra": ("77session/French/*.xml", 3),
    "ara": ("oic-series/*A.xml", 2),
    "rus": ("oic-series/*R.xml", 2),
    "spa": ("oic-series/*S.xml", 2),
}
#: the files the English and French lists are checked against
COVERAGE = {"eng": "79session/English/*.xml", "fra": "79session/French/*.xml"}


def opening(paragraph: Paragraph) -> str | None:
    """The italic phrase a paragraph opens with, typography normalised; None where it has none
    or where the italic run ends inside a word."""
    marked = paragraph.opening
    if marked is None:
        return None
    phrase = normalize_typography(marked)
    following = normalize_typography(paragraph.text)[len(phrase) : len(phrase) + 1]
    if following.isalnum():
        return None
    return phrase.rstrip(" ,;:") or None


def openings_of(files: Iterable[Path]) -> Iterator[dict[str, set[str]]]:
    """Per file, the opening phrases of its preambular and operative paragraphs."""
    for path in files:
        found: dict[str, set[str]] = {part: set() for part in PARTS}
        for resolution in read_akn_collection(path.read_bytes(), file=str(path)):
            for part in PARTS:
                paragraphs: tuple[Paragraph, ...] = getattr(resolution, part)
                found[part] |= {phrase for p in paragraphs if (phrase := opening(p))}
        yield found


def mine(corpus: Path, pattern: str, minimum: int) -> dict[str, list[str]]:
    """The phrases that open paragraphs of each part in at least ``minimum`` of the files."""
    files = sorted(corpus.glob(pattern))
    if not files:
        raise SystemExit(f"no corpus files match {corpus / pattern}")
    counts: dict[str, Counter[str]] = {part: Counter() for part in PARTS}
    for found in openings_of(files):
        for part in PARTS:
            counts[part].update(found[part])
    return {part: sorted(phrase for phrase, n in counts[part].items() if n >= minimum) for part in PARTS}


def regenerate(entry: dict[str, Any], corpus: Path) -> dict[str, Any]:
    """The language entry with its ``openings`` mined afresh (unchanged for a language without a source)."""
    source = SOURCES.get(str(entry["code"]))
    if source is None:
        return entry
    return {**entry, "openings": mine(corpus, *source)}


def coverage(corpus: Path, code: str, lists: dict[str, list[str]]) -> dict[str, tuple[int, int]]:
    """Per part: how many paragraphs of the coverage files open in italics, and how many of
    those openings are listed."""
    listed = {part: {phrase.casefold() for phrase in lists[part]} for part in PARTS}
    result = {part: [0, 0] for part in PARTS}
    for path in sorted(corpus.glob(COVERAGE[code])):
        for resolution in read_akn_collection(path.read_bytes(), file=str(path)):
            for part in PARTS:
                for paragraph in getattr(resolution, part):
                    phrase = opening(paragraph)
                    if phrase:
                        result[part][0] += 1
                        result[part][1] += phrase.casefold() in listed[part]
    return {part: (total, hits) for part, (total, hits) in result.items()}


def dumps(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS, help="The corpus's ga folder.")
    parser.add_argument(
        "--check", action="store_true", help="Report the files that differ from the corpus; write nothing."
    )
    parser.add_argument(
        "--coverage", action="store_true", help="Print the share of session 79's openings the lists hold."
    )
    arguments = parser.parse_args(argv)
    stale = []
    for path in sorted(LANGUAGES.glob("*.json")):
        current = path.read_text(encoding="utf-8")
        entry = regenerate(json.loads(current), arguments.corpus)
        if "openings" in entry:
            print(f"{path.stem}: " + ", ".join(f"{len(entry['openings'][p])} {p}" for p in PARTS))
        if arguments.coverage and entry["code"] in COVERAGE:
            for part, (total, hits) in coverage(arguments.corpus, entry["code"], entry["openings"]).items():
                print(f"  session 79 {part}: {hits}/{total} italic openings listed ({hits / total:.1%})")
        if dumps(entry) != current:
            stale.append(path.name)
            if not arguments.check:
                path.write_text(dumps(entry), encoding="utf-8")
    verb = "differ from the corpus" if arguments.check else "rewritten"
    print(f"{len(stale)} {verb}: {', '.join(stale)}" if stale else "every language file agrees with the corpus")
    return 1 if stale and arguments.check else 0


if __name__ == "__main__":
    sys.exit(main())
