"""The diff: golden cases with known truth, the OIC series in six languages, properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resodiff
from resodiff.cli import main
from resodiff.diff import diff_resolutions
from resodiff.diff.report import ChangeReport, rebuild
from resodiff.report import CHANGE_REPORTS
from resodiff.report.json import report_data

from .conftest import CASES, OIC, ROOT, SCHEMAS, SEED, needs_corpus
from .test_properties import resolution_text

SCHEMA = json.loads((SCHEMAS / "change-report.schema.json").read_text(encoding="utf-8"))
DIFF_CASES = sorted(path for path in CASES.glob("diff-*") if (path / "old.md").exists())
OUTPUTS = {"json": "expected.json", "markdown": "expected.md", "text": "expected.txt"}


def read_case(case: Path) -> tuple[resodiff.Resolution, resodiff.Resolution]:
    old = resodiff.read_text((case / "old.md").read_text(encoding="utf-8"), file=f"{case.name}/old.md")
    new = resodiff.read_text((case / "new.md").read_text(encoding="utf-8"), file=f"{case.name}/new.md")
    return old, new


def changed(report: ChangeReport) -> list[tuple[str, str, tuple[int, ...], tuple[int, ...], str | None]]:
    return [(c.part, c.kind, c.old, c.new, c.change_class) for c in report.changes if c.kind != "unchanged"]


# What each case is known to be, written when the case was made.


@pytest.mark.parametrize("case", DIFF_CASES, ids=[c.name for c in DIFF_CASES])
def test_known_truth(case: Path) -> None:
    report = diff_resolutions(*read_case(case))
    truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    expected = [(c["part"], c["kind"], tuple(c["old"]), tuple(c["new"]), c["class"]) for c in truth["changes"]]
    assert changed(report) == expected
    assert report.verdict == truth["verdict"]


def test_details_of_known_cases() -> None:
    moved = diff_resolutions(*read_case(CASES / "diff-moved-edited"))
    entry = next(c for c in moved.changes if c.kind == "moved")
    assert entry.text_changed and entry.renumbered and entry.old_numbers == ("3.",) and entry.new_numbers == ("6.",)
    plain_move = next(c for c in diff_resolutions(*read_case(CASES / "diff-moved")).changes if c.kind == "moved")
    assert not plain_move.text_changed
    items = next(c for c in diff_resolutions(*read_case(CASES / "diff-subparagraphs")).changes if c.items)
    assert [(u.kind, u.old_label, u.new_label) for u in items.items] == [
        ("unchanged", "(a)", "(a)"),
        ("modified", "(b)", "(b)"),
        ("inserted", None, "(c)"),
    ]
    sections = diff_resolutions(*read_case(CASES / "diff-sections"))
    assert [(s.old, s.new) for s in sections.section_changes] == [("II Risks", "II Water-related risks")]
    assert {c.new_section for c in sections.changes if c.part == "operative"} == {
        "I Cooperation",
        "II Water-related risks",
    }
    note = next(c for c in diff_resolutions(*read_case(CASES / "diff-footnote-edited")).changes if c.text_changed)
    assert note.segments and all(s.op == "equal" for s in note.segments)
    assert [u.kind for u in note.footnotes] == ["modified"]
    across = diff_resolutions(*read_case(CASES / "diff-across-parts"))
    crossed = next(c for c in across.changes if c.new_part is not None)
    # in the new part's order (after the preamble's paragraphs), numbered as that part numbers
    assert crossed.parts == ("operative", "preamble") and not crossed.renumbered
    assert across.changes.index(crossed) == 6 and not across.section_changes
    assert report_data(across)["changes"][6]["new_part"] == "preamble"
    assert "new_part" not in report_data(across)["changes"][0]


def test_a_paragraph_across_parts_in_the_redline_page() -> None:
    page = CHANGE_REPORTS.render("html", diff_resolutions(*read_case(CASES / "diff-across-parts"))).decode("utf-8")
    assert "moved from the operative part to the preamble · substantive" in page
    assert "moved from <bdi>operative 3.</bdi>" in page
    assert 'moved from here to <a href="#c-7"><bdi>preamble ¶7</bdi></a>' in page


@pytest.mark.parametrize("case", DIFF_CASES, ids=[c.name for c in DIFF_CASES])
@pytest.mark.parametrize("fmt", sorted(OUTPUTS))
def test_golden_reports(case: Path, fmt: str, regen: bool) -> None:
    produced = CHANGE_REPORTS.render(fmt, diff_resolutions(*read_case(case))).decode("utf-8")
    expected = case / OUTPUTS[fmt]
    if regen:
        expected.write_text(produced, encoding="utf-8")
    assert expected.exists(), f"{expected} is missing: run pytest --regen and review it"
    assert produced == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", DIFF_CASES, ids=[c.name for c in DIFF_CASES])
def test_json_report_follows_its_schema(case: Path) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(report_data(diff_resolutions(*read_case(case))))


def _structure(report: ChangeReport) -> dict[str, Any]:
    """What a golden corpus expectation may hold: kinds, positions, numbers, classes, counts."""
    return {
        "changes": [
            {
                "part": c.part,
                "kind": c.kind,
                "old": list(c.old),
                "new": list(c.new),
                "old_numbers": list(c.old_numbers),
                "new_numbers": list(c.new_numbers),
                "renumbered": c.renumbered,
                "text_changed": c.text_changed,
                "class": c.change_class,
                "footnotes": [u.kind for u in c.footnotes if u.kind != "unchanged"],
            }
            for c in report.changes
        ],
        "summary": report_data(report)["summary"],
    }


OIC_LANGUAGES = {"A": "ara", "C": "zho", "E": "eng", "F": "fra", "R": "rus", "S": "spa"}


@needs_corpus
@pytest.mark.parametrize("suffix", sorted(OIC_LANGUAGES))
def test_oic_77_18_to_79_9(suffix: str, regen: bool) -> None:
    report = resodiff.diff(OIC / f"A_RES_77_18-2226540{suffix}.xml", OIC / f"A_RES_79_9-2421657{suffix}.xml")
    expected = CASES / "oic-77-18-to-79-9" / f"expected-{OIC_LANGUAGES[suffix]}.json"
    produced = _structure(report)
    if regen:
        expected.write_text(json.dumps(produced, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert produced == json.loads(expected.read_text(encoding="utf-8"))


@needs_corpus
def test_oic_alignment_is_the_same_in_every_language() -> None:
    """Kinds and positions agree across the six languages; only which paragraphs were edited
    (and how the edits classify) may differ, see docs/oic-77-18-79-9.md."""
    shapes = set()
    for suffix in OIC_LANGUAGES:
        report = resodiff.diff(OIC / f"A_RES_77_18-2226540{suffix}.xml", OIC / f"A_RES_79_9-2421657{suffix}.xml")
        shapes.add(tuple((c.part, c.old, c.new) for c in report.changes))
        inserted = [c.new for c in report.changes if c.kind == "inserted"]
        assert inserted == [(8,), (14,), (27,)], suffix
        assert report.summary.renumbered == 20
    assert len(shapes) == 1


@needs_corpus
def test_seed_against_dgacm_french_is_no_content_change() -> None:
    report = resodiff.diff(OIC / "A_RES_79_9-2421657F.xml", SEED)
    assert report.verdict == "identical"
    assert all(c.kind == "unchanged" and not c.renumbered for c in report.changes)
    assert report.summary.formatting_only == 59


@needs_corpus
def test_seed_as_new_side_gives_the_dgacm_result() -> None:
    with_seed = resodiff.diff(OIC / "A_RES_77_18-2226540F.xml", SEED)
    with_xml = resodiff.diff(OIC / "A_RES_77_18-2226540F.xml", OIC / "A_RES_79_9-2421657F.xml")
    assert changed(with_seed) == changed(with_xml)


def test_cli_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES / "diff-relayout"
    assert main(["diff", str(case / "old.md"), str(case / "new.md")]) == 0
    case = CASES / "diff-moved"
    out = tmp_path / "report.json"
    assert main(["diff", str(case / "old.md"), str(case / "new.md"), "--format", "json", "-o", str(out)]) == 1
    assert json.loads(out.read_text())["summary"]["verdict"] == "substantive"
    assert main(["diff", str(case / "old.md"), str(tmp_path / "missing.md")]) == 2
    assert main(["diff", str(SEED), str(ROOT / "fixtures" / "en-illustrative-resolution.md")]) == 2
    assert "different languages" in capsys.readouterr().err


# -- properties --------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(resolution_text())
def test_a_text_against_itself_is_unchanged(text: str) -> None:
    resolution = resodiff.read_text(text)
    report = diff_resolutions(resolution, resolution)
    assert report.verdict == "identical"
    assert all(c.kind == "unchanged" and not c.renumbered and not c.formatting_only for c in report.changes)


def _edit(text: str, data: st.DataObject) -> str:
    lines = text.split("\n")
    body = [i for i, line in enumerate(lines) if line[:1] in "*0123456789"]
    for _ in range(data.draw(st.integers(0, 4))):
        if not body:
            break
        index = data.draw(st.sampled_from(body))
        action = data.draw(st.sampled_from(["drop", "duplicate", "reword", "swap"]))
        if action == "drop" and len(body) > 2:
            lines[index] = ""
        elif action == "duplicate":
            lines.insert(index, lines[index].replace("*", "") + " again,")
        elif action == "reword":
            words = lines[index].split(" ")
            position = data.draw(st.integers(0, len(words) - 1))
            words[position] = data.draw(st.sampled_from(["ocean", "the", "2030", "A/80/1", "Nations"]))
            lines[index] = " ".join(words)
        else:
            other = data.draw(st.sampled_from(body))
            lines[index], lines[other] = lines[other], lines[index]
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(resolution_text(), st.data())
def test_diff_invariants(text: str, data: st.DataObject) -> None:
    old = resodiff.read_text(text)
    try:
        new = resodiff.read_text(_edit(text, data))
    except resodiff.ResodiffError:
        return
    report = diff_resolutions(old, new)
    olds = {"preamble": old.preamble, "operative": old.operative}
    news = {"preamble": new.preamble, "operative": new.operative}
    for part in ("preamble", "operative"):
        # a paragraph that went to the other part is in its old part on the old side only
        from_part = [c for c in report.changes if c.parts[0] == part]
        to_part = [c for c in report.changes if c.parts[1] == part]
        assert sorted(p for c in from_part for p in c.old) == list(range(1, len(olds[part]) + 1))
        assert sorted(p for c in to_part for p in c.new) == list(range(1, len(news[part]) + 1))
    for change in report.changes:
        if change.kind in ("unchanged", "modified", "moved"):
            (i,), (j,) = change.old, change.new
            old_part, new_part = change.parts
            assert rebuild(change.segments, "old") == olds[old_part][i - 1].text
            assert rebuild(change.segments, "new") == news[new_part][j - 1].text
    assert diff_resolutions(old, new) == report
    assert CHANGE_REPORTS.render("json", report) == CHANGE_REPORTS.render("json", diff_resolutions(old, new))
