"""The library entry points: everything the CLI does is one call here first.

>>> from hanoicheck.api import extract_paths
>>> result = extract_paths(["seeds"])          # doctest: +SKIP
>>> result.claims[0].quote, result.errors      # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hanoicheck.extract.pipeline import extract_document
from hanoicheck.extract.sentence import ExtractOptions
from hanoicheck.model import Claim, Document, SourceError
from hanoicheck.sources import DEFAULT_MAX_BYTES, load_sources


@dataclass(frozen=True, slots=True)
class Extraction:
    """Claims of every readable document, and the files that could not be read."""

    claims: tuple[Claim, ...]
    documents: tuple[Document, ...] = field(default=())
    errors: tuple[SourceError, ...] = field(default=())


def extract_paths(
    paths: Sequence[str | Path],
    options: ExtractOptions | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Extraction:
    """Load every source under ``paths`` and extract its claims, in a stable order."""
    claims: list[Claim] = []
    documents: list[Document] = []
    errors: list[SourceError] = []
    for item in load_sources(paths, max_bytes=max_bytes):
        if isinstance(item, SourceError):
            errors.append(item)
            continue
        documents.append(item)
        claims.extend(extract_document(item, options))
    return Extraction(tuple(claims), tuple(documents), tuple(errors))
