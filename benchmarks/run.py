"""resodiff benchmarks: one command, one table, alternatives side by side.

    .venv/bin/python benchmarks/run.py [--quick]

Times are medians of several runs (wall clock, this machine). Corpus rows need ../shared/corpus
and are skipped, saying so, where it is absent.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path

import xmlschema
from akn_read import akn_read_rows  # benchmarks/ is on the path when run.py runs
from check import check_rows
from diff_match_patch import diff_match_patch
from docx_read import docx_read_rows
from growth import growth_rows
from hostile import hostile_rows
from lxml import etree
from reader import reader_rows
from regex_sweep import regex_rows

import resodiff
from resodiff.akn import to_akn_bytes, validate_akn
from resodiff.akn.validate import _fast_schema, official_schema
from resodiff.diff import diff_resolutions
from resodiff.diff.tokens import _key, token_columns, token_keys, tokenize
from resodiff.model import Resolution, Text
from resodiff.report.html import render_html
from resodiff.safexml import parse_xml
from resodiff.typography import normalize_typography

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import batch_rows  # noqa: E402
from docx_write import docx_write_rows  # noqa: E402
from pdf import pdf_rows  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_94d00cddfaaae410.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"
DGACM_79_9_FR = CORPUS / "oic-series" / "A_RES_79_9-2421657F.xml"

Row = tuple[str, str, str]


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median wall time; the garbage collector is paused while timing, as timeit does."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return statistics.median(times) * 1000


def seed_rows(repeat: int) -> list[Row]:
    official_schema()
    _fast_schema()
    seed_text = SEED.read_text(encoding="utf-8")

    def convert_and_validate() -> None:
        data = to_akn_bytes(resodiff.read_text(seed_text))
        assert validate_akn(data) == []

    resolution = resodiff.read_text(seed_text)
    data = to_akn_bytes(resolution)
    tree = parse_xml(data)
    resource = xmlschema.XMLResource(tree, allow="none")
    rows = [
        ("seed: text → model", f"{median_ms(lambda: resodiff.read_text(seed_text), repeat):.1f} ms", ""),
        ("seed: model → AKN bytes", f"{median_ms(lambda: to_akn_bytes(resolution), repeat):.1f} ms", ""),
        (
            "seed: text → model → AKN → validated (resodiff)",
            f"{median_ms(convert_and_validate, repeat):.1f} ms",
            "target < 50 ms",
        ),
        (
            "validate seed AKN: libxml2 (lxml)",
            f"{median_ms(lambda: _fast_schema().validate(tree), repeat):.2f} ms",
            "decides validity",
        ),
        (
            "validate seed AKN: xmlschema",
            f"{median_ms(lambda: official_schema().is_valid(resource, use_location_hints=False), 3):.1f} ms",
            "gives the findings",
        ),
    ]
    start = time.perf_counter()
    xmlschema.XMLSchema10(official_schema().url, allow="sandbox")
    rows.append(("load AKN schema: xmlschema", f"{(time.perf_counter() - start) * 1000:.0f} ms", "once per process"))
    if DGACM_79_9_FR.exists():
        dgacm = parse_xml(DGACM_79_9_FR.read_bytes())
        dgacm_resource = xmlschema.XMLResource(dgacm, allow="none")
        size = DGACM_79_9_FR.stat().st_size // 1024
        rows.append(
            (
                f"validate DGACM 79/9 fr ({size} KB): libxml2",
                f"{median_ms(lambda: _fast_schema().validate(dgacm), repeat):.2f} ms",
                "",
            )
        )
        rows.append(
            (
                f"validate DGACM 79/9 fr ({size} KB): xmlschema",
                f"{median_ms(lambda: official_schema().is_valid(dgacm_resource, use_location_hints=False), 3):.1f} ms",
                "",
            )
        )
    return rows


def _corpus_one(path: str) -> tuple[int, int]:
    """Read one corpus file, write it back as AKN and validate it: (read, invalid)."""
    try:
        resolution = resodiff.read(path)
    except resodiff.ResodiffError:
        return 0, 0
    findings = validate_akn(to_akn_bytes(resolution), path)
    return 1, int(bool(findings))


def corpus_rows(workers: list[int]) -> list[Row]:
    files = sorted(str(p) for p in CORPUS.glob("7*session/*/*.xml"))
    if not files:
        return [("corpus", "skipped", f"{CORPUS} absent")]
    rows = []
    for count in workers:
        start = time.perf_counter()
        if count == 1:
            _fast_schema()
            results = [_corpus_one(path) for path in files]
        else:
            with ProcessPoolExecutor(max_workers=count) as pool:
                results = list(pool.map(_corpus_one, files, chunksize=16))
        elapsed = time.perf_counter() - start
        read = sum(r for r, _ in results)
        invalid = sum(i for _, i in results)
        rows.append(
            (
                f"corpus {len(files)} files: read → AKN → validate, {count} process{'es' if count > 1 else ''}",
                f"{elapsed:.1f} s",
                f"{read} read, {invalid} invalid; target < 30 s",
            )
        )
    return rows


def _cold(action: Callable[[], object]) -> Callable[[], object]:
    """Run with resodiff's text caches emptied, so repeats measure the real work."""

    def run() -> object:
        tokenize.cache_clear()
        token_columns.cache_clear()
        token_keys.cache_clear()
        _key.cache_clear()
        normalize_typography.cache_clear()
        return action()

    return run


def _scaled(resolution: Resolution, copies: int) -> Resolution:
    """The resolution repeated ``copies`` times, each copy's paragraphs marked as its own."""

    def mark(paragraphs: tuple, copy: int) -> tuple:  # type: ignore[type-arg]
        return tuple(replace(p, content=(Text(f"[{copy}] "), *p.content)) for p in paragraphs)

    return replace(
        resolution,
        preamble=tuple(p for k in range(copies) for p in mark(resolution.preamble, k)),
        operative=tuple(p for k in range(copies) for p in mark(resolution.operative, k)),
    )


def _plain(resolution: Resolution) -> str:
    return "\n".join(p.text for p in resolution.paragraphs())


def diff_rows(repeat: int, slow_alternatives: bool) -> list[Row]:
    old_path = CORPUS / "oic-series" / "A_RES_77_18-2226540E.xml"
    new_path = CORPUS / "oic-series" / "A_RES_79_9-2421657E.xml"
    if not old_path.exists():
        return [("diff", "skipped", f"{old_path} absent")]
    old, new = resodiff.read(old_path), resodiff.read(new_path)
    rows: list[Row] = []
    for language in "EFSRAC":
        pair = (
            resodiff.read(CORPUS / "oic-series" / f"A_RES_77_18-2226540{language}.xml"),
            resodiff.read(CORPUS / "oic-series" / f"A_RES_79_9-2421657{language}.xml"),
        )
        elapsed = median_ms(_cold(lambda pair=pair: diff_resolutions(*pair)), repeat)
        rows.append(
            (
                f"diff 77/18 → 79/9 ({language}), resodiff",
                f"{elapsed:.1f} ms",
                "target < 15 ms" if language == "E" else "",
            )
        )
    previous: tuple[int, float] | None = None
    for copies in (1, 2, 4, 8, 16, 19):
        scaled_old, scaled_new = _scaled(old, copies), _scaled(new, copies)
        old_text, new_text = _plain(scaled_old), _plain(scaled_new)
        size = len(old_text.encode()) // 1024
        paragraphs = len(scaled_old.paragraphs())
        ours = median_ms(_cold(partial(diff_resolutions, scaled_old, scaled_new)), 5 if copies > 1 else repeat)
        growth = ""
        if previous and copies == 2 * previous[0]:
            growth = f"×{ours / previous[1]:.2f} when the document doubles (target ≤ 2.3)"
        previous = (copies, ours)
        note = growth or ("target < 250 ms" if copies == 19 else "")
        rows.append((f"diff {size} KB pair ({paragraphs} ¶): resodiff", f"{ours:.0f} ms", note))
        if copies in (1, 4, 19):
            engine = diff_match_patch()
            engine.Diff_Timeout = 0
            dmp = median_ms(partial(engine.diff_main, old_text, new_text), 1)
            rows.append((f"diff {size} KB pair: diff-match-patch, raw characters", f"{dmp:.0f} ms", "no paragraphs"))
            if copies < 19 or slow_alternatives:
                matcher = difflib.SequenceMatcher(None, old_text.split(), new_text.split(), autojunk=False)
                seq = median_ms(matcher.get_opcodes, 1)
                rows.append((f"diff {size} KB pair: difflib, words", f"{seq:.0f} ms", ""))
            else:
                rows.append((f"diff {size} KB pair: difflib, words", "skipped", "about a minute; --all runs it"))
    return rows


def html_rows(repeat: int) -> list[Row]:
    old_path = CORPUS / "oic-series" / "A_RES_77_18-2226540E.xml"
    if not old_path.exists():
        return [("redline page", "skipped", f"{old_path} absent")]
    old = resodiff.read(old_path)
    new = resodiff.read(CORPUS / "oic-series" / "A_RES_79_9-2421657E.xml")
    report = diff_resolutions(old, new)
    render_html(report)  # the template is compiled once per process
    rows = [
        (
            "redline page 77/18 → 79/9 (E), from the report",
            f"{median_ms(partial(render_html, report), repeat):.1f} ms",
            "target < 50 ms",
        )
    ]
    big = diff_resolutions(_scaled(old, 19), _scaled(new, 19))
    size = len(render_html(big).encode()) // 1024
    rows.append(
        (
            f"redline page, 1,064-paragraph pair ({size} KB page)",
            f"{median_ms(partial(render_html, big), 5):.0f} ms",
            "target < 1 s",
        )
    )
    return rows


def pairing_rows(quick: bool) -> list[Row]:
    import tempfile

    from resodiff.report.pairing import write_session

    rows: list[Row] = []
    runs = [("English", 2), ("French", 2)] if quick else [("English", 1), ("English", 2), ("French", 2)]
    timings: dict[tuple[str, int], float] = {}
    for language, jobs in runs:
        old, new = CORPUS / "77session" / language, CORPUS / "79session" / language
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            index = write_session(str(old), str(new), out, jobs=jobs)
            timings[(language, jobs)] = time.perf_counter() - start
        found = sum(1 for entry in index["pairs"] if entry["old"])
        note = f"{found} pairs, reports JSON + HTML"
        if (language, 1) in timings and jobs == 2:
            note += f"; speed-up ×{timings[(language, 1)] / timings[(language, 2)]:.2f}"
        rows.append(
            (
                f"pair 77 → 79 {language}, {jobs} process{'es' if jobs > 1 else ''}",
                f"{timings[(language, jobs)]:.1f} s",
                note,
            )
        )
    both = timings[("English", 2)] + timings[("French", 2)]
    rows.append(("pair 77 → 79, both languages, 2 processes", f"{both:.1f} s", "target < 2 min"))
    return rows


def _pair_one(paths: tuple[str, str]) -> str:
    return resodiff.diff(*paths).verdict


def corpus_diff_rows() -> list[Row]:
    sys.path.insert(0, str(ROOT))
    from tests.corpus_pairs import file_pairs

    pairs = [(str(a), str(b)) for language in ("English", "French") for a, b in file_pairs(language)[0]]
    start = time.perf_counter()
    verdicts = [_pair_one(pair) for pair in pairs]
    elapsed = time.perf_counter() - start
    counts = {v: verdicts.count(v) for v in ("identical", "technical", "substantive")}
    return [
        (
            f"diff {len(pairs)} corpus title pairs (en+fr), read + diff, 1 process",
            f"{elapsed:.1f} s",
            f"{counts}; target < 60 s",
        )
    ]


def print_table(rows: list[Row]) -> None:
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"{'benchmark'.ljust(width)}  {'time'.rjust(value_width)}  note")
    print(f"{'-' * width}  {'-' * value_width}  ----")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value.rjust(value_width)}  {note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="fewer repetitions, corpus with all cores only, growth to 5,000 ¶"
    )
    parser.add_argument("--all", action="store_true", help="also run difflib on the largest pair (about a minute)")
    args = parser.parse_args()
    repeat = 5 if args.quick else 21
    cores = os.cpu_count() or 1
    rows = seed_rows(repeat)
    rows += corpus_rows([cores] if args.quick else sorted({1, cores}))
    rows += akn_read_rows(CORPUS, 3 if args.quick else 5, median_ms)
    rows += diff_rows(repeat, args.all)
    rows += growth_rows(args.quick)
    rows += reader_rows(repeat, _scaled)
    rows += hostile_rows(args.quick)
    rows += regex_rows()
    rows += html_rows(repeat)
    rows += docx_write_rows(CORPUS / "oic-series", repeat, median_ms)
    rows += check_rows(repeat, lambda action: median_ms(_cold(action), repeat))
    rows += docx_read_rows(CORPUS / "oic-series", repeat, median_ms, _cold)
    rows += pdf_rows(SEED, DGACM_79_9_FR, 3 if args.quick else 7, median_ms)
    if CORPUS.exists():
        rows += batch_rows(args.quick)
        rows += corpus_diff_rows()
        rows += pairing_rows(args.quick)
    print(
        f"resodiff {resodiff.__version__}, Python {sys.version.split()[0]}, lxml {etree.__version__}, "
        f"xmlschema {xmlschema.__version__}, {cores} cores"
    )
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
