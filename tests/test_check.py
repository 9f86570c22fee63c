"""resodiff check: every rule catches a draft made with exactly its defect, the clean drafts
pass, the outputs follow their formats, configuration and bad input behave."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

import resodiff
from resodiff.akn import to_akn_bytes
from resodiff.cli import main
from resodiff.lint import REGISTRY
from resodiff.lint.config import Config, load_config
from resodiff.lint.output import FORMATTERS, sarif_data
from resodiff.lint.run import check_resolution

from .conftest import CASES, FIXTURES, SCHEMAS, SEED

ENGLISH = (FIXTURES / "en-illustrative-resolution.md").read_text(encoding="utf-8")
PREVIOUS = (CASES / "diff-technical" / "old.md").read_text(encoding="utf-8")
UPDATE = (CASES / "diff-technical" / "new.md").read_text(encoding="utf-8")


def codes(text: str, previous: str | None = None, config: Config | None = None) -> list[str]:
    resolution = resodiff.read_text(text, file="draft.md")
    before = resodiff.read_text(previous, file="previous.md") if previous else None
    return [f.code for f in check_resolution(resolution, "draft.md", config or Config(), before)]


def test_clean_drafts_have_no_findings() -> None:
    assert codes(ENGLISH) == []
    assert codes(UPDATE, PREVIOUS) == []


def swap(text: str, first: str, second: str) -> str:
    return text.replace(first, "\0").replace(second, first).replace("\0", second)


# one defect each, made from the clean English fixture
DEFECTS = {
    "S101": lambda t: t.replace("4. *Requests*", "6. *Requests*"),
    "S102": lambda t: t.replace("continue on that path,", "continue on that path;"),
    "S103": lambda t: t.replace('Example Regional Organization".', 'Example Regional Organization";'),
    "S104": lambda t: t.replace("*Urges*", "Urges"),
    "S105": lambda t: t.replace("*Recalling also*", "Recalling also"),
    "S107": lambda t: t.replace("(b) To report", "(c) To report"),
    "F201": lambda t: t.replace("continue on that path,", "continue on that path,⁵"),
    "F202": lambda t: t.replace("regional and other organizations²", "regional and other organizations"),
    "F203": lambda t: swap(t, "³", "⁴"),
    "R301": lambda t: t.replace("² A/81/302-S/2026/600.", "² A//81/302-S/2026/600."),
    "R302": lambda t: t.replace("24 March 2011", "31 June 2011"),
    "R303": lambda t: t.replace(
        "[77/18](#) of 21 November 2022 and [79/9](#) of 18 November 2024",
        "[79/9](#) of 18 November 2024 and [77/18](#) of 21 November 2022",
    ),
    "R304": lambda t: t.replace("Eighty-first session", "Seventy-ninth session"),
    "R305": lambda t: t.replace("at its eighty-third session a report", "at its eighty-second session a report"),
    "R306": lambda t: t.replace(
        'the sub-item entitled "Cooperation between the United Nations and the Example Regional Organization"',
        'the sub-item entitled "Cooperation between the United Nations and the Sample Organization"',
    ),
}


@pytest.mark.parametrize("code", sorted(DEFECTS))
def test_each_defect_is_caught_with_its_code(code: str) -> None:
    draft = DEFECTS[code](ENGLISH)
    assert draft != ENGLISH
    assert set(codes(draft)) == {code}


def test_formula_defect_is_caught_in_akn() -> None:
    """A text draft without a formula is not a resolution at all (exit 2); in AKN the
    structure says where the formula is, so a wrong one is a finding."""
    data = to_akn_bytes(resodiff.read_text(ENGLISH)).replace(b"The General Assembly,", b"The Assembly,")
    resolution = resodiff.read_akn(data, file="draft.xml")
    assert [f.code for f in check_resolution(resolution, "draft.xml", Config())] == ["S106"]


def test_against_the_previous_version() -> None:
    forgot = UPDATE.replace(
        ", 78/154 of 19 December 2023 and 80/21 of 8 December 2025", " and 78/154 of 19 December 2023"
    )
    assert "P401" in codes(forgot, PREVIOUS)
    added = UPDATE.replace("7. *Decides*", "7. *Emphasizes* the need to protect aquifers;\n\n8. *Decides*")
    assert codes(added, PREVIOUS) == ["P402"]
    reworded = UPDATE.replace("to conclude cooperation agreements", "to conclude binding cooperation agreements")
    assert codes(reworded, PREVIOUS) == []
    assert codes(reworded, PREVIOUS, Config(technical_update=True)) == ["P403"]
    assert codes(UPDATE, PREVIOUS, Config(technical_update=True)) == []


def test_every_rule_is_exercised_and_documented() -> None:
    tested = set(DEFECTS) | {"S106", "P401", "P402", "P403"}
    assert tested == set(REGISTRY.rules)
    for rule in REGISTRY.rules.values():
        assert rule.summary and rule.rationale and rule.example


def test_select_ignore_and_severity() -> None:
    draft = DEFECTS["S102"](DEFECTS["R302"](ENGLISH))
    assert codes(draft, config=Config(select=("R",))) == ["R302"]
    assert codes(draft, config=Config(ignore=("R3",))) == ["S102"]
    resolution = resodiff.read_text(draft)
    findings = check_resolution(resolution, "d.md", Config(severity={"S102": "error"}))
    assert {f.code: f.severity for f in findings} == {"S102": "error", "R302": "error"}


def test_config_files(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.resodiff]\nignore = ["S105"]\nseverity = { R303 = "error" }\n'
        'against = "old.md"\ntechnical-update = true\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path / "pyproject.toml")
    assert config.ignore == ("S105",) and config.severity == {"R303": "error"} and config.technical_update
    assert config.against == str(tmp_path / "old.md")
    (tmp_path / "resodiff.toml").write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(resodiff.ResodiffError, match="unknown setting"):
        load_config(tmp_path / "resodiff.toml")
    (tmp_path / "resodiff.toml").write_text('severity = { S101 = "fatal" }\n', encoding="utf-8")
    with pytest.raises(resodiff.ResodiffError, match="severity"):
        load_config(tmp_path / "resodiff.toml")


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_formats_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = write(tmp_path, "clean.md", ENGLISH)
    broken = write(tmp_path, "broken.md", DEFECTS["S101"](ENGLISH))
    warned = write(tmp_path, "warned.md", DEFECTS["S104"](ENGLISH))
    assert main(["check", clean]) == 0
    assert main(["check", warned]) == 0  # warnings only
    capsys.readouterr()
    assert main(["check", broken, "--format", "text"]) == 1
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith(f"{broken}:") and " S101 " in line
    assert main(["check", broken, clean, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["files"] == 2
    assert data["findings"][0].keys() == {"file", "line", "column", "code", "severity", "message"}
    assert main(["check", broken, "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith(f"::error file={broken},line=")
    assert main(["check", "--explain", "s101"]) == 0
    assert "Why:" in capsys.readouterr().out


def test_sarif_output_is_valid(tmp_path: Path) -> None:
    from sarif_pydantic import Sarif

    findings = check_resolution(resodiff.read_text(DEFECTS["S101"](DEFECTS["S104"](ENGLISH))), "d.md", Config())
    data = sarif_data(findings)
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    parsed = Sarif.model_validate(data)
    results = parsed.runs[0].results or []
    assert {r.rule_id for r in results} == {"S101", "S104"}
    output = tmp_path / "out.sarif"
    assert (
        main(["check", write(tmp_path, "d.md", DEFECTS["S101"](ENGLISH)), "--format", "sarif", "-o", str(output)]) == 1
    )
    jsonschema.Draft202012Validator(schema).validate(json.loads(output.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("", "empty"), ("Minutes of the meeting\n\nNothing here.\n", "no enacting formula")],
)
def test_bad_input_exits_2(
    tmp_path: Path, content: str | None, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.md"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_seed_passes_the_error_rules() -> None:
    findings = check_resolution(resodiff.read(SEED), str(SEED), Config())
    assert [f for f in findings if f.severity == "error"] == []
    # the PDF conversion lost the italics of the preambular phrases: reported, as warnings
    assert {f.code for f in findings} == {"S105"}
    assert FORMATTERS["text"](findings, 1).endswith("29 finding(s), 0 error(s), in 1 file(s)\n")


def test_unplaced_footnote_round_trip_guard() -> None:
    resolution = resodiff.read_text(DEFECTS["F202"](ENGLISH))
    assert replace(resolution, unplaced_footnotes=()) != resolution
    assert etree is not None


def test_multi_part_publication_is_checked_part_by_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .conftest import CORPUS

    collection = CORPUS / "79session" / "English" / "A_RES_79_93-2423550E.xml"
    if not collection.exists():
        pytest.skip(f"the shared corpus is absent ({CORPUS})")
    assert main(["check", str(collection), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == 1
