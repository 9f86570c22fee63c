"""What a change is called in the reports people read (terminal text, Markdown): the part and the
paragraph on each side, each paragraph by its printed number or, where it has none (preambular
paragraphs), by its position (``¶3``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..diff.report import Change

#: the words of a reason a one-line report names on each side; the JSON keeps them all
SHOWN_REASON_WORDS = 6


def _side(positions: tuple[int, ...], numbers: tuple[str | None, ...]) -> str:
    padded = numbers + (None,) * (len(positions) - len(numbers))
    return " + ".join(
        number.strip().rstrip(".") if number and number.strip() else f"¶{position}"
        for position, number in zip(positions, padded, strict=False)
    )


def change_place(change: Change, words: Mapping[str, str]) -> str:
    """``operative 13 → 15``, ``preamble ¶5`` (same place on both sides), ``operative 8`` (a
    paragraph on one side only: inserted or deleted), ``preamble ¶29 → operative 1`` (a
    paragraph that went to the other part), the parts named in the report's language."""
    part = words[f"row.{change.part}"]
    old, new = _side(change.old, change.old_numbers), _side(change.new, change.new_numbers)
    if change.new_part is not None:
        return f"{part} {old} → {words[f'row.{change.new_part}']} {new}"
    if not old or not new or old == new:
        return f"{part} {new or old}"
    return f"{part} {old} → {new}"


def change_kind(change: Change, words: Mapping[str, str]) -> str:
    """The kind of a change in the report's language; for a paragraph that went to the other
    part, where from and where to ("moved from the preamble to the operative part")."""
    if change.new_part is not None:
        return words[f"across.{change.part}.{change.new_part}"]
    return words[f"kind.{change.kind}"]


def shows_text(change: Change) -> bool:
    """Whether a report prints the paragraph's text: whenever it changed, and for a paragraph
    inserted, deleted, moved, split or merged, so that the reader sees which one it is (a
    paragraph modified only in its footnotes shows the footnotes)."""
    return change.text_changed or change.kind != "modified"


def change_reason(change: Change, words: Mapping[str, str], quote: Callable[[str], str]) -> str:
    """Why the change is technical or substantive, on one line in the report's language: the
    rule, then the words that made it so (``Why: the opening word changed: Noting → Recalling``),
    each passed through the renderer's ``quote``; empty where the diff gave no reason."""
    reason = change.reason
    if reason is None:
        return ""

    def listed(side: tuple[str, ...]) -> str:
        shown = ", ".join(quote(word) for word in side[:SHOWN_REASON_WORDS])
        return shown + (", …" if len(side) > SHOWN_REASON_WORDS else "")

    deleted, inserted = listed(reason.deleted), listed(reason.inserted)
    if deleted and inserted:
        value = f"{words[f'why.{reason.rule}']}: {deleted} → {inserted}"
    elif deleted or inserted:
        value = f"{words[f'why.{reason.rule}']}: " + (f"−{deleted}" if deleted else f"+{inserted}")
    else:
        value = words[f"why.{reason.rule}"]
    return words["report.labelled"].format(label=words["report.why"], value=value)
