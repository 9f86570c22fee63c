"""Which session 77 → 79 pairs join the truth set (tests/truth/): drawn at random, never picked.

    python benchmarks/truth_draw.py              # the draws of record (DRAWS), each again
    python benchmarks/truth_draw.py --seed 14 --count 3
    python benchmarks/truth_draw.py --seed 16 --pin 69e39ae   # a new draw, its population pinned

The population is every English session-79 resolution that resodiff's pairing (``resodiff
pair``: title, agenda item and text, docs/pairing.md) gives a session-77 predecessor, with both
files also in French (each drawn series is judged in both languages), less the series that were
in the truth set before the draw: those chosen by hand and those of the earlier draws of record
(so that a draw runs again to the same pairs, whatever later draws added; a new seed leaves out
every series already judged). The pairs of a draw of record are the pairing's of the day it was made,
pinned in ``truth_population.json`` (``--pin`` when the draw is made), so that a better pairing later
does not change what it drew. The candidates
are sorted by symbol and shuffled with the seed; the draw is the first ``count`` of them that are
not skipped. Only two reasons skip a candidate: a file that resodiff cannot read as one resolution
(found by reading it), or a pairing that is not the same series (a reader of both texts sees two
different resolutions; each is written in ``EXCLUDED`` with what was seen). Nothing else (length,
subject, how well the diff does) may keep a pair out, so the drawn pairs measure the diff on pairs
nobody chose. The pairs drawn are marked in their truth files with the draw's seed (``"drawn": 12``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from benchmarks.accuracy import CORPUS, load_all

import resodiff
from resodiff.errors import ResodiffError
from resodiff.pairing import Profile, match, profiles

#: the draws of record, in the order they were made: (seed, series drawn); a new, separate sample
#: takes a new seed and goes at the end
DRAWS: tuple[tuple[int, int], ...] = ((12, 5), (13, 3), (14, 4), (15, 3), (16, 3))
#: the number of series a new draw takes unless told
COUNT = 3
#: the (old, new) symbol pairs the pairing gave when each draw of record was made, one population
#: per day of draws (its seeds, the commit, the pairs): a draw of record is taken from its own, so
#: that a later pairing (which refuses more, or finds others) does not change what it drew; a seed
#: pinned nowhere takes today's pairing
PINNED = Path(__file__).with_name("truth_population.json")

#: candidates the draw skipped, by the two admitted reasons: new symbol → what was seen
EXCLUDED: dict[str, str] = {
    "A/RES/79/230": "paired with 77/323, not the same series: 77/323 extends Solomon Islands' preparatory "
    "period before graduation from the least developed country category, 79/230 graduates Cambodia and Senegal",
    "A/RES/79/251": "paired with 77/259, not the same series: 77/259 is on the Office of Internal Oversight "
    "Services and the Independent Audit Advisory Committee, 79/251 on the Ethics Office",
    "A/RES/79/232": "paired with 77/276, not the same series: both request an advisory opinion of the "
    "International Court of Justice, 77/276 on States' obligations in respect of climate change, 79/232 on "
    "Israel's obligations in relation to the United Nations' presence",
}


#: (old symbol, new symbol, English old, English new, French old, French new)
Candidate = tuple[str, str, Path, Path, Path, Path]


def _folder(session: int, language: str) -> Path:
    return CORPUS / f"{session}session" / language


def _files(session: int, language: str) -> dict[str, Path]:
    """Each single-resolution file of the folder by its symbol (a publication of several parts,
    which the truth set cannot hold as one pair, is left to ``read`` to refuse)."""
    found = {}
    for path in sorted(_folder(session, language).glob("*.xml")):
        result = profiles(str(path))
        if isinstance(result, list) and len(result) == 1:
            found[result[0].symbol] = path
    return found


def before(seed: int) -> set[int]:
    """The seeds of the draws of record made before this one (all of them, for a new seed)."""
    seeds = [s for s, _ in DRAWS]
    return set(seeds[: seeds.index(seed)] if seed in seeds else seeds)


def population(seed: int) -> list[Candidate]:
    """Every candidate pair, by new symbol, less the series the truth set held before this draw
    (so that it can be run again and gives the same pairs)."""
    olds, news = _english_profiles()
    french_old, french_new = _files(77, "French"), _files(79, "French")
    earlier = before(seed)
    judged = {pair.series for pair in load_all() if pair.drawn is None or pair.drawn in earlier}
    english = {p.symbol: Path(p.path) for p in olds + news}
    found = []
    for old, new in _pairs(seed, olds, news):
        if f"{old} → {new}" in judged:
            continue
        if old in french_old and new in french_new:
            found.append((old, new, english[old], english[new], french_old[old], french_new[new]))
    return sorted(found, key=lambda c: c[1])


def pinned_populations() -> list[dict[str, Any]]:
    populations: list[dict[str, Any]] = json.loads(PINNED.read_text(encoding="utf-8"))["populations"]
    return populations


def _pairs(seed: int, olds: list[Profile], news: list[Profile]) -> list[tuple[str, str]]:
    """The (old, new) symbols paired: pinned for a draw of record, today's pairing for a new one."""
    for pinned in pinned_populations():
        if seed in pinned["seeds"]:
            return [(old, new) for old, new in pinned["pairs"]]
    return _today(olds, news)


def _today(olds: list[Profile], news: list[Profile]) -> list[tuple[str, str]]:
    return sorted(((m.old.symbol, m.new.symbol) for m in match(news, olds) if m.old is not None), key=lambda p: p[1])


def pin(seed: int, commit: str) -> None:
    """Record today's pairing as the population of a new draw (with the population of the same
    pairs, when an earlier draw was made from them)."""
    olds, news = _english_profiles()
    pairs = [list(pair) for pair in _today(olds, news)]
    populations = [p for p in pinned_populations() if seed not in p["seeds"]]
    same = next((p for p in populations if p["pairs"] == pairs), None)
    if same is None:
        populations.append({"seeds": [seed], "commit": commit, "pairs": pairs})
    else:
        same["seeds"] = sorted({*same["seeds"], seed})
    data = json.loads(PINNED.read_text(encoding="utf-8"))
    PINNED.write_text(_dump(data["about"], populations), encoding="utf-8")


def _dump(about: str, populations: list[dict[str, Any]]) -> str:
    """One pair a line, so that the file reads (and diffs) pair by pair."""
    blocks = []
    for p in populations:
        pairs = ",\n".join(f"      {json.dumps(pair, ensure_ascii=False)}" for pair in p["pairs"])
        head = f'"seeds": {json.dumps(p["seeds"])}, "commit": {json.dumps(p["commit"])}'
        blocks.append(f'    {{{head}, "pairs": [\n{pairs}\n    ]}}')
    body = ",\n".join(blocks)
    return f'{{\n  "about": {json.dumps(about, ensure_ascii=False)},\n  "populations": [\n{body}\n  ]\n}}\n'


@cache
def _english_profiles() -> tuple[list[Profile], list[Profile]]:
    """The pairing's profiles of the English session-77 and session-79 files, read once (a
    draw pinned with ``--pin`` asks them twice)."""
    olds = [p for path in sorted(_folder(77, "English").glob("*.xml")) for p in _profiles(path)]
    news = [p for path in sorted(_folder(79, "English").glob("*.xml")) for p in _profiles(path)]
    return olds, news


def _profiles(path: Path) -> list[Profile]:
    result = profiles(str(path))
    return result if isinstance(result, list) else []


def readable(paths: tuple[Path, ...]) -> str | None:
    """Why one of the files cannot be scored as one resolution, or None."""
    for path in paths:
        try:
            resodiff.read(path)
        except ResodiffError as error:
            return str(error)
    return None


def choose(
    candidates: list[Candidate], seed: int, count: int, skip: Callable[[Candidate], str | None]
) -> list[Candidate]:
    """The first ``count`` candidates, in the seed's shuffle of them sorted by new symbol, that
    ``skip`` gives no reason to leave out (the reasons go to standard error)."""
    order = sorted(candidates, key=lambda c: c[1])
    random.Random(seed).shuffle(order)
    chosen: list[Candidate] = []
    for candidate in order:
        if len(chosen) == count:
            break
        reason = skip(candidate)
        if reason:
            print(f"skipped {candidate[1]}: {reason}", file=sys.stderr)
            continue
        chosen.append(candidate)
    return chosen


def _skip(candidate: Candidate) -> str | None:
    return EXCLUDED.get(candidate[1]) or readable(candidate[2:])


def draw(seed: int, count: int) -> list[Candidate]:
    return choose(population(seed), seed, count, _skip)


def _stem(symbol: str) -> str:
    return symbol.removeprefix("A/RES/").replace("/", "-").replace(" ", "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, help="a draw's seed (default: each draw of record again)")
    parser.add_argument("--count", type=int, help=f"series to draw (default: the record's, or {COUNT})")
    parser.add_argument(
        "--pin", metavar="COMMIT", help="pin today's pairing (made at COMMIT) as the population of --seed, a new draw"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: the shared corpus is absent ({CORPUS})")
        return 0
    record = dict(DRAWS)
    if args.pin:
        if args.seed is None or args.seed in record:
            parser.error("--pin needs the --seed of a new draw, not one of record")
        pin(args.seed, args.pin)
    for seed in [args.seed] if args.seed is not None else list(record):
        count = args.count or record.get(seed, COUNT)
        print(f"population: {len(population(seed))} series; seed {seed}")
        for old, new, *paths in draw(seed, count):
            pair_id = f"{_stem(old)}_{_stem(new)}"
            print(f"{old} → {new}  ({pair_id})")
            for path, language in zip(paths, ("en", "en", "fr", "fr"), strict=True):
                print(f"    {language} {path.relative_to(CORPUS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
