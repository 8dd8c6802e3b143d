"""The per-sentence view the kind-specific extractors (counts, money, dates) work on."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from hanoicheck.extract import context
from hanoicheck.extract.attribution import Mention, source_of
from hanoicheck.extract.modality import forecast_source, modality_of
from hanoicheck.extract.scope import place_of_authority, scope_of
from hanoicheck.extract.timescope import time_scope
from hanoicheck.intervals import DEFAULT_TOLERANCE, Tolerance
from hanoicheck.lexicon import default_lexicon
from hanoicheck.model import Claim, Document, Event, Kind, Span, Subject

# The parts of a conference a sentence may date while calling the whole "the conference".
_SESSIONS = frozenset(default_lexicon().words("conference_sessions"))

if TYPE_CHECKING:
    from hanoicheck.extract.dates import DateMention

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Knobs of extraction that change results (part of the cache key)."""

    tolerance: Tolerance = DEFAULT_TOLERANCE


@dataclass(slots=True)
class SentenceContext:
    """What every kind-specific extractor sees of one sentence."""

    document: Document
    sentence: Span
    dates: list[DateMention]
    line_starts: list[int]
    options: ExtractOptions
    event_cues: list[context.Cue] = field(default_factory=list)
    fallback_event_cues: list[context.Cue] = field(default_factory=list)
    attribution: str | None = None
    parent: tuple[str, Span] | None = None
    stamp: str | None = None
    day_before: str | None = None  # the paragraph's last stated as-of day ("by the evening")
    sources: list[Mention] = field(default_factory=list)
    # date span -> the span of a figure it says the time of
    used_times: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    antecedent: Claim | None = None  # the paragraph's last count before the figure read
    topic: Claim | None = None  # the article's last count with a role ("the toll" is its)
    lead: Claim | None = None  # the paragraph's first count with a role: what it is about
    _cues: dict[str, list[context.Cue]] = field(default_factory=dict)
    _quoted_sentence: str | None = None
    _once: dict[str, Any] = field(default_factory=dict)

    def cues(self, table: str) -> list[context.Cue]:
        """Lexicon cues of this sentence, found once per table however many figures ask."""
        if table not in self._cues:
            self._cues[table] = context.find_cues(self.text, self.sentence, table)
        return self._cues[table]

    def once(self, name: str, find: Callable[[], T]) -> T:
        """``find()`` (a search of the whole sentence) run once per sentence, not once per
        figure: a sentence of 1,000 figures searched 1,000 times made a dense file's
        extraction grow with the square of its sentences' length."""
        if name not in self._once:
            self._once[name] = find()
        return cast(T, self._once[name])

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def sentence_text(self) -> str:
        return self.document.text[self.sentence.start : self.sentence.end]

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def event_for(self, start: int, end: int, *, is_date: bool = False) -> Event:
        """The event a figure at ``[start, end)`` belongs to, with its day and part of day.

        Cues inside the parent-event phrase ("within the framework of the signing
        ceremony") name the container, not the session, so they are used only when
        nothing else is named. A date with no event in its sentence takes the event the
        next sentence names ("X on Saturday called for ... He made the appeal during a
        high-level discussion").
        """
        text = self.text
        cues = self.event_cues
        if self.parent is not None:
            span = self.parent[1]
            outside = [c for c in cues if not (span.start <= c.start < span.end)]
            cues = outside or cues
        cue = context.nearest(text, cues, start, end, limit=400 if is_date else 200)
        date = self._nearest_date(start, end)
        if not is_date and date is not None and (cue is None or cue.label == "conference"):
            # "At the plenary session on October 25, the conference heard 19 statements":
            # a figure belongs to the session its sentence dates, not to a generic word.
            # A date that names another kind of event ("pledge $2 billion at a conference
            # ... after the April 9 earthquake") dates that event, not the figure.
            dated = context.nearest(text, cues, date.start, date.end, limit=200)
            if dated is not None and cue is not None and dated.label not in _SESSIONS:
                date = None
            else:
                cue = dated or cue
        if cue is None and is_date:
            cue = context.nearest(text, self.fallback_event_cues, start, end, limit=10**6)
        pod = context.part_of_day(text, date.start, date.end) if date else None
        day: str | None = None
        if date is not None:
            low, high = date.value.low, date.value.high
            if low is None or high is None:
                day = low or high  # "until 18 June": the day the text names
            else:
                day = low if low == high else f"{low}/{high}"
        return Event(
            name=context.event_name(text, cue) if cue else None,
            type=cue.label if cue else None,
            date=day,
            part_of_day=pod,
            parent=self.parent[0] if self.parent else None,
        )

    def _nearest_date(self, start: int, end: int) -> DateMention | None:
        """The date containing ``[start, end)``, else the nearest one (earlier on ties).

        Dates are in text order and do not overlap, so the search walks outwards from
        the figure and stops on each side once the plain gap alone exceeds the best
        distance found: a sentence with thousands of dates and figures stays linear.
        """
        dates = self.dates
        middle = bisect.bisect_right(dates, start, key=lambda m: m.start)
        if middle and dates[middle - 1].start <= start and end <= dates[middle - 1].end:
            return dates[middle - 1]
        best: tuple[int, int, DateMention] | None = None
        sides = (range(middle - 1, -1, -1), range(middle, len(dates)))
        for side in sides:
            for index in side:
                mention = dates[index]
                gap = max(0, mention.start - end, start - mention.end)
                if best is not None and gap > best[0]:
                    break
                d = context.distance(self.text, start, end, mention.start, mention.end)
                if best is None or (d, index) < best[:2]:
                    best = (d, index, mention)
        return best[2] if best else None

    def _sentence_for_claims(self) -> str:
        """The sentence every claim of it quotes: one string, however many claims.

        Sharing it is most of what a corpus of claims weighs (see BENCHMARKS.md).
        """
        if self._quoted_sentence is None:
            self._quoted_sentence = self.sentence_text.strip()
        return self._quoted_sentence

    def make_claim(
        self, start: int, end: int, *, kind: Kind, subject: Subject, **fields: Any
    ) -> Claim:
        """A claim of this sentence, with everything the sentence says around the figure.

        Provenance (source, line, column, sentence), and what every kind of claim needs
        read the same way: how the figure is put (:mod:`.modality`), who gives it
        (:mod:`.attribution`, else the paragraph's last named speaker), and for counts
        and money when it holds (:mod:`.timescope`) and which part of the whole it
        covers (:mod:`.scope`).
        """
        text, sentence = self.text, self.sentence
        line, column = self.line_col(start)
        who = source_of(text, self.sources, start, end) or self.attribution
        extra: dict[str, Any] = {}
        if kind is not Kind.DATE:
            when = time_scope(
                text,
                sentence,
                start,
                end,
                self.dates,
                self.document.date,
                self.stamp,
                self.day_before,
            )
            if when.date_span is not None:
                self.used_times.setdefault(when.date_span, (start, end))
            extra = {"as_of": when.as_of, "as_of_part": when.part, "as_of_basis": when.basis}
            if subject.scope is None:
                place = scope_of(text, sentence, start, end)
                if place is None and who:
                    place = place_of_authority(text, who)
                if place is not None:
                    subject = replace(subject, scope=place)
        return Claim(
            source=self.document.source,
            quote=text[start:end],
            start=start,
            end=end,
            line=line,
            column=column,
            sentence=self._sentence_for_claims(),
            outlet=self.document.outlet,
            document_date=self.document.date,
            kind=kind,
            subject=subject,
            modality=forecast_source(modality_of(text, sentence, start, end), who),
            attribution=who,
            **extra,
            **fields,
        )
