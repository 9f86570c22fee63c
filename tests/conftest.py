from __future__ import annotations

import shutil
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_94d00cddfaaae410.txt"
FIXTURES = ROOT / "fixtures"
CASES = Path(__file__).resolve().parent / "cases"
CORPUS = ROOT.parent / "shared" / "corpus" / "ga"
OIC = CORPUS / "oic-series"
#: the JSON contracts, where the installed package has them (they ship in the wheel)
SCHEMAS = resources.files("resodiff").joinpath("schemas")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="rewrite the expected files of the golden cases")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("7*session/*/*.xml"))


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: LibreOffice and the Python that drives it (Debian's python3-uno, for the system Python)
OFFICE = shutil.which("soffice") is not None and Path("/usr/lib/python3/dist-packages/uno.py").is_file()

#: groups of tests that need something this machine may lack: each is a pytest marker, skipped
#: (with the reason, and a closing line that says so) where the thing is absent
GROUPS: dict[str, tuple[bool, str]] = {
    "corpus": (CORPUS.is_dir(), f"the shared corpus is absent ({CORPUS}); it is read, never committed"),
    "browser": (CHROMIUM is not None, "no Chromium on this machine (CI installs Debian's)"),
    "office": (OFFICE, "no LibreOffice with python3-uno on this machine (CI installs Debian's)"),
    "slow": (True, ""),
}

needs_corpus = pytest.mark.corpus
needs_browser = pytest.mark.browser
needs_office = pytest.mark.office


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "corpus: reads ../shared/corpus (skipped where it is absent)")
    config.addinivalue_line("markers", "browser: drives Chromium (skipped where it is absent)")
    config.addinivalue_line("markers", "office: opens Word files in LibreOffice (skipped where it is absent)")
    config.addinivalue_line("markers", "slow: takes more than a few seconds (left out by make test-fast)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for group, (available, reason) in GROUPS.items():
            if not available and item.get_closest_marker(group):
                item.add_marker(pytest.mark.skip(reason=f"[{group}] {reason}"))


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Say loudly which groups did not run, and why: a green run that skipped the corpus or the
    browser is not the same as one that ran them."""
    skipped: Counter[tuple[str, str]] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        reason = str(report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        tagged = next((group for group in GROUPS if reason.startswith(f"[{group}] ")), None)
        group = tagged or next((group for group in GROUPS if group in report.keywords), "other")
        skipped[group, reason.removeprefix(f"[{group}] ")] += 1
    deselected: Counter[str] = Counter()
    for item in terminalreporter.stats.get("deselected", []):
        deselected.update(group for group in GROUPS if item.get_closest_marker(group))
    lines = [f"{group}: {count} skipped ({reason})" for (group, reason), count in sorted(skipped.items())]
    lines += [f"{group}: {count} deselected (-m or -k)" for group, count in sorted(deselected.items())]
    terminalreporter.write_sep("=", "test groups", bold=True, yellow=bool(lines), green=not lines)
    terminalreporter.write_line("NOT RUN: " + "; ".join(lines) if lines else f"every group ran: {', '.join(GROUPS)}")
