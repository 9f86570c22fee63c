"""The English and French files of one resolution, read by the Akoma Ntoso reader, should have
one structure: the same parts, the same paragraphs with the same numbers, the same sub-paragraphs,
the same headings at the same levels, the same annexes. Print shows both languages so; where
the files read otherwise, one of them is marked up otherwise than it prints. This lists the
disagreements by kind, per session (structure only: no text of a file is printed).

    python benchmarks/bilingual.py [--series 77session] [--files]
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"

Shape = tuple[object, ...]


def _label(num: str | None) -> str | None:
    """A number as both languages print it: ``(a)`` and ``a)``, ``1.`` and ``1`` are one label."""
    return None if num is None else re.sub(r"[^\w]", "", num).lower() or "?"


def _items(items: tuple[object, ...]) -> Shape:
    return tuple((_label(item.num), _items(item.items)) for item in items)  # type: ignore[attr-defined]


def structure(resolution: object) -> dict[str, list[Shape]]:
    """Per part (``preamble``, ``operative``, ``annex 1`` ...): each paragraph's label, its
    sub-paragraphs' labels, and the path of headings it stands under (each heading's label and
    whether it has words)."""
    from resodiff.model import Resolution

    assert isinstance(resolution, Resolution)
    parts: dict[str, list[Shape]] = collections.defaultdict(list)

    def shape(paragraph: object) -> Shape:
        sections = tuple((_label(s.num), bool(s.heading)) for s in paragraph.sections)  # type: ignore[attr-defined]
        return (_label(paragraph.num), _items(paragraph.items), sections)  # type: ignore[attr-defined]

    for paragraph in resolution.preamble:
        parts["preamble"].append(shape(paragraph))
    for paragraph in resolution.operative:
        parts["operative"].append(shape(paragraph))
    for index, annex in enumerate(resolution.annexes, 1):
        parts[f"annex {index}"] = [shape(paragraph) for paragraph in annex.paragraphs]
    return parts


def disagreements(english: dict[str, list[Shape]], french: dict[str, list[Shape]]) -> list[str]:
    """The kinds of disagreement between two structures, each once per part."""
    kinds: list[str] = []
    annexes = lambda parts: sum(name.startswith("annex") for name in parts)  # noqa: E731
    if annexes(english) != annexes(french):
        kinds.append("annex count")
    for name in sorted(set(english) & set(french) | {"preamble", "operative"}):
        a, b = english.get(name, []), french.get(name, [])
        where = "annex" if name.startswith("annex") else name
        headings_a = [p[2] for i, p in enumerate(a) if not i or a[i - 1][2] != p[2]]
        headings_b = [p[2] for i, p in enumerate(b) if not i or b[i - 1][2] != p[2]]
        if headings_a != headings_b:
            kinds.append(f"{where} headings")
        if len(a) != len(b):
            kinds.append(f"{where} paragraph count")
            continue
        if [p[0] for p in a] != [p[0] for p in b]:
            kinds.append(f"{where} paragraph numbers")
        if [p[1] for p in a] != [p[1] for p in b]:
            kinds.append(f"{where} sub-paragraphs")
    return kinds


def pairs(series: str) -> list[tuple[str, Path, Path]]:
    """(key, English file, French file) of every resolution of ``series`` held in both."""
    english = {path.stem[:-1]: path for path in (CORPUS / series / "English").glob("*.xml")}
    french = {path.stem[:-1]: path for path in (CORPUS / series / "French").glob("*.xml")}
    return [(key, english[key], french[key]) for key in sorted(set(english) & set(french))]


def compare(series: str) -> dict[str, list[str]]:
    """Per resolution (a multi-part publication's parts apart) of ``series``: its disagreements."""
    from resodiff.ingest import read_collection

    found: dict[str, list[str]] = {}
    for key, english_path, french_path in pairs(series):
        english, french = read_collection(english_path), read_collection(french_path)
        if len(english) != len(french):
            found[key] = ["part count"]
            continue
        for index, (a, b) in enumerate(zip(english, french, strict=True)):
            kinds = disagreements(structure(a), structure(b))
            if kinds:
                found[f"{key}{'#' + str(index + 1) if len(english) > 1 else ''}"] = kinds
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--series", action="append", help="77session, 79session (repeatable; default both)")
    parser.add_argument("--files", action="store_true", help="list each resolution's disagreements")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"the corpus is absent ({CORPUS})")
        return 1
    for series in args.series or ["77session", "79session"]:
        found = compare(series)
        by_kind = collections.Counter(kind for kinds in found.values() for kind in kinds)
        print(f"{series}: {len(pairs(series))} pairs, {len(found)} disagree")
        for kind, count in sorted(by_kind.items()):
            print(f"    {kind}: {count}")
        if args.files:
            for key, kinds in found.items():
                print(f"    {key}: {', '.join(kinds)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
