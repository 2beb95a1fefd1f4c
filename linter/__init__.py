"""frontlint: a content-validation linter for the front matter of static-site pages."""

__version__ = "0.1.0"
