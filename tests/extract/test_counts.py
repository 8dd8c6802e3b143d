"""Counts: counted nouns, roles, events, modality and attribution, on unseen text."""

from __future__ import annotations

from hanoicheck.extract.pipeline import extract_text
from hanoicheck.model import Claim


def counts(text: str, date: str | None = None) -> list[Claim]:
    return [c for c in extract_text(text, document_date=date) if c.kind.value == "count"]


def test_noun_synonyms_fold_and_roles_come_from_the_nearest_verb() -> None:
    text = (
        "With some 300 participants from 41 nations in attendance, "
        "ministers of 27 states signed the pact."
    )
    participants, nations, states = counts(text)
    assert (participants.subject.noun, participants.subject.role) == ("delegates", "attended")
    assert (nations.subject.noun, nations.subject.role) == ("countries", "attended")
    assert (states.subject.noun, states.subject.role) == ("countries", "signed")
    assert participants.value.qualifier.value == "about"


def test_speakers_and_document_structure() -> None:
    text = "The hearing heard 23 statements. The treaty has 12 chapters and 84 articles."
    statements, chapters, articles = counts(text)
    assert (statements.subject.noun, statements.subject.role) == ("statements", "spoke")
    assert (chapters.subject.role, articles.subject.role) == ("comprises", "comprises")
    assert articles.value.nominal == 84


def test_forecast_and_attribution() -> None:
    text = (
        "Organisers said the summit will bring together 500 delegates. "
        "Police said 40 people were arrested."
    )
    delegates, people = counts(text)
    assert delegates.modality.value == "forecast"
    assert people.modality.value == "reported"
    assert people.attribution == "Police"


def test_attribution_carries_to_pronouns_and_within_a_paragraph() -> None:
    text = (
        "Health Minister Ana Ruiz described the outbreak as severe.\n"
        "She said 14 clinics had closed. In Lima alone, 9 clinics reopened."
    )
    first, second = counts(text)
    assert first.attribution == "Health Minister Ana Ruiz"
    assert second.attribution == "Health Minister Ana Ruiz"


def test_unknown_plural_nouns_still_count_but_units_do_not() -> None:
    assert [c.subject.noun for c in counts("Floods cut off 42 lighthouses for 3 days.")] == [
        "lighthouses"
    ]


def test_quote_offsets_line_and_column() -> None:
    text = "First line.\nOfficials counted nearly 60 vessels."
    (claim,) = counts(text)
    assert claim.quote == "nearly 60 vessels" == text[claim.start : claim.end]
    assert (claim.line, claim.column) == (2, 19)


def test_counts_in_a_session_take_the_session_of_their_sentence() -> None:
    text = "At the plenary session on the morning of May 5, 2026, the meeting heard 31 statements."
    (claim,) = counts(text)
    assert claim.event.type == "plenary session"
    assert (claim.event.date, claim.event.part_of_day) == ("2026-05-05", "morning")
