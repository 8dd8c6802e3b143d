"""What a whole article is about, in a few dozen words: the feature stories are built from.

Stories used to be read from the capitalised words of claim sentences only; a short
brief that names the city and the treaty, or a recap whose figures sit in sentences
without names, then shared too little to join its story. So every document keeps the
distinctive words of its whole text (page furniture left out): names (capitalised
words, not opening a sentence) and content words, each with how often it occurs, the
most frequent first. Names are written capitalised ("Hanoi") and content words in lower
case ("cybercrime"), so the reconciler can weigh names more. Rarity across the corpus
is the reconciler's business (it sees every document); this module sees one.

Terms stay on the document when its text is dropped, and travel through the cache and
Parquet, so stories come out the same from files, a cache or Parquet.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache

from hanoicheck.lexicon import source_rules
from hanoicheck.model import Span

MAX_TERMS = 40
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*[^\W_]|[^\W\d_]")
_OPENERS = frozenset('.!?:\u2026"\u201c\n')


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(source_rules()["terms"]["stopwords"])


def _fold(word: str) -> str:
    if word.isascii():  # most words: NFKD leaves them as they are, no accents to drop
        return word.removesuffix("'s")
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("\u2019", "'").removesuffix("'s")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a line (its capital is grammar)."""
    before = text[max(0, start - 4) : start].rstrip(" \t")
    return not before or before[-1] in _OPENERS


def terms(text: str, furniture: Sequence[Span] = ()) -> tuple[str, ...]:
    """The :data:`MAX_TERMS` most frequent names and content words of ``text``.

    A word opening a sentence is counted in lower case (its capital says nothing);
    a word seen capitalised elsewhere is a name everywhere. Words in ``furniture``
    (bylines, credits, navigation left in plain text) are not read.
    """
    stop = _stopwords()
    counts: Counter[str] = Counter()
    names: set[str] = set()
    cursor = 0
    for span in (*sorted(furniture, key=lambda s: s.start), Span(len(text), len(text))):
        for match in _WORD.finditer(text, cursor, max(cursor, span.start)):
            word = _fold(match.group())
            lower = word.lower()
            if len(lower) < 3 or lower in stop:
                continue
            counts[lower] += 1
            if lower in names or not word[0].isupper():
                continue
            if not _opens_sentence(text, match.start()):
                names.add(lower)
        cursor = max(cursor, span.end)
    ranked = sorted(counts, key=lambda w: (-counts[w] * (2 if w in names else 1), w))
    return tuple(w.capitalize() if w in names else w for w in ranked[:MAX_TERMS])
