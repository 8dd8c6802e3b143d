"""Group ids: stable across runs, and unique within one reconciliation by construction.

A group's id starts as its fingerprint (:func:`hanoicheck.reconcile.verdict.fingerprint`):
what is disputed and the values on each side, never files or lines, so a baseline entry
survives edits elsewhere in a file and any order of the inputs. Two groups can share
a fingerprint: the same quantity with the same values in two unrelated stories, or in
one story on two days. Only groups whose ids are still shared get a longer hash, level
by level, until every id is unique:

1. what their own claims say about the thing counted or dated: the subject, the event
   (name, type, day, part of day), the place, the whole a part belongs to, the owner
   and period of money, and the time a figure holds;
2. the name of their story;
3. their sources, sorted (file paths, not lines);
4. as a last resort, their rank among the groups still alike, ordered by their claims'
   sources, sentences and quotes (then offsets, for groups alike in every word).

A group that shares its fingerprint with no other keeps it, so the ids of the common
case do not change with this rule. Each level uses only what its group's claims (or
story) say, never the order of files or lines. Ids stay 12 hex digits.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from hanoicheck.reconcile.model import Group

ID_LENGTH = 12


def unique_ids(groups: Sequence[Group], story_name: Callable[[Group], str]) -> list[Group]:
    """``groups`` with every shared id made unique (see the module docstring)."""
    ids = [g.id for g in groups]
    levels: tuple[Callable[[Group], object], ...] = (_details, story_name, _sources)
    for level in levels:
        for index in _shared(ids):
            ids[index] = _extend(ids[index], level(groups[index]))
    while shared := _shared(ids):
        alike: dict[str, list[int]] = defaultdict(list)
        for index in shared:
            alike[ids[index]].append(index)
        for indices in alike.values():
            indices.sort(key=lambda i: _content(groups[i]))
            for rank, index in enumerate(indices, start=1):
                ids[index] = _extend(ids[index], rank)
    return [g if g.id == new else replace(g, id=new) for g, new in zip(groups, ids, strict=True)]


def _shared(ids: Sequence[str]) -> list[int]:
    """Indices of the ids that occur more than once."""
    seen: dict[str, int] = defaultdict(int)
    for value in ids:
        seen[value] += 1
    return [i for i, value in enumerate(ids) if seen[value] > 1]


def _extend(current: str, detail: object) -> str:
    payload = json.dumps([current, detail], default=str)
    return hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()[:ID_LENGTH]


def _details(group: Group) -> list[object]:
    """What a group's claims say about their thing, beyond its class and values."""
    details = {
        (
            c.subject.noun,
            c.subject.role,
            c.subject.scope,
            c.subject.part_of,
            c.subject.owner,
            c.subject.period,
            c.event.name,
            c.event.type,
            c.event.date,
            c.event.part_of_day,
            c.as_of,
            c.as_of_part,
        )
        for c in group.claims
    }
    return [group.subject, sorted(details, key=lambda d: [str(part) for part in d])]


def _sources(group: Group) -> list[str]:
    return sorted({c.source for c in group.claims})


def _content(group: Group) -> tuple[list[tuple[str, str, str]], list[tuple[str, int]]]:
    words = sorted((c.source, c.sentence, c.quote) for c in group.claims)
    offsets = sorted((c.source, c.start) for c in group.claims)
    return words, offsets
