"""Golden cases: ``tests/cases/<name>/case.json`` names an input; the expected outputs sit beside
it. ``pytest --regen`` rewrites them after a deliberate change (review the diff)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resodiff
from resodiff.report import RESOLUTIONS

from .conftest import CASES

OUTPUTS = {"akn": "expected.akn.xml", "json": "expected.json", "text": "expected.txt"}
CASE_DIRS = sorted(path.parent for path in CASES.glob("*/case.json") if "input" in json.loads(path.read_text()))


@pytest.mark.parametrize("case", CASE_DIRS, ids=[path.name for path in CASE_DIRS])
@pytest.mark.parametrize("fmt", sorted(OUTPUTS))
def test_golden_conversion(case: Path, fmt: str, regen: bool) -> None:
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    resolution = resodiff.read(case / spec["input"])
    produced = RESOLUTIONS.render(fmt, resolution)
    expected_path = case / OUTPUTS[fmt]
    if regen:
        expected_path.write_bytes(produced)
    assert expected_path.exists(), f"{expected_path} is missing: run pytest --regen and review it"
    assert produced == expected_path.read_bytes()
