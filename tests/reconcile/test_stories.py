"""Stories from whole documents: what joins a story, what stays apart, and at what cost.

Each test states a case the issue on judgement names: two short articles about one
signing, a four-sentence brief added to a corpus, a large single-event corpus, two
unrelated events in one folder, the same names a year apart.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from hanoicheck.api import extract_paths, reconcile_paths
from hanoicheck.reconcile import reconcile
from hanoicheck.reconcile.stories import StoryInput, cluster_stories
from tests.gold import ROOT
from tests.reconcile.conftest import Reconcile


def _write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def test_two_short_articles_of_one_day_are_one_story_and_conflict(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "pact",
        {
            "a.txt": "GENEVA, March 8, 2025 (Alpine Wire) - 40 countries signed the water pact "
            "on Saturday at the Palais des Nations.\n",
            "b.txt": "GENEVA, March 8, 2025 (Lake Post) - 45 countries signed the water pact "
            "on Saturday at the Palais des Nations.\n",
        },
    )
    result = reconcile_paths([folder]).reconciliation
    assert result.stories == 1
    (conflict,) = result.conflicts
    assert sorted(p.label for p in conflict.positions) == ["40 countries", "45 countries"]


def test_a_four_sentence_brief_joins_the_story_it_is_about(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", folder)
    _write(
        folder,
        {
            "brief.txt": "Hanoi Convention: a brief note.\n\n"
            "The UN Convention against Cybercrime was signed in Hanoi. "
            "Delegations from 100 countries attended the Hanoi ceremony. "
            "The Hanoi Convention opens a new chapter against cybercrime. "
            "Officials in Hanoi called it historic.\n"
        },
    )
    result = reconcile_paths([folder]).reconciliation
    assert result.stories == 1


def test_a_large_single_event_corpus_stays_one_story_and_keeps_its_conflict(
    tmp_path: Path,
) -> None:
    """The seeds plus 210 short articles that mention the convention (a word shared by
    more than 200 sources used to be dropped, splitting the story and its conflict)."""
    folder = tmp_path / "big"
    shutil.copytree(ROOT / "seeds", folder)
    rng = random.Random(4)
    topics = ["law enforcement", "data sharing", "victims", "ratification", "training"]
    for index in range(210):
        topic = rng.choice(topics)
        (folder / f"filler_{index:03d}.txt").write_text(
            f"The Hanoi Convention against Cybercrime and {topic}: experts in Hanoi said the "
            f"UN convention would change how countries cooperate on {topic}.\n",
            "utf-8",
        )
    result = reconcile_paths([folder]).reconciliation
    plenary = [g for g in result.conflicts if "plenary" in g.subject]
    assert plenary and plenary[0].severity == "error"
    seeds = {str(p.relative_to(ROOT)) for p in (ROOT / "seeds").iterdir()}
    assert seeds  # the seeds' own conflict is still found among 215 articles


def test_two_unrelated_stories_in_one_folder_stay_apart(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "mixed",
        {
            "plastics_a.txt": "GENEVA, June 4, 2025 (Alpine Wire) - 72 countries signed the "
            "plastics treaty in Geneva on Wednesday, ending three years of talks on plastic "
            "pollution and single-use packaging.\n",
            "plastics_b.txt": "GENEVA, June 5, 2025 (Lake Post) - Negotiators said 72 countries "
            "signed the Geneva plastics treaty, which caps plastic production and bans some "
            "single-use packaging.\n",
            "ai_a.txt": "PARIS, June 4, 2025 (Seine Wire) - 56 countries signed the declaration "
            "on artificial intelligence in Paris on Wednesday, pledging safety tests for "
            "frontier models.\n",
            "ai_b.txt": "PARIS, June 5, 2025 (Left Bank Daily) - The Paris declaration on "
            "artificial intelligence, signed by 56 countries, commits labs to safety tests "
            "of frontier models.\n",
        },
    )
    extraction = extract_paths([folder])
    result = reconcile(extraction.claims, documents=extraction.documents)
    assert result.stories == 2
    assert result.conflicts == ()  # 72 and 56 signatories are two different things


def test_the_same_names_a_year_apart_are_two_stories() -> None:
    terms = ("Accra", "Plastics", "Convention", "signed", "countries")
    items = [
        StoryInput("a", terms, (739000.0,), 739000.0),
        StoryInput("b", terms, (739004.0,), 739004.0),
        StoryInput("c", terms, (739370.0,), 739370.0),  # a year later
        StoryInput("d", terms, (739372.0,), 739372.0),
    ]
    result = cluster_stories(items)
    assert result["a"] == result["b"] and result["c"] == result["d"]
    assert result["a"] != result["c"]


def test_an_undated_brief_links_by_its_words_alone() -> None:
    terms = ("Accra", "Plastics", "Convention", "signed", "countries")
    items = [
        StoryInput("a", terms, (739000.0,), 739000.0),
        StoryInput("brief", terms[:3], (700000.0,), None),  # a date it gives is history
    ]
    result = cluster_stories(items)
    assert result["a"] == result["brief"]


def test_stories_do_not_depend_on_input_order() -> None:
    rng = random.Random(1)
    names = ["Accra", "Lima", "Hanoi", "Geneva", "Nairobi", "Perth", "Cybercrime", "Plastics"]
    items = [
        StoryInput(
            f"s{i:02d}",
            (*rng.sample(names, 4), "signed", "countries"),
            (day := 739000.0 + rng.randrange(90),),
            day,
        )
        for i in range(40)
    ]
    expected = cluster_stories(items)
    for _ in range(5):
        shuffled = list(items)
        rng.shuffle(shuffled)
        assert cluster_stories(shuffled) == expected


def test_one_story_option_puts_every_document_in_one() -> None:
    items = [
        StoryInput("a", ("Accra", "Plastics"), (739000.0,), 739000.0),
        StoryInput("b", ("Paris", "Intelligence"), (739500.0,), 739500.0),
    ]
    assert len(set(cluster_stories(items).values())) == 2
    assert set(cluster_stories(items, one_story=True).values()) == {"a"}


def test_a_chain_of_articles_a_few_days_apart_does_not_run_for_months() -> None:
    # every article shares the beat's words with the next one, ten days on: without a
    # bound on a story's span the chain would make one story of a season's events
    beat = ("summit", "delegates", "declaration", "signed", "countries", "text")
    items = [
        StoryInput(f"d{i:02d}", beat, (739000.0 + 10 * i,), 739000.0 + 10 * i) for i in range(12)
    ]
    result = cluster_stories(items)
    for story in set(result.values()):
        days = [739000.0 + 10 * int(s[1:]) for s, st in result.items() if st == story]
        assert max(days) - min(days) <= 30


def test_a_document_whose_rarest_words_are_its_own_still_finds_its_story() -> None:
    # the last article (in time) probes the corpus with words it shares, not with the
    # words only it has
    common = ("Accra", "Plastics", "Convention", "signed", "countries")
    items = [
        StoryInput("a", common, (739000.0,), 739000.0),
        StoryInput("b", common, (739001.0,), 739001.0),
        StoryInput("z", (*common, *(f"Unique{i}" for i in range(14))), (739002.0,), 739002.0),
    ]
    result = cluster_stories(items)
    assert result["z"] == result["a"] == result["b"]


def test_a_late_recap_joins_only_when_it_leads_with_the_story_s_name() -> None:
    story = ("Accra", "Plastics", "Convention", "signed", "countries", "delegates")
    items = [
        StoryInput("a", story, (739000.0,), 739000.0),
        StoryInput("b", story, (739002.0,), 739002.0),
        # two months later, dating the signing: a recap of the same story
        StoryInput("recap", ("Accra", *story[1:]), (739000.0, 739060.0), 739060.0),
        # two months later, sharing the beat's words and recalling the date, but about
        # another city's summit
        StoryInput("other", ("Lima", "Forum", *story[3:]), (739000.0, 739061.0), 739061.0),
    ]
    result = cluster_stories(items)
    assert result["recap"] == result["a"]
    assert result["other"] != result["a"]


def test_unrelated_stories_in_one_folder_are_never_compared(reconcile_texts: Reconcile) -> None:
    result = reconcile_texts(
        {
            "ocean1.txt": "date: 2026-06-10\nSeventy-two countries signed the Lisbon Ocean Accord at the Belem Centre.\n",
            "ocean2.txt": "date: 2026-06-10\nA total of 72 countries signed the Lisbon Ocean Accord at the Belem Centre.\n",
            "ai.txt": "date: 2026-03-17\nFifty-six countries signed the Seoul AI Declaration at the Korea Press Centre.\n",
        }
    )
    assert result.stories == 2
    assert not result.conflicts


def test_a_recap_never_bridges_two_stories_far_apart() -> None:
    """A recap joins an old story by its lead name; when it also belongs to this
    season's story, the two stories stay two (chained, such recaps made one story of
    9,980 of 10,000 generated articles)."""
    old = ("Accra", "Plastics", "Convention", "signed", "countries", "delegates")
    new = ("Abidjan", "Abbey", "Ocean", "signed", "countries", "delegates")
    items = [
        StoryInput("old", old, (739000.0,), 739000.0),
        StoryInput("new", new, (739200.0,), 739200.0),
        # written with this season's story (its rarest shared words, probed first, are
        # the new story's), recalling the old one by its lead name and date
        StoryInput("recap", (*old[:3], *new), (739000.0, 739201.0), 739201.0),
    ]
    result = cluster_stories(items)
    assert result["old"] != result["new"]


def test_a_recap_weeks_after_the_event_joins_though_the_first_preview_is_older() -> None:
    """The preview is three weeks before the conference, the recap four weeks after it:
    six weeks from first to last, more than a story's core may span, yet the recap
    names the story's lead and joins it, as a recap does, without moving its core."""
    story = ("Seville", "Financing", "Compromiso", "Development", "conference", "debt")
    items = [
        # led by another name: the recap's link to it is weak, so no recap link
        StoryInput(
            "preview",
            ("Washington", "Washington", "Financing", "conference", "debt"),
            (739420.0,),
            739420.0,
        ),
        StoryInput("opening", story, (739432.0,), 739432.0),
        StoryInput("close", story, (739435.0,), 739435.0),
        StoryInput("recap", story, (739432.0, 739460.0), 739460.0),
    ]
    result = cluster_stories(items)
    assert len(set(result.values())) == 1


def test_a_page_led_by_a_side_event_links_by_its_second_name() -> None:
    """A page about the royal dinner of a conference names "Royal" most and "Seville"
    next: its second name is the story's lead, so it joins the conference's story
    though the words it shares with the wires are few."""
    core = ("Seville", "Compromiso", "Development", "Financing", "debt", "pledges", "levy", "hub")
    dinner = ("Royal", "Seville", "Alcazar", "Doncellas", "guests", "dinner", "Household", "menu")
    items = [
        StoryInput("wire", core, (739432.0,), 739432.0),
        StoryInput("close", core, (739435.0,), 739435.0),
        StoryInput("dinner", dinner, (739432.0,), 739432.0),
    ]
    result = cluster_stories(items)
    assert result["dinner"] == result["wire"]
