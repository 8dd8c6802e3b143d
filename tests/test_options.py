"""Command-line options: how ``--color`` resolves against the terminal and ``NO_COLOR``."""

from __future__ import annotations

import io

import pytest

from hanoicheck.options import ColorMode, use_color


def test_color_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(ColorMode.AUTO, Tty()) is True
    assert use_color(ColorMode.AUTO, io.StringIO()) is False
    assert use_color(ColorMode.NEVER, Tty()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(ColorMode.AUTO, Tty()) is False
    assert use_color(ColorMode.ALWAYS, io.StringIO()) is True
