"""Link rules (LK): the URLs of every string value and of the Markdown body.

Targets come from ``TextValue.links`` (markdown-it-py for Markdown, the whole value for URL fields),
so these rules and the later ones that check internal targets or fetch external links read the same
extraction. Domain typos compare each host with the other hosts of the page and with a short list of
domains French public sites link to (configurable later): a host one edit away from a known one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from linter.diagnostics import Diagnostic, Severity
from linter.distance import distance
from linter.markdown import LinkTarget
from linter.page import Page, TextValue
from linter.rules import define

KNOWN_DOMAINS = (
    "demarches-simplifiees.fr", "service-public.fr", "legifrance.gouv.fr", "data.gouv.fr",
    "beta.gouv.fr", "numerique.gouv.fr", "etalab.gouv.fr", "gouvernement.fr", "economie.gouv.fr",
    "education.gouv.fr", "interieur.gouv.fr", "culture.gouv.fr", "ecologie.gouv.fr",
    "github.com", "gitlab.com", "linkedin.com", "twitter.com", "youtube.com", "medium.com",
    "wikipedia.org", "wikimedia.org", "framagit.org", "welcometothejungle.com",
)  # fmt: skip

SAFE_SCHEMES = frozenset(
    {
        "http",
        "https",
        "mailto",
        "tel",
        "ftp",
        "sftp",
        "sms",
        "geo",
        "webcal",
        "irc",
        "ircs",
        "xmpp",
        "news",
    }
)
DANGEROUS_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_TEL = re.compile(r"^\+?[0-9 ().-]+$")


def _targets(page: Page) -> Iterator[tuple[TextValue, LinkTarget]]:
    for value in page.texts():
        for target in value.links:
            yield value, target


def _span(target: LinkTarget) -> tuple[int, int]:
    return (target.start, target.end) if target.exact else (0, 0)


def _scheme(url: str) -> str | None:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


# --- LK001 malformed-url


def check_malformed(page: Page) -> Iterator[Diagnostic]:
    for value, target in _targets(page):
        url = target.url
        if not url or _scheme(url) in ("mailto", "tel"):
            continue
        start, end = _span(target)
        stripped = url.strip()
        if re.search(r"\s", stripped):
            yield value.diagnostic(MALFORMED, start, end, "LK001.space", url=_short(url))
            continue
        if stripped.count("(") != stripped.count(")") or stripped.count("[") != stripped.count("]"):
            yield value.diagnostic(MALFORMED, start, end, "LK001.brackets", url=_short(url))
            continue
        if re.search(r"\S://", stripped[8:]):
            yield value.diagnostic(MALFORMED, start, end, "LK001.glued", url=_short(url))
            continue
        if _scheme_typo(stripped):
            continue  # LK003 reports it with the corrected URL
        scheme = _scheme(stripped)
        if scheme not in ("http", "https") and not stripped.startswith("//"):
            continue
        try:
            parts = urlsplit(stripped)
            port = parts.port
        except ValueError:
            yield value.diagnostic(MALFORMED, start, end, "LK001.port", url=_short(url))
            continue
        host = parts.hostname or ""
        problem = _host_problem(host)
        if problem and stripped.startswith("//") and "." not in host:
            # `//defis/lab-sante/` goes to the host `defis`: a root-relative path was meant.
            yield value.diagnostic(
                MALFORMED,
                start,
                end,
                "LK001.protocol-relative",
                url=_short(url),
                suggestion=_short(stripped[1:]),
            )
        elif problem:
            yield value.diagnostic(MALFORMED, start, end, problem, url=_short(url), host=host)
        elif port == 0:
            yield value.diagnostic(MALFORMED, start, end, "LK001.port", url=_short(url))
    # `[texte](https://exemple.fr/a b)` is not a link at all: CommonMark leaves it as text.
    for value in page.texts():
        if value.is_url_field:
            continue
        for match in re.finditer(r"\]\((?P<u>[^()\s]+(?:[ \t]+[^()\s\"']+)+)\)", value.text):
            if not value.in_code(match.start("u"), match.end("u")):
                yield value.diagnostic(
                    MALFORMED,
                    match.start("u"),
                    match.end("u"),
                    "LK001.space",
                    url=_short(match["u"]),
                )


def _host_problem(host: str) -> str | None:
    if not host:
        return "LK001.no-host"
    if re.fullmatch(r"[0-9.]+", host) or ":" in host or host == "localhost":
        return None
    labels = host.rstrip(".").split(".")
    if len(labels) < 2 or not all(_valid_label(label) for label in labels):
        return "LK001.host"
    if labels[-1].isdigit():
        return "LK001.host"
    return None


def _valid_label(label: str) -> bool:
    """A DNS label: 1-63 letters (any script), digits or inner hyphens."""
    return (
        0 < len(label) <= 63
        and not label.startswith("-")
        and not label.endswith("-")
        and all(c.isalnum() or c == "-" for c in label)
    )


def _short(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


MALFORMED = define(
    "LK001", "malformed-url", Severity.ERROR,
    "A URL is malformed: white space inside, invalid host or port, unbalanced brackets.",
    "Une URL est mal formée : espace à l’intérieur, hôte ou port invalide, crochets déséquilibrés.",
    """What it checks: every link target and URL field: no white space inside, an http(s) URL has
a valid host (letters, digits and hyphens in dot-separated labels) and port, and brackets and
parentheses are balanced. A Markdown link whose target holds a space is not a link at all: it
is shown as text, brackets included.

Why: readers click a link that goes nowhere, or see raw Markdown on the page.

Example (bad):
    desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac eig7)"
Example (good):
    desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac-eig7)"

Fix: correct the URL (encode a real space as %20).""",
    """Ce qui est vérifié : chaque cible de lien et chaque champ URL : pas d’espace à l’intérieur,
une URL http(s) a un hôte valide (lettres, chiffres et tirets entre des points) et un port
valide, crochets et parenthèses sont équilibrés. Un lien Markdown dont la cible contient une
espace n’est pas un lien : il s’affiche comme du texte, crochets compris.

Pourquoi : le lecteur clique sur un lien qui ne mène nulle part, ou voit du Markdown brut.

Exemple (mauvais) :
    desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac eig7)"
Exemple (bon) :
    desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac-eig7)"

Correction : corriger l’URL (encoder une vraie espace en %20).""",
    check_malformed,
)  # fmt: skip


# --- LK002 empty-link


def check_empty(page: Page) -> Iterator[Diagnostic]:
    for value, target in _targets(page):
        if target.kind in ("link", "image", "html") and target.url.strip() in ("", "#"):
            start, end = _span(target)
            if end == start and target.exact:
                start, end = max(0, start - 1), start + 1  # the `()`
            yield value.diagnostic(EMPTY, start, end, "LK002", url=target.url)


EMPTY = define(
    "LK002", "empty-link", Severity.ERROR,
    "A link or image has an empty target (`[texte]()` or `#`).",
    "Un lien ou une image n’a pas de cible (`[texte]()` ou `#`).",
    """What it checks: Markdown links and images, and HTML `href`/`src`, whose target is empty or
just `#`.

Why: a link to nowhere; usually a target the editor meant to paste later.

Example (bad):
    desc: Consultez [le règlement]().
Example (good):
    desc: Consultez [le règlement](/img/eig_7_reglement.pdf).

Fix: paste the target, or remove the link.""",
    """Ce qui est vérifié : les liens et images Markdown, et les `href`/`src` HTML, dont la cible
est vide ou réduite à `#`.

Pourquoi : un lien vers nulle part ; souvent une cible que l’éditeur comptait coller plus tard.

Exemple (mauvais) :
    desc: Consultez [le règlement]().
Exemple (bon) :
    desc: Consultez [le règlement](/img/eig_7_reglement.pdf).

Correction : coller la cible, ou retirer le lien.""",
    check_empty,
)  # fmt: skip


# --- LK003 bad-scheme


def _scheme_typo(url: str) -> str | None:
    """The URL with its scheme corrected, when the scheme is a misspelling of a usual one."""
    match = re.match(r"([a-zA-Z]+)(:?)(/*)", url)
    if not match:
        return None
    word, colon, slashes = match.group(1).lower(), match.group(2), match.group(3)
    if not colon and len(slashes) < 2:
        return None  # a relative path such as `help/me`
    usual = (("https", "://"), ("http", "://"), ("mailto", ":"))
    for scheme, sep in usual:
        if word == scheme:
            return None if colon + slashes == sep else scheme + sep + url[match.end() :]
    for scheme, sep in usual:
        if distance(word, scheme, 1) == 1:
            return scheme + sep + url[match.end() :]
    return None


def check_scheme(page: Page) -> Iterator[Diagnostic]:
    for value, target in _targets(page):
        url = target.url.strip()
        if not url:
            continue
        start, end = _span(target)
        fixed = _scheme_typo(url)
        if fixed:
            yield value.diagnostic(
                BAD_SCHEME, start, end, "LK003.typo", url=_short(url), suggestion=_short(fixed)
            )
            continue
        scheme = _scheme(url)
        if scheme is None or scheme in SAFE_SCHEMES or scheme in page.settings.allowed_schemes:
            continue
        if scheme in DANGEROUS_SCHEMES:
            if not (scheme == "data" and target.kind == "image"):
                yield value.diagnostic(BAD_SCHEME, start, end, "LK003.dangerous", scheme=scheme)
        elif re.match(r"[a-z0-9.-]+:\d+(?:/|$)", url, re.I):
            yield value.diagnostic(BAD_SCHEME, start, end, "LK003.missing", url=_short(url))
        else:
            yield value.diagnostic(BAD_SCHEME, start, end, "LK003.unknown", scheme=scheme)


BAD_SCHEME = define(
    "LK003", "bad-scheme", Severity.ERROR,
    "A URL has a dangerous (`javascript:`), misspelt (`htps:`) or unknown scheme.",
    "Une URL a un schéma dangereux (`javascript:`), mal orthographié (`htps:`) ou inconnu.",
    """What it checks: the scheme of every link target: `javascript:`, `vbscript:`, `file:` and
`data:` (but in images) are refused; misspellings of `http`/`https` (`htps:`, `https//`,
`http:/`) are reported with the corrected URL; other schemes than http, https, mailto, tel, ftp,
sms, geo, webcal, irc, xmpp and news are reported as unknown.

Why: a misspelt scheme makes a relative link that breaks; script schemes are an attack vector.

Example (bad):
    link: https//www.linkedin.com/company/eigforever/
Example (good):
    link: https://www.linkedin.com/company/eigforever/

Fix: write the scheme as the message suggests.""",
    """Ce qui est vérifié : le schéma de chaque cible de lien : `javascript:`, `vbscript:`,
`file:` et `data:` (hors images) sont refusés ; les fautes de frappe de `http`/`https`
(`htps:`, `https//`, `http:/`) sont signalées avec l’URL corrigée ; les schémas autres que
http, https, mailto, tel, ftp, sms, geo, webcal, irc, xmpp et news sont signalés comme inconnus.

Pourquoi : un schéma mal écrit donne un lien relatif qui casse ; les schémas de script sont
une porte d’attaque.

Exemple (mauvais) :
    link: https//www.linkedin.com/company/eigforever/
Exemple (bon) :
    link: https://www.linkedin.com/company/eigforever/

Correction : écrire le schéma comme le message le propose.""",
    check_scheme,
)  # fmt: skip


# --- LK004 insecure-link


def check_http(page: Page) -> Iterator[Diagnostic]:
    for value, target in _targets(page):
        url = target.url.strip()
        if not url.lower().startswith("http://"):
            continue
        host = urlsplit(url).hostname if _safe_split(url) else None
        if host in (None, "localhost") or re.fullmatch(r"[0-9.]+", host or ""):
            continue
        start, end = _span(target)
        yield value.diagnostic(
            INSECURE, start, end, "LK004", url=_short(url), suggestion=_short("https://" + url[7:])
        )


def _safe_split(url: str) -> bool:
    try:
        urlsplit(url).port  # noqa: B018 - raises on a bad port
    except ValueError:
        return False
    return True


INSECURE = define(
    "LK004", "insecure-link", Severity.WARNING,
    "A link uses `http://` where `https://` is expected.",
    "Un lien utilise `http://` là où `https://` est attendu.",
    """What it checks: links whose scheme is `http://` (except to localhost and IP addresses).

Why: the reader's browser warns or the connection can be tampered with; nearly every site, and
every French public site, serves https.

Example (bad):
    desc: Voir [data.gouv.fr](http://data.gouv.fr).
Example (good):
    desc: Voir [data.gouv.fr](https://data.gouv.fr).

Fix: use https (check that the site answers on it).""",
    """Ce qui est vérifié : les liens dont le schéma est `http://` (sauf vers localhost et des
adresses IP).

Pourquoi : le navigateur du lecteur avertit, ou la connexion peut être altérée ; presque tous
les sites, et tous les sites publics français, servent https.

Exemple (mauvais) :
    desc: Voir [data.gouv.fr](http://data.gouv.fr).
Exemple (bon) :
    desc: Voir [data.gouv.fr](https://data.gouv.fr).

Correction : passer en https (vérifier que le site y répond).""",
    check_http,
)  # fmt: skip


# --- LK005 empty-path-segment


def check_double_slash(page: Page) -> Iterator[Diagnostic]:
    for value, target in _targets(page):
        url = target.url.strip()
        if not _safe_split(url) or _scheme(url) not in ("http", "https", None):
            continue
        parts = urlsplit(url)
        path = parts.path
        if re.search(r"\S://", url[8:]) or _scheme_typo(url):
            continue  # two URLs glued together, or a misspelt scheme: LK001 or LK003 says so
        if url.startswith("//") and not parts.netloc:
            continue
        index = path.find("//")
        if index < 0:
            continue
        at = url.find(path) + index
        start = target.start + at if target.exact else 0
        yield value.diagnostic(
            DOUBLE_SLASH, start, start + 2 if target.exact else 0, "LK005", url=_short(url)
        )


DOUBLE_SLASH = define(
    "LK005", "empty-path-segment", Severity.WARNING,
    "A URL path holds `//` (an empty segment).",
    "Le chemin d’une URL contient `//` (un segment vide).",
    """What it checks: a doubled slash in the path of a URL (after the host).

Why: many servers answer 404 or another page; it usually comes from pasting a path after a
base URL that already ended with `/`.

Example (bad):
    link: https://www.eig.numerique.gouv.fr//participer/candidats/faq
Example (good):
    link: https://www.eig.numerique.gouv.fr/participer/candidats/faq

Fix: remove the extra slash.""",
    """Ce qui est vérifié : une double barre oblique dans le chemin d’une URL (après l’hôte).

Pourquoi : beaucoup de serveurs répondent 404 ou une autre page ; cela vient souvent d’un
chemin collé après une adresse qui finissait déjà par `/`.

Exemple (mauvais) :
    link: https://www.eig.numerique.gouv.fr//participer/candidats/faq
Exemple (bon) :
    link: https://www.eig.numerique.gouv.fr/participer/candidats/faq

Correction : retirer la barre en trop.""",
    check_double_slash,
)  # fmt: skip


# --- LK006 domain-typo


def _host(url: str) -> str | None:
    if _scheme(url) not in ("http", "https") or not _safe_split(url):
        return None
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host.removeprefix("www.") or None


def _typo_of(host: str, others: list[str]) -> str | None:
    """The host ``host`` was probably meant to be: one edit away, not a digit, not a sub-domain."""
    labels = host.split(".")
    for other in others:
        other_labels = other.split(".")
        # Compare as many trailing labels: `eig.numerqiue.gouv.fr` vs `numerique.gouv.fr`.
        if len(labels) < len(other_labels):
            continue
        mine = ".".join(labels[-len(other_labels) :])
        if mine == other or len(other) < 8 or labels[-1] != other_labels[-1]:
            continue
        if distance(mine, other, 1) == 1:
            differing = {c for c in set(mine) ^ set(other)}
            if differing and all(c.isdigit() for c in differing):
                continue  # eig6.fr vs eig7.fr: different sites
            return other if mine == host else ".".join([*labels[: -len(other_labels)], other])
    return None


def known_domains(page: Page) -> tuple[str, ...]:
    """The built-in list, the configured `known-domains`, and the site's own domain."""
    settings = page.settings
    own = _host(settings.base_url) if settings.base_url else None
    return (*KNOWN_DOMAINS, *settings.known_domains, *([own] if own else []))


def _is_known(host: str, known: tuple[str, ...]) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in known)


def check_domain_typo(page: Page) -> Iterator[Diagnostic]:
    located = [(value, target, _host(target.url.strip())) for value, target in _targets(page)]
    counts = Counter(host for _v, _t, host in located if host)
    # A host used at least twice on the page is trusted; a host used once may be its typo.
    trusted = [h for h, n in counts.items() if n >= 2]
    known = known_domains(page)
    for value, target, host in located:
        if not host or _is_known(host, known) or counts[host] > 1:
            continue
        suggestion = _typo_of(host, [*known, *trusted])
        if suggestion:
            start, end = _span(target)
            yield value.diagnostic(
                DOMAIN_TYPO, start, end, "LK006", host=host, suggestion=suggestion
            )


DOMAIN_TYPO = define(
    "LK006", "domain-typo", Severity.ERROR,
    "A link's domain is one letter away from a known domain or one used more on the page.",
    "Le domaine d’un lien est à une lettre d’un domaine connu ou plus utilisé sur la page.",
    """What it checks: the host of every http(s) link used once on the page, against the domains
French public sites commonly link to (demarches-simplifiees.fr, service-public.fr, data.gouv.fr,
github.com…) and against the hosts used at least twice on the same page: one letter added,
missing, changed or two letters swapped is reported with the domain meant. Known domains and
their sub-domains are never reported; hosts that differ by a digit are different sites.

Why: a misspelt domain leads to an error page, or to a squatter's site.

Example (bad):
    desc: "[Déposez votre dossier](https://www.demarches-simplifies.fr/commencer/aac-eig7)"
Example (good):
    desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac-eig7)"

Fix: correct the domain.""",
    """Ce qui est vérifié : l’hôte de chaque lien http(s) utilisé une seule fois sur la page,
comparé aux domaines vers lesquels les sites publics français renvoient souvent
(demarches-simplifiees.fr, service-public.fr, data.gouv.fr, github.com…) et aux hôtes utilisés au
moins deux fois sur la même page : une lettre ajoutée, manquante, changée ou deux lettres
inversées sont signalées avec le domaine voulu. Les domaines connus et leurs sous-domaines ne
sont jamais signalés ; des hôtes qui ne diffèrent que par un chiffre sont des sites différents.

Pourquoi : un domaine mal écrit mène à une page d’erreur, ou au site d’un usurpateur.

Exemple (mauvais) :
    desc: "[Déposez votre dossier](https://www.demarches-simplifies.fr/commencer/aac-eig7)"
Exemple (bon) :
    desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac-eig7)"

Correction : corriger le domaine.""",
    check_domain_typo,
)  # fmt: skip


# --- LK007 page-relative-link


def check_page_relative(page: Page) -> Iterator[Diagnostic]:
    for value in page.values:
        if value.is_url_field:
            continue  # a template decides how a URL field resolves; its schema says what it wants
        for target in value.links:
            url = target.url.strip()
            if target.kind == "bare" or not url or url[0] in "/#?." or _scheme(url):
                continue
            if not re.match(r"^[\w%-][\w%.~-]*/|^[\w%-]+\.[a-z0-9]{2,5}$", url, re.I):
                continue
            start, end = _span(target)
            yield value.diagnostic(
                PAGE_RELATIVE, start, end, "LK007", url=_short(url), suggestion=_short("/" + url)
            )


PAGE_RELATIVE = define(
    "LK007", "page-relative-link", Severity.WARNING,
    "A Markdown link in a front-matter field is relative to the page (`img/x.jpg`).",
    "Un lien Markdown d’un champ de l’en-tête est relatif à la page (`img/x.jpg`).",
    """What it checks: links and images inside the Markdown of front-matter fields whose target is
a page-relative path (`img/x.jpg`, `docs/guide.pdf`) instead of a root-relative one
(`/img/x.jpg`). URL fields (`image: img/x.jpg`) are left to their schema: their template decides
how they resolve.

Why: a field is rendered on its page and on list pages, at different URLs; a page-relative path
resolves under each of them and breaks on all but one.

Example (bad):
    desc: "![Logo](img/logo-eig.png)"
Example (good):
    desc: "![Logo](/img/logo-eig.png)"

Fix: start the path with `/`.""",
    """Ce qui est vérifié : les liens et images dans le Markdown des champs de l’en-tête dont la
cible est un chemin relatif à la page (`img/x.jpg`, `docs/guide.pdf`) au lieu d’un chemin depuis
la racine (`/img/x.jpg`). Les champs URL (`image: img/x.jpg`) relèvent de leur schéma : leur
gabarit décide comment ils se résolvent.

Pourquoi : un champ s’affiche sur sa page et sur des pages de liste, à des adresses
différentes ; un chemin relatif se résout sous chacune et casse partout sauf une.

Exemple (mauvais) :
    desc: "![Logo](img/logo-eig.png)"
Exemple (bon) :
    desc: "![Logo](/img/logo-eig.png)"

Correction : commencer le chemin par `/`.""",
    check_page_relative,
)  # fmt: skip


# --- LK008 malformed-contact-link


def check_contact(page: Page) -> Iterator[Diagnostic]:
    for value, target in _targets(page):
        url = target.url.strip()
        scheme = _scheme(url)
        if scheme not in ("mailto", "tel"):
            continue
        start, end = _span(target)
        rest = unquote(url[len(scheme) + 1 :])
        if scheme == "mailto":
            addresses = rest.split("?", 1)[0]
            if not addresses or not all(_EMAIL.match(a.strip()) for a in addresses.split(",")):
                yield value.diagnostic(CONTACT, start, end, "LK008.mailto", url=_short(url))
        elif not _TEL.match(rest) or sum(c.isdigit() for c in rest) < 3:
            yield value.diagnostic(CONTACT, start, end, "LK008.tel", url=_short(url))


CONTACT = define(
    "LK008", "malformed-contact-link", Severity.ERROR,
    "A `mailto:` or `tel:` link is malformed.",
    "Un lien `mailto:` ou `tel:` est mal formé.",
    """What it checks: `mailto:` targets are e-mail addresses (`name@domain.tld`, several
separated by commas, optional `?subject=…`); `tel:` targets are digits, with `+`, spaces, dots,
hyphens or parentheses.

Why: the reader's mail or phone application opens with nothing usable.

Example (bad):
    desc: "[Écrivez-nous](mailto:eig.beta.gouv.fr)"
Example (good):
    desc: "[Écrivez-nous](mailto:eig@beta.gouv.fr)"

Fix: correct the address or the number.""",
    """Ce qui est vérifié : les cibles `mailto:` sont des adresses électroniques
(`nom@domaine.tld`, plusieurs séparées par des virgules, `?subject=…` possible) ; les cibles
`tel:` sont des chiffres, avec `+`, espaces, points, tirets ou parenthèses.

Pourquoi : la messagerie ou le téléphone du lecteur s’ouvre sans rien d’utilisable.

Exemple (mauvais) :
    desc: "[Écrivez-nous](mailto:eig.beta.gouv.fr)"
Exemple (bon) :
    desc: "[Écrivez-nous](mailto:eig@beta.gouv.fr)"

Correction : corriger l’adresse ou le numéro.""",
    check_contact,
)  # fmt: skip

RULES = (MALFORMED, EMPTY, BAD_SCHEME, INSECURE, DOUBLE_SLASH, DOMAIN_TYPO, PAGE_RELATIVE, CONTACT)
