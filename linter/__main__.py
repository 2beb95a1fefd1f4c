"""Entry point for ``python -m linter``."""

from linter.cli import entry

entry()
