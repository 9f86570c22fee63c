"""The one Jinja environment every HTML renderer uses: autoescaping on for every template,
undefined names an error, templates from ``report/assets``. jinja2 loads on first use."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment, Template


@cache
def environment() -> Environment:
    from jinja2 import Environment, StrictUndefined, select_autoescape

    return Environment(
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


@cache
def asset(name: str) -> str:
    return (Path(__file__).parent / "assets" / name).read_text(encoding="utf-8")


@cache
def template(name: str) -> Template:
    return environment().from_string(asset(name))
