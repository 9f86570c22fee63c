"""Run by `make dist` in a fresh venv where only the wheel is installed (from outside the source
tree, so nothing is imported from src/): the package data is there and the command works."""

import json
import subprocess
import sys
from importlib import metadata, resources

import resodiff
from resodiff.report.json import SCHEMA_ID

assert metadata.version("resodiff") == resodiff.__version__, "one version: _version.py"
schemas = resources.files("resodiff").joinpath("schemas")
ids = {entry.name: json.loads(entry.read_text(encoding="utf-8"))["$id"] for entry in schemas.iterdir()}
contracts = {"change-report", "history", "parts-report", "sarif-2.1.0-subset"}
assert set(ids) == {f"{name}.schema.json" for name in contracts}, ids
assert ids["change-report.schema.json"] == SCHEMA_ID, ids
assert resources.files("resodiff").joinpath("data/languages/fra.json").is_file()
report = subprocess.run(
    [sys.executable, "-m", "resodiff", "demo"], capture_output=True, text=True, check=True
).stdout
assert "A/RES/79/9" in report, report[:500]
print(f"wheel: resodiff {resodiff.__version__}, {len(ids)} schemas, demo runs")
