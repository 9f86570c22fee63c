"""The rules of tracked changes: a Word draft that updates an earlier resolution must show every
change as a tracked change against the issued text.

Read with every change rejected, the draft is the text it was based on; compared with the
previous version by the diff engine (so renumbering, typography and the technical/substantive
classification are the diff's), every difference left is a change made without tracking. A
difference that falls inside text the draft marks as deleted (or moved away) is told apart: the
tracked change is there, but its "original" side is not what the previous version reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Paragraph, Resolution, Revision, SourceSpan
from ..typography import normalize_typography
from . import REGISTRY, Context, Issue

if TYPE_CHECKING:
    from ..diff.report import Change, Segment

#: the changes that leave text of the original in the draft (what a rejection brings back)
_ORIGINAL_SIDE = ("deletion", "move-from")
_EXCERPT = 60


def _comparable(text: str) -> str:
    return " ".join(normalize_typography(text).split())


def _segments(change: Change) -> list[Segment]:
    found = list(change.segments)
    for unit in (*change.items, *change.footnotes):
        found.extend(unit.segments)
    return found


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _words(change: Change) -> str:
    """The words a change deletes and inserts, as ``[-old-]{+new+}`` (cut short)."""
    shown = [
        f"[-{_excerpt(s.text)}-]" if s.op == "delete" else f"{{+{_excerpt(s.text)}+}}"
        for s in _segments(change)
        if s.op != "equal" and s.text.strip()
    ]
    return " ".join(shown[:4]) + (" …" if len(shown) > 4 else "")


def _parts(resolution: Resolution) -> dict[str, tuple[Paragraph, ...]]:
    annexed = tuple(p for annex in resolution.annexes for p in annex.paragraphs)
    return {"preamble": resolution.preamble, "operative": resolution.operative, "annex": annexed}


def _ranges(resolution: Resolution) -> dict[int, tuple[int, int]]:
    """Each paragraph (by identity) and the body paragraphs it takes, as [first, next) ordinals."""
    paragraphs = [p for p in resolution.all_paragraphs() if p.span is not None]
    starts = sorted({p.span.line for p in paragraphs if p.span is not None})
    ranges: dict[int, tuple[int, int]] = {}
    for paragraph in paragraphs:
        assert paragraph.span is not None
        first = paragraph.span.line
        later = [line for line in starts if line > first]
        ranges[id(paragraph)] = (first, later[0] if later else 1 << 30)
    return ranges


def _deletions_in(revisions: tuple[Revision, ...], span: tuple[int, int]) -> list[Revision]:
    first, end = span
    return [
        revision
        for revision in revisions
        if revision.kind in _ORIGINAL_SIDE
        and revision.text.strip()
        and revision.span is not None
        and first <= revision.span.line < end
    ]


def _label(paragraph: Paragraph, index: int) -> str:
    return f"{paragraph.part} paragraph {paragraph.num or f'¶{index}'}"


def _where(change: Change, paragraphs: list[Paragraph], symbol: str) -> str:
    if paragraphs:
        return _label(paragraphs[0], change.new[0])
    number = change.old_numbers[0] if change.old_numbers and change.old_numbers[0] else f"¶{change.old[0]}"
    return f"{change.part} paragraph {number} of {symbol}"


def _matching_deletion(change: Change, paragraphs: list[Paragraph], deletions: list[Revision]) -> Revision | None:
    """The tracked deletion a difference falls inside: text the draft inserted over the previous
    version that a deletion holds (or holds it), or a whole paragraph the deletions take away."""
    if change.kind == "inserted":
        covered = _comparable(" ".join(revision.text for revision in deletions))
        whole = bool(covered) and bool(paragraphs) and _comparable(paragraphs[0].text) in covered
        return deletions[0] if whole else None
    inserted = [_comparable(s.text) for s in _segments(change) if s.op == "insert" and s.text.strip()]
    return next(
        (r for r in deletions if any(p in _comparable(r.text) or _comparable(r.text) in p for p in inserted)),
        None,
    )


def _detail(change: Change, paragraphs: list[Paragraph], where: str, symbol: str) -> str:
    if change.formatting_only:
        return "formatting changed (italics, bold)"
    if change.kind == "modified":
        return _words(change)
    if change.kind == "inserted":
        return f"a paragraph that {symbol} does not have: {_excerpt(paragraphs[0].text) if paragraphs else ''!r}"
    if change.kind == "deleted":
        return f"{where} is not in the draft"
    numbers = ", ".join(str(n) for n in change.old_numbers if n) or "unnumbered"
    return f"{change.kind} ({numbers} in {symbol})"


def _classified(context: Context) -> Iterator[tuple[str, Issue]]:
    """Each difference between the draft with its changes rejected and the previous version:
    ``untracked`` or ``mismatch`` (inside a tracked deletion), with its message and position."""
    original, report = context.original, context.original_report
    if original is None or report is None:
        return
    parts = _parts(original)
    ranges = _ranges(original)
    symbol = report.old.symbol
    last_span: SourceSpan | None = original.meta.span
    for change in report.changes:
        paragraphs = [parts[change.part][index - 1] for index in change.new if index <= len(parts[change.part])]
        span = paragraphs[0].span if paragraphs else last_span
        last_span = paragraphs[-1].span if paragraphs else last_span
        if change.kind == "unchanged":
            continue  # renumbering alone is Word's numbering at work, not a change of the text
        where = _where(change, paragraphs, symbol)
        deletions = [r for p in paragraphs for r in _deletions_in(original.revisions, ranges[id(p)])]
        revision = _matching_deletion(change, paragraphs, deletions)
        if revision is None:
            what = change.change_class or "formatting"
            detail = _detail(change, paragraphs, where, symbol)
            yield "untracked", Issue(f"untracked {what} change in {where}: {detail}", span)
            continue
        old_words = " ".join(s.text for s in _segments(change) if s.op == "delete" and s.text.strip())
        reads = f"which reads {_excerpt(old_words)!r} there" if old_words else "which does not have it"
        author = revision.author or "an unnamed author"
        when = f" ({revision.date})" if revision.date else ""
        message = f"the tracked {revision.kind} of {_excerpt(revision.text)!r} by {author}{when} in {where}"
        yield "mismatch", Issue(f"{message} does not match {symbol}, {reads}.", revision.span or span)


@REGISTRY.rule(
    "P404",
    "untracked-change",
    summary="Every change a Word draft makes to the previous version is shown as a tracked change.",
    rationale="The General Assembly's guidelines ask that a draft based on an earlier resolution show each "
    "change as a tracked change against the issued text; a change typed with tracking off is the commonest "
    "way a change slips through negotiations. The draft is read with every tracked change rejected and "
    "compared with the previous version (--against): what still differs was changed without tracking. "
    "Word drafts only (other forms hold no tracked changes).",
    example="'Urges' typed over 'Calls upon' with tracking off in operative paragraph 4",
    needs_previous=True,
)
def untracked_change(context: Context) -> Iterator[Issue]:
    for kind, issue in _classified(context):
        if kind == "untracked":
            yield issue


@REGISTRY.rule(
    "P405",
    "tracked-change-mismatch",
    summary="What a tracked change deletes (or moves away) is the previous version's text.",
    rationale="A tracked deletion says 'this was the issued text'; when the previous version reads otherwise, "
    "the draft was not based on the issued text (an older draft, a retyped paragraph) and the redline "
    "misleads its readers. Word drafts only.",
    example="a tracked deletion of 'calls upon' where A/RES/77/18 reads 'urges'",
    needs_previous=True,
)
def tracked_change_mismatch(context: Context) -> Iterator[Issue]:
    for kind, issue in _classified(context):
        if kind == "mismatch":
            yield issue
