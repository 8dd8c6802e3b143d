"""hanoicheck: extract claims from news articles and reconcile them across sources.

The library is usable without the CLI: see :mod:`hanoicheck.api` for the entry points
and :mod:`hanoicheck.model` for the data model every stage shares.
"""

__version__ = "0.1.0"
