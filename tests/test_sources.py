"""Tests of hanoicheck.sources: discovery, reading, furniture, metadata and HTML text.

The seed articles in ``seeds/`` are real scraped pages with real furniture, so they pin
the behaviour that matters most; everything else is built in ``tmp_path``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from hanoicheck.model import Document, SourceError, Span
from hanoicheck.sources import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    SourceReadError,
    discover,
    load_document,
    load_sources,
    normalize_source,
    parse_document,
    parse_size,
)

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_000 = SEEDS / "000_d3321d4a47214618.txt"
SEED_001 = SEEDS / "001_022a195d71583f65.txt"
SEED_002 = SEEDS / "002_8cfe10c72970e812.txt"
SEED_003 = SEEDS / "003_57c7628310a0554d.txt"
SEED_004 = SEEDS / "004_9f7aae0d31abca2d.txt"
DANTRI = (
    "https://dantri.com.vn/thoi-su/"
    "khong-mot-quoc-gia-nao-co-the-don-doc-chong-lai-toi-pham-mang-20251026144926876.htm"
)


def furniture_texts(doc: Document) -> list[str]:
    return [doc.text[span.start : span.end] for span in doc.furniture]


def covered(doc: Document, start: int, end: int) -> bool:
    """Whether every character of ``[start, end)`` is inside some furniture span."""
    return all(any(s.start <= i < s.end for s in doc.furniture) for i in range(start, end))


def touched(doc: Document, start: int, end: int) -> bool:
    """Whether any character of ``[start, end)`` is inside some furniture span."""
    return any(s.start < end and start < s.end for s in doc.furniture)


def assert_well_formed(doc: Document) -> None:
    previous_end = -1
    for span in doc.furniture:
        assert isinstance(span, Span)
        assert 0 <= span.start < span.end <= len(doc.text)
        assert span.start > previous_end
        previous_end = span.end


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return REPO


# --------------------------------------------------------------------------- seeds


def test_seed_004_date_line_and_sign_off(in_repo: Path) -> None:
    doc = load_document(SEED_004)
    raw = SEED_004.read_text(encoding="utf-8")
    assert doc.text == raw
    assert doc.source == "seeds/004_9f7aae0d31abca2d.txt"
    assert (doc.date, doc.outlet, doc.url) == ("2025-10-25", "VNA", None)
    texts = furniture_texts(doc)
    assert texts[0].strip() == "date 2025-10-25"
    assert texts[-1] == "— VNA/VNS"
    assert not touched(doc, raw.index("HÀ NỘI"), raw.index("HÀ NỘI") + 6)
    assert_well_formed(doc)


def test_seed_001_url_timestamp_photo_credits_comment(in_repo: Path) -> None:
    doc = load_document(SEED_001)
    raw = SEED_001.read_text(encoding="utf-8")
    assert doc.text == raw
    assert doc.date == "2025-10-26"
    assert doc.url == DANTRI
    assert doc.outlet == "dantri.com.vn"
    texts = furniture_texts(doc)
    assert "(Photo: World and Vietnam Newspaper)" in texts
    assert "(Photo: Tuan Anh/VNA)" in texts
    assert f"Source: {DANTRI}" in texts
    assert texts[-1] == "Comment (0)"
    caption = "The high-level discussion session took place on the morning of October 26"
    start = raw.index(caption)
    assert not touched(doc, start, start + len(caption))
    assert_well_formed(doc)


def test_seed_000_opening_credit_and_dots_sign_off(in_repo: Path) -> None:
    doc = load_document(SEED_000)
    assert doc.outlet == "VNA"
    assert doc.date is None
    assert doc.url is None
    assert furniture_texts(doc)[-1] == "./."
    assert doc.text.endswith("common global goal./.")
    assert_well_formed(doc)


def test_seed_002_caption_credit_and_bar_no_metadata(in_repo: Path) -> None:
    doc = load_document(SEED_002)
    raw = SEED_002.read_text(encoding="utf-8")
    assert (doc.date, doc.outlet, doc.url) == (None, None, None)
    credit = raw.index("(photo: VNA)")
    assert covered(doc, credit, credit + len("(photo: VNA) |"))
    caption_end = raw.index("Hanoi Convention.") + len("Hanoi Convention.")
    assert not touched(doc, 0, caption_end)
    assert_well_formed(doc)


def test_seed_003_layout_words_and_source_line(in_repo: Path) -> None:
    doc = load_document(SEED_003)
    raw = SEED_003.read_text(encoding="utf-8")
    assert doc.outlet == "VNA"
    assert doc.date is None
    texts = furniture_texts(doc)
    assert "leftcenterrightdel" in texts
    assert texts[-1] == "Source: VNA"
    caption = "Prime Minister Pham Minh Chinh and U.N. Secretary-General"
    start = raw.index(caption)
    assert not touched(doc, start, start + len(caption))
    assert_well_formed(doc)


def test_seed_furniture_never_touches_claims(in_repo: Path) -> None:
    for document in load_sources(["seeds"]):
        assert isinstance(document, Document)
        for figure in ("69 countries", "110", "1,000 delegates", "12.5 billion AUD"):
            position = document.text.find(figure)
            if position >= 0:
                assert not touched(document, position, position + len(figure))


def test_load_sources_seeds_in_order(in_repo: Path) -> None:
    results = list(load_sources(["seeds"]))
    assert all(isinstance(r, Document) for r in results)
    assert [r.source for r in results if isinstance(r, Document)] == [
        f"seeds/{p.name}" for p in sorted(SEEDS.glob("*.txt"))
    ]


# --------------------------------------------------------------------------- normalize


def test_normalize_source_forms(in_repo: Path) -> None:
    assert normalize_source("seeds/a.txt") == "seeds/a.txt"
    assert normalize_source("./seeds/a.txt") == "seeds/a.txt"
    assert normalize_source(Path("seeds") / "a.txt") == "seeds/a.txt"
    assert normalize_source(REPO / "seeds" / "a.txt") == "seeds/a.txt"
    assert normalize_source("seeds/") == "seeds"
    assert normalize_source("./seeds/../seeds/a.txt") == "seeds/a.txt"


def test_normalize_source_outside_cwd_is_absolute(tmp_path: Path, in_repo: Path) -> None:
    outside = tmp_path / "x.txt"
    assert normalize_source(outside) == Path(os.path.abspath(outside)).as_posix()
    assert normalize_source(outside).startswith("/")


# --------------------------------------------------------------------------- discover


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("a", encoding="utf-8")
    (root / "b" / "c.md").write_text("c", encoding="utf-8")
    (root / "b" / "d.html").write_text("<p>d</p>", encoding="utf-8")
    (root / "b" / "skip.pdf").write_bytes(b"%PDF")
    (root / "z.HTM").write_text("<p>z</p>", encoding="utf-8")
    (root / ".hidden.txt").write_text("h", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "inside.txt").write_text("g", encoding="utf-8")


def test_discover_recursive_sorted_hidden_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    found = list(discover(["corpus"]))
    assert [normalize_source(p) for p in found if isinstance(p, Path)] == [
        "corpus/a.txt",
        "corpus/b/c.md",
        "corpus/b/d.html",
        "corpus/z.HTM",
    ]


def test_discover_same_ids_for_spellings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)

    def ids(arg: str) -> list[str]:
        return [normalize_source(p) for p in discover([arg]) if isinstance(p, Path)]

    assert ids("corpus") == ids("./corpus/") == ids(str(tmp_path / "corpus"))


def test_discover_seeds_spellings(in_repo: Path) -> None:
    first = [d.source for d in load_sources(["seeds"]) if isinstance(d, Document)]
    second = [d.source for d in load_sources(["./seeds/"]) if isinstance(d, Document)]
    assert first == second
    assert len(first) == 5


def test_discover_direct_file_any_suffix_and_no_duplicates(tmp_path: Path) -> None:
    make_tree(tmp_path)
    direct = tmp_path / "b" / "skip.pdf"
    found = list(discover([direct, tmp_path / "a.txt", tmp_path, tmp_path / "a.txt"]))
    paths = [p for p in found if isinstance(p, Path)]
    assert paths[0] == direct
    assert paths[1] == tmp_path / "a.txt"
    assert len(paths) == len({os.path.realpath(p) for p in paths})
    assert sum(1 for p in paths if p.name == "a.txt") == 1


def test_discover_hidden_file_given_directly(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert list(discover([tmp_path / ".hidden.txt"])) == [tmp_path / ".hidden.txt"]


def test_discover_missing_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    found = list(discover(["./nope/x.txt", "ok.txt"]))
    assert found == [SourceError("nope/x.txt", "no such file or directory"), Path("ok.txt")]


def test_discover_symlink_loop_terminates(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("a", encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "again").symlink_to(root / "sub", target_is_directory=True)
    paths = [p for p in discover([root]) if isinstance(p, Path)]
    assert paths == [root / "sub" / "a.txt"]  # the real path wins over "again/a.txt"


def test_discover_broken_symlink_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    found = list(discover([tmp_path]))
    assert len(found) == 1
    assert isinstance(found[0], SourceError)
    assert found[0].message == "broken symlink"


def test_discover_is_deterministic(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert list(discover([tmp_path])) == list(discover([tmp_path]))


# --------------------------------------------------------------------------- errors


def read_error(path: Path, **kwargs: int) -> SourceReadError:
    with pytest.raises(SourceReadError) as info:
        load_document(path, **kwargs)
    return info.value


def test_error_empty_and_whitespace(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\r\n")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf \n")
    for name in ("empty.txt", "blank.txt", "bom.txt"):
        assert read_error(tmp_path / name).message == "empty file"


def test_error_binary(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    assert "binary" in read_error(tmp_path / "bin.txt").message
    (tmp_path / "u16.txt").write_bytes("hello".encode("utf-16"))
    assert "UTF-16" in read_error(tmp_path / "u16.txt").message


def test_error_invalid_utf8_position(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9 au lait")
    assert read_error(tmp_path / "latin.txt").message == "not valid UTF-8 at byte 3"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfab\xff")
    assert read_error(tmp_path / "bom.txt").message == "not valid UTF-8 at byte 5"


def test_error_too_big(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 100, encoding="utf-8")
    error = read_error(tmp_path / "big.txt", max_bytes=10)
    assert error.message == "file is 100 bytes, above the limit of 10 bytes (max_bytes)"
    assert load_document(tmp_path / "big.txt", max_bytes=100).text == "x" * 100
    (tmp_path / "huge.txt").write_bytes(b"x" * (3 * 1024 * 1024))
    message = read_error(tmp_path / "huge.txt", max_bytes=2 * 1024 * 1024).message
    assert message == "file is 3 MB, above the limit of 2 MB (max_bytes)"
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024


@pytest.mark.parametrize(("value", "size"), [(1, 1), (4096, 4096), ("4096", 4096)])
def test_parse_size_takes_config_integers(value: int | str, size: int) -> None:
    """``max-size = 4096`` in a config file is a TOML integer, not a string."""
    assert parse_size(value) == size


@pytest.mark.parametrize("value", [True, False, 0, -1])
def test_parse_size_rejects_booleans_and_non_positive_integers(value: int) -> None:
    with pytest.raises(ValueError, match="size"):
        parse_size(value)


def test_error_directory_and_missing(tmp_path: Path) -> None:
    assert read_error(tmp_path).message == "is a directory"
    assert read_error(tmp_path / "gone.txt").message == "no such file or directory"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file"
)
def test_error_unreadable_chmod(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    try:
        assert read_error(locked).message == "permission denied"
    finally:
        locked.chmod(0o644)


def test_error_unreadable_monkeypatched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    error = read_error(locked)
    assert error.message == "permission denied"
    assert str(error).endswith(": permission denied")
    assert error.to_error() == SourceError(error.source, "permission denied")


def test_error_vanished_between_discover_and_load(tmp_path: Path) -> None:
    doomed = tmp_path / "doomed.txt"
    doomed.write_text("soon gone", encoding="utf-8")
    found = list(discover([tmp_path]))
    doomed.unlink()
    assert read_error(found[0]).message == "no such file or directory"  # type: ignore[arg-type]


def test_load_sources_reports_errors_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a_empty.txt").write_bytes(b"")
    Path("b_bin.txt").write_bytes(b"\x00\x01")
    Path("c_bad.txt").write_bytes(b"\xff")
    Path("d_good.txt").write_text("Fine text.", encoding="utf-8")
    Path("e_big.txt").write_text("y" * 50, encoding="utf-8")
    results = list(load_sources([".", "missing.md"], max_bytes=20))
    errors = [r for r in results if isinstance(r, SourceError)]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.source for d in docs] == ["d_good.txt"]
    assert [(e.source, e.message.split(" ")[0]) for e in errors] == [
        ("a_empty.txt", "empty"),
        ("b_bin.txt", "binary"),
        ("c_bad.txt", "not"),
        ("e_big.txt", "file"),
        ("missing.md", "no"),
    ]
    assert all("\n" not in str(e) for e in errors)


def test_load_sources_turns_parser_crash_into_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("hello", encoding="utf-8")

    def boom(source: str, raw_text: str, suffix: str) -> Document:
        raise ValueError("bad\nthing")

    monkeypatch.setattr("hanoicheck.sources.parse_document", boom)
    (result,) = load_sources([tmp_path])
    assert isinstance(result, SourceError)
    assert result.message == "cannot parse (ValueError: bad thing)"


# --------------------------------------------------------------------------- text


def test_bom_is_dropped_and_offsets_match(tmp_path: Path) -> None:
    body = "Hanoi (VNA) \u2013 69 countries signed (Photo: VNA).\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    (tmp_path / "plain.txt").write_bytes(body.encode("utf-8"))
    with_bom = load_document(tmp_path / "bom.txt")
    without = load_document(tmp_path / "plain.txt")
    assert with_bom.text == without.text == body
    assert with_bom.furniture == without.furniture
    assert furniture_texts(with_bom) == ["(Photo: VNA)"]
    assert with_bom.outlet == "VNA"
    assert parse_document("x", "\ufeff" + body, ".txt").text == body


def test_crlf_lines_are_recognised() -> None:
    raw = "Some text.\r\nleftcenterrightdel\r\nComment (2)\r\n"
    doc = parse_document("x", raw, ".txt")
    assert doc.text == raw
    assert furniture_texts(doc) == ["leftcenterrightdel", "Comment (2)"]


def test_furniture_variants() -> None:
    raw = (
        "A caption here (PHOTO: Reuters) |\n"
        "right center\n"
        "Rightly so, the center held.\n"
        "Comments (12)\n"
        "The end./.\n"
    )
    doc = parse_document("x", raw, ".txt")
    assert furniture_texts(doc) == [
        "(PHOTO: Reuters) |",
        "right center",
        "Comments (12)",
        "./.",
    ]
    assert_well_formed(doc)


def test_markdown_table_pipes_are_not_furniture() -> None:
    raw = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert parse_document("x", raw, ".md").furniture == ()


def test_sign_off_only_on_last_line() -> None:
    raw = "Talks began - UN said.\nMore text - AFP\n\nComment (0)\n"
    doc = parse_document("x", raw, ".txt")
    assert doc.outlet == "AFP"
    assert furniture_texts(doc) == ["- AFP", "Comment (0)"]
    assert parse_document("x", "He said it was fine - really.\n", ".txt").outlet is None


def test_long_source_line_is_prose() -> None:
    raw = "Source: " + "officials said that 69 countries signed the convention " * 3 + "\n"
    doc = parse_document("x", raw, ".txt")
    assert (doc.outlet, doc.furniture) == (None, ())


def test_sign_off_needs_agency_like_word() -> None:
    doc = parse_document("x", "The talks ended - Hanoi\n", ".txt")
    assert (doc.outlet, doc.furniture) == (None, ())
    doc = parse_document("x", "The talks ended. \u2014 Reuters ./.\n", ".txt")
    assert doc.outlet == "Reuters"
    assert furniture_texts(doc) == ["\u2014 Reuters ./."]


@pytest.mark.parametrize(
    "raw",
    [
        "- " + "VNA/" * 5000 + " x",
        "- " + "A" * 20000 + "a.",
        "- A " * 20000 + "x.",
        "A" * 20000 + ", Oct 1x",
        "Source: x" + " " * 20000 + "y",
        "caption" + " " * 20000 + "x |y",
        "(Photo: " * 20000,
        "October " * 20000,
        "http://" + "a" * 200000,
        "---\n" + "a: b\n" * 20000,
    ],
)
def test_pathological_lines_are_fast(raw: str) -> None:
    start = time.perf_counter()
    parse_document("x", raw, ".md")
    assert time.perf_counter() - start < 2.0


def test_source_line_name_and_url() -> None:
    doc = parse_document("x", "Text.\nSource: VnExpress (https://vnexpress.net/a-1.html)\n", ".txt")
    assert doc.outlet == "VnExpress"
    assert doc.url == "https://vnexpress.net/a-1.html"
    doc = parse_document("x", "Text.\nSource: https://www.example.org/2025/10/24/x\n", ".txt")
    assert (doc.outlet, doc.date) == ("example.org", "2025-10-24")


def test_metadata_date_line_variants() -> None:
    doc = parse_document("x", "Title\nDate: 2025-10-25\n\nBody text.\n", ".txt")
    assert doc.date == "2025-10-25"
    assert furniture_texts(doc) == ["Date: 2025-10-25"]
    doc = parse_document("x", "date 2025-10-25 HANOI - Body.\n", ".txt")
    assert doc.date == "2025-10-25"
    assert furniture_texts(doc) == ["date 2025-10-25"]
    late = "1\n2\n3\n4\n5\ndate: 2025-10-25\n"
    assert parse_document("x", late, ".txt").date is None
    assert parse_document("x", "date: 2025-02-30\n", ".txt").date is None


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("first_line", "outlet", "month_day"),
    [
        ("HANOI, Oct 25 (Reuters) - Talks opened.", "Reuters", "10-25"),
        ("GENEVA, March 4 (AFP) \u2013 Talks opened.", "AFP", "03-04"),
        ("Hanoi, October 25 (VNA) - Talks opened.", "VNA", "10-25"),
        ("HO CHI MINH CITY, Sept. 3 (VNA) — Talks opened.", "VNA", "09-03"),
        ("LONDON, 4 Dec (Reuters) - Talks opened.", "Reuters", "12-04"),
    ],
)
def test_wire_dateline_without_year(first_line: str, outlet: str, month_day: str) -> None:
    doc = parse_document("x", f"{first_line}\nNo year anywhere.\n", ".txt")
    assert doc.date == f"--{month_day}"
    assert doc.outlet == outlet


def test_wire_dateline_year_from_text() -> None:
    raw = (
        "HANOI, Oct 25 (Reuters) - Signed in 2024 talks.\n"
        "The deal was adopted on December 24, 2024 and will be reviewed in May 2026.\n"
    )
    # filed after the past event it reports: Oct 25 following Dec 24, 2024 is in 2025
    assert parse_document("x", raw, ".txt").date == "2025-10-25"
    raw = "HANOI, Oct 25 (Reuters) - The October 2025 conference opened.\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-25"
    raw = "HANOI, Oct 25 (Reuters) - Adopted 24 December 2024, reviewed in March 2026.\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-25"
    raw = "HANOI, Oct 25 (Reuters) - Signed on October 2, 2025.\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-25"
    raw = "CAN THO, Vietnam, March 4 (AFP) - Talks began on March 1, 2026.\n"
    doc = parse_document("x", raw, ".txt")
    assert (doc.date, doc.outlet) == ("2026-03-04", "AFP")
    assert doc.furniture[0].start == 0  # the dateline is not article text


def test_wire_dateline_year_from_url_and_explicit_year() -> None:
    raw = "HANOI, Oct 25 (Reuters) - Talks.\nSource: https://x.com/a-20251026101010.htm\n"
    doc = parse_document("x", raw, ".txt")
    assert doc.date == "2025-10-25"
    assert doc.outlet == "Reuters"
    raw = "HANOI, Oct 25, 2023 (Reuters) - Talks in November 2025.\n"
    assert parse_document("x", raw, ".txt").date == "2023-10-25"


def test_dateline_after_headline_and_not_in_prose() -> None:
    raw = "# Deal signed\n\nHANOI, Oct 25 (Reuters) - Talks.\n"
    assert parse_document("x", raw, ".md").date == "--10-25"
    prose = "Officials said that on October 25 (local time) - unusually - talks began.\n"
    doc = parse_document("x", prose, ".txt")
    assert (doc.date, doc.outlet) == (None, None)


def test_url_dates_validated() -> None:
    raw = "See https://x.com/a-20251399101010.htm and https://x.com/1985/01/02/a\n"
    assert parse_document("x", raw, ".txt").date is None
    raw = "See https://x.com/news/2025/10/24/a-story\n"
    assert parse_document("x", raw, ".txt").date == "2025-10-24"


# --------------------------------------------------------------------------- markdown


def test_markdown_front_matter() -> None:
    raw = (
        "---\n"
        'title: "Hanoi Convention"\n'
        "date: 2025-10-25T09:00:00+07:00\n"
        "source: Tuoi Tre\n"
        "url: https://tuoitre.vn/a.htm\n"
        "---\n"
        "# Hanoi Convention\n\n"
        "Delegates from 72 countries attended.\n"
    )
    doc = parse_document("a.md", raw, ".md")
    assert doc.text == raw
    assert (doc.date, doc.outlet, doc.url) == ("2025-10-25", "Tuoi Tre", "https://tuoitre.vn/a.htm")
    assert doc.furniture[0] == Span(0, raw.index("---\n#") + 3)
    body = raw.index("72 countries")
    assert not touched(doc, body, body + 12)


def test_front_matter_only_in_markdown_and_closed() -> None:
    raw = "---\ndate: 2025-10-25\n---\nText.\n"
    # In a .txt file only the date line itself is metadata; the dashes stay text.
    assert furniture_texts(parse_document("a.txt", raw, ".txt")) == ["date: 2025-10-25"]
    unclosed = "---\ntitle: x\nText.\n"
    doc = parse_document("a.md", unclosed, ".md")
    assert doc.furniture == ()


def test_front_matter_outlet_and_canonical_keys() -> None:
    raw = (
        "---\npublisher: Nhan Dan\ncanonical: https://nhandan.vn/x\n"
        "published: '2025-10-24'\n...\nText.\n"
    )
    doc = parse_document("a.md", raw, ".markdown")
    assert (doc.outlet, doc.url, doc.date) == ("Nhan Dan", "https://nhandan.vn/x", "2025-10-24")


# --------------------------------------------------------------------------- HTML

PAGE = """<!doctype html>
<html><head><title>Page title</title>
<meta property="article:published_time" content="2025-10-25T08:00:00+07:00">
<meta property="og:site_name" content="VnExpress International">
<meta property="og:url" content="https://e.vnexpress.net/og.html">
<link rel="canonical" href="https://e.vnexpress.net/news/x-123.html">
<script>var NAVSCRIPT = "SCRIPTTEXT";</script><style>p { color: red }</style></head>
<body><header>HEADERTEXT</header><nav><ul><li>NAVTEXT</li></ul></nav>
<form><input value="FORMTEXT"><button>FORMBUTTON</button></form>
<article>
  <h1>Big   headline</h1>
  <p>Delegates   from <b>72</b>
     countries &amp; <a href="#">many</a> organisations attended.</p>
  <figure><img src="x.jpg"><figcaption>Leaders pose (Photo: VNA)</figcaption></figure>
  <div>Direct div text<p>Inner paragraph.</p></div>
  <ul><li>First item</li><li>Second item</li></ul>
  <blockquote>A quote.</blockquote>
  <table><tr><td>Cell A</td><td>Cell B</td></tr></table>
  <noscript>NOSCRIPTTEXT</noscript><template>TEMPLATETEXT</template>
  <svg><text>SVGTEXT</text></svg><iframe src="x">IFRAMETEXT</iframe>
  <p hidden>HIDDENTEXT</p>
</article>
<aside>ASIDETEXT</aside><footer>FOOTERTEXT</footer></body></html>
"""


def test_html_extraction_lines_and_dropped_parts() -> None:
    doc = parse_document("page.html", PAGE, ".html")
    assert doc.text.split("\n") == [
        "Big headline",
        "Delegates from 72 countries & many organisations attended.",
        "Leaders pose (Photo: VNA)",
        "Direct div text",
        "Inner paragraph.",
        "First item",
        "Second item",
        "A quote.",
        "Cell A",
        "Cell B",
    ]
    for absent in ("SCRIPT", "NAV", "HEADER", "FOOTER", "ASIDE", "FORM", "NOSCRIPT", "HIDDEN"):
        assert absent not in doc.text
    for absent in ("TEMPLATE", "SVG", "IFRAME", "Page title"):
        assert absent not in doc.text
    assert furniture_texts(doc) == ["(Photo: VNA)"]


def test_html_metadata() -> None:
    doc = parse_document("page.html", PAGE, ".html")
    assert doc.date == "2025-10-25"
    assert doc.outlet == "VnExpress International"
    assert doc.url == "https://e.vnexpress.net/news/x-123.html"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta name="pubdate" content="2024-12-24">', "2024-12-24"),
        ('<meta name="DC.date" content="2024/12/24">', "2024-12-24"),
        ('<meta name="date" content="December 24, 2024">', "2024-12-24"),
        ('<meta name="publish-date" content="not a date">', None),
        # forms only dateparser reads: numeric day-first, Vietnamese, CJK
        ('<meta name="pubdate" content="25/10/2025 08:30">', "2025-10-25"),
        ('<meta name="pubdate" content="Thứ Bảy, 25/10/2025 - 10:22">', "2025-10-25"),
        ('<meta name="pubdate" content="25 tháng 10 năm 2025">', "2025-10-25"),
        ('<meta name="pubdate" content="2025年10月25日">', "2025-10-25"),
        # relative words and bare timestamps are not publication dates
        ('<meta name="pubdate" content="yesterday, 2025">', None),
        ('<meta name="pubdate" content="1761379200">', None),
        ('<meta name="pubdate" content="31/02/2025">', None),
    ],
)
def test_html_meta_date_names(head: str, expected: str | None) -> None:
    html = f"<html><head>{head}</head><body><p>Text.</p></body></html>"
    assert parse_document("p.htm", html, ".htm").date == expected


def test_html_time_element_and_og_url_and_body_fallback() -> None:
    html = (
        '<html><head><meta property="og:url" content="https://a.vn/x"></head><body>'
        '<div>Posted <time datetime="2025-10-26T10:00">Sunday</time></div>'
        "<p>Body one.</p><p>Body two.</p></body></html>"
    )
    doc = parse_document("p.html", html, ".html")
    assert doc.date == "2025-10-26"
    assert doc.url == "https://a.vn/x"
    assert doc.text == "Posted Sunday\nBody one.\nBody two."


def test_html_prefers_main_and_longest_article() -> None:
    html = (
        "<body><p>Outside.</p><main><p>Main text.</p></main></body>"
        "<article><p>Short teaser.</p></article>"
    )
    assert parse_document("p.html", html, ".html").text == "Short teaser."
    html = (
        "<body><article><p>Teaser.</p></article>"
        "<article><p>The real story is longer than that.</p></article></body>"
    )
    assert parse_document("p.html", html, ".html").text == "The real story is longer than that."
    html = "<body><p>Outside.</p><main><p>Main text.</p></main></body>"
    assert parse_document("p.html", html, ".html").text == "Main text."


def test_html_pre_and_br() -> None:
    html = "<body><pre>a   b\nc</pre><p>one<br>two</p></body>"
    assert parse_document("p.html", html, ".html").text == "a b\nc\none\ntwo"


def test_html_deeply_nested_does_not_crash() -> None:
    depth = 10_000
    html = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p>"
    doc = parse_document("deep.html", html, ".html")
    assert doc.text == "deep text\nafter"
    inline = "<body>" + "<div><span>x" * depth + "</span></div>" * depth + "</body>"
    assert parse_document("deep.html", inline, ".html").text.count("x") == depth


def test_html_empty_and_suffixless_sniffing() -> None:
    assert parse_document("e.html", "", ".html").text == ""
    doc = parse_document("page", "<!DOCTYPE html><html><body><p>Hi.</p></body></html>", "")
    assert doc.text == "Hi."
    assert parse_document("notes", "<b>not a page</b>", "").text == "<b>not a page</b>"


def test_load_html_file(tmp_path: Path) -> None:
    (tmp_path / "page.HTML").write_text(PAGE, encoding="utf-8")
    (doc,) = load_sources([tmp_path])
    assert isinstance(doc, Document)
    assert doc.text.startswith("Big headline\n")
    assert doc.date == "2025-10-25"


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".markdown", ".html", ".htm")
