"""The PDF reader: resolutions printed as the UN prints them (``tests/pdfgen.py``, by LibreOffice
and by WeasyPrint) read back into the model they were printed from."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

import resodiff
from resodiff.cli import main
from resodiff.errors import InputError
from resodiff.ingest import read_collection
from resodiff.ingest.pdf import _logical, read_pdf
from resodiff.ingest.pdfglyphs import Glyph
from resodiff.model import Resolution, SourceSpan, footnotes_in

from .conftest import CORPUS, OIC, SEED, needs_corpus
from .converters import difference, fingerprint
from .pdfgen import PRODUCERS, available, make_pdfs, scanned_pdf

JOB = "24-21657 (F)"


def _needs(producer: str) -> pytest.MarkDecorator:
    reason = "LibreOffice (soffice) is not installed" if producer == "libreoffice" else "WeasyPrint cannot run here"
    return pytest.mark.skipif(not available(producer), reason=reason)


PRODUCED = [pytest.param(producer, marks=_needs(producer)) for producer in PRODUCERS]


@pytest.fixture(scope="module")
def seed() -> Resolution:
    # the seed's text has no job number; the printed page has one at the foot of page 1
    resolution = resodiff.read(SEED)
    return replace(resolution, meta=replace(resolution.meta, job_number=JOB))


@pytest.fixture(scope="module", params=PRODUCED)
def seed_pdf(request: pytest.FixtureRequest, seed: Resolution, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp(request.param) / "seed.pdf"
    make_pdfs(request.param, [(seed, path)])
    return path


def test_the_seed_printed_reads_back_exactly(seed: Resolution, seed_pdf: Path) -> None:
    back = resodiff.read(seed_pdf)
    assert (len(back.preamble), len(back.operative), len(back.footnotes)) == (29, 30, 6)
    assert difference(fingerprint(seed), fingerprint(back)) is None
    assert back.meta == replace(seed.meta, span=back.meta.span)  # symbol, dates, agenda, job number...
    assert back.closing == seed.closing
    # every footnote at its marker: same paragraph, same place in its text
    assert [(p.num, [n.marker for n in footnotes_in(p.all_inlines())]) for p in back.paragraphs()] == [
        (p.num, [n.marker for n in footnotes_in(p.all_inlines())]) for p in seed.paragraphs()
    ]


def test_diff_of_the_seed_against_its_pdf_is_identical(seed_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert resodiff.diff(SEED, seed_pdf).verdict == "identical"
    assert main(["diff", str(SEED), str(seed_pdf)]) == 0
    assert "identi" in capsys.readouterr().out


def test_positions_are_pages_and_lines(seed_pdf: Path) -> None:
    back = resodiff.read(seed_pdf)
    spans = [p.span for p in back.paragraphs()] + [n.span for n in back.footnotes]
    assert all(isinstance(s, SourceSpan) and s.page is not None and s.line >= 1 for s in spans)
    pages = [s.page for s in spans[: len(back.paragraphs())] if s is not None]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] >= 4
    assert back.meta.span is not None and (back.meta.span.page, back.meta.span.line) == (1, 1)
    note = back.footnotes[0].span
    assert note is not None and note.page == 1 and str(note).startswith(f"{seed_pdf}, page 1, line ")


def test_convert_and_check_read_pdf(seed_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.xml"
    assert main(["convert", str(seed_pdf), "-o", str(out)]) == 0
    assert resodiff.read(out) == resodiff.read(seed_pdf)
    assert main(["check", str(seed_pdf), "--exit-zero"]) == 0
    # the seed's own text has no italics: the italics rules are skipped for it, as for its text
    assert "italic" in capsys.readouterr().out


@pytest.mark.parametrize("producer", PRODUCED)
def test_italics_are_read_from_the_fonts(producer: str, tmp_path: Path) -> None:
    english = resodiff.read(SEED.parent.parent / "fixtures" / "fr-illustrative-predecessor-of-79-9.md")
    path = tmp_path / "italics.pdf"
    make_pdfs(producer, [(english, path)])
    back = resodiff.read(path)
    assert [p.opening for p in back.paragraphs()] == [p.opening for p in english.paragraphs()]
    assert any(p.opening for p in back.operative)


@pytest.mark.skipif(not available("weasyprint"), reason="WeasyPrint cannot run here")
def test_a_scanned_pdf_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match="no text layer: a scanned PDF; resodiff does not do OCR"):
        resodiff.read(path)
    assert main(["convert", str(path)]) == 2
    error = capsys.readouterr().err
    assert "no text layer" in error and str(path) in error and "Traceback" not in error


def test_a_damaged_pdf_is_an_error_with_its_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in {
        "header-only.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "garbage.pdf": b"%PDF-1.4\n" + random.Random(7).randbytes(4000),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InputError):
            resodiff.read(path)
        assert main(["convert", str(path)]) == 2
        error = capsys.readouterr().err
        assert str(path) in error and "Traceback" not in error


def test_a_truncated_pdf_is_an_error(seed_pdf: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(seed_pdf.read_bytes()[: seed_pdf.stat().st_size // 3])
    with pytest.raises(InputError):
        read_pdf(cut.read_bytes(), file=str(cut))


def _glyphs(text: str) -> list[Glyph]:
    return [Glyph(char, index * 5.0, index * 5.0 + 4, 100.0, 10.0, False, False) for index, char in enumerate(text)]


@pytest.mark.parametrize(
    ("visual", "logical"),
    [
        # Arabic letters come right to left; numbers and symbols keep their order
        ("٢٠٢٤ ربمفون/يناثلا نيرشت 18", "18 تشرين الثاني/نوفمبر ٢٠٢٤"),
        ("A/RES/79/9 رارقلا", "القرار A/RES/79/9"),
        # a bracket and a space next to a number are the right-to-left text's
        (")A( 24-21657", "24-21657 (A)"),
        # between two Latin letters, all stays in the Latin run
        ("Distr.: General", "Distr.: General"),
    ],
)
def test_right_to_left_rows_are_put_in_reading_order(visual: str, logical: str) -> None:
    assert "".join(g.text for g in _logical(_glyphs(visual))) == logical


def _exact(resolution: Resolution, pdf: Path) -> str | None:
    return difference(fingerprint(resolution), fingerprint(read_pdf(pdf.read_bytes(), file=str(pdf))))


@needs_corpus
@pytest.mark.parametrize("producer", PRODUCED)
def test_the_oic_series_in_six_languages(producer: str, tmp_path: Path) -> None:
    """Arabic (right to left) and Chinese (no spaces, full-width punctuation) with the others."""
    documents = [(resodiff.read(path), tmp_path / f"{path.stem}.pdf") for path in sorted(OIC.glob("*.xml"))]
    make_pdfs(producer, documents)
    misses = {pdf.name: reason for resolution, pdf in documents if (reason := _exact(resolution, pdf))}
    # the one miss a page cannot tell: the Arabic text writes "الأول/ ديسمبر" once with a space
    # after the slash, and WeasyPrint breaks the line there, where the space is not printed
    assert all(name.endswith("A.pdf") and "/ " in reason for name, reason in misses.items()), misses


@needs_corpus
@pytest.mark.slow
@pytest.mark.parametrize("producer", PRODUCED)
def test_a_sample_of_the_corpus_comes_back_exactly(producer: str, tmp_path: Path) -> None:
    paths = sorted(CORPUS.glob("7*session/*/*.xml"))[::40]
    documents = []
    for path in paths:
        parts = read_collection(path)
        documents.extend((part, tmp_path / f"{path.stem}-{index}.pdf") for index, part in enumerate(parts))
    make_pdfs(producer, documents)
    misses = {pdf.name: reason for resolution, pdf in documents if (reason := _exact(resolution, pdf))}
    # the rate measured on the whole sample of benchmarks/pdf_matrix.py is 86-93 %: a fall below
    # it is a regression (the goal is 99 %: docs/pdf.md lists what is missing)
    assert len(misses) <= len(documents) * 0.15, misses
