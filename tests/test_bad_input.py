"""Bad input and bad output paths (issue 15): one case per item, each through the command line
(exit status 2, the message with its position, nothing written) and, for input, through the API
(a ResodiffError subclass, never another exception). The XML defences have their own cases in
test_security.py; fuzzing is in test_fuzz.py."""

from __future__ import annotations

import os
import re
import socket
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import resodiff
from resodiff.akn import to_akn_bytes
from resodiff.cli import main
from resodiff.errors import ResodiffError
from resodiff.files import STALE_AFTER, TEMPORARY_MARK

from .conftest import FIXTURES, SEED

EN = FIXTURES / "en-illustrative-resolution.md"


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    return err


def _seed_akn() -> bytes:
    return to_akn_bytes(resodiff.read(SEED))


def _with_table() -> str:
    text = EN.read_text("utf-8")
    at = text.index("\n2. ")
    return text[:at] + "\n\n| State | Share |\n|---|---|\n| A | 1 |\n" + text[at:]


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


# -- uncaught exceptions (item 5): each a ResodiffError with its position ----------------------


def _session() -> tuple[bytes, str]:
    data = _seed_akn()
    value = data.index(b'value="79">')
    bad = data[:value] + 'value="²">'.encode() + data[value + len(b'value="79">') :]
    line = _line_of(bad, 'value="²"'.encode())
    return bad, f":{line}:1: <session>: value='²' is not a session number"


def _colspan() -> tuple[bytes, str]:
    data = to_akn_bytes(resodiff.read_text(_with_table()))
    bad = data.replace(b"<td>", '<td colspan="²">'.encode(), 1)
    line = _line_of(bad, b"<td colspan")
    return bad, f":{line}:1: <td>: colspan='²' is not a positive whole number"


def _draft_header() -> tuple[bytes, str]:
    text = (FIXTURES / "draft-chain" / "A_81_L.5.md").read_text("utf-8")
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if "A/81/L.5" in line)
    lines[number] = "United Nations A/RES/81/5"
    return "\n".join(lines).encode(), f":{number + 1}:1: a draft (a sponsors' line, no resolution number)"


def _control(character: str) -> Callable[[], tuple[bytes, str]]:
    def case() -> tuple[bytes, str]:
        lines = SEED.read_text("utf-8").split("\n")
        number = next(i for i, line in enumerate(lines) if line.startswith("Rappelant également"))
        lines[number] = lines[number][:10] + character + lines[number][10:]
        return "\n".join(lines).encode(), f":{number + 1}:11: a control character (U+{ord(character):04X})"

    return case


BAD_VALUES = {
    "session-value": (_session, ".xml"),
    "colspan": (_colspan, ".xml"),
    "draft-header-with-a-resolution-symbol": (_draft_header, ".md"),
    "nul": (_control("\x00"), ".txt"),
    "esc": (_control("\x1b"), ".txt"),
    "u+fffe": (_control("\ufffe"), ".txt"),
}


@pytest.mark.parametrize("case", BAD_VALUES, ids=list(BAD_VALUES))
def test_malformed_values_are_errors_with_their_position(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, suffix = BAD_VALUES[case]
    data, message = make()
    source = tmp_path / f"input{suffix}"
    source.write_bytes(data)
    with pytest.raises(ResodiffError) as raised:
        resodiff.read(source)
    assert f"{source}{message}" in str(raised.value)
    output = tmp_path / "out.xml"
    for command in (["convert", str(source), "-o", str(output)], ["diff", str(source), str(SEED), "-o", str(output)]):
        assert main(command) == 2
        assert f"{source}{message}" in _error(capsys)
    assert sorted(tmp_path.iterdir()) == [source]


def test_undecodable_file_names_are_shown_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(tmp_path)
    draft = folder + b"/draft-\xff.md"
    Path(os.fsdecode(draft)).write_bytes(SEED.read_bytes())  # which has findings to print
    akn = folder + b"/bad-\xfe.xml"
    Path(os.fsdecode(akn)).write_bytes(_session()[0])
    shown = f"{tmp_path}/draft-\\xff.md"
    assert main(["check", os.fsdecode(draft), "--jobs", "1"]) in (0, 1)
    assert f"{shown}:" in capsys.readouterr().out
    assert main(["check", os.fsdecode(draft), "--format", "json", "--jobs", "1"]) in (0, 1)
    assert shown.replace("\\", "\\\\") in capsys.readouterr().out
    assert main(["convert", os.fsdecode(akn)]) == 2
    assert f"{tmp_path}/bad-\\xfe.xml:47:1: <session>" in _error(capsys)
    with pytest.raises(ResodiffError) as raised:
        resodiff.read(os.fsdecode(akn))
    assert str(raised.value).startswith(f"{tmp_path}/bad-\\xfe.xml:47:1:")
    out = tmp_path / "reports"
    assert main(["pair", str(tmp_path), str(tmp_path), "-o", str(out), "--jobs", "1"]) == 2
    assert f"not read: {tmp_path}/bad-\\xfe.xml:47:1: <session>" in _error(capsys)
    assert f'"file": "{tmp_path}/bad-\\\\xfe.xml"' in (out / "index.json").read_text("utf-8")


# -- encodings and positions (item 8) ---------------------------------------------------------

ENCODINGS = {
    "utf-8-bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16-le": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "utf-16-be": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("form", ["text", "akn"])
def test_every_command_reads_every_encoding_alike(
    encoding: str, form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED.read_text("utf-8") if form == "text" else _seed_akn().decode("utf-8")
    if form == "akn" and encoding.startswith("utf-16"):
        text = text.replace("encoding='UTF-8'", "encoding='UTF-16'")
    source = tmp_path / f"seed.{'xml' if form == 'akn' else 'txt'}"
    source.write_bytes(ENCODINGS[encoding](text))
    assert resodiff.read(source) == resodiff.read(SEED)
    assert main(["diff", str(source), str(SEED)]) == 0
    assert main(["convert", str(source), "-o", str(tmp_path / "out.json"), "--to", "json"]) == 0
    assert main(["check", str(source), "--jobs", "1"]) in (0, 1)
    if form == "akn":
        assert main(["validate", str(source)]) == 0
    assert "resodiff: error" not in capsys.readouterr().err


BREAKS = {"lf": b"\n", "crlf": b"\r\n", "cr": b"\r"}


@pytest.mark.parametrize("newline", BREAKS)
def test_positions_count_lf_crlf_and_cr_lines(newline: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = SEED.read_bytes().split(b"\n")
    line = next(i for i, text in enumerate(lines) if text.startswith("¹ Le 28 juin".encode()))
    lines[line] = lines[line][:9] + b"\xff" + lines[line][9:]  # byte 9 is character 8: "¹" is two bytes
    text = tmp_path / "seed.txt"
    text.write_bytes(BREAKS[newline].join(lines))
    akn = tmp_path / "seed.xml"
    data = _seed_akn().replace(b"<p>Rappelant ses", b"<p>Rappelant</i> ses", 1)
    akn.write_bytes(data.replace(b"\n", BREAKS[newline]))
    akn_line = _line_of(data, b"<p>Rappelant</i>")
    assert main(["convert", str(text)]) == 2
    assert f"{text}:{line + 1}:9: the text is not valid UTF-8" in _error(capsys)
    assert main(["convert", str(akn)]) == 2
    assert f"{akn}:{akn_line}:25: malformed XML: Opening and ending tag mismatch" in _error(capsys)
    assert main(["validate", str(akn)]) == 2
    assert f"{akn}:{akn_line}:25:" in _error(capsys)
    with pytest.raises(ResodiffError) as raised:
        resodiff.read(text)
    assert (raised.value.line, raised.value.column) == (line + 1, 9)


# -- special files and huge input (item 4) ----------------------------------------------------


def test_special_files_are_refused_unread(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)  # with no writer: reading it would block for ever
    kinds = ((fifo, "a FIFO (named pipe)"), (Path("/dev/zero"), "a character device"), (tmp_path, "a directory"))
    for path, kind in kinds:
        with pytest.raises(ResodiffError, match=re.escape(f"is {kind}, not a file")):
            resodiff.read(path)
        for command in (["convert", str(path)], ["validate", str(path)], ["check", str(path), "--jobs", "1"]):
            assert main(command) == 2
            # the batch commands take a folder for the files under it: the FIFO is not one
            folder = path.is_dir() and command[0] != "convert"
            expected = f"{path}: no resolution files" if folder else f"{path}: is {kind}, not a file"
            assert expected in _error(capsys)
    assert sorted(tmp_path.iterdir()) == [fifo]


def test_a_fifo_in_a_pair_folder_is_reported_not_waited_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "a.md").write_bytes((FIXTURES / "fr-illustrative-predecessor-of-79-9.md").read_bytes())
    (new / "b.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(new / "c.xml")
    assert main(["pair", str(old), str(new), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 2
    assert f"not read: {new / 'c.xml'}: is a FIFO (named pipe), not a file" in _error(capsys)


def test_size_limit_is_kept_while_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:
        stream.truncate(64 * 1024**3)  # 64 GB, sparse: reading it whole would exhaust the memory
    with pytest.raises(ResodiffError, match="larger than 20,971,520 bytes"):
        resodiff.read(huge)
    monkeypatch.setenv("RESODIFF_MAX_INPUT_BYTES", "1000")
    assert main(["convert", str(SEED), "-o", str(tmp_path / "out.xml")]) == 2
    assert f"{SEED}: the input is larger than 1,000 bytes (limit: RESODIFF_MAX_INPUT_BYTES)" in _error(capsys)
    monkeypatch.setenv("RESODIFF_MAX_INPUT_BYTES", "")
    monkeypatch.setenv("RESODIFF_MAX_PARAGRAPHS", "40")  # more than its 30 numbered ones: read whole
    assert main(["convert", str(SEED), "-o", str(tmp_path / "out.xml")]) == 2
    assert "A/RES/79/9 holds 59 paragraphs, more than 40 (limit: RESODIFF_MAX_PARAGRAPHS)" in _error(capsys)
    assert sorted(tmp_path.iterdir()) == [huge]


# -- output paths (item 1) --------------------------------------------------------------------


def test_output_that_is_an_input_is_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes(SEED.read_bytes())
    (tmp_path / "link.txt").symlink_to(source)
    os.link(source, tmp_path / "hard.txt")
    before = source.read_bytes()
    for command in (
        ["convert", str(source), "-o", str(source)],
        ["convert", str(source), "-o", str(tmp_path / "link.txt")],
        ["convert", str(tmp_path / "link.txt"), "-o", str(tmp_path / "hard.txt")],
        ["diff", str(source), str(SEED), "-o", str(source)],
        ["history", str(source), str(FIXTURES / "fr-illustrative-predecessor-of-79-9.md"), "--akn", str(source)],
    ):
        assert main(command) == 2
        assert ": write the output elsewhere" in _error(capsys)
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hard.txt", "in.txt", "link.txt"]


def test_path_problems_are_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("keep")
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(tmp_path / "socket"))
    cases = [
        (["convert", str(SEED), "-o", str(tmp_path / "socket")], "socket: is a socket: give a file, a FIFO"),
        (["convert", str(SEED), "-o", str(tmp_path)], f"{tmp_path}: is a folder: give the name of a file"),
        (["convert", str(SEED), "-o", str(tmp_path / "no" / "x.xml")], f"no such folder: {tmp_path / 'no'}"),
        (["convert", str(SEED), "-o", str(a_file / "x.xml")], f"{a_file} is not a folder"),
        (["pair", str(tmp_path), str(tmp_path), "-o", str(a_file)], f"{a_file}: is a file, not a folder"),
    ]
    if Path("/proc/self").is_dir():  # a folder nobody may write into, even root
        cases.append((["convert", str(SEED), "-o", "/proc/resodiff-out.xml"], "/proc/resodiff-out.xml: cannot"))
    for command, message in cases:
        assert main(command) == 2
        assert message in _error(capsys)
    listening.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "socket"] and a_file.read_text() == "keep"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into any folder")
def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o555)
    assert main(["convert", str(SEED), "-o", str(folder / "x.xml")]) == 2
    assert f"cannot write into the folder {folder}: permission denied" in _error(capsys)
    assert list(folder.iterdir()) == []


def test_history_that_fails_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newest = tmp_path / "NEWEST.xml"
    versions = [str(FIXTURES / "draft-chain" / "A_81_L.5.md"), str(FIXTURES / "draft-chain" / "A_81_L.5_Rev.1.md")]
    assert main(["history", *versions, "--akn", str(newest), "-o", str(tmp_path)]) == 2
    assert "is a folder" in _error(capsys)
    fifo = tmp_path / "nobody-reads"
    os.mkfifo(fifo)  # found out only when written to: after the history is computed
    assert main(["history", *versions, "--akn", str(newest), "-o", str(fifo)]) == 2
    assert f"{fifo}: cannot write to it: a FIFO that nobody reads" in _error(capsys)
    assert sorted(tmp_path.iterdir()) == [fifo]


def test_devices_and_fifos_are_written_through_not_replaced(tmp_path: Path) -> None:
    assert main(["convert", str(SEED), "-o", "/dev/null"]) == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so that the FIFO may be written
    received: list[bytes] = []
    written = threading.Event()

    def drain() -> None:  # until the writer has come, written and gone
        while True:
            try:
                chunk = os.read(reader, 65536)
            except BlockingIOError:
                chunk = None
            if chunk:
                received.append(chunk)
            elif chunk == b"" and written.is_set():
                return
            else:
                written.wait(0.01)

    thread = threading.Thread(target=drain)
    thread.start()
    try:
        assert main(["convert", str(SEED), "-o", str(fifo), "--to", "json"]) == 0
    finally:
        written.set()
        thread.join()
    os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"".join(received).startswith(b'{\n  "meta"')


def test_temporary_files_left_by_a_killed_run_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / f".out.xml{TEMPORARY_MARK}killed9"
    fresh = tmp_path / f".other.xml{TEMPORARY_MARK}writing"
    for path in (stale, fresh):
        path.write_bytes(b"<half")
    os.utime(stale, (0, os.stat(stale).st_mtime - STALE_AFTER - 60))
    assert main(["convert", str(SEED), "-o", str(tmp_path / "out.xml")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "out.xml"]
