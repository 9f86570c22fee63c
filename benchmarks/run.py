"""resodiff benchmarks: one command, one table, alternatives side by side.

    .venv/bin/python benchmarks/run.py [--quick]

Times are medians of several runs (wall clock, this machine). Corpus rows need ../shared/corpus
and are skipped, saying so, where it is absent.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import xmlschema
from lxml import etree

import resodiff
from resodiff.akn import to_akn_bytes, validate_akn
from resodiff.akn.validate import _fast_schema, official_schema
from resodiff.ingest.safexml import parse_xml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_94d00cddfaaae410.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"
DGACM_79_9_FR = CORPUS / "oic-series" / "A_RES_79_9-2421657F.xml"

Row = tuple[str, str, str]


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
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


def print_table(rows: list[Row]) -> None:
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"{'benchmark'.ljust(width)}  {'time'.rjust(value_width)}  note")
    print(f"{'-' * width}  {'-' * value_width}  ----")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value.rjust(value_width)}  {note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, corpus with all cores only")
    args = parser.parse_args()
    repeat = 5 if args.quick else 21
    cores = os.cpu_count() or 1
    rows = seed_rows(repeat)
    rows += corpus_rows([cores] if args.quick else sorted({1, cores}))
    print(
        f"resodiff {resodiff.__version__}, Python {sys.version.split()[0]}, lxml {etree.__version__}, "
        f"xmlschema {xmlschema.__version__}, {cores} cores"
    )
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
