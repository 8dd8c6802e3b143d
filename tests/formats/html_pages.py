"""Pages and corpora the HTML report tests share, and a parser that lists a page's parts.

The pages are built through the library (``reconcile_paths`` then the formatter), the
way the CLI builds them; the parser is the standard library's, so the safety tests do
not trust the code under test to find what it wrote.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from hanoicheck.api import Report, reconcile_paths
from hanoicheck.formats.html import render
from hanoicheck.reconcile import Reconciliation
from tests.gold import ROOT

SUMMIT = "the Lisbon Ocean Summit at the Belem Cultural Centre"
HOSTILE = (
    "<script>alert(document.cookie)</script> <img src=x onerror=alert(document.domain)> "
    '<a href="javascript:alert(origin)">go</a> <svg onload=alert(top)></svg> '
    "\u202eevil\u202c \x1b[31m"
)
HOSTILE_NAMES = ("<img src=x onerror=alert(origin)>.txt", "\u202etxt.exe.txt")


@cache
def seeds_report() -> Report:
    """The bundled seeds, read from the repository root (sources named ``seeds/...``)."""
    with contextlib.chdir(ROOT):
        return reconcile_paths(["seeds"])


@cache
def corpus_report(*names: str) -> Report:
    """Realistic corpora of ``fixtures/realistic``, read together."""
    with contextlib.chdir(ROOT):
        return reconcile_paths([f"fixtures/realistic/{name}" for name in names])


def page_of(report: Report, show_all: bool = False) -> str:
    """The page the CLI writes for ``report``."""
    errors = [str(e) for e in report.extraction.errors]
    return "".join(
        render(
            report.reconciliation,
            documents=report.extraction.documents,
            errors=errors,
            show_all=show_all,
        )
    )


def write_hostile_corpus(folder: Path) -> None:
    """Three articles whose text and file names try every trick a page could fall for.

    Two disagree (about 110 against exactly 100 countries), so there is a conflict card
    holding the hostile text; the HTML article encodes its tags as entities, which its
    parser turns back into literal ``<script>`` text.
    """
    folder.mkdir(parents=True, exist_ok=True)
    first, second = HOSTILE_NAMES
    (folder / first).write_text(
        f"date: 2026-06-10\n{HOSTILE} About 110 countries attended {SUMMIT}. {HOSTILE}\n", "utf-8"
    )
    (folder / second).write_text(
        f"date: 2026-06-10\n{HOSTILE} Exactly 100 countries attended {SUMMIT}. {HOSTILE}\n",
        "utf-8",
    )
    (folder / "c.html").write_text(
        "<html><head><title>&lt;script&gt;alert(top)&lt;/script&gt; Summit</title>"
        '<meta name="date" content="2026-06-10"></head><body><article><p>'
        "&lt;script&gt;alert(self)&lt;/script&gt; More than 90 countries attended "
        f"{SUMMIT} &lt;img src=x onerror=alert(parent)&gt; "
        '&lt;a href="javascript:alert(name)"&gt;x&lt;/a&gt; &#x202E;gnp.exe</p>'
        "</article></body></html>",
        "utf-8",
    )


def many_cards(result: Reconciliation, copies: int) -> Reconciliation:
    """``result`` with its conflicts repeated ``copies`` times under new ids (in order),
    to see a page of thousands of cards without reconciling thousands of articles."""
    groups = tuple(
        replace(group, id=f"{n:04d}{group.id[4:]}")
        for n in range(copies)
        for group in result.conflicts
    )
    return replace(result, groups=groups)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]


class Parts(HTMLParser):
    """Every element (tag and attributes), every script's text, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def with_class(self, name: str) -> list[Element]:
        return [e for e in self.elements if name in (e.attrs.get("class") or "").split()]

    def ids(self, name: str) -> list[str]:
        return [e.attrs.get("id") or "" for e in self.with_class(name)]


def parse(page: str) -> Parts:
    parts = Parts()
    parts.feed(page)
    parts.close()
    return parts


def card_ids(groups: Sequence[object]) -> list[str]:
    return [f"g-{getattr(g, 'id', '')}" for g in groups]
