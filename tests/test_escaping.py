"""The one rule for foreign text in output (hanoicheck.escaping), on its own.

Every output path uses it (tests/robustness/test_hostile_output.py runs each format on
hostile names and text); here the rule itself: what it writes out, what it keeps, and
that JSON keeps the data whole.
"""

from __future__ import annotations

import json
import re
import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hanoicheck.escaping import visible, visible_json, visible_markdown

ACTING = [
    ("\x1b[2J", "\\x1b[2J"),  # clears a terminal
    ("\x1b]8;;https://x.test\x1b\\", "\\x1b]8;;https://x.test\\x1b\\"),  # OSC 8 link
    ("\x9b31m", "\\x9b31m"),  # C1 CSI, one character
    ("a\nb\rc", "a\\x0ab\\x0dc"),
    ("x\u2028y\x85z", "x\\x2028y\\x85z"),  # line breaks to str.splitlines()
    ("txt.\u202eexe", "txt.\\x202eexe"),  # right-to-left override
    ("\u2066a\u2069", "\\x2066a\\x2069"),  # bidi isolates
    ("bad-\udcff\udcfe.txt", "bad-\\xff\\xfe.txt"),  # undecodable bytes of a file name
    ("::error file=x::pwn", ":\\x3aerror file=x:\\x3apwn"),  # workflow command
    ("see ##[error]pwn", "see ##\\x5berror]pwn"),  # legacy command, anywhere in a line
]


@pytest.mark.parametrize(("text", "shown"), ACTING)
def test_acting_characters_are_written_out(text: str, shown: str) -> None:
    assert visible(text) == shown


@pytest.mark.parametrize(
    "text", ["12 ships sank", "Hà Nội, 25 tháng 10", "12\xa0000 people", "مرحبا", "日本語", "a:b"]
)
def test_ordinary_text_is_kept(text: str) -> None:
    assert visible(text) == text


def _acting(char: str) -> bool:
    return not char.isprintable() and unicodedata.category(char) != "Zs"


@given(st.text())
def test_nothing_acting_survives(text: str) -> None:
    shown = visible(text)
    assert not any(_acting(c) for c in shown)
    assert "::" not in shown and "##[" not in shown


JSON_VALUES = st.recursive(
    st.text() | st.integers() | st.none(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
)


@given(JSON_VALUES)
def test_json_keeps_the_data_whole_and_one_record_per_line(value: object) -> None:
    dumped = visible_json(value)
    assert json.loads(dumped) == value
    assert len(dumped.splitlines()) == 1  # U+2028, U+0085...: no reader splits a record
    assert not any(_acting(c) for c in dumped)
    assert "::" not in dumped and "##[" not in dumped
    indented = visible_json(value, indent=2)
    assert json.loads(indented) == value
    assert not any(_acting(c) for c in indented if c != "\n")


def test_markdown_cannot_make_links_images_code_or_html() -> None:
    cell = visible_markdown("a`b` ![t](https://e.test/x.png) <img src=x>\n*b* | &amp;")
    assert cell == (
        "a\\`b\\` \\!\\[t\\]\\(https\\:\\/\\/e\\.test\\/x\\.png\\) "
        "\\<img src\\=x\\> \\*b\\* \\| \\&amp\\;"
    )


@given(st.text())
def test_markdown_leaves_no_punctuation_unescaped(text: str) -> None:
    cell = visible_markdown(text)
    assert "\n" not in cell
    assert not set(re.sub(r"\\.", "", cell)) & set(string.punctuation)
