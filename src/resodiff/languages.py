"""Language knowledge (month names, header phrases, body names), loaded from ``data/``."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .typography import normalize_typography


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    months: tuple[str, ...]
    date: re.Pattern[str]
    formula: tuple[str, ...]
    general_assembly: str
    distribution: re.Pattern[str]
    session: re.Pattern[str]
    agenda_item: re.Pattern[str]
    adoption: re.Pattern[str]
    committee: re.Pattern[str]
    closing_meeting: re.Pattern[str]
    resolution_words: tuple[str, ...]
    bodies_before: tuple[tuple[str, re.Pattern[str]], ...]
    bodies_after: tuple[tuple[str, re.Pattern[str]], ...]
    date_link_after: re.Pattern[str]
    draft_marker: str
    date_format: str
    agenda_line: str
    first_day: str | None

    def parse_date(self, text: str) -> str | None:
        """The ISO form of a date written out in this language, or None if it is no valid date."""
        match = self.date.fullmatch(normalize_typography(text))
        return self.iso_date(match) if match else None

    def format_date(self, iso: str) -> str:
        """An ISO date written out as this language prints it (``1er novembre 2019``)."""
        value = datetime.date.fromisoformat(iso)
        day = self.first_day if value.day == 1 and self.first_day else str(value.day)
        return self.date_format.format(day=day, month=self.months[value.month - 1], year=value.year)

    def iso_date(self, match: re.Match[str]) -> str | None:
        day = 1 if match["day"] == "1er" else int(match["day"])
        month = [m.lower() for m in self.months].index(match["month"].lower()) + 1
        try:
            return datetime.date(int(match["year"]), month, day).isoformat()
        except ValueError:
            return None


@cache
def _table() -> dict[str, dict[str, object]]:
    raw = resources.files("resodiff").joinpath("data/languages.json").read_text(encoding="utf-8")
    table: dict[str, dict[str, object]] = json.loads(raw)
    return table


def supported_languages() -> tuple[str, ...]:
    return tuple(_table())


@cache
def language(code: str) -> Language | None:
    """The language data for an ISO 639-2/B code, or None where resodiff has none."""
    entry = _table().get(code)
    if entry is None:
        return None
    months = tuple(str(m) for m in entry["months"])  # type: ignore[attr-defined]
    month_alternatives = "|".join(months)
    date_source = str(entry["date_pattern"]).replace("{months}", month_alternatives)

    def compiled(key: str) -> re.Pattern[str]:
        return re.compile(str(entry[key]))

    def spaced(source: str, flags: int = 0) -> re.Pattern[str]:
        """Patterns run over running text, where a space may be a no-break one."""
        return re.compile(source.replace(" ", r"\s"), flags)

    def by_body(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        mapping = entry[key]
        assert isinstance(mapping, dict)
        return tuple((body, spaced(pattern, re.IGNORECASE)) for body, pattern in mapping.items())

    return Language(
        code=code,
        months=months,
        date=spaced(date_source, re.IGNORECASE),
        formula=tuple(str(f) for f in entry["formula"]),  # type: ignore[attr-defined]
        general_assembly=str(entry["general_assembly"]),
        distribution=compiled("distribution"),
        session=compiled("session"),
        agenda_item=compiled("agenda_item"),
        adoption=compiled("adoption"),
        committee=compiled("committee"),
        closing_meeting=compiled("closing_meeting"),
        resolution_words=tuple(str(w) for w in entry["resolution_words"]),  # type: ignore[attr-defined]
        bodies_before=by_body("bodies_before"),
        bodies_after=by_body("bodies_after"),
        date_link_after=spaced(str(entry["date_link_after"])),
        draft_marker=str(entry["draft_marker"]),
        date_format=str(entry["date_format"]),
        agenda_line=str(entry["agenda_line"]),
        first_day=str(entry["first_day"]) if "first_day" in entry else None,
    )
