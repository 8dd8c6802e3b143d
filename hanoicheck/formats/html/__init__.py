"""``--format html``: the report as one self-contained page an editor can open and share.

:func:`render` yields the page of a reconciliation (see :mod:`.page` for what it holds
and why it is built this way, :mod:`.charts` for the pictures, :mod:`.safe` for how
article text is kept inert). :func:`render_conflicts` is the ``conflicts --format html``
formatter of :mod:`hanoicheck.formats.conflicts`, for callers that hold only the
reconciliation; the CLI passes the documents and unreadable files too.
"""

from __future__ import annotations

from collections.abc import Iterator

from hanoicheck.formats.html.page import render
from hanoicheck.reconcile import Reconciliation

__all__ = ["render", "render_conflicts"]


def render_conflicts(result: Reconciliation, show_all: bool = False) -> Iterator[str]:
    """The page from the reconciliation alone (no documents: no source table)."""
    return render(result, show_all=show_all)
