"""A resolution as a series of versions: timeline, paragraph lineage ("blame"), and the newest
version in Akoma Ntoso with a ``lifecycle`` of the versions it descends from.

Versions are ordered by adoption date (a draft by its distribution date), the symbol breaking
ties; each is compared with the one before. A paragraph's lineage follows the comparisons
backwards, through renumbering, moves, splits and merges, to the earliest version that has it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .akn.frbr import frbr_iris
from .diff import diff_resolutions
from .diff.align import similarity
from .diff.report import ChangeReport, ReportPart
from .diff.tokens import word_keys
from .errors import DiffError, InputError, ResodiffError
from .ingest import read
from .model import Resolution
from .typography import normalize_typography

#: consecutive versions are one series when they share at least half their paragraphs, or when
#: their titles are alike (titles change too) and they still share a fifth of them
SHARED_PARAGRAPHS = 0.5
ALIKE_TITLES = 0.6
SHARED_WITH_ALIKE_TITLES = 0.2


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a series, as the timeline lists it (FRBR work and expression IRIs)."""

    symbol: str
    language: str
    date: str
    work_iri: str
    expression_iri: str
    source: str | None
    verdict: str | None  # against the previous version; None for the first


@dataclass(frozen=True, slots=True)
class Lineage:
    """Where a paragraph of the newest version comes from: the version that introduced it and
    those that changed it."""

    part: ReportPart
    position: int
    number: str | None
    introduced_in: str
    changed_in: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class History:
    """A series' versions in order, the change report of each step, and the lineage of every
    paragraph of the newest version."""

    versions: tuple[Version, ...]
    steps: tuple[ChangeReport, ...]
    lineage: tuple[Lineage, ...]
    newest: Resolution
    unreadable: tuple[tuple[str, str], ...] = ()
    """Files given that could not be read (``skip_unreadable``), with the reason."""


def _date(resolution: Resolution) -> str:
    date = resolution.meta.adoption_date or resolution.meta.distribution_date
    if date is None:
        raise InputError(
            f"{resolution.meta.symbol}: no adoption or distribution date, so it cannot be placed in the series",
            file=resolution.source,
        )
    return date


def _title_words(resolution: Resolution) -> Counter[str]:
    return Counter(word_keys(normalize_typography(resolution.meta.title)))


def _shared(report: ChangeReport) -> float:
    paragraphs = sum(len(c.new) for c in report.changes) or 1
    kept = sum(len(c.new) for c in report.changes if c.kind not in ("inserted", "deleted"))
    return kept / paragraphs


def _trace(
    steps: Sequence[ChangeReport], symbols: Sequence[str], part: ReportPart, position: int
) -> tuple[str, tuple[str, ...]]:
    """The version that introduced a paragraph of the newest version, and those that changed it."""
    introduced = symbols[0]
    changed: list[str] = []
    frontier = {position}
    for index in range(len(steps) - 1, -1, -1):
        step = steps[index]
        previous: set[int] = set()
        previous_part = part
        for change in step.changes:
            old_part, new_part = change.parts
            if new_part != part or not frontier.intersection(change.new):
                continue
            if not change.old:
                continue
            previous.update(change.old)
            previous_part = old_part  # a paragraph that went to the other part is followed there
            edited = change.text_changed or change.kind in ("split", "merged")
            if edited and symbols[index + 1] not in changed:
                changed.append(symbols[index + 1])
        if not previous:
            introduced = symbols[index + 1]
            break
        frontier, part = previous, previous_part
    return introduced, tuple(reversed(changed))


def unrelated(older: Resolution, newer: Resolution, report: ChangeReport) -> str | None:
    """Why two documents are not versions of one resolution (too few shared paragraphs for
    titles so unlike), or None when they may be."""
    shared = _shared(report)
    titles = similarity(_title_words(older), _title_words(newer))
    if shared < SHARED_PARAGRAPHS and not (titles >= ALIKE_TITLES and shared >= SHARED_WITH_ALIKE_TITLES):
        return (
            f"{older.meta.symbol} and {newer.meta.symbol} share too few paragraphs ({shared:.0%}) "
            "to be versions of one resolution"
        )
    return None


def reversed_in_time(older: Resolution, newer: Resolution) -> str | None:
    """Why ``newer`` looks older than ``older`` (its adoption or distribution date), or None."""
    before = older.meta.adoption_date or older.meta.distribution_date
    after = newer.meta.adoption_date or newer.meta.distribution_date
    if before and after and after < before:
        return f"{newer.meta.symbol} ({after}) is older than {older.meta.symbol} ({before}): are OLD and NEW swapped?"
    return None


def history(versions: Sequence[Resolution | str | Path], *, skip_unreadable: bool = False) -> History:
    """Order the versions, compare each with the one before, and trace every paragraph.

    With ``skip_unreadable``, a file that cannot be read is left out and listed in the result's
    ``unreadable`` instead of ending the run (a batch goes on past one odd file)."""
    models: list[Resolution] = []
    unreadable: list[tuple[str, str]] = []
    for version in versions:
        if isinstance(version, Resolution):
            models.append(version)
            continue
        try:
            models.append(read(version))
        except ResodiffError as error:
            if not skip_unreadable:
                raise
            unreadable.append((str(version), str(error)))
    if len(models) < 2:
        # what was left out is why there are too few (a whole multi-part publication, above all)
        not_read = "".join(f"; not read: {error}" for _, error in unreadable)
        raise InputError(f"a history needs at least two versions{not_read}")
    languages = {m.meta.language for m in models}
    if len(languages) > 1:
        raise InputError(f"the versions are in several languages ({', '.join(sorted(languages))}); give one language")
    seen: dict[tuple[str, str], str | None] = {}
    for model in models:
        key = (model.meta.symbol, _date(model))
        if key in seen:
            raise InputError(f"{model.meta.symbol} of {key[1]} is given twice (also {seen[key]})", file=model.source)
        seen[key] = model.source
    ordered = sorted(models, key=lambda m: (_date(m), m.meta.symbol))
    steps = []
    for older, newer in zip(ordered, ordered[1:], strict=False):
        report = diff_resolutions(older, newer)
        if (reason := unrelated(older, newer, report)) is not None:
            raise DiffError(reason, file=newer.source)
        steps.append(report)
    symbols = [m.meta.symbol for m in ordered]
    timeline = []
    for index, model in enumerate(ordered):
        iris = frbr_iris(model.meta)
        verdict = steps[index - 1].verdict if index else None
        timeline.append(
            Version(
                model.meta.symbol, model.meta.language, _date(model), iris.work, iris.expression, model.source, verdict
            )
        )
    newest = ordered[-1]
    lineage = []
    for part, paragraphs in (("preamble", newest.preamble), ("operative", newest.operative)):
        for position, paragraph in enumerate(paragraphs, start=1):
            introduced, changed = _trace(steps, symbols, part, position)  # type: ignore[arg-type]
            lineage.append(Lineage(part, position, paragraph.num, introduced, changed))  # type: ignore[arg-type]
    return History(tuple(timeline), tuple(steps), tuple(lineage), newest, tuple(unreadable))
