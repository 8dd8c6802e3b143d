"""Option values coerced without pydantic, for a fast start.

typer 0.2x coerces every non-flag option through a pydantic ``TypeAdapter``: importing
pydantic (and the ``importlib.metadata`` and ``email`` modules it pulls in for its
plugins) and building the adapters cost about a third of the start-up of ``hanoicheck
extract`` on one file. The options of this tool are plain: paths, lists of paths,
enums, integers with bounds, strings, flags and one parser. :class:`LightParam`
coerces those values with the same typer helpers the adapters call
(``coerce_cli_path``, ``coerce_cli_choice``), and hands anything else, and every value
it would reject, to typer's own coercion, so errors and their messages are typer's.

:func:`install` puts a :class:`LightParam` on every parameter of a command before it
parses its arguments (``Commands`` in :mod:`hanoicheck.clikit` calls it); with an older
typer that has no runtime coercion it does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

try:  # typer 0.2x: runtime coercion through pydantic, replaced here
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - older typer: click types, no pydantic
    RuntimeParam = object  # type: ignore[assignment,misc]
    _TyperParameter = None  # type: ignore[assignment,misc]

#: Integers accepted as written here; any other spelling goes to typer (and pydantic).
_MAX_DIGITS = 18


class _Fallback(Exception):
    """The value is not one this module coerces: typer's own coercion decides."""


@dataclass(frozen=True)
class LightParam(RuntimeParam):
    """Coerces the values of the plain option types, else defers to typer's own."""

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            if get_origin(self.annotation) is list:  # type: ignore[comparison-overlap]
                (item_type,) = get_args(self.annotation)
                if not isinstance(value, (list, tuple)):
                    raise _Fallback
                return [self._leaf(item_type, item, param, ctx) for item in value]
            return self._leaf(self.annotation, value, param, ctx)
        except _Fallback:
            pass
        typer_own = build_runtime_param(param.type_descriptor)
        param._runtime_param = typer_own
        return typer_own._coerce_value(value, param=param, ctx=ctx)

    def _leaf(self, annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
        info = self.parameter_info
        if info.parser is not None:
            try:
                return info.parser(value)
            except Exception:  # typer calls it again and reports it its way
                raise _Fallback from None
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            try:
                return coerce_cli_choice(
                    value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx
                )
            except ValueError:
                raise _Fallback from None
        if annotation is bool:
            if isinstance(value, bool):
                return value
            raise _Fallback
        if annotation is int:
            return _integer(value, info.min, info.max)
        if annotation is str:
            if isinstance(value, str):
                return value
            raise _Fallback
        if annotation is Path and info.path_type is None:
            if isinstance(value, str) and value:
                value = Path(value)
            if not isinstance(value, Path):
                raise _Fallback
            return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
        raise _Fallback


def _integer(value: Any, low: float | None, high: float | None) -> int:
    if isinstance(value, str) and value.isascii() and value.isdigit():
        if len(value) > _MAX_DIGITS:
            raise _Fallback
        number = int(value)
    elif type(value) is int:
        number = value
    else:
        raise _Fallback
    if (low is not None and number < low) or (high is not None and number > high):
        raise _Fallback
    return number


def install(params: list[Any]) -> None:
    """Give each typer parameter of a command a :class:`LightParam` (once)."""
    if _TyperParameter is None:  # pragma: no cover - older typer
        return
    for param in params:
        if isinstance(param, _TyperParameter) and param._runtime_param is None:
            descriptor = param.type_descriptor
            if descriptor.file_annotation is None:
                param._runtime_param = LightParam(
                    parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
                )
