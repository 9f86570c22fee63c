"""Input forms are recognised by their bytes; what no reader claims is named for what it is."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import resodiff
from resodiff.cli import main
from resodiff.errors import InputError, ResodiffError
from resodiff.ingest import FORMS, detect_format, read_collection

from .conftest import CORPUS, SEED, needs_corpus


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def _opendocument() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    return buffer.getvalue()


UNREADABLE = {
    "an OpenDocument file": _opendocument(),
    "a ZIP archive": _zip("data.csv"),
    "a Word 97-2003 file": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
    "binary data": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("what", sorted(UNREADABLE))
def test_unclaimed_bytes_are_named(what: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(UNREADABLE[what])
    with pytest.raises(InputError, match=f"this is {what}"):
        resodiff.read(path)
    assert main(["convert", str(path)]) == 2
    error = capsys.readouterr().err
    assert what in error and "UTF-8" not in error and str(path) in error


def test_each_form_claims_its_own() -> None:
    assert [form.name for form in FORMS][:4] == ["akn", "pdf", "text", "docx"]
    assert detect_format(SEED.read_bytes()) == "text"
    assert detect_format(_zip("[Content_Types].xml", "word/document.xml")) == "docx"
    assert detect_format(b"\xef\xbb\xbf\n  <akomaNtoso/>") == "akn"
    assert detect_format(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") == "pdf"


@needs_corpus
def test_a_part_of_a_multi_part_publication_is_named_file_hash_part(capsys: pytest.CaptureFixture[str]) -> None:
    collection = CORPUS / "79session" / "English" / "A_RES_79_93-2423550E.xml"
    assert resodiff.read(f"{collection}#B").meta.symbol == "A/RES/79/93 B"
    assert [r.meta.symbol for r in read_collection(collection)] == ["A/RES/79/93 A", "A/RES/79/93 B"]
    with pytest.raises(InputError, match="no part 'C' in this file"):
        resodiff.read(f"{collection}#C")
    with pytest.raises(ResodiffError, match="name one part as FILE#A"):
        resodiff.read(collection)
    assert main(["diff", f"{collection}#A", f"{collection}#B", "--format", "json"]) == 1
    capsys.readouterr()


def test_a_file_whose_name_holds_a_hash_is_that_file(tmp_path: Path) -> None:
    odd = tmp_path / "draft#2.md"
    odd.write_bytes(SEED.read_bytes())
    assert resodiff.read(odd).meta.symbol == "A/RES/79/9"
