"""Hash every change-report format (JSON, Markdown, text, HTML) of many corpus pairs, to show that a
change to the diff (a speed-up) leaves every report byte for byte as it was.

The pairs: the session 77 → 79 title pairs in English and French (tests/corpus_pairs.py), every
third of them the other way round, unrelated neighbours among them (everything inserted, deleted or
paired by chance), resolutions of one session compared with each other, the OIC series in six
languages both ways, and the English OIC pair repeated (as the benchmarks scale it).

Usage, once per checkout (whichever resodiff ``PYTHONPATH`` gives), then compare:

    PYTHONPATH=../before/src python tools/report_hashes.py before.json
    PYTHONPATH=src python tools/report_hashes.py after.json
    python tools/report_hashes.py --compare before.json after.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"
FORMATS = ("json", "markdown", "text", "html")


def _pairs() -> list[tuple[str, Path, Path]]:
    sys.path.insert(0, str(ROOT))
    from tests.corpus_pairs import file_pairs

    pairs = []
    for language in ("English", "French"):
        found = file_pairs(language)[0]
        pairs += [(f"title {a.name} {b.name}", a, b) for a, b in found]
        pairs += [(f"reverse {b.name} {a.name}", b, a) for a, b in found[::3]]
        pairs += [
            (f"unrelated {a.name} {c.name}", a, c) for (a, _), (c, _) in zip(found[::7], found[1::7], strict=False)
        ]
        olds = sorted((CORPUS / "77session" / language).glob("*.xml"))
        pairs += [(f"same-session {a.name} {c.name}", a, c) for a, c in zip(olds[::25], olds[3::25], strict=False)]
    oic = CORPUS / "oic-series"
    for letter in "EFSRAC":
        old, new = oic / f"A_RES_77_18-2226540{letter}.xml", oic / f"A_RES_79_9-2421657{letter}.xml"
        pairs += [(f"oic {letter}", old, new), (f"oic-back {letter}", new, old)]
    return pairs


def hashes() -> dict[str, str]:
    """Each pair's reports, hashed by format (an error's message where the pair is refused)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import _scaled

    import resodiff
    from resodiff.diff.parts import PartsReport, diff_documents
    from resodiff.ingest import read_document
    from resodiff.report.registries import CHANGE_REPORTS, PART_REPORTS
    from resodiff.report.registry import RenderOptions

    read: dict[Path, object] = {}
    found: dict[str, str] = {}

    def document(path: Path) -> object:
        if path not in read:
            read[path] = read_document(path)
        return read[path]

    def render(name: str, report: object) -> None:
        registry = PART_REPORTS if isinstance(report, PartsReport) else CHANGE_REPORTS
        for form in FORMATS:
            found[f"{name} {form}"] = hashlib.sha256(registry.render(form, report, RenderOptions())).hexdigest()  # type: ignore[arg-type]

    for name, old, new in _pairs():
        try:
            render(name, diff_documents(document(old), document(new)))  # type: ignore[arg-type]
        except resodiff.ResodiffError as error:
            found[name] = f"error {type(error).__name__}: {error}"
    oic = CORPUS / "oic-series"
    old, new = document(oic / "A_RES_77_18-2226540E.xml"), document(oic / "A_RES_79_9-2421657E.xml")
    for copies in (2, 5):
        render(f"scaled {copies}", diff_documents(_scaled(old, copies), _scaled(new, copies)))  # type: ignore[arg-type]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path, help="OUT.json, or the two files to compare")
    parser.add_argument("--compare", action="store_true", help="compare two files of hashes")
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(path.read_text()) for path in args.files)
        differ = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
        print(f"{len(before)} and {len(after)} hashes, {len(differ)} differ")
        for key in differ:
            print(key)
        return 1 if differ else 0
    if not CORPUS.exists():
        print(f"{CORPUS} absent", file=sys.stderr)
        return 1
    found = hashes()
    args.files[0].write_text(json.dumps(found, indent=0, sort_keys=True))
    print(f"{len(found)} hashes written to {args.files[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
