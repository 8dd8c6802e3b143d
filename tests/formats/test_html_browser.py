"""The HTML report in a real browser: headless Chromium, driven over the DevTools protocol.

What only a browser can tell: the page runs without a script error and without asking
the network for anything, every conflict card is on it, the filters, the search and the
pages hide and show cards, a permalink opens its card, the keyboard reaches every
control, the page reads without its script, and hostile article text runs nothing.

Skipped only when no Chromium is installed (``.ci/run`` installs Debian's ``chromium``
and makes a missing one an error); ``HANOICHECK_CHROMIUM`` names another binary.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from hanoicheck.formats.html import page as html_page
from tests.formats.chromium import Browser, Page, find_chromium
from tests.formats.html_pages import (
    corpus_report,
    many_cards,
    page_of,
    seeds_report,
    write_hostile_corpus,
)

# .ci/run sets HANOICHECK_REQUIRE_CHROMIUM: there, a missing browser fails instead.
pytestmark = pytest.mark.skipif(
    find_chromium() is None and not os.environ.get("HANOICHECK_REQUIRE_CHROMIUM"),
    reason="no chromium on PATH",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser.launch() as running:
        yield running


def _open(browser: Browser, folder: Path, text: str, name: str = "report.html") -> Page:
    path = folder / name
    path.write_text(text, "utf-8")
    return browser.open(path)


# checkVisibility: not hidden, not display:none, not inside a closed <details>
VISIBLE = "[...document.querySelectorAll('.card')].filter(c => c.checkVisibility()).map(c => c.id)"


def _visible(page: Page) -> list[str]:
    return list(page.evaluate(VISIBLE))


def _set(page: Page, selector: str, script: str) -> None:
    """Change a control the way a user does: set it, then fire the events forms fire."""
    page.evaluate(
        f"(() => {{ const el = document.querySelector({json.dumps(selector)}); {script};"
        " el.dispatchEvent(new Event('input', {bubbles: true}));"
        " el.dispatchEvent(new Event('change', {bubbles: true})); })()"
    )


def test_the_seeds_page_renders_with_every_card_and_no_error(
    browser: Browser, tmp_path: Path
) -> None:
    report = seeds_report()
    page = _open(browser, tmp_path, page_of(report, show_all=True))
    assert page.errors() == []
    assert [u for u in page.requests() if not u.startswith("file://")] == []
    cards = [f"g-{g.id}" for g in report.reconciliation.groups]
    assert _visible(page) == cards
    assert page.evaluate("document.getElementById('shown').textContent") == (
        f"Showing 1\u2013{len(cards)} of {len(cards)} cards"
    )
    assert page.evaluate("document.getElementById('filters').hidden") is False
    # pictures were laid out, not dropped
    assert page.evaluate("document.querySelector('.card svg.chart').getBBox().width") > 100


def test_filters_and_search_hide_and_show_cards(browser: Browser, tmp_path: Path) -> None:
    report = seeds_report()
    groups = report.reconciliation.groups
    page = _open(browser, tmp_path, page_of(report, show_all=True))
    every = [f"g-{g.id}" for g in groups]

    _set(page, "input[name=level][value=error]", "el.checked = false")
    without_errors = [f"g-{g.id}" for g in groups if str(g.severity) != "error"]
    assert _visible(page) == without_errors

    _set(page, "input[name=level][value=uncorroborated]", "el.checked = false")
    assert _visible(page) == [
        f"g-{g.id}" for g in groups if str(g.severity) != "error" and g.status != "uncorroborated"
    ]

    page.evaluate("document.getElementById('filters').reset()")
    page.evaluate("new Promise(r => setTimeout(r, 50))")
    assert _visible(page) == every

    _set(page, "select[name=kind]", "el.value = 'date'")
    assert _visible(page) == [f"g-{g.id}" for g in groups if g.kind == "date"]

    _set(page, "select[name=kind]", "el.value = ''")
    _set(page, "input[name=q]", "el.value = 'PLENARY seeds/001'")  # every word, any case
    assert _visible(page) == [
        f"g-{g.id}"
        for g in groups
        if "plenary" in g.subject and any("seeds/001" in c.source for c in g.claims)
    ]
    _set(page, "input[name=q]", "el.value = 'no such words anywhere'")
    assert _visible(page) == []
    assert "No card matches" in page.evaluate("document.getElementById('shown').textContent")


def test_the_story_filter_keeps_one_story(browser: Browser, tmp_path: Path) -> None:
    report = corpus_report("france_strike_day", "kunar_earthquake")  # two events
    text = page_of(report, show_all=True)
    page = _open(browser, tmp_path, text)
    assert page.errors() == []
    options = page.evaluate(
        "[...document.querySelectorAll('select[name=story] option')].map(o => o.value)"
    )
    assert options == ["", "s1", "s2"]
    counts = []
    for story in ("s1", "s2"):
        _set(page, "select[name=story]", f"el.value = '{story}'")
        shown = page.evaluate(
            "[...document.querySelectorAll('.card')].filter(c => !c.hidden)"
            ".map(c => c.dataset.story)"
        )
        assert set(shown) <= {story}
        counts.append(
            int(page.evaluate("document.getElementById('shown').textContent.split(' ')[3]"))
        )
    assert sum(counts) == len(report.reconciliation.groups)


def test_thousands_of_cards_come_in_pages_and_a_permalink_finds_its_card(
    browser: Browser, tmp_path: Path
) -> None:
    result = many_cards(seeds_report().reconciliation, 100)  # 300 conflicts
    ids = [f"g-{g.id}" for g in result.conflicts]
    text = "".join(html_page.render(result))
    page = _open(browser, tmp_path, text)
    assert page.errors() == []
    size = html_page.PAGE
    assert _visible(page) == ids[:size]
    assert page.evaluate("document.querySelector('.pager .at').textContent") == "Page 1 of 6"
    page.evaluate("document.querySelector('.pager .next').click()")
    assert _visible(page) == ids[size : 2 * size]
    assert page.evaluate("document.activeElement.id") == ids[size]  # focus follows the page
    page.evaluate("document.querySelector('.pager .prev').click()")
    assert _visible(page) == ids[:size]
    # a permalink to a card on page 5, while a filter hides it
    target = ids[4 * size + 8]
    assert str(result.conflicts[4 * size + 8].severity) == "warning"
    _set(page, "input[name=level][value=warning]", "el.checked = false")
    assert target not in _visible(page)
    page.evaluate(f"location.hash = '#{target}'")
    page.evaluate("new Promise(r => setTimeout(r, 50))")
    assert target in _visible(page)
    assert page.evaluate("document.activeElement.id") == target
    assert page.evaluate("document.querySelector('input[name=level][value=warning]').checked")


def test_opening_a_permalink_shows_its_card(browser: Browser, tmp_path: Path) -> None:
    result = many_cards(seeds_report().reconciliation, 100)
    target = f"g-{result.conflicts[-1].id}"
    path = tmp_path / "report.html"
    path.write_text("".join(html_page.render(result)), "utf-8")
    page = browser.open(path, fragment=target)
    assert target in _visible(page)
    top = page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top")
    assert -2 <= top < 900  # scrolled to it


def test_without_its_script_the_page_still_reads(browser: Browser, tmp_path: Path) -> None:
    result = many_cards(seeds_report().reconciliation, 100)
    path = tmp_path / "report.html"
    path.write_text("".join(html_page.render(result)), "utf-8")
    page = browser.open(path, script="", scripts_enabled=False)
    first_block = [f"g-{g.id}" for g in result.conflicts[: html_page.CHUNK]]
    assert _visible(page) == first_block  # the rest are in closed blocks, one click away
    assert page.evaluate("document.getElementById('filters').offsetParent") is None
    assert page.evaluate("document.querySelectorAll('details.chunk:not([open])').length") == 1


def test_the_keyboard_reaches_every_control(browser: Browser, tmp_path: Path) -> None:
    page = _open(browser, tmp_path, page_of(seeds_report(), show_all=True))
    reached = []
    outlines = set()
    for _ in range(40):
        for kind in ("keyDown", "keyUp"):
            page.send(
                "Input.dispatchKeyEvent", type=kind, key="Tab", code="Tab", windowsVirtualKeyCode=9
            )
        reached.append(
            page.evaluate(
                "(e => e.className || e.name || e.type || e.tagName)(document.activeElement)"
            )
        )
        outlines.add(page.evaluate("getComputedStyle(document.activeElement).outlineStyle"))
    assert reached[0] == "skip"
    for control in ("level", "kind", "q", "reset", "permalink"):
        assert control in reached, (control, reached)
    assert reached.count("SUMMARY") > 5  # collapsed cards open from the keyboard too
    assert outlines == {"solid"}  # where the focus is can be seen, on every stop


def test_hostile_articles_run_nothing_in_the_browser(browser: Browser, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_hostile_corpus(corpus)
    from hanoicheck.api import reconcile_paths

    report = reconcile_paths([corpus])
    watch = (
        "window.__ran = [];"
        "for (const name of ['alert', 'confirm', 'prompt']) {"
        "  window[name] = (...args) => window.__ran.push(name + ':' + args.join(','));"
        "}"
    )
    path = tmp_path / "report.html"
    path.write_text(page_of(report, show_all=True), "utf-8")
    page = browser.open(path, script=watch)
    page.evaluate("new Promise(r => setTimeout(r, 200))")
    assert page.evaluate("window.__ran") == []
    assert page.dialogs() == []
    assert page.errors() == []
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("document.querySelectorAll('[onerror],[onload],[onclick]').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=javascript]').length") == 0
    assert [u for u in page.requests() if not u.startswith("file://")] == []
    body = page.evaluate("document.body.innerText")
    assert "<script>alert(self)</script>" in body  # shown as text
    assert "\\x202e" in body and "\u202e" not in body


def test_printed_the_severity_and_the_figures_need_no_background(
    browser: Browser, tmp_path: Path
) -> None:
    page = _open(browser, tmp_path, page_of(seeds_report(), show_all=True))
    page.send("Emulation.setEmulatedMedia", media="print")
    styles = page.evaluate(
        "[...document.querySelectorAll('.badge, mark')].map(e => {"
        " const s = getComputedStyle(e); return [s.color, s.backgroundColor]; })"
    )
    assert styles and {tuple(s) for s in styles} == {("rgb(0, 0, 0)", "rgba(0, 0, 0, 0)")}
    assert page.evaluate("getComputedStyle(document.getElementById('filters')).display") == "none"


def test_on_a_phone_nothing_but_pictures_is_wider_than_the_screen(
    browser: Browser, tmp_path: Path
) -> None:
    page = _open(browser, tmp_path, page_of(corpus_report("kunar_earthquake"), show_all=True))
    page.send(
        "Emulation.setDeviceMetricsOverride",
        width=390,
        height=844,
        deviceScaleFactor=1,
        mobile=True,
    )
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.checkVisibility()"
        " && !e.closest('.plot') && e.getBoundingClientRect().right > 390.5)"
        ".map(e => e.tagName + '.' + e.className)"
    )
    assert wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
