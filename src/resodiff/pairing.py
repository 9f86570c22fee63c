"""Whole session against the previous one: find each resolution's predecessor, compare each
pair, and give the index of the session (data: writing reports is the caller's ``publish``).

A predecessor is the earlier resolution of the same series. Titles change, so the score mixes
three things: the titles' words (Dice), the agenda item (same item, same item title), and the
words of the whole texts; pairs are taken best first, each earlier resolution at most once. A
pair is refused, whatever its score, where the titles name different subjects or a changed title
has neither the agenda item nor the text to back it (docs/pairing.md).

The work is many independent pairs: it runs on a process pool on one machine, or on a Dask
distributed cluster (``scheduler`` address). The same function does each pair either way, so the
results are the same.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

from .diff import diff_resolutions
from .diff.align import similarity
from .diff.classify import technical_words
from .diff.report import ChangeReport
from .diff.tokens import word_keys
from .errors import InputError, ResodiffError
from .ingest import read_collection
from .model import plain_text
from .spans import file_label
from .typography import normalize_typography

T = TypeVar("T")
R = TypeVar("R")
TITLE_WEIGHT, AGENDA_WEIGHT, TEXT_WEIGHT = 0.45, 0.15, 0.40
MIN_SCORE = 0.45
#: a changed title needs agenda items whose titles share half their words, or texts that share
#: three fifths of theirs
AGENDA_AGREES, TEXT_AGREES = 0.5, 0.6
CANDIDATES = 12
#: a word of a title as printed, hyphenated compounds whole ("Inter-Parliamentary", "Follow-up")
_TITLE_WORD = re.compile(r"\w+(?:[-‑]\w+)*")


@dataclass(frozen=True, slots=True)
class Profile:
    """What pairing needs of one resolution."""

    path: str
    part: int  # which resolution of the file (the parts of a multi-part publication)
    symbol: str
    language: str
    title: Counter[str]
    agenda_item: str | None
    agenda_title: Counter[str]
    text: Counter[str]
    title_names: frozenset[str] = frozenset()
    """The names the title gives its subject: its capitalised words but the first (case folded),
    number words aside ("Third")."""


@dataclass(frozen=True, slots=True)
class Match:
    """A resolution of the new session and its predecessor (None when none scored enough)."""

    new: Profile
    old: Profile | None
    score: float


def _words(text: str | None) -> Counter[str]:
    return Counter(word_keys(normalize_typography(text or "")))


def title_names(title: str | None, language: str) -> frozenset[str]:
    """The capitalised words of a title but its first, which the title's case gives, and its
    number words ("Follow-up to the Third United Nations Conference"), which name no subject."""
    words = _TITLE_WORD.findall(normalize_typography(title or ""))[1:]
    numbers = technical_words(language)
    return frozenset(w.casefold() for w in words if w[:1].isupper() and w.casefold() not in numbers)


def other_subject(new: Profile, old: Profile) -> bool:
    """Whether two titles name different subjects: each has a name the other lacks (World Horse
    Day and World Basketball Day, the Ethics Office and the Office of Internal Oversight
    Services, Cambodia and Senegal and Solomon Islands). A series keeps its subject's name: a
    title extended with a name ("... of Ukraine, including the Autonomous Republic of Crimea")
    or cut down is still the series."""
    return bool(new.title_names - old.title_names) and bool(old.title_names - new.title_names)


def profiles(path: str) -> list[Profile] | str:
    """The profiles of a file's resolutions, or the reason it cannot be read."""
    try:
        resolutions = read_collection(path)
    except ResodiffError as error:
        return str(error)
    found = []
    for part, resolution in enumerate(resolutions):
        text = " ".join(plain_text(p.all_inlines()) for p in resolution.paragraphs())
        meta = resolution.meta
        found.append(
            Profile(
                path,
                part,
                meta.symbol,
                meta.language,
                _words(meta.title),
                meta.agenda_item,
                _words(meta.agenda_title),
                _words(text),
                title_names(meta.title, meta.language),
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class Evidence:
    """How much two resolutions agree, each from 0 to 1: titles, agenda items, texts (Dice)."""

    title: float
    agenda: float
    text: float

    @property
    def score(self) -> float:
        return TITLE_WEIGHT * self.title + AGENDA_WEIGHT * self.agenda + TEXT_WEIGHT * self.text

    @property
    def title_alone(self) -> bool:
        """Whether a changed title is all that joins the two: titles are short and formulaic
        ("International Day of …", "Request for an advisory opinion of the International Court
        of Justice on …"), so two resolutions of one frame share most of theirs; a series with a
        changed title keeps its agenda item, or its text."""
        return self.title < 1 and self.agenda < AGENDA_AGREES and self.text < TEXT_AGREES


def evidence(new: Profile, old: Profile) -> Evidence:
    """What joins ``old`` to ``new``: the same agenda item counts as agenda 1, else the
    similarity of the items' titles."""
    agenda = 0.0
    if new.agenda_item and new.agenda_item == old.agenda_item:
        agenda = 1.0
    elif new.agenda_title and old.agenda_title:
        agenda = similarity(new.agenda_title, old.agenda_title)
    return Evidence(similarity(new.title, old.title), agenda, similarity(new.text, old.text))


def score(new: Profile, old: Profile) -> float:
    """How likely ``old`` is ``new``'s predecessor (0 to 1): title, agenda item and text together."""
    return evidence(new, old).score


def predecessor_score(new: Profile, old: Profile) -> float | None:
    """The score of ``old`` as ``new``'s predecessor, or None where the pair is refused: a score
    under MIN_SCORE, titles that name different subjects, or a changed title with neither the
    agenda item nor the text to back it."""
    found = evidence(new, old)
    if found.score < MIN_SCORE or found.title_alone or other_subject(new, old):
        return None
    return found.score


def match(news: Sequence[Profile], olds: Sequence[Profile]) -> list[Match]:
    """Best pairs first; each earlier resolution is the predecessor of one later one at most."""
    candidates: list[tuple[float, int, int]] = []
    for j, new in enumerate(news):
        by_title = sorted(range(len(olds)), key=lambda i: (-similarity(new.title, olds[i].title), olds[i].symbol))
        agenda_mates = [i for i, old in enumerate(olds) if new.agenda_item and old.agenda_item == new.agenda_item]
        for i in dict.fromkeys(by_title[:CANDIDATES] + agenda_mates):
            value = predecessor_score(new, olds[i])
            if value is not None:
                candidates.append((value, j, i))
    candidates.sort(key=lambda c: (-c[0], news[c[1]].symbol, olds[c[2]].symbol))
    chosen: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for value, j, i in candidates:
        if j in chosen or i in taken:
            continue
        chosen[j] = (i, value)
        taken.add(i)
    return [
        Match(new, olds[chosen[j][0]] if j in chosen else None, round(chosen[j][1], 3) if j in chosen else 0.0)
        for j, new in enumerate(news)
    ]


#: writes a pair's reports where it is compared (a process or a Dask worker, so it must pickle):
#: given the file stem and the report, returns the names of the files it wrote, by format
Publish = Callable[[str, ChangeReport], dict[str, str]]
_MAX_STEM = 80


def report_stems(symbols: Sequence[str]) -> list[str]:
    """A file stem per symbol: safe characters only, short, and unique (case aside, as on many
    file systems), none of them ``index``: no report overwrites another or the index."""
    taken = {"index"}
    stems = []
    for symbol in symbols:
        base = re.sub(r"[^A-Za-z0-9.-]+", "_", symbol).strip("._-")[:_MAX_STEM] or "resolution"
        stem, copy = base, 1
        while stem.lower() in taken:
            copy += 1
            stem = f"{base}-{copy}"
        taken.add(stem.lower())
        stems.append(stem)
    return stems


def compare_pair(publish: Publish, task: tuple[str, int, str, int, str]) -> dict[str, Any]:
    """Diff one pair and publish its reports; runs in a worker (a process or a Dask worker)."""
    old_path, old_part, new_path, new_part, stem = task
    old, new = read_collection(old_path)[old_part], read_collection(new_path)[new_part]
    report = diff_resolutions(old, new)
    return {"verdict": report.verdict, "files": publish(stem, report)}


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _run_local(function: Callable[[Any], Any], tasks: Sequence[Any], jobs: int, progress: bool) -> list[Any]:
    if jobs <= 1:
        results = []
        for done, task in enumerate(tasks, start=1):
            results.append(function(task))
            if progress:
                _progress(done, len(tasks))
        return results
    from concurrent.futures import ProcessPoolExecutor  # a pool only for many tasks: kept out of start-up

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = []
        for done, result in enumerate(pool.map(function, tasks, chunksize=4), start=1):
            results.append(result)
            if progress:
                _progress(done, len(tasks))
        return results


def _run_dask(function: Callable[[Any], Any], tasks: Sequence[Any], scheduler: str, progress: bool) -> list[Any]:
    from distributed import Client, as_completed

    with Client(scheduler) as client:  # type: ignore[no-untyped-call]
        futures = client.map(function, tasks, pure=False)
        position = {future.key: index for index, future in enumerate(futures)}
        results: list[Any] = [None] * len(tasks)
        for done, future in enumerate(as_completed(futures), start=1):  # type: ignore[no-untyped-call]
            results[position[future.key]] = future.result()
            if progress:
                _progress(done, len(tasks))
        return results


@dataclass(frozen=True, slots=True)
class Settled(Generic[T, R]):
    """``function`` with the input errors it raises returned instead (picklable, for the pool):
    every task gives its outcome, in order, and the caller raises the first error where one
    process would have raised it."""

    function: Callable[[T], R]

    def __call__(self, task: T) -> R | ResodiffError:
        try:
            return self.function(task)
        except ResodiffError as error:
            return error


def run(
    function: Callable[[Any], Any],
    tasks: Sequence[Any],
    jobs: int = 1,
    scheduler: str | None = None,
    progress: bool = True,
) -> list[Any]:
    """Apply ``function`` to every task, in order, on a process pool or a Dask cluster; with
    ``progress``, a progress bar on standard error when it is a terminal."""
    if scheduler:
        return _run_dask(function, tasks, scheduler, progress)
    return _run_local(function, tasks, jobs, progress)


def _xml_or_text(folder: Path) -> list[str]:
    if not folder.is_dir():
        raise InputError("not a folder", file=str(folder))
    files = sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in {".xml", ".md", ".txt"})
    if not files:
        raise InputError("no resolution files (.xml, .md, .txt) in the folder", file=str(folder))
    return files


def pair_sessions(
    old_dir: str, new_dir: str, publish: Publish, jobs: int = 1, scheduler: str | None = None, progress: bool = True
) -> dict[str, Any]:
    """Pair every resolution of ``new_dir`` with its predecessor in ``old_dir``, compare each pair
    and ``publish`` its report (a progress bar on a terminal with ``progress``); returns the index."""
    old_files, new_files = _xml_or_text(Path(old_dir)), _xml_or_text(Path(new_dir))
    found = run(profiles, old_files + new_files, jobs, scheduler, progress)
    olds = [p for result in found[: len(old_files)] if not isinstance(result, str) for p in result]
    news = [p for result in found[len(old_files) :] if not isinstance(result, str) for p in result]
    unreadable = [
        {"file": file_label(path), "error": reason}
        for path, reason in zip(old_files + new_files, found, strict=True)
        if isinstance(reason, str)
    ]
    # a predecessor is in the same language: folders that hold several languages pair each apart
    languages = sorted({p.language for p in news})
    matches = [
        m
        for language in languages
        for m in match([n for n in news if n.language == language], [o for o in olds if o.language == language])
    ]
    paired = [m for m in matches if m.old]
    several = len(languages) > 1
    stems = report_stems([f"{m.new.symbol} {m.new.language}" if several else m.new.symbol for m in paired])
    tasks = [
        (m.old.path, m.old.part, m.new.path, m.new.part, stem) for m, stem in zip(paired, stems, strict=True) if m.old
    ]
    results = iter(run(partial(compare_pair, publish), tasks, jobs, scheduler, progress))
    order: dict[str | None, int] = {"substantive": 0, "technical": 1, "identical": 2, None: 3}
    entries: list[dict[str, Any]] = []
    for m in matches:
        result = next(results) if m.old else {"verdict": None, "files": {}}
        entries.append(
            {
                "new": m.new.symbol,
                "old": m.old.symbol if m.old else None,
                "language": m.new.language,
                "score": m.score,
                "verdict": result["verdict"],
                "report": result["files"].get("json"),
                "page": result["files"].get("html"),
            }
        )
    entries.sort(key=lambda e: (order[e["verdict"]], e["new"], e["language"]))
    index = {
        "old_dir": file_label(old_dir),
        "new_dir": file_label(new_dir),
        "complete": not unreadable,
        "pairs": entries,
        "without_predecessor": [e["new"] for e in entries if e["old"] is None],
        "unreadable": unreadable,
        "settings": {
            "title": TITLE_WEIGHT,
            "agenda": AGENDA_WEIGHT,
            "text": TEXT_WEIGHT,
            "min_score": MIN_SCORE,
            "agenda_agrees": AGENDA_AGREES,
            "text_agrees": TEXT_AGREES,
        },
    }
    return index
