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
from resodiff.findings import Note
from resodiff.lint import REGISTRY, CheckResult
from resodiff.lint.config import Config, load_config
from resodiff.lint.fix import FIXERS
from resodiff.lint.run import check_document, check_resolution
from resodiff.lint.suppress import block_lines, note_lines
from resodiff.report import FINDINGS
from resodiff.report.findings import sarif_data

from .conftest import CASES, FIXTURES, ROOT, SCHEMAS, SEED

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
    "S102": lambda t: t.replace("continue on that path,", "continue on that path."),
    "S103": lambda t: t.replace('Example Regional Organization".', 'Example Regional Organization";'),
    "S104": lambda t: t.replace("*Urges*", "Urges"),
    "S105": lambda t: t.replace("*Recalling also*", "Recalling also"),
    "S107": lambda t: t.replace("(b) To report", "(c) To report"),
    "S108": lambda t: t.replace("continue on that path,", "continue on that path;"),
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
    # the case: the report asked for one session, the item placed on a later one's agenda
    "R305": lambda t: t.replace("at its eighty-third session a report", "at its eighty-second session a report"),
    "R306": lambda t: t.replace(
        'the sub-item entitled "Cooperation between the United Nations and the Example Regional Organization"',
        'the sub-item entitled "Cooperation between the United Nations and the Sample Organization"',
    ),
}
#: the defaults: what changes meaning or the record is an error
ERRORS = {"S101", "S102", "S103", "S106", "S107", "F201", "F202", "F203", "R301", "R302", "R303", "R304", "R305"}
STYLE = Config(style=True)


def test_defaults_make_meaning_and_record_errors() -> None:
    previous = {"P401", "P403", "P404", "P405"}
    assert {code for code, rule in REGISTRY.rules.items() if rule.severity == "error"} == ERRORS | previous
    assert {code for code, rule in REGISTRY.rules.items() if rule.group == "style"} == {"S108", "R306"}


@pytest.mark.parametrize("code", sorted(DEFECTS))
def test_each_defect_is_caught_with_its_code(code: str) -> None:
    draft = DEFECTS[code](ENGLISH)
    assert draft != ENGLISH
    findings = check_resolution(resodiff.read_text(draft, file="draft.md"), "draft.md", STYLE)
    assert {f.code for f in findings} == {code}
    assert {f.severity for f in findings} == {"error" if code in ERRORS else "warning"}


@pytest.mark.parametrize("code", sorted(code for code, rule in REGISTRY.rules.items() if rule.group == "style"))
def test_style_rules_run_only_when_asked(code: str) -> None:
    draft = DEFECTS[code](ENGLISH)
    assert codes(draft) == []
    assert codes(draft, config=Config(select=(code,))) == [code]
    assert codes(draft, config=Config(select=(code[0],))) == []  # a prefix does not opt in


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
    assert codes(forgot, PREVIOUS) == ["P401"]
    # a mention elsewhere does not recall it: P401 reads the recall paragraphs only
    mentioned = forgot.replace(
        "of the report of the Secretary-General;", "of the report requested in resolution 80/21;"
    )
    assert mentioned != forgot
    assert codes(mentioned, PREVIOUS) == ["P401"]
    # recalled in the operative part ("Recalls its resolution ...") is recalled
    operative = forgot.replace(
        "1. *Takes note* of the report", "1. *Recalls* its resolution 80/21, and takes note of the report"
    )
    assert codes(operative, PREVIOUS) == []
    added = UPDATE.replace("7. *Decides*", "7. *Emphasizes* the need to protect aquifers;\n\n8. *Decides*")
    assert codes(added, PREVIOUS) == ["P402"]
    reworded = UPDATE.replace("to conclude cooperation agreements", "to conclude binding cooperation agreements")
    assert codes(reworded, PREVIOUS) == []
    assert codes(reworded, PREVIOUS, Config(technical_update=True)) == ["P403"]
    assert codes(UPDATE, PREVIOUS, Config(technical_update=True)) == []


def test_every_rule_is_exercised_and_documented() -> None:
    # the text drafts of DEFECTS cannot hold AKN markup: A100 is tested on an AKN file
    # (tests/test_akn_variants.py), P404 and P405 on Word drafts (tests/test_docx.py), the rest on
    # their own drafts
    tested = set(DEFECTS) | {"S106", "P401", "P402", "P403", "A100", "P404", "P405"}
    assert tested == set(REGISTRY.rules)
    # the documentation site's rule pages are generated from these fields (docs/gen_pages.py)
    for rule in REGISTRY.rules.values():
        assert rule.summary and rule.rationale and rule.example
    assert {code for code, rule in REGISTRY.rules.items() if rule.fixable} == set(FIXERS)


def test_select_ignore_and_severity() -> None:
    draft = DEFECTS["S104"](DEFECTS["R302"](ENGLISH))
    assert codes(draft, config=Config(select=("R",))) == ["R302"]
    assert codes(draft, config=Config(ignore=("R3",))) == ["S104"]
    resolution = resodiff.read_text(draft)
    findings = check_resolution(resolution, "d.md", Config(severity={"S104": "error"}))
    assert {f.code: f.severity for f in findings} == {"S104": "error", "R302": "error"}


def test_config_files(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.resodiff]\nignore = ["S105"]\nseverity = { R303 = "error" }\n'
        'against = "old.md"\ntechnical-update = true\nstyle = true\n'
        'per-file-ignores = { "legacy/*.md" = ["S102", "R3"] }\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path / "pyproject.toml")
    assert config.ignore == ("S105",) and config.severity == {"R303": "error"} and config.technical_update
    assert config.against == str(tmp_path / "old.md") and config.style
    assert config.ignored_in(str(tmp_path / "legacy" / "a.md")) == ("S102", "R3")
    assert config.ignored_in(str(tmp_path / "drafts" / "a.md")) == ()
    (tmp_path / "resodiff.toml").write_text('per-file-ignores = { "*.md" = "S102" }\n', encoding="utf-8")
    with pytest.raises(resodiff.ResodiffError, match="per-file-ignores"):
        load_config(tmp_path / "resodiff.toml")
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
    assert main(["check", broken, "--exit-zero"]) == 0
    capsys.readouterr()
    assert main(["check", broken, warned, "--statistics"]) == 1
    assert capsys.readouterr().out == "1  S101  [*] operative-numbering\n1  S104      operative-verb\n"
    report = tmp_path / "report.json"
    assert main(["check", broken, "--format", "json", "--output-file", str(report)]) == 1
    assert [f["code"] for f in json.loads(report.read_text(encoding="utf-8"))["findings"]] == ["S101"]
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
    data = sarif_data(findings, [Note("d.md", "S105 skipped: no italics")])
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


def test_seed_passes_with_one_note_for_the_lost_italics() -> None:
    outcome = check_document(resodiff.read(SEED), str(SEED), STYLE)
    assert outcome.findings == []
    # the PDF conversion lost the italics of the preambular phrases: one note, not 29 warnings
    assert [n.message.split(" skipped")[0] for n in outcome.notes] == ["S105"]
    result = CheckResult(tuple(outcome.findings), tuple(outcome.notes), 1)
    assert FINDINGS.render("text", result).decode().endswith("0 finding(s), 0 error(s), in 1 file(s)\n")


def test_a_source_without_italics_skips_the_italics_rules() -> None:
    plain = ENGLISH.replace("*", "")
    outcome = check_document(resodiff.read_text(plain), "plain.md", Config())
    assert outcome.findings == []
    assert sorted(n.message.split(" skipped")[0] for n in outcome.notes) == ["S104", "S105"]


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


# -- suppression ------------------------------------------------------------------------------


def test_inline_comments_silence_their_paragraph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = DEFECTS["S102"](DEFECTS["S104"](ENGLISH))
    # a comment at the end of a line silences the block that line belongs to
    trailing = draft.replace("continue on that path.", "continue on that path. <!-- resodiff: ignore S102 -->")
    assert main(["check", write(tmp_path, "trailing.md", trailing), "--format", "json"]) == 0
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["S104"]
    # a comment on a line of its own silences the block that follows it; a prefix silences a family
    alone = draft.replace("2. Urges", "<!-- resodiff: ignore S1 -->\n2. Urges")
    assert main(["check", write(tmp_path, "alone.md", alone), "--format", "json"]) == 1
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["S102"]


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "resodiff.toml").write_text('per-file-ignores = { "legacy/*.md" = ["S102"] }\n', encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    legacy = write(tmp_path, "legacy/old.md", DEFECTS["S102"](ENGLISH))
    fresh = write(tmp_path, "new.md", DEFECTS["S102"](ENGLISH))
    config = str(tmp_path / "resodiff.toml")
    assert main(["check", legacy, "--config", config]) == 0
    assert main(["check", fresh, "--config", config]) == 1


def test_add_noqa_silences_every_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "draft.md", DEFECTS["S102"](DEFECTS["F203"](DEFECTS["S104"](ENGLISH))))
    assert main(["check", path, "--add-noqa"]) == 0
    assert "3 finding(s) silenced" in capsys.readouterr().err
    text = Path(path).read_text(encoding="utf-8")
    assert text.count("<!-- resodiff: ignore ") == 3
    assert main(["check", path]) == 0
    # the comments are the only change
    assert "\n".join(line.split(" <!--")[0] for line in text.split("\n")) == DEFECTS["S102"](
        DEFECTS["F203"](DEFECTS["S104"](ENGLISH))
    )


# -- fixes ------------------------------------------------------------------------------------

FIXABLE = sorted(FIXERS)


@pytest.mark.parametrize("code", FIXABLE)
def test_fix_gives_back_the_clean_text(tmp_path: Path, code: str, capsys: pytest.CaptureFixture[str]) -> None:
    defective = DEFECTS[code](ENGLISH)
    path = write(tmp_path, "draft.md", defective)
    style = ["--style"] if REGISTRY.rules[code].group == "style" else []
    assert main(["check", path, "--fix", *style]) == 0
    err = capsys.readouterr().err
    assert f" {code} fixed: " in err
    fixed = Path(path).read_text(encoding="utf-8")
    assert fixed == ENGLISH
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]  # written atomically, no temporary left
    # the diff of the fixed text against the defective one shows the fixes and nothing else:
    # every paragraph it reports is one a fix edited
    new = resodiff.read_text(fixed)
    body = [line for line in block_lines(new) if line not in note_lines(new)]
    edited = {
        max(start for start in body if start <= int(line.split(":")[1]))
        for line in err.splitlines()
        if f" {code} fixed: " in line
    }
    report = resodiff.diff(resodiff.read_text(defective), new)
    parts = {"preamble": new.preamble, "operative": new.operative}
    for change in report.changes:
        if change.kind == "unchanged" and not change.renumbered:
            continue
        assert change.kind in ("unchanged", "modified")
        paragraph = parts[change.part][change.new[0] - 1]
        blocks = {span.line for span in [paragraph.span, *(item.span for item in paragraph.items)] if span}
        assert blocks & edited


def test_fix_of_several_rules_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    defective = DEFECTS["S101"](DEFECTS["S103"](DEFECTS["R303"](DEFECTS["F203"](DEFECTS["S102"](ENGLISH)))))
    path = write(tmp_path, "draft.md", defective)
    assert main(["check", path, "--fix"]) == 0
    assert Path(path).read_text(encoding="utf-8") == ENGLISH
    assert "fix(es) made" in capsys.readouterr().err


def test_diff_shows_the_fixes_without_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    defective = DEFECTS["S103"](ENGLISH)
    path = write(tmp_path, "draft.md", defective)
    assert main(["check", path, "--diff"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert [line for line in out.splitlines() if line.startswith(("-", "+")) and line[:3] not in ("---", "+++")] == [
        line
        for old, new in [(defective, ENGLISH)]
        for line in (
            "-" + next(x for x in old.splitlines() if x.endswith('Organization";')),
            "+" + next(x for x in new.splitlines() if x.endswith('Organization".')),
        )
    ]
    assert Path(path).read_text(encoding="utf-8") == defective
    clean = write(tmp_path, "clean.md", ENGLISH)
    assert main(["check", clean, "--diff"]) == 0


def test_fix_leaves_a_suppressed_finding_alone(tmp_path: Path) -> None:
    defective = DEFECTS["S103"](ENGLISH).replace('Organization";', 'Organization"; <!-- resodiff: ignore S103 -->')
    path = write(tmp_path, "draft.md", defective)
    assert main(["check", path, "--fix"]) == 0
    assert Path(path).read_text(encoding="utf-8") == defective


def test_akoma_ntoso_is_not_edited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.xml"
    path.write_bytes(to_akn_bytes(resodiff.read_text(DEFECTS["S101"](ENGLISH))))
    before = path.read_bytes()
    assert main(["check", str(path), "--fix"]) == 1
    assert "Akoma Ntoso is not edited" in capsys.readouterr().out
    assert path.read_bytes() == before


# -- pre-commit ---------------------------------------------------------------------------------


def test_files_that_are_not_resolutions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = write(tmp_path, "README.md", "# Our drafts\n\nThe drafts of the delegation live here.\n")
    draft = write(tmp_path, "draft.md", ENGLISH)
    assert main(["check", readme, draft]) == 2
    assert "not a resolution: no enacting formula" in capsys.readouterr().err
    # the pre-commit hook's entry: a clear note, and the real drafts still checked
    assert main(["check", "--skip-non-resolutions", readme, draft]) == 0
    assert f"{readme}: note: not a resolution (no enacting formula" in capsys.readouterr().out
    broken = write(tmp_path, "broken.md", DEFECTS["S101"](ENGLISH))
    assert main(["check", "--skip-non-resolutions", readme, broken]) == 1


def test_pre_commit_hook_targets_resolution_files() -> None:
    import re

    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry, files, exclude = (
        re.search(rf"^  {key}: (.*)$", hook, re.MULTILINE) for key in ("entry", "files", "exclude")
    )
    assert entry and files and exclude and "--skip-non-resolutions" in entry.group(1)

    def chosen(path: str) -> bool:
        return bool(re.search(files.group(1), path)) and not re.search(exclude.group(1), path)

    assert chosen("drafts/A_81_L_12.md") and chosen("resolutions/79-9.xml") and chosen("A_RES_79_9.txt")
    assert not chosen("README.md") and not chosen("docs/README.md") and not chosen("CHANGELOG.md")
    assert not chosen("src/tool.py")


def test_many_files_on_a_process_pool(tmp_path: Path) -> None:
    from resodiff.lint.run import check_paths

    files = [write(tmp_path, f"d{i}.md", DEFECTS[code](ENGLISH)) for i, code in enumerate(["S101", "R302", "F201"])]
    one = check_paths(files, Config(), jobs=1)
    two = check_paths(files, Config(), jobs=2)
    assert one == two and [r.findings[0].code for r in two] == ["S101", "R302", "F201"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unreadable_file_is_a_finding_in_every_report(
    tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A batch goes on past a file it cannot read, and every form of the report lists that file
    at the error's position: the run's exit status 2 alone would leave code scanning blind."""
    from sarif_pydantic import Sarif

    clean = write(tmp_path, "clean.md", ENGLISH)
    broken = write(tmp_path, "broken.xml", "<akomaNtoso>\n  <act></akomaNtoso>\n")
    minutes = write(tmp_path, "minutes.md", "Minutes of the meeting\n\nNothing here.\n")
    drafts = [clean, broken, minutes, "--jobs", jobs]
    outputs = {form: tmp_path / f"report.{form}" for form in ("json", "sarif", "text", "github")}
    for form, output in outputs.items():
        assert main(["check", *drafts, "--format", form, "-o", str(output), "-q"]) == 2
    assert "broken.xml:2:" in capsys.readouterr().err  # the error still goes where errors go

    data = json.loads(outputs["json"].read_text(encoding="utf-8"))
    assert data["files"] == 3 and data["unreadable"] == [broken, minutes]
    unreadable = [f for f in data["findings"] if f["code"] == "unreadable"]
    assert [(f["file"], f["line"], f["severity"]) for f in unreadable] == [(broken, 2, "error"), (minutes, 1, "error")]
    assert "mismatch" in unreadable[0]["message"] and not unreadable[0]["message"].startswith(broken)

    sarif = json.loads(outputs["sarif"].read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(sarif)
    run = Sarif.model_validate(sarif).runs[0]
    rules = [rule.id for rule in run.tool.driver.rules or []]
    results = [r for r in run.results or [] if r.rule_id == "unreadable"]
    assert len(results) == 2 and all(rules[r.rule_index] == "unreadable" for r in results)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["level"] for n in invocation["toolExecutionNotifications"]].count("error") == 2

    text = outputs["text"].read_text(encoding="utf-8")
    assert f"{broken}:2:" in text and text.endswith("in 3 file(s), 2 not read\n")
    assert outputs["github"].read_text(encoding="utf-8").count("title=unreadable::") == 2

    assert main(["check", *drafts, "--statistics", "-q"]) == 2
    assert "2  unreadable      unreadable-file" in capsys.readouterr().out


def test_a_folder_stands_for_the_drafts_under_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "drafts"
    (folder / "second" / "nested").mkdir(parents=True)
    (folder / ".git").mkdir()
    clean = write(folder, "clean.md", ENGLISH)
    broken = write(folder / "second" / "nested", "broken.md", DEFECTS["S101"](ENGLISH))
    write(folder / ".git", "hidden.md", "not a draft")
    write(folder, "notes.csv", "not a draft either")
    assert main(["check", str(folder), "--format", "json", "-q"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["files"] == 2 and {f["file"] for f in data["findings"]} == {broken}
    assert main(["check", str(folder / "second"), clean, "--format", "json", "-q"]) == 1
    assert json.loads(capsys.readouterr().out)["files"] == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["check", str(empty), "-o", str(tmp_path / "report.txt")]) == 2
    assert "no resolution files" in capsys.readouterr().err
    assert not (tmp_path / "report.txt").exists()
    # validate takes a folder's Akoma Ntoso files only
    assert main(["validate", str(folder)]) == 2
    assert "no resolution files (.akn, .xml)" in capsys.readouterr().err
