"""Article text and file names made inert for an HTML page.

Everything the page shows that came from an article or a file name passes through
:func:`text` (element content) or :func:`attr` (attribute values): HTML special
characters are escaped (``html.escape`` with quotes), and characters that could change
what a reader sees without being seen are written out instead of sent: control
characters (C0, DEL, C1) and the bidirectional formatting characters (U+202A-U+202E,
U+2066-U+2069, U+200E, U+200F, U+061C). A right-to-left override inside a quote could
otherwise reorder the file name or figure printed after it (``report.txt`` shown as
``txt.troper``), which is the "Trojan Source" trick applied to a report an editor trusts.

Other format characters (zero-width joiners, soft hyphens) are kept: scripts and emoji
need them and they cannot reorder text. Quotes are also rendered inside elements with
``unicode-bidi: isolate`` (see the stylesheet), so even a legitimate right-to-left quote
cannot spill into the text around it.
"""

from __future__ import annotations

import html
import re

# Bidi formatting characters (embeddings, overrides, isolates, marks) and every control
# character except the ordinary space; tabs and newlines are folded by ``fold`` first.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _visible(match: re.Match[str]) -> str:
    # The terminal report's notation (``\x1b``, ``\x202e``), so a character reads the
    # same in the page's quotes (cut by the terminal report's code) and everywhere else.
    return f"\\x{ord(match.group()):02x}"


def neutral(value: str) -> str:
    """``value`` with every unsafe character written as ``\\x`` and its hex code."""
    return _UNSAFE.sub(_visible, value)


_SPACES = re.compile(r"\s+")


def fold(value: str) -> str:
    """Whitespace runs (newlines, tabs) as one space: a quote reads as one line.

    Ends are kept (as one space), since a quote is printed in pieces around its figure.
    """
    return _SPACES.sub(" ", value)


def text(value: object) -> str:
    """Any value as element content: one line, neutralised, then HTML-escaped.

    Quotes are escaped too, so the same string is also safe as an attribute value.
    """
    return html.escape(neutral(fold(str(value))), quote=True)


attr = text
"""Attribute values follow the same rule (double-quoted attributes only)."""


_ID = re.compile(r"[^A-Za-z0-9_-]")


def ident(value: str) -> str:
    """A string made into an HTML id/fragment: letters, digits, ``-`` and ``_`` only.

    Group ids are hexadecimal already; this keeps a permalink valid (and inert in an
    ``href``) whatever a future id scheme puts in them.
    """
    return _ID.sub("_", value)
