"""Configuration of ``resodiff check``: ``[tool.resodiff]`` in pyproject.toml or resodiff.toml.

[tool.resodiff]
select = ["S", "F", "R"]        # code prefixes to run (default: all)
ignore = ["S105"]               # code prefixes to skip
severity = { R303 = "error" }   # per-code severity
language = "fra"                # expected language of the drafts
against = "previous/A_RES_77_18.xml"   # the expected predecessor
technical-update = false        # every substantive change is a finding (P403)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from . import SEVERITIES, Severity

CONFIG_FILES = ("resodiff.toml", "pyproject.toml")


@dataclass(frozen=True)
class Config:
    """The settings of ``resodiff check``, from ``[tool.resodiff]`` or ``resodiff.toml``."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    language: str | None = None
    against: str | None = None
    technical_update: bool = False
    path: str | None = None

    def enabled(self, code: str) -> bool:
        """Whether the rule with this code runs (``select`` and ``ignore`` are code prefixes)."""
        chosen = not self.select or any(code.startswith(prefix) for prefix in self.select)
        return chosen and not any(code.startswith(prefix) for prefix in self.ignore)


def find_config(start: Path) -> Path | None:
    """The nearest ``resodiff.toml``, or ``pyproject.toml`` with a ``[tool.resodiff]`` table,
    from ``start`` upwards; None when there is none."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or "[tool.resodiff]" in candidate.read_text("utf-8")):
                return candidate
    return None


def load_config(path: Path | None) -> Config:
    """The configuration in a file (the defaults for None); an unreadable or invalid file is an error."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read the configuration: {error.strerror}", file=str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"invalid TOML: {error}", file=str(path)) from None
    table = data.get("tool", {}).get("resodiff", {}) if path.name == "pyproject.toml" else data
    known = {"select", "ignore", "severity", "language", "against", "technical-update"}
    unknown = set(table) - known
    if unknown:
        raise InputError(
            f"unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}", file=str(path)
        )
    severity = table.get("severity", {})
    for code, level in severity.items():
        if level not in SEVERITIES:
            raise InputError(
                f"severity of {code} must be one of {', '.join(SEVERITIES)}, not {level!r}", file=str(path)
            )
    against = table.get("against")
    if against is not None:
        against = str((path.parent / against).resolve()) if not Path(against).is_absolute() else against
    return Config(
        select=tuple(table.get("select", ())),
        ignore=tuple(table.get("ignore", ())),
        severity=dict(severity),
        language=table.get("language"),
        against=against,
        technical_update=bool(table.get("technical-update", False)),
        path=str(path),
    )
