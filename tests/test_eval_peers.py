"""scripts/eval_peers.py: loading, scoring and summarizing peer cases.

Every peer folder here is a few handwritten JSONL lines in ``tmp_path``; nothing reads the
shared evaluation data. Most scoring tests use a fake extractor so they test the scoring
rules, not the extractor of the day.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from hanoicheck.model import Claim, Event, Interval, Kind, Qualifier, Subject

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "eval_peers.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_peers", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_peers"] = module  # dataclasses look their module up while decorating
    spec.loader.exec_module(module)
    return module


ep = _load_script()


def case_line(
    id: str,
    kind: str,
    text: str,
    expected: dict[str, Any],
    *,
    peer: str = "alpha",
    span: str | None = None,
    reference_date: str | None = None,
) -> str:
    return json.dumps(
        {
            "id": id,
            "peer": peer,
            "repo": "example/alpha",
            "path": "tests/cases.json",
            "license": "MIT",
            "kind": kind,
            "text": text,
            "reference_date": reference_date,
            "expected": expected,
            "peer_raw": {},
            "span": span,
            "locator": "line 1",
            "notes": [],
        }
    )


def write_peers(folder: Path, files: dict[str, list[str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.md").write_text("# test peers\n", encoding="utf-8")
    for name, lines in files.items():
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def make_case(kind: str, text: str, expected: dict[str, Any], **extra: Any) -> Any:
    fields: dict[str, Any] = {"span": None, "reference_date": None, "peer": "alpha"}
    fields.update(extra)
    return ep.Case(
        id=f"alpha-{kind}-1",
        peer=fields["peer"],
        kind=kind,
        text=text,
        reference_date=fields["reference_date"],
        expected=expected,
        span=fields["span"],
    )


def claim(
    kind: Kind,
    text: str,
    quote: str,
    value: Interval[Any],
    unit: str | None = None,
) -> Claim:
    start = text.index(quote)
    return Claim(
        source="<text>",
        kind=kind,
        quote=quote,
        start=start,
        end=start + len(quote),
        line=1,
        column=start + 1,
        sentence=text,
        subject=Subject(noun="thing"),
        event=Event(),
        value=value,
        unit=unit,
    )


def fake(*claims: Claim) -> Callable[..., list[Claim]]:
    def extract(text: str, *, document_date: str | None = None) -> list[Claim]:
        return list(claims)

    return extract


# --- load_cases ------------------------------------------------------------------------------


def test_load_cases_reads_every_jsonl_file_in_name_order(tmp_path: Path) -> None:
    folder = write_peers(
        tmp_path / "peers",
        {
            "beta.jsonl": [case_line("b-1", "date", "On July 4 2016.", {"date": "2016-07-04"})],
            "alpha.jsonl": [
                case_line("a-1", "count", "300 homes", {"value": 300}, span="300 homes"),
                "",
                case_line(
                    "a-2", "money", "$5 million", {"amount": 5e6, "currency": None}, peer="alpha"
                ),
            ],
        },
    )
    cases = ep.load_cases(folder)
    assert [c.id for c in cases] == ["a-1", "a-2", "b-1"]
    assert cases[0].span == "300 homes" and cases[0].expected == {"value": 300}
    assert cases[1].expected["currency"] is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "Expecting property name"),
        (case_line("x-1", "percent", "5%", {"value": 5}), "unknown kind"),
        (case_line("x-1", "count", "five", {"amount": 5}), "expected needs"),
        (case_line("x-1", "date", "today", {"date": "2016-7-4"}), "expected needs"),
        (
            case_line("x-1", "date", "today", {"date": "2016-07-04"}, reference_date="x"),
            "reference_date",
        ),
        (json.dumps(["a list"]), "not a JSON object"),
    ],
)
def test_load_cases_names_the_file_and_line_of_a_malformed_case(
    tmp_path: Path, line: str, message: str
) -> None:
    good = case_line("ok-1", "count", "3 ships", {"value": 3})
    folder = write_peers(tmp_path / "peers", {"bad.jsonl": [good, line]})
    with pytest.raises(ep.PeerEvalError) as raised:
        ep.load_cases(folder)
    assert "bad.jsonl:2" in str(raised.value)
    assert message in str(raised.value)


def test_load_cases_rejects_a_missing_or_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ep.PeerEvalError, match="not a directory"):
        ep.load_cases(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ep.PeerEvalError, match=r"no \*\.jsonl"):
        ep.load_cases(tmp_path / "empty")


def test_load_cases_rejects_duplicate_ids(tmp_path: Path) -> None:
    line = case_line("dup-1", "count", "3 ships", {"value": 3})
    folder = write_peers(tmp_path / "peers", {"a.jsonl": [line, line]})
    with pytest.raises(ep.PeerEvalError, match="duplicate"):
        ep.load_cases(folder)


# --- score_case ------------------------------------------------------------------------------


def test_count_is_judged_on_the_nominal_value_even_when_hedged() -> None:
    text = "about 300 homes were lost"
    case = make_case("count", text, {"value": 300}, span="300")
    hedged = Interval(300.0, 270.0, 330.0, True, True, Qualifier.ABOUT)
    outcome = ep.score_case(case, fake(claim(Kind.COUNT, text, "about 300 homes", hedged)))
    assert (outcome.status, outcome.correct, outcome.strict) == ("correct", True, True)
    wrong = ep.score_case(case, fake(claim(Kind.COUNT, text, "300 homes", Interval.exact(30.0))))
    assert (wrong.status, wrong.correct) == ("wrong", False)


def test_count_range_reports_inclusivity_separately() -> None:
    text = "between 20 and 30 people"
    case = make_case(
        "count_range",
        text,
        {"low": 20, "high": 30, "low_inclusive": True, "high_inclusive": False},
        span="between 20 and 30",
    )
    closed = Interval(20.0, 20.0, 30.0, True, True, Qualifier.RANGE)
    outcome = ep.score_case(case, fake(claim(Kind.COUNT, text, text, closed)))
    assert (outcome.correct, outcome.strict) == (True, False)
    half_open = Interval(20.0, 20.0, 30.0, True, False, Qualifier.RANGE)
    outcome = ep.score_case(case, fake(claim(Kind.COUNT, text, text, half_open)))
    assert (outcome.correct, outcome.strict) == (True, True)


def test_count_range_open_bound_must_be_open() -> None:
    text = "more than 30 ships"
    case = make_case(
        "count_range",
        text,
        {"low": 30, "high": None, "low_inclusive": False, "high_inclusive": False},
    )
    open_ended = Interval(30.0, 30.0, None, False, True, Qualifier.MORE_THAN)
    outcome = ep.score_case(case, fake(claim(Kind.COUNT, text, text, open_ended)))
    assert (outcome.correct, outcome.strict) == (True, True)  # no flag on an open end
    bounded = Interval(30.0, 30.0, 40.0, False, True, Qualifier.RANGE)
    assert not ep.score_case(case, fake(claim(Kind.COUNT, text, text, bounded))).correct


def test_money_amount_tolerance_and_currency_rules() -> None:
    text = "It cost $ 16.4 million."
    value = Interval.exact(16399999.999999998)
    any_currency = make_case("money", text, {"amount": 16.4e6, "currency": None})
    cad = make_case("money", text, {"amount": 16.4e6, "currency": "CAD"})
    usd = make_case("money", text, {"amount": 16.4e6, "currency": "USD"})
    extract = fake(claim(Kind.MONEY, text, "$ 16.4 million", value, unit="USD"))
    assert ep.score_case(any_currency, extract).correct
    assert ep.score_case(usd, extract).correct
    assert ep.score_case(cad, extract).status == "wrong"
    off = fake(claim(Kind.MONEY, text, "$ 16.4 million", Interval.exact(16.5e6), unit="USD"))
    assert not ep.score_case(any_currency, off).correct


def test_dates_and_date_ranges() -> None:
    text = "From July 13 to 15, 2013, and on Oct 2."
    day = make_case("date", text, {"date": "2013-10-02"}, span="Oct 2")
    period = make_case(
        "date_range", text, {"start": "2013-07-13", "end": "2013-07-15"}, span="July 13 to 15"
    )
    claims = fake(
        claim(
            Kind.DATE,
            text,
            "July 13 to 15, 2013",
            Interval("2013-07-13", "2013-07-13", "2013-07-15", True, True, Qualifier.RANGE),
        ),
        claim(Kind.DATE, text, "Oct 2", Interval.exact("2013-10-02")),
    )
    assert ep.score_case(day, claims).correct
    assert ep.score_case(period, claims).correct
    as_day = make_case("date", text, {"date": "2013-07-13"}, span="July 13")
    assert ep.score_case(as_day, claims).status == "wrong"  # a range is not one day


def test_claims_must_overlap_the_span_and_be_of_the_kind_family() -> None:
    text = "5 ships and $5 billion"
    case = make_case("count", text, {"value": 5}, span="5 ships")
    money_only = fake(claim(Kind.MONEY, text, "$5 billion", Interval.exact(5e9), "USD"))
    outcome = ep.score_case(case, money_only)
    assert (outcome.status, outcome.predicted) == ("missed", None)
    elsewhere = make_case("count", "ships: 5; boats: 5 boats", {"value": 5}, span="ships: 5")
    boats = claim(Kind.COUNT, elsewhere.text, "5 boats", Interval.exact(5.0))
    outcome = ep.score_case(elsewhere, fake(boats))
    assert outcome.status == "missed" and outcome.others == (boats,)


def test_span_not_in_text_falls_back_to_any_claim_of_the_kind() -> None:
    text = "Talks resumed on 25th march 2015."
    found = claim(Kind.DATE, text, "25th march 2015", Interval.exact("2015-03-25"))
    for span in (None, "March 25"):
        case = make_case("date", text, {"date": "2015-03-25"}, span=span)
        assert ep.score_case(case, fake(found)).correct
    upper = make_case("date", text, {"date": "2015-03-25"}, span="25TH MARCH 2015")
    assert ep.locate(upper) == (17, 32)


def test_a_correct_overlapping_claim_is_preferred() -> None:
    text = "next Friday, Nov 11"
    case = make_case("date", text, {"date": "2016-11-11"}, span=text)
    first = claim(Kind.DATE, text, "Friday", Interval.exact("2016-11-04"))
    second = claim(Kind.DATE, text, "Nov 11", Interval.exact("2016-11-11"))
    outcome = ep.score_case(case, fake(first, second))
    assert outcome.correct and outcome.predicted is second and outcome.others == (first,)


def test_reference_date_is_passed_and_crashes_are_reported() -> None:
    seen: list[str | None] = []

    def extract(text: str, *, document_date: str | None = None) -> list[Claim]:
        seen.append(document_date)
        raise RuntimeError("boom")

    case = make_case("date", "today", {"date": "2016-11-07"}, reference_date="2016-11-07")
    outcome = ep.score_case(case, extract)
    assert seen == ["2016-11-07"]
    assert (outcome.status, outcome.correct) == ("error", False)
    assert outcome.error == "RuntimeError: boom"


# --- summarize and the command ---------------------------------------------------------------


def _outcome(peer: str, kind: str, status: str, strict: bool | None = None) -> Any:
    correct = status == "correct"
    case = make_case(kind, "x", {}, peer=peer)
    return ep.Outcome(case, status, correct, correct if strict is None else strict)


def test_summarize_rows_per_peer_kind_with_totals() -> None:
    outcomes = [
        _outcome("beta", "money", "correct"),
        _outcome("alpha", "count_range", "correct", strict=False),
        _outcome("alpha", "count", "missed"),
        _outcome("alpha", "count", "correct"),
        _outcome("beta", "money", "wrong"),
        _outcome("beta", "date", "error"),
    ]
    rows = ep.summarize(outcomes)
    table = {(r.peer, r.kind): (r.cases, r.correct, r.strict) for r in rows}
    assert [(r.peer, r.kind) for r in rows] == [
        ("beta", "money"),
        ("beta", "date"),
        ("beta", "all"),
        ("alpha", "count"),
        ("alpha", "count_range"),
        ("alpha", "all"),
        ("all", "count"),
        ("all", "count_range"),
        ("all", "money"),
        ("all", "date"),
        ("all", "all"),
    ]
    assert table[("alpha", "count")] == (2, 1, 1)
    assert table[("alpha", "all")] == (3, 2, 1)
    assert table[("all", "all")] == (6, 3, 2)
    overall = rows[-1]
    assert (overall.missed, overall.wrong, overall.errors) == (1, 1, 1)
    assert overall.accuracy == pytest.approx(50.0)
    assert ep.summarize([])[-1].cases == 0


def test_main_scores_a_folder_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_peers(
        tmp_path / "peers",
        {
            "alpha.jsonl": [
                case_line(
                    "a-money-1",
                    "money",
                    "The ministry pledged $5 million for the project.",
                    {"amount": 5000000, "currency": "USD"},
                    span="$5 million",
                ),
                # a bare numeral is not a news claim: reported as a miss, never special-cased
                case_line("a-count-2", "count", "one", {"value": 1}, span="one"),
            ]
        },
    )
    out = tmp_path / "scores.json"
    assert ep.main([str(folder), "--misses", "3", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "peer" in printed and "acc%" in printed and "cases/s" in printed
    assert "a-count-2 [missed]" in printed and "a-money-1 [" not in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["cases"] == 2
    assert data["results"]["alpha"]["money"]["correct"] == 1
    assert data["results"]["alpha"]["count"] == {
        "cases": 1,
        "correct": 0,
        "accuracy": 0.0,
        "strict": 0,
        "strict_accuracy": 0.0,
        "missed": 1,
        "wrong": 0,
        "errors": 0,
    }
    assert data["results"]["all"]["all"]["cases"] == 2


def test_main_exits_2_with_one_line_on_a_malformed_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_peers(tmp_path / "peers", {"broken.jsonl": ["{oops"]})
    assert ep.main([str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "broken.jsonl:1" in err[0]
    assert ep.main([str(tmp_path / "missing")]) == 2
    assert "missing" in capsys.readouterr().err
