"""The converter matrix over the corpus: every file written in each layout of
``tests/converters.py`` (the seed's Markdown, ``pdftotext``, ``pdftotext -layout``, three footnote
marker styles, no italics, CRLF with ligatures) and read back; the share that comes back exactly,
per layout and language, and the misses by reason.

    python benchmarks/matrix.py [--jobs N] [--misses] [--lexicon leave-one-out|held-out|committed]

The compound lexicon is mined from the corpus (tools/compound_words.py), so a file read with the
committed one is read with its own spellings. By default (``leave-one-out``) each file is read
with the lexicon mined from every other file; ``held-out`` mines the tuning session alone
(session 77), each of its files read without its own counts and session 79's with the whole of
it; ``committed`` reads with the committed files, as a user's reader does.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from compound_words import LeaveOneOut  # noqa: E402
from tests.converters import LAYOUTS, Lexicons, Outcome, matrix  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ga"


#: the compound lexicons a file may be read with (see the description)
LEXICONS: dict[str, Callable[[], Lexicons | None]] = {
    "leave-one-out": lambda: LeaveOneOut(CORPUS),
    "held-out": lambda: LeaveOneOut(CORPUS, sessions=1),
    "committed": lambda: None,
}


def corpus_paths() -> list[Path]:
    return sorted(CORPUS.glob("7*session/*/*.xml")) + sorted((CORPUS / "oic-series").glob("*.xml"))


def table(results: list[Outcome]) -> str:
    """Exact files per layout (rows) and language (columns), as a Markdown table."""
    languages = sorted({lang for _, lang, _ in results}, key=lambda lang: (-sum(r[1] == lang for r in results), lang))
    lines = [
        "| layout | " + " | ".join(languages) + " | all |",
        "|---|" + "---:|" * (len(languages) + 1),
    ]
    for layout in results[0][2] if results else ():
        cells = []
        for lang in [*languages, None]:
            chosen = [r for r in results if lang is None or r[1] == lang]
            exact = sum(r[2][layout] is None for r in chosen)
            cells.append(f"{exact}/{len(chosen)} ({100 * exact / len(chosen):.1f} %)")
        lines.append(f"| {layout} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(results: list[Outcome]) -> str:
    """The misses by reason: the reason's kind, with the files (no document text)."""
    by_kind: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for name, _, outcome in results:
        for layout, reason in outcome.items():
            if reason:
                by_kind[(layout, re.split(r"[:(]", reason, maxsplit=1)[0])].append(f"{name}: {reason}")
    out = []
    for (layout, kind), names in sorted(by_kind.items()):
        out.append(f"{layout} / {kind}: {len(names)}")
        out.extend(f"    {name}" for name in names)
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--misses", action="store_true", help="list every miss with its reason")
    parser.add_argument("--limit", type=int, default=0, help="about N files, evenly spread (a quick look)")
    parser.add_argument("--layout", action="append", help="only this layout (repeatable)")
    parser.add_argument(
        "--series", action="append", help="only this series' files: 77session, 79session, oic-series (repeatable)"
    )
    parser.add_argument("--by-series", action="store_true", help="one table per series, then all together")
    parser.add_argument(
        "--lexicon",
        choices=tuple(LEXICONS),
        default="leave-one-out",
        help="the compound lexicon each file is read with (see the description)",
    )
    args = parser.parse_args()
    paths = corpus_paths()
    if not paths:
        print(f"the corpus is absent ({CORPUS})")
        return 1
    if args.series:
        paths = [path for path in paths if path.relative_to(CORPUS).parts[0] in args.series]
    if args.limit:
        paths = paths[:: max(1, len(paths) // args.limit)]
    layouts = tuple(args.layout or LAYOUTS)
    results = matrix(paths, CORPUS, args.jobs, layouts, LEXICONS[args.lexicon]())
    if args.by_series:
        for series in sorted({name.split("/")[0] for name, _, _ in results}):
            print(f"{series}:\n\n{table([r for r in results if r[0].startswith(series + '/')])}\n")
        print("all:\n")
    print(table(results))
    if args.misses:
        print(misses(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
