"""``--format html``: the page an editor opens, checked as text (the browser tests are in
``test_html_browser.py``).

The seeds' page is snapshot-tested whole. It is written a block per line (a card's
header, each quote, each mark of a picture), so a change reads as a short diff. To
refresh it after an intended change, run
``HANOICHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/formats/test_html.py`` and read
the diff (and look at the page in a browser).
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hanoicheck.cli import app
from hanoicheck.formats import REPORT_FORMATTERS, ReportFormat, ReportOptions, report_formatter
from hanoicheck.formats.html import charts, page, safe
from hanoicheck.formats.html.page import CHUNK, stories_by_source, stylesheet
from hanoicheck.model import (
    Claim,
    Event,
    Interval,
    Kind,
    Modality,
    Qualifier,
    Subject,
    TimeBasis,
)
from hanoicheck.reconcile import Consensus, Group, Position, Severity, Status
from tests.formats.html_pages import (
    card_ids,
    corpus_report,
    many_cards,
    page_of,
    parse,
    seeds_report,
    write_hostile_corpus,
)
from tests.gold import ROOT

runner = CliRunner()
SNAPSHOT = ROOT / "tests" / "snapshots" / "report_seeds.html"


# ---------------------------------------------------------------------- the seeds


def test_seeds_page_matches_the_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["report", "--format", "html"])
    assert result.exit_code == 0, result.output
    if os.environ.get("HANOICHECK_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(result.stdout, "utf-8")
    assert result.stdout == SNAPSHOT.read_text("utf-8")


def test_the_page_is_the_same_from_run_to_run_and_from_conflicts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    first = runner.invoke(app, ["report", "-f", "html", "--all"]).stdout
    again = runner.invoke(app, ["report", "-f", "html", "--all", "--jobs", "2"]).stdout
    exported = runner.invoke(app, ["conflicts", "-f", "html", "--all"]).stdout
    assert first == again == exported
    assert first.startswith("<!DOCTYPE html>") and first.endswith("</html>\n")


def test_every_conflict_has_a_card_most_severe_first_with_its_permalink() -> None:
    report = seeds_report()
    conflicts = report.reconciliation.conflicts
    parts = parse(page_of(report))
    assert parts.ids("card") == card_ids(conflicts)
    levels = [c.attrs["data-level"] for c in parts.with_class("card")]
    assert levels == ["error", "warning", "warning"]
    # severity is written, not only coloured
    assert [b for b in parts.text if b in ("Error", "Warning")] == ["Error", "Warning", "Warning"]
    links = {e.attrs.get("href") for e in parts.with_class("permalink")}
    assert links == {f"#{i}" for i in card_ids(conflicts)}


def test_all_adds_the_agreed_and_uncorroborated_groups() -> None:
    report = seeds_report()
    result = report.reconciliation
    parts = parse(page_of(report, show_all=True))
    assert parts.ids("card") == card_ids(result.groups)
    agreed = [c for c in parts.with_class("card") if c.attrs["data-level"] == "agreed"]
    assert len(agreed) == len(result.agreed) == 1
    assert {e.attrs.get("value") for e in parts.elements if e.attrs.get("name") == "level"} == {
        "error",
        "warning",
        "agreed",
        "uncorroborated",
    }


def _card(page_text: str, group_id: str) -> str:
    start = page_text.index(f'id="g-{group_id}"')
    return page_text[start : page_text.index("</article>", start)]


def test_a_card_shows_what_the_terminal_report_shows() -> None:
    report = seeds_report()
    plenary = next(g for g in report.reconciliation.conflicts if g.kind is Kind.DATE)
    card = _card(page_of(report), plenary.id)
    assert "date of the plenary session" in card
    assert "Reported facts that cannot both be true." in card
    for position in plenary.positions:
        assert position.label in card
        assert f"1 outlet: {position.support[0]}" in card
    assert "seeds/000_d3321d4a47214618.txt:2" in card
    assert "seeds/001_022a195d71583f65.txt:11" in card
    assert "<mark>October 15</mark>" in card and "<mark>October 25</mark>" in card
    assert f'<dt>Consensus</dt><dd class="t">{safe.text(plenary.consensus.text)}</dd>' in card
    assert "<dt>Compared because</dt>" in card and "it cannot be another sitting" in card
    assert '<svg class="chart' in card  # its calendar strip


def test_a_forecast_is_tagged_and_drawn_hollow() -> None:
    report = seeds_report()
    countries = next(g for g in report.reconciliation.conflicts if "countries" in g.subject)
    card = _card(page_of(report), countries.id)
    assert "Read as one side: about 110 countries, more than 110 delegations" in card
    assert '<span class="tag">forecast</span>' in card
    assert 'fill="#fff"' in card  # the forecast's hollow mark
    assert "<mark>100 countries</mark>" in card


def test_the_summary_counts_sources_outlets_stories_and_conflicts() -> None:
    report = seeds_report()
    parts = parse(page_of(report))
    stats = " ".join(" ".join(parts.text).split())
    assert "5 sources" in stats and "3 outlets" in stats and "1 story" in stats
    assert "25 claims in 17 groups" in stats
    assert "1 error" in stats and "2 warnings" in stats
    assert "1 agreed" in stats and "13 uncorroborated" in stats
    assert "Convention / Cybercrime / Hanoi" in stats  # the story's name
    assert "3 files credited to VNA" in stats
    assert "seeds/000_d3321d4a47214618.txt, seeds/003_57c7628310a0554d.txt" in stats


def test_unreadable_files_are_named_on_the_page_and_exit_2(tmp_path: Path) -> None:
    summit = "the Lisbon Ocean Summit at the Belem Cultural Centre"
    (tmp_path / "a.txt").write_text(f"date: 2026-06-10\nAbout 110 countries attended {summit}.\n")
    (tmp_path / "b.txt").write_text(f"date: 2026-06-10\nExactly 100 countries attended {summit}.\n")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    result = runner.invoke(app, ["report", str(tmp_path), "-f", "html", "-o", str(out), "-q"])
    assert result.exit_code == 2
    assert result.stdout == ""
    text = out.read_text("utf-8")
    assert "Not read (1)" in text and "c.txt" in text.split("Not read (1)")[1][:400]
    assert len(parse(text).with_class("card")) == 1
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]  # written atomically


def test_the_text_report_stays_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    default = runner.invoke(app, ["report", "--color", "never"]).stdout
    text = runner.invoke(app, ["report", "--color", "never", "--format", "text"]).stdout
    assert default == text and default.startswith("hanoicheck report: 5 sources")


def test_every_report_format_has_exactly_one_formatter() -> None:
    assert set(REPORT_FORMATTERS) == set(ReportFormat)
    formatters = [report_formatter(fmt) for fmt in ReportFormat]  # ends in assert_never
    assert len(set(formatters)) == len(ReportFormat)
    result = seeds_report().reconciliation
    text, html = ("".join(f(result, ReportOptions())) for f in formatters)
    assert text.startswith("hanoicheck report:") and html.startswith("<!DOCTYPE html>")


# ------------------------------------------------------------------------- safety

ALLOWED_TAGS = {
    # the page's own vocabulary: an injected tag would be something else, or a second
    # script, or an attribute below
    *[
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "div",
        "header",
        "main",
        "section",
        "article",
        "details",
        "summary",
    ],
    *[
        "footer",
        "nav",
        "form",
        "fieldset",
        "legend",
        "label",
        "input",
        "select",
        "option",
        "button",
        "span",
        "a",
        "h1",
        "h2",
        "h3",
    ],
    *[
        "p",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "mark",
        "cite",
        "b",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "script",
    ],
    *["svg", "g", "title", "rect", "line", "circle", "polygon", "path", "text"],
}


@pytest.mark.parametrize("command", ["report", "conflicts"])
def test_article_text_and_file_names_cannot_run_or_reorder_anything(
    tmp_path: Path, command: str
) -> None:
    corpus = tmp_path / "corpus"
    write_hostile_corpus(corpus)
    out = tmp_path / "page.html"
    result = runner.invoke(app, [command, str(corpus), "-f", "html", "--all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    parts = parse(text)
    assert len(parts.with_class("card")) >= 1  # the hostile quotes are on the page
    assert {e.tag for e in parts.elements} <= ALLOWED_TAGS
    assert not [e for e in parts.elements if e.tag in ("img", "iframe", "object", "embed")]
    handlers = [(e.tag, a) for e in parts.elements for a in e.attrs if a.startswith("on")]
    assert handlers == []
    hrefs = [e.attrs.get("href") or "" for e in parts.elements if "href" in e.attrs]
    assert hrefs and all(re.fullmatch(r"#[A-Za-z0-9_-]+", h) for h in hrefs), hrefs
    assert parts.scripts == [page._static("report.js")]  # no article text in a script
    # bidi overrides and control characters are shown, not sent
    assert not re.search("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f]", text)
    visible = " ".join(parts.text)
    assert "\\x202etxt.exe.txt" in visible and "\\x202eevil" in visible
    # the text is there for the reader, as text
    assert "<script>alert(self)</script>" in visible  # the HTML article's text
    assert "<script>alert(top)</script> Summit" in visible  # its headline
    assert "<svg onload=alert(top)></svg>" in visible  # the text articles' quotes
    assert "\\x1b[31m" in visible
    assert "<img src=x onerror=alert(origin)>.txt" in visible  # a file name


def test_the_page_forbids_the_network_and_any_other_script() -> None:
    text = page_of(seeds_report())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert policy is not None
    rules = dict(r.strip().split(" ", 1) for r in policy.group(1).split(";"))
    assert rules["default-src"] == "'none'"
    assert rules["script-src"].startswith("'sha256-") and " " not in rules["script-src"]
    assert rules["style-src"].startswith("'sha256-")
    assert "http" not in text.split("</style>")[0].split("<style>")[1]  # nothing fetched


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("<b>&\"'", "&lt;b&gt;&amp;&quot;&#x27;"),
        ("a\u202eb\u2066c\u200fd", "a\\x202eb\\x2066c\\x200fd"),
        ("bell\x07 esc\x1b[31m del\x7f", "bell\\x07 esc\\x1b[31m del\\x7f"),
        ("line\nbreak\tand  spaces", "line break and spaces"),
        ("Phạm Minh Chính \u200d", "Phạm Minh Chính \u200d"),  # joiners are kept
    ],
)
def test_text_is_escaped_and_neutralised(raw: str, shown: str) -> None:
    assert safe.text(raw) == shown


# -------------------------------------------------------------------- accessibility


def _luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG 2.1 contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_matches_the_wcag_examples() -> None:
    assert math.isclose(contrast("#000000", "#ffffff"), 21.0)
    assert math.isclose(contrast("#777777", "#ffffff"), 4.48, abs_tol=0.01)


def test_colours_pass_wcag_aa() -> None:
    css = stylesheet()
    var = dict(re.findall(r"--([a-z0-9-]+):\s*(#[0-9a-f]{6})", css))
    white = "#ffffff"
    text_pairs = [
        ("fg", white),
        ("muted", white),
        ("link", white),
        ("error", white),  # badge text is white on the colour, finding text the reverse
        ("warning", white),
        ("agreed", white),
        ("uncorroborated", white),
        ("error", "error-bg"),
        ("warning", "warning-bg"),
        ("muted", "uncorroborated-bg"),
        ("fg", "mark-bg"),
    ]
    for fg, bg in text_pairs:
        ratio = contrast(var[fg], var.get(bg, bg))
        assert ratio >= 4.5, (fg, bg, ratio)
    sides = [var[f"side-{i}"] for i in range(len(charts.SIDE_COLORS))]
    assert tuple(sides) == charts.SIDE_COLORS  # the pictures use the stylesheet's colours
    assert all(contrast(c, white) >= 4.5 for c in sides)  # marks and their labels
    assert contrast(var["line"], white) >= 3.0  # borders of controls


def test_severity_is_written_and_the_page_has_landmarks_and_labels() -> None:
    parts = parse(page_of(seeds_report(), show_all=True))
    badges = {e.attrs["class"] for e in parts.elements if "badge" in (e.attrs.get("class") or "")}
    assert badges == {f"badge {lv}" for lv in ("error", "warning", "agreed", "uncorroborated")}
    tags = {e.tag for e in parts.elements}
    assert {"main", "header", "nav", "footer"} <= tags
    assert parts.elements[0].tag == "html" and parts.elements[0].attrs.get("lang") == "en"
    charts_ = [e for e in parts.elements if "chart" in (e.attrs.get("class") or "")]
    assert charts_ and all(
        e.attrs.get("role") == "img" and e.attrs.get("aria-label") for e in charts_
    )
    inputs = [e for e in parts.elements if e.tag in ("input", "select")]
    labelled = {e.attrs.get("name") for e in inputs}
    assert labelled == {"level", "kind", "q"}  # each inside its <label> (see the page)
    assert "@media print" in stylesheet()


# ------------------------------------------------------------------------ big pages


def test_beyond_a_block_of_cards_the_rest_is_collapsed() -> None:
    result = many_cards(seeds_report().reconciliation, 150)  # 450 conflicts
    text = "".join(page.render(result))
    parts = parse(text)
    assert len(parts.with_class("card")) == 450
    chunks = [e for e in parts.elements if e.tag == "details" and "chunk" in str(e.attrs)]
    assert len(chunks) == math.ceil(450 / CHUNK) - 1
    head = text[: text.index('<details class="chunk">')]
    assert head.count('class="card ') == CHUNK  # the first block is open
    assert parts.ids("card") == card_ids(result.conflicts)  # order kept across blocks


# ------------------------------------------------------------------------- stories


def test_cards_carry_their_story_and_the_filter_lists_every_story() -> None:
    report = corpus_report("france_strike_day", "kunar_earthquake")  # two events
    result = report.reconciliation
    assert len(result.story_names) == 2
    parts = parse(page_of(report, show_all=True))
    options = {
        e.attrs.get("value")
        for e in parts.elements
        if e.tag == "option" and (e.attrs.get("value") or "").startswith("s")
    }
    assert options == {"s1", "s2"}
    stories = {c.attrs.get("data-story") for c in parts.with_class("card")}
    assert stories <= options and len(stories) == 2
    mapping = stories_by_source(result, report.extraction.documents)
    assert mapping is not None and set(mapping.values()) == {n for n, _ in result.story_names}


def test_stories_are_not_guessed_when_they_cannot_be_rebuilt() -> None:
    report = seeds_report()
    renamed = replace(report.reconciliation, story_names=(("A story", 3), ("Another", 2)))
    assert stories_by_source(renamed, report.extraction.documents) is None
    parts = parse("".join(page.render(renamed, documents=report.extraction.documents)))
    assert not [e for e in parts.elements if e.attrs.get("name") == "story"]
    assert all("data-story" not in c.attrs for c in parts.with_class("card"))


# -------------------------------------------------------------------------- pictures


def _claim(
    value: Interval[float],
    *,
    outlet: str,
    as_of: str | None,
    part: str | None = None,
    basis: TimeBasis = TimeBasis.STATED,
    modality: Modality = Modality.REPORTED,
    unit: str = "people",
    line: int = 1,
) -> Claim:
    return Claim(
        source=f"{outlet}.txt",
        kind=Kind.COUNT,
        quote=str(value.nominal),
        start=line,
        end=line + 3,
        line=line,
        column=1,
        sentence=f"The toll was {value.nominal}.",
        subject=Subject("deaths"),
        event=Event(),
        value=value,
        unit=unit,
        modality=modality,
        outlet=outlet,
        as_of=as_of,
        as_of_part=part,
        as_of_basis=basis,
    )


def _group(*sides: tuple[Claim, ...], kind: Kind = Kind.COUNT, tied: bool = False) -> Group:
    positions = tuple(
        Position(str(i), claims, tuple(sorted({c.outlet or "" for c in claims})), claims[0].unit)
        for i, claims in enumerate(sides)
    )
    consensus = Consensus(None if tied else "0", 1, len(sides), ("0", "1") if tied else ())
    return Group(
        id="abc",
        kind=kind,
        subject="number of deaths",
        key="deaths|",
        claims=tuple(c for side in sides for c in side),
        positions=positions,
        status=Status.CONFLICT,
        consensus=consensus,
        severity=Severity.ERROR,
    )


def _marks(svg: str) -> dict[str, tuple[float, float, str]]:
    """Each mark's title -> (x, y, the marker's fill)."""
    found = {}
    for title, shape in re.findall(r"<g><title>([^<]*)</title>(.*?)</g>", svg):
        xy = re.findall(
            r'<(?:circle|rect|polygon)[^>]*?(?:cx|x)="([\d.]+)"[^>]*?(?:cy|y)="([\d.]+)"[^>]*fill="([^"]+)"',
            shape,
        )
        points = re.search(r'points="([\d.]+),([\d.]+)[^"]*"[^>]*fill="([^"]+)"', shape)
        if xy:
            x, y, fill = xy[-1]
        elif points:
            x, y, fill = points.groups()
        else:
            continue
        found[title.split(":")[0]] = (float(x), float(y), fill)
    return found


def test_a_running_total_reads_as_a_rising_staircase() -> None:
    days = ["2025-09-01", "2025-09-02", "2025-09-03", "2025-09-04"]
    values = [800.0, 1411.0, 1457.0, 2205.0]
    claims = tuple(
        _claim(Interval.exact(v), outlet=f"o{i}", as_of=d)
        for i, (d, v) in enumerate(zip(days, values, strict=True))
    )
    marks = _marks(charts.value_chart(_group(claims)))
    points = [marks[f"o{i}"] for i in range(4)]
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    assert xs == sorted(xs) and len(set(xs)) == 4  # later to the right
    assert ys == sorted(ys, reverse=True)  # higher up (SVG y grows downwards)


def test_a_clash_is_two_marks_in_one_column_and_times_within_a_day_are_ordered() -> None:
    day = "2025-09-18"
    group = _group(
        (
            _claim(Interval.exact(76500.0), outlet="noon", as_of=day, part="12:55"),
            _claim(Interval.exact(1e6), outlet="final", as_of=day, basis=TimeBasis.FINAL),
        ),
        (
            _claim(Interval.exact(506000.0), outlet="six", as_of=day, part="18:00"),
            _claim(Interval.exact(500000.0), outlet="evening", as_of=day, part="evening"),
            _claim(Interval.exact(175000.0), outlet="day", as_of=day),
            _claim(Interval.exact(900000.0), outlet="day2", as_of=day),
        ),
    )
    marks = _marks(charts.value_chart(group))
    order = ["noon", "six", "evening", "day", "final"]
    xs = [marks[o][0] for o in order]
    assert xs == sorted(xs)
    assert abs(marks["day"][0] - marks["day2"][0]) < 20 and marks["day"][1] != marks["day2"][1]


def test_hedges_keep_their_shape() -> None:
    more = Interval(110.0, 110.0, None, False, True, Qualifier.MORE_THAN)
    about = Interval(110.0, 104.5, 115.5, True, True, Qualifier.ABOUT)
    span = Interval(18.0, 18.0, 19.0, True, True, Qualifier.RANGE)
    group = _group(
        (_claim(more, outlet="more", as_of="2025-10-25"),),
        (_claim(about, outlet="about", as_of="2025-10-25"),),
        (_claim(span, outlet="range", as_of="2025-10-25"),),
        (
            _claim(
                Interval.exact(100.0), outlet="fc", as_of="2025-10-24", modality=Modality.FORECAST
            ),
        ),
    )
    svg = charts.value_chart(group)
    blocks = dict(re.findall(r"<g><title>([a-z]+):[^<]*</title>(.*?)</g>", svg))
    assert 'stroke-dasharray="4 2"' in blocks["more"] and "<path" in blocks["more"]  # open end
    assert "fill-opacity" in blocks["about"]  # a band
    assert blocks["range"].count("<line") == 3  # a bar with two caps
    assert 'fill="#fff"' in blocks["fc"] and 'fill="#fff"' not in blocks["more"]


def test_copies_of_one_outlet_are_one_mark_and_conversions_are_not_drawn() -> None:
    copies = tuple(
        _claim(Interval.exact(1e6), outlet="VNA", as_of="2025-09-02", line=n) for n in (1, 2, 3)
    )
    dollars = _claim(Interval.exact(1.35e6), outlet="X", as_of="2025-09-02", unit="USD")
    pounds = _claim(Interval.exact(1e7), outlet="Y", as_of="2025-09-02", unit="GBP")
    group = replace(
        _group((*copies,), (pounds, dollars), kind=Kind.MONEY),
        positions=(
            Position("GBP 1 million", copies, ("VNA",), "people"),
            Position("GBP 10 million", (pounds, dollars), ("Y",), "GBP"),
        ),
    )
    svg = charts.value_chart(group)
    assert svg.count("<g><title>VNA:") == 1 and "\u00d73" in svg
    assert "1 conversion into another currency not drawn" in svg
    assert "<g><title>X:" not in svg


def test_values_far_apart_go_on_a_log_axis() -> None:
    group = _group(
        (_claim(Interval.exact(10.0), outlet="a", as_of="2025-09-18"),),
        (_claim(Interval.exact(1e6), outlet="b", as_of="2025-09-18"),),
    )
    svg = charts.value_chart(group)
    assert "log scale" in svg
    marks = _marks(svg)
    assert abs(marks["a"][1] - marks["b"][1]) > 20  # both legible, far apart


def _date(day: str, outlet: str, *, published: str | None = None, low: str | None = None) -> Claim:
    value: Interval[str] = Interval(day, low or day, day, True, True, Qualifier.EXACT)
    if low:
        value = Interval(low, low, day, True, True, Qualifier.RANGE)
    claim = _claim(Interval.exact(1.0), outlet=outlet, as_of=None)
    return replace(claim, kind=Kind.DATE, value=value, unit=None, document_date=published)


def test_a_calendar_strip_has_a_row_per_outlet_the_consensus_and_publication_days() -> None:
    group = _group(
        (
            _date("2025-10-25", "dantri", published="2025-10-26"),
            _date("2025-10-26", "vna", low="2025-10-25"),
        ),
        (_date("2025-10-15", "other"),),
        kind=Kind.DATE,
    )
    svg = charts.date_chart(group)
    assert [r for r in ("dantri", "vna", "other") if f'class="row">{r}</text>' in svg] == [
        "dantri",
        "vna",
        "other",
    ]
    assert "<title>consensus: 0</title>" in svg
    assert "<title>published 2025-10-26</title>" in svg
    tied = charts.date_chart(replace(group, consensus=Consensus(None, 1, 2, ("0", "1"))))
    assert "consensus" not in tied
    days = [int(d) for d in re.findall(r'class="tick">(\d+)</text>', svg)]
    assert days[0] == 14 and days[-1] == 27  # a day either side of what is drawn


def test_year_less_dates_are_drawn_in_the_story_s_year() -> None:
    group = _group(
        (_date("--10-15", "a"),),
        (_date("2025-10-25", "b"),),
        kind=Kind.DATE,
        tied=True,
    )
    svg = charts.date_chart(group)
    assert "Oct 2025" in svg and svg.count("<g><title>") == 2


def test_as_of_moments_read_like_a_timeline() -> None:
    claim = _claim(Interval.exact(1.0), outlet="a", as_of="2025-09-18", part="18:25")
    assert charts.moment(claim).day == "Sep 18" and charts.moment(claim).part == "18:25"
    assert charts.moment(replace(claim, as_of=None, document_date=None)).day == "no date"
    ranged = replace(claim, as_of="2025-09-15/2025-09-21", as_of_part=None)
    assert charts.moment(ranged).day == "Sep 15-Sep 21"
    assert charts.moment(claim, with_year=True).day == "Sep 18, 2025"


def test_short_numbers_label_the_value_axis() -> None:
    assert [charts.short_number(v) for v in (5, 2.5, 1500, 900000, 1.5e6, 3e9)] == [
        "5",
        "2.5",
        "1.5k",
        "900k",
        "1.5M",
        "3bn",
    ]


def test_the_svg_builder_escapes_and_rounds() -> None:
    assert charts.el("text", "x", x=1.26, class_="tick") == '<text x="1.3" class="tick">x</text>'
    assert charts.el("line", x1=4.0, stroke_width=2) == '<line x1="4" stroke-width="2"/>'
    assert charts.el("rect", fill='"><script>') == '<rect fill="&quot;&gt;&lt;script&gt;"/>'
    assert charts.el("rect", stroke_dasharray=None) == "<rect/>"  # None: no attribute


# ------------------------------------------------------------------ very big groups


def test_a_side_of_many_copies_quotes_a_few_and_lists_the_rest_by_place() -> None:
    claims = tuple(
        _claim(Interval.exact(2600.0), outlet=f"o{n}", as_of="2025-09-02", line=n)
        for n in range(40)
    )
    group = _group(claims, (_claim(Interval.exact(100.0), outlet="x", as_of="2025-09-02"),))
    context = page.Context({}, (), None, {})
    card = page._card(group, context)
    assert card.count("<blockquote") == page.QUOTES_LISTED + 1
    shown = card.split('<details class="more">')[0]
    assert shown.count("<blockquote") == page.QUOTES_SHOWN
    assert f"{40 - page.QUOTES_SHOWN} more quotes" in card
    assert f"and {40 - page.QUOTES_LISTED} more: o{page.QUOTES_LISTED}.txt:" in card
    assert "o39.txt:39" in card


def test_more_sides_than_colours_and_shapes_are_drawn_as_other_values() -> None:
    sides = [
        (_claim(Interval.exact(100.0 + n), outlet=f"o{n}", as_of="2025-09-02"),) for n in range(15)
    ]
    group = _group(*sides)
    svg = charts.value_chart(group)
    assert svg.count('stroke-width="2.5"') == 15 - charts.SIDES_DRAWN  # grey crosses
    card = page._card(group, page.Context({}, (), None, {}))
    assert f"{15 - charts.SIDES_DRAWN} other values" in card
    assert card.count('class="position"') == charts.SIDES_DRAWN + 1


def test_many_times_share_columns_and_many_marks_become_spans() -> None:
    start = date(2025, 1, 1)
    claims = tuple(
        _claim(
            Interval.exact(1000.0 + n),
            outlet=f"o{n}",
            as_of=(start + timedelta(days=n)).isoformat(),
        )
        for n in range(100)
    )
    svg = charts.value_chart(_group(claims))
    columns = re.findall(r'text-anchor="middle" class="tick">([^<]*)</text>', svg)
    firsts = [c for c in columns if not c.startswith("to ")]
    assert len(firsts) == 20  # 100 days, 5 to a column: no more than MAX_COLUMNS
    assert len(firsts) <= charts.MAX_COLUMNS
    assert "Jan 1" in columns and "to Apr 10" in columns  # the first and the last day
    assert svg.count("<g>") <= charts.MAX_COLUMNS  # one span per side and column
    assert "5 outlets" in svg


def test_an_open_ended_date_is_its_day_and_a_dashed_arrow() -> None:
    since = _date("2025-08-31", "since")
    since = replace(
        since, value=Interval("2025-08-31", "2025-08-31", None, True, True, Qualifier.AT_LEAST)
    )
    group = _group((since, _date("2025-08-31", "exact")), (_date("2025-09-02", "b"),))
    svg = charts.date_chart(group)
    block = re.search(r"<g><title>since:.*?</g>", svg)
    assert block is not None
    assert block.group().count("<rect") == 1  # the known day
    assert 'stroke-dasharray="4 2"' in block.group() and "<path" in block.group()


def test_the_conflicts_formatter_renders_the_page_from_the_reconciliation_alone() -> None:
    from hanoicheck.formats.conflicts import ConflictFormat, iter_conflicts

    result = seeds_report().reconciliation
    text = "".join(iter_conflicts(result, ConflictFormat.HTML, show_all=True))
    parts = parse(text)
    assert parts.ids("card") == card_ids(result.groups)
    assert "<summary>Sources" not in text  # no documents: no source table


def test_every_card_has_a_permalink_of_its_own() -> None:
    # France's strike day has groups whose sides are the same values ("2 holidays",
    # "4,000 demonstrators"): their ids are told apart, so their cards' anchors are too
    result = corpus_report("france_strike_day").reconciliation
    parts = parse("".join(page.render(result, show_all=True)))
    ids = parts.ids("card")
    assert sorted(ids) == sorted(card_ids(result.groups))
    assert len(ids) == len(set(ids))


def test_one_story_needs_no_clustering(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("clustered again")

    monkeypatch.setattr(page, "cluster_stories", fail)
    report = seeds_report()
    mapping = stories_by_source(report.reconciliation, report.extraction.documents)
    assert mapping is not None
    assert set(mapping.values()) == {"Convention / Cybercrime / Hanoi"}
    assert set(mapping) == {d.source for d in report.extraction.documents}


def test_past_forty_stories_there_is_no_story_filter_and_the_list_folds() -> None:
    report = seeds_report()
    many = tuple((f"Story {n:02d}", 1) for n in range(page.STORIES_FILTERED + 1))
    result = replace(report.reconciliation, story_names=many)
    assert stories_by_source(result, report.extraction.documents) is None
    text = "".join(page.render(result, documents=report.extraction.documents))
    assert f"<summary>Stories ({len(many)})</summary>" in text
    assert "the search box finds a story's names" in text
    assert 'name="story"' not in text


def test_long_summary_lists_fold_so_the_cards_stay_near_the_top() -> None:
    items = [f"<li>{n}</li>" for n in range(page.LISTED_OPEN + 1)]
    assert page._listing("Not read (6)", items, "problems").startswith(
        '<details class="more"><summary>Not read (6)</summary><ul class="problems">'
    )
    assert page._listing("Not read (5)", items[:5], "problems").startswith("<h3>Not read (5)")
