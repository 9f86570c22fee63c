"""resodiff pair: predecessors found by title, agenda item and text; the same results on one
process, on a pool and on a Dask cluster; incomplete runs said to be incomplete."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from resodiff.cli import main
from resodiff.report.pairing import write_session

from .conftest import CASES, CORPUS, FIXTURES, OIC, SEED, needs_corpus


@pytest.fixture
def sessions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    shutil.copy(CASES / "diff-technical" / "old.md", old / "80-21.md")
    shutil.copy(FIXTURES / "draft-chain" / "A_81_L.5.md", old / "L5.md")
    shutil.copy(CASES / "diff-technical" / "new.md", new / "82-17.md")
    shutil.copy(FIXTURES / "en-illustrative-resolution.md", new / "81-12.md")
    (new / "unrelated.md").write_text(
        (CASES / "diff-moved" / "old.md")
        .read_text(encoding="utf-8")
        .replace("80/21. Regional cooperation on shared water resources", "80/99. Oceans and the law of the sea")
        .replace("A/RES/80/21", "A/RES/80/99")
        .replace("Promotion of regional cooperation on water", "Oceans and the law of the sea")
        .replace("water", "ocean")
        .replace("river basin", "coastal"),
        encoding="utf-8",
    )
    return old, new


def test_pairs_found_and_reports_written(sessions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = sessions
    out = tmp_path / "out"
    index = write_session(str(old), str(new), str(out), jobs=1)
    pairs = {entry["new"]: entry["old"] for entry in index["pairs"]}
    assert pairs["A/RES/82/17"] == "A/RES/80/21"
    assert pairs["A/RES/81/12"] == "A/81/L.5"
    assert index["complete"] and index["unreadable"] == []
    for entry in index["pairs"]:
        if entry["old"]:
            assert json.loads((out / entry["report"]).read_text())["summary"]["verdict"] == entry["verdict"]
            assert (out / entry["page"]).read_text().startswith("<!DOCTYPE html>")
    assert json.loads((out / "index.json").read_text())["pairs"] == index["pairs"]
    assert [e["verdict"] for e in index["pairs"]] == sorted(
        (e["verdict"] for e in index["pairs"]),
        key=lambda v: {"substantive": 0, "technical": 1, "identical": 2, None: 3}[v],
    )


def test_same_results_on_a_pool_and_on_dask(sessions: tuple[Path, Path], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="dask distributed is not installed")
    old, new = sessions
    one = write_session(str(old), str(new), str(tmp_path / "one"), jobs=1)
    pool = write_session(str(old), str(new), str(tmp_path / "pool"), jobs=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask = write_session(str(old), str(new), str(tmp_path / "dask"), scheduler=cluster.scheduler_address)
    assert one["pairs"] == pool["pairs"] == dask["pairs"]
    for entry in one["pairs"]:
        if entry["report"]:
            assert (tmp_path / "one" / entry["report"]).read_bytes() == (
                tmp_path / "dask" / entry["report"]
            ).read_bytes()


def test_incomplete_runs_exit_2(
    sessions: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = sessions
    (new / "broken.xml").write_bytes(b"<akomaNtoso><oops")
    out = tmp_path / "out"
    assert main(["pair", str(old), str(new), "-o", str(out), "--jobs", "1"]) == 2
    index = json.loads((out / "index.json").read_text())
    assert index["complete"] is False and index["unreadable"][0]["file"].endswith("broken.xml")
    assert "not read" in capsys.readouterr().err
    assert main(["pair", str(old), str(tmp_path / "missing"), "-o", str(out)]) == 2


@needs_corpus
def test_oic_pair_in_a_session_folder(tmp_path: Path) -> None:
    old, new = tmp_path / "77", tmp_path / "79"
    old.mkdir()
    new.mkdir()
    for name in ("A_RES_77_18-2226540E.xml",):
        shutil.copy(OIC / name, old / name)
    shutil.copy(CORPUS / "77session" / "English" / "A_RES_77_1-2223391E.xml", old / "other.xml")
    shutil.copy(OIC / "A_RES_79_9-2421657E.xml", new / "A_RES_79_9.xml")
    index = write_session(str(old), str(new), str(tmp_path / "out"), jobs=1)
    assert [(e["new"], e["old"], e["verdict"]) for e in index["pairs"]] == [
        ("A/RES/79/9", "A/RES/77/18", "substantive")
    ]


def test_folders_with_two_languages_pair_each_language_apart(sessions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = sessions
    shutil.copy(FIXTURES / "fr-illustrative-predecessor-of-79-9.md", old / "77-18-fr.md")
    shutil.copy(SEED, new / "79-9-fr.md")
    out = tmp_path / "out"
    index = write_session(str(old), str(new), str(out), jobs=1)
    by_new = {(e["new"], e["language"]): e for e in index["pairs"]}
    assert by_new["A/RES/79/9", "fra"]["old"] == "A/RES/77/18"
    assert by_new["A/RES/82/17", "eng"]["old"] == "A/RES/80/21"
    assert index["complete"]
    reports = [e["report"] for e in index["pairs"] if e["report"]]
    assert len(set(reports)) == len(reports) and all((out / name).is_file() for name in reports)
