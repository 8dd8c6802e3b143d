"""Share the equal parts of many claims, so a corpus of claims weighs what it says.

Claims arrive from worker processes one pickle at a time, so every claim brings its
own copies of strings and values that thousands of others repeat: the same outlet,
source path, event, interval, unit and speaker. At 10,000 articles that repetition
was about 40% of the memory claims took (BENCHMARKS.md). An :class:`Interner` keeps
one instance of each distinct value and rebuilds each claim around the shared ones.

Claims are frozen, so sharing is safe: nothing can change a shared value under
another claim. Equality, hashing, ids and every output are unchanged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from hanoicheck.model import Claim, Document, Event, Interval, Subject

T = TypeVar("T")


class Interner:
    """One shared instance per distinct value, for the claims of one run.

    >>> interner = Interner()
    >>> a, b = interner.text("VNA" + ""), interner.text("".join(["V", "NA"]))
    >>> a is b
    True
    """

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[Any, Any] = {}

    def value(self, value: T) -> T:
        """The shared instance equal to ``value`` (``value`` itself the first time)."""
        return self._values.setdefault(value, value)  # type: ignore[no-any-return]

    def text(self, value: str | None) -> str | None:
        return None if value is None else self.value(value)

    def claim(self, claim: Claim) -> Claim:
        """``claim`` rebuilt around shared strings, subject parts, event and interval.

        The sentence is left alone: the claims of one sentence already share it
        (extraction quotes it once per sentence), and across articles it rarely repeats,
        so a table of sentences would cost more than it saves.
        """
        text = self.text
        subject = claim.subject
        shared_subject = Subject(
            noun=self.value(subject.noun),
            role=text(subject.role),
            owner=text(subject.owner),
            period=text(subject.period),
            context=subject.context,
            scope=text(subject.scope),
            part_of=text(subject.part_of),
        )
        return replace(
            claim,
            source=self.value(claim.source),
            quote=self.value(claim.quote),
            subject=shared_subject,
            event=self._event(claim.event),
            value=self._interval(claim.value),
            unit=text(claim.unit),
            attribution=text(claim.attribution),
            outlet=text(claim.outlet),
            document_date=text(claim.document_date),
            as_of=text(claim.as_of),
            as_of_part=text(claim.as_of_part),
        )

    def document(self, document: Document) -> Document:
        """``document`` with its source, terms, outlet and date shared (with its claims
        and across documents).

        Every document keeps up to 40 terms for stories, drawn from the vocabulary of a
        feed: at 100,000 articles their copies weighed about 230 MB.
        """
        value = self.value
        return replace(
            document,
            source=value(document.source),
            terms=tuple(value(term) for term in document.terms),
            outlet=self.text(document.outlet),
            date=self.text(document.date),
        )

    def _event(self, event: Event) -> Event:
        shared = self._values.get(event)
        if shared is None:
            text = self.text
            shared = Event(
                name=text(event.name),
                type=text(event.type),
                date=text(event.date),
                part_of_day=text(event.part_of_day),
                parent=text(event.parent),
            )
            self._values[shared] = shared
        return shared

    def _interval(self, interval: Interval[Any]) -> Interval[Any]:
        # keyed by type too: Interval(110.0, ...) == Interval(110, ...) must stay apart
        key = (interval, type(interval.nominal), type(interval.low), type(interval.high))
        shared = self._values.get(key)
        if shared is None:
            shared = self._values[key] = interval
        return shared
