"""Documentation: every public name has a docstring (the API reference is built from them), and
the site's generated pages follow the registries and schemas they describe."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from collections.abc import Iterator
from typing import Any

import resodiff
from resodiff.lint import REGISTRY
from resodiff.lint import rules as _rules  # noqa: F401  (the rules register themselves)
from resodiff.report.json import SCHEMA_ID

from .conftest import ROOT, SCHEMAS


def public_modules() -> Iterator[Any]:
    yield resodiff
    for info in pkgutil.walk_packages(resodiff.__path__, "resodiff."):
        if not info.name.endswith("__main__"):  # running it is what importing it does
            yield importlib.import_module(info.name)


def undocumented() -> Iterator[str]:
    checks = {id(rule.check) for rule in REGISTRY.rules.values()}  # a rule's documentation is its registry entry
    for module in public_modules():
        if not module.__doc__:
            yield module.__name__
        for name, value in vars(module).items():
            if name.startswith("_") or id(value) in checks or getattr(value, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(value) and not value.__doc__:
                yield f"{module.__name__}.{name}"
            if inspect.isclass(value):
                # a dataclass without a docstring gets its signature as one
                if not value.__doc__ or value.__doc__.startswith(f"{name}("):
                    yield f"{module.__name__}.{name}"
                for member, function in vars(value).items():
                    if not member.startswith("_") and inspect.isfunction(function) and not function.__doc__:
                        yield f"{module.__name__}.{name}.{member}"


def test_every_public_name_has_a_docstring() -> None:
    assert list(undocumented()) == []


def test_every_name_of_the_package_is_documented() -> None:
    for name in resodiff.__all__:
        value = getattr(resodiff, name)
        assert isinstance(value, str) or value.__doc__, name


def test_each_schema_id_is_where_the_site_publishes_it() -> None:
    """The docs generator publishes each schema at the path of its ``$id`` under the site URL."""
    ids = {file.name: json.loads(file.read_text(encoding="utf-8"))["$id"] for file in SCHEMAS.iterdir()}
    assert ids["change-report.schema.json"] == SCHEMA_ID
    site = next(
        line.split(": ", 1)[1] for line in (ROOT / "mkdocs.yml").read_text().splitlines() if line.startswith("site_url")
    )
    assert all(schema_id.startswith(site) and schema_id.endswith(".json") for schema_id in ids.values()), ids
