"""The command line: formats, exit status, atomic output, messages with positions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import resodiff
from resodiff.cli import main

from .conftest import FIXTURES, SEED

ENGLISH = FIXTURES / "en-illustrative-resolution.md"


@pytest.mark.parametrize("fmt", ["akn", "json", "text"])
def test_convert_writes_each_format(fmt: str, tmp_path: Path) -> None:
    output = tmp_path / f"out.{fmt}"
    assert main(["convert", str(SEED), "--to", fmt, "-o", str(output)]) == 0
    data = output.read_bytes()
    if fmt == "akn":
        assert resodiff.read_akn(data) == resodiff.read(SEED)
    elif fmt == "json":
        parsed = json.loads(data)
        assert parsed["meta"]["symbol"] == "A/RES/79/9"
        assert len(parsed["operative"]) == 30
    else:
        assert resodiff.read_text(data.decode()) == resodiff.read(SEED)


def test_convert_detects_akn_input(tmp_path: Path) -> None:
    akn = tmp_path / "seed.xml"
    assert main(["convert", str(SEED), "-o", str(akn)]) == 0
    text = tmp_path / "seed.txt"
    assert main(["convert", str(akn), "--to", "text", "-o", str(text)]) == 0
    assert resodiff.read(text) == resodiff.read(SEED)


def test_failed_conversion_leaves_output_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("The General Assembly,\n\n1. *Decides* to act.\n", encoding="utf-8")
    output = tmp_path / "out.xml"
    output.write_bytes(b"previous content")
    assert main(["convert", str(bad), "-o", str(output)]) == 2
    assert output.read_bytes() == b"previous content"
    assert list(tmp_path.iterdir()) == [bad, output] or sorted(tmp_path.iterdir()) == sorted([bad, output])
    err = capsys.readouterr().err
    assert f"{bad}:1:1:" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["convert", "missing.txt"], "missing.txt: no such file"),
        (["validate", "missing.xml"], "missing.xml: no such file"),  # read as every command reads
    ],
)
def test_errors_exit_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_validate_prints_findings_as_file_line_col(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.xml"
    assert main(["convert", str(ENGLISH), "-o", str(good)]) == 0
    bad = tmp_path / "bad.xml"
    bad.write_bytes(good.read_bytes().replace(b'eId="para_2"', b'eId="para_1"'))
    assert main(["validate", str(good)]) == 0
    capsys.readouterr()
    assert main(["validate", "-q", str(good), str(bad)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out and all(line.startswith(f"{bad}:") for line in out)
    assert ":1:" not in out[0].split(str(bad))[1][:3]


def test_validate_tells_schema_errors_from_reference_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.xml"
    assert main(["convert", str(ENGLISH), "-o", str(good)]) == 0
    dangling = tmp_path / "dangling.xml"
    dangling.write_bytes(good.read_bytes().replace(b'refersTo="#symbol"', b'refersTo="#nowhere"'))
    invalid = tmp_path / "invalid.xml"
    invalid.write_bytes(good.read_bytes().replace(b"<num>1.</num>", b"<bogus>1.</bogus>", 1))
    capsys.readouterr()
    assert main(["validate", str(good), str(dangling)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{dangling}:") and ": warning: <docNumber refersTo='#nowhere'>" in captured.out
    assert captured.err.strip() == "2 files: 2 valid, 0 with schema errors; 1 reference warnings"
    assert main(["validate", "--strict", str(good), str(dangling)]) == 1
    capsys.readouterr()
    assert main(["validate", str(good), str(dangling), str(invalid)]) == 1
    assert (
        capsys.readouterr().err.strip()
        == "3 files: 2 valid, 1 with schema errors; 1 reference warnings, 1 reader warnings"
    )


def test_demo_runs_on_the_embedded_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "seed.xml"
    assert main(["demo", "-o", str(output)]) == 0
    captured = capsys.readouterr()
    assert "29 preambular paragraphs, 30 operative paragraphs, 6 footnotes" in captured.err
    assert "ILLUSTRATIVE" in captured.err
    # the report speaks the document's language
    assert "A/RES/77/18 → A/RES/79/9 [fra]: de fond" in captured.out
    assert "\ndispositif 11 → 10: déplacé (de fond)\n" in captured.out
    assert resodiff.read(output) == resodiff.read(SEED)


def test_embedded_predecessor_is_the_fixture() -> None:
    from resodiff.cli import PREDECESSOR_NAME, embedded_predecessor

    assert embedded_predecessor() == (FIXTURES / PREDECESSOR_NAME).read_bytes()


def test_console_script_entry_point() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "resodiff", "convert", str(ENGLISH), "--to", "json"],
        capture_output=True,
        check=False,
    )
    assert completed.returncode == 0
    assert json.loads(completed.stdout)["meta"]["symbol"] == "A/RES/81/12"


@pytest.mark.parametrize("command", ["validate", "check", "convert"])
def test_many_files_on_a_pool_give_what_one_process_gives(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--jobs: the same output, in input order, with the first file's error where one process
    would have stopped."""
    from resodiff.akn import to_akn_bytes

    inputs = [SEED, FIXTURES / "en-illustrative-resolution.md", FIXTURES / "fr-illustrative-predecessor-of-79-9.md"]
    if command == "validate":
        for path in inputs:
            data = to_akn_bytes(resodiff.read(path))  # each with a finding: an eId twice
            (tmp_path / f"{path.stem}.xml").write_bytes(data.replace(b'eId="para_2"', b'eId="para_1"', 1))
        inputs = sorted(tmp_path.glob("*.xml"))
    broken = tmp_path / "broken.md"
    broken.write_text("not a resolution\n")

    def run(files: list[Path], jobs: str, out: Path) -> tuple[int, list[tuple[str, bytes]]]:
        arguments = [command, *map(str, files), "--jobs", jobs]
        status = main(arguments + (["-o", str(out)] if command == "convert" else []))
        return status, sorted((p.name, p.read_bytes()) for p in out.iterdir()) if out.exists() else []

    outcomes = []
    for jobs in ("1", "3"):
        good = run(inputs, jobs, tmp_path / f"good-{jobs}")
        bad = run([inputs[0], broken, *inputs[1:]], jobs, tmp_path / f"bad-{jobs}")
        outcomes.append((good, bad, capsys.readouterr()))
    assert outcomes[0] == outcomes[1]
    (status, written), (failed, nothing), captured = outcomes[0]
    assert status in (0, 1) and failed == 2 and nothing == []
    assert f"{broken}:1:1:" in captured.err
    assert len(written) == 3 if command == "convert" else captured.out


def test_standard_input_is_a_file_named_dash(tmp_path: Path) -> None:
    seed = SEED.read_bytes()
    converted = subprocess.run(
        [sys.executable, "-m", "resodiff", "convert", "-", "--to", "json"], input=seed, capture_output=True, check=False
    )
    assert converted.returncode == 0, converted.stderr
    assert json.loads(converted.stdout)["meta"]["symbol"] == "A/RES/79/9"
    compared = subprocess.run(
        [sys.executable, "-m", "resodiff", "diff", "-", str(SEED)], input=seed, capture_output=True, check=False
    )
    assert compared.returncode == 0, compared.stderr
    empty = subprocess.run(
        [sys.executable, "-m", "resodiff", "convert", "-"], input=b"", capture_output=True, check=False
    )
    assert empty.returncode == 2 and b"<stdin>" in empty.stderr


def test_diff_warns_of_unrelated_or_swapped_versions(capsys: pytest.CaptureFixture[str]) -> None:
    unrelated = FIXTURES.parent / "tests" / "cases" / "diff-moved" / "old.md"
    assert main(["diff", str(unrelated), str(ENGLISH)]) == 1
    assert "share too few paragraphs" in capsys.readouterr().err
    old, new = (FIXTURES.parent / "tests" / "cases" / "diff-technical" / name for name in ("old.md", "new.md"))
    assert main(["diff", str(new), str(old)]) == 1
    assert "are OLD and NEW swapped?" in capsys.readouterr().err
    assert main(["diff", str(old), str(new)]) == 1
    assert "warning" not in capsys.readouterr().err
    assert main(["diff", str(new), str(old), "--quiet"]) == 1
    assert capsys.readouterr().err == ""
