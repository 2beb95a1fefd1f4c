"""Internal-link rules (LK009, LK010): links to the site's own pages, files and anchors.

A target is internal when it is root-relative (`/a/b/`), page-relative in the body (`../b/`,
`img/x.png`), absolute on the site's own URL, a front-matter value that is one root-relative
path (`image: /img/x.png`), or a template reference (`{% link x.md %}`, `{{< ref "x" >}}`).
It resolves against the site's URL index (``linter.site.index``); on a plain folder (no
generator found) only links to files (`guide.pdf`, `../a.md`) and same-page anchors are checked,
since nothing says how its pages are served. Front-matter keys that declare a page's own URLs
(`url`, `aliases`, `slug`, `permalink`, `redirect_from`) are not links.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from linter.diagnostics import Diagnostic, Severity
from linter.distance import Nearby
from linter.page import Page, TextValue
from linter.site import hugo
from linter.site import index as site_index
from linter.site.index import Anchors, Target, forms, page_anchors
from linter.site.model import Site
from linter.spec import Doc, Rule, Text, bad, good
from linter.targets import LinkTarget

DECLARING = frozenset(
    {"url", "aliases", "slug", "permalink", "redirect_from", "redirect_to", "layout", "type"}
)
MASK = "\ue000"
_PATH_VALUE = re.compile(r"/[^\s/][^\s]*|/")
_FILE_NAME = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_SCHEME_START = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_EMAIL = re.compile(r"[^@\s/:]+@[^@\s/:]+\.[a-zA-Z]{2,}")


def _short(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def _candidates(page: Page) -> Iterator[tuple[TextValue, LinkTarget]]:
    for value in page.texts():
        if any(isinstance(part, str) and part.lower() in DECLARING for part in value.path):
            continue
        links = value.all_links
        if not links and not value.is_body and _PATH_VALUE.fullmatch(value.text.strip()):
            stripped = value.text.strip()
            start = value.text.find(stripped)
            links = (LinkTarget(stripped, start, start + len(stripped), "field"),)
        for target in links:
            if not target.exact:
                continue
            if MASK not in target.url:
                yield value, target
            elif value.template is not None:
                # `{{ site.baseurl }}/a/`: the root-relative `/a/`; other expressions compute
                # what nothing here can know.
                expression = value.template.expression_at(target.start)
                rest = value.text[expression.end : target.end] if expression else ""
                if (
                    expression is not None
                    and expression.start == target.start
                    and expression.base_url
                    and rest.startswith("/")
                    and MASK not in rest
                ):
                    yield value, LinkTarget(rest, expression.end, target.end, "after-base")
        if value.template is not None and MASK in value.text:
            yield from _references(value)


def _references(value: TextValue) -> Iterator[tuple[TextValue, LinkTarget]]:
    """The targets that template expressions name: `{% link a.md %}`, `{% post_url x %}`,
    `{{< ref "a" >}}`, `{{< figure src="a" >}}`, `{{ "/a" | relative_url }}`."""
    assert value.template is not None
    for expression in value.template.expressions:
        if expression.argument is None or MASK in expression.argument[0]:
            continue
        text, start, end = expression.argument
        if not text.strip() or "{" in text:
            continue
        if expression.name == "link" and expression.kind == "tag":
            yield value, LinkTarget(text, start, end, "source")
        elif expression.name == "post_url" and expression.kind == "tag":
            yield value, LinkTarget(text, start, end, "post")
        elif expression.name in ("ref", "relref") and expression.kind == "shortcode":
            yield value, LinkTarget(text, start, end, "ref")
        elif expression.name == "figure" and expression.kind == "shortcode":
            yield value, LinkTarget(text, start, end, "figure")
        elif expression.kind == "output":
            url = text if text.startswith(("/", "#")) or _SCHEME_START.match(text) else "/" + text
            yield value, LinkTarget(url, start, end, "filter")


class Wanted(NamedTuple):
    """What an internal target asks for, and how to find it: ``how`` is `here` (an anchor of
    the page itself), `url` (a URL path of the site), `outside-base` (a root-relative path that
    leaves out the path the site is served under), `relative` (from the page, in the body),
    `field` (a front-matter path: from the root or from the page), or a template reference:
    `source` (`{% link %}`), `post` (`{% post_url %}`), `ref` (Hugo's `ref`)."""

    how: str
    path: str
    fragment: str


def _wanted(page: Page, value: TextValue, url: str, kind: str = "link") -> Wanted | None:
    """What an internal target asks for; None when the target is external, not a page link,
    or cannot be resolved."""
    site = page.site
    assert site is not None
    if kind in ("source", "post", "ref"):
        if site.generator == "none":
            return None
        path, _hash, fragment = url.partition("#")
        return Wanted(kind, path.strip(), fragment)
    if kind == "figure" and not url.startswith("/"):
        kind = "link"  # a bundle's image: relative to the page, as in the body
    if not url or MASK in url or url.startswith("?"):
        return None
    if url.startswith("#"):
        return Wanted("here", "", unquote(url[1:]))
    scheme = _SCHEME_START.match(url)  # (urlsplit's scheme, when the URL starts with one)
    if scheme and (
        scheme.group()[:-1].lower() not in ("http", "https")
        or not site.base_url
        or site.generator == "none"
    ):
        return None  # external, as below, without splitting it (a page of links: 5 %)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme or url.startswith("//"):
        if parts.scheme.lower() not in ("http", "https") or not site.base_url:
            return None
        if site.generator == "none":
            return None  # nothing says how a plain folder's pages are served
        own = urlsplit(site.base_url)
        host = (parts.hostname or "").removeprefix("www.")
        if host != (own.hostname or "").removeprefix("www."):
            return None
        path = parts.path or "/"
        if own.path.rstrip("/") and path.startswith(own.path.rstrip("/")):
            path = path[len(own.path.rstrip("/")) :] or "/"
        return Wanted("url", unquote(path), unquote(parts.fragment))
    path = unquote(parts.path)
    if not path:
        return Wanted("here", "", unquote(parts.fragment))
    if path.startswith("/"):
        if site.generator == "none":
            return None
        base = site.base_path
        how = "url"
        if base and kind not in ("after-base", "filter"):
            if path == base or path.startswith(base + "/"):
                path = path[len(base) :] or "/"
            elif site.generator == "jekyll" or not (
                site.config.get("canonifyurls") or site.config.get("relativeurls")
            ):
                # Served under `/base`: a link that leaves it out leaves the site (neither
                # generator rewrites it, unless Hugo's canonifyURLs or relativeURLs).
                how = "outside-base"
        normal = posixpath.normpath(path) + ("/" if path.endswith("/") and path != "/" else "")
        return Wanted(how, normal, unquote(parts.fragment))
    if not value.is_body and not value.is_url_field:
        return None  # LK007 reports page-relative links of front-matter fields
    if site.generator == "none" and (not value.is_body or not _FILE_NAME.search(path)):
        return None  # a plain folder: only the body's links to files can be resolved
    # A URL field's template decides how it resolves (`{{ .Params.image | absURL }}`): from
    # the page or from the root, whichever serves it.
    return Wanted("relative" if value.is_body else "field", path, unquote(parts.fragment))


def _resolve(page: Page, wanted: Wanted) -> Target | bool | None:
    """What serves what ``wanted`` asks for; True when it cannot be known."""
    site = page.site
    assert site is not None
    index = site_index.of(site)
    how, path = wanted.how, wanted.path
    if how in ("source", "post", "ref"):
        file = _reference(page, how, path)
        return None if file is None else Target("page", file)
    if how == "field" and site.generator != "none":
        found = index.lookup("/" + path)
        if found is not None:
            return found
    if how in ("field", "relative"):
        own = site.relative(page.real)
        if own is None:
            return True
        # As a browser resolves it: from the page's URL.
        for base in index.page_urls.get(page.real, ())[:1]:
            folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
            joined = posixpath.normpath(posixpath.join(folder, path))
            if path.endswith("/"):
                joined += "/"
            target = index.lookup(joined)
            if target is not None:
                return target
        # As the generator may rewrite it: a file beside the page's source (a bundle's
        # resource; a `.md` file that Hugo's link hook or jekyll-relative-links turns into
        # its page's URL).
        source = posixpath.normpath(posixpath.join(own.parent.as_posix(), path))
        file = index.source(source)
        if file is not None:
            return _source_target(site, file)
        if site.generator == "none":
            return None
        return None if index.page_urls.get(page.real) else True
    if how == "outside-base":
        return Target("outside-base") if index.lookup(path) else None
    found = index.lookup(path)
    if found is None and path.endswith((".md", ".markdown")):
        for folder in ("", "content/"):
            file = index.source(folder + path.lstrip("/"))
            if file is not None:
                return _source_target(site, file)
    return found


def _source_target(site: Site, file: str) -> Target:
    """A link to a source file: its page when the generator rewrites such links (Hugo only on
    a multilingual site or with a `render-link` hook), else the file as it is served."""
    if site.role(file) != "page":
        return Target("static", file)
    if site.generator == "hugo" and not hugo.md_links(site):
        return Target("unrewritten", file)
    return Target("page", file)


def _reference(page: Page, kind: str, reference: str) -> str | None:
    """The file a template reference names: `{% link %}` a source path from the site's root;
    `{% post_url %}` a post by its name (`2025-03-12-titre`, `categorie/2025-…`); Hugo's `ref`
    a content path, from the page's folder or the content root, with or without its suffix or
    its bundle's `index.md`/`_index.md`."""
    site = page.site
    assert site is not None
    index = site_index.of(site)
    reference = reference.strip()
    if kind == "source":  # from the source, or from `collections_dir` (Jekyll 4)
        folder = site.config.get("collections_dir")
        inner = f"{folder.strip('/')}/{reference}" if isinstance(folder, str) else reference
        return index.source(reference) or index.source(inner)
    if kind == "post":
        folder, _slash, name = reference.rpartition("/")
        for relative, real in index.posts().get(name, []):
            if not folder or relative.startswith(folder + "/") or f"/{folder}/" in relative:
                return real
        return None
    own = site.relative(page.real)
    bases = [f for f, _language in hugo.content_dirs(site)]
    starts = []
    if not reference.startswith("/") and own is not None:
        starts.append(own.parent.as_posix())
        if own.name.startswith(("index.", "_index.")):  # a bundle: from its parent too
            starts.append(own.parent.parent.as_posix())
    for start in (*starts, *bases):
        joined = posixpath.normpath(posixpath.join(start, reference.lstrip("/")))
        for candidate in (joined, *(joined + suffix for suffix in _CONTENT_FORMS)):
            file = index.source(candidate)
            if file is not None:
                return file
    if "/" not in reference.strip("/"):
        # Hugo also finds a page by its name alone, anywhere (when only one page has it).
        name = reference.strip("/").rsplit(".", 1)[0] if "." in reference else reference.strip("/")
        for relative in index.sources:
            parts = relative.split("/")
            stem = parts[-1].rsplit(".", 1)[0]
            if stem == name or (
                stem in ("index", "_index") and len(parts) > 1 and parts[-2] == name
            ):
                real = index.sources[relative]
                if site.role(real) == "page":
                    return real
    return None


_CONTENT_FORMS = (".md", ".markdown", ".html", "/index.md", "/_index.md", "/index.html")


def check_internal(page: Page) -> Iterator[Diagnostic]:
    if page.site is None or page.site.problems:
        return  # a configuration that cannot be used (FM011): the site's URLs are unknown
    for value, target in _candidates(page):
        url = target.url.strip()
        if target.kind == "html" and "&" in url:
            url = html.unescape(url)
        # (A bare `www.…` names a host, as a renderer's linkify reads it: `http://www.…`.)
        bare_host = target.kind == "bare" and url[:4].lower() == "www."
        wanted = _wanted(page, value, "http://" + url if bare_host else url, target.kind)
        if wanted is None:
            continue
        if wanted.how == "here":
            yield from _anchor(page, value, target, page.real, wanted.fragment, "")
            continue
        found = _resolve(page, wanted)
        if found is True:
            continue
        if found is None or found is False:
            if not site_index.of(page.site).truncated:
                yield _broken(page, value, target, url.split("#", 1)[0], wanted)
            continue
        if isinstance(found, Target) and found.kind == "outside-base":
            base = page.site.base_path
            yield value.diagnostic(
                BROKEN,
                target.start,
                target.end,
                "LK009.base",
                url=_short(url.split("#", 1)[0]),
                base=base,
                suggestion=_short(base + url.split("#", 1)[0]),
            )
            continue
        if isinstance(found, Target) and found.kind == "unrewritten" and found.file:
            urls = site_index.of(page.site).page_urls.get(found.file, ())
            yield value.diagnostic(
                BROKEN,
                target.start,
                target.end,
                "LK009.source" if urls else "LK009",
                url=_short(url.split("#", 1)[0]),
                suggestion=_short(urls[0]) if urls else "",
            )
            continue
        if wanted.fragment and isinstance(found, Target) and found.kind == "page" and found.file:
            shown = url.split("#", 1)[0]
            yield from _anchor(page, value, target, found.file, wanted.fragment, shown)


def _broken(
    page: Page, value: TextValue, target: LinkTarget, shown: str, wanted: Wanted
) -> Diagnostic:
    """LK009 on a target nothing serves, saying the most telling thing known of it."""
    site = page.site
    assert site is not None
    index = site_index.of(site)
    gone = next((site.removed[f] for f in forms(wanted.path) if f in site.removed), None)
    if gone is not None:
        return _removed(page, value, target, shown, gone)
    # A front-matter path (`image: img/x.png`) is judged from the root, as served.
    served = "/" + wanted.path if wanted.how == "field" else wanted.path
    url = _short(shown)
    if wanted.how not in ("source", "post", "ref", "relative"):
        other = index.other_case(served)
        if other is not None:
            return value.diagnostic(
                BROKEN, target.start, target.end, "LK009.case", url=url, suggestion=_short(other)
            )
    if _EMAIL.fullmatch(shown):
        return value.diagnostic(BROKEN, target.start, target.end, "LK009.email", url=url)
    if wanted.how in ("source", "post", "ref"):
        return value.diagnostic(BROKEN, target.start, target.end, "LK009.reference", url=url)
    suggestion = index.suggest(served) if wanted.how != "relative" else None
    if suggestion and wanted.how == "field" and not shown.startswith("/"):
        suggestion = suggestion.lstrip("/")  # as the field writes its paths
    if suggestion:
        return value.diagnostic(
            BROKEN, target.start, target.end, "LK009.suggestion", url=url,
            suggestion=_short(suggestion),
        )  # fmt: skip
    return value.diagnostic(BROKEN, target.start, target.end, "LK009", url=url)


def _removed(
    page: Page, value: TextValue, target: LinkTarget, url: str, gone: tuple[str, str | None]
) -> Diagnostic:
    """A link to a page that the change being checked deleted or renamed."""
    old, new = gone
    if new is None:
        return value.diagnostic(
            BROKEN, target.start, target.end, "LK009.deleted", url=_short(url), page=old
        )
    assert page.site is not None
    urls = site_index.of(page.site).page_urls.get(os.path.realpath(new), ())
    return value.diagnostic(
        BROKEN,
        target.start,
        target.end,
        "LK009.renamed" if urls else "LK009.renamed-unserved",
        url=_short(url),
        page=old,
        renamed=os.path.relpath(new) if os.path.isabs(new) else new,
        suggestion=_short(urls[0]) if urls else "",
    )


_ALWAYS = re.compile(r"^(?:top|fn:.*|fnref:.*|fn-.*|fnref-.*|footnote.*|TableOfContents)$")


def _closest_anchor(known: Anchors, fragment: str) -> list[str]:
    """The anchor of ``known`` closest to ``fragment`` (once per page and fragment: a page of
    many links to one missing anchor costs one search)."""
    if fragment not in known.closest:
        if "" not in known.closest:  # (the page's anchors, sorted once)
            known.closest[""] = Nearby(list(known.suggested))
        found = known.closest[""].closest(fragment, 0.6)
        known.closest[fragment] = [found] if found else []
    closest: list[str] = known.closest[fragment]
    return closest


def _anchor(
    page: Page, value: TextValue, target: LinkTarget, file: str, fragment: str, shown: str
) -> Iterator[Diagnostic]:
    site = page.site
    assert site is not None
    if not fragment or _ALWAYS.match(fragment) or MASK in fragment:
        return
    if site.generator == "none" and not value.is_body:
        return  # a field is shown by a layout that nothing here describes: its ids are unknown
    if file == page.real:  # the page itself: its own text, read already, its anchors once
        known: Anchors | None = page.cache.get("anchors")
        if known is None:
            if site.generator == "none":
                known = page_anchors(page.doc.text, page.doc.path)
            else:
                known = site_index.of(site).page_anchors(page.doc.text, page.doc.path)
            page.cache["anchors"] = known
    else:
        known = site_index.of(site).anchors(file)
    if known is None or known.has(fragment):
        return
    start = target.start + target.url.find("#") + 1 if "#" in target.url else target.start
    close = _closest_anchor(known, fragment)
    if not known.complete and not close:
        return  # some ids are unknown (a theme, a computed id): only a likely typo is told
    here = "LK010.here" if not shown else "LK010"
    if close:
        key, extra = f"{here}.suggestion", {"suggestion": _short(close[0])}
    elif known.suggested:
        listed = ", ".join(f"#{_short(a, 40)}" for a in known.suggested[:5])
        key = f"{here}.anchors"
        extra = {"anchors": listed + (", …" if len(known.suggested) > 5 else "")}
    else:
        key, extra = f"{here}.none", {}
    args: dict[str, Any] = {"fragment": _short(fragment), **extra}
    if shown:
        args["target"] = _short(shown)
    yield value.diagnostic(MISSING_ANCHOR, start, target.end, key, **args)


BROKEN = Rule(
    code="LK009",
    name="broken-internal-link",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A link to the site's own pages or files leads nowhere: no page or file has that URL.",
        fr=(
            "Un lien vers une page ou un fichier du site ne mène nulle part : rien n’a "
            "cette adresse."
        ),
    ),
    messages={
        "LK009": Text(
            en="no page or file of the site is at `{url}`",
            fr="aucune page ni aucun fichier du site n’est à l’adresse `{url}`",
        ),
        "LK009.email": Text(
            en="`{url}` is an e-mail address written as a page link; write `mailto:{url}`",
            fr=(
                "`{url}` est une adresse électronique écrite comme un lien vers une page ; "
                "écrire `mailto:{url}`"
            ),
        ),
        "LK009.source": Text(
            en=(
                "`{url}` is the page's source file, which this site serves nowhere: link to its "
                "URL `{suggestion}`"
            ),
            fr=(
                "`{url}` est le fichier source de la page, que ce site ne sert nulle part : "
                "faire le lien vers son adresse `{suggestion}`"
            ),
        ),
        "LK009.base": Text(
            en="the site is served under `{base}`: `{url}` leads out of it; write `{suggestion}`",
            fr=("le site est servi sous `{base}` : `{url}` en sort ; écrire `{suggestion}`"),
        ),
        "LK009.case": Text(
            en=(
                "`{url}` differs from the site's URL `{suggestion}` only by letter case: most "
                "servers answer “not found”"
            ),
            fr=(
                "`{url}` ne diffère de l’adresse `{suggestion}` du site que par des majuscules : "
                "la plupart des serveurs répondent « introuvable »"
            ),
        ),
        "LK009.reference": Text(
            en="this template reference names `{url}`, which is no file of the site",
            fr="cette référence de gabarit désigne `{url}`, qui n’est pas un fichier du site",
        ),
        "LK009.deleted": Text(
            en="`{url}` was the URL of `{page}`, which this change deletes",
            fr="`{url}` était l’adresse de `{page}`, que cette modification supprime",
        ),
        "LK009.renamed": Text(
            en=(
                "`{url}` was the URL of `{page}`, which this change renames to `{renamed}`: "
                "its URL is now `{suggestion}`"
            ),
            fr=(
                "`{url}` était l’adresse de `{page}`, que cette modification renomme en "
                "`{renamed}` : son adresse est désormais `{suggestion}`"
            ),
        ),
        "LK009.renamed-unserved": Text(
            en="`{url}` was the URL of `{page}`, which this change renames to `{renamed}`",
            fr="`{url}` était l’adresse de `{page}`, que cette modification renomme en `{renamed}`",
        ),
        "LK009.suggestion": Text(
            en="no page or file of the site is at `{url}`; did you mean `{suggestion}`?",
            fr=(
                "aucune page ni aucun fichier du site n’est à l’adresse `{url}` ; "
                "vouliez-vous dire `{suggestion}` ?"
            ),
        ),
    },
    doc=Doc(
        what=Text(
            en="""every link and image of the body and the front matter that points inside
the site — root-relative (`/participer/faq/`), relative to the page (`../faq/`, `guide.pdf`),
absolute on the site's own URL, a front-matter value that is one path (`image: /img/x.png`),
`{% link %}`, `{% post_url %}`, `{{< ref >}}` — must lead to a page or a static file. URLs are
those the generator serves: Hugo's sections, bundles, `slug`, `url`, `aliases`, `permalinks`,
languages; Jekyll's `permalink`, posts, collections, `redirect_from`. On a folder without a
generator configuration, only links to files are checked.""",
            fr="""chaque lien et chaque image du corps et de l’en-tête qui vise le site
lui-même — depuis la racine (`/participer/faq/`), relatif à la page (`../faq/`, `guide.pdf`),
absolu sur l’adresse du site, une valeur de l’en-tête qui est un chemin (`image: /img/x.png`),
`{% link %}`, `{% post_url %}`, `{{< ref >}}` — doit mener à une page ou à un fichier. Les
adresses sont celles que sert le générateur : sections, paquets, `slug`, `url`, `aliases`,
`permalinks` et langues de Hugo ; `permalink`, billets, collections et `redirect_from` de
Jekyll. Dans un dossier sans configuration de générateur, seuls les liens vers des fichiers
sont vérifiés.""",
        ),
        why=Text(
            en="""Hugo and Jekyll build happily with broken internal links: readers get a
404, often after a page was renamed or deleted.""",
            fr="""Hugo et Jekyll construisent le site sans se plaindre des liens internes
cassés : le lecteur tombe sur une erreur 404, souvent après qu’une page a été renommée ou
supprimée.""",
        ),
        fix=Text(
            en="correct the link (the message suggests the closest existing URL), or restore "
            "the page or file.",
            fr="corriger le lien (le message propose l’adresse existante la plus proche), ou "
            "rétablir la page ou le fichier.",
        ),
    ),
    examples=(
        bad(
            """
title: Candidater
""",
            "Lisez [le règlement](reglement-2025.pdf) avant de postuler.\n",
        ),
        good(
            """
title: Candidater
""",
            "Lisez [les questions fréquentes](#questions-frequentes).\n\n## Questions fréquentes\n",
        ),
    ),
    check=check_internal,
    prepare=site_index.of,
    also_reports=("LK010",),
)


MISSING_ANCHOR = Rule(
    code="LK010",
    name="missing-anchor",
    default_severity=Severity.WARNING,
    summary=Text(
        en="A link's `#fragment` names no heading or anchor of the page it leads to.",
        fr="Le `#fragment` d’un lien ne désigne aucun titre ni aucune ancre de la page visée.",
    ),
    messages={
        "LK010": Text(
            en="`#{fragment}` is not an anchor of `{target}`",
            fr="`#{fragment}` n’est pas une ancre de `{target}`",
        ),
        "LK010.suggestion": Text(
            en="`#{fragment}` is not an anchor of `{target}`; did you mean `#{suggestion}`?",
            fr=(
                "`#{fragment}` n’est pas une ancre de `{target}` ; vouliez-vous dire "
                "`#{suggestion}` ?"
            ),
        ),
        "LK010.anchors": Text(
            en="`#{fragment}` is not an anchor of `{target}`, whose anchors are: {anchors}",
            fr="`#{fragment}` n’est pas une ancre de `{target}`, dont les ancres sont : {anchors}",
        ),
        "LK010.none": Text(
            en="`#{fragment}` is not an anchor of `{target}`, which has none",
            fr="`#{fragment}` n’est pas une ancre de `{target}`, qui n’en a aucune",
        ),
        "LK010.here": Text(
            en="`#{fragment}` is not an anchor of this page",
            fr="`#{fragment}` n’est pas une ancre de cette page",
        ),
        "LK010.here.suggestion": Text(
            en="`#{fragment}` is not an anchor of this page; did you mean `#{suggestion}`?",
            fr=(
                "`#{fragment}` n’est pas une ancre de cette page ; vouliez-vous dire "
                "`#{suggestion}` ?"
            ),
        ),
        "LK010.here.anchors": Text(
            en="`#{fragment}` is not an anchor of this page, whose anchors are: {anchors}",
            fr="`#{fragment}` n’est pas une ancre de cette page, dont les ancres sont : {anchors}",
        ),
        "LK010.here.none": Text(
            en="`#{fragment}` is not an anchor of this page, which has none",
            fr="`#{fragment}` n’est pas une ancre de cette page, qui n’en a aucune",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the `#fragment` of an internal link, when the target page's anchors can be
known: its headings' ids (as Hugo's Goldmark or Jekyll's kramdown make them, under each of
their settings), explicit ids (`{#id}`, `id="…"`), and the ids the site's templates write. A
template that computes an id (`id="{{ .Anchor }}"`) makes the fragments it could produce
acceptable.""",
            fr="""le `#fragment` d’un lien interne, quand les ancres de la page visée
peuvent être connues : les identifiants de ses titres (tels que les font Goldmark pour Hugo ou
kramdown pour Jekyll, dans chacun de leurs réglages), les identifiants explicites (`{#id}`,
`id="…"`) et ceux qu’écrivent les gabarits du site. Un gabarit qui calcule un identifiant
(`id="{{ .Anchor }}"`) rend acceptables les fragments qu’il pourrait produire.""",
        ),
        why=Text(
            en="the page opens at its top instead of the section the reader was sent to, "
            "usually because a heading was reworded.",
            fr="la page s’ouvre en haut au lieu de la section annoncée, le plus souvent parce "
            "qu’un titre a été reformulé.",
        ),
        fix=Text(
            en="use the heading's current id (the message suggests the closest one), or give "
            "the heading an explicit id that will not change: `## Titre {#mon-ancre}`.",
            fr="reprendre l’identifiant actuel du titre (le message propose le plus proche), ou "
            "donner au titre un identifiant explicite qui ne changera pas : "
            "`## Titre {#mon-ancre}`.",
        ),
    ),
    examples=(
        bad(
            """
title: Candidater
""",
            "Lisez [les questions fréquentes](#question-frequentes).\n\n## Questions fréquentes\n",
        ),
        good(
            """
title: Candidater
""",
            "Lisez [les questions fréquentes](#questions-frequentes).\n\n## Questions fréquentes\n",
        ),
    ),
    check=None,
)

RULES = (BROKEN, MISSING_ANCHOR)
