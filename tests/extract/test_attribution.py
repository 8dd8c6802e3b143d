"""Attribution: the say-verb flag that lets extraction skip the "he said" search."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanoicheck.extract import attribution, context
from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Span
from tests.gold import ROOT

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
