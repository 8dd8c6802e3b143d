"""Attribution: who keeps a count is its source, whatever words wrap the name."""

from __future__ import annotations

from hanoicheck.extract.attribution import tidy_who
from hanoicheck.extract.pipeline import extract_text
from hanoicheck.reconcile.vocabulary import default_vocabulary


def test_a_count_kept_by_someone_is_theirs() -> None:
    assert tidy_who("a tally kept by a national television network") == (
        "national television network"
    )
    assert tidy_who("figures compiled by the health ministry") == "health ministry"
    assert tidy_who("a count from the Red Cross") == "Red Cross"


def test_a_count_of_something_names_no_keeper() -> None:
    assert tidy_who("a count of bodies") == "count of bodies"


def test_an_article_alone_or_a_trailing_count_noun_is_not_the_source() -> None:
    assert tidy_who("a") is None
    assert tidy_who("an Associated Press count") == "Associated Press"
    assert tidy_who("the coastguard's tally") == "coastguard"


def test_two_tallies_in_one_story_are_two_authorities() -> None:
    text = (
        "At least 232 deaths were blamed on the storm by Saturday, according to a tally "
        "kept by a national television network. Deaths rose to 227 on Saturday, "
        "according to an Associated Press count."
    )
    first, second = (c for c in extract_text(text, document_date="2024-10-05") if c.unit)
    assert first.attribution == "national television network"
    assert second.attribution == "Associated Press"
    vocabulary = default_vocabulary()
    assert vocabulary.authority(first.attribution) == "broadcaster"
    assert vocabulary.authority(second.attribution) not in (None, "broadcaster")


def test_a_day_and_a_clause_are_not_a_source() -> None:
    assert tidy_who("Thursday that") is None
    text = "The spokesman said on Thursday that the toll stands at 2,250."
    (toll,) = (c for c in extract_text(text, document_date="2025-09-04") if c.unit)
    assert toll.attribution == "spokesman"


def test_a_relative_clause_between_a_speaker_and_the_verb() -> None:
    text = (
        "The opposition National Unity Government, which runs a parallel administration "
        "from exile, said the toll had passed 2,400 dead."
    )
    (toll,) = (c for c in extract_text(text, document_date="2025-03-31") if c.unit)
    assert toll.attribution == "opposition National Unity Government"
