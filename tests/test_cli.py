"""The command line: formats, exit status, atomic output, messages with positions."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import resodiff
from resodiff.cli import EXIT_STATUS, build_parser, main
from resodiff.findings import Finding
from resodiff.report import CHANGE_REPORTS, RESOLUTIONS
from resodiff.spans import SourceSpan

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
    (status, written), (failed, beside_broken), captured = outcomes[0]
    # convert writes every input it can read; the others write no files
    assert status in (0, 1) and failed == 2 and beside_broken == (written if command == "convert" else [])
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


# -- what a user expects of a command line (issue 14) -----------------------------------------

PREDECESSOR = FIXTURES / "fr-illustrative-predecessor-of-79-9.md"
COMMANDS = sorted(EXIT_STATUS)


def status(argv: list[str]) -> int:
    """``main``'s exit status, argparse's own refusals (exit 2) included."""
    try:
        return main(argv)
    except SystemExit as exit:
        return int(exit.code or 0)


def parsers(parser: argparse.ArgumentParser | None = None) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """The parser and every command's parser, by name ('' for the program)."""
    parser = parser or build_parser()
    yield "", parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.items()


def test_every_command_is_in_the_exit_status_table() -> None:
    assert sorted(name for name, _ in parsers() if name) == COMMANDS


def test_every_argument_and_option_has_a_sentence_of_help() -> None:
    sentence = re.compile(r"^[A-Z][^\n]*[.]$")
    missing = []
    for name, parser in parsers():
        described = list(parser._actions)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                described += action._choices_actions  # the commands' one-line summaries
        for action in described:
            if not isinstance(action.help, str) or not sentence.match(action.help):
                missing.append(f"resodiff {name} {'/'.join(action.option_strings) or action.dest}: {action.help!r}")
    assert missing == []


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_states_its_exit_statuses(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # one line: no word cut at a hyphen
    assert status([command, "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"exit status: {EXIT_STATUS[command]}" in help_text
    assert "-q, --quiet" in help_text


def test_top_level_help_lists_each_command_on_one_line_and_the_convention(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert status(["--help"]) == 0
    out = capsys.readouterr().out
    (commands,) = [action for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction)]
    lines = out.splitlines()
    for choice in commands._choices_actions:
        assert any(line.startswith("    ") and line.split(None, 1) == [choice.dest, choice.help] for line in lines)
    flat = " ".join(out.split())
    assert "exit status: 0 success; 1 the command worked and found something" in flat
    assert "2 any error" in flat


def test_help_fits_a_terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for name, _ in parsers():
        assert status([name, "--help"] if name else ["--help"]) == 0
        assert max(map(len, capsys.readouterr().out.splitlines())) <= 80, name


def _fetched(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``fetch`` answered from a local file, as from the cache (the network side: test_fetch.py)."""
    import resodiff.fetch
    from resodiff.akn import to_akn_bytes

    cached = tmp_path / "A_RES_79_9.xml"
    cached.write_bytes(to_akn_bytes(resodiff.read(SEED)))
    fetched = resodiff.fetch.Fetched("A/RES/79/9", "fra", cached, None, None)
    monkeypatch.setattr(resodiff.fetch, "fetch", lambda *args, **kwargs: fetched)


def exit_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[list[str], int]]]:
    """For every command, runs that end in each exit status its help documents."""
    from resodiff.akn import to_akn_bytes

    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_bytes(to_akn_bytes(resodiff.read(ENGLISH)))
    bad.write_bytes(good.read_bytes().replace(b'eId="para_2"', b'eId="para_1"'))
    broken = tmp_path / "broken.md"
    broken.write_text(ENGLISH.read_text(encoding="utf-8").replace("4. *Requests*", "6. *Requests*"), encoding="utf-8")
    old, new, unreadable = (tmp_path / name for name in ("old", "new", "unreadable"))
    for folder, files in ((old, [PREDECESSOR]), (new, [SEED]), (unreadable, [SEED])):
        folder.mkdir()
        for file in files:
            (folder / f"{file.stem}.md").write_bytes(file.read_bytes())
    (unreadable / "not-a-resolution.md").write_text("nothing here\n", encoding="utf-8")
    missing = str(tmp_path / "missing.md")
    out = str(tmp_path / "out")
    _fetched(monkeypatch, tmp_path)
    return {
        "convert": [(["convert", str(SEED), "-o", f"{out}.xml"], 0), (["convert", missing], 2)],
        "validate": [(["validate", str(good)], 0), (["validate", str(bad)], 1), (["validate", str(good), missing], 2)],
        "diff": [
            (["diff", str(SEED), str(SEED)], 0),
            (["diff", str(PREDECESSOR), str(SEED)], 1),
            (["diff", missing, str(SEED)], 2),
        ],
        "check": [
            (["check", str(ENGLISH)], 0),
            (["check", "--explain", "S101"], 0),
            (["check", str(broken)], 1),
            (["check", str(ENGLISH), missing], 2),
        ],
        "history": [
            (["history", str(PREDECESSOR), str(SEED)], 0),
            (["history", str(PREDECESSOR), str(SEED), missing], 2),
        ],
        "pair": [
            (["pair", str(old), str(new), "-o", f"{out}-pair", "--jobs", "1"], 0),
            (["pair", str(old), str(unreadable), "-o", f"{out}-pair-2", "--jobs", "1"], 2),
        ],
        "fetch": [(["fetch", "A/RES/79/9", "--lang", "fr"], 0), (["fetch", "A/RES/79/9", "-o", str(tmp_path)], 2)],
        "demo": [(["demo"], 0), (["demo", "-o", str(tmp_path)], 2)],
        "completion": [(["completion", "bash"], 0), (["completion", "tcsh"], 2)],
    }


@pytest.mark.parametrize("command", COMMANDS)
def test_documented_exit_statuses_are_the_ones_returned(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = exit_cases(tmp_path, monkeypatch)[command]
    for argv, expected in cases:
        assert status(argv) == expected, argv
    returned = {expected for _, expected in cases}
    if command == "demo":  # 1 only if the seed's AKN had findings: made to have one
        import resodiff.akn

        findings = [Finding(SourceSpan("<seed as AKN>", 1), "schema", "error", "made up for the test")]
        monkeypatch.setattr(resodiff.akn, "validate_akn", lambda *args, **kwargs: findings)
        assert status(["demo"]) == 1
        returned.add(1)
    documented = {int(code) for code in re.findall(r"(?:^|; )([012]) ", EXIT_STATUS[command])}
    assert documented == returned
    assert "internal error" not in capsys.readouterr().err


def quiet_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """For every command, a run that tells something on standard error that is not an error."""
    from resodiff.akn import to_akn_bytes

    akn = tmp_path / "seed.xml"
    akn.write_bytes(to_akn_bytes(resodiff.read(SEED)))
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, file in ((old, PREDECESSOR), (new, SEED)):
        folder.mkdir()
        (folder / f"{file.stem}.md").write_bytes(file.read_bytes())
    _fetched(monkeypatch, tmp_path)
    return {
        "convert": ["convert", str(SEED), "--split", "-o", str(tmp_path / "split.xml")],  # where each part went
        "validate": ["validate", str(akn)],  # the summary
        "diff": ["diff", str(SEED), str(PREDECESSOR)],  # NEW older than OLD
        "check": ["check", str(ENGLISH), "--diff"],  # the count of fixes
        "history": ["history", str(PREDECESSOR), str(SEED), str(tmp_path / "missing.md")],  # an error only
        "pair": ["pair", str(old), str(new), "-o", str(tmp_path / "pairs"), "--jobs", "1"],  # the summary
        "fetch": ["fetch", "A/RES/79/9", "--lang", "fr"],  # where the file came from
        "demo": ["demo"],  # what the seed is
        "completion": ["completion", "bash"],  # nothing to say
    }


@pytest.mark.parametrize("command", COMMANDS)
def test_quiet_silences_all_but_errors(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = quiet_cases(tmp_path, monkeypatch)[command]
    said = status(argv)
    loud = capsys.readouterr()
    errors = [line for line in loud.err.splitlines() if line.startswith(("resodiff: error", "resodiff: not read"))]
    assert status([*argv, "-q"]) == status([*argv, "--quiet"]) == said
    quiet = capsys.readouterr()
    assert quiet.out == loud.out + loud.out  # what the command gives is not touched
    assert quiet.err.splitlines() == errors + errors
    if command == "history":
        assert errors and said == 2
    elif command != "completion":
        assert loud.err.strip() and not errors and said in (0, 1)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_silences_the_progress_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    argv = quiet_cases(tmp_path, monkeypatch)["pair"]
    for quiet, shown in ((False, True), (True, False)):
        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        assert main([*argv, *(["-q"] if quiet else [])]) == 0
        assert ("] 1/1" in terminal.getvalue()) is shown


def test_the_quiet_option_is_defined_once(capsys: pytest.CaptureFixture[str]) -> None:
    quiet = {id(action) for _, parser in parsers() for action in parser._actions if "--quiet" in action.option_strings}
    assert len(quiet) == 1


# -- output paths -------------------------------------------------------------------------------

OUTPUT_COMMANDS = [
    ["convert", str(SEED), "-o"],
    ["convert", str(SEED), "--split", "-o"],
    ["diff", str(PREDECESSOR), str(SEED), "-o"],
    ["diff", str(PREDECESSOR), str(SEED), "--format", "html", "-o"],
    ["check", str(ENGLISH), "-o"],
    ["check", str(ENGLISH), "--output-file"],
    ["check", "--explain", "S101", "-o"],
    ["history", str(PREDECESSOR), str(SEED), "-o"],
    ["history", str(PREDECESSOR), str(SEED), "--akn"],
    ["fetch", "A/RES/79/9", "--source", "http://127.0.0.1:9/unreachable", "-o"],  # refused before any request
    ["demo", "-o"],
]


@pytest.mark.parametrize("argv", OUTPUT_COMMANDS, ids=[" ".join(a[:1] + a[-2:]) for a in OUTPUT_COMMANDS])
def test_output_to_a_folder_or_into_a_missing_one_is_a_clear_error(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for output, message in (
        (folder, f"{folder}: is a folder"),
        (tmp_path / "no" / "x", f"no such folder: {tmp_path / 'no'}"),
    ):
        assert main([*argv, str(output)]) == 2
        err = capsys.readouterr().err
        assert message in err and "internal error" not in err
    assert sorted(tmp_path.iterdir()) == [folder] and list(folder.iterdir()) == []


def test_pair_output_that_is_a_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("keep")
    assert main(["pair", str(tmp_path), str(tmp_path), "-o", str(a_file)]) == 2
    assert main(["pair", str(tmp_path), str(tmp_path), "-o", str(a_file / "x")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"resodiff: error: {a_file}: is a file, not a folder: give a folder for the reports",
        f"resodiff: error: {a_file / 'x'}: {a_file} is not a folder",
    ]


# -- colour -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "coloured"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)],
)
def test_demo_colours_as_the_environment_says_on_a_terminal(
    environ: dict[str, str], coloured: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(out, "isatty", lambda: True)
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["demo", "-q"]) == 0
    out.flush()
    assert (b"\x1b[" in out.buffer.getvalue()) is coloured  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("environ", "coloured"), [({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False), ({}, False)]
)
def test_demo_colours_a_pipe_only_when_forced(
    environ: dict[str, str], coloured: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert main(["demo", "-q"]) == 0
    assert ("\x1b[" in capsys.readouterr().out) is coloured


# -- the seed pair in the terminal ----------------------------------------------------------------


def test_seed_pair_headers_name_each_number_once_and_every_change_shows_its_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from resodiff.diff import diff_resolutions
    from resodiff.diff.report import rebuild

    assert main(["demo", "-q"]) == 0
    lines = capsys.readouterr().out.splitlines()
    report = diff_resolutions(resodiff.read(PREDECESSOR), resodiff.read(SEED))
    changed = [change for change in report.changes if change.change_class is not None]
    headers = [i for i, line in enumerate(lines) if re.match(r"^(préambule|dispositif|annexe) ¶?\d", line)]
    assert len(headers) == len(changed) and any(change.kind == "moved" for change in changed)
    for at, change in zip(headers, changed, strict=True):
        assert not re.search(r"(\d+)\W+\1\b", lines[at])  # never "13 → 15 15."
        assert lines[at + 1].startswith("  Pourquoi : ")  # the reason, in the report's language
        shown = re.sub(r"\[-.*?-\]|\{\+|\+\}", "", lines[at + 2].strip())
        assert shown == rebuild(change.segments, "new").strip()


# -- shell completion ---------------------------------------------------------------------------


def completion_script(shell: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    assert main(["completion", shell]) == 0
    path = tmp_path / f"resodiff.{shell}"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    return path


def test_completion_scripts_name_every_command_and_option(capsys: pytest.CaptureFixture[str]) -> None:
    for shell in ("bash", "zsh", "fish"):
        assert main(["completion", shell]) == 0
        script = capsys.readouterr().out
        for name, parser in parsers():
            assert name in script
            for action in parser._actions:
                for flag in action.option_strings:
                    assert (flag if shell != "fish" else flag.lstrip("-")) in script, (shell, flag)


BASH_COMPLETE = """
source {script}
complete -p resodiff
candidates() {{
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _resodiff; printf '%s|' "${{COMPREPLY[@]}}"; echo
}}
candidates resodiff c
candidates resodiff ""
candidates resodiff diff --fo
candidates resodiff diff -q --format m
candidates resodiff convert --to ""
candidates resodiff diff -o out.txt ""
candidates resodiff pair ""
candidates resodiff fetch ""
candidates resodiff completion ""
"""


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash here")
def test_bash_completes_commands_options_choices_and_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = completion_script("bash", capsys, tmp_path)
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "old.md").write_text("")
    (tmp_path / "work" / "a-folder").mkdir()
    run = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", BASH_COMPLETE.format(script=script)],
        cwd=tmp_path / "work",
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "complete -F _resodiff resodiff"
    candidates = [sorted(filter(None, line.split("|"))) for line in lines[1:]]
    assert candidates == [
        ["check", "completion", "convert"],
        sorted(name for name, _ in parsers() if name),
        ["--format"],
        ["markdown"],
        sorted(RESOLUTIONS.names()),  # the registry's choices, whatever is registered
        ["a-folder", "old.md"],  # the second file
        ["a-folder"],  # folders only
        [],  # a symbol: nothing to offer
        ["bash", "fish", "zsh"],
    ]


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash here")
def test_bash_sources_the_script_the_command_prints() -> None:
    python = f"{sys.executable} -m resodiff"
    run = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", f"source <({python} completion bash); complete -p resodiff"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert run.returncode == 0 and run.stdout.strip() == "complete -F _resodiff resodiff", run.stderr


@pytest.mark.skipif(shutil.which("fish") is None, reason="no fish here")
def test_fish_completes_commands_options_and_choices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = completion_script("fish", capsys, tmp_path)
    asked = ["resodiff co", "resodiff diff --form", "resodiff diff --format ", "resodiff completion "]
    commands = "; ".join(f"complete -C {shlex.quote(line)}; echo ---" for line in asked)
    run = subprocess.run(
        ["fish", "--no-config", "-c", f"source {script}; {commands}"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    answers = [[line.split("\t")[0] for line in block.strip().splitlines()] for block in run.stdout.split("---")[:-1]]
    assert answers == [
        ["completion", "convert"],
        ["--format"],
        sorted(CHANGE_REPORTS.names()),
        ["bash", "fish", "zsh"],
    ]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="no zsh here")
def test_zsh_script_registers_with_compinit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = completion_script("zsh", capsys, tmp_path)
    run = subprocess.run(
        ["zsh", "-f", "-c", f"autoload -Uz compinit && compinit -u -D && source {script} && print $_comps[resodiff]"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0 and run.stdout.strip() == "_resodiff", run.stderr


def test_standard_output_replaced_by_a_text_stream(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A caller that runs the command line with sys.stdout as a text stream (no ``.buffer``)
    gets the text there, and a clear error for bytes that are not text, never an internal error."""
    written = tmp_path / "seed.txt"
    assert main(["convert", str(SEED), "--to", "text", "-o", str(written)]) == 0
    captured = io.StringIO()
    monkeypatch.setattr(sys, "stdout", captured)
    assert main(["convert", str(SEED), "--to", "text"]) == 0
    assert captured.getvalue() == written.read_text(encoding="utf-8") != ""
    errors = io.StringIO()
    monkeypatch.setattr(sys, "stderr", errors)
    assert main(["convert", str(SEED), "--to", "docx"]) == 2
    assert "give -o FILE" in errors.getvalue() and "internal error" not in errors.getvalue()
