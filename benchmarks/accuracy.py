"""How often resodiff's diff is right on real pairs judged by hand (the truth set, tests/truth/).

    python benchmarks/accuracy.py                      # the figures, per language and half
    python benchmarks/accuracy.py --errors             # and every error, by family
    python benchmarks/accuracy.py --draft OLD NEW ID   # a truth file drafted from today's output,
                                                       # to be corrected by reading both texts

The truth files hold structure only (positions, kinds, verdicts); the texts are read from
../shared/corpus, and a truth file whose paragraph counts no longer match what resodiff reads is
reported, never scored silently. tests/truth/README.md describes the format and the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import resodiff
from resodiff.diff.report import PARTS, Change, ChangeReport
from resodiff.model import Paragraph, Resolution

ROOT = Path(__file__).resolve().parent.parent
TRUTH = ROOT / "tests" / "truth"
FLOOR = TRUTH / "floor.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"

#: the families of issue 12, and "markup" (a paragraph DGACM marked up in the other part in one
#: language); an error is counted in the family of the judged entry it touches, else in "other"
FAMILIES = (
    "reworded",
    "merge-split",
    "boilerplate",
    "headings",
    "tables-annexes",
    "footnotes",
    "technical",
    "markup",
)
KINDS = ("unchanged", "modified", "moved", "split", "merged", "inserted", "deleted")
#: a paragraph of the model that is in truth a heading (a bold unnumbered paragraph where the other
#: version, or the other language, has a <subheading>): right only once it is no longer a paragraph
HEADING = "heading"
VERDICTS = ("identical", "technical", "substantive")
HALVES = ("tune", "held-out")


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote of a paired paragraph: its place among the paragraph's footnotes (1-based)."""

    old: int | None
    new: int | None
    kind: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One judged entry: paragraphs of the old version and their partners in the new one.

    ``new_part`` differs from ``part`` only for a paragraph that moved between the preamble and
    the operative part. ``change_class`` is given where it was judged (entries of the
    ``technical`` family); ``footnotes`` where the footnotes of the pair were judged.
    """

    part: str
    old: tuple[int, ...]
    new: tuple[int, ...]
    kind: str
    new_part: str
    family: str | None = None
    change_class: str | None = None
    footnotes: tuple[Footnote, ...] | None = None
    note: str = ""

    @property
    def key(self) -> tuple[str, tuple[int, ...], str, tuple[int, ...], str]:
        return (self.part, self.old, self.new_part, self.new, self.kind)

    def describe(self) -> str:
        old = f"{self.part[:3]} {','.join(map(str, self.old)) or '-'}"
        new = f"{self.new_part[:3]} {','.join(map(str, self.new)) or '-'}"
        return f"{old} → {new} {self.kind}"


@dataclass(frozen=True, slots=True)
class TruthPair:
    id: str
    language: str
    old: str
    new: str
    series: str
    half: str
    verdict: str
    sizes: dict[str, tuple[int, int]]
    entries: tuple[Entry, ...]
    notes: tuple[str, ...] = ()
    #: the family a wrong verdict is counted in (the family whose error makes it wrong)
    verdict_family: str | None = None
    #: the seed of benchmarks/truth_draw.py for a pair drawn at random, None for one chosen by hand
    drawn: int | None = None

    @property
    def families(self) -> frozenset[str]:
        return frozenset(e.family for e in self.entries if e.family)


class TruthError(ValueError):
    """A truth file that does not say one partner set for every paragraph, or says it badly."""


def _positions(values: Iterable[object], where: str) -> tuple[int, ...]:
    positions = tuple(values)
    if not all(isinstance(v, int) and v >= 1 for v in positions):
        raise TruthError(f"{where}: positions are 1-based integers")
    return positions  # type: ignore[return-value]


def _entry(raw: dict[str, object], where: str) -> Entry:
    kind, part = str(raw["kind"]), str(raw["part"])
    family = raw.get("family")
    if kind not in (*KINDS, HEADING) or part not in PARTS or (family is not None and family not in FAMILIES):
        raise TruthError(f"{where}: unknown kind, part or family in {raw}")
    notes = raw.get("footnotes")
    footnotes = None
    if notes is not None:
        footnotes = tuple(Footnote(o, n, str(k)) for o, n, k in notes)  # type: ignore[attr-defined]
    return Entry(
        part=part,
        old=_positions(raw.get("old", ()), where),  # type: ignore[arg-type]
        new=_positions(raw.get("new", ()), where),  # type: ignore[arg-type]
        kind=kind,
        new_part=str(raw.get("new_part", part)),
        family=str(family) if family else None,
        change_class=str(raw["class"]) if raw.get("class") else None,
        footnotes=footnotes,
        note=str(raw.get("note", "")),
    )


def load(path: Path) -> TruthPair:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = tuple(_entry(raw, f"{path.name} entry {n}") for n, raw in enumerate(data["entries"], 1))
    pair = TruthPair(
        id=data["id"],
        language=data["language"],
        old=data["old"],
        new=data["new"],
        series=data["series"],
        half=data["half"],
        verdict=data["verdict"],
        sizes={part: (sizes[0], sizes[1]) for part, sizes in data["sizes"].items()},
        entries=entries,
        notes=tuple(data.get("notes", ())),
        verdict_family=data.get("verdict_family"),
        drawn=data.get("drawn"),
    )
    if pair.verdict_family not in (None, *FAMILIES):
        raise TruthError(f"{path.name}: unknown verdict_family {pair.verdict_family}")
    if pair.verdict not in VERDICTS or pair.half not in HALVES or pair.id != path.stem:
        raise TruthError(f"{path.name}: verdict, half or id (must be the file name) is wrong")
    _check_complete(pair, path.name)
    return pair


def _check_complete(pair: TruthPair, where: str) -> None:
    """Every paragraph of both versions is in exactly one entry."""
    for part, (old_count, new_count) in pair.sizes.items():
        olds = [i for e in pair.entries if e.part == part for i in e.old]
        news = [j for e in pair.entries if e.new_part == part for j in e.new]
        if sorted(olds) != list(range(1, old_count + 1)) or sorted(news) != list(range(1, new_count + 1)):
            raise TruthError(f"{where}: the {part} entries do not cover each paragraph exactly once")


def load_all(folder: Path = TRUTH) -> list[TruthPair]:
    return [load(path) for path in sorted(folder.glob("*.json")) if path.name != FLOOR.name]


def _paragraphs(resolution: Resolution, part: str) -> Sequence[Paragraph]:
    if part == "preamble":
        return resolution.preamble
    if part == "operative":
        return resolution.operative
    return tuple(p for annex in resolution.annexes for p in annex.paragraphs)


def sizes_of(old: Resolution, new: Resolution) -> dict[str, tuple[int, int]]:
    return {part: (len(_paragraphs(old, part)), len(_paragraphs(new, part))) for part in PARTS}


def _footnotes_of(change: Change) -> tuple[Footnote, ...]:
    """The report's footnote entries with each footnote's place in its paragraph."""
    found, old_at, new_at = [], 0, 0
    for unit in change.footnotes:
        old = new = None
        if unit.kind != "inserted":
            old_at += 1
            old = old_at
        if unit.kind != "deleted":
            new_at += 1
            new = new_at
        found.append(Footnote(old, new, unit.kind))
    return tuple(found)


def observed_entries(report: ChangeReport) -> list[Entry]:
    return [
        Entry(
            part=c.part,
            old=c.old,
            new=c.new,
            kind=c.kind,
            new_part=c.new_part or c.part,
            change_class=c.change_class,
            footnotes=_footnotes_of(c),
        )
        for c in report.changes
    ]


def _partners(entries: Iterable[Entry]) -> dict[tuple[str, str, int], frozenset[tuple[str, int]]]:
    """For every paragraph (side, part, position): the paragraphs of the other side it is paired with."""
    found: dict[tuple[str, str, int], frozenset[tuple[str, int]]] = {}
    for e in entries:
        for i in e.old:
            found[("old", e.part, i)] = frozenset((e.new_part, j) for j in e.new)
        for j in e.new:
            found[("new", e.new_part, j)] = frozenset((e.part, i) for i in e.old)
    return found


def alignment_signature(entries: Iterable[Entry]) -> frozenset[tuple[object, ...]]:
    """What must agree across languages: who is paired with whom and how (``modified`` and
    ``unchanged`` are one: a translation may be touched in one language only)."""
    paired = {"unchanged": "paired", "modified": "paired"}
    return frozenset((e.part, e.old, e.new_part, e.new, paired.get(e.kind, e.kind)) for e in entries)


@dataclass(frozen=True, slots=True)
class Error:
    pair: str
    family: str
    truth: str
    observed: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class PairScore:
    pair: TruthPair
    paragraphs: int
    aligned: int
    exact: bool
    verdict: str
    errors: tuple[Error, ...]
    signature: frozenset[tuple[object, ...]] = field(default=frozenset())

    @property
    def verdict_right(self) -> bool:
        return self.verdict == self.pair.verdict


def _touching(entry: Entry, entries: Iterable[Entry]) -> list[Entry]:
    """The entries that share a paragraph with ``entry``."""
    olds = {(entry.part, i) for i in entry.old}
    news = {(entry.new_part, j) for j in entry.new}
    return [e for e in entries if olds & {(e.part, i) for i in e.old} or news & {(e.new_part, j) for j in e.new}]


def _family(entry: Entry, truth: Sequence[Entry], observed: Sequence[Entry]) -> str:
    """An entry's own family, else that of a judged entry the report mixed it up with: an
    unrelated paragraph paired with a reworded one is the reworded family's error."""
    if entry.family:
        return entry.family
    for seen in _touching(entry, observed):
        for other in _touching(seen, truth):
            if other.family:
                return other.family
    return "other"


def score_pair(pair: TruthPair, report: ChangeReport, headings_gone: int = 0) -> PairScore:
    """Compare a report with the truth. ``headings_gone``: heading paragraphs of the truth that
    the reader no longer gives as paragraphs (already left out of ``pair``), each one right."""
    observed = observed_entries(report)
    by_key = {e.key: e for e in observed}
    truth_partners, seen_partners = _partners(pair.entries), _partners(observed)
    aligned = sum(1 for where, partners in truth_partners.items() if seen_partners.get(where) == partners)
    errors = []
    for entry in pair.entries:
        family = _family(entry, pair.entries, observed)
        seen = by_key.get(entry.key)
        if seen is None:
            near = sorted({o.describe() for o in _touching(entry, observed)})
            errors.append(Error(pair.id, family, entry.describe(), "; ".join(near), entry.note))
            continue
        if entry.change_class and seen.change_class != entry.change_class:
            errors.append(
                Error(pair.id, family, f"{entry.describe()} {entry.change_class}", str(seen.change_class), entry.note)
            )
        if entry.footnotes is not None and set(seen.footnotes or ()) != set(entry.footnotes):
            errors.append(
                Error(
                    pair.id,
                    family,
                    f"{entry.describe()} footnotes {_footnote_text(entry.footnotes)}",
                    _footnote_text(seen.footnotes or ()),
                    entry.note,
                )
            )
    exact = not errors and len(observed) == len(pair.entries)
    if report.verdict != pair.verdict:
        family = pair.verdict_family or "other"
        errors.append(Error(pair.id, family, f"verdict {pair.verdict}", f"verdict {report.verdict}"))
    return PairScore(
        pair=pair,
        paragraphs=len(truth_partners) + headings_gone,
        aligned=aligned + headings_gone,
        exact=exact,
        verdict=report.verdict,
        errors=tuple(errors),
        signature=alignment_signature(observed),
    )


def without_headings(pair: TruthPair) -> tuple[TruthPair, int]:
    """The truth as it reads once the heading paragraphs are headings: positions renumbered."""
    gone: dict[tuple[str, str], set[int]] = defaultdict(set)
    for e in pair.entries:
        if e.kind == HEADING:
            gone[("old", e.part)].update(e.old)
            gone[("new", e.new_part)].update(e.new)

    def shift(side: str, part: str, positions: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(p - sum(1 for g in gone[(side, part)] if g < p) for p in positions)

    entries = tuple(
        Entry(
            e.part,
            shift("old", e.part, e.old),
            shift("new", e.new_part, e.new),
            e.kind,
            e.new_part,
            e.family,
            e.change_class,
            e.footnotes,
            e.note,
        )
        for e in pair.entries
        if e.kind != HEADING
    )
    sizes = {
        part: (old - len(gone[("old", part)]), new - len(gone[("new", part)]))
        for part, (old, new) in pair.sizes.items()
    }
    count = sum(len(positions) for positions in gone.values())
    return replace(pair, entries=entries, sizes=sizes), count


def _footnote_text(notes: Iterable[Footnote]) -> str:
    return " ".join(f"{n.old or '-'}→{n.new or '-'}:{n.kind}" for n in notes)


def score(pair: TruthPair, corpus: Path = CORPUS) -> PairScore:
    old, new = resodiff.read(corpus / pair.old), resodiff.read(corpus / pair.new)
    report = resodiff.diff(old, new)
    sizes = sizes_of(old, new)
    for judged, headings_gone in ((pair, 0), without_headings(pair)):
        if sizes == {part: judged.sizes.get(part, (0, 0)) for part in PARTS}:
            return score_pair(judged, report, headings_gone)
    raise TruthError(
        f"{pair.id}: resodiff now reads other paragraph counts ({sizes}) than the truth was judged on "
        f"({pair.sizes}); judge the pair again"
    )


@dataclass(frozen=True, slots=True)
class Figures:
    pairs: int
    paragraphs: int
    aligned: int
    exact: int
    verdicts_right: int

    @property
    def alignment(self) -> float:
        return self.aligned / self.paragraphs if self.paragraphs else 1.0

    @property
    def exact_share(self) -> float:
        return self.exact / self.pairs if self.pairs else 1.0

    @property
    def verdict_share(self) -> float:
        return self.verdicts_right / self.pairs if self.pairs else 1.0

    def as_dict(self) -> dict[str, float]:
        return {
            "alignment": round(self.alignment, 4),
            "exact": round(self.exact_share, 4),
            "verdict": round(self.verdict_share, 4),
        }


def figures(scores: Sequence[PairScore]) -> Figures:
    return Figures(
        pairs=len(scores),
        paragraphs=sum(s.paragraphs for s in scores),
        aligned=sum(s.aligned for s in scores),
        exact=sum(s.exact for s in scores),
        verdicts_right=sum(s.verdict_right for s in scores),
    )


def consistency(scores: Sequence[PairScore]) -> tuple[int, int]:
    """(series whose alignment is the same in every language, series judged in several languages
    whose truth is the same in each); series whose truth differs, because DGACM marked them up
    differently in two languages, are left out."""
    by_series: dict[str, list[PairScore]] = defaultdict(list)
    for s in scores:
        by_series[s.pair.series].append(s)
    several = [
        group
        for group in by_series.values()
        if len(group) > 1 and len({alignment_signature(s.pair.entries) for s in group}) == 1
    ]
    same = sum(1 for group in several if len({s.signature for s in group}) == 1)
    return same, len(several)


def inconsistent_series(scores: Sequence[PairScore]) -> list[str]:
    """Series of consistent truth whose alignment by resodiff differs between languages."""
    by_series: dict[str, list[PairScore]] = defaultdict(list)
    for s in scores:
        by_series[s.pair.series].append(s)
    return sorted(
        series
        for series, group in by_series.items()
        if len(group) > 1
        and len({alignment_signature(s.pair.entries) for s in group}) == 1
        and len({s.signature for s in group}) > 1
    )


def truth_consistency(pairs: Sequence[TruthPair]) -> list[str]:
    """Series whose truth differs between languages (each is explained in the files' notes)."""
    by_series: dict[str, list[TruthPair]] = defaultdict(list)
    for pair in pairs:
        by_series[pair.series].append(pair)
    return sorted(
        series for series, group in by_series.items() if len({alignment_signature(p.entries) for p in group}) > 1
    )


@dataclass(frozen=True, slots=True)
class Summary:
    rows: dict[str, Figures]
    consistent: tuple[int, int]
    family_errors: dict[str, int]
    errors: tuple[Error, ...]

    def floor_figures(self) -> dict[str, dict[str, float]]:
        return {name: f.as_dict() for name, f in self.rows.items()}


def summarise(scores: Sequence[PairScore]) -> Summary:
    rows: dict[str, Figures] = {}
    for language in sorted({s.pair.language for s in scores}):
        rows[language] = figures([s for s in scores if s.pair.language == language])
    for half in HALVES:
        rows[half] = figures([s for s in scores if s.pair.half == half])
    # the pairs drawn at random, one row per draw: the measure on pairs nobody chose, and a draw
    # made after a change to the diff stays apart from those the change may have been tuned on
    for seed in sorted({s.pair.drawn for s in scores if s.pair.drawn is not None}):
        rows[f"drawn {seed}"] = figures([s for s in scores if s.pair.drawn == seed])
    rows["all"] = figures(scores)
    errors = tuple(e for s in scores for e in s.errors)
    family_errors = dict.fromkeys((*FAMILIES, "other"), 0)
    family_errors.update(Counter(e.family for e in errors))
    return Summary(rows, consistency(scores), family_errors, errors)


def floor_of(summary: Summary) -> dict[str, object]:
    """What the test holds resodiff to: no figure may fall, no family may gain an error."""
    return {
        "figures": summary.floor_figures(),
        "same_alignment_across_languages": summary.consistent[0],
        "family_errors": summary.family_errors,
    }


def below_floor(summary: Summary, floor: dict[str, Any]) -> list[str]:
    """Every figure that is worse than the floor, said in words."""
    worse = []
    for name, recorded in floor["figures"].items():
        now = summary.rows[name].as_dict() if name in summary.rows else {}
        worse += [
            f"{name} {key}: {now.get(key)} < {value}" for key, value in recorded.items() if now.get(key, 0) < value
        ]
    if summary.consistent[0] < floor["same_alignment_across_languages"]:
        worse.append(
            f"same alignment across languages: {summary.consistent[0]} < {floor['same_alignment_across_languages']}"
        )
    for family, count in summary.family_errors.items():
        if count > floor["family_errors"].get(family, 0):
            worse.append(f"{family}: {count} errors > {floor['family_errors'].get(family, 0)}")
    return worse


def run(corpus: Path = CORPUS, folder: Path = TRUTH) -> tuple[Summary, list[PairScore]]:
    scores = [score(pair, corpus) for pair in load_all(folder)]
    return summarise(scores), scores


def print_summary(summary: Summary, scores: Sequence[PairScore], show_errors: bool) -> None:
    print(f"{'':10} {'pairs':>5} {'paragraphs':>10} {'aligned':>8} {'exact pairs':>12} {'verdicts':>9}")
    for name, f in summary.rows.items():
        print(
            f"{name:10} {f.pairs:5} {f.paragraphs:10} {f.alignment:8.1%} "
            f"{f.exact:5}/{f.pairs:<3} {f.exact_share:4.0%} {f.verdict_share:9.1%}"
        )
    same, several = summary.consistent
    differing = inconsistent_series(scores)
    print(
        f"same alignment in every language: {same} of {several} series judged in several languages"
        + (f" ({', '.join(differing)} differ)" if differing else "")
    )
    print("errors per family: " + ", ".join(f"{family} {count}" for family, count in summary.family_errors.items()))
    wrong = [s for s in scores if not s.verdict_right]
    for s in wrong:
        print(f"verdict: {s.pair.id}: resodiff {s.verdict}, truth {s.pair.verdict}")
    if show_errors:
        for family in (*FAMILIES, "other"):
            for e in (e for e in summary.errors if e.family == family):
                note = f" ({e.note})" if e.note else ""
                print(f"[{family}] {e.pair}: truth {e.truth}; resodiff {e.observed or 'nothing'}{note}")


def draft(old_path: Path, new_path: Path, pair_id: str, corpus: Path = CORPUS) -> dict[str, object]:
    """Today's output as a truth file, the starting point for judging a new pair by reading it."""
    old, new = resodiff.read(old_path), resodiff.read(new_path)
    report = resodiff.diff(old, new)
    english = new.meta.language == "eng" and "session" in str(new_path)
    return {
        "id": pair_id,
        "language": new.meta.language,
        "old": str(old_path.resolve().relative_to(corpus.resolve())),
        "new": str(new_path.resolve().relative_to(corpus.resolve())),
        "series": f"{old.meta.symbol} → {new.meta.symbol}",
        "half": "tune" if english else "held-out",
        "verdict": report.verdict,
        "sizes": {part: list(counts) for part, counts in sizes_of(old, new).items() if any(counts)},
        "entries": [
            {"part": e.part, "old": list(e.old), "new": list(e.new)}
            | ({"new_part": e.new_part} if e.new_part != e.part else {})
            | {"kind": e.kind}
            for e in observed_entries(report)
        ],
        "notes": [],
    }


def dump(data: dict[str, object]) -> str:
    """JSON with one key and one entry a line, so that a truth file reads (and diffs) entry by entry."""
    lines = []
    for key, value in data.items():
        if key == "entries":
            entries = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in value)  # type: ignore[attr-defined]
            lines.append(f'  "entries": [\n{entries}\n  ]')
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every error, by family")
    parser.add_argument("--floor", action="store_true", help=f"record today's figures as the floor ({FLOOR.name})")
    parser.add_argument("--draft", nargs=3, metavar=("OLD", "NEW", "ID"), help="print a draft truth file")
    args = parser.parse_args()
    if args.draft:
        old, new, pair_id = args.draft
        sys.stdout.write(dump(draft(Path(old), Path(new), pair_id)))
        return 0
    if not CORPUS.is_dir():
        print(f"skipped: the shared corpus is absent ({CORPUS})")
        return 0
    summary, scores = run()
    print_summary(summary, scores, args.errors)
    if args.floor:
        FLOOR.write_text(json.dumps(floor_of(summary), indent=2) + "\n", encoding="utf-8")
        print(f"floor written to {FLOOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
