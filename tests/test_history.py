"""History of a series: order, lineage through moves and renumbering, lifecycle in AKN."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import resodiff
from resodiff.akn import validate_akn
from resodiff.cli import main
from resodiff.errors import ResodiffError
from resodiff.history import history
from resodiff.report.history import history_akn, history_data, history_html

from .conftest import FIXTURES, OIC, ROOT, SCHEMAS, needs_corpus

CHAIN = [FIXTURES / "en-illustrative-resolution.md", *sorted((FIXTURES / "draft-chain").glob("*.md"))]
SCHEMA = json.loads((SCHEMAS / "history.schema.json").read_text(encoding="utf-8"))


def test_synthetic_draft_chain_known_truth() -> None:
    result = history(CHAIN)
    assert [v.symbol for v in result.versions] == ["A/81/L.5", "A/81/L.5/Rev.1", "A/RES/81/12"]
    assert [v.verdict for v in result.versions] == [None, "substantive", "substantive"]
    table = {(item.part, item.position): (item.introduced_in, item.changed_in) for item in result.lineage}
    assert table[("operative", 3)] == ("A/81/L.5/Rev.1", ())
    assert table[("operative", 2)] == ("A/81/L.5", ("A/RES/81/12",))
    assert table[("preamble", 4)] == ("A/81/L.5", ("A/RES/81/12",))
    others = {k: v for k, v in table.items() if k not in {("operative", 3), ("operative", 2), ("preamble", 4)}}
    assert set(others.values()) == {("A/81/L.5", ())}
    data = history_data(result)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert validate_akn(history_akn(result), thorough=True) == []
    assert "<script" not in history_html(result)


@needs_corpus
@pytest.mark.parametrize("suffix", list("AEFRSC"))
def test_oic_series_lineage(suffix: str) -> None:
    result = history([OIC / f"A_RES_79_9-2421657{suffix}.xml", OIC / f"A_RES_77_18-2226540{suffix}.xml"])
    assert [v.symbol for v in result.versions] == ["A/RES/77/18", "A/RES/79/9"]
    new = {(item.part, item.position) for item in result.lineage if item.introduced_in == "A/RES/79/9"}
    assert new == {("operative", 8), ("operative", 14), ("operative", 27)}
    assert len(result.lineage) == 59
    assert all(item.introduced_in == "A/RES/77/18" for item in result.lineage if (item.part, item.position) not in new)
    jsonschema.Draft202012Validator(SCHEMA).validate(history_data(result))


def test_bad_series_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = str(FIXTURES / "en-illustrative-resolution.md")
    unrelated = str(ROOT / "tests" / "cases" / "diff-moved" / "old.md")
    assert main(["history", english, unrelated]) == 2
    assert "share too few paragraphs" in capsys.readouterr().err
    assert main(["history", english, english]) == 2
    assert "given twice" in capsys.readouterr().err
    assert main(["history", english, str(tmp_path / "missing.md")]) == 2
    assert main(["history", english]) == 2
    out = tmp_path / "history.json"
    assert not out.exists()


def test_cli_history_writes_json_and_akn(tmp_path: Path) -> None:
    out, akn = tmp_path / "h.json", tmp_path / "h.xml"
    assert main(["history", *map(str, CHAIN), "--format", "json", "-o", str(out), "--akn", str(akn)]) == 0
    assert json.loads(out.read_text())["versions"][0]["symbol"] == "A/81/L.5"
    assert validate_akn(akn.read_bytes()) == []
    assert resodiff.read(akn).meta.symbol == "A/RES/81/12"


def test_an_unreadable_version_is_reported_and_the_rest_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<akomaNtoso><oops")
    out = tmp_path / "h.json"
    assert main(["history", *map(str, CHAIN), str(broken), "--format", "json", "-o", str(out)]) == 2
    data = json.loads(out.read_text())
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert [v["symbol"] for v in data["versions"]] == ["A/81/L.5", "A/81/L.5/Rev.1", "A/RES/81/12"]
    assert [u["file"] for u in data["unreadable"]] == [str(broken)]
    assert "not read" in capsys.readouterr().err
    with pytest.raises(ResodiffError):
        history([*CHAIN, broken])
