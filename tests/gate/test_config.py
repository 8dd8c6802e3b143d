"""Tests of hanoicheck.config: finding the file, defaults, and one clear error per mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanoicheck.config import (
    DEFAULT_TOLERANCES,
    Config,
    ConfigError,
    find_config_file,
    is_excluded,
    load_config,
    load_config_file,
    parse_size,
)
from hanoicheck.extract.sentence import ExtractOptions
from hanoicheck.intervals import DEFAULT_TOLERANCE, Tolerance
from hanoicheck.sources import DEFAULT_HELD_MAX_BYTES, DEFAULT_MAX_BYTES


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git-rooted project directory, used as cwd so messages show short paths."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def error_of(root: Path, name: str, text: str) -> str:
    (root / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(root)
    return str(info.value)


def test_no_file_gives_defaults(project: Path) -> None:
    config = load_config(project)
    assert config == Config()
    assert config.paths == () and config.exclude == () and config.fail_on == "error"
    assert dict(config.tolerances) == {"about": 0.05, "nearly": 0.05, "some": 0.10}
    assert config.max_size is None and config.source is None
    assert config.size_limit(held=False) == DEFAULT_MAX_BYTES  # extract streams its claims
    assert config.size_limit(held=True) == DEFAULT_HELD_MAX_BYTES  # the others hold them
    assert config.tolerance() == DEFAULT_TOLERANCE
    assert config.extract_options() == ExtractOptions()
    assert config.resolved_paths() == () and config.root is None
    assert hash(config) == hash(Config())


def test_defaults_agree_with_the_extractor() -> None:
    assert DEFAULT_TOLERANCES["about"] == Tolerance().about
    assert DEFAULT_TOLERANCES["nearly"] == Tolerance().nearly
    assert DEFAULT_TOLERANCES["some"] == Tolerance().some


def test_full_hanoicheck_toml(project: Path) -> None:
    (project / "hanoicheck.toml").write_text(
        """
paths = ["articles", "wires"]
exclude = ["drafts", "*.html"]
fail-on = "warning"
max_size = "2M"
synonyms = [["delegates", "representatives"], [" envoys ", "diplomats", "emissaries"]]

[tolerances]
about = 0.1
some = 0.2
"""
    )
    config = load_config(project)
    assert config.paths == ("articles", "wires")
    assert config.exclude == ("drafts", "*.html")
    assert config.fail_on == "warning"
    assert config.max_size == 2 * 1024 * 1024
    assert config.synonyms == (
        ("delegates", "representatives"),
        ("envoys", "diplomats", "emissaries"),
    )
    assert dict(config.tolerances) == {"about": 0.1, "nearly": 0.05, "some": 0.2}
    assert config.tolerance() == Tolerance(about=0.1, nearly=0.05, some=0.2)
    assert config.extract_options() == ExtractOptions(tolerance=Tolerance(0.1, 0.05, 0.2))
    assert config.source == project / "hanoicheck.toml"
    assert config.resolved_paths() == (project / "articles", project / "wires")
    with pytest.raises(TypeError):
        config.tolerances["about"] = 0.3  # type: ignore[index]


def test_pyproject_table(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.hanoicheck]\nfail_on = "warning"\nmax-size = 4096\n'
    )
    config = load_config(project)
    assert config.fail_on == "warning" and config.max_size == 4096
    assert config.source == project / "pyproject.toml"


def test_hanoicheck_toml_wins_over_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.hanoicheck]\nfail-on = "warning"\n')
    (project / "hanoicheck.toml").write_text('paths = ["a"]\n')
    config = load_config(project)
    assert config.source == project / "hanoicheck.toml" and config.fail_on == "error"


def test_search_goes_up_to_the_git_root_only(project: Path, tmp_path: Path) -> None:
    (tmp_path / "hanoicheck.toml").write_text('fail-on = "warning"\n')  # outside the repo
    deep = project / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config_file(deep) is None
    (project / "pyproject.toml").write_text('[project]\nname = "no hanoicheck table"\n')
    assert find_config_file(deep) is None
    (project / "a" / "pyproject.toml").write_text("[tool.hanoicheck]\n")
    assert find_config_file(deep) == project / "a" / "pyproject.toml"
    (deep / "hanoicheck.toml").write_text("")
    assert find_config_file(deep) == deep / "hanoicheck.toml"


def test_malformed_pyproject_on_the_way_is_an_error(project: Path) -> None:
    (project / "pyproject.toml").write_text("[project\n")
    sub = project / "sub"
    sub.mkdir()
    with pytest.raises(ConfigError, match=r"^pyproject.toml:1: invalid TOML: "):
        load_config(sub)


def test_outside_git_only_the_start_dir(tmp_path: Path) -> None:
    (tmp_path / "hanoicheck.toml").write_text('fail-on = "warning"\n')
    child = tmp_path / "child"
    child.mkdir()
    assert find_config_file(tmp_path) == tmp_path / "hanoicheck.toml"
    assert find_config_file(child) is None
    assert load_config(child) == Config()


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "hanoicheck.toml",
            'fail-on = "fatal"\n',
            'hanoicheck.toml: fail-on: expected "error" or "warning", got "fatal"',
        ),
        (
            "pyproject.toml",
            '[tool.hanoicheck]\nfail-on = "fatal"\n',
            'pyproject.toml: tool.hanoicheck.fail-on: expected "error" or "warning", got "fatal"',
        ),
        (
            "hanoicheck.toml",
            'fail-no = "error"\n',
            'hanoicheck.toml: fail-no: unknown setting (did you mean "fail-on"?)',
        ),
        (
            "pyproject.toml",
            "[tool.hanoicheck]\nexlcude = []\n",
            'pyproject.toml: tool.hanoicheck.exlcude: unknown setting (did you mean "exclude"?)',
        ),
        (
            "hanoicheck.toml",
            "colour = true\n",
            "hanoicheck.toml: colour: unknown setting (valid: paths, exclude, fail-on, "
            "baseline, tolerances, synonyms, max-size)",
        ),
        (
            "hanoicheck.toml",
            "[tolerances]\nabuot = 0.1\n",
            'hanoicheck.toml: tolerances.abuot: unknown setting (did you mean "about"?)',
        ),
        (
            "hanoicheck.toml",
            'paths = "articles"\n',
            'hanoicheck.toml: paths: expected a list of non-empty strings, e.g. ["articles"], '
            'got "articles"',
        ),
        (
            "hanoicheck.toml",
            'exclude = ["ok", ""]\n',
            'hanoicheck.toml: exclude: expected a list of non-empty strings, e.g. ["articles"], '
            'got ["ok", ""]',
        ),
        (
            "hanoicheck.toml",
            "[tolerances]\nabout = 5\n",
            "hanoicheck.toml: tolerances.about: expected a fraction above 0 and below 1, "
            "got 5 (write 5% as 0.05)",
        ),
        (
            "hanoicheck.toml",
            "[tolerances]\nnearly = -0.1\n",
            "hanoicheck.toml: tolerances.nearly: expected a fraction above 0 and below 1, got -0.1",
        ),
        (
            # a zero band makes "nearly 2.5" the empty interval [2.5, 2.5): refused
            "hanoicheck.toml",
            "[tolerances]\nnearly = 0\n",
            "hanoicheck.toml: tolerances.nearly: expected a fraction above 0 and below 1, got 0",
        ),
        (
            "hanoicheck.toml",
            "[tolerances]\nsome = 1.0\n",
            "hanoicheck.toml: tolerances.some: expected a fraction above 0 and below 1, got 1.0",
        ),
        (
            "hanoicheck.toml",
            '[tolerances]\nabout = "5%"\n',
            'hanoicheck.toml: tolerances.about: expected a number, got "5%"',
        ),
        (
            "hanoicheck.toml",
            "[tolerances]\nabout = true\n",
            "hanoicheck.toml: tolerances.about: expected a number, got true",
        ),
        (
            "hanoicheck.toml",
            "tolerances = 0.1\n",
            "hanoicheck.toml: tolerances: expected a table such as { about = 0.05 }, got 0.1",
        ),
        (
            "hanoicheck.toml",
            'synonyms = ["delegates", "representatives"]\n',
            'hanoicheck.toml: synonyms[0]: expected a list of words, got "delegates" '
            '(e.g. [["delegates", "representatives"]])',
        ),
        (
            "hanoicheck.toml",
            'synonyms = [["a", "b"], ["solo"]]\n',
            "hanoicheck.toml: synonyms[1]: a synonym group needs at least two different words",
        ),
        (
            "hanoicheck.toml",
            "synonyms = 3\n",
            "hanoicheck.toml: synonyms: expected a list of word lists, e.g. "
            '[["delegates", "representatives"]]',
        ),
        (
            "hanoicheck.toml",
            'max-size = "lots"\n',
            'hanoicheck.toml: max-size: expected a positive size such as 1048576 or "64M", '
            'got "lots"',
        ),
        (
            "hanoicheck.toml",
            "max-size = 0\n",
            'hanoicheck.toml: max-size: expected a positive size such as 1048576 or "64M", got 0',
        ),
        (
            "hanoicheck.toml",
            "max-size = 1.5\n",
            'hanoicheck.toml: max-size: expected a positive size such as 1048576 or "64M", got 1.5',
        ),
        (
            "hanoicheck.toml",
            'fail-on = "error"\nfail_on = "warning"\n',
            "hanoicheck.toml: fail_on: given twice (as fail-on and fail_on)",
        ),
        (
            "hanoicheck.toml",
            "paths = [\n  'a',\n  b,\n]\n",
            "hanoicheck.toml:3: invalid TOML: Invalid value",
        ),
        (
            "hanoicheck.toml",
            'fail-on = "error"\n[tolerances\n',
            "hanoicheck.toml:2: invalid TOML: Expected ']' at the end of a table declaration",
        ),
        ("hanoicheck.toml", "paths = \n", "hanoicheck.toml:1: invalid TOML: Invalid value"),
        (
            "pyproject.toml",
            "[tool]\nhanoicheck = 3\n",
            "pyproject.toml: tool.hanoicheck: expected a table, got 3",
        ),
        ("pyproject.toml", "tool = 3\n", "pyproject.toml: tool: expected a table, got 3"),
        (
            "hanoicheck.toml",
            "fail-on = 1979-05-27\n",
            'hanoicheck.toml: fail-on: expected "error" or "warning", got 1979-05-27',
        ),
    ],
)
def test_errors_name_the_file_and_key(project: Path, name: str, text: str, expected: str) -> None:
    assert error_of(project, name, text) == expected


def test_error_attributes(project: Path) -> None:
    (project / "hanoicheck.toml").write_text('fail-on = "fatal"\n')
    with pytest.raises(ConfigError) as info:
        load_config(project)
    assert info.value.path == project / "hanoicheck.toml"
    assert info.value.key == "fail-on" and info.value.line is None
    assert info.value.message == 'expected "error" or "warning", got "fatal"'


def test_not_utf8_and_unreadable(project: Path) -> None:
    (project / "hanoicheck.toml").write_bytes(b'paths = ["caf\xe9"]\n')
    with pytest.raises(ConfigError, match=r"^hanoicheck.toml: not valid UTF-8 at byte 13$"):
        load_config(project)
    with pytest.raises(ConfigError, match=r"^missing.toml: cannot read \("):
        load_config_file(project / "missing.toml")


def test_error_outside_cwd_shows_absolute_path(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.toml"
    other.write_text("bogus = 1\n")
    with pytest.raises(ConfigError) as info:
        load_config_file(other)
    assert str(info.value).startswith(f"{other.as_posix()}: bogus: unknown setting")


def test_explicit_file_and_bom(project: Path) -> None:
    path = project / "ci.toml"
    path.write_bytes(b'\xef\xbb\xbffail-on = "warning"\n')
    assert load_config_file(path).fail_on == "warning"


def test_pyproject_without_table_loaded_explicitly(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    config = load_config_file(project / "pyproject.toml")
    assert config.source == project / "pyproject.toml" and config.paths == ()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, 1),
        ("123", 123),
        ("64M", 64 * 1024 * 1024),
        ("64 MiB", 64 * 1024 * 1024),
        ("512kb", 512 * 1024),
        ("1.5G", 3 * 1024**3 // 2),
        ("2T", 2 * 1024**4),
        ("10B", 10),
    ],
)
def test_parse_size(value: int | str, expected: int) -> None:
    assert parse_size(value) == expected


@pytest.mark.parametrize("value", [True, 0, -1, "", "M", "1.5.2M", "12 parsecs", "0K"])
def test_parse_size_rejects(value: int | str) -> None:
    with pytest.raises(ValueError):
        parse_size(value)


@pytest.mark.parametrize(
    ("source", "patterns", "excluded"),
    [
        ("corpus/drafts/a.txt", ["drafts"], True),
        ("corpus/drafts/a.txt", ["drafts/"], True),
        ("corpus/drafts/a.txt", ["corpus/drafts"], True),
        ("corpus/drafts/a.txt", ["./corpus/drafts/*"], True),
        ("corpus/drafts/a.txt", ["*.html"], False),
        ("corpus/x/page.html", ["*.html"], True),
        ("corpus/x/page.html", ["x/*.html"], True),
        ("corpus/x/page.html", ["corpus/*"], True),
        ("corpus/x/page.HTML", ["*.html"], False),
        ("corpus/draftsman/a.txt", ["drafts"], False),
        ("a.txt", ["b.txt", "a.txt"], True),
        ("a.txt", [], False),
        ("/abs/elsewhere/a.txt", ["elsewhere"], True),
    ],
)
def test_is_excluded(source: str, patterns: list[str], excluded: bool) -> None:
    assert is_excluded(source, patterns) is excluded
