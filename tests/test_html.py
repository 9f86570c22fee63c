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

from .conftest import CASES, CHROMIUM, FIXTURES, OIC, ROOT, SEED, needs_browser, needs_corpus

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


# -- the redline page's reading aids (issue 14), each checked in Chromium ----------------------


def mixed_report() -> ChangeReport:
    """diff-technical (five technical changes) with two substantive ones added."""
    case = CASES / "diff-technical"
    old = resodiff.read_text((case / "old.md").read_text(encoding="utf-8"))
    new_text = (case / "new.md").read_text(encoding="utf-8")
    new_text = new_text.replace("*Recognizing* the role", "*Recognizing* the central role")
    new_text = new_text.replace("to increase their support", "to increase substantially their support")
    return diff_resolutions(old, resodiff.read_text(new_text))


def _labels(report: ChangeReport) -> Any:
    from resodiff.languages import report_labels

    return report_labels(report.new.language)


@needs_browser
def test_deletion_and_insertion_stay_apart_on_screen_in_copy_and_in_print(browser: Any, tmp_path: Path) -> None:
    """ "Dushanbe" → "Almaty" is one deletion and one insertion that touch in the segments: the
    page keeps a space between them, which copied text keeps, and print tells them apart by
    their lines (struck through, underlined), not by colour."""
    report = case_report("diff-technical")
    page, seen = open_page(browser, report, tmp_path)
    article = page.locator("section.inline article", has=page.locator("del", has_text="Dushanbe"))
    deleted, inserted = article.locator("del", has_text="Dushanbe"), article.locator("ins", has_text="Almaty")
    assert deleted.bounding_box()["x"] + deleted.bounding_box()["width"] < inserted.bounding_box()["x"]
    copied = article.locator(".text").evaluate(
        "element => { const range = document.createRange(); range.selectNodeContents(element);"
        " const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);"
        " return selection.toString(); }"
    )
    assert "Dushanbe Almaty" in copied and "DushanbeAlmaty" not in copied
    # footnotes and sub-paragraphs too: "A/80/318" → "A/82/290" in a footnote
    note = page.locator("section.inline .notes li", has=page.locator("del", has_text="A/80/318"))
    assert "A/80/318 A/82/290" in note.inner_text()
    page.emulate_media(media="print")
    style = "element => { const s = getComputedStyle(element); return [s.textDecorationLine, s.backgroundColor]; }"
    assert deleted.evaluate(style) == ["line-through", "rgba(0, 0, 0, 0)"]
    assert inserted.evaluate(style) == ["underline", "rgba(0, 0, 0, 0)"]
    assert not page.locator("section.side").is_visible() and page.locator("section.inline").is_visible()
    assert seen["errors"] == []
    page.context.close()


def _without_italics(text: str) -> str:
    return re.sub(r"(?<![*\w])\*(?!\*)([^*\n]+?)\*", r"\1", text)


@needs_browser
def test_opening_phrases_in_italics_and_footnote_markers_linked(browser: Any, tmp_path: Path) -> None:
    case = CASES / "diff-footnote-edited"
    old_text = (case / "old.md").read_text(encoding="utf-8")
    new_text = (case / "new.md").read_text(encoding="utf-8")
    # the new version as a PDF conversion gives it, italics lost: it borrows the old one's
    # opening phrases over the words both share
    new = resodiff.read_text(_without_italics(new_text))
    assert not any(node.italic for p in new.paragraphs() for node in p.content if hasattr(node, "italic"))
    report = diff_resolutions(resodiff.read_text(old_text), new)
    page, seen = open_page(browser, report, tmp_path)
    first = page.locator("section.inline article").first
    opening = first.locator(".text i").first
    assert opening.inner_text() == "Recalling"
    assert opening.evaluate("element => getComputedStyle(element).fontStyle") == "italic"
    marker = page.locator("section.inline sup.note-ref a").first
    assert marker.evaluate("element => getComputedStyle(element.parentNode).verticalAlign") == "super"
    note_id = marker.get_attribute("href")
    note = page.locator(f"section.inline li{note_id}")
    assert note.count() == 1 and note.get_attribute("value") == marker.inner_text()
    marker.click()
    assert page.evaluate("location.hash") == note_id
    back = note.locator("a.back")
    assert back.get_attribute("href") == "#" + marker.get_attribute("id")
    back.click()
    assert page.evaluate("location.hash") == "#" + marker.get_attribute("id")
    # each column of the side-by-side view links its own markers and notes
    page.locator("#view-side").check()
    side_marker = page.locator("section.side td:nth-child(2) sup.note-ref a").first
    assert page.locator(f"section.side li{side_marker.get_attribute('href')}").count() == 1
    assert seen["errors"] == []
    page.context.close()


@needs_browser
def test_listed_opening_phrases_in_italics_where_the_text_has_none(browser: Any, tmp_path: Path) -> None:
    """The seed (a PDF conversion) and its predecessor mark no preambular opening: the page sets
    French's listed phrase, whole, in italics."""
    report = resodiff.diff(FIXTURES / "fr-illustrative-predecessor-of-79-9.md", SEED)
    page, seen = open_page(browser, report, tmp_path)
    paragraph = page.locator("section.inline article .text").filter(has_text="Rappelant également sa résolution")
    opening = paragraph.locator("i").first
    assert opening.inner_text() == "Rappelant également"
    assert opening.evaluate("element => getComputedStyle(element).fontStyle") == "italic"
    # the words after it are upright
    after = opening.evaluate(
        "element => [element.nextSibling.textContent, getComputedStyle(element.parentNode).fontStyle]"
    )
    assert after[0].startswith(" sa résolution") and after[1] == "normal"
    assert seen["errors"] == []
    page.context.close()


@needs_browser
@pytest.mark.parametrize("code", ["eng", "fra", "spa", "rus", "ara", "zho"])
def test_labels_and_dates_in_the_document_language(browser: Any, code: str, tmp_path: Path) -> None:
    from dataclasses import replace

    from resodiff.languages import FALLBACK, language, report_labels

    base = case_report("diff-technical")
    report = replace(base, old=replace(base.old, language=code), new=replace(base.new, language=code))
    lang = language(code)
    assert lang is not None
    words, english = report_labels(code), language(FALLBACK).labels  # type: ignore[union-attr]
    page, seen = open_page(browser, report, tmp_path)
    assert page.locator("html").get_attribute("lang") == lang.tag
    assert page.locator("label", has=page.locator("#view-side")).inner_text().strip() == words["report.side_view"]
    assert (
        page.locator("label", has=page.locator("#hide-technical")).inner_text().strip()
        == words["report.hide_technical"]
    )
    assert page.locator("nav.changes h2").inner_text().startswith(words["report.changes"])
    assert page.locator("section.inline h2").nth(1).inner_text() == words["part.preamble"]
    dates = page.locator(".documents .date").all_inner_texts()
    assert dates == [lang.format_date(base.old.date), lang.format_date(base.new.date)]  # type: ignore[arg-type]
    if code != FALLBACK:
        assert words["report.side_view"] != english["report.side_view"]
        assert base.new.date not in dates
    assert seen["errors"] == []
    page.context.close()


def test_every_language_has_every_label() -> None:
    from resodiff.diff.report import REASON_RULES
    from resodiff.languages import FALLBACK, language, supported_languages

    english = set(language(FALLBACK).labels)  # type: ignore[union-attr]
    assert {f"why.{rule}" for rule in REASON_RULES} <= english
    for code in supported_languages():
        assert set(language(code).labels) == english, code  # type: ignore[union-attr]


@needs_browser
def test_each_change_says_why(browser: Any, tmp_path: Path) -> None:
    report = case_report("diff-technical")
    words = _labels(report)
    page, seen = open_page(browser, report, tmp_path)
    changes = [c for c in report.changes if c.change_class]
    articles = page.locator("section.inline article.is-change")
    listed = page.locator("nav.changes li")
    assert articles.count() == listed.count() == len(changes)
    for index, change in enumerate(changes):
        assert change.reason is not None
        why = articles.nth(index).locator("p.why")
        assert why.is_visible() and words[f"why.{change.reason.rule}"] in why.inner_text()
        for word in change.reason.deleted + change.reason.inserted:
            assert word in why.inner_text()
        summary = listed.nth(index).locator(".why")
        assert "\n" not in summary.inner_text() and words[f"why.{change.reason.rule}"] in summary.inner_text()
    place = next(i for i, c in enumerate(changes) if c.reason and c.reason.rule == "place-name")
    assert articles.nth(place).locator("p.why bdi.gone").inner_text() == "Dushanbe"
    assert articles.nth(place).locator("p.why bdi.new").inner_text() == "Almaty"
    assert seen["errors"] == []
    page.context.close()


@needs_browser
def test_change_count_follows_hide_technical(browser: Any, tmp_path: Path) -> None:
    report = mixed_report()
    counts = [sum(1 for c in report.changes if c.change_class), report.summary.substantive]
    assert counts[0] != counts[1]
    page, _ = open_page(browser, report, tmp_path, javascript=False)
    heading = page.locator("nav.changes h2")
    assert heading.inner_text().endswith(f"({counts[0]})")
    page.locator("#hide-technical").check()
    assert heading.inner_text().endswith(f"({counts[1]})")
    page.context.close()


@needs_browser
@pytest.mark.parametrize("view", ["inline", "side"])
def test_current_change_is_highlighted_in_the_list(browser: Any, view: str, tmp_path: Path) -> None:
    report = mixed_report()
    page, seen = open_page(browser, report, tmp_path)
    page.locator(f"#view-{view}").check()
    current_in_list = page.locator("nav.changes li.current")
    assert current_in_list.count() == 0
    for step in ("n", "n", "p"):
        page.keyboard.press(step)
        shown = page.locator("main .current")
        assert shown.count() == 1 and shown.is_visible()
        assert current_in_list.count() == 1
        href = current_in_list.locator("a").get_attribute("href")
        assert href == "#" + shown.get_attribute("id").removeprefix("side-")
        assert current_in_list.locator("a").get_attribute("aria-current") == "true"
    assert page.locator("#position").inner_text() == f"1 / {page.locator('main .is-change:visible').count()}"
    # following a link of the list makes its change the current one, in either view
    page.locator("nav.changes a").nth(2).click()
    assert page.locator("nav.changes li").nth(2).get_attribute("class").endswith("current")
    assert page.locator("main .current").is_visible()
    page.locator("#next").click()
    assert page.locator("nav.changes li").nth(3).get_attribute("class").endswith("current")
    assert seen["errors"] == []
    page.context.close()


@needs_browser
def test_runs_of_unchanged_paragraphs_fold_into_one_line(browser: Any, tmp_path: Path) -> None:
    report = case_report("diff-technical")
    words = _labels(report)
    page, _ = open_page(browser, report, tmp_path, javascript=False)
    runs = page.locator("section.inline .run")
    labels = runs.locator(".run-label")
    assert not labels.first.is_visible()
    page.locator("#fold-unchanged").check()
    # every unchanged paragraph is in a run, each run is one line saying how many it holds
    unchanged = page.locator("section.inline article.kind-unchanged")
    assert unchanged.count() == sum(1 for c in report.changes if c.kind == "unchanged")
    assert all(not unchanged.nth(i).is_visible() for i in range(unchanged.count()))
    sizes = [runs.nth(i).locator("article").count() for i in range(runs.count())]
    assert max(sizes) > 1
    expected = [
        words["report.unchanged_one"] if n == 1 else words["report.unchanged_many"].format(count=n) for n in sizes
    ]
    assert labels.all_inner_texts() == expected
    longest = sizes.index(max(sizes))
    labels.nth(longest).click()
    assert runs.nth(longest).locator("article").first.is_visible()
    assert not runs.nth((longest + 1) % runs.count()).locator("article").first.is_visible()
    page.locator("#view-side").check()
    side_runs = page.locator("section.side tbody.run")
    assert side_runs.count() == runs.count()
    assert side_runs.first.locator(".run-label").is_visible()
    assert not side_runs.first.locator("tr.entry").first.is_visible()
    page.context.close()


@needs_browser
def test_part_and_section_headings_in_side_by_side_view(browser: Any, tmp_path: Path) -> None:
    report = case_report("diff-sections")
    words = _labels(report)
    page, _ = open_page(browser, report, tmp_path, javascript=False)
    page.locator("#view-side").check()
    parts = page.locator("section.side tr.part-heading th")
    assert parts.all_inner_texts() == [words["part.preamble"], words["part.operative"]]
    assert parts.first.is_visible()
    sections = page.locator("section.side tr.section-heading th").all_inner_texts()
    assert sections == ["I Cooperation", "II Water-related risks"]
    page.context.close()


@needs_browser
def test_header_names_agenda_item_meeting_and_draft(browser: Any, tmp_path: Path) -> None:
    case = CASES / "diff-technical"
    old, new = (resodiff.read(case / side) for side in ("old.md", "new.md"))
    report = diff_resolutions(old, new)
    words = _labels(report)
    page, _ = open_page(browser, report, tmp_path, javascript=False)
    documents = page.locator(".documents dl")
    for index, version in enumerate((old, new)):
        assert version.meta.agenda_item and version.closing and version.meta.originating_draft
        block = documents.nth(index)
        assert block.locator(".agenda").inner_text() == f"Agenda item {version.meta.agenda_item}"
        assert block.locator(".meeting").inner_text() == f"{words['report.meeting']}: {version.closing.meeting}"
        assert block.locator(".draft").inner_text() == f"{words['report.draft']}: {version.meta.originating_draft}"
        assert block.locator(".meeting").is_visible()
    page.context.close()


@needs_browser
def test_screenshots_of_both_views(browser: Any, tmp_path: Path) -> None:
    """Screenshots of the inline and side-by-side views for people to look at, in test-artifacts/."""
    report = case_report("diff-technical")
    page, seen = open_page(browser, report, tmp_path)
    ARTIFACTS.mkdir(exist_ok=True)
    shots = [ARTIFACTS / "redline-diff-technical-inline.png", ARTIFACTS / "redline-diff-technical-side.png"]
    page.keyboard.press("n")
    page.screenshot(path=str(shots[0]), full_page=True)
    page.locator("#view-side").check()
    page.screenshot(path=str(shots[1]), full_page=True)
    for shot in shots:
        assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
    print(f"redline screenshots: {', '.join(str(s) for s in shots)}")
    assert seen["errors"] == []
    page.context.close()
