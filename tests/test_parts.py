"""Multi-part publications everywhere: written whole (AKN documentCollection, JSON) or one file per
part, compared part by part, refused where one resolution is meant (history), checked part by part.

The synthetic publications are made of our own texts (tests/cases, fixtures); the corpus tests
hold structure and counts only."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from lxml import etree
from referencing import Registry, Resource

import resodiff
from resodiff.akn import to_akn_bytes, validate_akn
from resodiff.cli import main
from resodiff.diff.parts import PartsReport, diff_documents, diff_publications
from resodiff.errors import DiffError, ResodiffError, ValidationError
from resodiff.ingest import read_collection, read_document
from resodiff.lint.config import Config
from resodiff.lint.run import check_paths, check_resolution
from resodiff.model import Publication, part_metadata
from resodiff.report import PART_REPORTS
from resodiff.report.parts import parts_data

from .conftest import CASES, CORPUS, FIXTURES, SCHEMAS, corpus_files, needs_corpus

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
PARTS_SCHEMA = json.loads((SCHEMAS / "parts-report.schema.json").read_text(encoding="utf-8"))
CHANGE_SCHEMA = json.loads((SCHEMAS / "change-report.schema.json").read_text(encoding="utf-8"))


def _publication(number: str, title: str, texts: list[Path]) -> Publication:
    """A publication A, B ... of our own texts, under the header of the first."""
    parts = [resodiff.read(text) for text in texts]
    letters = "ABCDEFG"[: len(parts)]
    header = replace(parts[0].meta, symbol=f"A/RES/{number} A-{letters[-1]}", number=number, title=title)
    return Publication(
        header,
        tuple(
            replace(part, meta=part_metadata(header, letter, part.meta.title, part.meta.language))
            for letter, part in zip(letters, parts, strict=True)
        ),
    )


OLD = _publication(
    "80/21", "Water and regional cooperation", [CASES / "diff-moved" / "old.md", CASES / "diff-technical" / "old.md"]
)
NEW = _publication(
    "82/17",
    "Water and regional cooperation",
    [CASES / "diff-moved" / "new.md", CASES / "diff-technical" / "new.md", FIXTURES / "en-illustrative-resolution.md"],
)


def _validator() -> jsonschema.Draft202012Validator:
    registry: Registry = Registry().with_resource(CHANGE_SCHEMA["$id"], Resource.from_contents(CHANGE_SCHEMA))
    return jsonschema.Draft202012Validator(PARTS_SCHEMA, registry=registry)


def _write(tmp_path: Path, name: str, publication: Publication) -> Path:
    path = tmp_path / name
    path.write_bytes(to_akn_bytes(publication))
    return path


# -- written whole ------------------------------------------------------------------------


def test_a_publication_is_written_as_a_valid_document_collection_that_reads_back_equal(tmp_path: Path) -> None:
    data = to_akn_bytes(OLD)
    assert validate_akn(data, thorough=True) == []
    root = etree.fromstring(data)
    collection = root.find("a:documentCollection", NS)
    assert collection is not None
    # the publication's work is the number without letters; each part's work has its letter
    assert collection.find(".//a:FRBRWork/a:FRBRuri", NS).get("value").endswith("/80-21")
    statements = root.findall("a:components/a:component/a:statement", NS)
    assert [s.find(".//a:FRBRWork/a:FRBRuri", NS).get("value").rsplit("/", 1)[1] for s in statements] == [
        "80-21A",
        "80-21B",
    ]
    # the collection's body points at the components; the parts carry no cover page of their own
    hrefs = [ref.get("href") for ref in collection.findall("a:collectionBody/a:component/a:documentRef", NS)]
    assert hrefs == [f"#{c.get('eId')}" for c in root.findall("a:components/a:component", NS)]
    assert all(s.find("a:coverPage", NS) is None for s in statements)
    assert statements[1].find(".//a:mainBody/a:paragraph", NS).get("eId") == "para_1"
    back = resodiff.ingest.read_akn_document(data)
    assert back == OLD
    assert read_collection(_write(tmp_path, "old.xml", OLD)) == OLD.parts


def test_a_part_with_its_own_record_keeps_it_and_one_the_collection_cannot_say_is_refused() -> None:
    own = replace(OLD.parts[1].meta, job_number="25-99999 (E)")
    publication = replace(OLD, parts=(OLD.parts[0], replace(OLD.parts[1], meta=own)))
    back = resodiff.ingest.read_akn_document(to_akn_bytes(publication))
    assert isinstance(back, Publication)
    assert [part.meta.job_number for part in back.parts] == [OLD.meta.job_number, "25-99999 (E)"]
    elsewhere = replace(OLD.parts[1].meta, adoption_date="2025-12-24")
    with pytest.raises(ValidationError, match="adoption_date differ"):
        to_akn_bytes(replace(OLD, parts=(OLD.parts[0], replace(OLD.parts[1], meta=elsewhere))))


def test_convert_writes_the_whole_publication_or_one_file_per_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path, "source.xml", OLD)
    assert main(["convert", str(source), "-o", str(tmp_path / "whole.xml")]) == 0
    assert read_document(tmp_path / "whole.xml") == OLD
    assert main(["convert", str(source), "--to", "json", "-o", str(tmp_path / "whole.json")]) == 0
    data = json.loads((tmp_path / "whole.json").read_text(encoding="utf-8"))
    assert data["meta"]["symbol"] == "A/RES/80/21 A-B"
    assert [part["meta"]["symbol"] for part in data["parts"]] == ["A/RES/80/21 A", "A/RES/80/21 B"]

    for to, suffix in (("akn", ".xml"), ("text", ".txt")):
        assert main(["convert", str(source), "--to", to, "--split", "-o", str(tmp_path / f"split{suffix}")]) == 0
        for part in OLD.parts:
            read = resodiff.read(tmp_path / f"split-{part.meta.part_letter}{suffix}")
            assert (read.meta.symbol, read.meta.title) == (part.meta.symbol, part.meta.title)
            if to == "akn":
                assert read == part
    assert not (tmp_path / "split.xml").exists()
    capsys.readouterr()

    # text has no form for several resolutions in one file; standard output takes one file
    assert main(["convert", str(source), "--to", "text"]) == 2
    assert "--split" in capsys.readouterr().err
    assert main(["convert", str(source), "--split"]) == 2
    assert "give -o FILE" in capsys.readouterr().err
    assert main(["convert", f"{source}#B", "--to", "text"]) == 0
    assert resodiff.read_text(capsys.readouterr().out).meta.symbol == "A/RES/80/21 B"


# -- compared part by part ----------------------------------------------------------------


def test_publications_are_compared_part_by_part_and_a_part_on_one_side_is_reported_as_such() -> None:
    report = diff_publications(OLD, NEW)
    assert [(part.letter, part.kind) for part in report.parts] == [
        ("A", "compared"),
        ("B", "compared"),
        ("C", "inserted"),
    ]
    alone = resodiff.diff(CASES / "diff-moved" / "old.md", CASES / "diff-moved" / "new.md")
    assert report.parts[0].report is not None
    assert (report.parts[0].report.changes, report.parts[0].report.summary) == (alone.changes, alone.summary)
    assert report.parts[0].report.new.symbol == "A/RES/82/17 A"
    assert report.parts[1].verdict == "technical"
    assert report.parts[2].new is not None and report.parts[2].new.symbol == "A/RES/82/17 C"
    assert report.verdict == "substantive" and report.has_content_changes
    backwards = diff_publications(NEW, OLD)
    assert backwards.parts[2].kind == "deleted"
    same = diff_publications(OLD, OLD)
    assert same.verdict == "identical" and not same.has_content_changes
    _validator().validate(parts_data(report))
    _validator().validate(parts_data(backwards))


def test_one_resolution_against_a_publication_is_its_own_part_or_refused_with_the_parts() -> None:
    part_b = NEW.parts[1]
    report = diff_documents(OLD, part_b)
    assert not isinstance(report, PartsReport)
    assert (report.old.symbol, report.new.symbol) == ("A/RES/80/21 B", "A/RES/82/17 B")
    lone = resodiff.read(CASES / "diff-technical" / "new.md")
    with pytest.raises(DiffError, match=r"multi-part publication \(parts A, B\).*as FILE#A"):
        diff_documents(OLD, lone)


def test_diff_command_on_publications(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _write(tmp_path, "old.xml", OLD), _write(tmp_path, "new.xml", NEW)
    assert main(["diff", str(old), str(new), "--format", "json", "-o", str(tmp_path / "r.json")]) == 1
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    _validator().validate(data)
    assert [(p["part"], p["kind"], p["verdict"]) for p in data["parts"]] == [
        ("A", "compared", "substantive"),
        ("B", "compared", "technical"),
        ("C", "inserted", "substantive"),
    ]
    assert main(["diff", str(old), str(old), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "identical"

    assert main(["diff", str(old), str(new), "--color", "never"]) == 1
    text = capsys.readouterr().out
    assert text.count("== Resolution ") == 2 and "only in the new version: A/RES/82/17 C" in text
    assert main(["diff", str(old), str(new), "--format", "markdown"]) == 1
    markdown = capsys.readouterr().out
    assert markdown.count("## resodiff: ") == 3 and "| C | only in the new version" in markdown

    assert main(["diff", str(old), str(new), "--format", "html"]) == 2
    assert "give -o FILE" in capsys.readouterr().err
    assert main(["diff", str(old), str(new), "--format", "html", "-o", str(tmp_path / "r.html")]) == 1
    index = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'href="r-A.html"' in index and 'href="r-B.html"' in index and "r-C.html" not in index
    assert "only in the new version" in index and "<script" not in index
    assert "A/RES/82/17 A" in (tmp_path / "r-A.html").read_text(encoding="utf-8")
    assert not (tmp_path / "r-C.html").exists()

    assert main(["diff", str(old), f"{new}#B"]) == 1
    assert capsys.readouterr().out.startswith("A/RES/80/21 B → A/RES/82/17 B")
    assert main(["diff", str(old), str(CASES / "diff-technical" / "new.md")]) == 2
    assert "FILE#A" in capsys.readouterr().err


def test_every_built_in_format_has_a_part_by_part_renderer_and_another_is_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from resodiff.report import CHANGE_REPORTS, FunctionRenderer

    assert PART_REPORTS.names() == CHANGE_REPORTS.names()
    old, new = _write(tmp_path, "old.xml", OLD), _write(tmp_path, "new.xml", NEW)
    CHANGE_REPORTS.register(FunctionRenderer("csv", "text/csv", ".csv", "verdict", lambda report, _: report.verdict))
    try:
        assert main(["diff", str(old), str(new), "--format", "csv"]) == 2
        assert "name one part of each as FILE#A" in capsys.readouterr().err
        assert main(["diff", f"{old}#B", f"{new}#B", "--format", "csv"]) == 1
        assert capsys.readouterr().out == "technical"
    finally:
        CHANGE_REPORTS.unregister("csv")


# -- one resolution is meant: history; checked part by part: check -------------------------


def test_history_refuses_a_whole_publication_naming_its_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _write(tmp_path, "old.xml", OLD), _write(tmp_path, "new.xml", NEW)
    assert main(["history", str(old), str(new), "--format", "json"]) == 2
    error = capsys.readouterr().err
    assert "multi-part publication A/RES/80/21 A-B" in error and "A/RES/80/21 A, A/RES/80/21 B" in error
    assert "FILE#A" in error
    assert main(["history", f"{old}#B", f"{new}#B", "--format", "json"]) == 0
    versions = json.loads(capsys.readouterr().out)["versions"]
    assert [v["symbol"] for v in versions] == ["A/RES/80/21 B", "A/RES/82/17 B"]


def test_check_reads_a_publication_part_by_part(tmp_path: Path) -> None:
    """Each part is checked as the resolution it is: the same findings as for each part named
    alone (FILE#A ...); our publication's header says session 80 of resolutions numbered 82/17,
    which each part reports under its own number."""
    path = _write(tmp_path, "new.xml", NEW)
    config = Config()
    found = [finding for result in check_paths([str(path)], config) for finding in result.findings]
    alone = [
        f for letter in NEW.letters for f in check_resolution(resodiff.read(f"{path}#{letter}"), str(path), config)
    ]
    assert found == alone
    assert {f.message for f in found if f.code == "R304"} == {
        f"resolution 82/17 {letter} is not of the 80th session." for letter in "ABC"
    }


# -- the corpus ---------------------------------------------------------------------------


def _collections() -> list[Path]:
    return [path for path in corpus_files() if b"<documentCollection" in path.read_bytes()[:4000]]


@needs_corpus
def test_every_corpus_publication_is_written_whole_valid_and_reads_back_the_same() -> None:
    collections = _collections()
    assert len(collections) == 12
    parts = 0
    for path in collections:
        publication = read_document(path)
        assert isinstance(publication, Publication), path
        data = to_akn_bytes(publication)
        assert validate_akn(data, str(path)) == [], path
        back = resodiff.ingest.read_akn_document(data)
        assert back == publication, path
        assert isinstance(back, Publication) and back.parts == read_collection(path), path
        parts += len(back.parts)
    assert parts == 28


@needs_corpus
def test_corpus_publications_compared_part_by_part(capsys: pytest.CaptureFixture[str]) -> None:
    budget_77, budget_79 = (
        CORPUS / "77session" / "English" / "A_RES_77_264 A-C-2300152E.xml",
        CORPUS / "79session" / "English" / "A_RES_79_259-2424702E.xml",
    )
    assert main(["diff", str(budget_77), str(budget_79), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    _validator().validate(data)
    assert [(p["part"], p["kind"]) for p in data["parts"]] == [("A", "compared"), ("B", "compared"), ("C", "compared")]
    # every paragraph of both versions of each part in exactly one entry
    for part, letter in zip(data["parts"], "ABC", strict=True):
        old, new = resodiff.read(f"{budget_77}#{letter}"), resodiff.read(f"{budget_79}#{letter}")
        for side, resolution in (("old", old), ("new", new)):
            positions = sorted((c["part"], i) for c in part["report"]["changes"] for i in c[side])
            expected = sorted(
                [("preamble", i) for i in range(1, len(resolution.preamble) + 1)]
                + [("operative", i) for i in range(1, len(resolution.operative) + 1)]
                + [("annex", i) for i in range(1, sum(len(a.paragraphs) for a in resolution.annexes) + 1)]
            )
            assert positions == expected, (letter, side)
    info_77, info_79 = (
        CORPUS / "77session" / "French" / "A_RES_77_128-2228507F.xml",
        CORPUS / "79session" / "French" / "A_RES_79_93-2423550F.xml",
    )
    assert main(["diff", str(info_77), str(info_79)]) == 1
    assert capsys.readouterr().out.count("== Résolution ") == 2
    with pytest.raises(ResodiffError, match="FILE#A"):
        diff_documents(
            read_document(info_77), resodiff.read(CORPUS.parent / "ga" / "oic-series" / "A_RES_79_9-2421657F.xml")
        )
