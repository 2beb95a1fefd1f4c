"""Which language a run speaks, and its command-line errors in it (the words: ``i18n``).

- **The report**: `--lang`, else `FRONTLINT_LANG`, else the configuration's `lang`, else the
  language the checked pages' sites are configured in (Hugo `defaultContentLanguage` /
  `languageCode`, Jekyll `lang`, `[site] language`; when the pages of a run are in several sites,
  the language most of them are in, on a tie the one of the first path's site; a language other
  than English and French counts for none), else English (``chosen``). A site whose configuration
  names no language says nothing (its default language is the content rules' guess, not the
  editor's).
- **Command-line errors**: the same order, guessed from the command line before click has parsed
  it (``guess_from_command_line``: the configuration and the site of the first path named, or of
  the working folder), then the one the command chose (``use``). While the group runs
  (``speaking``), click's own texts (`Error:`, `Usage:`, `No such option`…) are looked up by
  their gettext message ids in ``i18n.CLICK_FR``; our own usage errors are written in both
  languages (``say``), the configuration's and git's located ones translated by phrase
  (``usage_text``). Help pages (`--help`) stay English, like the option descriptions they are
  made of.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from linter import i18n

if TYPE_CHECKING:
    from linter.config import Settings
    from linter.site import Sites


def from_environment() -> str | None:
    value = os.environ.get(i18n.LANG_ENV, "").strip().lower()
    return value if value in i18n.MESSAGE_LANGUAGES else None


def _configured(sites: Sites, real: str) -> str | None:
    """The message language the site of the file at ``real`` is configured in, if any."""
    site = sites.of(real)
    if not (site.language_set or sites.language):
        return None  # (an unconfigured site's default language is the content rules' guess)
    language = site.default_language[:2].lower()
    return language if language in i18n.MESSAGE_LANGUAGES else None


def site_language(sites: Sites, reals: Iterable[str], first: str | None = None) -> str | None:
    """The message language of the sites of the files at the real paths ``reals``: the one most
    files' sites are configured in (on a tie, the one of the site of ``first``, the first path
    named, else the first met), None when no site names one."""
    votes: Counter[str] = Counter()
    for real in reals:
        language = _configured(sites, real)
        if language:
            votes[language] += 1
    if not votes:
        return None
    best = [language for language, count in votes.items() if count == max(votes.values())]
    preferred = _configured(sites, first) if first is not None and len(best) > 1 else None
    return preferred if preferred in best else best[0]


def chosen(
    flag: str | None,
    settings: Settings | None = None,
    vote: Callable[[], str | None] | None = None,
) -> str:
    """The language of a run's messages: `--lang` (``flag``), `FRONTLINT_LANG`, the
    configuration's `lang`, the sites' language (``vote``: see ``site_language``), English."""
    if flag in i18n.MESSAGE_LANGUAGES:
        return flag
    found = from_environment()
    if found:
        return found
    if settings is not None and settings.lang_set:
        return settings.lang
    return (vote() if vote is not None else None) or "en"


_current: list[str | None] = [None]
"""The language of the command-line errors of the run in progress (None: not known yet)."""
_guess: list[Callable[[], str] | None] = [None]


def current() -> str:
    """The language command-line errors are shown in: the one a command chose (``use``), else
    the one guessed from the command line (``speaking``, on first need), else English."""
    if _current[0] is None:
        guess = _guess[0]
        _current[0] = "en"
        if guess is not None:
            try:
                _current[0] = guess()
            except Exception:  # a guess only: whatever fails, English
                _current[0] = "en"
    return _current[0] or "en"


def use(language: str) -> None:
    """The language the running command has chosen: its usage errors speak it from now on."""
    _current[0] = language


def say(en: str, fr: str) -> str:
    """One of our own command-line texts in the language of the run."""
    return fr if current() == "fr" else en


def _option_value(argv: Sequence[str], name: str) -> str | None:
    value = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == name and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith(name + "="):
            value = arg[len(name) + 1 :]
    return value


def guess_from_command_line(argv: Sequence[str]) -> str:
    """The language of a command line that click has not parsed yet (or refused): `--lang`,
    `FRONTLINT_LANG`, the configuration's `lang` (`--config`, else the nearest one, none with
    `--isolated`), the language of the site of the first path named (else the working folder's),
    English."""
    flag = _option_value(argv, "--lang")
    if flag in i18n.MESSAGE_LANGUAGES:
        return flag
    found = from_environment()
    if found:
        return found
    from pathlib import Path

    from linter import config
    from linter.rules import all_rules

    settings = None
    if "--isolated" not in argv:
        named = _option_value(argv, "--config")
        source = Path(named) if named else config.find(Path.cwd())
        with contextlib.suppress(config.ConfigError, OSError):
            settings = config.load(source, frozenset(rule.code for rule in all_rules()))
    if settings is not None and settings.lang_set:
        return settings.lang
    from linter.site import Sites

    paths = [a for a in argv[1:] if not a.startswith("-") and os.path.exists(a)][:1] or ["."]
    real = os.path.realpath(paths[0])
    real = os.path.join(real, "page.md") if os.path.isdir(real) else real
    sites = Sites(
        settings.site_root if settings else None,
        language=settings.site_language if settings else None,
        named=tuple(paths),
    )
    return site_language(sites, [real]) or "en"


@contextlib.contextmanager
def speaking(argv: Sequence[str]) -> Iterator[None]:
    """While the command line ``argv`` runs: click's texts in the language of the run (guessed
    from ``argv`` on first need; English for `--help`, whose descriptions are English)."""
    saved = _current[0], _guess[0]
    _current[0] = None
    helping = any(arg in ("--help", "-h") for arg in argv)
    _guess[0] = (lambda: "en") if helping else (lambda: guess_from_command_line(argv))
    undo = _install_click_catalog()
    try:
        yield
    finally:
        undo()
        _current[0], _guess[0] = saved


_CLICK_MODULES = ("core", "exceptions", "parser", "types", "formatting", "decorators", "termui")


_HELP_ONLY = frozenset({"Show this message and exit."})
"""Texts click asks for while it builds every command line's options, but shows only in
`--help`, which speaks English: no language is guessed for them (the guess reads the
configuration and looks for the site: a pre-commit hook's start-up time)."""


def click_gettext(message: str) -> str:
    if message in _HELP_ONLY:
        return message
    if current() == "fr":
        return i18n.CLICK_FR.get(message, message)
    return message


def click_ngettext(singular: str, plural: str, count: int) -> str:
    return click_gettext(singular if count == 1 else plural)


def _install_click_catalog() -> Callable[[], None]:
    """Point click's gettext functions at ``i18n.CLICK_FR`` (click looks up ``_`` and
    ``ngettext`` in its modules' globals on each call); returns what restores them."""
    import importlib

    saved: list[tuple[Any, str, Any]] = []
    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without this module
            continue
        for attribute, replacement in (("_", click_gettext), ("ngettext", click_ngettext)):
            if attribute in vars(module):
                saved.append((module, attribute, vars(module)[attribute]))
                setattr(module, attribute, replacement)

    def undo() -> None:
        for module, attribute, original in reversed(saved):
            setattr(module, attribute, original)

    return undo


def usage_text(text: str) -> str:
    """A usage error of the configuration or git (English, located) in the run's language."""
    return i18n.usage_fr(text) if current() == "fr" else text
