"""The report page: summary, filters and one card per group, as one HTML file.

The page is what an editor is sent, so it must open anywhere, offline, and be safe to
open: the stylesheet and the script are inlined (package data, read once), pictures are
inline SVG (:mod:`.charts`), and a Content-Security-Policy forbids every network
request and every script but the page's own (by hash), so even a mistake in escaping
could not run an article's ``<script>`` or ``onerror``. Article text reaches the page
only through :mod:`.safe`, and only in element content or quoted attributes, never
inside the script.

Cards follow the terminal report (:mod:`hanoicheck.formats.report`): subject, severity
(written, not only coloured), each side with its support and outlets, each claim's
``file:line`` and quote with the figure marked, the consensus, the finding and why the
claims were compared. Groups come in the reconciler's order (errors, warnings, agreed,
uncorroborated; then subject and id), and every card's id is ``g-`` plus the group id,
so ids, order and permalinks are stable from run to run.

At 10,000 articles there are thousands of cards: the first :data:`CHUNK` of a section
are open and the rest are in collapsed ``<details>`` blocks, so without the script the
page is still quick to open and to read; with it, cards are shown :data:`PAGE` at a time
behind the filters.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from hanoicheck.formats.html import charts, safe
from hanoicheck.formats.html.safe import text
from hanoicheck.formats.report import quote_in_context
from hanoicheck.model import Claim, Document, Kind, Modality, TimeBasis
from hanoicheck.reconcile import Group, Position, Reconciliation, Severity, Status
from hanoicheck.reconcile import story_inputs as _story_inputs
from hanoicheck.reconcile.labels import value_label
from hanoicheck.reconcile.stories import cluster_stories, story_names

CHUNK = 200
"""Cards per block: the first block of each section is open, the others collapsed."""
PAGE = 50
"""Cards per page when the script runs (mirrored in ``static/report.js``)."""
QUOTES_SHOWN = 3
"""Quotes shown per side; the others are one click away (a side can have dozens)."""
QUOTES_LISTED = 12
"""Quotes written per side; beyond them a side lists its claims' ``file:line`` only."""
STORIES_LISTED_OPEN = 12
"""More stories than this are listed behind a click, so the cards stay near the top."""
STORIES_FILTERED = 40
"""Up to this many stories the cards carry their story and the filter lists them."""
SOURCES_LISTED = 1000
"""At most this many documents are listed in the summary's source table."""

NL = "\n"  # between block elements: the snapshot diff of a page reads line by line

LEVELS = ("error", "warning", "agreed", "uncorroborated")
_LEVEL_NAMES = {
    "error": "Error",
    "warning": "Warning",
    "agreed": "Agreed",
    "uncorroborated": "Uncorroborated",
}


@cache
def _static(name: str) -> str:
    return resources.files("hanoicheck.formats.html").joinpath("static", name).read_text("utf-8")


def _digest(content: str) -> str:
    """A CSP source expression allowing exactly ``content`` (an inline block)."""
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def level(group: Group) -> str:
    """The filter level of a group: its severity when a conflict, else its status."""
    if group.status is Status.CONFLICT:
        return str(group.severity or Severity.WARNING)
    return str(group.status)


def stories_by_source(
    result: Reconciliation, documents: Sequence[Document]
) -> dict[str, str] | None:
    """The story name of every source, as the reconciler built the stories.

    The reconciliation names its stories but does not say which story a group is in;
    the stories are rebuilt here with the reconciler's own functions from the same
    claims and documents, and used only if they give the very names and sizes the
    reconciliation reports (otherwise None: the page then offers no story filter
    rather than a wrong one). One story needs no clustering: every source is in it.

    Rebuilding costs one more story clustering (about what the reconciler spent on it:
    25 s of a 28 s page at 10,000 articles), so it is done only up to
    :data:`STORIES_FILTERED` stories, where a list of stories is still a usable filter;
    a story on each group of the reconciliation would make this a lookup.
    """
    if len(result.story_names) > STORIES_FILTERED:
        return None
    if len(result.story_names) == 1:
        name = result.story_names[0][0]
        sources = {c.source for g in result.groups for c in g.claims}
        return dict.fromkeys(sorted(sources | {d.source for d in documents}), name)
    claims = sorted(
        (c for g in result.groups for c in g.claims), key=lambda c: (c.source, c.start, c.end, c.id)
    )
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    inputs = _story_inputs(by_source, {d.source: d for d in documents})
    stories = cluster_stories(inputs)
    names = story_names(inputs, stories)
    sizes = Counter(stories.values())
    if tuple(sorted((names[s], sizes[s]) for s in names)) != result.story_names:
        return None
    return {source: names[story] for source, story in stories.items()}


@dataclass(slots=True)
class Context:
    """What the page needs besides the groups: documents, unread files, story names."""

    documents: Mapping[str, Document]
    errors: Sequence[str]
    story_of: Mapping[str, str] | None
    story_ids: Mapping[str, str]

    def story(self, group: Group) -> str | None:
        if self.story_of is None or not group.claims:
            return None
        return self.story_of.get(group.claims[0].source)

    def anchor(self, group: Group) -> str:
        """``g-`` and the group id: a card's permalink, unique on the page because group
        ids are unique in a reconciliation (:mod:`hanoicheck.reconcile.ids`)."""
        return "g-" + safe.ident(group.id)


def render(
    result: Reconciliation,
    *,
    documents: Sequence[Document] = (),
    errors: Sequence[str] = (),
    show_all: bool = False,
    title: str = "hanoicheck report",
) -> Iterator[str]:
    """The page, a piece at a time (a card per piece), to be written as it comes.

    ``documents`` (the extraction's, texts may be dropped) give the summary its
    outlets, dates and titles and the story filter; ``errors`` are the files that could
    not be read; ``show_all`` adds the agreed and single-outlet groups as cards.
    """
    story_of = stories_by_source(result, documents)
    names = sorted({n for n, _ in result.story_names})
    context = Context(
        {d.source: d for d in documents},
        errors,
        story_of,
        {name: f"s{i + 1}" for i, name in enumerate(names)},
    )
    groups = result.groups if show_all else result.conflicts
    yield _head(title)
    yield '<body><a class="skip" href="#cards">Skip to the cards</a><div class="wrap">'
    yield f"<header><h1>{text(title)}</h1></header>"
    yield _summary(result, context, documents)
    yield _filters(result, context, show_all)
    yield '<main id="cards" tabindex="-1">'
    yield _pager("top")
    sections = [("conflicts", "Conflicts", result.conflicts)]
    if show_all:
        sections += [
            ("agreed", "Agreed", result.agreed),
            ("uncorroborated", "Uncorroborated (one outlet, not compared)", result.uncorroborated),
        ]
    for key, heading, members in sections:
        yield from _section(key, heading, members, context)
    if not groups:
        yield '<p class="empty">No conflicts found.</p>'
    yield _pager("bottom")
    yield "</main>"
    yield _footer()
    yield "</div>"
    yield f"<script>{_static('report.js')}</script>"
    yield "</body></html>\n"


@cache
def stylesheet() -> str:
    """The page's CSS: the static file and the picture size classes."""
    return _static("report.css") + charts.min_width_rules() + "\n"


def _head(title: str) -> str:
    css, js = stylesheet(), _static("report.js")
    policy = (
        "default-src 'none'; img-src data:; "
        f"style-src {_digest(css)}; script-src {_digest(js)}; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="generator" content="hanoicheck">'
        f"<title>{text(title)}</title><style>{css}</style></head>\n"
    )


def _outlet(document: Document) -> str:
    return document.outlet or document.source.rsplit("/", 1)[-1]


def _summary(result: Reconciliation, context: Context, documents: Sequence[Document]) -> str:
    errors_n, warnings_n = result.count(Severity.ERROR), result.count(Severity.WARNING)
    sources = len(documents) or len(result.sources)
    outlets = (
        {_outlet(d) for d in documents}
        if documents
        else {charts.outlet_of(c) for g in result.groups for c in g.claims}
    )
    items = [
        f"<li><b>{sources:,}</b> {'source' if sources == 1 else 'sources'}</li>",
        f"<li><b>{len(outlets):,}</b> {'outlet' if len(outlets) == 1 else 'outlets'}</li>",
        f"<li><b>{result.stories:,}</b> {'story' if result.stories == 1 else 'stories'}</li>",
        f"<li><b>{result.claim_count:,}</b> claims in <b>{len(result.groups):,}</b> groups</li>",
        f'<li class="error"><b>{errors_n:,}</b> {"error" if errors_n == 1 else "errors"}</li>',
        f'<li class="warning"><b>{warnings_n:,}</b> '
        f"{'warning' if warnings_n == 1 else 'warnings'}</li>",
        f"<li><b>{len(result.agreed):,}</b> agreed</li>",
        f"<li><b>{len(result.uncorroborated):,}</b> uncorroborated</li>",
    ]
    out = ['<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>']
    out.append('<ul class="stats">' + "\n".join(items) + "</ul>")
    out.append(
        '<p class="note">Uncorroborated: a figure only one outlet gives, so nothing to compare '
        "it with. Copies of one outlet's story count once.</p>"
    )
    out.append(_stories(result, context))
    if result.copies:
        copies = [
            f"<li>{len(files)} files credited to <b>{text(outlet)}</b>: "
            f'<span class="src">{text(", ".join(files))}</span></li>'
            for outlet, files in result.copies
        ]
        noun = "outlet" if len(copies) == 1 else "outlets"
        out.append(_listing(f"Counted once ({len(copies):,} {noun})", copies, ""))
    if context.errors:
        problems = [f'<li class="src">{text(e)}</li>' for e in context.errors]
        out.append(_listing(f"Not read ({len(problems):,})", problems, "problems"))
    if documents:
        out.append(_sources_table(documents, context))
    out.append(_key())
    out.append("</section>")
    return "\n".join(out) + "\n"


LISTED_OPEN = 5
"""Summary lists longer than this are folded, so the cards stay near the top."""


def _listing(title: str, items: Sequence[str], css: str) -> str:
    """A titled list of the summary, folded behind its title when it is long."""
    attrs = f' class="{css}"' if css else ""
    body = f"<ul{attrs}>\n" + "\n".join(items) + "</ul>"
    if len(items) > LISTED_OPEN:
        return f'<details class="more"><summary>{title}</summary>{body}</details>'
    return f"<h3>{title}</h3>{body}"


def _stories(result: Reconciliation, context: Context) -> str:
    if not result.story_names:
        return ""
    conflicts: Counter[str] = Counter()
    for group in result.conflicts:
        story = context.story(group)
        if story is not None:
            conflicts[story] += 1
    rows = "\n".join(
        f'<tr><td class="t">{text(name)}</td><td class="num">{size:,}</td>'
        + (f'<td class="num">{conflicts[name]:,}</td>' if context.story_of is not None else "")
        + "</tr>"
        for name, size in result.story_names
    )
    head = '<th class="num">conflicts</th>' if context.story_of is not None else ""
    note = ""
    if context.story_of is None and len(result.story_names) > 1:
        note = (
            '<p class="note">Cards are not labelled with their story here (more than '
            f"{STORIES_FILTERED} stories, or the stories could not be told apart again); "
            "the search box finds a story's names.</p>"
        )
    table = (
        "<table><thead><tr><th>story (the names most of its sources use)</th>"
        f'<th class="num">sources</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )
    title = f"Stories ({len(result.story_names):,})"
    if len(result.story_names) > STORIES_LISTED_OPEN:
        return f'<details class="more"><summary>{title}</summary>{table}</details>{note}'
    return f"<h3>{title}</h3>{table}{note}"


def _sources_table(documents: Sequence[Document], context: Context) -> str:
    shown = documents[:SOURCES_LISTED]
    more = (
        f" (the first {SOURCES_LISTED:,} of {len(documents):,})"
        if len(documents) > SOURCES_LISTED
        else ""
    )
    rows = []
    for document in shown:
        published = document.date or ""
        if published and document.date_source:
            published += f" ({document.date_source})"
        rows.append(
            f'\n<tr><td class="src">{text(document.source)}</td><td>{text(_outlet(document))}</td>'
            f'<td>{text(published)}</td><td class="t">{text(document.title or "")}</td></tr>'
        )
    return (
        f'<details class="more"><summary>Sources{more}</summary>'
        "<table><thead><tr><th>file</th><th>outlet</th><th>published (read from)</th>"
        f"<th>headline</th></tr></thead><tbody>{''.join(rows)}</tbody></table></details>"
    )


def _key() -> str:
    """How to read the pictures, once for the page."""
    return (
        '<details class="more key"><summary>How to read the pictures</summary><p>'
        "Counts and money: each mark is one outlet's figure, placed at the time it holds "
        "(columns in time order, not to scale) and at its value. "
        f"{charts.swatch(0)} filled: reported; {charts.swatch(0, hollow=True)} hollow: "
        "a forecast or plan. A dashed line with an arrow is an open end (&ldquo;more "
        "than&rdquo;, &ldquo;up to&rdquo;), a shaded band is &ldquo;about&rdquo;, a bar "
        "with caps is a range; &times;3 marks three copies from one outlet. Each side has "
        "its own colour and shape. Dates: one row per outlet, its day or range on a "
        "calendar; the dashed yellow span is the consensus, &#9660; the day the article "
        "was published, grey columns are weekends.</p></details>"
    )


def _filters(result: Reconciliation, context: Context, show_all: bool) -> str:
    levels = LEVELS if show_all else LEVELS[:2]
    boxes = "".join(
        f'<label><input type="checkbox" name="level" value="{lv}" checked> '
        f"{_LEVEL_NAMES[lv]}</label>"
        for lv in levels
    )
    kinds = "".join(f'<option value="{k}">{k}</option>' for k in Kind)
    story = ""
    if context.story_of is not None and len(context.story_ids) > 1:
        options = "".join(
            f'<option value="{context.story_ids[name]}">{text(name)}</option>'
            for name in sorted(context.story_ids)
        )
        story = (
            '<label>Story <select name="story"><option value="">all</option>'
            f"{options}</select></label>"
        )
    return (
        '<form id="filters" class="filters" role="search" aria-label="Filter the cards" hidden>'
        f"<fieldset><legend>Show</legend>{boxes}</fieldset>"
        '<label>Kind <select name="kind"><option value="">all</option>'
        f"{kinds}</select></label>{story}"
        '<label>Search <input type="search" name="q" placeholder="subject, outlet, file, quote"'
        ' autocomplete="off"></label>'
        '<button type="reset">Reset</button>'
        '<span id="shown" role="status" aria-live="polite"></span>'
        "</form>"
    )


def _pager(where: str) -> str:
    return (
        f'<nav class="pager" aria-label="Pages ({where})" hidden>'
        '<button type="button" class="prev">&larr; Previous</button>'
        '<span class="at"></span>'
        '<button type="button" class="next">Next &rarr;</button></nav>'
    )


def _section(key: str, heading: str, members: Sequence[Group], context: Context) -> Iterator[str]:
    if not members:
        return
    yield (
        f'<section class="groups" id="{key}" aria-labelledby="{key}-h">'
        f'<h2 id="{key}-h">{text(heading)} ({len(members):,})</h2>'
    )
    for start in range(0, len(members), CHUNK):
        block = members[start : start + CHUNK]
        if start:
            end = start + len(block)
            yield (
                f'<details class="chunk"><summary>{text(heading)} {start + 1:,}&ndash;{end:,} '
                f"of {len(members):,}</summary>"
            )
        for group in block:
            yield _card(group, context)
        if start:
            yield "</details>"
    yield "</section>"


def _card(group: Group, context: Context) -> str:
    lv = level(group)
    story = context.story(group)
    story_attr = f' data-story="{context.story_ids.get(story, "")}"' if story else ""
    anchor = context.anchor(group)
    attrs = (
        f'id="{anchor}" class="card {lv}" data-level="{lv}" data-kind="{group.kind}"{story_attr}'
    )
    # A card is focused when its page or its permalink is opened; a collapsed card is
    # focused through its summary (a tabindex on <details> takes its summary out of the
    # keyboard's way in Chromium).
    focus = ' tabindex="-1"' if group.is_conflict else ""
    head = (
        f'<span class="badge {lv}">{_LEVEL_NAMES[lv]}</span>'
        f'<h3 class="t">{text(group.subject)}</h3>'
        f'<span class="kind">{group.kind}</span>'
        + (f'<span class="story t">{text(story)}</span>' if story else "")
        + f'<a class="permalink" href="#{anchor}" aria-label="Link to this card (id '
        f'{text(group.id)})">id {text(group.id)}</a>'
    )
    body = _body(group, context)
    if group.is_conflict:
        return f"<article {attrs}{focus}>\n<header>{head}</header>\n{body}\n</article>\n"
    return (
        f'<details {attrs}>\n<summary>{head}<span class="t">{text(group.consensus.text)}</span>'
        f"</summary>\n{body}\n</details>\n"
    )


def _body(group: Group, context: Context) -> str:
    out = []
    if group.finding:
        out.append(f'<p class="finding t">{text(group.finding)}.</p>')
    picture = charts.chart(group) if len(group.claims) > 1 else ""
    if picture:
        out.append(f'<div class="plot">{picture}</div>')
    out.append('<ol class="positions">')
    for side, position in enumerate(group.positions[: charts.SIDES_DRAWN]):
        quotes = _quotes(position.claims, context)
        out.append(
            f'<li class="position">{charts.swatch(side)} {_side(position)}{_compatible(position)}'
            f'<ul class="claims">\n{NL.join(quotes)}\n</ul></li>'
        )
    others = group.positions[charts.SIDES_DRAWN :]
    if others:
        listed = NL.join(
            f'<li>{_side(p)} <span class="src">'
            f"{text(', '.join(f'{c.source}:{c.line}' for c in p.claims[:QUOTES_LISTED]))}"
            f"{' ...' if len(p.claims) > QUOTES_LISTED else ''}</span></li>"
            for p in others
        )
        out.append(
            f'<li class="position">{charts.swatch(charts.SIDES_DRAWN)} '
            f'<details class="more"><summary>{len(others):,} other values</summary>'
            f"<ul>\n{listed}\n</ul></details></li>"
        )
    out.append("</ol>")
    rows = [("Consensus", group.consensus.text)]
    if group.reasons:
        rows.append(("Compared because", group.compared_because))
    out.append(
        '<dl class="verdict">'
        + "\n".join(f'<dt>{name}</dt><dd class="t">{text(value)}</dd>' for name, value in rows)
        + "</dl>"
    )
    return "\n".join(out)


OUTLETS_NAMED = 12
"""Outlets named per side; past them, how many more."""


def _side(position: Position) -> str:
    """A side's value and its support: "more than 110 countries (2 outlets: VNA, ...)"."""
    support = position.support
    noun = "outlet" if len(support) == 1 else "outlets"
    names = ", ".join(support[:OUTLETS_NAMED])
    if len(support) > OUTLETS_NAMED:
        names += f" and {len(support) - OUTLETS_NAMED:,} more"
    return (
        f'<span class="value t">{text(position.label)}</span> '
        f'<span class="support">({len(support):,} {noun}: {text(names)})</span>'
    )


def _compatible(position: Position) -> str:
    """Why differently worded figures make one side: they can all be true together."""
    values = list(dict.fromkeys(value_label(c) for c in position.claims))
    if len(values) < 2:
        return ""
    shown = ", ".join(values[:6]) + (f" and {len(values) - 6:,} more" if len(values) > 6 else "")
    return f'<p class="note t">Read as one side: {text(shown)} can all be true together.</p>'


def _quotes(claims: Sequence[Claim], context: Context) -> list[str]:
    """A side's claims as list items: the first :data:`QUOTES_SHOWN` quoted, the next
    ones quoted behind a click, and past :data:`QUOTES_LISTED` only their ``file:line``
    (a side of 600 copies would otherwise weigh half a megabyte)."""
    quotes = [_claim(c, context) for c in claims[:QUOTES_LISTED]]
    if len(claims) <= QUOTES_SHOWN + 1:
        return quotes
    hidden = len(claims) - QUOTES_SHOWN
    rest = quotes[QUOTES_SHOWN:]
    if len(claims) > QUOTES_LISTED:
        places = ", ".join(f"{c.source}:{c.line}" for c in claims[QUOTES_LISTED:])
        rest.append(
            f'<li class="src">and {len(claims) - QUOTES_LISTED:,} more: {text(places)}</li>'
        )
    return [
        *quotes[:QUOTES_SHOWN],
        f'<li><details class="more"><summary>{hidden:,} more quotes</summary>'
        f'<ul class="claims">\n{NL.join(rest)}\n</ul></details></li>',
    ]


_BASIS = {
    TimeBasis.STATED: "stated",
    TimeBasis.FINAL: "final count",
    TimeBasis.PUBLISHED: "the article's date",
    TimeBasis.UNKNOWN: "",
}


def _claim(claim: Claim, context: Context) -> str:
    before, figure, after = quote_in_context(claim)
    tag = (
        f' <span class="tag">{claim.modality}</span>'
        if claim.modality is not Modality.REPORTED
        else ""
    )
    meta = []
    if claim.as_of:
        when = claim.as_of + (f" {claim.as_of_part}" if claim.as_of_part else "")
        basis = _BASIS[claim.as_of_basis]
        meta.append(f"as of {when}" + (f" ({basis})" if basis else ""))
    if claim.attribution:
        meta.append(f"according to {claim.attribution}")
    if claim.subject.scope:
        meta.append(f"in {claim.subject.scope}")
    document = context.documents.get(claim.source)
    published = (document.date if document else None) or claim.document_date
    if published:
        source = f" ({document.date_source})" if document and document.date_source else ""
        meta.append(f"published {published}{source}")
    outlet = claim.outlet or (document.outlet if document else None)
    if outlet:
        meta.append(outlet)
    line = " &middot; ".join(f'<span class="t">{text(m)}</span>' for m in meta)
    if document and document.title:
        line += (" &middot; " if line else "") + f'<cite class="t">{text(document.title)}</cite>'
    return (
        f'<li><span class="src">{text(claim.source)}:{claim.line}</span>{tag}'
        f'<blockquote class="q">&ldquo;{text(before)}<mark>{text(figure)}</mark>'
        f"{text(after)}&rdquo;</blockquote>"
        + (f'<p class="meta">{line}</p>' if line else "")
        + "</li>"
    )


def _footer() -> str:
    return (
        '<footer><p class="note">Made by hanoicheck. This file needs no network: '
        "the filters, search and pages work offline, and every card is readable without "
        "them.</p></footer>"
    )
