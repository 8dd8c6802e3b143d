"""Find, read and normalise the articles hanoicheck checks.

This is the only stage that touches the file system. Everything after it works on
:class:`~hanoicheck.model.Document` values, so the rest of the pipeline never has to
care whether an article came as plain text, Markdown or HTML.

Three rules shape the package:

* **Offsets stay true.** For ``.txt`` and ``.md`` files ``Document.text`` is the decoded
  file, byte for byte (minus a UTF-8 BOM), so a claim's ``text[start:end]`` is exactly
  what a reader sees in the file. Page furniture (photo credits, layout debris, comment
  counters, sign-offs, metadata lines) is therefore *marked* as ``furniture`` spans
  rather than deleted. For HTML the text is the extracted visible text, one line per
  block, and offsets refer to that text.
* **One bad file never stops a run.** :func:`load_sources` turns every read problem into
  a :class:`~hanoicheck.model.SourceError` with a one-line message and goes on.
* **Cheap to import.** The CLI imports this package for ``--help`` too, so the HTML
  parser, dateparser and the word lists of ``data/sources.toml`` are loaded only when an
  article needs them.

One module per concern, each importing only those above it in this list:
:mod:`~hanoicheck.sources.discover` (which files, under which names),
:mod:`~hanoicheck.sources.read` (bytes, size limits, decoding),
:mod:`~hanoicheck.sources.bylines` (datelines, agencies, publication dates),
:mod:`~hanoicheck.sources.html` (visible text and metadata of pages),
:mod:`~hanoicheck.sources.furniture` (what on a page is not the story) and
:mod:`~hanoicheck.sources.document` (assembling a :class:`~hanoicheck.model.Document`).
Code outside the package imports the names below from the package itself, so the
modules can be rearranged without touching their importers.
"""

from hanoicheck.sources.discover import SUPPORTED_SUFFIXES, discover, normalize_source
from hanoicheck.sources.document import (
    document_from_bytes,
    load_document,
    load_sources,
    parse_document,
    parse_failure,
)
from hanoicheck.sources.read import (
    DEFAULT_HELD_MAX_BYTES,
    DEFAULT_MAX_BYTES,
    SourceReadError,
    parse_size,
    read_source_bytes,
)

__all__ = [
    "DEFAULT_HELD_MAX_BYTES",
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "SourceReadError",
    "discover",
    "document_from_bytes",
    "load_document",
    "load_sources",
    "normalize_source",
    "parse_document",
    "parse_failure",
    "parse_size",
    "read_source_bytes",
]
