"""Attribution: who keeps a count is its source, whatever words wrap the name; and the
say-verb flag that lets extraction skip the "he said" search."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanoicheck.extract import attribution, context
from hanoicheck.extract.attribution import tidy_who
from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Span
from hanoicheck.reconcile.vocabulary import default_vocabulary
from tests.gold import ROOT


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


SENTENCES = [
    "The toll rose to 40, he said.",
    "They also said 12 ships were lost.",
    "Said she: 300 people came.",
    "He told reporters 12 had died.",
    "The ministry said 50 were hurt.",
    "Fifty were hurt, according to the ministry.",
    "The heliport shed 40 jobs.",  # "he" and "she" inside words, no say-verb
    "Nothing was said.",
    "she said",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_pronoun_said_match_implies_the_say_verb_flag(sentence: str) -> None:
    span = Span(0, len(sentence))
    found, said = attribution.read_sources(sentence, span)
    assert found == attribution.mentions(sentence, span)
    if attribution.pronoun_said(sentence, span):
        assert said


def test_the_flag_holds_on_every_sentence_of_the_seeds_and_fixtures() -> None:
    checked = matched = 0
    for path in sorted(
        [*Path(ROOT, "seeds").rglob("*.txt"), *Path(ROOT, "fixtures").rglob("*.txt")]
    ):
        text = path.read_text("utf-8", errors="replace")
        for sentence in context.sentences(text, 0, len(text)):
            checked += 1
            if attribution.pronoun_said(text, sentence):
                matched += 1
                assert attribution.read_sources(text, sentence)[1], (path, sentence)
    assert checked > 1000
    assert matched > 0


def test_a_pronoun_still_takes_the_last_named_speaker() -> None:
    claims = extract_text(
        "Health Minister Ana Ruiz said 40 people died. Later she said 12 were missing."
    )
    assert [c.attribution for c in claims] == ["Health Minister Ana Ruiz"] * 2
