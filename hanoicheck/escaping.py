"""The one rule for foreign text in output: every character that could act is made visible.

File names and article text are foreign: they reach terminals, CI logs, annotations,
spreadsheets and other programs through every output hanoicheck has. Each of those
readers obeys something: a terminal obeys escape sequences (``ESC[2J`` clears it, OSC 8
makes a link, a right-to-left override reorders what follows), a line reader splits on
U+2028 and U+0085 as well as ``\\n``, and a GitHub Actions runner reads workflow
commands from both output streams: ``::name ...::`` at the start of a line (after
leading blanks) and the legacy ``##[name]`` *anywhere* in a line. A file named
``x\\n::error file=pwn.txt::INJECTED.txt`` printed raw forges an annotation.

So every output path passes foreign text through :func:`visible`, which writes out:

* every character that is not printable (C0 and C1 controls, DEL, line and paragraph
  separators, bidirectional and other format characters, lone surrogates, unassigned
  code points), except the space separators (a no-break space is harmless and common
  in news text);
* ``::`` and ``##[``, so no piece of foreign text can start or hold a workflow command
  however a line is wrapped or folded.

Text read by people gets ``\\x`` escapes (``\\x1b``, ``\\x202e``; a byte of a file name
that is not UTF-8, held as a lone surrogate, shows as that byte: ``\\xff``). Serialised
JSON gets the same characters as JSON escapes (``\\u001b``), which every JSON reader
turns back into the original text: the data is kept whole and still cannot act.
"""

from __future__ import annotations

import json
import re
import string
import unicodedata
from collections.abc import Callable

__all__ = ["visible", "visible_json", "visible_markdown"]

_COMMANDS = ("::", "##[")
_SURROGATE_BYTES = range(0xDC80, 0xDD00)  # how surrogateescape holds undecodable bytes


def _acts(char: str) -> bool:
    return not char.isprintable() and unicodedata.category(char) != "Zs"


def _as_text(char: str) -> str:
    code = ord(char)
    if code in _SURROGATE_BYTES:
        code -= 0xDC00  # the byte the file name really holds
    return f"\\x{code:02x}"


def _as_json(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:  # JSON spells an astral character as its UTF-16 pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _escape(text: str, spell: Callable[[str], str], keep: str = "") -> str:
    """``text`` with acting characters spelt by ``spell``, ``keep`` excepted."""
    if text.isprintable() and not any(command in text for command in _COMMANDS):
        return text  # the fast path: most text, most of the time
    escaped = "".join(spell(c) if _acts(c) and c not in keep else c for c in text)
    # The ":" of "::" and the "[" of "##[" written out: no command can be read there.
    return escaped.replace("::", ":" + spell(":")).replace("##[", "##" + spell("["))


def visible(text: str) -> str:
    """``text`` safe to print for a person: acting characters as ``\\x`` escapes.

    Not reversible (a backslash in the text is kept as it is): this is for reading.
    """
    return _escape(text, _as_text)


def visible_json(value: object, *, indent: int | None = None) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)``, acting characters escaped.

    ``json.dumps`` escapes C0 controls only; this also escapes C1 controls, U+2028,
    U+0085, bidirectional characters, lone surrogates and the workflow-command markers,
    losslessly: ``json.loads`` gives the original value back. The newlines of an
    indented dump are its own (a string's are escaped by ``json.dumps``) and are kept.
    """
    return _escape(json.dumps(value, ensure_ascii=False, indent=indent), _as_json, keep="\n")


_MARKDOWN_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


def visible_markdown(text: str) -> str:
    """``text`` as literal Markdown inline text (a table cell, a list item): one line.

    Whitespace folded to single spaces (a newline would end a table row), then
    :func:`visible`, then every ASCII punctuation character backslash-escaped, which
    CommonMark and GitHub read as the character itself: no emphasis, link, image, code
    span, table pipe, entity or raw HTML (``<img src=x>``) can come out of an article or
    a file name. (A code span is no shelter: a backtick in a name ends it.)
    """
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", visible(" ".join(text.split())))
