"""Why a change is technical or substantive: the reason each change carries (the rule that decided
and the words that made it so), in the report and in its JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import resodiff
from resodiff.diff import diff_resolutions
from resodiff.diff.classify import classify_segments, explain_segments
from resodiff.diff.inline import word_diff
from resodiff.diff.report import REASON_RULES, Reason
from resodiff.report.json import report_data

from .conftest import CASES, SCHEMAS

SCHEMA = json.loads((SCHEMAS / "change-report.schema.json").read_text(encoding="utf-8"))
DIFF_CASES = sorted(path for path in CASES.glob("diff-*") if (path / "old.md").exists())


def report(case: Path) -> resodiff.ChangeReport:
    return diff_resolutions(*(resodiff.read(case / side) for side in ("old.md", "new.md")))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "Recalling its resolution 77/18 of 21 November 2022,",
            "Recalling its resolution 79/9 of 18 November 2024,",
            Reason("technical-words", ("77/18", "21 November 2022"), ("79/9", "18 November 2024")),
        ),
        (
            "the meeting held in Dushanbe in June,",
            "the meeting held in Almaty in June,",
            Reason("place-name", ("Dushanbe",), ("Almaty",)),
        ),
        ("Noting the report,", "Recalling the report,", Reason("opening", ("Noting",), ("Recalling",))),
        (
            "Welcomes the report of 2022,",
            "Welcomes with concern the report of 2024,",
            Reason("words", (), ("with", "concern")),
        ),
        ("Welcomes the report,", "Welcomes the report;", Reason("punctuation")),
    ],
)
def test_each_rule_names_the_words_that_decided(old: str, new: str, expected: Reason) -> None:
    segments = word_diff(old, new)
    reason = explain_segments(segments, "eng")
    assert reason == expected
    assert classify_segments(segments, "eng") == expected.change_class


def test_words_deleted_and_inserted_alike_are_not_named() -> None:
    reason = explain_segments(word_diff("resolution 78/154, 2023,", "resolution 78/154 of 2023 and 80/21,"), "eng")
    assert reason is not None and "78/154" not in reason.deleted + reason.inserted


@pytest.mark.parametrize("case", DIFF_CASES, ids=[c.name for c in DIFF_CASES])
def test_every_change_has_the_reason_of_its_class(case: Path) -> None:
    for change in report(case).changes:
        if change.change_class is None:
            assert change.reason is None
        else:
            assert change.reason is not None and change.reason.change_class == change.change_class
        if change.kind in ("inserted", "deleted", "moved", "split", "merged"):
            assert change.reason is not None and change.reason.rule == change.kind


def test_reasons_of_a_known_case() -> None:
    reasons = [
        (c.reason.rule, c.reason.deleted, c.reason.inserted)
        for c in report(CASES / "diff-technical").changes
        if c.reason
    ]
    assert ("place-name", ("Dushanbe",), ("Almaty",)) in reasons
    assert ("technical-words", ("A/80/318",), ("A/82/290",)) in reasons
    # the first substantive reason wins: sub-paragraph (b) reworded, before (c) inserted
    items = next(c for c in report(CASES / "diff-subparagraphs").changes if c.items)
    assert items.reason == Reason("words", (), ("full", "equal", "and", "meaningful"))


@pytest.mark.parametrize("case", DIFF_CASES, ids=[c.name for c in DIFF_CASES])
def test_reason_in_the_json_contract(case: Path) -> None:
    data = report_data(report(case))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert all("reason" in change for change in data["changes"])


def test_schema_lists_every_rule() -> None:
    rules = SCHEMA["$defs"]["change"]["properties"]["reason"]["properties"]["rule"]["enum"]
    assert tuple(rules) == REASON_RULES
