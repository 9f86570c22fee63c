"""What an adversarial audit of every entry point found (issue 15's follow-up), one regression
test each: inputs the bad-input suite (test_bad_input.py), the XML defences (test_security.py),
the pathological punctuation (test_pathological.py) and the fuzzers did not yet cover. Each gives
exit status 2 with the file and, where there is one, the line and column, in words a user can act
on, and writes nothing."""

from __future__ import annotations

import codecs
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import resodiff
from resodiff.akn import to_akn_bytes
from resodiff.cli import main
from resodiff.errors import ResodiffError

from .conftest import FIXTURES, ROOT, SEED


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    return err


def _refused(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The message of every command that reads ``path`` (the same for each), and nothing written."""
    before = sorted(path.parent.iterdir())
    with pytest.raises(ResodiffError) as raised:
        resodiff.read(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:")
    for command in (["convert", str(path), "-o", str(path.parent / "out.xml")], ["check", str(path), "--jobs", "1"]):
        assert main(command) == 2
        assert message in _error(capsys)
    assert sorted(path.parent.iterdir()) == before
    return message


# -- XML that passes libxml2's resource limits: said in resodiff's words, one position ---------


def _nested(depth: int) -> bytes:
    data = to_akn_bytes(resodiff.read(SEED))
    return data.replace(b"<p>", b"<p>" + b"<i>" * depth, 1).replace(b"</p>", b"</i>" * depth + b"</p>", 1)


def _long_text() -> bytes:
    return to_akn_bytes(resodiff.read(SEED)).replace(b"<p>", b"<p>" + b"word " * 2_000_001, 1)


LIMITS = {
    "nested-deeper-than-256": (lambda: _nested(300), "elements nested more than 256 deep"),
    "ten-million-characters-in-one-element": (_long_text, "a text of more than 10,000,000 characters"),
    "nul-in-xml": (
        lambda: to_akn_bytes(resodiff.read(SEED)).replace(b"<p>", b"<p>\x00", 1),
        "malformed XML: Invalid character: Char 0x0 out of allowed range",
    ),
}


@pytest.mark.parametrize("case", LIMITS)
def test_xml_beyond_the_parser_limits_is_said_in_plain_words(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = LIMITS[case]
    source = tmp_path / "hostile.xml"
    source.write_bytes(make())
    message = _refused(source, capsys)
    assert words in message
    # libxml2's option names and its own copy of the position were in the message, with a newline
    assert "XML_PARSE_HUGE" not in message and ", line " not in message and "\n" not in message
    assert re.match(rf"{re.escape(str(source))}:\d+:\d+: malformed XML: ", message)


def test_a_word_file_nested_too_deep_names_its_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    source = tmp_path / "deep.docx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("word/document.xml", b"<a>" * 1000 + b"</a>" * 1000)
    message = _refused(source, capsys)
    expected = "word/document.xml: malformed XML: elements nested more than 256 deep (the most XML may nest)"
    assert message == f"{source}:1:771: {expected}"


def test_the_reader_takes_every_depth_the_parser_gives(tmp_path: Path) -> None:
    source = tmp_path / "deep.xml"
    source.write_bytes(_nested(240))  # the statement's own elements nest about a dozen deep
    assert resodiff.read(source) == resodiff.read(SEED)


# -- encodings that are not read: named, not "binary data" or a NUL at 1:1 ----------------------

UNREAD_ENCODINGS = {
    "utf-32-le": (codecs.BOM_UTF32_LE, "utf-32-le", "this is UTF-32 text (resodiff reads UTF-8 or UTF-16)"),
    "utf-32-be": (codecs.BOM_UTF32_BE, "utf-32-be", "this is UTF-32 text (resodiff reads UTF-8 or UTF-16)"),
    "utf-16-without-a-mark": (b"", "utf-16-le", "this is UTF-16 text without a byte-order mark"),
    "binary": (b"\x00\xff", "utf-8", "this is binary data"),  # check once named it '<input>'
}


@pytest.mark.parametrize("encoding", UNREAD_ENCODINGS)
def test_encodings_that_are_not_read_are_named(
    encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mark, codec, words = UNREAD_ENCODINGS[encoding]
    source = tmp_path / "seed.txt"
    source.write_bytes(mark + SEED.read_text("utf-8").encode(codec))
    assert words in _refused(source, capsys)


# -- millions of paragraph markers: refused as they come, not once all are laid out ------------


def test_numbered_paragraphs_past_the_limit_are_refused_where_the_first_one_beyond_stands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESODIFF_MAX_PARAGRAPHS", "1000")
    source = tmp_path / "markers.txt"
    source.write_text("79/1. Title\n\nThe General Assembly,\n\n" + "1.\n" * 50_000, encoding="utf-8")
    message = _refused(source, capsys)
    assert message == f"{source}:1005:1: more than 1,000 numbered paragraphs (limit: RESODIFF_MAX_PARAGRAPHS)"


# -- a batch goes on past every bad input ------------------------------------------------------


def test_convert_reports_every_bad_input_of_a_batch_and_writes_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    (folder / "loop.xml").symlink_to(folder / "loop.xml")  # reading it fails: too many levels of links
    (folder / "dangling.md").symlink_to(tmp_path / "nowhere")
    (folder / "nul.xml").write_bytes(b"<a>\x00</a>")
    (folder / "unreadable.md").write_bytes(SEED.read_bytes())
    real_open = os.open

    def denying(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        # chmod 000 stops no one when the tests run as root: the refusal the kernel would give
        if os.fspath(path).endswith("unreadable.md"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", denying)
    inputs = sorted(str(path) for path in folder.iterdir())
    out = tmp_path / "out"
    assert main(["convert", *inputs, "-o", str(out), "--jobs", "1", "-q"]) == 2
    err = _error(capsys)
    for line in (
        f"{folder / 'dangling.md'}: no such file",
        f"{folder / 'loop.xml'}: cannot read the file: Too many levels of symbolic links",
        f"{folder / 'nul.xml'}:1:4: malformed XML",
        f"{folder / 'unreadable.md'}: cannot read the file: Permission denied",
        "4 of 5 inputs not converted; the others written",
    ):
        assert line in err
    assert sorted(path.name for path in out.iterdir()) == ["good.xml"]
    written, seed = resodiff.read(out / "good.xml"), resodiff.read(SEED)
    assert isinstance(written, resodiff.Resolution)
    assert [p.text for p in written.operative] == [p.text for p in seed.operative]


# -- the reader of a SIGPIPE'd pipe ------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["convert", str(SEED), "--to", "json"],
        ["diff", str(FIXTURES / "fr-illustrative-predecessor-of-79-9.md"), str(SEED), "--format", "json"],
        ["check", str(SEED), "--format", "sarif", "--jobs", "1"],
    ],
    ids=["convert", "diff", "check"],
)
def test_a_reader_that_goes_away_is_no_error(command: list[str]) -> None:
    """``resodiff ... | head -1``: the pipe closes after the first line; nothing on standard
    error (no "Exception ignored", no BrokenPipeError), the status of a process the pipe ended."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "resodiff", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    status = process.wait()
    assert err == b""
    assert status in (0, 1, -signal.SIGPIPE)


# -- what a command is given rather than what it reads: named, no "<input>:" ------------------


def test_validate_names_the_form_of_a_file_that_is_not_akoma_ntoso(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(SEED)]) == 2
    assert (
        f"{SEED}:1:1: not Akoma Ntoso XML but text or Markdown as PDF converters give it: validate checks "
        "Akoma Ntoso files" in _error(capsys)
    )  # it was "malformed XML: Start tag expected" at the text's first line


def test_an_error_of_the_command_line_is_not_put_on_an_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(SEED)]) == 2
    assert _error(capsys) == "resodiff: error: a history needs at least two versions\n"


# -- PDF: a content stream's trailing white space and comments, compressed streams -------------


def _pdf(content: bytes, flate: bool = False) -> bytes:
    """A one-page PDF whose page draws ``content`` (compressed with ``flate``)."""
    import zlib

    stream = zlib.compress(content, 9) if flate else content
    filters = b" /Filter /FlateDecode" if flate else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"xref\n0 5\n0000000000 65535 f \n%strailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        table,
        len(out),
    )


def test_a_content_stream_ending_in_a_comment_draws_no_words_of_it() -> None:
    from resodiff.ingest.pdfglyphs import _operations

    # the comment's words were read as the operators RG and re
    assert _operations(b"0 0 m\n% 1 0 0 RG re\n") == [(b"m", [0, 0])]


def test_a_page_of_white_space_is_read_in_linear_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """400 KB of spaces after the last operator: the lexer tried again from each of them (40 KB
    took a minute, this size would take half an hour); now the page is read at once, and found
    to hold no text."""
    source = tmp_path / "spaces.pdf"
    source.write_bytes(_pdf(b"0 0 m " + b" " * 400_000))
    assert "no text layer" in _refused(source, capsys)


def test_a_pdf_that_inflates_beyond_the_limit_is_refused_before_it_is_inflated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESODIFF_MAX_INPUT_BYTES", "1000000")
    source = tmp_path / "bomb.pdf"
    source.write_bytes(_pdf(b" " * 4_100_000, flate=True))  # 4 KB that inflate to more than 4 × 1 MB
    assert len(source.read_bytes()) < 10_000
    assert "the PDF's streams inflate to more than 4 times the input limit" in _refused(source, capsys)
    source.write_bytes(_pdf(b" " * 3_900_000, flate=True))  # within the budget: read, and no text
    assert "no text layer" in _refused(source, capsys)
