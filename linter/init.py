"""``frontlint init [PATH]``: a commented ``.frontlint.toml`` for the site found at PATH.

What is found comes from the site model (``linter.site``: ``detect``, ``Site``; ``site.cms`` for
the Decap CMS configuration; ``discover`` for the number of pages), never from detection of its
own. The file holds only what the site does not already say or what the defaults do not already
do, each key with a comment, and commented-out examples of the house-style options.

Everything read comes from the folder, which anyone may have written: the folder is looked at
(PATH and its direct sub-folders, links never followed), every string from it is shown through
``report.shown``, a value that cannot be written as it is (a control character, a name that is
not UTF-8) is left out, and the file is written only inside PATH, atomically (a temporary file,
linked to its name: an existing ``.frontlint.toml``, even a dangling link, is never replaced),
after the configuration reader has read it back.
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from linter.spec import Text

if TYPE_CHECKING:
    from linter.site.model import Site

NAME = ".frontlint.toml"
MAX_CHILDREN = 1000
"""Sub-folders of PATH looked at for a site in a folder (`site/`): the first ones, by name."""

WORDS: dict[str, Text] = {
    # What `init` prints.
    "generator": Text(en="Generator: {name}", fr="Générateur : {name}"),
    "no-site": Text(
        en="No Hugo or Jekyll site found in {folder}: a plain folder of pages.",
        fr="Aucun site Hugo ou Jekyll trouvé dans {folder} : un simple dossier de pages.",
    ),
    "root": Text(en="Site root: {root}", fr="Racine du site : {root}"),
    "language": Text(en="Language: {language}", fr="Langue : {language}"),
    "languages": Text(
        en="Languages: {language} (default), {others}",
        fr="Langues : {language} (par défaut), {others}",
    ),
    "base-url": Text(en="Base URL: {url}", fr="URL de base : {url}"),
    "cms": Text(
        en="CMS configuration: {file} (collections: {count})",
        fr="Configuration du CMS : {file} (collections : {count})",
    ),
    "cms-unread": Text(en="CMS configuration: {file}", fr="Configuration du CMS : {file}"),
    "no-cms": Text(en="CMS configuration: none found", fr="Configuration du CMS : aucune trouvée"),
    "schemas": Text(en="Schemas: {folder}", fr="Schémas : {folder}"),
    "pages": Text(en="Pages: {count}", fr="Pages : {count}"),
    "problem": Text(en="warning: {file}: {message}", fr="attention : {file} : {message}"),
    "not-written": Text(
        en="warning: `{key}` not written: {value} holds characters a configuration cannot carry",
        fr="attention : `{key}` non écrit : {value} contient des caractères qu’une "
        "configuration ne peut pas porter",
    ),
    "unlisted": Text(
        en="warning: {folder}: cannot be listed: {reason}",
        fr="attention : {folder} : ne peut pas être listé : {reason}",
    ),
    "wrote": Text(en="Wrote {file}.", fr="{file} écrit."),
    "applies": Text(
        en="It applies when frontlint runs in {folder} or below (elsewhere: --config {file}).",
        fr="Il s’applique quand frontlint s’exécute dans {folder} ou en dessous (ailleurs : "
        "--config {file}).",
    ),
    # Why `init` writes nothing (exit 2).
    "exists": Text(
        en="{file} already exists: not overwritten (remove it first to write a new one)",
        fr="{file} existe déjà : il n’est pas remplacé (supprimez-le d’abord pour en écrire un "
        "nouveau)",
    ),
    "pyproject": Text(
        en="{file} already configures frontlint ([tool.frontlint]): {name} not written (it "
        "would take its place)",
        fr="{file} configure déjà frontlint ([tool.frontlint]) : {name} non écrit (il prendrait "
        "sa place)",
    ),
    "cannot-write": Text(
        en="cannot write {file}: {reason}", fr="impossible d’écrire {file} : {reason}"
    ),
    # Why a CMS configuration was not read (`cms.load`'s reasons).
    "cms:outside": Text(
        en="the CMS configuration is a link out of the site's folder: not read",
        fr="la configuration du CMS est un lien hors du dossier du site : non lue",
    ),
    "cms:unreadable": Text(
        en="the CMS configuration cannot be read (not a regular UTF-8 file of at most 1 MiB)",
        fr="la configuration du CMS ne peut pas être lue (pas un fichier ordinaire en UTF-8 "
        "d’au plus 1 Mio)",
    ),
    "cms:invalid": Text(
        en="the CMS configuration is not valid YAML",
        fr="la configuration du CMS n’est pas du YAML valide",
    ),
    "cms:not-mapping": Text(
        en="the CMS configuration is not a mapping of settings",
        fr="la configuration du CMS n’est pas une table de réglages",
    ),
    # The comments of the file.
    "#header": Text(
        en="# frontlint's configuration, written by `frontlint init`. Every key is described in\n"
        "# the README (Configuration); `frontlint rules` lists the rules, `frontlint explain\n"
        "# CODE` documents one.",
        fr="# Configuration de frontlint, écrite par `frontlint init`. Chaque clé est décrite\n"
        "# dans le README (Configuration) ; `frontlint rules` liste les règles, `frontlint\n"
        "# explain CODE` en documente une.",
    ),
    "#site": Text(
        en="# Site found: {name} (pages: {count}).",
        fr="# Site trouvé : {name} (pages : {count}).",
    ),
    "#no-site": Text(
        en="# No Hugo or Jekyll site was found: every page file is checked as a plain page.",
        fr="# Aucun site Hugo ou Jekyll trouvé : chaque fichier de page est vérifié tel quel.",
    ),
    "#problem": Text(en="# Warning: {file}: {message}.", fr="# Attention : {file} : {message}."),
    "#languages": Text(
        en="# Languages: {language} (default), {others}.",
        fr="# Langues : {language} (par défaut), {others}.",
    ),
    "#cms": Text(
        en="# Decap CMS configuration: {file}\n# (at its usual place: found without a setting).",
        fr="# Configuration de Decap CMS : {file}\n# (à sa place habituelle : trouvée sans "
        "réglage).",
    ),
    "#no-cms": Text(
        en="# No Decap CMS configuration found.",
        fr="# Aucune configuration de Decap CMS trouvée.",
    ),
    "#lang": Text(
        en="# messages in French, the site's language",
        fr="# messages en français, la langue du site",
    ),
    "#exclude": Text(
        en="# Folders never checked: the site's generated folders, beyond the defaults\n"
        "# ({defaults}).",
        fr="# Dossiers jamais vérifiés : ceux que génère le site, en plus de ceux par défaut\n"
        "# ({defaults}).",
    ),
    "#no-exclude": Text(
        en="# Folders never checked: the defaults cover this site\n"
        "# ({defaults});\n"
        '# add others with extend-exclude = ["…"].',
        fr="# Dossiers jamais vérifiés : ceux par défaut suffisent à ce site\n"
        "# ({defaults}) ;\n"
        '# ajoutez-en avec extend-exclude = ["…"].',
    ),
    "#schemas": Text(
        en="# where the <layout>.schema.json files are",
        fr="# où sont les fichiers <layout>.schema.json",
    ),
    "#extend-select": Text(
        en="# also check the no-break spaces of French typography (TY004, off by default):",
        fr="# vérifier aussi les espaces insécables du français (TY004, désactivée par défaut) :",
    ),
    "#root": Text(en="# the site's folder", fr="# le dossier du site"),
    "#site-language": Text(
        en="# the language its configuration names", fr="# la langue que nomme sa configuration"
    ),
    "#base-url": Text(
        en="# the site's address: links to it are internal",
        fr="# l’adresse du site : les liens vers elle sont internes",
    ),
    "#cms-config": Text(
        en="# the Decap CMS configuration, not at its usual place",
        fr="# la configuration de Decap CMS, ailleurs qu’à sa place habituelle",
    ),
    "#style": Text(
        en="# House style: remove the `# ` of a table and its key to choose.",
        fr="# Style maison : retirez le `# ` d’une table et de sa clé pour choisir.",
    ),
    "#time-format": Text(
        en='# times: "spaced" 23 h 59 (default), "compact" 23h59, "compact-minutes" 20h00, '
        '"colon" 20:00',
        fr='# heures : "spaced" 23 h 59 (par défaut), "compact" 23h59, "compact-minutes" 20h00, '
        '"colon" 20:00',
    ),
    "#no-break-space": Text(
        en='# TY004\'s spaces: "imprimerie-nationale" (default), "narrow" U+202F, "no-break" '
        "U+00A0",
        fr='# espaces de TY004 : "imprimerie-nationale" (par défaut), "narrow" U+202F, '
        '"no-break" U+00A0',
    ),
}
"""Every text of ``init``, in every language (``tests/test_init.py`` checks the parameters)."""

_GENERATORS = {"hugo": "Hugo", "jekyll": "Jekyll"}
_LANGUAGE = re.compile(r"[a-zA-Z]{2}([-_][a-zA-Z]+)?")
"""What ``[site] language`` accepts (``config._Reader.site``)."""


class InitError(click.ClickException):
    """Why nothing was written: exit 2, with this message (in the user's language)."""

    exit_code = 2


@dataclass
class Found:
    """What ``survey`` found at PATH. Paths are relative to PATH, in POSIX form."""

    site: Site | None = None
    root: str = "."
    pages: int = 0
    cms: str | None = None
    """The Decap CMS configuration, relative to PATH."""
    cms_setting: bool = False
    """Whether it is not at its usual place (``[site] cms-config`` then names it)."""
    cms_collections: int | None = None
    schemas: str | None = None
    exclude: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(file relative to PATH, message in the user's language)."""
    unlisted: list[tuple[str, str]] = field(default_factory=list)
    """(folder relative to PATH, why it could not be listed)."""


def init(path: str, lang: str | None = None) -> str:
    """Write ``PATH/.frontlint.toml`` for the site found at ``path``; what was found and where
    it was written, in ``lang`` (None: ``FRONTLINT_LANG``, else the site's language when it is
    English or French, else English; the file's comments too). Raises ``InitError`` when
    nothing is written."""
    base = Path(os.path.realpath(path))
    target = os.path.join(path, NAME)
    found = Found()
    found.site = _find_site(base, found)
    lang = lang or _language_of(found.site)
    _refuse_existing(base, path, lang)
    survey(base, lang, found)
    text = config_text(found, lang)
    write(base, text, target, lang)
    lines = summary(found, path, lang)
    lines.append(WORDS["wrote"](lang).format(file=_show(os.path.normpath(target))))
    if os.path.realpath(os.getcwd()) != str(base):
        shown = _show(os.path.normpath(path))
        lines.append(
            WORDS["applies"](lang).format(folder=shown, file=_show(os.path.normpath(target)))
        )
    return "".join(line + "\n" for line in lines)


def _refuse_existing(base: Path, path: str, lang: str) -> None:
    from linter.config import MAX_CONFIG_BYTES
    from linter.document import NotRegularFile, TooLarge, read_regular

    target = os.path.normpath(os.path.join(path, NAME))
    if os.path.lexists(base / NAME):  # a dangling link too: writing would follow it
        raise InitError(WORDS["exists"](lang).format(file=_show(target)))
    pyproject = base / "pyproject.toml"
    try:
        raw = read_regular(pyproject, MAX_CONFIG_BYTES)
    except (OSError, NotRegularFile, TooLarge):
        return  # none, or one the configuration reader would not read either
    if b"[tool.frontlint" in raw:  # as `config.find` tells a pyproject.toml that counts
        shown = _show(os.path.normpath(os.path.join(path, "pyproject.toml")))
        raise InitError(WORDS["pyproject"](lang).format(file=shown, name=_show(target)))


def _show(text: str) -> str:
    from linter.report import shown

    return shown(text)


def _relative(real: Path | str, base: Path) -> str:
    return Path(os.path.relpath(real, base)).as_posix()


def _language_of(site: Site | None) -> str:
    """The language of ``init``'s words when ``--lang`` is not given."""
    chosen = os.environ.get("FRONTLINT_LANG", "").strip().lower()
    if chosen in ("en", "fr"):
        return chosen
    language = _language(site) if site is not None else None
    return "fr" if language is not None and language[:2].lower() == "fr" else "en"


def survey(base: Path, lang: str, found: Found) -> Found:
    """What is at ``base`` (a real path) besides its site (``found.site``, from
    ``_find_site``): the site's problems, its CMS configuration, schemas, generated folders and
    number of pages."""
    from linter import messages

    site = found.site
    if site is not None:
        found.root = _relative(site.root, base)
        for file, reason in site.problems:
            kind, _colon, key = reason.partition(":")
            try:
                text = messages.render(f"FM011.{kind}", {"key": key} if key else {}, lang)
            except KeyError:  # a reason FM011 has no message for (yet): as it is
                text = reason
            found.problems.append((_relative(file, base), text))
        _cms(site, base, found, lang)
        found.exclude = _generated(site, base)
    for folder in (base, *([site.root] if site is not None else [])):
        schemas = folder / "schemas"
        if os.path.isdir(schemas) and not os.path.islink(schemas):
            found.schemas = _relative(schemas, base)
            break
    found.pages = _count_pages(base, site, found.exclude)
    return found


def _find_site(base: Path, found: Found) -> Site | None:
    """The site whose configuration is at ``base``, else in the first of its direct
    sub-folders (by name; hidden folders and links aside) that holds one."""
    from linter.site import detect

    try:
        names = frozenset(os.listdir(base))
    except OSError as exc:
        found.unlisted.append((".", exc.strerror or type(exc).__name__))
        return None
    site = detect(base, names)
    if site is not None:
        return site
    children = sorted(n for n in names if not n.startswith("."))[:MAX_CHILDREN]
    for name in children:
        child = base / name
        if os.path.islink(child) or not os.path.isdir(child):
            continue
        try:
            inner = frozenset(os.listdir(child))
        except OSError:
            continue  # a folder that cannot be listed holds no site we can use
        site = detect(child, inner)
        if site is not None:
            return site
    return None


def _cms(site: Site, base: Path, found: Found, lang: str) -> None:
    """The site's Decap CMS configuration: at its usual place, else beside the site or PATH."""
    from linter import messages
    from linter.site import cms
    from linter.site.model import within

    usual = cms.candidates(site)
    present = [file for file in usual if os.path.lexists(file)]
    explicit: Path | None = None
    if not present:
        others = [
            folder / sub / "admin" / name
            for folder in dict.fromkeys((site.root, base))
            for sub in ("", "static")
            for name in ("config.yml", "config.yaml")
        ]
        present = [file for file in others if file not in usual and os.path.lexists(file)]
        if not present:
            return
        explicit = present[0]
        # `[site] cms-config` is read only inside the configuration's folder.
        real = os.path.realpath(explicit)
        if not within(real, str(base)) or not os.path.isfile(real):
            why = "cms:unreadable" if within(real, str(base)) else "cms:outside"
            found.problems.append((_relative(explicit, base), WORDS[why](lang)))
            return
    file = present[0]
    found.cms = _relative(file, base)
    found.cms_setting = explicit is not None
    config, _where, problems = cms.load(site, explicit, str(base))
    if config is None:
        reason = problems[0] if problems else "not-mapping"
        text = WORDS.get(f"cms:{reason}", WORDS["cms:not-mapping"])(lang)
        found.problems.append((found.cms, text))
        return
    found.cms_collections = len(config.collections)
    for problem in problems[:20]:
        text = messages.render("FM011.cms", {"detail": problem}, lang)
        found.problems.append((found.cms, text))


def _generated(site: Site, base: Path) -> list[str]:
    """Exclusion patterns (relative to PATH) for the folders the site's generator writes that
    the default exclusions do not already cover."""
    import fnmatch

    from linter.config import DEFAULT_EXCLUDE

    folders: list[str] = []
    if site.generator == "hugo":
        from linter.site.hugo import folder_of

        folders = [folder_of(site, "publishdir"), folder_of(site, "resourcedir")]
    elif site.generator == "jekyll":
        destination = site.config.get("destination")
        if isinstance(destination, str):
            normal = os.path.normpath(destination.replace("\\", "/")).replace("\\", "/")
            if not normal.startswith(("/", "..")) and ":" not in normal and normal != ".":
                folders = [normal]
    patterns = []
    for folder in folders:
        name = folder.rstrip("/").rsplit("/", 1)[-1]
        if name.startswith(".") or any(fnmatch.fnmatch(name, p) for p in DEFAULT_EXCLUDE):
            continue  # hidden folders are never walked; the defaults match by name
        relative = _relative(site.root / folder, base)
        if relative.startswith("../") or relative == "..":
            continue
        patterns.append(glob.escape(relative))
    return list(dict.fromkeys(patterns))


def _count_pages(base: Path, site: Site | None, exclude: list[str]) -> int:
    """The pages ``frontlint check`` would check at ``base`` with the file written."""
    from linter.config import Settings
    from linter.discover import MissingPath, discover
    from linter.site import Sites

    settings = Settings(root=base, extend_exclude=tuple(exclude))
    sites = Sites(site.root if site is not None else base, named=(str(base),))
    try:
        return len(discover([str(base)], settings, False, [], sites))
    except (MissingPath, OSError):
        return 0


def _language(site: Site) -> str | None:
    """The language the site's configuration names, as ``[site] language`` accepts it."""
    language = site.default_language
    if site.language_set and _LANGUAGE.fullmatch(language):
        return language
    return None


def _languages(site: Site) -> list[str]:
    return [code for code in site.languages if code != site.default_language]


def summary(found: Found, path: str, lang: str) -> list[str]:
    """The lines that say what was found (paths as given: under ``path``)."""

    def where(relative: str) -> str:
        return _show(os.path.normpath(os.path.join(path, relative)))

    lines = [
        WORDS["unlisted"](lang).format(folder=where(folder), reason=_show(reason))
        for folder, reason in found.unlisted
    ]
    lines += [
        WORDS["problem"](lang).format(file=where(file), message=_show(message))
        for file, message in found.problems
    ]
    lines += [
        WORDS["not-written"](lang).format(key=key, value=value) for key, value in _unwritable(found)
    ]
    site = found.site
    if site is None:
        lines.append(WORDS["no-site"](lang).format(folder=where(".")))
    else:
        lines.append(WORDS["generator"](lang).format(name=_GENERATORS[site.generator]))
        lines.append(WORDS["root"](lang).format(root=where(found.root)))
        others = _languages(site)
        if others:
            text = WORDS["languages"](lang).format(
                language=_show(site.default_language), others=_show(", ".join(others))
            )
            lines.append(text)
        elif site.language_set:
            lines.append(WORDS["language"](lang).format(language=_show(site.default_language)))
        if site.base_url:
            lines.append(WORDS["base-url"](lang).format(url=_show(site.base_url)))
        if found.cms is None:
            lines.append(WORDS["no-cms"](lang))
        elif found.cms_collections is None:
            lines.append(WORDS["cms-unread"](lang).format(file=where(found.cms)))
        else:
            text = WORDS["cms"](lang).format(file=where(found.cms), count=found.cms_collections)
            lines.append(text)
    if found.schemas is not None:
        lines.append(WORDS["schemas"](lang).format(folder=where(found.schemas)))
    lines.append(WORDS["pages"](lang).format(count=found.pages))
    return lines


def _writable(value: str) -> bool:
    """Whether a value from the folder can be written in the file as it is."""
    return _show(value) == value


def _unwritable(found: Found) -> list[tuple[str, str]]:
    """(key, value shown) of the values that are left out of the file."""
    values = [("root", found.root), ("schema-dirs", found.schemas or "")]
    values += [("cms-config", found.cms or "")] if found.cms_setting else []
    values += [("extend-exclude", pattern) for pattern in found.exclude]
    if found.site is not None and found.site.base_url:
        values.append(("base-url", found.site.base_url))
    return [(key, _show(value)) for key, value in values if not _writable(value)]


def _string(value: str) -> str:
    """A TOML basic string (``value`` holds no control character: see ``_writable``)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _line(key: str, value: str, comment: str, width: int = 34) -> str:
    text = f"{key} = {value}"
    return f"{text:<{width}}{comment}" if len(text) < width else f"{text}  {comment}"


def config_text(found: Found, lang: str) -> str:
    """The commented ``.frontlint.toml`` for what was found."""
    from linter.config import DEFAULT_EXCLUDE

    w = {key: text(lang) for key, text in WORDS.items() if key.startswith("#")}
    site = found.site
    lines = [w["#header"], ""]
    if site is None:
        lines.append(w["#no-site"])
    else:
        name = _GENERATORS[site.generator]
        lines.append(w["#site"].format(name=name, count=found.pages))
        for file, message in found.problems:
            lines.append(w["#problem"].format(file=_show(file), message=_show(message)))
        others = _languages(site)
        if others:
            lines.append(
                w["#languages"].format(
                    language=_show(site.default_language), others=_show(", ".join(others))
                )
            )
        if found.cms is not None and not found.cms_setting:
            lines.append(w["#cms"].format(file=_show(found.cms)))
        elif found.cms is None:
            lines.append(w["#no-cms"])
    lines.append("")
    language = _language(site) if site is not None else None
    if language is not None and language[:2].lower() == "fr":
        lines += [_line("lang", '"fr"', w["#lang"]), ""]
    defaults = ", ".join(DEFAULT_EXCLUDE)
    exclude = [p for p in found.exclude if _writable(p)]
    if exclude:
        lines.append(w["#exclude"].format(defaults=defaults))
        lines.append(f"extend-exclude = [{', '.join(_string(p) for p in exclude)}]")
    else:
        lines.append(w["#no-exclude"].format(defaults=defaults))
    if found.schemas is not None and _writable(found.schemas):
        lines += ["", _line("schema-dirs", f"[{_string(found.schemas)}]", w["#schemas"])]
    lines += ["", w["#extend-select"], '# extend-select = ["TY004"]', ""]
    table = []
    if found.root != "." and _writable(found.root):
        table.append(_line("root", _string(found.root), w["#root"]))
    if language is not None:
        table.append(_line("language", _string(language), w["#site-language"]))
    if site is not None and site.base_url and _writable(site.base_url):
        table.append(_line("base-url", _string(site.base_url), w["#base-url"]))
    if found.cms is not None and found.cms_setting and _writable(found.cms):
        table.append(_line("cms-config", _string(found.cms), w["#cms-config"]))
    if table:
        lines += ["[site]", *table, ""]
    lines += [
        w["#style"],
        "# [dates]",
        w["#time-format"],
        '# time-format = "spaced"',
        "# [typography]",
        w["#no-break-space"],
        '# no-break-space = "imprimerie-nationale"',
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def write(base: Path, text: str, target: str, lang: str) -> None:
    """Write ``text`` as ``base/.frontlint.toml``, atomically and never over an existing file
    (a temporary file in ``base``, read back by the configuration reader, then linked to its
    name: linking fails on an existing name, a dangling link included)."""
    import errno
    import tempfile

    from linter import config
    from linter.rules import all_rules

    shown = _show(os.path.normpath(target))
    final = base / NAME
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=NAME + ".", suffix=".tmp", dir=base)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InitError(WORDS["cannot-write"](lang).format(file=shown, reason=reason)) from None
    try:
        mask = os.umask(0)
        os.umask(mask)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            if hasattr(os, "fchmod"):  # (mkstemp makes it private: as any new file instead)
                os.fchmod(out.fileno(), 0o666 & ~mask)
        # The reader of `frontlint check` must take the file as it is (a bug of ours otherwise).
        config.load(Path(temporary), frozenset(rule.code for rule in all_rules()))
        try:
            os.link(temporary, final)
        except FileExistsError:
            raise InitError(WORDS["exists"](lang).format(file=shown)) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV):
                raise
            # A file system without hard links: the name was free a moment ago.
            if os.path.lexists(final):
                raise InitError(WORDS["exists"](lang).format(file=shown)) from None
            os.replace(temporary, final)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InitError(WORDS["cannot-write"](lang).format(file=shown, reason=reason)) from None
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
