"""A deterministic generator of synthetic multi-source news corpora, with gold.

Usage::

    python benchmarks/generate.py OUT --articles 10000 [--seed 20261123]

writes ``OUT/corpus/<shard>/<event>/<outlet>.{txt,md,html}``, ``OUT/gold/claims.jsonl``
(every figure that is a claim, one line per document), ``OUT/gold/conflicts.jsonl``
(planted conflicts and agreements, one line per expectation) and
``OUT/manifest.json``. Paths in the gold are relative to ``OUT``; run hanoicheck
from ``OUT`` so claim sources match them.

Why synthetic: a benchmark at 100,000 articles needs a corpus whose every claim,
agreement and conflict is known, and that anyone can rebuild byte for byte from a
seed. Real feeds cannot be redistributed and have no gold.

What it varies (the styles the extractor documents, never its internals): several
articles per event from different outlets and layouts (wire datelines, ``date:``
lines, Markdown front matter, HTML with page chrome, a ``Source:`` URL with a
timestamp); numbers in digits and words; hedges ("more than", "at least", "about",
"nearly", ranges); currencies written every way; dates with and without a year, date
ranges and weekdays relative to the dateline; forecasts in previews; and numbers that
are not claims (phone numbers, "Article 40", clock times, percentages, ordinals,
years in names, URLs, room numbers).

What it plants, per event and fact (countries that signed, countries that attended,
delegates, plenary statements, a donor's pledge, the signing date): when two or more
reports give a fact, either they agree (same value, different wording, or hedges the
value satisfies) or one report contradicts the rest (a disjoint exact value). Both
are written to the conflict gold with path, line and anchor.

Determinism: each event draws from its own ``random.Random(f"{seed}:{index}")``, so a
corpus is the same on every machine and Python version, and the first articles of a
bigger corpus are those of a smaller one.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GENERATOR_VERSION = "1"
DEFAULT_SEED = 20261123
EVENTS_PER_SHARD = 100

CITIES = [
    ("Geneva", "GENEVA"), ("Lisbon", "LISBON"), ("Nairobi", "NAIROBI"), ("Hanoi", "HANOI"),
    ("Jakarta", "JAKARTA"), ("Santiago", "SANTIAGO"), ("Vienna", "VIENNA"), ("Oslo", "OSLO"),
    ("Accra", "ACCRA"), ("Manila", "MANILA"), ("Lima", "LIMA"), ("Bonn", "BONN"),
    ("Dakar", "DAKAR"), ("Seoul", "SEOUL"), ("Sydney", "SYDNEY"), ("Ottawa", "OTTAWA"),
    ("Marrakesh", "MARRAKESH"), ("Kigali", "KIGALI"), ("Bangkok", "BANGKOK"),
    ("Montevideo", "MONTEVIDEO"), ("Helsinki", "HELSINKI"), ("Doha", "DOHA"),
    ("Suva", "SUVA"), ("Tbilisi", "TBILISI"), ("Windhoek", "WINDHOEK"), ("Quito", "QUITO"),
    ("Tallinn", "TALLINN"), ("Cairo", "CAIRO"), ("Kuala Lumpur", "KUALA LUMPUR"),
    ("Panama City", "PANAMA CITY"),
]  # fmt: skip
TOPICS = [
    "Ocean Plastics", "Cybercrime", "Clean Energy", "Migratory Species", "Pandemic Preparedness",
    "Deep-Sea Mining", "Drought Resilience", "Digital Trade", "Nuclear Safety", "Forest Finance",
    "Road Safety", "Antimicrobial Resistance", "Space Debris", "Wetlands", "Critical Minerals",
    "Refugee Protection", "Tobacco Control", "Chemical Waste", "Child Labour", "Food Security",
]  # fmt: skip
INSTRUMENTS = ["Convention", "Treaty", "Accord", "Declaration", "Compact", "Charter", "Pact"]
DONORS = [
    ("Australia", "australia", "AUD"), ("Japan", "japan", "JPY"),
    ("The European Union", "european union", "EUR"), ("Britain", "britain", "GBP"),
    ("Canada", "canada", "CAD"), ("New Zealand", "new zealand", "NZD"),
    ("Switzerland", "switzerland", "CHF"), ("The United States", "united states", "USD"),
    ("Germany", "germany", "EUR"),
]  # fmt: skip
CURRENCY_FORMS = {
    "AUD": ["A${a} {s}", "AUD {a} {s}", "AUD{a} {s}", "{a} {s} Australian dollars", "A${a}{x}"],
    "USD": ["US${a} {s}", "${a} {s}", "${a}{x}", "USD {a} {s}", "{a} {s} US dollars"],
    "EUR": ["€{a} {s}", "EUR {a} {s}", "EUR {a}{x}", "{a} {s} euros"],
    "GBP": ["£{a} {s}", "GBP {a} {s}", "£{a}{x}", "{a} {s} pounds"],
    "JPY": ["¥{a} {s}", "{a} {s} yen", "JPY {a} {s}"],
    "CAD": ["C${a} {s}", "CAD {a} {s}", "{a} {s} Canadian dollars"],
    "NZD": ["NZ${a} {s}", "NZD {a} {s}", "{a} {s} New Zealand dollars"],
    "CHF": ["CHF {a} {s}", "{a} {s} Swiss francs"],
}
WIRES = ["Reuters", "AFP", "AP", "Kyodo", "Bernama", "Yonhap", "Antara", "AAP", "PA"]
STATE_AGENCIES = [("VNA", "en.vietnamplus.vn"), ("Xinhua", "english.news.cn")]
DAILIES = ["Daily Chronicle", "The Herald", "Morning Post", "Evening Standard", "The Observer"]
PEOPLE = ["Amina Diallo", "Lena Brandt", "Tomas Ruiz", "Mai Nguyen", "Kofi Mensah", "Ana Costa"]
ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WEEKDAYS = list(calendar.day_name)
EN_DASH = "\u2013"  # agencies and Markdown datelines use an en dash


def words(n: int) -> str:
    """English words for 1..99 and whole thousands ("seventy-two", "two thousand")."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    if n % 1000 == 0 and n < 10000:
        return f"{ONES[n // 1000]} thousand"
    raise ValueError(n)


def digits(n: int) -> str:
    return f"{n:,}"


def month_day(day: dt.date, rng: random.Random, *, year: bool = False) -> str:
    """A day as a reporter writes it: 'October 25', '25 October', 'Oct. 25', with year."""
    full, abbr = calendar.month_name[day.month], calendar.month_abbr[day.month]
    style = rng.randrange(4)
    if style == 0:
        text = f"{full} {day.day}" + (f", {day.year}" if year else "")
    elif style == 1:
        text = f"{day.day} {full}" + (f" {day.year}" if year else "")
    elif style == 2:
        text = f"{abbr}{'.' if abbr != 'May' else ''} {day.day}" + (f", {day.year}" if year else "")
    else:
        text = f"{full} {day.day}" + (f", {day.year}" if year else "")
    return text


def exact_value(v: float | str) -> dict[str, Any]:
    return {
        "nominal": v,
        "low": v,
        "high": v,
        "low_inclusive": True,
        "high_inclusive": True,
        "qualifier": "exact",
    }


# --------------------------------------------------------------------------- model


@dataclass
class Mention:
    """One planted figure in one article: what it says and how to find it."""

    fact: str
    kind: str
    text: str  # the sentence, containing ``anchor``
    anchor: str
    value: dict[str, Any]
    unit: str | None
    noun: str | None = None
    role: str | None = None
    owner: str | None = None
    modality: str = "reported"
    exact: bool = False  # exact value (conflict sides must be exact to be unambiguous)
    wrong: bool = False  # the planted contradiction
    in_expectation: bool = True
    path: str = ""
    line: int = 0
    column: int = 0


@dataclass
class Event:
    index: int
    name: str
    city: str
    city_caps: str
    start: dt.date
    days: int
    signed: int
    attended: int
    delegates: int
    statements: int
    donor: tuple[str, str, str]
    pledge_millions: float
    adopted: dt.date

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=self.days - 1)


@dataclass
class Article:
    path: str
    outlet: str
    style: str
    date: dt.date
    preview: bool
    lines: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def make_event(index: int, rng: random.Random) -> Event:
    city, caps = rng.choice(CITIES)
    name = f"{city} {rng.choice(INSTRUMENTS)} on {rng.choice(TOPICS)}"
    year = rng.randint(2019, 2030)
    start = dt.date(year, 1, 20) + dt.timedelta(days=rng.randint(0, 300))
    signed = rng.randint(20, 150)
    pledge = rng.choice([12, 25, 40, 47, 60, 83.5, 120, 250, 1200, 1500, 3200])
    return Event(
        index=index,
        name=name,
        city=city,
        city_caps=caps,
        start=start,
        days=rng.choice([1, 2, 2, 3]),
        signed=signed,
        attended=signed + rng.randint(8, 60),
        delegates=rng.randrange(300, 5000, 50),
        statements=rng.randint(10, 70),
        donor=rng.choice(DONORS),
        pledge_millions=pledge,
        adopted=dt.date(year - 1, rng.randint(1, 12), rng.randint(1, 28)),
    )


# --------------------------------------------------------------------------- renderers


def render_count(
    fact: str, n: int, rng: random.Random, *, hedge: str, cap: bool = False
) -> tuple[str, dict[str, Any]]:
    """The figure phrase before the noun, and its gold interval."""
    as_words = (n < 100 and rng.random() < 0.35) or (
        n % 1000 == 0 and n < 10000 and rng.random() < 0.5
    )
    number = words(n) if as_words else digits(n)
    if hedge == "exact":
        return number, exact_value(n)
    if hedge == "more_than":
        word = rng.choice(["more than", "over"])
        return f"{word} {number}", {
            "nominal": n, "low": n, "high": None, "low_inclusive": False,
            "high_inclusive": False, "qualifier": "more_than",
        }  # fmt: skip
    if hedge == "at_least":
        return f"at least {number}", {
            "nominal": n, "low": n, "high": None, "low_inclusive": True,
            "high_inclusive": False, "qualifier": "at_least",
        }  # fmt: skip
    if hedge in ("about", "nearly"):
        word = (
            rng.choice(["about", "around", "some", "roughly"])
            if hedge == "about"
            else rng.choice(["nearly", "almost"])
        )
        return f"{word} {number}", {"nominal": n, "low": None, "high": None, "qualifier": hedge}
    raise ValueError(hedge)


def count_mention(event: Event, fact: str, n: int, rng: random.Random, hedge: str) -> Mention:
    """A sentence reporting a count fact with figure ``n`` under ``hedge``."""
    phrase, value = render_count(fact, n, rng, hedge=hedge)
    if fact == "signed":
        noun_word = rng.choice(["countries", "nations", "countries", "states"])
        anchor = f"{phrase} {noun_word}"
        text = rng.choice(
            [
                f"Representatives of {anchor} signed the {event.name} at the ceremony.",
                f"The {event.name} was signed by {anchor} at the closing ceremony.",
                f"By the close of the signing ceremony, {anchor} had signed the text, "
                "officials said.",
                f"A total of {anchor} signed the agreement, according to the treaty office.",
            ]
        )
        return Mention(fact, "count", text, anchor, value, "countries", "countries", "signed")
    if fact == "attended":
        noun_word = rng.choice(["countries", "nations"])
        anchor = f"{phrase} {noun_word}"
        text = rng.choice(
            [
                f"Delegations from {anchor} attended the meeting in {event.city}.",
                f"The conference drew delegations from {anchor}, the organisers said.",
                f"Officials from {anchor} took part in the talks.",
            ]
        )
        return Mention(fact, "count", text, anchor, value, "countries", "countries", "attended")
    if fact == "delegates":
        noun_word = rng.choice(["delegates", "participants", "delegates"])
        anchor = f"{phrase} {noun_word}"
        text = rng.choice(
            [
                f"The meeting brought together {anchor} from governments, business and "
                "civil society.",
                f"Organisers said {anchor} attended the conference.",
                f"In all, {anchor} took part in the sessions, the secretariat said.",
            ]
        )
        return Mention(fact, "count", text, anchor, value, "delegates", "delegates", "attended")
    if fact == "statements":
        anchor = f"{phrase} statements"
        text = rng.choice(
            [
                f"The plenary session heard {anchor}, most of them from donor governments.",
                f"Speakers delivered {anchor} during the plenary session.",
            ]
        )
        return Mention(fact, "count", text, anchor, value, "statements", "statements", "spoke")
    raise ValueError(fact)


def money_mention(event: Event, millions: float, rng: random.Random) -> Mention:
    name, owner, code = event.donor
    amount = millions * (1000 if code == "JPY" else 1)  # yen pledges run to billions
    if amount >= 1000:
        shown, scale, short = amount / 1000, "billion", rng.choice(["bn", "bn", " billion"])
    else:
        shown, scale, short = amount, "million", rng.choice(["m", "m", " million"])
    number = f"{shown:g}"
    anchor = rng.choice(CURRENCY_FORMS[code]).format(a=number, s=scale, x=short)
    units = amount * 1_000_000
    text = rng.choice(
        [
            f"{name} pledged {anchor} to the new fund, the largest single contribution.",
            f"{name} announced a contribution of {anchor} for implementation of the {event.name}.",
            f"{name} committed {anchor} to help developing countries apply the treaty.",
        ]
    )
    units = round(units, 2)
    value = exact_value(int(units) if float(units).is_integer() else units)
    return Mention("pledge", "money", text, anchor, value, code, "contribution", None, owner)


def signing_date_mention(
    event: Event, day: dt.date, article: Article, rng: random.Random
) -> Mention:
    """The signing date as a day, a day with year or a weekday relative to the dateline."""
    lag = (article.date - day).days
    if not article.preview and 0 <= lag <= 6 and rng.random() < 0.3:
        anchor = f"on {WEEKDAYS[day.weekday()]}"
    else:
        anchor = "on " + month_day(day, rng, year=rng.random() < 0.3)
    text = rng.choice(
        [
            f"The {event.name} was signed {anchor} at the closing ceremony.",
            f"Ministers signed the {event.name} {anchor} in {event.city}.",
            f"The signing ceremony took place {anchor}.",
        ]
    )
    value = exact_value(day.isoformat())
    return Mention("signing_date", "date", text, anchor.removeprefix("on "), value, None,
                   "signing ceremony", exact=True)  # fmt: skip


def dates_phrase(event: Event, rng: random.Random) -> tuple[str, dict[str, Any]]:
    """The conference days as a range ("October 24-25") or a single day."""
    start, end = event.start, event.end
    if start == end:
        return month_day(start, rng), exact_value(start.isoformat())
    full = calendar.month_name[start.month]
    if start.month == end.month:
        style = rng.randrange(3)
        if style == 0:
            text = f"{full} {start.day}-{end.day}"
        elif style == 1:
            text = f"{start.day}-{end.day} {full}"
        else:
            text = f"{start.day} to {end.day} {full}"
    else:
        text = f"{full} {start.day} to {calendar.month_name[end.month]} {end.day}"
    return text, {
        "nominal": start.isoformat(), "low": start.isoformat(), "high": end.isoformat(),
        "low_inclusive": True, "high_inclusive": True, "qualifier": "range",
    }  # fmt: skip


DISTRACTORS = [
    "Press enquiries can be made to the secretariat on +41 22 917 {p1} or +1 212 963 {p2}.",
    "Article {art}, which sets out the reporting rules, was the most contested provision.",
    "{person} told reporters at {hour}:30 a.m. that the text was a compromise.",
    "Public support for the agreement rose {pct} percent over the past year, a survey found.",
    "Officials said the plan would support the 2030 Agenda for Sustainable Development.",
    "The secretariat will report on progress at the {ordinal} session of the committee.",
    "The full text is published at https://treaties.example.org/{year}/{art}/text-v3.",
    "Journalists were briefed in Room {room} of the conference centre.",
    "The committee cited Resolution {res} as a model for predictable funding.",
    "Observers said about {pct}% of the provisions had been agreed before the meeting.",
]
FILLER = [
    "Campaigners outside the venue said the deal did not go far enough.",
    "Industry groups warned that the new rules would raise costs for consumers.",
    "{person} called the agreement a turning point for international cooperation.",
    '"No country can solve this alone," {person} said.',
    "Several large economies stayed away from the ceremony, officials said.",
    "The text will enter into force once enough countries have ratified it.",
    "Negotiators worked through the night to settle the final wording.",
    "Developing countries pressed for faster access to finance and technology.",
]
ORDINALS = ["12th", "21st", "33rd", "48th", "52nd"]


def distractor(rng: random.Random) -> str:
    return rng.choice(DISTRACTORS).format(
        p1=rng.randint(1000, 9999),
        p2=rng.randint(1000, 9999),
        art=rng.randint(2, 60),
        person=rng.choice(PEOPLE),
        hour=rng.randint(8, 11),
        pct=rng.randint(3, 40),
        ordinal=rng.choice(ORDINALS),
        year=rng.randint(2020, 2030),
        room=rng.randint(100, 450),
        res=rng.randint(1000, 2800),
    )


# --------------------------------------------------------------------------- events


FACTS = ["signed", "attended", "delegates", "statements", "pledge", "signing_date"]


def plan_event(event: Event, base: str, count: int, rng: random.Random) -> list[Article]:
    """The articles of one event, their planted mentions, in the order they are written."""
    articles: list[Article] = []
    used: set[str] = set()
    for number in range(count):
        preview = number == count - 1 and count >= 3 and rng.random() < 0.3
        style = rng.choice(["wire", "wire", "agency", "daily", "markdown", "html"])
        if style == "wire":
            outlet = rng.choice(WIRES)
        elif style == "agency":
            outlet = rng.choice(STATE_AGENCIES)[0]
        else:
            outlet = rng.choice(DAILIES)
        slug = outlet.lower().replace(" ", "_")
        while slug in used:
            slug += "_2"
        used.add(slug)
        ext = {"markdown": ".md", "html": ".html"}.get(style, ".txt")
        if preview:
            date = event.start - dt.timedelta(days=rng.randint(2, 9))
        else:
            date = event.end + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 4]))
        articles.append(Article(f"{base}/{slug}{ext}", outlet, style, date, preview))

    reports = [a for a in articles if not a.preview]
    for fact in FACTS:
        chosen = [a for a in reports if rng.random() < 0.7]
        if not chosen:
            continue
        conflict = len(chosen) >= 2 and rng.random() < 0.3
        wrong_index = rng.randrange(len(chosen)) if conflict else -1
        for i, article in enumerate(chosen):
            mention = report_fact(
                event, fact, article, rng, conflict=conflict, wrong=i == wrong_index
            )
            mention.in_expectation = len(chosen) >= 2
            article.mentions.append(mention)
    for article in articles:
        if article.preview:
            phrase, _ = render_count("delegates", event.delegates, rng, hedge="about")
            anchor = f"{phrase} delegates"
            text = (
                f"The {event.name} conference will bring together {anchor} when it opens "
                f"in {event.city}."
            )
            value = {"nominal": event.delegates, "low": None, "high": None, "qualifier": "about"}
            forecast = Mention("delegates", "count", text, anchor, value, "delegates",
                               "delegates", "attended", modality="forecast")  # fmt: skip
            forecast.in_expectation = False
            article.mentions.insert(0, forecast)
        elif rng.random() < 0.5:
            phrase, value = dates_phrase(event, rng)
            text = f"The {event.name} conference ran from {phrase} in {event.city}."
            if " to " not in phrase and "-" not in phrase:
                text = f"The {event.name} conference was held on {phrase} in {event.city}."
            article.mentions.append(Mention("conference_dates", "date", text, phrase, value, None,
                                            "conference", in_expectation=False))  # fmt: skip
        if rng.random() < 0.25:
            anchor = month_day(event.adopted, rng, year=True)
            text = f"The text was adopted by the UN General Assembly on {anchor}."
            article.mentions.append(Mention("adopted", "date", text, anchor,
                                            exact_value(event.adopted.isoformat()), None,
                                            "adoption", in_expectation=False))  # fmt: skip
    return articles


def report_fact(
    event: Event, fact: str, article: Article, rng: random.Random, *, conflict: bool, wrong: bool
) -> Mention:
    """One article's report of ``fact``: true (maybe hedged) or the planted contradiction."""
    if fact == "pledge":
        millions = event.pledge_millions
        if wrong:
            millions = round(millions * rng.choice([0.6, 0.8, 1.25, 1.5]), 1)
        m = money_mention(event, millions, rng)
        m.exact, m.wrong = True, wrong
        return m
    if fact == "signing_date":
        day = event.end
        if wrong:
            day = event.end - dt.timedelta(days=rng.choice([1, 2, 3]))
        m = signing_date_mention(event, day, article, rng)
        m.wrong = wrong
        return m
    truth = getattr(event, fact)
    if wrong:
        step = max(3, round(truth * rng.uniform(0.15, 0.4)))
        value = truth + step if rng.random() < 0.5 else max(2, truth - step)
        m = count_mention(event, fact, value, rng, "exact")
        m.exact, m.wrong = True, True
        return m
    if conflict:  # the other sides of a conflict state the value exactly
        m = count_mention(event, fact, truth, rng, "exact")
        m.exact = True
        return m
    hedge = rng.choice(["exact", "exact", "exact", "more_than", "at_least", "about"])
    shown = truth
    if hedge == "more_than":
        grain = 100 if truth >= 1000 else 10
        shown = (truth - max(2, truth // 10)) // grain * grain if truth >= 30 else truth - 2
    m = count_mention(event, fact, shown, rng, hedge)
    m.exact = hedge == "exact"
    return m


# --------------------------------------------------------------------------- layout


def headline(event: Event) -> str:
    return f"{event.name} signed in {event.city}"


def lead_clause(article: Article, event: Event, rng: random.Random) -> str:
    d = article.date
    if article.style == "wire":
        if rng.random() < 0.5:
            when = f"{calendar.month_name[d.month]} {d.day}, {d.year}"
        else:
            when = f"{d.day} {calendar.month_name[d.month]} {d.year}"
        return f"{event.city_caps}, {when} ({article.outlet}) - "
    if article.style == "agency":
        return f"{event.city} ({article.outlet}) {EN_DASH} "
    if article.style == "markdown":
        return f"**{event.city_caps}** {EN_DASH} "
    return ""


def layout(article: Article, event: Event, rng: random.Random) -> str:
    """Write the article and set each mention's line and column (1-based)."""
    body: list[tuple[str, Mention | None]] = [(m.text, m) for m in article.mentions]
    extra = [distractor(rng) for _ in range(rng.randint(2, 4))]
    extra += [f.format(person=rng.choice(PEOPLE)) for f in rng.sample(FILLER, rng.randint(1, 3))]
    for text in extra:
        body.insert(rng.randrange(1, len(body) + 1) if body else 0, (text, None))
    lead = lead_clause(article, event, rng)
    first, first_mention = body[0]
    body[0] = (lead + first, first_mention)
    d = article.date
    title = headline(event) if not article.preview else f"{event.city} prepares for {event.name}"
    head: list[str]
    tail: list[str] = []
    sep = 1
    if article.style == "wire":
        head = []
        tail = [f"(Reporting by {rng.choice(PEOPLE)}; Editing by {rng.choice(PEOPLE)})"]
    elif article.style == "agency":
        head = []
        host = dict(STATE_AGENCIES)[article.outlet]
        stamp = f"{d:%Y%m%d}{rng.randint(80000, 235959):06d}{rng.randint(100, 999)}"
        tail = [f"Source: https://{host}/{title.lower().replace(' ', '-')}-{stamp}.htm"]
    elif article.style == "daily":
        head = [f"date: {d.isoformat()}", title]
    elif article.style == "markdown":
        head = ["---", f"title: {title}", f"date: {d.isoformat()}", f"source: {article.outlet}",
                "---", "", f"# {title}", ""]  # fmt: skip
        sep = 2
    else:
        head = []
    lines = list(head)
    for position, (text, mention) in enumerate(body):
        line_no = len(lines) + 1
        lines.append(text)
        if mention is not None:
            mention.line = line_no
            # after the dateline, which may name the same day as a date anchor
            mention.column = text.index(mention.anchor, len(lead) if position == 0 else 0) + 1
            mention.path = article.path
        if sep == 2:
            lines.append("")
    lines.extend(tail)
    if article.style != "html":
        return "\n".join(lines) + "\n"
    # HTML: the extracted text is the h1 then one line per <p>, so lines shift by one.
    for _, mention in body:
        if mention is not None:
            mention.line += 1
    paragraphs = "\n".join(f"<p>{escape(text)}</p>" for text, _ in body)
    hotline = f"{rng.randint(1800, 1999)} {rng.randint(1000, 9999)}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} | {escape(article.outlet)}</title>\n"
        f'<meta property="article:published_time" content="{d.isoformat()}T09:00:00Z">\n'
        "</head>\n<body>\n"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
        f'<li><a href="/top-10-stories-{d.year}">Top 10 stories</a></li></ul></nav>\n'
        f"<article>\n<h1>{escape(title)}</h1>\n{paragraphs}\n</article>\n"
        f"<footer><p>© {d.year} {escape(article.outlet)}. Hotline: {hotline}</p>"
        "<p>Comment (0)</p></footer>\n</body>\n</html>\n"
    )


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- gold


def document_gold(article: Article) -> dict[str, Any]:
    return {
        "path": article.path,
        "document_date": article.date.isoformat(),
        "outlet": article.outlet,
        "claims": [
            {
                "kind": m.kind,
                "line": m.line,
                "column": m.column,
                "anchor": m.anchor,
                "fact": m.fact,
                "noun": m.noun,
                "role": m.role,
                "owner": m.owner,
                "value": m.value,
                "unit": m.unit,
                "modality": m.modality,
            }
            for m in sorted(article.mentions, key=lambda m: (m.line, m.column))
        ],
    }


def expectations(event_dir: str, articles: list[Article]) -> Iterator[dict[str, Any]]:
    """Planted conflicts and agreements of one event, in the conflicts_gold shape."""
    by_fact: dict[str, list[Mention]] = {}
    for article in articles:
        for m in article.mentions:
            if m.in_expectation:
                by_fact.setdefault(m.fact, []).append(m)
    for fact, mentions in by_fact.items():
        refs = [
            {"path": m.path, "line": m.line, "column": m.column, "anchor": m.anchor}
            for m in mentions
        ]
        wrong = [i for i, m in enumerate(mentions) if m.wrong]
        if wrong:
            right = [i for i, m in enumerate(mentions) if not m.wrong]
            yield {
                "corpus": event_dir, "expect": "conflict", "severity": "error", "fact": fact,
                "kind": mentions[0].kind, "claims": refs, "sides": [right, wrong],
                "why": f"{fact}: {mentions[right[0]].anchor!r} vs {mentions[wrong[0]].anchor!r}",
            }  # fmt: skip
        else:
            yield {
                "corpus": event_dir, "expect": "agree", "fact": fact, "kind": mentions[0].kind,
                "claims": refs, "why": f"{fact}: " + " / ".join(repr(m.anchor) for m in mentions),
            }  # fmt: skip


# --------------------------------------------------------------------------- driver


def generate(out: Path, articles: int, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """Write a corpus of exactly ``articles`` articles under ``out``; return the manifest."""
    corpus_root = out / "corpus"
    gold_root = out / "gold"
    gold_root.mkdir(parents=True, exist_ok=True)
    written = events = conflicts = agreements = figures = nbytes = 0
    with (
        (gold_root / "claims.jsonl").open("w", encoding="utf-8") as claims_out,
        (gold_root / "conflicts.jsonl").open("w", encoding="utf-8") as conflicts_out,
    ):
        index = 0
        while written < articles:
            rng = random.Random(f"{seed}:{index}")
            event = make_event(index, rng)
            count = min(rng.choice([2, 3, 4, 4, 5, 6]), articles - written)
            event_dir = f"corpus/{index // EVENTS_PER_SHARD:04d}/e{index:06d}"
            (out / event_dir).mkdir(parents=True, exist_ok=True)
            planned = plan_event(event, event_dir, count, rng)
            for article in planned:
                text = layout(article, event, rng)
                data = text.encode("utf-8")
                (out / article.path).write_bytes(data)
                nbytes += len(data)
                claims_out.write(json.dumps(document_gold(article), ensure_ascii=False) + "\n")
                figures += len(article.mentions)
            for expectation in expectations(event_dir, planned):
                conflicts_out.write(json.dumps(expectation, ensure_ascii=False) + "\n")
                if expectation["expect"] == "conflict":
                    conflicts += 1
                else:
                    agreements += 1
            written += len(planned)
            events += 1
            index += 1
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "articles": written,
        "events": events,
        "bytes": nbytes,
        "gold_claims": figures,
        "planted_conflicts": conflicts,
        "planted_agreements": agreements,
        "corpus": str(corpus_root.relative_to(out)),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output directory (created)")
    parser.add_argument("--articles", "-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"generate: {args.out} is not empty", file=sys.stderr)
        return 2
    manifest = generate(args.out, args.articles, args.seed)
    print(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
