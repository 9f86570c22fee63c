"""Real converters on real PDFs: every resolution printed as the UN prints it by each producer of
``tests/pdfgen.py`` (LibreOffice, WeasyPrint), turned into text by poppler's own ``pdftotext``
and ``pdftotext -layout`` and by pdfminer.six's ``extract_text`` (its ``pdf2txt.py``, which
Microsoft's MarkItDown and many Python pipelines give for a PDF), and read back by the text
reader; the share that comes back exactly (``tests/converters.py``'s fingerprint against the
Akoma Ntoso file), per producer, converter, language and session.

The synthetic layouts of ``benchmarks/matrix.py`` say what each habit of a converter costs; this
says what a user who runs ``pdftotext`` on a PDF gets.

    python benchmarks/real_converters.py [--jobs N] [--limit N] [--series S] [--producer P] [--converter C]
        [--pdfs DIR [--existing]] [--misses]

The PDFs are kept in ``--pdfs`` (shared with ``benchmarks/pdf_matrix.py``), so that a second run
with the same folder only converts and reads them again.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.pdf_matrix import (  # noqa: E402
    CORPUS,
    Job,
    _parts,
    _print_libreoffice,
    _print_weasyprint,
    _targets,
    corpus_paths,
    misses,
    table,
)
from tests.converters import difference, fingerprint  # noqa: E402
from tests.pdfgen import PRODUCERS, available  # noqa: E402

#: poppler's converters, by name: the options each is run with
CONVERTERS = {"pdftotext": (), "pdftotext-layout": ("-layout",)}
#: pdfminer.six's, run in this process (it is the ``pdf`` extra's dependency)
PDFMINER = "pdfminer"

Row = tuple[str, str, str, str | None]


def pdftotext(pdf: Path, options: tuple[str, ...]) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"], capture_output=True, check=True, timeout=120
    )
    return done.stdout.decode("utf-8")


def pdfminer_text(pdf: Path, options: tuple[str, ...] = ()) -> str:
    """The text of ``pdf`` as ``pdf2txt.py`` writes it, with its default layout analysis."""
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def _read_back(job: Job, options: tuple[str, ...], convert: Callable[[Path, tuple[str, ...]], str] = pdftotext) -> Row:
    """(file, language, group, reason or None)."""
    import resodiff
    from resodiff.errors import ResodiffError

    path, group, pdfs = job
    parts = _parts(path)
    reason = None
    for part, pdf in zip(parts, pdfs, strict=True):
        try:
            back = resodiff.read_text(convert(pdf, options), file=str(pdf))
        except ResodiffError as error:
            reason = f"unreadable: {error.message}"
            break
        reason = difference(fingerprint(part), fingerprint(back))
        if reason:
            break
    return path.name, parts[0].meta.language, group, reason


def _read_plain(job: Job) -> Row:
    return _read_back(job, CONVERTERS["pdftotext"])


def _read_layout(job: Job) -> Row:
    return _read_back(job, CONVERTERS["pdftotext-layout"])


def _read_pdfminer(job: Job) -> Row:
    return _read_back(job, (), pdfminer_text)


_READERS = {"pdftotext": _read_plain, "pdftotext-layout": _read_layout, PDFMINER: _read_pdfminer}


def run(
    producer: str,
    paths: list[tuple[Path, str]],
    folder: Path,
    jobs: int,
    *,
    existing: bool = False,
    converters: Sequence[str] = tuple(_READERS),
) -> dict[str, list[Row]]:
    """Each file printed by ``producer`` into ``folder`` (unless ``existing``: only the files
    already printed there are read, and nothing is written) and read back by each of
    ``converters``."""
    out = folder / producer
    work: list[Job] = [(path, group, _targets(path, out)) for path, group in paths]
    if existing:
        work = [job for job in work if all(pdf.exists() for pdf in job[2])]
    else:
        out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(jobs) as pool:
        if not existing and producer == "weasyprint":
            list(pool.map(_print_weasyprint, work, chunksize=4))
        elif not existing:
            list(pool.map(_print_libreoffice, [work[i : i + 40] for i in range(0, len(work), 40)]))
        return {
            f"{producer} → {converter}": list(pool.map(reader, work, chunksize=4))
            for converter, reader in _READERS.items()
            if converter in converters
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="about N session files, evenly spread, and the OIC series")
    parser.add_argument("--series", action="append", help="only this series: 77, 79 or oic (repeatable)")
    parser.add_argument("--producer", action="append", choices=PRODUCERS, help="only this producer (repeatable)")
    parser.add_argument("--converter", action="append", choices=_READERS, help="only this converter (repeatable)")
    parser.add_argument("--pdfs", type=Path, help="keep the PDFs here (made once, read on every run)")
    parser.add_argument("--misses", action="store_true", help="list every miss with its reason")
    parser.add_argument(
        "--existing", action="store_true", help="only the PDFs --pdfs already holds: print none (a shared folder)"
    )
    args = parser.parse_args()
    paths = corpus_paths()
    if not paths:
        print(f"the corpus is absent ({CORPUS})")
        return 1
    converters = args.converter or list(_READERS)
    if shutil.which("pdftotext") is None and set(converters) & set(CONVERTERS):
        print("poppler's pdftotext is not installed (Debian: poppler-utils)")
        return 1
    if args.series:
        paths = [p for p in paths if p[1] in args.series]
    if args.limit:
        sessions = [p for p in paths if p[1] != "oic"]
        paths = sessions[:: max(1, len(sessions) // args.limit)] + [p for p in paths if p[1] == "oic"]
    producers = [p for p in (args.producer or PRODUCERS) if available(p)]
    results: dict[str, list[Row]] = {}
    with tempfile.TemporaryDirectory(prefix="resodiff-real-converters-") as scratch:
        folder = args.pdfs or Path(scratch)
        for producer in producers:
            results.update(run(producer, paths, folder, args.jobs, existing=args.existing, converters=converters))
    print(table(results).replace("| producer |", "| producer → converter |", 1))
    if args.misses:
        print(misses(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
