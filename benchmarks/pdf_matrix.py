"""The PDF matrix over the corpus: every resolution printed as the UN prints it by each producer
of ``tests/pdfgen.py`` (LibreOffice, WeasyPrint) and read back by the PDF reader; the share that
comes back exactly (paragraphs, sub-paragraphs, footnotes at their markers, the closing, compared
with the Akoma Ntoso file after typography normalisation: ``tests/converters.py``'s fingerprint),
per producer, language and session, and the misses by reason (marked where the seed's Markdown or
``pdftotext`` text of the same file misses too: then the text reader, which the PDF reader hands
its page to, is what falls short).

    python benchmarks/pdf_matrix.py [--jobs N] [--limit N] [--producer P] [--pdfs DIR] [--misses]

The PDFs are kept in ``--pdfs`` (a temporary folder by default), so that a second run with the
same folder only reads them again. Session 77 is the one the reader was tuned on; 79 is held out.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.converters import difference, fingerprint, read_back  # noqa: E402
from tests.pdfgen import PRODUCERS, available, make_pdfs  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ga"
#: files per LibreOffice run (its start is slow; a run that fails loses no more than these)
_BATCH = 40

#: a job: the corpus file, its group ("77", "79", "oic") and the PDFs of its parts
Job = tuple[Path, str, list[Path]]


def corpus_paths() -> list[tuple[Path, str]]:
    sessions = [(path, path.parts[-3][:2]) for path in sorted(CORPUS.glob("7*session/*/*.xml"))]
    return sessions + [(path, "oic") for path in sorted((CORPUS / "oic-series").glob("*.xml"))]


def _parts(path: Path):  # type: ignore[no-untyped-def]
    from resodiff.ingest import read_collection

    return read_collection(path)


def _targets(path: Path, folder: Path) -> list[Path]:
    parts = _parts(path)
    stem = path.stem
    return [folder / (f"{stem}.pdf" if len(parts) == 1 else f"{stem}-{index}.pdf") for index in range(len(parts))]


def _print_weasyprint(job: Job) -> None:
    path, _, pdfs = job
    todo = [(part, pdf) for part, pdf in zip(_parts(path), pdfs, strict=True) if not pdf.exists()]
    if todo:
        make_pdfs("weasyprint", todo)


def _print_libreoffice(jobs: list[Job]) -> None:
    todo = [
        (part, pdf) for path, _, pdfs in jobs for part, pdf in zip(_parts(path), pdfs, strict=True) if not pdf.exists()
    ]
    if todo:
        make_pdfs("libreoffice", todo)


def _read_back(job: Job) -> tuple[str, str, str, str | None]:
    """(file, language, group, reason or None)."""
    from resodiff.errors import ResodiffError
    from resodiff.ingest.pdf import read_pdf

    path, group, pdfs = job
    parts = _parts(path)
    reason = None
    for part, pdf in zip(parts, pdfs, strict=True):
        try:
            back = read_pdf(pdf.read_bytes(), file=str(pdf))
        except ResodiffError as error:
            reason = f"unreadable: {error.message}"
            break
        reason = difference(fingerprint(part), fingerprint(back))
        if reason:
            break
    if reason and any(read_back(parts, 0, ("markdown", "pdftotext")).values()):
        reason += " [the text form misses it too]"  # the text reader's limit, not the page's
    return path.name, parts[0].meta.language, group, reason


def run(
    producer: str, paths: list[tuple[Path, str]], folder: Path, jobs: int
) -> list[tuple[str, str, str, str | None]]:
    out = folder / producer
    out.mkdir(parents=True, exist_ok=True)
    work: list[Job] = [(path, group, _targets(path, out)) for path, group in paths]
    with ProcessPoolExecutor(jobs) as pool:
        if producer == "weasyprint":
            list(pool.map(_print_weasyprint, work, chunksize=4))
        else:
            list(pool.map(_print_libreoffice, [work[i : i + _BATCH] for i in range(0, len(work), _BATCH)]))
        return list(pool.map(_read_back, work, chunksize=4))


def table(results: dict[str, list[tuple[str, str, str, str | None]]]) -> str:
    """Exact files per producer and language (rows) and group (columns), as a Markdown table."""
    groups = ("77", "79", "oic")
    lines = [
        "| producer | language | session 77 (tuned) | session 79 (held out) | OIC series |",
        "|---|---|---:|---:|---:|",
    ]
    for producer, rows in results.items():
        for lang in sorted({r[1] for r in rows}, key=lambda code: (-sum(r[1] == code for r in rows), code)):
            cells = []
            for group in groups:
                chosen = [r for r in rows if r[1] == lang and r[2] == group]
                exact = sum(r[3] is None for r in chosen)
                cells.append(f"{exact}/{len(chosen)} ({100 * exact / len(chosen):.1f} %)" if chosen else "–")
            lines.append(f"| {producer} | {lang} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(results: dict[str, list[tuple[str, str, str, str | None]]]) -> str:
    """The misses by reason (no document text beyond the reason's short excerpt)."""
    by_kind: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for producer, rows in results.items():
        for name, _, _, reason in rows:
            if reason:
                by_kind[(producer, re.split(r"[:(]", reason, maxsplit=1)[0])].append(f"{name}: {reason}")
    out = []
    for (producer, kind), names in sorted(by_kind.items()):
        out.append(f"{producer} / {kind}: {len(names)}")
        out.extend(f"    {name}" for name in names)
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="about N session files, evenly spread, and the OIC series")
    parser.add_argument("--producer", action="append", choices=PRODUCERS, help="only this producer (repeatable)")
    parser.add_argument("--pdfs", type=Path, help="keep the PDFs here (made once, read on every run)")
    parser.add_argument("--misses", action="store_true", help="list every miss with its reason")
    args = parser.parse_args()
    paths = corpus_paths()
    if not paths:
        print(f"the corpus is absent ({CORPUS})")
        return 1
    if args.limit:
        sessions = [p for p in paths if p[1] != "oic"]
        paths = sessions[:: max(1, len(sessions) // args.limit)] + [p for p in paths if p[1] == "oic"]
    producers = [p for p in (args.producer or PRODUCERS) if available(p)]
    with tempfile.TemporaryDirectory(prefix="resodiff-pdf-matrix-") as scratch:
        folder = args.pdfs or Path(scratch)
        results = {producer: run(producer, paths, folder, args.jobs) for producer in producers}
    print(table(results))
    if args.misses:
        print(misses(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
