"""A session's pairing written out: each pair's reports (in the worker that compared it) and the
index as JSON and as a page sorted by verdict."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import make_folder, write_atomically
from .registries import CHANGE_REPORTS, PAIRING_INDEXES
from .registry import RenderOptions
from .templates import template

if TYPE_CHECKING:
    from ..diff.report import ChangeReport


@dataclass(frozen=True, slots=True)
class PairReportWriter:
    """Writes each pair's change report in the given formats into one folder (picklable, so
    that process pools and Dask workers can run it where the pair was compared)."""

    folder: str
    formats: tuple[str, ...] = ("json", "html")

    def __call__(self, stem: str, report: ChangeReport) -> dict[str, str]:
        written = {}
        for name in self.formats:
            renderer = CHANGE_REPORTS[name]
            file_name = stem + renderer.suffix
            write_atomically(str(Path(self.folder) / file_name), renderer.render(report, RenderOptions()))
            written[name] = file_name
        return written


@PAIRING_INDEXES.renderer("json", media_type="application/json", suffix=".json", summary="the index of pairs")
def index_json(index: dict[str, Any], options: RenderOptions | None = None) -> str:
    """A session's pairing index as JSON."""
    return json.dumps(index, ensure_ascii=False, indent=2) + "\n"


@PAIRING_INDEXES.renderer("html", media_type="text/html", suffix=".html", summary="the index as a page, by verdict")
def index_html(index: dict[str, Any], options: RenderOptions | None = None) -> str:
    """A session's pairing index as an HTML page, pairs sorted by verdict."""
    return template("pair-index.html.j2").render(index=index)


def write_session(
    old_dir: str, new_dir: str, out_dir: str, jobs: int = 1, scheduler: str | None = None, progress: bool = True
) -> dict[str, Any]:
    """Pair two sessions and write a report per pair and the index (every index format) into
    ``out_dir`` (a progress bar on a terminal with ``progress``); returns the index."""

    from ..pairing import pair_sessions  # the readers and the diff: loaded when a session is paired

    out = Path(out_dir)
    make_folder(out)
    index = pair_sessions(
        old_dir, new_dir, PairReportWriter(str(out)), jobs=jobs, scheduler=scheduler, progress=progress
    )
    for name in PAIRING_INDEXES:
        write_atomically(str(out / f"index{PAIRING_INDEXES[name].suffix}"), PAIRING_INDEXES.render(name, index))
    return index
