"""The terminal report: one label per change, the text of every paragraph that moved or came and went,
and colour as the user and the environment ask (--color, NO_COLOR, FORCE_COLOR, TERM=dumb)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

import resodiff
from resodiff.cli import main
from resodiff.diff import diff_resolutions
from resodiff.diff.report import ChangeReport, rebuild
from resodiff.languages import report_labels
from resodiff.report.text import render_text, use_color

from .conftest import CASES

DIFF_CASES = sorted(path for path in CASES.glob("diff-*") if (path / "old.md").exists())
WORDS = report_labels("eng")
HEADER = re.compile(
    r"^(preamble|operative|annex) (?P<old>¶?\d+(?: \+ ¶?\d+)*)"
    r"(?: → (?:(?P<new_part>preamble|operative) )?(?P<new>¶?\d+(?: \+ ¶?\d+)*))?: "
    r"(?P<kind>modified|inserted|deleted|moved|split|merged|moved from the \w+ part to the preamble"
    r"|moved from the preamble to the \w+ part) \((technical|substantive)\)$"
)


def case_report(case: Path) -> ChangeReport:
    return diff_resolutions(resodiff.read(case / "old.md"), resodiff.read(case / "new.md"))


class Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize(
    ("choice", "terminal", "environ", "expected"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # set but empty: not asked (no-color.org)
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", False, {"FORCE_COLOR": ""}, False),
        ("auto", True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ("auto", True, {"TERM": "dumb"}, False),
        ("auto", None, {"FORCE_COLOR": "1"}, False),  # written to a file
        ("always", False, {"NO_COLOR": "1"}, True),  # the command line wins over the environment
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_use_color(choice: str, terminal: bool | None, environ: dict[str, str], expected: bool) -> None:
    stream = None if terminal is None else Stream(terminal)
    assert use_color(stream, choice, environ) is expected


@pytest.mark.parametrize(
    ("environ", "coloured"),
    [({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False), ({}, False)],
)
def test_diff_honours_the_environment(
    environ: dict[str, str], coloured: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    case = CASES / "diff-moved-edited"
    assert main(["diff", str(case / "old.md"), str(case / "new.md")]) == 1
    assert ("\x1b[" in capsys.readouterr().out) is coloured


@pytest.mark.parametrize("case", DIFF_CASES, ids=[c.name for c in DIFF_CASES])
def test_one_label_per_change_and_the_text_of_every_paragraph_shown(case: Path) -> None:
    report = case_report(case)
    lines = render_text(report).splitlines()
    changed = [c for c in report.changes if c.change_class is not None]
    headers = [(i, HEADER.match(line)) for i, line in enumerate(lines) if HEADER.match(line)]
    assert len(headers) == len(changed)
    for (index, header), change in zip(headers, changed, strict=True):
        assert header is not None and header["kind"].split(" ")[0] == change.kind
        assert header["new_part"] == change.new_part
        # a side is named once: never "13 → 15 15." as before (but for a paragraph of another part)
        assert header["old"] != header["new"] or change.new_part is not None
        reason = change.reason
        assert reason is not None and lines[index + 1].startswith(f"  Why: {WORDS[f'why.{reason.rule}']}")
        if change.kind != "modified" or change.text_changed:
            shown = lines[index + 2].strip()
            assert re.sub(r"\[-.*?-\]|\{\+|\+\}", "", shown) == rebuild(change.segments, "new").strip()


def test_a_moved_paragraph_shows_its_text() -> None:
    report = case_report(CASES / "diff-moved")
    moved = next(c for c in report.changes if c.kind == "moved")
    assert not moved.text_changed
    lines = render_text(report).splitlines()
    at = lines.index("operative 2 → 4: moved (substantive)")
    assert lines[at + 1] == "  Why: paragraph moved"
    assert lines[at + 2] == "  " + rebuild(moved.segments, "new")
