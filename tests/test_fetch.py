"""Resolutions by symbol: ``resodiff fetch`` and symbols in place of files, against a server on the
loopback address that serves a session folder's listing the way GitHub's contents API does, and
AKN files written at test time from our own texts. No test here (or anywhere) uses the network."""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

import resodiff
import resodiff.fetch
from resodiff.akn import to_akn_bytes
from resodiff.cli import main
from resodiff.errors import FetchError
from resodiff.fetch import cache_folder, fetch, is_symbol

from .conftest import FIXTURES, SEED

PREDECESSOR = FIXTURES / "fr-illustrative-predecessor-of-79-9.md"  # reads as A/RES/77/18, French


@dataclass
class Server:
    """Files by URL path; every request's path is recorded."""

    files: dict[str, bytes] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    base: str = ""
    status: dict[str, int] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)

    def folder(self, folder: str, files: dict[str, bytes]) -> None:
        """A session folder: its files, and its listing in the shape of GitHub's contents API."""
        listing = [
            {"name": name, "type": "file", "size": len(data), "download_url": f"{self.base}/raw/{folder}/{quote(name)}"}
            for name, data in files.items()
        ]
        listing.append({"name": "README.md", "type": "dir", "download_url": None})
        self.files[f"/contents/{folder}"] = json.dumps(listing).encode()
        for name, data in files.items():
            self.files[f"/raw/{folder}/{name}"] = data


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Server]:
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            state.requests.append(self.path)
            path = unquote(self.path)
            if path in state.redirects:
                self.send_response(302)
                self.send_header("Location", state.redirects[path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data = state.files.get(path)
            status = state.status.get(path, 200 if data is not None else 404)
            self.send_response(status)
            self.send_header("Content-Length", str(len(data or b"")))
            self.end_headers()
            self.wfile.write(data or b"")

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    monkeypatch.setenv("RESODIFF_FETCH_BASE", f"{state.base}/contents")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def akn(path: Path) -> bytes:
    return to_akn_bytes(resodiff.read(path))


@pytest.fixture
def oic(server: Server) -> Server:
    """79/9 (the seed) and an illustrative 77/18, in French, in DGACM's folders and file names."""
    server.folder("79session/French", {"A_RES_79_9-2421657F.xml": akn(SEED), "A_RES_79_1-2416433F.xml": b"<x/>"})
    server.folder("77session/French", {"A_RES_77_18-2226540F.xml": akn(PREDECESSOR)})
    return server


def test_fetch_downloads_once_then_reads_the_cache(oic: Server, tmp_path: Path) -> None:
    first = fetch("A/RES/79/9", "fr")
    assert first.url == f"{oic.base}/raw/79session/French/A_RES_79_9-2421657F.xml"
    assert first.path.is_relative_to(tmp_path / "cache" / "resodiff")
    assert first.path.read_bytes() == akn(SEED)
    assert oic.requests == ["/contents/79session/French", "/raw/79session/French/A_RES_79_9-2421657F.xml"]

    again = fetch("A/RES/79/9", "fra")  # a code names the language as well as a tag
    assert again.url is None and again.path == first.path
    assert len(oic.requests) == 2, "a cached file is read without asking the server"

    fetch("A/RES/79/9", "fr", refresh=True)
    assert len(oic.requests) == 4


def test_fetch_command_writes_the_file_or_prints_its_path(
    oic: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "79-9.xml"
    assert main(["fetch", "A/RES/79/9", "--lang", "fr", "-o", str(output)]) == 0
    assert resodiff.read(output) == resodiff.read(SEED)
    assert "A/RES/79/9 (fra): downloaded from http://127.0.0.1:" in capsys.readouterr().err

    assert main(["fetch", "A/RES/79/9", "--lang", "fr"]) == 0
    captured = capsys.readouterr()
    assert Path(captured.out.strip()).read_bytes() == output.read_bytes()
    assert "from the cache" in captured.err
    assert len(oic.requests) == 2


def test_diff_takes_symbols_for_files(oic: Server, tmp_path: Path) -> None:
    by_symbol, by_file = tmp_path / "by-symbol.json", tmp_path / "by-file.json"
    old, new = tmp_path / "old.xml", tmp_path / "new.xml"
    old.write_bytes(akn(PREDECESSOR))
    new.write_bytes(akn(SEED))
    args = ["--lang", "fr", "--format", "json", "-o"]
    assert main(["diff", "A/RES/77/18", "A/RES/79/9", *args, str(by_symbol)]) == 1
    assert main(["diff", str(old), str(new), *args, str(by_file)]) == 1
    fetched, local = json.loads(by_symbol.read_text()), json.loads(by_file.read_text())
    assert (fetched["old"]["symbol"], fetched["new"]["symbol"]) == ("A/RES/77/18", "A/RES/79/9")
    assert fetched["old"]["source"] == str(fetch("A/RES/77/18", "fr").path)
    for side in ("old", "new"):
        fetched[side]["source"] = local[side]["source"]
    assert fetched == local


@pytest.mark.parametrize(
    ("command", "statuses"),
    [
        (["validate", "A/RES/79/9", "A/RES/77/18", "-q"], {0}),
        (["convert", "A/RES/79/9", "--to", "text"], {0}),
        (["check", "A/RES/79/9", "--against", "A/RES/77/18", "--format", "json"], {0, 1}),
        (["history", "A/RES/79/9", "A/RES/77/18", "--format", "json"], {0}),
    ],
)
def test_every_command_that_reads_files_takes_symbols(
    oic: Server, command: list[str], statuses: set[int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, "--lang", "fr"]) in statuses
    captured = capsys.readouterr()
    assert "error" not in captured.err
    assert "/raw/79session/French/A_RES_79_9-2421657F.xml" in oic.requests


def test_a_symbol_mixes_with_a_file(oic: Server, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(PREDECESSOR), "A/RES/79/9", "--lang", "fr", "--color", "never"]) == 1
    assert "A/RES/79/9" in capsys.readouterr().out


def test_an_existing_file_named_like_a_symbol_is_that_file(
    oic: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    local = tmp_path / "A" / "RES" / "79" / "9"
    local.parent.mkdir(parents=True)
    local.write_bytes(SEED.read_bytes())
    assert not is_symbol("A/RES/79/9") and is_symbol("A/RES/79/10")
    assert main(["convert", "A/RES/79/9", "--to", "json", "-o", str(tmp_path / "out.json")]) == 0
    assert oic.requests == []


def test_offline_says_so_and_exits_2(
    server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert main(["diff", "A/RES/77/18", "A/RES/79/9", "--source", f"http://127.0.0.1:{port}/contents"]) == 2
    err = capsys.readouterr().err
    assert f"cannot reach 127.0.0.1:{port}" in err and "use a file, or try again online" in err
    assert "Traceback" not in err and "internal error" not in err


def test_an_unknown_resolution_is_named(oic: Server, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", "A/RES/79/999", "--lang", "fr"]) == 2
    assert f"no such resolution at {oic.base}/contents/79session/French" in capsys.readouterr().err
    assert main(["fetch", "A/RES/12/1", "--lang", "fr"]) == 2
    assert f"no such resolution at {oic.base}/contents/12session/French" in capsys.readouterr().err
    assert main(["fetch", "A/RES/79/9", "--lang", "ru"]) == 2  # no Russian folder on this server
    assert "no such resolution" in capsys.readouterr().err


def test_a_file_gone_from_its_link_is_named(oic: Server) -> None:
    del oic.files["/raw/79session/French/A_RES_79_9-2421657F.xml"]
    with pytest.raises(FetchError, match=r"no such resolution at http://127\.0\.0\.1:\d+/raw/79session/French/A_RES"):
        fetch("A/RES/79/9", "fr")


def test_server_errors_and_bad_answers_are_errors_not_files(oic: Server) -> None:
    oic.status["/contents/77session/French"] = 500
    with pytest.raises(FetchError, match="answered 500"):
        fetch("A/RES/77/18", "fr")
    with pytest.raises(FetchError, match="did not send an Akoma Ntoso file"):
        oic.files["/raw/79session/French/A_RES_79_9-2421657F.xml"] = SEED.read_bytes()
        fetch("A/RES/79/9", "fr")
    oic.files["/contents/79session/French"] = b"<html>rate limited</html>"
    with pytest.raises(FetchError, match="did not answer with a folder listing"):
        fetch("A/RES/79/9", "fr")
    assert not any((cache_folder()).rglob("*.xml")), "nothing that failed is cached"


def test_answers_larger_than_the_limit_are_refused(oic: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESODIFF_MAX_INPUT_BYTES", "1000")
    with pytest.raises(FetchError, match="resodiff reads at most 1,000"):
        fetch("A/RES/79/9", "fr")


@pytest.mark.parametrize(
    ("symbol", "names", "chosen", "part"),
    [
        ("A/RES/79/9", ["A_RES_79_9-2421657F.xml", "A_RES_79_9-2421657F_reissue.xml"], 1, None),
        ("A/RES/79/9", ["A_RES_79_90-2423000F.xml", "A_RES_79_9-2421657F.xml"], 1, None),
        ("A/RES/77/253 B", ["A_RES_77_253 A-2313517F.xml", "A_RES_77_253 B-2313518F.xml"], 1, "B"),
        ("A/RES/77/290 B", ["A_RES_77_290B_2312999F.xml", "A_RES_77_290_2312998F.xml"], 0, "B"),
        ("A/RES/79/93 B", ["A_RES_79_93 A-C-2423000F.xml"], 0, "B"),
        ("A/RES/79/93", ["A_RES_79_93 A-C-2423000F.xml"], 0, None),
        ("A/RES/75/101", ["75_101A-B_F.xml", "75_10_F.xml"], 0, None),
        ("A/RES/75/10", ["75_101A-B_F.xml", "75_10_F.xml"], 1, None),
        ("A/RES/79/9", ["A_RES_79_9-2421657E.xml", "A_RES_79_9-2421657F.xml"], 1, None),
    ],
)
def test_dgacm_file_names(server: Server, symbol: str, names: list[str], chosen: int, part: str | None) -> None:
    session = symbol.split("/")[2]
    server.folder(f"{session}session/French", {name: akn(SEED) for name in names})
    fetched = fetch(symbol, "fr")
    assert fetched.url is not None and fetched.url.endswith("/" + quote(names[chosen]))
    assert fetched.part == part
    assert fetched.readable == (f"{fetched.path}#{part}" if part else str(fetched.path))


@pytest.mark.parametrize(
    ("symbol", "names"),
    [
        ("A/RES/79/93 D", ["A_RES_79_93 A-C-2423000F.xml"]),
        ("A/RES/77/253", ["A_RES_77_253 A-2313517F.xml"]),
        ("A/RES/77/253 A", ["A_RES_77_253-2313517F.xml"]),
    ],
)
def test_parts_that_are_not_published_are_not_found(server: Server, symbol: str, names: list[str]) -> None:
    session = symbol.split("/")[2]
    server.folder(f"{session}session/French", {name: akn(SEED) for name in names})
    with pytest.raises(FetchError, match="no such resolution"):
        fetch(symbol, "fr")


@pytest.mark.parametrize(
    ("symbol", "language", "source", "message"),
    [
        ("A/79/L.9", "fr", None, "is not the symbol of a General Assembly resolution"),
        ("A/RES/79/9", "de", None, "no UN documents in the language 'de'; languages: ar, en, es, fr, ru, zh"),
        ("A/RES/79/9", "fr", "file:///etc", "must be an http or https URL"),
    ],
)
def test_what_cannot_be_fetched_is_refused_before_any_request(
    server: Server, symbol: str, language: str, source: str | None, message: str
) -> None:
    with pytest.raises(FetchError, match=message):
        fetch(symbol, language, source=source)
    assert server.requests == []


def test_links_to_other_schemes_are_refused(server: Server) -> None:
    listing = [{"name": "A_RES_79_9-2421657F.xml", "type": "file", "download_url": "file:///etc/passwd"}]
    server.files["/contents/79session/French"] = json.dumps(listing).encode()
    with pytest.raises(FetchError, match="no http or https URL"):
        fetch("A/RES/79/9", "fr")


def test_each_source_has_its_own_cache(oic: Server) -> None:
    first = fetch("A/RES/79/9", "fr")
    other = fetch("A/RES/79/9", "fr", source=f"{oic.base}/contents/")
    assert other.path == first.path, "a trailing slash names the same source"
    with pytest.raises(FetchError, match="no such resolution"):
        fetch("A/RES/79/9", "fr", source=f"{oic.base}/mirror")


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"XDG_CACHE_HOME": "/xdg", "HOME": "/home/u"}, "linux", "/xdg/resodiff"),
        ({"XDG_CACHE_HOME": "relative", "HOME": "/home/u"}, "linux", "/home/u/.cache/resodiff"),
        ({"HOME": "/home/u"}, "linux", "/home/u/.cache/resodiff"),
        ({"HOME": "/Users/u"}, "darwin", "/Users/u/Library/Caches/resodiff"),
        ({"HOME": "/h", "LOCALAPPDATA": "/AppData/Local"}, "win32", "/AppData/Local/resodiff/Cache"),
    ],
)
def test_cache_folder_by_platform(environ: dict[str, str], platform: str, expected: str) -> None:
    assert cache_folder(environ, platform) == Path(expected)


#: the head and tail of a PDF: enough for the fetcher, which keeps what it is sent (reading PDFs
#: is the PDF reader's business, tested with real PDFs made at test time)
PDF_BYTES = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture
def ods(server: Server, monkeypatch: pytest.MonkeyPatch) -> Server:
    """The Official Document System's short addresses: /{language}/{symbol} redirects to the PDF."""
    server.files["/files/N2437512.pdf"] = PDF_BYTES
    server.redirects["/fr/A/RES/79/9"] = "/files/N2437512.pdf"
    server.files["/fr/A/RES/79/10"] = b"<html><body>Document not found</body></html>"
    monkeypatch.setenv("RESODIFF_PDF_BASE", server.base)
    return server


def test_fetch_pdf_follows_the_redirect_and_caches(
    ods: Server, oic: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    first = fetch("A/RES/79/9", "fr", form="pdf")
    assert first.path.read_bytes() == PDF_BYTES and first.path.suffix == ".pdf"
    assert first.url == f"{ods.base}/fr/A/RES/79/9"
    assert ods.requests == ["/fr/A/RES/79/9", "/files/N2437512.pdf"]
    assert fetch("A/RES/79/9", "fra", form="pdf").url is None, "a cached PDF is read without asking again"
    assert fetch("A/RES/79/9", "fr").path.suffix == ".xml", "the AKN file and the PDF are kept apart"

    assert main(["fetch", "A/RES/79/9", "--lang", "fr", "--pdf"]) == 0
    assert Path(capsys.readouterr().out.strip()) == first.path


def test_fetch_pdf_refuses_what_is_no_pdf(ods: Server, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", "A/RES/79/10", "--lang", "fr", "--pdf"]) == 2
    err = capsys.readouterr().err
    assert f"{ods.base}/fr/A/RES/79/10 did not send a PDF for A/RES/79/10" in err
    assert main(["fetch", "A/RES/79/11", "--lang", "fr", "--pdf"]) == 2
    assert f"no such resolution at {ods.base}/fr/A/RES/79/11" in capsys.readouterr().err
    assert not list((Path(os.environ["XDG_CACHE_HOME"]) / "resodiff").rglob("*.pdf")), "nothing half-kept"


def test_fetch_names_the_forms_it_knows(server: Server) -> None:
    with pytest.raises(FetchError, match="fetched as akn or pdf, not 'docx'"):
        fetch("A/RES/79/9", "fr", form="docx")
