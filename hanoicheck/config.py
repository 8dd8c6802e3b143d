"""Project settings from ``hanoicheck.toml`` or ``[tool.hanoicheck]`` in ``pyproject.toml``.

A CI gate is configured once and then runs unattended, so a typo must fail loudly
rather than be ignored: every unknown key is an error naming it (with the closest valid
key), every wrong value says what was expected and what was found, and malformed TOML
names the file and line.

Where settings come from (:func:`find_config_file`): starting in ``start_dir`` and going
up to the root of the git repository it is in (the directory holding ``.git``), the first
directory that has a ``hanoicheck.toml``, or a ``pyproject.toml`` with a
``[tool.hanoicheck]`` table, wins; in that directory ``hanoicheck.toml`` wins over
``pyproject.toml``. Outside a git repository only ``start_dir`` itself is searched, so a
stray file in a parent directory (``/tmp``, a home directory) never configures a run. A
malformed ``pyproject.toml`` met on the way is an error: it may hold our settings, and
skipping it would run the gate with defaults without anyone noticing.

``hanoicheck.toml`` holds the settings as top-level keys; ``pyproject.toml`` holds the
same keys in ``[tool.hanoicheck]``. Keys may be written kebab-case (``fail-on``) or
snake_case (``fail_on``). Relative ``paths`` and ``baseline`` are relative to the file's
directory (:meth:`Config.resolved_paths`).

:data:`SETTINGS` is the one list of keys: the loader reads with it, and
``docs/config.md`` is generated from it (``scripts/gen_cli_docs.py``), so the reference
cannot drift from what the loader accepts.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, cast

from hanoicheck.extract.sentence import ExtractOptions
from hanoicheck.intervals import Tolerance
from hanoicheck.sources import (
    DEFAULT_HELD_MAX_BYTES,
    DEFAULT_MAX_BYTES,
    SourceReadError,
    normalize_source,
    parse_size,
    read_source_bytes,
)

__all__ = [
    "CONFIG_FILE",
    "DEFAULT_TOLERANCES",
    "SETTINGS",
    "Config",
    "ConfigError",
    "FailOn",
    "Setting",
    "find_config_file",
    "is_excluded",
    "load_config",
    "load_config_file",
    "parse_size",
]

CONFIG_FILE = "hanoicheck.toml"
#: A settings file larger than this is not one (a pyproject.toml is a few kB).
MAX_CONFIG_BYTES = 1024 * 1024
PYPROJECT_FILE = "pyproject.toml"
FailOn = Literal["error", "warning"]
#: Hedge bands as fractions of the figure, the defaults of
#: :class:`hanoicheck.intervals.Tolerance`; ``some`` is wider because "some 100
#: delegates" is a looser hedge than "about 100".
DEFAULT_TOLERANCES: Mapping[str, float] = MappingProxyType(
    {"about": 0.05, "nearly": 0.05, "some": 0.10}
)
_TOML_POSITION = re.compile(r"\((?:at line (\d+), column (\d+)|at end of document)\)$")

if TYPE_CHECKING:
    from hanoicheck.reconcile import ReconcileOptions


class ConfigError(Exception):
    """A setting hanoicheck cannot use; ``str()`` is the one line shown to the user.

    ``key`` is the dotted key as written in the file (``tool.hanoicheck.fail-on`` in a
    ``pyproject.toml``), ``None`` for errors about the file as a whole.
    """

    def __init__(
        self, path: Path, key: str | None, message: str, *, line: int | None = None
    ) -> None:
        self.path = Path(path)
        self.key = key
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = normalize_source(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}"
        if self.key is not None:
            return f"{where}: {self.key}: {self.message}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Config:
    """Validated settings; the defaults are what a project without a config file gets.

    ``paths`` empty means "the command's own default", and so does ``max_size`` None
    (:meth:`size_limit`). ``source`` is the file the settings were read from (``None``:
    defaults only).
    """

    paths: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: FailOn = "error"
    tolerances: Mapping[str, float] = field(default_factory=lambda: DEFAULT_TOLERANCES, hash=False)
    synonyms: tuple[tuple[str, ...], ...] = ()
    max_size: int | None = None
    baseline: str | None = None
    source: Path | None = None

    def size_limit(self, *, held: bool) -> int:
        """The largest file a run reads: ``max_size`` when set, else the default of a run
        that streams its claims (64M) or holds them all in memory (``held``, 8M): see
        :data:`~hanoicheck.sources.read.DEFAULT_HELD_MAX_BYTES`."""
        if self.max_size is not None:
            return self.max_size
        return DEFAULT_HELD_MAX_BYTES if held else DEFAULT_MAX_BYTES

    @property
    def root(self) -> Path | None:
        """The directory relative paths in the settings are relative to."""
        return self.source.parent if self.source is not None else None

    def resolved_paths(self) -> tuple[Path, ...]:
        """``paths`` made relative to the config file's directory, not the cwd."""
        root = self.root
        return tuple(root / p if root is not None else Path(p) for p in self.paths)

    def resolved_baseline(self) -> Path | None:
        """``baseline`` made relative to the config file's directory (None: not set)."""
        if self.baseline is None:
            return None
        root = self.root
        return root / self.baseline if root is not None else Path(self.baseline)

    def tolerance(self) -> Tolerance:
        """The hedge bands of these settings, applied once, when claims are extracted."""
        return Tolerance(
            about=self.tolerances["about"],
            nearly=self.tolerances["nearly"],
            some=self.tolerances["some"],
        )

    def reconcile_options(self) -> ReconcileOptions:
        """Reconciler options: the project's extra synonym groups."""
        from hanoicheck.reconcile import ReconcileOptions
        from hanoicheck.reconcile.vocabulary import vocabulary_with

        return ReconcileOptions(vocabulary=vocabulary_with(self.synonyms))

    def extract_options(self) -> ExtractOptions:
        """Extraction options (and so the cache key) these settings imply."""
        return ExtractOptions(tolerance=self.tolerance())


# --------------------------------------------------------------------------- finding


def _git_root(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def _has_tool_table(pyproject: Path) -> bool:
    return "hanoicheck" in _tool_table(pyproject, _read_toml(pyproject))


def _tool_table(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(path, "tool", f"expected a table, got {_show(tool)}")
    return tool


def find_config_file(start_dir: Path) -> Path | None:
    """The file whose settings apply to ``start_dir`` (see the module docstring)."""
    start = Path(start_dir).resolve()
    root = _git_root(start)
    directories = [start]
    if root is not None:
        directories = [start, *start.parents]
        directories = directories[: directories.index(root) + 1]
    for directory in directories:
        candidate = directory / CONFIG_FILE
        if _present(candidate):
            return candidate
        pyproject = directory / PYPROJECT_FILE
        if _present(pyproject) and _has_tool_table(pyproject):
            return pyproject
    return None


def _present(path: Path) -> bool:
    """A settings file is there: anything but a folder (a FIFO or a link to a device is
    then refused in one line when read, rather than silently skipped)."""
    return path.exists() and not path.is_dir()


def load_config(start_dir: Path, *, max_size: int | None = None) -> Config:
    """Settings for a run started in ``start_dir``; defaults when there is no file. A
    ``max_size`` given (the command line's ``--max-size``) wins over the file's.

    Raises :class:`ConfigError` for any malformed, unknown or out-of-range setting.
    """
    path = find_config_file(start_dir)
    config = Config() if path is None else load_config_file(path)
    return config if max_size is None else replace(config, max_size=max_size)


def load_config_file(path: Path) -> Config:
    """Settings of one file (for an explicit ``--config``): a ``pyproject.toml`` is read
    for its ``[tool.hanoicheck]`` table, any other file for its top-level keys."""
    path = Path(path)
    data = _read_toml(path)
    if path.name == PYPROJECT_FILE:
        table = _tool_table(path, data).get("hanoicheck", {})
        prefix = "tool.hanoicheck."
        if not isinstance(table, dict):
            raise ConfigError(path, "tool.hanoicheck", f"expected a table, got {_show(table)}")
    else:
        table, prefix = data, ""
    return _build(path, prefix, table)


def _read_toml(path: Path) -> dict[str, Any]:
    """The TOML of ``path``, or one line saying why not.

    Read like an article (:func:`~hanoicheck.sources.read_source_bytes`): a regular
    file only (a FIFO would hang the run, ``/dev/zero`` fill the memory) and at most
    :data:`MAX_CONFIG_BYTES`. Nesting too deep for the parser and integers too long to
    convert are malformed TOML too, not a traceback.
    """
    try:
        _, raw = read_source_bytes(path, max_bytes=MAX_CONFIG_BYTES)
    except SourceReadError as exc:
        raise ConfigError(path, None, f"cannot read ({exc.message})") from None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(path, None, f"not valid UTF-8 at byte {exc.start}") from exc
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line: int | None = None
        if match:
            message = message[: match.start()].rstrip()
            line = int(match[1]) if match[1] else max(1, len(raw.splitlines()))
        raise ConfigError(path, None, f"invalid TOML: {message}", line=line) from exc
    except RecursionError:
        raise ConfigError(path, None, "invalid TOML: nested too deeply") from None
    except ValueError:  # an integer too long to convert (4,300 digits and more)
        raise ConfigError(path, None, "invalid TOML: a number too long to read") from None


# --------------------------------------------------------------------------- validation


def _show(value: object) -> str:
    """A value as the user wrote it in TOML, near enough: ``"fatal"``, ``3``, ``[1, 2]``."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return str(value)


def _normalize_keys(
    path: Path, prefix: str, table: Mapping[str, Any], valid: Sequence[str]
) -> dict[str, tuple[str, Any]]:
    """Canonical (kebab-case) key -> (key as written, value); unknown keys are errors."""
    found: dict[str, tuple[str, Any]] = {}
    for written, value in table.items():
        canonical = written.replace("_", "-")
        if canonical not in valid:
            close = difflib.get_close_matches(canonical, valid, n=1, cutoff=0.6)
            hint = f' (did you mean "{close[0]}"?)' if close else f" (valid: {', '.join(valid)})"
            raise ConfigError(path, prefix + written, f"unknown setting{hint}")
        if canonical in found:
            other = found[canonical][0]
            raise ConfigError(path, prefix + written, f"given twice (as {other} and {written})")
        found[canonical] = (written, value)
    return found


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(
            path,
            key,
            f'expected a list of non-empty strings, e.g. ["articles"], got {_show(value)}',
        )
    return tuple(v.strip() for v in value)


def _fail_on(path: Path, key: str, value: Any) -> FailOn:
    if value not in ("error", "warning"):
        raise ConfigError(path, key, f'expected "error" or "warning", got {_show(value)}')
    return cast(FailOn, value)


def _fraction(path: Path, key: str, value: Any) -> float:
    """A hedge band: above 0 (a zero band makes "nearly 2.5" an empty interval) and below 1."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(path, key, f"expected a number, got {_show(value)}")
    if not 0 < value < 1:
        hint = f" (write {value:g}% as {value / 100:g})" if 1 < value < 100 else ""
        raise ConfigError(path, key, f"expected a fraction above 0 and below 1, got {value}{hint}")
    return float(value)


def _tolerances(path: Path, key: str, value: Any) -> Mapping[str, float]:
    if not isinstance(value, dict):
        raise ConfigError(
            path, key, f"expected a table such as {{ about = 0.05 }}, got {_show(value)}"
        )
    given = _normalize_keys(path, key + ".", value, list(DEFAULT_TOLERANCES))
    merged = dict(DEFAULT_TOLERANCES)
    for name, (written, number) in given.items():
        merged[name] = _fraction(path, f"{key}.{written}", number)
    return MappingProxyType(merged)


def _synonyms(path: Path, key: str, value: Any) -> tuple[tuple[str, ...], ...]:
    example = '[["delegates", "representatives"]]'
    if not isinstance(value, list):
        raise ConfigError(path, key, f"expected a list of word lists, e.g. {example}")
    groups: list[tuple[str, ...]] = []
    for index, group in enumerate(value):
        where = f"{key}[{index}]"
        if not isinstance(group, list):
            raise ConfigError(
                path, where, f"expected a list of words, got {_show(group)} (e.g. {example})"
            )
        words = _strings(path, where, group)
        if len(set(words)) < 2:
            raise ConfigError(path, where, "a synonym group needs at least two different words")
        groups.append(words)
    return tuple(groups)


def _max_size(path: Path, key: str, value: Any) -> int:
    try:
        if not isinstance(value, int | str):
            raise ValueError("not a size")
        return parse_size(value)
    except ValueError:
        raise ConfigError(
            path, key, f'expected a positive size such as 1048576 or "64M", got {_show(value)}'
        ) from None


def _file(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        example = '"hanoicheck-baseline.json"'
        raise ConfigError(path, key, f"expected a file name such as {example}, got {_show(value)}")
    return value.strip()


@dataclass(frozen=True, slots=True)
class Setting:
    """One key of the config file, as ``docs/config.md`` documents it: its TOML type,
    its default written in TOML ("": not set), what it does and an example line (tests
    load both and compare the default with :class:`Config`'s)."""

    key: str
    type: str
    default: str
    help: str
    example: str
    read: Callable[[Path, str, Any], Any]


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "paths", "list of strings", "[]",
        "Files or directories every command reads when given no PATH, relative to the "
        "config file's directory (when empty: `./seeds`).",
        'paths = ["sources"]', _strings,
    ),
    Setting(
        "exclude", "list of strings", "[]",
        "Glob patterns of files never read: a whole path (`sources/drafts/*`), its last "
        "components (`*.html`, at any depth) or a folder name (`drafts`). Case-sensitive.",
        'exclude = ["drafts", "*.html"]', _strings,
    ),
    Setting(
        "fail-on", '"error" or "warning"', '"error"',
        "The severity at or above which `check` fails (exit 1); `--fail-on` overrides it.",
        'fail-on = "warning"', _fail_on,
    ),
    Setting(
        "baseline", "string (a file)", "",
        "The baseline file `check` reads and `baseline` writes when `--baseline` / "
        "`--output` are not given, relative to the config file's directory.",
        'baseline = "hanoicheck-baseline.json"', _file,
    ),
    Setting(
        "tolerances", "table of fractions above 0 and below 1",
        "{ about = 0.05, nearly = 0.05, some = 0.1 }",
        "How far a hedged figure reaches, as a fraction of it: \"about 110\" with "
        "`about = 0.05` is 104.5-115.5 (or half the rounding unit, whichever is larger). "
        "Keys: `about`, `nearly`, `some`; the ones left out keep their default.",
        "tolerances = { about = 0.02 }", _tolerances,
    ),
    Setting(
        "synonyms", "list of lists of strings", "[]",
        "Extra groups of words that name the same counted thing, added to the bundled "
        "ones (each group needs two different words).",
        'synonyms = [["delegates", "representatives"]]', _synonyms,
    ),
    Setting(
        "max-size", 'integer (bytes) or string ("500K", "64M", "1G")', "",
        "Files larger than this are skipped and reported (exit 2); when not set, 64M for "
        "`extract` (it streams its claims) and 8M for the commands that hold every claim. "
        "`--max-size` overrides it on every command.",
        'max-size = "16M"', _max_size,
    ),
)  # fmt: skip
"""Every key the loader accepts, in the order ``docs/config.md`` lists them."""

_READERS: dict[str, Callable[[Path, str, Any], Any]] = {s.key: s.read for s in SETTINGS}


def _build(path: Path, prefix: str, table: Mapping[str, Any]) -> Config:
    settings = _normalize_keys(path, prefix, table, list(_READERS))
    values = {
        name.replace("-", "_"): _READERS[name](path, prefix + written, value)
        for name, (written, value) in settings.items()
    }
    return Config(source=path, **values)


# --------------------------------------------------------------------------- exclusion


def is_excluded(source: str, patterns: Sequence[str]) -> bool:
    """Whether a source path (as :func:`hanoicheck.sources.normalize_source` gives it)
    matches any ``exclude`` glob.

    A pattern matches the whole path (``corpus/drafts/*``, where ``*`` also crosses
    ``/``), or its trailing components (``*.html``, ``drafts/*.md`` at any depth), or any
    parent directory (``drafts`` excludes everything under every ``drafts`` folder).
    Matching is case-sensitive on every platform, so a config behaves the same in CI.
    """
    path = PurePosixPath(source)
    for raw in patterns:
        pattern = raw.removeprefix("./").rstrip("/") or raw
        if fnmatch.fnmatchcase(source, pattern) or path.match(pattern):
            return True
        for parent in path.parents:
            if parent.name and (
                fnmatch.fnmatchcase(parent.as_posix(), pattern) or parent.match(pattern)
            ):
                return True
    return False
