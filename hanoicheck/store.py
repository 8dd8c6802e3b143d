"""What the extraction driver needs from a claim cache: ``get`` and ``put``, nothing more.

Why a protocol: there is one extraction driver (:func:`hanoicheck.api.iter_extract`)
whether or not results are cached, so the driver must not know how a cache keeps them.
It looks each file up by :class:`StoreKey` before extracting it and hands back what it
extracted after; :class:`hanoicheck.cache.ClaimCache` (SQLite) is the implementation the
CLI uses, and a dict is enough in a test.

Extraction of a file depends only on its bytes, its format (the file suffix) and the
extraction options (see :mod:`hanoicheck.extract.pipeline`), so those make the key;
the path does not. A stored result found for a renamed or copied file comes back
re-pointed at the path it was looked up for.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import NamedTuple, Protocol, runtime_checkable

from hanoicheck.extract.sentence import ExtractOptions
from hanoicheck.model import Claim, Document

__all__ = [
    "ClaimStore",
    "FileIndex",
    "StoreKey",
    "StoredDocument",
    "file_text",
    "options_fingerprint",
]


def options_fingerprint(options: ExtractOptions | None) -> str:
    """A stable string of everything in ``options`` that changes results."""
    data = asdict(options or ExtractOptions())
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


class StoreKey(NamedTuple):
    """What extraction of one file depends on: content, format, options."""

    digest: str
    suffix: str
    options: str

    @classmethod
    def of(cls, data: bytes, suffix: str, options: str) -> StoreKey:
        return cls(hashlib.sha256(data).hexdigest(), suffix.lower(), options)


def file_text(data: bytes) -> str | None:
    """The text a ``.txt``/``.md`` document keeps of its file's bytes (BOMs dropped)."""
    try:
        return data.decode("utf-8-sig").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored result, already re-pointed at the source it was looked up for.

    ``metadata`` is the document without its text. ``text`` is ``None`` when the
    document text is the decoded file itself (``.txt``, ``.md``): it is then rebuilt
    from the bytes the caller already holds instead of being stored twice. HTML text
    (extracted, not the file) is stored.
    """

    metadata: Document
    text: str | None
    claims: tuple[Claim, ...]

    def document(self, data: bytes) -> Document:
        """The :class:`Document` a fresh parse of ``data`` would give."""
        text = self.text if self.text is not None else file_text(data)
        return replace(self.metadata, text=text or "")


class ClaimStore(Protocol):
    """Where the driver looks results up and leaves them (see the module docstring)."""

    def get(self, key: StoreKey, source: str) -> StoredDocument | None:
        """The result stored under ``key``, re-pointed at ``source``; None on a miss."""
        ...

    def put(self, key: StoreKey, document: Document, claims: Sequence[Claim], data: bytes) -> None:
        """Remember the result of one file (``data``: its bytes, as hashed for ``key``)."""
        ...


@runtime_checkable
class FileIndex(Protocol):
    """What a store may add: the digest of a file it has seen, known from its ``stat``.

    Why: a warm run over 10,000 files read and hashed every one to find it had not
    changed. A file whose size, modification time (ns) and inode are those it had when
    its bytes were hashed has the same bytes, so its digest is looked up instead. The
    digest stays the key of truth: a file whose ``stat`` changed is read and hashed.
    """

    def digest_of(self, source: str, info: os.stat_result) -> str | None:
        """The digest ``source`` had when its ``stat`` was ``info``; None if unknown."""
        ...

    def note_digest(self, source: str, info: os.stat_result, digest: str) -> None:
        """Remember that ``source``, taken with ``stat`` ``info`` (taken *before* its
        bytes were read), hashed to ``digest``."""
        ...
