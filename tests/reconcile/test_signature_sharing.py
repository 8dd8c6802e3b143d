"""Signatures and event names are shared between claims that would get equal ones."""

from __future__ import annotations

from hanoicheck.reconcile import signature

WORDS = (("signed", False), ("accra", True), ("convention", False))
OTHER = (("attended", False), ("talks", False))


def test_claims_of_one_clause_share_one_signature_equal_to_its_own() -> None:
    items = [("s1", "a.txt", WORDS), ("s1", "b.txt", WORDS), ("s1", "c.txt", OTHER)]
    items += [("s2", "d.txt", WORDS)]
    found = signature.signatures(items)
    assert found[0] is found[1]
    assert found[0] is not found[3]  # another story weighs its words apart
    alone = [signature.signatures(items)[i] for i in range(len(items))]
    assert found == alone
    # weighed within the story, whichever claim made it first
    rest = signature.signatures([items[1], items[0], items[2], items[3]])
    assert rest[0] == found[1] and rest[1] == found[0]


def test_equal_event_names_are_one_set() -> None:
    from hanoicheck.api import extract_paths
    from hanoicheck.reconcile.facets import build_facets
    from hanoicheck.reconcile.vocabulary import default_vocabulary
    from tests.gold import ROOT

    claims = extract_paths([ROOT / "fixtures" / "corpora"], jobs=1).claims
    facets = build_facets(claims, {}, default_vocabulary())
    named = [f.event_names for f in facets if f.event_names]
    assert len(named) > len(set(named)) > 1
    first: dict[frozenset[str], frozenset[str]] = {}
    assert all(first.setdefault(n, n) is n for n in named)
