"""Find, read and normalise the articles hanoicheck checks.

This is the only stage that touches the file system. Everything after it works on
:class:`~hanoicheck.model.Document` values, so the rest of the pipeline never has to
care whether an article came as plain text, Markdown or HTML.

Three rules shape the module:

* **Offsets stay true.** For ``.txt`` and ``.md`` files ``Document.text`` is the decoded
  file, byte for byte (minus a UTF-8 BOM), so a claim's ``text[start:end]`` is exactly
  what a reader sees in the file. Page furniture (photo credits, layout debris, comment
  counters, sign-offs, metadata lines) is therefore *marked* as ``furniture`` spans
  rather than deleted. For HTML the text is the extracted visible text, one line per
  block, and offsets refer to that text.
* **One bad file never stops a run.** :func:`load_sources` turns every read problem into
  a :class:`~hanoicheck.model.SourceError` with a one-line message and goes on.
* **Cheap to import.** The CLI imports this module for ``--help`` too, so the HTML parser
  is imported only when an HTML file is actually parsed.

:func:`parse_document` is the pure part (no I/O), shared by :func:`load_document` and
the tests.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from hanoicheck.lexicon import month_number
from hanoicheck.model import Document, SourceError, Span

if TYPE_CHECKING:  # pragma: no cover - typing only, keeps selectolax out of import time
    from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = [
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

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """``64M``, ``500k``, ``1.5G``, ``2MiB`` or plain bytes as a byte count (units of 1024).

    The CLI's ``--max-size`` takes sizes the way people write them; a typo must be a
    clear usage error (``ValueError``), never a silently huge or zero limit.
    """
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (write e.g. 500K, 64M or 1G)")
    size = int(float(match[1]) * _SIZE_UNITS[match[2].lower()])
    if size < 1:
        raise ValueError(f"size must be at least 1 byte, not {text!r}")
    return size


_FRONT_DATE_KEYS = ("date", "published", "pubdate", "publish_date", "published_at")
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})


class SourceReadError(Exception):
    """A file that cannot become a :class:`Document`.

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


# --------------------------------------------------------------------------- paths


def normalize_source(path: str | Path) -> str:
    """The stable id of a source file, as claims and reports show it.

    ``seeds/a.txt``, ``./seeds/a.txt`` and ``/abs/cwd/seeds/a.txt`` must all give the same
    id, otherwise the cache and the reconciler would see one article as two. Paths inside
    the working directory are therefore made relative to it; paths outside stay absolute
    (a relative ``../../x`` would be ambiguous across runs). Separators are always ``/``
    so ids match between Windows and POSIX. Symlinks are not resolved, so a file keeps
    the name the user knows it by.
    """
    absolute = Path(os.path.abspath(os.fspath(path)))
    cwd = Path.cwd()
    candidates = (absolute, Path(os.path.realpath(absolute)))
    for candidate in candidates:
        try:
            relative = candidate.relative_to(cwd)
        except ValueError:
            continue
        return relative.as_posix()
    return absolute.as_posix()


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _has_supported_suffix(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES


def _walk(root: Path, seen_dirs: set[str]) -> list[tuple[tuple[str, ...], Path | SourceError]]:
    """Every supported file under ``root``, with a sort key; errors as values.

    Iterative (an explicit stack), so a very deep tree cannot exhaust the recursion
    limit. Symlinked directories are followed, but each real directory is entered once:
    that both stops symlink loops and avoids yielding a file twice through two links.
    Real directories are walked before symlinked ones, so a file reachable both ways
    keeps its real path as its name.
    """
    found: list[tuple[tuple[str, ...], Path | SourceError]] = []
    stack: list[tuple[Path, tuple[str, ...]]] = [(root, ())]
    linked: list[tuple[Path, tuple[str, ...]]] = []
    while stack or linked:
        directory, parts = stack.pop() if stack else linked.pop(0)
        real = os.path.realpath(directory)
        if real in seen_dirs:
            continue
        seen_dirs.add(real)
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            found.append((parts, SourceError(normalize_source(directory), _os_message(exc))))
            continue
        subdirectories: list[tuple[Path, tuple[str, ...]]] = []
        for entry in entries:
            if _is_hidden(entry.name):
                continue
            child_parts = (*parts, entry.name)
            problem: str | None = None
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError as exc:  # a symlink loop ("too many levels of symbolic links")
                is_dir = is_file = False
                problem = _os_message(exc)
            if is_dir:
                (linked if is_link else subdirectories).append(
                    (directory / entry.name, child_parts)
                )
            elif is_file and _has_supported_suffix(entry.name):
                found.append((child_parts, directory / entry.name))
            elif (is_link or problem) and _has_supported_suffix(entry.name):
                # A dangling or looping link named like an article: the user likely
                # expects it read, so say why it was not.
                message = "broken symlink" if problem is None else problem
                error = SourceError(normalize_source(directory / entry.name), message)
                found.append((child_parts, error))
        stack.extend(reversed(subdirectories))
    return found


def discover(
    paths: Sequence[str | Path], *, excluded: Callable[[str], bool] | None = None
) -> Iterator[Path | SourceError]:
    """The files to read, in a stable order, each once; ``excluded(source)`` (given the
    normalised source id) drops a file or error before it is read (the config's exclude).

    Files named directly are yielded whatever their suffix: the user asked for them, so
    they should hear why one cannot be read rather than have it silently skipped.
    Directories are walked recursively for supported suffixes only, sorted by path,
    skipping hidden entries (``.git``, ``.hanoicheck`` caches, editor backups). A path
    that does not exist becomes a :class:`SourceError` in place, so the order of reports
    follows the order of the arguments.
    """
    found = _discover(paths)
    if excluded is None:
        return found
    return (
        i
        for i in found
        if not excluded(i.source if isinstance(i, SourceError) else normalize_source(i))
    )


def _discover(paths: Sequence[str | Path]) -> Iterator[Path | SourceError]:
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()
    for given in paths:
        path = Path(given)
        try:
            mode = path.stat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            yield SourceError(normalize_source(path), "no such file or directory")
            continue
        except OSError as exc:
            yield SourceError(normalize_source(path), _os_message(exc))
            continue
        if stat.S_ISDIR(mode):
            items = _walk(path, seen_dirs)
            items.sort(key=lambda item: item[0])
        else:
            items = [((), path)]
        for _, item in items:
            if isinstance(item, Path):
                key = os.path.realpath(item)
                if key in seen_files:
                    continue
                seen_files.add(key)
            yield item


# --------------------------------------------------------------------------- reading


def _os_message(exc: OSError) -> str:
    """A short lower-case reason (``permission denied``) without the path repeated."""
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]


def _format_size(size: int) -> str:
    """Sizes in MB for humans, falling back to bytes when MB would read ``0.0``."""
    megabytes = size / (1024 * 1024)
    if megabytes >= 10:
        return f"{megabytes:.0f} MB"
    if megabytes >= 0.1:
        return f"{megabytes:.1f}".removesuffix(".0") + " MB"
    return f"{size} bytes"


def load_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a :class:`Document`, or raise :class:`SourceReadError`.

    Checks happen in the order a user would want to hear about them: missing, not a
    file, too big (before reading, so a stray multi-GB dump costs nothing), binary
    (NUL bytes mean the decoder would "succeed" on garbage like UTF-16), not UTF-8
    (with the byte offset, so the user can find it), empty. Only ``max_bytes + 1`` bytes
    are ever read, so a file growing while we read it cannot blow the limit.
    """
    path = Path(path)
    source, data = read_source_bytes(path, max_bytes=max_bytes)
    return document_from_bytes(source, data, path.suffix)


def read_source_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bytes]:
    """The normalised source id and raw bytes of one file, or :class:`SourceReadError`.

    Split from :func:`load_document` so the claim cache can hash the exact bytes it
    would parse (one read per file): the same checks, in the same order, apply.
    """
    path = Path(path)
    source = normalize_source(path)
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise SourceReadError(source, "no such file or directory") from exc
    except OSError as exc:
        raise SourceReadError(source, _os_message(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise SourceReadError(source, "is a directory")
    if not stat.S_ISREG(info.st_mode):
        # FIFOs and devices would block or never end; only regular files are articles.
        raise SourceReadError(source, "not a regular file")
    if info.st_size > max_bytes:
        raise SourceReadError(source, _too_big(info.st_size, max_bytes))
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise SourceReadError(source, "no such file or directory") from exc
    except OSError as exc:
        raise SourceReadError(source, _os_message(exc)) from exc
    if len(data) > max_bytes:
        raise SourceReadError(source, _too_big(len(data), max_bytes))
    return source, data


def document_from_bytes(source: str, data: bytes, suffix: str) -> Document:
    """Decode (UTF-8, BOM dropped, binary rejected) and parse bytes already read."""
    return parse_document(source, _decode(source, data), suffix)


def _too_big(size: int, max_bytes: int) -> str:
    return f"file is {_format_size(size)}, above the limit of {_format_size(max_bytes)} (max_bytes)"


def _decode(source: str, data: bytes) -> str:
    """UTF-8 with or without BOM (what ``utf-8-sig`` accepts), or a precise error."""
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


def load_sources(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | SourceError]:
    """Discover and load, turning every failure into a :class:`SourceError` value.

    A batch run over a folder of scraped articles always meets a few broken files; the
    user wants a one-line reason for each and the claims of all the others, never a
    traceback that loses the rest of the run.
    """
    for item in discover(paths):
        if isinstance(item, SourceError):
            yield item
            continue
        try:
            yield load_document(item, max_bytes=max_bytes)
        except SourceReadError as exc:
            yield exc.to_error()
        except Exception as exc:  # a parser bug must not end the run; report it instead
            yield parse_failure(normalize_source(item), exc)


def parse_failure(source: str, exc: Exception) -> SourceError:
    """The one-line error for a file the parser failed on (a bug, reported, not raised)."""
    return SourceError(source, " ".join(f"cannot parse ({type(exc).__name__}: {exc})".split()))


# --------------------------------------------------------------------------- dates

# Capitalised or upper-case month names, full or abbreviated ("Sept" too): the lookahead
# keeps the modal verb "may" from reading as a month.
_MONTH = (
    r"(?=[A-Z])(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-zA-Z])"
)
_ISO_DATE = re.compile(r"((?:19|20|21)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_WORD_DATE = re.compile(
    rf"(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>(?:19|20)\d{{2}}))"
    r"(?!\d)"
)
_MONTH_YEAR = re.compile(
    rf"(?:{_MONTH})\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d{{2}})(?!\d)"
)
_URL = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_URL_TIMESTAMP = re.compile(r"(?<!\d)((?:19|20|21)\d{2})(\d{2})(\d{2})\d{6,9}(?!\d)")
_URL_DATE_PATH = re.compile(r"/((?:19|20|21)\d{2})/(\d{2})/(\d{2})(?!\d)")


def _iso(year: int | None, month: int, day: int) -> str | None:
    """ISO date, or ``--MM-DD`` without a year; ``None`` unless it is a real day."""
    try:
        _dt.date(2000 if year is None else year, month, day)  # 2000 admits Feb 29
    except ValueError:
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}"
    if not 1900 <= year <= 2100:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_number(name: str) -> int:
    number = month_number(name)
    if number is None:  # only names _MONTH matched get here
        raise ValueError(f"not a month: {name!r}")
    return number


def _parse_date_value(value: str) -> str | None:
    """A metadata value (``2025-10-25T08:00+07:00``, ``October 25, 2025``) as ISO."""
    value = value.strip().strip("\"'")
    match = _ISO_DATE.match(value)
    if match:
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    match = _WORD_DATE.search(value)
    if match:
        if match["m1"]:
            return _iso(int(match["y1"]), _month_number(match["m1"]), int(match["d1"]))
        return _iso(int(match["y2"]), _month_number(match["m2"]), int(match["d2"]))
    return _parse_date_value_any_form(value)


# A metadata value worth handing to dateparser: short, with a day and a full year.
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_FULL_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_MAX_DATE_VALUE = 80


def _parse_date_value_any_form(value: str) -> str | None:
    """What dateparser reads in a metadata value the two patterns above do not.

    Publishers stamp dates in every convention: "25/10/2025 08:30", "Thứ Bảy,
    25/10/2025 - 10:22", "25 tháng 10 năm 2025", "2025年10月25日". dateparser knows
    these forms and languages; it is asked only about short values with a day and a
    year, with its relative and timestamp parsers off ("yesterday" in metadata must not
    become the day the tool runs), and it runs once per document at most.
    """
    if len(value) > _MAX_DATE_VALUE or not (_DAY_NUMBER.search(value) and _FULL_YEAR.search(value)):
        return None
    import dateparser

    parsed = dateparser.parse(
        value,
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )
    return None if parsed is None else _iso(parsed.year, parsed.month, parsed.day)


def _date_from_url(url: str) -> str | None:
    """The publication day many CMSs stamp into article URLs (1990-2100 only)."""
    for pattern in (_URL_TIMESTAMP, _URL_DATE_PATH):
        for match in pattern.finditer(url):
            year = int(match[1])
            if 1990 <= year <= 2100:
                iso = _iso(year, int(match[2]), int(match[3]))
                if iso:
                    return iso
    return None


# --------------------------------------------------------------------------- furniture

_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*")
_FRONT_MATTER_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_YAML_LINE = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*)")
_METADATA_DATE = re.compile(
    r"[ \t]*(?i:date)[ \t]*:?[ \t]*((?:19|20|21)\d{2}-\d{2}-\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"
)
_PHOTO_CREDIT = re.compile(
    r"\((?:file\s+)?(?:photos?|ảnh|image|picture)\s*(?::|by\b|courtesy\b)[^()\n]*\)",
    re.IGNORECASE,
)
_LAYOUT_WORDS = re.compile(r"[ \t]*(?:(?:left|center|centre|right|del)[ \t]*){2,}", re.IGNORECASE)
_COMMENT_COUNTER = re.compile(r"[ \t]*comments?[ \t]*\(\d+\)[ \t]*", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"[ \t]*(?:source|nguồn)[ \t]*:(?P<value>.*)", re.IGNORECASE)
# A longer "Source: ..." line is prose that happens to start so, not a credit.
_MAX_SOURCE_NAME = 100
_SIGN_OFF_DOTS = re.compile(r"\./\.[ \t]*$")
# Wire services that sign off by name rather than acronym ("— Reuters").
_WIRE_NAMES = frozenset(
    {"Reuters", "Xinhua", "Bernama", "Kyodo", "Yonhap", "Antara", "Sputnik", "Tass", "Prensa"}
)
# Every quantifier here is bounded or unambiguous: the pattern is searched over the last
# line, which can be arbitrarily long, and nested ``*`` would backtrack exponentially.
_AGENCY = r"[A-Z][A-Za-z0-9&]{1,11}"
_SIGN_OFF = re.compile(
    rf"(?:(?<=\s)|^)[-\u2013\u2014]{{1,2}}[ \t]{{0,3}}"
    rf"(?P<agencies>{_AGENCY}(?:[ \t]?/[ \t]?{_AGENCY}){{0,3}})[ \t]*(?:\./\.[ \t]*)?$"
)
_PLACE = r"[^\W\d_][\w.'\u2019-]*(?:[ \t]+[^\W\d_][\w.'\u2019-]*){0,3}"
_DATELINE = re.compile(
    rf"[ \t]*{_PLACE},(?:[ \t]*{_PLACE},)?[ \t]*(?:(?P<m1>{_MONTH})\.?[ \t]+(?P<d1>\d{{1,2}})"
    rf"|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{_MONTH})\.?)(?!\d)(?:,?[ \t]*(?P<year>(?:19|20)\d{{2}}))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\))?[ \t]*[-\u2013\u2014]"
)
_OPENING_AGENCY = re.compile(
    rf"[ \t]*{_PLACE}[ \t]*\((?P<agency>[^()\n:]{{1,40}})\)[ \t]*[-\u2013\u2014]"
)


@dataclass
class _Scan:
    """What a pass over the text found: furniture spans and metadata candidates."""

    spans: list[Span] = field(default_factory=list)
    meta_date: str | None = None
    dateline: tuple[int, int] | None = None  # month, day
    dateline_year: int | None = None
    opening_outlet: str | None = None
    source_outlet: str | None = None
    source_url: str | None = None
    sign_off_outlet: str | None = None
    front: dict[str, str] = field(default_factory=dict)


def _lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` of each line from ``start``, without its ``\\n`` or ``\\r\\n``."""
    result: list[tuple[int, int]] = []
    position = start
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        end = length if newline == -1 else newline
        stop = end - 1 if end > position and text[end - 1] == "\r" else end
        result.append((position, stop))
        position = end + 1
    return result


def _front_matter(text: str, lines: list[tuple[int, int]]) -> tuple[int, dict[str, str]] | None:
    """The YAML front matter block (end offset and flat ``key: value`` pairs).

    Only flat scalar keys are read (date, source, url...): enough for the metadata we
    need without a YAML dependency, and nested values are simply ignored.
    """
    if not lines or not _FRONT_MATTER_OPEN.fullmatch(text, lines[0][0], lines[0][1]):
        return None
    values: dict[str, str] = {}
    for start, end in lines[1:]:
        if _FRONT_MATTER_CLOSE.fullmatch(text, start, end):
            return end, values
        match = _YAML_LINE.fullmatch(text, start, end)
        if match:
            value = match[2].split(" #", 1)[0].strip().strip("\"'").strip()
            values.setdefault(match[1].lower(), value)
    return None


def _is_agency(token: str) -> bool:
    """``VNA``, ``VnExpress``, ``AFP``, ``Reuters``: an acronym-like or known wire name.

    At least two capitals or digits tells an agency from an ordinary word ending a
    sentence with a dash ("- Hanoi"), which must stay text.
    """
    token = token.strip()
    return token in _WIRE_NAMES or sum(c.isupper() or c.isdigit() for c in token) >= 2


def _first_of(agencies: str) -> str:
    """``VNA/VNS`` -> ``VNA``: the first credit is the originating agency."""
    return agencies.split("/", 1)[0].strip()


def _scan(text: str, *, markdown: bool) -> _Scan:
    """One pass over the lines: mark furniture, collect metadata candidates."""
    scan = _Scan()
    spans = scan.spans
    lines = _lines(text)
    if markdown:
        front = _front_matter(text, lines)
        if front is not None:
            end, scan.front = front
            spans.append(Span(0, end))
            lines = [line for line in lines if line[0] > end]

    content = [(start, end) for start, end in lines if text[start:end].strip()]
    # Metadata date line ("date: 2025-10-25"), or a token run opening the first line.
    for start, end in lines[:5]:
        match = _METADATA_DATE.match(text, start, end)
        if match:
            scan.meta_date = _parse_date_value(match[1])
            rest_blank = not text[match.end() : end].strip()
            spans.append(Span(start, end if rest_blank else match.end()))
            break

    # Datelines and opening credits sit in the first lines (after a headline at most).
    for start, end in content[:3]:
        line = text[start:end]
        head = _METADATA_DATE.match(line)
        offset = head.end() if head else 0
        dateline = _DATELINE.match(line, offset)
        if dateline:
            month = dateline["m1"] or dateline["m2"]
            day = dateline["d1"] or dateline["d2"]
            scan.dateline = (_month_number(month), int(day))
            if dateline["year"]:
                scan.dateline_year = int(dateline["year"])
            if dateline["agency"]:
                scan.opening_outlet = _first_of(dateline["agency"])
            # the dateline is the story's own date, not a claim of the story
            scan.spans.append(Span(start + offset, start + dateline.end()))
            break
        opening = _OPENING_AGENCY.match(line, offset)
        if opening:
            scan.opening_outlet = _first_of(opening["agency"])
            break

    last_content: tuple[int, int] | None = None
    for start, end in lines:
        if _LAYOUT_WORDS.fullmatch(text, start, end) or _COMMENT_COUNTER.fullmatch(
            text, start, end
        ):
            spans.append(Span(start, end))
            continue
        source = _SOURCE_LINE.fullmatch(text, start, end)
        if source and (len(source["value"]) <= _MAX_SOURCE_NAME or _URL.search(source["value"])):
            spans.append(Span(start, end))
            _read_source_line(scan, source["value"])
            continue
        if start == end or not text[start:end].strip():
            continue
        last_content = (start, end)
        line = text[start:end]
        if line.count("|") == 1 and not line.lstrip().startswith("|"):
            # A caption's trailing " |" (layout separator), not a Markdown table row.
            kept = line.rstrip(" \t")
            if kept.endswith("|") and kept[:-1] != kept[:-1].rstrip(" \t"):
                spans.append(Span(start + len(kept[:-1].rstrip(" \t")), end))
        dots = _SIGN_OFF_DOTS.search(line)
        if dots:
            spans.append(Span(start + dots.start(), start + dots.end()))

    if last_content is not None:
        start, end = last_content
        sign_off = _SIGN_OFF.search(text, start, end)
        if sign_off and all(map(_is_agency, sign_off["agencies"].split("/"))):
            spans.append(Span(sign_off.start(), sign_off.end()))
            scan.sign_off_outlet = _first_of(sign_off["agencies"])

    spans.extend(Span(m.start(), m.end()) for m in _PHOTO_CREDIT.finditer(text))
    return scan


def _read_source_line(scan: _Scan, value: str) -> None:
    """``Source: VNA`` names the outlet; ``Source: https://...`` gives the URL.

    The last Source line wins: it is the article's trailing credit, while earlier ones
    tend to credit an embedded chart or quote.
    """
    value = value.strip()
    url = _URL.search(value)
    if url:
        scan.source_url = url[0].rstrip(".,;")
        name = value[: url.start()].strip(" \t-\u2013\u2014(:")
        if name:
            scan.source_outlet = _first_of(name)
    elif value:
        scan.source_outlet = _first_of(value.rstrip(".,;"))


def _merge(spans: list[Span], length: int) -> tuple[Span, ...]:
    """Sorted, non-overlapping spans (touching spans are joined), clipped to the text."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        start, end = max(0, span.start), min(length, span.end)
        if end <= start:
            continue
        if merged and start <= merged[-1].end:
            if end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, end)
            continue
        merged.append(Span(start, end))
    return tuple(merged)


# --------------------------------------------------------------------------- HTML

_DROPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "head",
        "title",
        "button",
        "select",
        "object",
        "canvas",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "figcaption",
        "td",
        "th",
        "div",
        "pre",
        "article",
        "main",
        "section",
        "figure",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "caption",
        "address",
        "body",
        "hr",
        "br",
    }
)
_DATE_META_KEYS = (
    "article:published_time",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
)


@dataclass
class _HtmlMeta:
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


def _visible_lines(root: LexborNode) -> list[str]:
    """The visible text under ``root``, one collapsed line per block element.

    The walk follows ``first_child``/``next``/``parent`` links instead of recursing, so
    10,000 nested ``<div>`` elements cost a loop, not a ``RecursionError``. Text pieces
    of inline elements are concatenated as a browser would (``a<b>b</b>`` is ``ab``);
    entering or leaving a block element ends the current line, so a ``<div>`` with
    direct text gets its own line while its block children get theirs.
    """
    lines: list[str] = []
    pieces: list[str] = []
    pre_depth = 0

    def flush() -> None:
        line = " ".join("".join(pieces).split())
        pieces.clear()
        if line:
            lines.append(line)

    def add_text(content: str) -> None:
        if not pre_depth:
            pieces.append(content)
            return
        first, *rest = content.split("\n")
        pieces.append(first)
        for part in rest:
            flush()
            pieces.append(part)

    def leave(tag: str) -> None:
        nonlocal pre_depth
        if tag in _BLOCK_TAGS:
            flush()
        if tag == "pre":
            pre_depth -= 1

    root_id = root.mem_id
    node: LexborNode = root
    while True:
        tag = node.tag or ""
        entered = False
        if tag == "-text":
            add_text(node.text_content or "")
        elif node.is_element_node and tag not in _DROPPED_TAGS and "hidden" not in node.attributes:
            entered = True
            if tag in _BLOCK_TAGS:
                flush()
            if tag == "pre":
                pre_depth += 1
        if entered:
            child = node.first_child
            if child is not None:
                node = child
                continue
            leave(tag)
        # Climb until a next sibling exists, leaving each (entered) ancestor on the way.
        while True:
            if node.mem_id == root_id:
                flush()
                return lines
            sibling = node.next
            if sibling is not None:
                node = sibling
                break
            parent = node.parent
            if parent is None:  # pragma: no cover - the root is always an ancestor
                flush()
                return lines
            node = parent
            leave(node.tag or "")


def _pick_root(tree: LexborHTMLParser) -> list[str]:
    """The lines of the main content: ``<article>``, else ``<main>``, else ``<body>``.

    Pages often hold several ``<article>`` elements (related-news teasers); the one with
    the most visible text is the story. An empty candidate falls back to the next one.
    """
    for selector in ("article", "main"):
        best: list[str] = []
        for candidate in tree.css(selector):
            lines = _visible_lines(candidate)
            if sum(map(len, lines)) > sum(map(len, best)):
                best = lines
        if best:
            return best
    for root in (tree.body, tree.root):
        if root is not None:
            lines = _visible_lines(root)
            if lines:
                return lines
    return []


def _html_meta(tree: LexborHTMLParser) -> _HtmlMeta:
    """Date, outlet and URL from ``<meta>``, ``<link rel=canonical>`` and ``<time>``."""
    metas: dict[str, str] = {}
    for meta in tree.css("meta"):
        attributes = meta.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = attributes.get("content")
        if key and content and content.strip():
            metas.setdefault(key.strip().lower(), content.strip())
    result = _HtmlMeta()
    for key in _DATE_META_KEYS:
        if key in metas:
            result.date = _parse_date_value(metas[key])
            if result.date:
                break
    if result.date is None:
        for time in tree.css("time"):
            value = time.attributes.get("datetime")
            result.date = _parse_date_value(value) if value else None
            if result.date:
                break
    site = metas.get("og:site_name")
    result.outlet = site if site else None
    for link in tree.css("link"):
        rel = (link.attributes.get("rel") or "").lower().split()
        href = (link.attributes.get("href") or "").strip()
        if "canonical" in rel and href:
            result.url = href
            break
    if result.url is None and metas.get("og:url"):
        result.url = metas["og:url"]
    return result


# Elements that never deepen the tree: void elements, and those a following sibling
# closes implicitly ("<p>a<p>b" is two paragraphs, not one inside the other).
_FLAT_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "tbody",
        "thead",
        "tfoot",
        "colgroup",
        "rb",
        "rt",
        "rp",
        "rtc",
    ]
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*+)")
# The HTML parser checks the stack of open elements for every start tag, so its time
# grows with (start tags x depth): 20,000 nested <div>s take a second, 200,000 take
# minutes. 5e8 is about three seconds of parsing (31,000 nested levels), far above any
# real page (a 5 MB page of 100,000 elements 50 deep is 5e6).
MAX_HTML_WORK = 500_000_000


def _check_html_nesting(source: str, text: str) -> None:
    """Refuse HTML whose nesting would make the parser run for minutes.

    A linear pre-pass over the tags estimates the parser's work from an upper bound of
    the depth (every start tag of a non-flat element opens one level, its end tag
    closes one); only a pathologically nested file exceeds the budget.
    """
    depth = deepest = 0
    work = 0
    for match in _TAG.finditer(text):
        if match[2].lower() in _FLAT_TAGS:
            continue
        if match[1]:
            depth = max(0, depth - 1)
            continue
        depth += 1
        deepest = max(deepest, depth)
        work += depth
        if work > MAX_HTML_WORK:
            raise SourceReadError(
                source, f"HTML nested too deeply to parse (at least {deepest:,} levels)"
            )


def _parse_html(raw_text: str, source: str = "<html>") -> tuple[str, _HtmlMeta]:
    from selectolax.lexbor import LexborHTMLParser  # here: keeps import time light

    _check_html_nesting(source, raw_text)
    tree = LexborHTMLParser(raw_text)
    return "\n".join(_pick_root(tree)), _html_meta(tree)


# --------------------------------------------------------------------------- documents


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def parse_document(source: str, raw_text: str, suffix: str) -> Document:
    """Text, furniture and metadata of one article; pure, so tests need no files.

    ``suffix`` picks the format (``.html``/``.htm``, ``.md``/``.markdown``, anything else
    is plain text; a suffix-less file that starts like an HTML page is parsed as one). A
    leading BOM is dropped so offsets match what :func:`load_document` produces.

    Metadata is read from the most explicit evidence first: structured metadata (HTML
    ``<meta>``, front matter, a ``date:`` line), then the wire dateline, then dates that
    CMSs stamp into URLs. That order matters: a URL's timestamp is often the *update*
    time, while a dateline is the day the story was filed.
    """
    kind = suffix.lower() if suffix.startswith(".") else f".{suffix.lower()}"
    text = raw_text.removeprefix("\ufeff")
    html = _HtmlMeta()
    if kind in _HTML_SUFFIXES or (kind not in SUPPORTED_SUFFIXES and _looks_like_html(text)):
        text, html = _parse_html(text, source)
    scan = _scan(text, markdown=kind in _MARKDOWN_SUFFIXES)
    front = scan.front

    url = scan.source_url or front.get("url") or front.get("canonical") or html.url or None
    urls = [u for u in (scan.source_url, url) if u]
    urls += [m[0] for m in _URL.finditer(text)]
    url_date = next((d for d in map(_date_from_url, urls) if d), None)

    front_date = next((front[k] for k in _FRONT_DATE_KEYS if front.get(k)), "")
    date = html.date or _parse_date_value(front_date) or scan.meta_date
    if date is None and scan.dateline is not None:
        year = scan.dateline_year or _dateline_year(text, *scan.dateline) or _year_of(url_date)
        date = _iso(year, *scan.dateline)
    if date is None:
        date = url_date

    outlet = (
        scan.source_outlet
        or scan.sign_off_outlet
        or scan.opening_outlet
        or front.get("source")
        or front.get("outlet")
        or front.get("publisher")
        or html.outlet
        or _host(scan.source_url)
    )
    return Document(
        source=source,
        text=text,
        date=date,
        outlet=outlet or None,
        url=url,
        furniture=_merge(scan.spans, len(text)),
    )


def _dateline_year(text: str, month: int, day: int) -> int | None:
    """The year of a year-less dateline ("GENEVA, March 4 (Reuters) -").

    A story is filed on or after the dated events it reports, so the dateline takes the
    first year that puts it on or after the latest full date in the text ("adopted on
    December 15, 2025" makes "March 4" 2026). Without full dates, the first month-year
    written in the text; without either, none (the date stays year-less).
    """
    latest: _dt.date | None = None
    for match in _WORD_DATE.finditer(text):
        month_name = match["m1"] or match["m2"]
        number = _month_number(month_name)
        try:
            found = _dt.date(
                int(match["y1"] or match["y2"]), number, int(match["d1"] or match["d2"])
            )
        except (TypeError, ValueError):
            continue
        latest = found if latest is None or found > latest else latest
    if latest is None:
        return _year_near_month(text)
    year = latest.year if (month, day) >= (latest.month, latest.day) else latest.year + 1
    return year


def _year_near_month(text: str) -> int | None:
    """The first ``October 25, 2025`` / ``25 Oct 2025`` / ``October 2025`` year."""
    candidates: list[tuple[int, int]] = []
    month_year = _MONTH_YEAR.search(text)
    if month_year:
        candidates.append((month_year.start(), int(month_year[1])))
    day_month_year = _WORD_DATE.search(text)
    if day_month_year:
        year = day_month_year["y1"] or day_month_year["y2"]
        candidates.append((day_month_year.start(), int(year)))
    return min(candidates)[1] if candidates else None


def _year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and iso[:4].isdigit() else None


def _host(url: str | None) -> str | None:
    """``https://www.dantri.com.vn/...`` -> ``dantri.com.vn``: the outlet of last resort."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
