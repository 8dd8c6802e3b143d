"""The one table of claim columns: CSV, Parquet and the claim cache all read it.

A claim is nested (subject, event, value); flat formats need one column per field.
Written out by hand per format, the lists drifted apart (CSV lost ``subject_context``
while Parquet kept it), so the flattening lives here once and every flat format takes
its columns, their order and their types from :data:`CLAIM_COLUMNS`. A test checks that
the table covers every field of :meth:`hanoicheck.model.Claim.to_dict`, so a field added
to the model cannot be silently left out of an export.

Each column names where its value sits in ``Claim.to_dict()`` (its ``path``). Three
views of the table:

* **plain** (:data:`PLAIN_COLUMNS`, CSV): the JSONL fields flattened, in table order;
  an interval's bounds are numbers for counts and money and ISO strings for dates.
* **typed** (:data:`TYPED_COLUMNS`, Parquet): one type per column, so a bound is split
  into ``nominal`` (a number, null for dates) and ``nominal_date`` (an ISO string,
  null otherwise). Typed formats group the columns by type (:data:`TYPE_ORDER`), each
  group in table order.
* **stored** (:data:`STORED_COLUMNS`, the claim cache): the plain columns without the
  ones derived from others (``schema_version``, ``subject_key``), enough to rebuild the
  claim exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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

__all__ = [
    "CLAIM_COLUMNS",
    "CONFLICT_CLAIM_COLUMNS",
    "PLAIN_COLUMNS",
    "STORED_COLUMNS",
    "TYPED_COLUMNS",
    "TYPE_ORDER",
    "Column",
    "claim_from_stored",
    "claim_from_typed",
    "plain_row",
    "stored_row",
    "typed_row",
]


@dataclass(frozen=True, slots=True)
class Column:
    """One flat column of a claim.

    ``dates`` restricts a typed column to date claims (``True``) or to the others
    (``False``); ``plain`` columns appear in CSV; ``derived`` columns are computed from
    other fields and are not needed to rebuild a claim.
    """

    name: str
    type: type
    path: tuple[str, ...]
    dates: bool | None = None
    plain: bool = True
    derived: bool = False

    def value(self, data: Mapping[str, Any]) -> Any:
        """This column's value in ``data`` (a ``Claim.to_dict()``)."""
        found: Any = data
        for key in self.path:
            found = found[key]
        return found

    def applies(self, is_date: bool) -> bool:
        """Whether a typed row of a date (or other) claim fills this column."""
        return self.dates is None or self.dates is is_date


def _c(name: str, kind: type, *path: str, **extra: Any) -> Column:
    return Column(name, kind, path or (name,), **extra)


def _bound(name: str) -> Column:
    return _c(name, float, "value", name, dates=False)


def _date_bound(name: str) -> Column:
    return _c(f"{name}_date", str, "value", name, dates=True, plain=False)


CLAIM_COLUMNS: tuple[Column, ...] = (
    _c("schema_version", int, derived=True),
    _c("id", str),
    _c("source", str),
    _c("kind", str),
    _c("quote", str),
    _c("start", int),
    _c("end", int),
    _c("line", int),
    _c("column", int),
    _c("subject_noun", str, "subject", "noun"),
    _c("subject_role", str, "subject", "role"),
    _c("subject_owner", str, "subject", "owner"),
    _c("subject_period", str, "subject", "period"),
    _c("subject_context", str, "subject", "context"),
    _c("subject_scope", str, "subject", "scope"),
    _c("subject_part_of", str, "subject", "part_of"),
    _c("subject_key", str, "subject", "key", derived=True),
    _c("event_name", str, "event", "name"),
    _c("event_type", str, "event", "type"),
    _c("event_date", str, "event", "date"),
    _c("event_part_of_day", str, "event", "part_of_day"),
    _c("event_parent", str, "event", "parent"),
    _c("attribution", str),
    _bound("nominal"),
    _bound("low"),
    _bound("high"),
    _c("low_inclusive", bool, "value", "low_inclusive"),
    _c("high_inclusive", bool, "value", "high_inclusive"),
    _c("qualifier", str, "value", "qualifier"),
    _c("unit", str),
    _c("modality", str),
    _c("outlet", str),
    _c("year_inferred", bool),
    _c("sentence", str),
    _date_bound("nominal"),
    _date_bound("low"),
    _date_bound("high"),
    _c("document_date", str),
    _c("as_of", str),
    _c("as_of_part", str),
    _c("as_of_basis", str),
)
"""Every column, in the order plain formats write them."""

TYPE_ORDER: tuple[type, ...] = (int, str, float, bool)
PLAIN_COLUMNS: tuple[Column, ...] = tuple(c for c in CLAIM_COLUMNS if c.plain)
TYPED_COLUMNS: tuple[Column, ...] = tuple(
    c for kind in TYPE_ORDER for c in CLAIM_COLUMNS if c.type is kind
)
STORED_COLUMNS: tuple[Column, ...] = tuple(c for c in PLAIN_COLUMNS if not c.derived)
_BY_NAME = {c.name: c for c in PLAIN_COLUMNS}
CONFLICT_CLAIM_COLUMNS: tuple[Column, ...] = tuple(
    _BY_NAME[name]
    for name in (
        "source",
        "line",
        "quote",
        "sentence",
        "outlet",
        "nominal",
        "low",
        "high",
        "qualifier",
        "unit",
        "modality",
    )
)
"""The claim columns of a row of ``conflicts --format csv`` (one row per claim of a
conflict): where the claim is, its words (the figure and the whole sentence), who
published it and its value; the conflict's own columns surround them."""


def plain_row(claim: Claim) -> dict[str, Any]:
    """The CSV row of ``claim``: column name -> value, in :data:`PLAIN_COLUMNS` order."""
    data = claim.to_dict()
    return {column.name: column.value(data) for column in PLAIN_COLUMNS}


def typed_row(claim: Claim) -> dict[str, Any]:
    """The Parquet row of ``claim``: bounds split by type, in :data:`TYPED_COLUMNS` order."""
    data = claim.to_dict()
    is_date = claim.kind is Kind.DATE
    return {
        column.name: column.value(data) if column.applies(is_date) else None
        for column in TYPED_COLUMNS
    }


def stored_row(claim: Claim) -> list[Any]:
    """The values of :data:`STORED_COLUMNS` (JSON-ready: enums are strings)."""
    data = claim.to_dict()
    return [column.value(data) for column in STORED_COLUMNS]


def _claim(cells: Sequence[tuple[Column, Any]]) -> Claim:
    data: dict[str, Any] = {"subject": {}, "event": {}, "value": {}}
    for column, cell in cells:
        if column.derived:
            continue
        if len(column.path) == 1:
            data[column.path[0]] = cell
        else:
            data[column.path[0]][column.path[1]] = cell
    return Claim.from_dict(data)


#: The stored columns in the order :func:`claim_from_stored` unpacks them.
_STORED_ORDER = (
    "id", "source", "kind", "quote", "start", "end", "line", "column",
    "subject_noun", "subject_role", "subject_owner", "subject_period", "subject_context",
    "subject_scope", "subject_part_of",
    "event_name", "event_type", "event_date", "event_part_of_day", "event_parent",
    "attribution", "nominal", "low", "high", "low_inclusive", "high_inclusive", "qualifier",
    "unit", "modality", "outlet", "year_inferred", "sentence",
    "document_date", "as_of", "as_of_part", "as_of_basis",
)  # fmt: skip
if tuple(c.name for c in STORED_COLUMNS) != _STORED_ORDER:  # pragma: no cover - a bug
    raise ImportError("STORED_COLUMNS changed: update _STORED_ORDER and claim_from_stored")


def claim_from_stored(row: Sequence[Any], overrides: Mapping[str, Any] | None = None) -> Claim:
    """Inverse of :func:`stored_row`; ``overrides`` replace top-level fields by name
    (the cache re-points a claim at the file it was looked up for).

    The same claim :meth:`Claim.from_dict` builds from the nested dict (a test holds
    them equal), built straight from the row: a warm ``check`` over 10,000 files
    decodes 47,000 claims, and going through nested dicts took a third of its time.
    A row of another length (another layout) raises :class:`ValueError`.
    """
    if len(row) != len(_STORED_ORDER):
        raise ValueError(f"a stored claim has {len(_STORED_ORDER)} cells, not {len(row)}")
    if overrides:
        row = [overrides.get(name, cell) for name, cell in zip(_STORED_ORDER, row, strict=True)]
    (
        id_, source, kind, quote, start, end, line, column,
        noun, role, owner, period, context, scope, part_of,
        event_name, event_type, event_date, part_of_day, parent,
        attribution, nominal, low, high, low_inclusive, high_inclusive, qualifier,
        unit, modality, outlet, year_inferred, sentence,
        document_date, as_of, as_of_part, as_of_basis,
    ) = row  # fmt: skip
    if kind != Kind.DATE:
        nominal = None if nominal is None else float(nominal)
        low = None if low is None else float(low)
        high = None if high is None else float(high)
    return Claim(
        source=source,
        kind=Kind(kind),
        quote=quote,
        start=start,
        end=end,
        line=line,
        column=column,
        sentence=sentence,
        subject=Subject(noun, role, owner, period, context, scope, part_of),
        event=Event(event_name, event_type, event_date, part_of_day, parent),
        value=Interval(nominal, low, high, low_inclusive, high_inclusive, Qualifier(qualifier)),
        unit=unit,
        modality=Modality(modality),
        attribution=attribution,
        outlet=outlet,
        year_inferred=year_inferred,
        document_date=document_date,
        as_of=as_of,
        as_of_part=as_of_part,
        as_of_basis=TimeBasis(as_of_basis),
        id=id_,
    )


def claim_from_typed(row: Mapping[str, Any]) -> Claim:
    """Inverse of :func:`typed_row` (a missing column reads as null, as in old files)."""
    is_date = row["kind"] == Kind.DATE
    return _claim([(c, row.get(c.name)) for c in TYPED_COLUMNS if c.applies(is_date)])
