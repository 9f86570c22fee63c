"""The PDF reader: resolutions printed as the UN prints them (``tests/pdfgen.py``, by LibreOffice
and by WeasyPrint) read back into the model they were printed from."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTComponent, LTContainer
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSEOF, PSKeyword

import resodiff
from resodiff.cli import main
from resodiff.errors import InputError
from resodiff.ingest import pdfglyphs, read_collection
from resodiff.ingest.pdf import _logical, read_pdf
from resodiff.ingest.pdfglyphs import Glyph, page_glyphs
from resodiff.model import Resolution, SourceSpan, footnotes_in

from .conftest import CORPUS, OIC, SEED, needs_corpus
from .converters import difference, fingerprint
from .docx_drafts import draft_of, insert, write_docx
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


def test_diff_of_the_seed_pdf_against_a_word_draft(
    seed: Resolution, seed_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issued PDF against the next draft in Word (``diff old.pdf new.docx``): the draft as
    printed is identical; a tracked insertion is the one change, read with the changes accepted
    (the default) and gone with ``--as-original``."""
    clean = tmp_path / "clean.docx"
    clean.write_bytes(write_docx(draft_of(seed)))
    assert main(["diff", str(seed_pdf), str(clean), "-q"]) == 0
    draft = draft_of(seed)
    opening = next(para for para in draft.paras if "".join(s.text for s in para.segs).startswith("Notant également"))
    insert(opening, "Notant également", " avec intérêt")
    tracked = tmp_path / "tracked.docx"
    tracked.write_bytes(write_docx(draft))
    capsys.readouterr()
    assert main(["diff", str(seed_pdf), str(tracked), "--format", "json", "-q"]) == 1
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert [change["kind"] for change in changes if change["kind"] != "unchanged"] == ["modified"]
    assert "avec intérêt" in json.dumps(changes, ensure_ascii=False)
    assert main(["diff", str(seed_pdf), str(tracked), "--as-original", "-q"]) == 0


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


def _encrypted(pdf: Path, path: Path, *, user: str, algorithm: str) -> Path:
    pypdf = pytest.importorskip("pypdf", reason="pypdf (a test dependency) encrypts the test PDFs")
    writer = pypdf.PdfWriter(clone_from=pdf)
    # an owner password with the permissions a restricted document gives: print only
    flags = pypdf.constants.UserAccessPermissions
    writer.encrypt(user, "owner", algorithm=algorithm, permissions_flag=flags.all() & ~flags.EXTRACT & ~flags.MODIFY)
    writer.write(path)
    return path


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_a_pdf_with_a_user_password_is_refused(
    seed_pdf: Path, algorithm: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _encrypted(seed_pdf, tmp_path / "locked.pdf", user="secret", algorithm=algorithm)
    with pytest.raises(InputError, match="the PDF is encrypted: resodiff cannot open it without its password"):
        resodiff.read(path)
    assert main(["convert", str(path)]) == 2
    error = capsys.readouterr().err
    assert f"{path}: the PDF is encrypted" in error and "Traceback" not in error


def test_a_pdf_encrypted_by_another_handler_is_refused(seed_pdf: Path, tmp_path: Path) -> None:
    path = _encrypted(seed_pdf, tmp_path / "locked.pdf", user="", algorithm="RC4-128")
    # a public-key handler (certificates) in place of the standard one (passwords)
    other = path.read_bytes().replace(b"/Filter /Standard", b"/Filter /PubSecXX")
    path.write_bytes(other)
    with pytest.raises(InputError, match=r"encrypted in a way resodiff cannot read \(unknown filter\)$"):
        resodiff.read(path)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_with_only_an_owner_password_is_read(
    seed: Resolution, seed_pdf: Path, algorithm: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Anyone may open it (its user password is empty); the owner's restrictions are the
    reader's to honour, and reading the text to compare it is what a reader may do."""
    path = _encrypted(seed_pdf, tmp_path / "restricted.pdf", user="", algorithm=algorithm)
    assert difference(fingerprint(seed), fingerprint(resodiff.read(path))) is None
    assert main(["convert", str(path), "--to", "text"]) == 0
    assert capsys.readouterr().err == ""


def test_import_resodiff_leaves_pdfminer_unloaded() -> None:
    code = "import sys, resodiff; resodiff.read; print(sorted(m for m in sys.modules if m.startswith('pdfminer')))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def _characters(item: LTComponent) -> list[LTChar]:
    if isinstance(item, LTChar):
        return [item]
    return [c for child in item for c in _characters(child)] if isinstance(item, LTContainer) else []


def test_the_glyphs_are_pdfminers(seed_pdf: Path) -> None:
    """The lexer and the device of our own give the glyphs that pdfminer's own parser and
    layout device give, at the same places to the last bit (pdfminer's layout orders them its own way)."""
    data = seed_pdf.read_bytes()
    ours = [sorted((g.text, g.x0, g.x1) for g in glyphs) for _, _, glyphs in page_glyphs(data, None)]
    theirs = [
        sorted(
            (
                unicodedata.normalize("NFKC", c.get_text()) if "\ufb00" <= c.get_text() <= "\ufeff" else c.get_text(),
                c.x0,
                c.x1,
            )
            for c in _characters(page)
            if c.upright and c.get_text().strip() or c.get_text() in (" ", "\u00a0")
        )
        for page in extract_pages(seed_pdf, laparams=None)
    ]
    assert ours == theirs and sum(map(len, ours)) > 10_000


def test_content_the_lexer_leaves_to_pdfminer_reads_the_same(seed_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = seed_pdf.read_bytes()
    ours = [[repr(g) for g in glyphs] for _, _, glyphs in page_glyphs(data, None)]

    def unlexed(data: bytes) -> Any:
        raise pdfglyphs._Unlexed

    monkeypatch.setattr(pdfglyphs, "_operations", unlexed)
    assert [[repr(g) for g in glyphs] for _, _, glyphs in page_glyphs(data, None)] == ours


def _pdfminer_operations(data: bytes) -> list[tuple[bytes, list[Any]]]:
    parser = PDFContentParser([PDFStream({}, data)])
    operations: list[tuple[bytes, list[Any]]] = []
    operands: list[Any] = []
    while True:
        try:
            _, obj = parser.nextobject()
        except PSEOF:
            return operations
        if isinstance(obj, PSKeyword):
            operations.append((obj.name, operands))
            operands = []
        else:
            operands.append(obj)


_NAMES = st.text("abcXYZ019_.-+*", max_size=6).map(lambda name: "/" + name)
_STRING_PIECES = st.sampled_from(
    ["a", "Z", " ", "0", "\\n", "\\(", "\\)", "\\\\", "\\053", "\\7", "\\\n", "\\q", "\n", "\t"]
)
_SIMPLE = st.one_of(
    st.integers(-(10**6), 10**6).map(str),
    st.floats(-1e4, 1e4, allow_nan=False).map(lambda value: f"{value:.3f}"),
    st.sampled_from([".5", "-.25", "3.", "+7", "-0", "true", "false", "null"]),
    st.binary(max_size=6).map(
        lambda data: "<" + " ".join(data.hex().upper()[i : i + 4] for i in range(0, len(data) * 2, 4)) + ">"
    ),
    _NAMES,
    st.lists(_STRING_PIECES, max_size=6).map(lambda pieces: "(" + "".join(pieces) + ")"),
)
_OPERAND = st.recursive(
    _SIMPLE,
    lambda inner: st.one_of(
        st.lists(st.one_of(inner, st.sampled_from(["Tj", "null"])), max_size=5).map(
            lambda items: "[" + " ".join(items) + "]"
        ),
        st.lists(st.tuples(_NAMES, inner), max_size=3).map(
            lambda pairs: "<<" + " ".join(f"{k} {v}" for k, v in pairs) + ">>"
        ),
    ),
    max_leaves=8,
)
_OPERATORS = st.sampled_from(
    ["Tj", "TJ", "Tf", "Td", "BT", "ET", "q", "Q", "cm", "re", "f*", "T*", "'", '"', "BDC", "EMC"]
)
_SPACING = st.sampled_from([" ", "\n", "\r\n", "\t", " % a comment\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(_OPERAND, max_size=4), _OPERATORS), min_size=1, max_size=8), _SPACING)
def test_the_lexer_reads_content_as_pdfminer_does(operations: list[tuple[list[str], str]], spacing: str) -> None:
    data = spacing.join(spacing.join([*operands, operator]) for operands, operator in operations).encode("latin-1")
    try:
        ours = pdfglyphs._operations(data)
    except pdfglyphs._Unlexed:
        # what the lexer leaves (an octal escape past 255, as hypothesis found) goes to pdfminer
        # whole: the interpreter's execute() falls back, so both read it the same way
        return
    assert ours == _pdfminer_operations(data)


@pytest.mark.parametrize(
    "content",
    [
        b"BI /W 1 /H 1 ID \x00\xff EI Q",
        b"(\\700) Tj",
        b"(a (nested) string) Tj",
        b"/A#20B gs",
        b"<ABC> Tj",
        b"[1 2 Tj",
        b"1 2) Tj",
    ],
)
def test_the_lexer_leaves_what_it_does_not_read_to_pdfminer(content: bytes) -> None:
    with pytest.raises(pdfglyphs._Unlexed):
        pdfglyphs._operations(content)


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
    # the rate measured on the whole sample of benchmarks/pdf_matrix.py is 96-99 %: a fall below
    # it is a regression (the goal is 99 %: docs/pdf.md lists what is missing)
    assert len(misses) <= len(documents) * 0.1, misses
