"""hanoicheck: extract claims from news articles and reconcile them across sources.

The library is usable without the CLI: see :mod:`hanoicheck.api` for the entry points
and :mod:`hanoicheck.model` for the data model every stage shares.
"""

from pathlib import Path

__version__ = "0.1.0"

#: The corpus commands read when given no path and the config names none: the one
#: place it is written (the CLI's help and the library's fallback both read it).
DEFAULT_CORPUS = Path("seeds")
