"""Claims of many articles share their equal parts, and nothing else changes."""

from __future__ import annotations

import pickle

from hanoicheck.api import extract_paths
from hanoicheck.extract.pipeline import extract_document, extract_text
from hanoicheck.interning import Interner
from hanoicheck.model import Claim, Document

STORY = (
    "HANOI, October 25 (VNA) - More than 110 countries attended the signing ceremony "
    "on Saturday, and 69 countries signed the convention. Australia pledged AUD 83.5 "
    "million. About 110 countries took part, the ministry said."
)


def _claims(source: str) -> list[Claim]:
    document = Document(source=source, text=STORY, date="2025-10-25", outlet="VNA")
    return extract_document(document)


def _through_a_pipe(claims: list[Claim]) -> list[Claim]:
    """What a worker process sends: each document's claims pickled on their own."""
    return list(pickle.loads(pickle.dumps(claims)))


def test_interned_claims_are_equal_and_serialise_the_same() -> None:
    claims = _claims("a.txt")
    assert len(claims) >= 4
    interner = Interner()
    shared = [interner.claim(c) for c in _through_a_pipe(claims)]
    assert shared == claims
    assert [c.to_dict() for c in shared] == [c.to_dict() for c in claims]
    assert [c.id for c in shared] == [c.id for c in claims]


def test_repeated_parts_of_different_documents_become_one_object() -> None:
    first = _through_a_pipe(_claims("a.txt"))
    second = _through_a_pipe(_claims("b.txt"))
    assert first[0].outlet is not second[0].outlet  # two pickles, two copies
    interner = Interner()
    a = [interner.claim(c) for c in first]
    b = [interner.claim(c) for c in second]
    for x, y in zip(a, b, strict=True):
        assert x.outlet is y.outlet
        assert x.event is y.event
        assert x.value is y.value
        assert x.quote is y.quote
        assert x.subject.noun is y.subject.noun
        assert x.source != y.source  # provenance stays each claim's own


def test_equal_intervals_of_different_types_are_not_merged() -> None:
    interner = Interner()
    claims = extract_text("In all, 110 countries came.", source="a.txt")
    count = claims[0]
    as_int = type(count.value)(110, 110, 110)
    assert as_int == count.value  # 110 == 110.0: equal, but a different JSON value
    shared = interner._interval(count.value)
    assert interner._interval(as_int) is as_int
    assert interner._interval(count.value) is shared


def test_extract_paths_shares_parts_across_files(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(STORY, "utf-8")
    claims = extract_paths([folder]).claims
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    first, second = by_source.values()
    assert [c.event for c in first] == [c.event for c in second]
    assert all(x.event is y.event for x, y in zip(first, second, strict=True))


def test_documents_share_their_terms_and_metadata(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(STORY, "utf-8")
    extraction = extract_paths([folder], keep_text=False)
    a, b = extraction.documents
    unshared = extract_paths([folder / "a.txt"], keep_text=False).documents[0]
    assert a.terms == b.terms == unshared.terms and len(a.terms) > 5
    assert all(x is y for x, y in zip(a.terms, b.terms, strict=True))
    assert a.outlet is b.outlet and a.date is b.date
    assert {c.source for c in extraction.claims if c.source == a.source} == {a.source}
    assert all(c.source is a.source for c in extraction.claims if c.source == a.source)
    interner = Interner()
    assert interner.document(unshared) == unshared


def _reference_dict(claim: Claim) -> dict[str, object]:
    """The claim's JSON shape as ``dataclasses.asdict`` gives it (the original definition)."""
    from dataclasses import asdict

    data = asdict(claim)
    data["kind"] = str(claim.kind)
    data["modality"] = str(claim.modality)
    data["as_of_basis"] = str(claim.as_of_basis)
    value = data["value"]
    value["qualifier"] = str(claim.value.qualifier)
    for key in ("nominal", "low", "high"):
        if isinstance(value[key], float) and value[key].is_integer():
            value[key] = int(value[key])
    data["subject"]["key"] = claim.subject.key
    return {"schema_version": 2, "id": data.pop("id"), **data}


def test_to_dict_is_the_asdict_shape_field_for_field() -> None:
    import json

    from tests.gold import ROOT

    claims = extract_paths([ROOT / "seeds", ROOT / "fixtures"]).claims
    assert len(claims) > 100
    kinds = {c.kind for c in claims}
    assert len(kinds) == 3
    for claim in claims:
        fast, reference = claim.to_dict(), _reference_dict(claim)
        # same keys in the same order, same values: the JSONL bytes do not change
        assert json.dumps(fast) == json.dumps(reference)
