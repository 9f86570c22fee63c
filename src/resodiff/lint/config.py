"""Configuration of ``resodiff check``: ``[tool.resodiff]`` in pyproject.toml or resodiff.toml.

[tool.resodiff]
select = ["S", "F", "R"]        # code prefixes to run (default: all but the style group)
ignore = ["S105"]               # code prefixes to skip
style = true                    # also run the style group (opt-in rules, off by default)
severity = { S104 = "error" }   # per-code severity
per-file-ignores = { "drafts/legacy-*.md" = ["S102"] }   # glob (from the configuration's folder) → codes
language = "fra"                # expected language of the drafts
against = "previous/A_RES_77_18.xml"   # the expected predecessor
technical-update = false        # every substantive change is a finding (P403)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path, PurePath

from ..errors import InputError
from ..findings import SEVERITIES, Severity

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
    style: bool = False
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: str | None = None

    def enabled(self, code: str, opt_in: bool = False) -> bool:
        """Whether a rule runs. A rule of the style group (``opt_in``) runs only with ``style`` or
        when ``select`` names its code in full."""
        if opt_in and not self.style and code not in self.select:
            return False
        chosen = not self.select or any(code.startswith(prefix) for prefix in self.select)
        return chosen and not any(code.startswith(prefix) for prefix in self.ignore)

    def ignored_in(self, file: str) -> tuple[str, ...]:
        """The code prefixes ``per-file-ignores`` switches off for ``file``; patterns are globs
        relative to the configuration's folder, or matched against the file's name."""
        base = Path(self.path).parent if self.path else Path.cwd()
        try:
            relative = PurePath(Path(file).resolve().relative_to(base.resolve())).as_posix()
        except ValueError:
            relative = PurePath(file).as_posix()
        return tuple(
            code
            for pattern, codes in self.per_file_ignores.items()
            if fnmatch(relative, pattern) or fnmatch(PurePath(file).name, pattern)
            for code in codes
        )


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
    known = {"select", "ignore", "severity", "language", "against", "technical-update", "style", "per-file-ignores"}
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
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict) or not all(
        isinstance(codes, list) and all(isinstance(c, str) for c in codes) for codes in per_file.values()
    ):
        raise InputError(
            'per-file-ignores must map glob patterns to lists of codes: { "drafts/*.md" = ["S102"] }', file=str(path)
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
        style=bool(table.get("style", False)),
        per_file_ignores={pattern: tuple(codes) for pattern, codes in per_file.items()},
        path=str(path),
    )
