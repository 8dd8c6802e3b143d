"""Bytes to text: size limits, one read per file, and decoding with precise errors.

A batch over scraped articles meets multi-GB dumps, binary files named ``.txt``,
UTF-16 exports and Latin-1 leftovers. Each must cost little and end as one line that
says what is wrong (with the byte offset of bad UTF-8, so the user can find it), never
as garbage text or a traceback. The checks run in the order a user would want to hear
about them, and the size limit is checked before reading, so a huge file costs nothing.
The CLI's ``--max-size`` and the config's ``max-size`` both go through
:func:`parse_size`, so a size means the same in both places.
"""

from __future__ import annotations

import codecs
import re
import stat
from decimal import Decimal
from pathlib import Path

from hanoicheck.model import SourceError
from hanoicheck.sources.discover import normalize_source, not_regular, os_message

#: The size limit of a run that streams its claims (``extract``): memory stays flat.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
#: The size limit of a run that holds every claim of its corpus (``report``,
#: ``conflicts``, ``check``, ``baseline``). A wall of figures gives about one claim per
#: 2 bytes and a held claim weighs about 1.5 kB, so 64 MB of it took some 45 GB; 8 MB is
#: still fifty times the largest article of the fixtures, a whole web page.
DEFAULT_HELD_MAX_BYTES = 8 * 1024 * 1024
#: The largest size limit accepted (1024T). A limit is a number of bytes read into
#: memory: anything larger is a typo, and past 2**63 it cannot even be passed to a read.
MAX_SIZE_LIMIT = 1024**5
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


class SourceReadError(Exception):
    """A file that cannot become a :class:`~hanoicheck.model.Document`.

    It carries the normalised ``source`` and a one-line ``message`` separately so the
    caller can turn it into a :class:`SourceError` value (what reports and exit codes
    are built from) without parsing the exception text.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message

    def to_error(self) -> SourceError:
        """The value form, for pipelines that report errors instead of raising."""
        return SourceError(self.source, self.message)


def parse_size(value: int | str) -> int:
    """``64M``, ``500k``, ``1.5G``, ``2MiB`` or plain bytes as a byte count (units of 1024).

    The CLI's ``--max-size`` and the config's ``max-size`` (a TOML string or integer)
    take sizes the way people write them; a typo must be a clear error (``ValueError``),
    never a silently huge or zero limit, nor an overflow deeper down. Digits are read
    as a decimal (a float would turn 400 nines into infinity).
    """
    if isinstance(value, bool):  # TOML ``true`` is not 1 byte
        raise ValueError(f"not a size: {value!r} (write e.g. 500K, 64M or 1G)")
    if isinstance(value, int):
        amount = Decimal(value)
    else:
        match = _SIZE.fullmatch(value)
        if not match:
            raise ValueError(f"not a size: {value!r} (write e.g. 500K, 64M or 1G)")
        amount = Decimal(match[1]) * _SIZE_UNITS[match[2].lower()]
    if amount > MAX_SIZE_LIMIT:
        raise ValueError(f"size {_clip(value)} is too large (at most 1024T)")
    if amount < 1:
        raise ValueError(f"size must be at least 1 byte, not {value!r}")
    return int(amount)


def _clip(value: int | str) -> str:
    """A size as written, cut short when it is a wall of digits."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def read_source_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bytes]:
    """The normalised source id and raw bytes of one file, or :class:`SourceReadError`.

    Split from decoding so the claim cache can hash the exact bytes it would parse (one
    read per file). Checks happen in the order a user would want to hear about them:
    missing, not a file, too big (before reading, so a stray multi-GB dump costs
    nothing). Only ``max_bytes + 1`` bytes are ever read, so a file growing while we
    read it cannot blow the limit.
    """
    path = Path(path)
    source = normalize_source(path)
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise SourceReadError(source, "no such file or directory") from exc
    except OSError as exc:
        raise SourceReadError(source, os_message(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise SourceReadError(source, "is a directory")
    if not stat.S_ISREG(info.st_mode):
        # FIFOs and devices would block or never end; only regular files are articles.
        raise SourceReadError(source, not_regular(info.st_mode))
    if info.st_size > max_bytes:
        raise SourceReadError(source, _too_big(info.st_size, max_bytes))
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise SourceReadError(source, "no such file or directory") from exc
    except OSError as exc:
        raise SourceReadError(source, os_message(exc)) from exc
    if len(data) > max_bytes:
        raise SourceReadError(source, _too_big(len(data), max_bytes))
    return source, data


def _format_size(size: int) -> str:
    """Sizes in MB for humans, falling back to bytes when MB would read ``0.0``."""
    megabytes = size / (1024 * 1024)
    if megabytes >= 10:
        return f"{megabytes:.0f} MB"
    if megabytes >= 0.1:
        return f"{megabytes:.1f}".removesuffix(".0") + " MB"
    return f"{size} bytes"


def _too_big(size: int, max_bytes: int) -> str:
    return f"file is {_format_size(size)}, above the limit of {_format_size(max_bytes)} (max_bytes)"


def decode(source: str, data: bytes) -> str:
    """UTF-8 with or without BOM (what ``utf-8-sig`` accepts), or a precise error.

    Binary is refused before decoding: NUL bytes mean the decoder would "succeed" on
    garbage like UTF-16. The BOM is kept out of the text, so offsets count from the
    first character a reader sees.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceReadError(source, "not valid UTF-8 (looks like UTF-16; convert to UTF-8)")
    if b"\x00" in data:
        raise SourceReadError(source, "binary file (contains NUL bytes)")
    skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceReadError(source, f"not valid UTF-8 at byte {exc.start + skipped}") from exc
    if not text.strip():
        raise SourceReadError(source, "empty file")
    return text
