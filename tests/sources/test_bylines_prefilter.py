"""Publication lines: the year check that skips the full date pattern is exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanoicheck.sources import bylines
from tests.gold import ROOT

LINES = [
    "Published 3 June 2025",
    "Posted Tuesday, June 3, 2025 at 8:14 am",
    "Metro Ledger | Story 48213 | Published 03/06/2025",
    "2025-06-03",
    "Updated: June 14",  # no year: no date
    "By Jane Doe | World desk",
    "Posted Tuesday at 8:14 am",
    "\u0661\u0669\u0669\u0660",  # Arabic-Indic digits: neither pattern starts there
]


@pytest.mark.parametrize("line", LINES)
def test_a_line_date_needs_a_year(line: str) -> None:
    if bylines._YEAR.search(line) is None:
        assert bylines._LINE_DATE.search(line) is None


def test_the_year_check_holds_on_every_line_of_the_seeds_and_fixtures() -> None:
    lines = dated = 0
    paths = [*Path(ROOT, "seeds").rglob("*.*"), *Path(ROOT, "fixtures").rglob("*.*")]
    for path in sorted(p for p in paths if p.suffix in (".txt", ".md", ".html")):
        for line in path.read_text("utf-8", errors="replace").splitlines():
            lines += 1
            if bylines._LINE_DATE.search(line) is not None:
                dated += 1
                assert bylines._YEAR.search(line) is not None, (path, line)
    assert lines > 1000 and dated > 20


def test_publication_lines_still_read_their_dates() -> None:
    text = "By Jane Doe | Published 3 June 2025\nThe treaty was signed by 40 states.\n"
    found = bylines.publication_lines(text, [(0, 35), (36, len(text) - 1)])
    assert [(f.span.start, f.day) for f in found] == [(0, "2025-06-03")]
