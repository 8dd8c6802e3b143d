"""Options coerced without pydantic (:mod:`hanoicheck.coercion`): the same values as
typer's own coercion, typer's errors for what it rejects, and no pydantic import."""

from __future__ import annotations

import os
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param
from typer.testing import CliRunner

from hanoicheck import coercion
from hanoicheck.cli import app
from tests.gold import ROOT

runner = CliRunner()


def _params() -> list[tuple[str, Any, Any]]:
    """(command/option name, typer parameter, its command's context) for every option."""
    group = typer.main.get_command(app)
    found = []
    with group.make_context("hanoicheck", ["extract", "x"], resilient_parsing=True) as root:
        commands = {"": group} | dict(group.commands)  # type: ignore[attr-defined]
        for name, command in commands.items():
            ctx = command.make_context(
                name or "hanoicheck", [], parent=root, resilient_parsing=True
            )
            found.extend(
                (f"{name}:{param.name}", param, ctx)
                for param in command.get_params(ctx)
                if isinstance(param, coercion._TyperParameter)
            )
    return found


#: Values a user writes, right and wrong, per annotation.
SAMPLES: dict[str, list[Any]] = {
    "int": ["0", "3", "007", "20", "19", "-1", " 4", "4.0", "x", "", "9" * 30, 5, True],
    "str": ["error", "", "HEAD~1"],
    "bool": [True, False, "1", "0", "true", "no"],
    "Path": ["a.txt", "seeds", ".", "", Path("b.md"), "-"],
    "enum": ["jsonl", "JSONL", "Table", "html", "nope", "", "sarif"],
    "size": ["500K", "64M", "1G", "12", "big", "", "-3"],
}


def _kind(param: Any) -> str:
    info, annotation = param.type_descriptor.parameter_info, param.type_descriptor.annotation
    if info.parser is not None:
        return "size"
    inner = typer.main.get_args(annotation)[0] if typer.main.get_origin(annotation) else annotation
    if isinstance(inner, type) and issubclass(inner, Enum):
        return "enum"
    return getattr(inner, "__name__", str(inner))


def _outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        return "value", runtime.coerce(value, param=param, ctx=ctx)
    except BadParameter as error:
        return "error", error.format_message()


PARAMS = _params()


@pytest.mark.parametrize("index", range(len(PARAMS)), ids=[name for name, _, _ in PARAMS])
def test_every_option_coerces_as_typer_does(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths that exist ("seeds") and paths that do not
    name, param, ctx = PARAMS[index]
    descriptor = param.type_descriptor
    light = coercion.LightParam(
        parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
    )
    samples = SAMPLES[_kind(param)]
    listed = typer.main.get_origin(descriptor.annotation) is list
    for value in [[v] for v in samples] + [samples[:2]] if listed else samples:
        param._runtime_param = None
        expected = _outcome(build_runtime_param(descriptor), value, param, ctx)
        param._runtime_param = light
        assert _outcome(light, value, param, ctx) == expected, (name, value)


def test_light_coercion_is_installed_on_every_option() -> None:
    params = _params()
    assert len(params) > 20
    assert all(isinstance(p._runtime_param, coercion.LightParam) for _, p, _ in params)


def test_rejected_values_keep_typers_messages() -> None:
    result = runner.invoke(app, ["extract", "seeds", "--jobs", "-1"])
    assert result.exit_code == 2
    assert "--jobs" in result.stderr and "greater than or equal to 0" in result.stderr
    result = runner.invoke(app, ["extract", "seeds", "-f", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of" in result.stderr


def test_one_file_extract_imports_no_pydantic(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("GENEVA, May 4, 2026 (Reuters) - Delegates from 40 countries met.\n")
    script = (
        "import sys\n"
        "from hanoicheck.cli import app\n"
        "try:\n"
        f"    app(['extract', {str(article)!r}, '-f', 'jsonl', '-j', '1', '--max-size', '1M'])\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'rapidfuzz')))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]"
    assert '"quote": "40 countries"' in done.stdout
