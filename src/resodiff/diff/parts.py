"""Multi-part publications compared part by part: A with A, B with B.

Parts are paired by their letter; a part on one side only is itself a change (a resolution
added to or dropped from the publication), never compared with another letter's. One resolution
against a publication compares the part of the resolution's own letter, or is refused with the
parts to choose from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import DiffError
from ..model import Metadata, Publication, Resolution
from .engine import diff_resolutions
from .report import ChangeReport, DocumentInfo, Verdict

PartKind = Literal["compared", "inserted", "deleted"]
_VERDICTS: tuple[Verdict, ...] = ("identical", "technical", "substantive")


@dataclass(frozen=True, slots=True)
class PartComparison:
    """One letter of the publications: its change report where both have the part, else the
    one version that has it (``inserted``: the new one only; ``deleted``: the old one only)."""

    letter: str
    old: DocumentInfo | None
    new: DocumentInfo | None
    report: ChangeReport | None
    document: Resolution | None = field(default=None, compare=False, repr=False)
    """The one version of a part on one side only, for renderers that print it whole (Word)."""

    @property
    def kind(self) -> PartKind:
        """``compared`` where both versions have the part, else ``inserted`` or ``deleted``."""
        if self.report is not None:
            return "compared"
        return "inserted" if self.old is None else "deleted"

    @property
    def verdict(self) -> Verdict:
        """The part's verdict; a resolution added or dropped is a substantive change."""
        return self.report.verdict if self.report is not None else "substantive"


@dataclass(frozen=True, slots=True)
class PartsReport:
    """Two versions of a multi-part publication compared part by part, in letter order."""

    old: DocumentInfo
    new: DocumentInfo
    parts: tuple[PartComparison, ...]

    @property
    def verdict(self) -> Verdict:
        """The gravest of the parts' verdicts."""
        return max((part.verdict for part in self.parts), key=_VERDICTS.index, default="identical")

    @property
    def has_content_changes(self) -> bool:
        """Whether any part changed in content, or is on one side only."""
        return self.verdict != "identical"


def _info(meta: Metadata, source: str | None) -> DocumentInfo:
    return DocumentInfo(meta.symbol, meta.language, meta.title, meta.adoption_date or meta.distribution_date, source)


def diff_publications(old: Publication, new: Publication) -> PartsReport:
    """Compare two versions of a multi-part publication, part by part (paired by letter)."""
    letters = sorted(set(old.letters) | set(new.letters))
    parts = []
    for letter in letters:
        before, after = old.part(letter), new.part(letter)
        parts.append(
            PartComparison(
                letter,
                _info(before.meta, before.source) if before is not None else None,
                _info(after.meta, after.source) if after is not None else None,
                diff_resolutions(before, after) if before is not None and after is not None else None,
                before if after is None else after if before is None else None,
            )
        )
    return PartsReport(_info(old.meta, old.source), _info(new.meta, new.source), tuple(parts))


def diff_documents(old: Resolution | Publication, new: Resolution | Publication) -> ChangeReport | PartsReport:
    """Compare what two files hold: two resolutions, two publications part by part, or one
    resolution with the part of its own letter (``A/RES/79/93 B`` with part B)."""
    if isinstance(old, Publication) and isinstance(new, Publication):
        return diff_publications(old, new)
    if isinstance(old, Resolution) and isinstance(new, Resolution):
        return diff_resolutions(old, new)
    publication, single = (old, new) if isinstance(old, Publication) else (new, old)
    assert isinstance(publication, Publication) and isinstance(single, Resolution)  # for the type checker
    letter = single.meta.part_letter
    match = publication.part(letter) if letter else None
    if match is None:
        raise DiffError(
            f"{publication.meta.symbol} is a multi-part publication (parts {', '.join(publication.letters)}) and "
            f"{single.meta.symbol} one resolution: name the part to compare with it, as FILE#{publication.letters[0]}",
            file=publication.source,
        )
    return diff_resolutions(match, single) if publication is old else diff_resolutions(single, match)
