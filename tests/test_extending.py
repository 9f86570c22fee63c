"""resodiff is extended by data and registration alone: a language is one data file, an output
is one registered renderer, and both work end to end through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from lxml import html

from resodiff.cli import build_parser, main
from resodiff.diff.report import ChangeReport
from resodiff.report import CHANGE_REPORTS, RESOLUTIONS, FunctionRenderer, RenderOptions

from .conftest import CASES, FIXTURES

TOY = CASES / "toy-language"


def resodiff_with_toy_language(*arguments: str) -> subprocess.CompletedProcess[str]:
    """The command line in a fresh process whose language path holds the toy language's file."""
    environment = {**os.environ, "RESODIFF_LANGUAGE_PATH": str(TOY)}
    return subprocess.run(
        [sys.executable, "-m", "resodiff", *arguments], capture_output=True, text=True, env=environment, check=False
    )


def test_a_language_is_one_data_file(tmp_path: Path) -> None:
    converted = resodiff_with_toy_language("convert", str(TOY / "old.md"), "--to", "json")
    assert converted.returncode == 0, converted.stderr
    model = json.loads(converted.stdout)
    assert model["meta"]["language"] == "epo"
    assert model["meta"]["symbol"] == "A/RES/81/12"
    assert model["meta"]["adoption_date"] == "2026-12-02"
    assert len(model["preamble"]) == 2 and len(model["operative"]) == 2
    recall = model["preamble"][0]["content"]
    assert {"symbol": "A/RES/79/9", "date": "2024-11-18"}.items() <= next(
        run["ref"] for run in recall if run.get("ref")
    ).items()

    page = tmp_path / "report.html"
    compared = resodiff_with_toy_language(
        "diff", str(TOY / "old.md"), str(TOY / "new.md"), "--format", "html", "-o", str(page)
    )
    assert compared.returncode == 1, compared.stderr  # content changes
    tree = html.fromstring(page.read_bytes())
    assert tree.get("lang") == "eo"
    assert "raporto pri ŝanĝoj" in tree.text_content()
    assert "Esencaj ŝanĝoj" in tree.text_content()  # the verdict, from the toy file's labels
    assert "Old version" in tree.text_content()  # a label the toy file lacks: English

    # without the data file, the same text is no resolution resodiff can read
    plain = subprocess.run(
        [sys.executable, "-m", "resodiff", "convert", str(TOY / "old.md")],
        capture_output=True,
        text=True,
        env={key: value for key, value in os.environ.items() if key != "RESODIFF_LANGUAGE_PATH"},
        check=False,
    )
    assert plain.returncode == 2 and "no enacting formula" in plain.stderr


def _changed_paragraphs_csv(report: ChangeReport, options: RenderOptions) -> str:
    rows = ["part,old,new,kind,class"]
    for change in report.changes:
        if change.kind != "unchanged" or change.change_class:
            old = " ".join(map(str, change.old))
            new = " ".join(map(str, change.new))
            rows.append(f"{change.part},{old},{new},{change.kind},{change.change_class or ''}")
    return "\n".join(rows) + "\n"


def test_an_output_is_one_registered_renderer(tmp_path: Path) -> None:
    CHANGE_REPORTS.register(FunctionRenderer("csv", "text/csv", ".csv", "changed paragraphs", _changed_paragraphs_csv))
    try:
        assert "csv" in build_parser().parse_args(["diff", "a", "b", "--format", "csv"]).format
        output = tmp_path / "changes.csv"
        old, new = CASES / "diff-moved" / "old.md", CASES / "diff-moved" / "new.md"
        assert main(["diff", str(old), str(new), "--format", "csv", "-o", str(output)]) == 1
        assert output.read_text(encoding="utf-8").splitlines() == [
            "part,old,new,kind,class",
            "operative,2,4,moved,substantive",
        ]
    finally:
        CHANGE_REPORTS.unregister("csv")
    assert "csv" not in CHANGE_REPORTS


def test_every_output_says_what_it_is() -> None:
    for registry in (RESOLUTIONS, CHANGE_REPORTS):
        for name in registry:
            renderer = registry[name]
            assert renderer.media_type.count("/") == 1 and renderer.suffix.startswith(".") and renderer.summary
    seed_text = RESOLUTIONS.render("text", __import__("resodiff").read(FIXTURES / "en-illustrative-resolution.md"))
    assert isinstance(seed_text, bytes) and seed_text.decode("utf-8").startswith("A/RES/81/12")
