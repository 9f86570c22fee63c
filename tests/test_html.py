"""The redline page: escaping, self-containment, size, contrast, golden files; and in a real
browser (headless Chromium driven by Playwright): no console errors, no network, counts that
match the JSON report, both views, navigation, right-to-left Arabic, a screenshot."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

import resodiff
from resodiff.diff import diff_resolutions
from resodiff.diff.report import ChangeReport
from resodiff.report.html import render_html

from .conftest import CASES, CHROMIUM, OIC, ROOT, needs_browser, needs_corpus

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def case_report(name: str) -> ChangeReport:
    case = CASES / name
    old = resodiff.read_text((case / "old.md").read_text(encoding="utf-8"), file=f"{name}/old.md")
    new = resodiff.read_text((case / "new.md").read_text(encoding="utf-8"), file=f"{name}/new.md")
    return diff_resolutions(old, new)


def segment_counts(report: ChangeReport) -> tuple[int, int]:
    inserts = deletes = 0
    for change in report.changes:
        segments = list(change.segments)
        for unit in change.items + change.footnotes:
            segments.extend(unit.segments)
        inserts += sum(1 for s in segments if s.op == "insert")
        deletes += sum(1 for s in segments if s.op == "delete")
    return inserts, deletes


# -- the file itself ----------------------------------------------------------------------

HOSTILE = (
    'Recalling <script>alert("x")</script> and " onmouseover="alert(1)" and javascript:alert(2) '
    "and <img src=x onerror=alert(3)>,"
)


def test_document_text_is_escaped() -> None:
    base = (CASES / "diff-moved" / "old.md").read_text(encoding="utf-8")
    old = resodiff.read_text(base)
    new = resodiff.read_text(base.replace("*Recognizing* the role", f"{HOSTILE}\n\n*Recognizing* the role"))
    page = render_html(diff_resolutions(old, new))
    tree = lxml_html.fromstring(page)
    scripts = tree.xpath("//script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text
    assert not tree.xpath("//img")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        assert not [name for name in element.attrib if name.lower().startswith("on")]
        assert not element.get("href", "").lower().startswith("javascript:")
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in page or "&lt;script&gt;alert(&#34;x&#34;)" in page
    assert "javascript:alert(2)" in tree.text_content()


def test_page_is_self_contained_with_a_strict_policy() -> None:
    page = render_html(case_report("diff-moved-edited"))
    tree = lxml_html.fromstring(page)
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert policy.startswith("default-src 'none';")
    assert "'unsafe-inline'" not in policy and "http" not in policy
    for attribute in ("src", "href"):
        for value in tree.xpath(f"//@{attribute}"):
            assert value.startswith("#"), value
    assert not tree.xpath("//link")


def _repeated(resolution: resodiff.Resolution, copies: int) -> resodiff.Resolution:
    from dataclasses import replace

    from resodiff.model import Text

    def copy(paragraphs, k):  # type: ignore[no-untyped-def]
        return tuple(replace(p, content=(Text(f"[{k}] "), *p.content)) for p in paragraphs)

    return replace(
        resolution,
        preamble=tuple(p for k in range(copies) for p in copy(resolution.preamble, k)),
        operative=tuple(p for k in range(copies) for p in copy(resolution.operative, k)),
    )


def test_size_is_proportional_to_the_documents() -> None:
    case = CASES / "diff-technical"
    old = resodiff.read_text((case / "old.md").read_text(encoding="utf-8"))
    new = resodiff.read_text((case / "new.md").read_text(encoding="utf-8"))
    sizes = [len(render_html(diff_resolutions(_repeated(old, k), _repeated(new, k)))) for k in (1, 2, 8)]
    per_copy = sizes[1] - sizes[0]
    assert abs((sizes[2] - sizes[1]) - 6 * per_copy) < 0.02 * sizes[2]
    page = render_html(diff_resolutions(old, new))
    text = len(old.meta.title) + sum(len(p.text) for p in old.paragraphs() + new.paragraphs())
    # the words appear three times (inline, old column, new column) plus a fixed amount of markup
    # per paragraph (its italics, footnote links and the reason of a change): never markup per
    # character
    assert per_copy < 3 * text + 800 * len(old.paragraphs())
    assert len(lxml_html.fromstring(page).xpath("//span")) < 12 * len(old.paragraphs())


def _luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_colours_pass_wcag_aa() -> None:
    css = (ROOT / "src" / "resodiff" / "report" / "assets" / "report.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    pairs = [
        ("ink", "paper"),
        ("muted", "paper"),
        ("muted", "soft"),
        ("del", "del-bg"),
        ("ins", "ins-bg"),
        ("technical", "paper"),
        ("substantive", "paper"),
        ("ink", "soft"),
    ]
    for foreground, background in pairs:
        assert _contrast(colours[foreground], colours[background]) >= 4.5, (foreground, background)


@pytest.mark.parametrize("name", ["diff-moved-edited", "diff-split", "diff-subparagraphs", "diff-technical"])
def test_golden_pages(name: str, regen: bool) -> None:
    page = render_html(case_report(name))
    expected = CASES / name / "expected.html"
    if regen:
        expected.write_text(page, encoding="utf-8")
    assert expected.exists(), f"{expected} is missing: run pytest --regen and review it"
    assert page == expected.read_text(encoding="utf-8")


OIC_PAGES = {"E": "eng", "F": "fra", "A": "ara"}


def oic_report(suffix: str) -> ChangeReport:
    return resodiff.diff(OIC / f"A_RES_77_18-2226540{suffix}.xml", OIC / f"A_RES_79_9-2421657{suffix}.xml")


@needs_corpus
@pytest.mark.parametrize("suffix", sorted(OIC_PAGES))
def test_oic_pages_golden(suffix: str, regen: bool) -> None:
    """The UN's text is not committed: the golden file holds the page's checksum and shape."""
    report = oic_report(suffix)
    page = render_html(report)
    tree = lxml_html.fromstring(page)
    shape = {
        "sha256": hashlib.sha256(page.encode("utf-8")).hexdigest(),
        "bytes": len(page.encode("utf-8")),
        "inline_ins": len(tree.xpath("//section[@class='inline']//ins")),
        "inline_del": len(tree.xpath("//section[@class='inline']//del")),
        "entries": len(tree.xpath("//section[@class='inline']//article")),
        "changes_listed": len(tree.xpath("//nav[@class='changes']//li")),
        "dir": tree.get("dir"),
        "lang": tree.get("lang"),
    }
    expected = CASES / "oic-77-18-to-79-9" / f"html-{OIC_PAGES[suffix]}.json"
    if regen:
        expected.write_text(json.dumps(shape, indent=1) + "\n", encoding="utf-8")
    assert shape == json.loads(expected.read_text(encoding="utf-8"))


# -- in a browser --------------------------------------------------------------------------



@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def open_page(
    browser: Any, report: ChangeReport, tmp_path: Path, *, javascript: bool = True
) -> tuple[Any, dict[str, list[str]]]:
    path = tmp_path / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    seen: dict[str, list[str]] = {"errors": [], "requests": []}
    page.on("console", lambda message: seen["errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, seen


BROWSER_CASES = ["diff-moved-edited", "diff-split", "diff-merged", "diff-inserted-deleted", "diff-subparagraphs"]


def _check_page(page: Any, seen: dict[str, list[str]], report: ChangeReport) -> None:
    assert seen["errors"] == []
    assert len(seen["requests"]) == 1 and seen["requests"][0].startswith("file://")
    inserts, deletes = segment_counts(report)
    assert page.locator("section.inline ins").count() == inserts
    assert page.locator("section.inline del").count() == deletes
    assert page.locator("section.side ins").count() == inserts
    assert page.locator("section.side del").count() == deletes
    moves = sum(1 for c in report.changes if c.kind == "moved")
    assert page.locator("section.inline .moved-marker").count() == 2 * moves


@needs_browser
@pytest.mark.parametrize("name", BROWSER_CASES)
def test_pages_in_chromium(browser: Any, name: str, tmp_path: Path) -> None:
    report = case_report(name)
    page, seen = open_page(browser, report, tmp_path)
    _check_page(page, seen, report)
    assert page.locator("section.inline").is_visible() and not page.locator("section.side").is_visible()
    page.locator("#view-side").check()
    assert page.locator("section.side").is_visible() and not page.locator("section.inline").is_visible()
    page.locator("#view-inline").check()
    assert page.locator("section.inline").is_visible()
    changes = page.locator("section.inline .is-change").count()
    page.keyboard.press("n")
    assert page.locator("#position").inner_text() == f"1 / {changes}"
    assert page.locator("section.inline .current").count() == 1
    page.context.close()


@needs_browser
def test_moves_link_both_places(browser: Any, tmp_path: Path) -> None:
    page, _ = open_page(browser, case_report("diff-moved-edited"), tmp_path)
    stub = page.locator("section.inline .is-stub a")
    target = stub.get_attribute("href")
    back = page.locator(f"section.inline article{target} a.moved-marker").get_attribute("href")
    assert page.locator(f"section.inline {back}").count() == 1
    page.context.close()


@needs_browser
def test_hide_technical_and_fold_without_script(browser: Any, tmp_path: Path) -> None:
    page, seen = open_page(browser, case_report("diff-technical"), tmp_path, javascript=False)
    assert seen["errors"] == []
    technical = page.locator("section.inline article.class-technical")
    assert technical.count() == 5 and technical.first.is_visible()
    page.locator("#hide-technical").check()
    assert not technical.first.is_visible()
    unchanged_text = page.locator("section.inline article.kind-unchanged .text").first
    assert unchanged_text.is_visible()
    page.locator("#fold-unchanged").check()
    assert not unchanged_text.is_visible()
    page.locator("#view-side").check()
    assert page.locator("section.side").is_visible()
    assert not page.locator("#navigation").is_visible()
    page.context.close()


@needs_browser
@needs_corpus
@pytest.mark.parametrize("suffix", sorted(OIC_PAGES))
def test_oic_pages_in_chromium(browser: Any, suffix: str, tmp_path: Path) -> None:
    report = oic_report(suffix)
    page, seen = open_page(browser, report, tmp_path)
    _check_page(page, seen, report)
    root = page.locator("html")
    expected = {"E": ("en", "ltr"), "F": ("fr", "ltr"), "A": ("ar", "rtl")}[suffix]
    assert (root.get_attribute("lang"), root.get_attribute("dir")) == expected
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"oic-77-18-79-9-{expected[0]}.png"), full_page=False)
    page.locator("#view-side").check()
    page.screenshot(path=str(ARTIFACTS / f"oic-77-18-79-9-{expected[0]}-side.png"), full_page=False)
    page.context.close()
