"""Robustness tests: hostile, broken and huge input (see tests/robustness/conftest.py)."""
