"""Link rules (LK): the URLs of every string value and of the Markdown body.

Targets come from ``TextValue.links`` (markdown-it-py for Markdown, the whole value for URL fields),
so these rules and the later ones that check internal targets or fetch external links read the same
extraction. Domain typos compare each host with the other hosts of the page and with a short list of
domains French public sites link to (configurable later): a host one edit away from a known one.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from html import unescape
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, unquote, urlsplit

from linter.diagnostics import Diagnostic, Fix, Severity, message
from linter.distance import distance
from linter.page import Page, TextValue
from linter.records import cached, record
from linter.spec import Doc, Option, Rule, Text, bad, good
from linter.targets import LinkTarget

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

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


def _targets(page: Page) -> Iterator[tuple[TextValue, LinkTarget, Url]]:
    """Every link target of the page with its URL as the browser gets it: made once per page
    (each ``Url`` splits its text once), read by every rule of the family."""
    found = page.cache.get("links.targets")
    if found is None:
        found = [(v, target, Url.of(target)) for v in page.texts() for target in v.links]
        page.cache["links.targets"] = found
    return iter(found)


def _span(target: LinkTarget) -> tuple[int, int]:
    return (target.start, target.end) if target.exact else (0, 0)


# --- Character references: what the reader's browser gets

_DECODED_KINDS = frozenset({"link", "image", "reference", "html", "bare"})
"""Where a renderer decodes `&#x2F;`, `&amp;`…: Markdown link destinations and text (CommonMark)
and HTML attributes; not in autolinks (`<https://…>`, kept as written) nor in URL fields (a
template prints them, escaped)."""
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@record
class Url:
    """A target's URL as the reader's browser gets it (``text``: character references decoded
    where the renderer decodes them), and where each of its characters stands in ``raw``, the
    URL as written, so that a diagnostic points at the exact original characters."""

    raw: str
    text: str
    starts: tuple[int, ...] | None = None
    """Offset in ``raw`` of each character of ``text``; None when ``text`` is ``raw``."""
    ends: tuple[int, ...] | None = None

    @classmethod
    def of(cls, target: LinkTarget) -> Url:
        return (
            cls.decode(target.url) if target.kind in _DECODED_KINDS else cls(target.url, target.url)
        )

    @classmethod
    def decode(cls, raw: str) -> Url:
        if "&" not in raw:
            return cls(raw, raw)
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        position = 0
        for match in _REFERENCE.finditer(raw):
            decoded = unescape(match.group())
            if decoded == match.group():
                continue  # not a reference HTML knows: kept as written
            pieces.append(raw[position : match.start()])
            starts.extend(range(position, match.start()))
            ends.extend(range(position + 1, match.start() + 1))
            pieces.append(decoded)
            starts.extend([match.start()] * len(decoded))
            ends.extend([match.end()] * len(decoded))
            position = match.end()
        if not pieces:
            return cls(raw, raw)
        pieces.append(raw[position:])
        starts.extend(range(position, len(raw)))
        ends.extend(range(position + 1, len(raw) + 1))
        return cls(raw, "".join(pieces), tuple(starts), tuple(ends))

    @cached
    def parts(self) -> SplitResult | None:
        """``urlsplit`` of ``text`` stripped of white space, once; None when its port is not a
        number (``urlsplit(...).port`` raises)."""
        return _split(self.text.strip())

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Characters ``start:end`` of ``text`` as offsets in ``raw``."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= len(self.starts):
            return len(self.raw), len(self.raw)
        return self.starts[start], self.ends[end - 1] if end > start else self.starts[start]

    def located(self, target: LinkTarget, start: int, end: int) -> tuple[int, int]:
        """Characters ``start:end`` of ``text`` as offsets in the value (``(0, 0)`` when the
        target could not be located)."""
        if not target.exact:
            return 0, 0
        first, last = self.raw_span(start, end)
        return target.start + first, target.start + last


def _split(url: str) -> SplitResult | None:
    """``urlsplit(url)``; None when its port is not a number (``.port`` raises)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return None
    return parts


def _scheme(url: str) -> str | None:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


# --- LK001 malformed-url


@record
class Problem:
    """What LK001 finds in a URL: its message key, the parameters beside `url`, and the
    characters of the URL it is about (None: the whole URL)."""

    msgid: str
    args: dict[str, Any]
    span: tuple[int, int] | None = None


def check_malformed(page: Page) -> Iterator[Diagnostic]:
    known = known_domains(page)
    problems: dict[str, Problem | None] = {}  # (a URL written a thousand times is read once)
    for value, target, url in _targets(page):
        if url.text in problems:
            problem = problems[url.text]
        else:
            problem = problems[url.text] = url_problem(url.text, known, parts=url.parts)
        if problem is None:
            continue
        start, end = _span(target) if problem.span is None else url.located(target, *problem.span)
        yield value.diagnostic(
            MALFORMED, start, end, problem.msgid, url=_short(target.url), **problem.args
        )
    # `[texte](https://exemple.fr/a b)` is not a link at all: CommonMark leaves it as text.
    for value in page.texts():
        if value.is_url_field:
            continue
        for match in _SPACED_DESTINATION.finditer(value.text):
            if not value.in_code(match.start("u"), match.end("u")):
                yield value.diagnostic(
                    MALFORMED,
                    match.start("u"),
                    match.end("u"),
                    "LK001.space",
                    url=_short(value.source(match.start("u"), match.end("u"))),
                )


def url_problem(
    url: str, known: tuple[str, ...] = KNOWN_DOMAINS, parts: SplitResult | None = None
) -> Problem | None:
    """What LK001 reports about ``url`` (as the browser gets it: references decoded), or None.
    A misspelt scheme is LK003's; ``known``: the domains whose name a host may have put last
    (`www.fr.linkedin`); ``parts``: ``url`` stripped and already split, if it was."""
    stripped = url.strip()
    if not stripped or _scheme(stripped) in ("mailto", "tel"):
        return None
    if _WHITE_SPACE.search(stripped):
        return Problem("LK001.space", {})
    if stripped.count("(") != stripped.count(")") or stripped.count("[") != stripped.count("]"):
        return Problem("LK001.brackets", {})
    if _glued(stripped):
        return Problem("LK001.glued", {})
    if _scheme_typo(stripped):
        return None  # LK003 reports it with the corrected URL
    scheme = _scheme(stripped)
    if scheme not in ("http", "https") and not stripped.startswith("//"):
        return None
    try:
        parts = parts if parts is not None else urlsplit(stripped)
        port = parts.port
    except ValueError:
        return Problem("LK001.port", {})
    host = parts.hostname or ""
    problem = _host_problem(host)
    if problem and stripped.startswith("//") and "." not in host:
        # `//defis/lab-sante/` goes to the host `defis`: a root-relative path was meant.
        suggestion = "/" + stripped.lstrip("/")
        if _sound(suggestion, stripped):
            return Problem("LK001.protocol-relative", {"suggestion": _short(suggestion)})
        return Problem("LK001.protocol-relative.no-fix", {})
    if problem:
        return Problem(problem, {"host": host})
    if port == 0:
        return Problem("LK001.port", {})
    authority = _AUTHORITY.match(stripped)
    if authority is None or _is_address(host):
        return None
    written = authority.group("host")
    lead = len(url) - len(url.lstrip())
    span = (lead + authority.start("host"), lead + authority.end("host"))
    verdict = _host_verdict(written, known)
    return None if verdict is None else Problem(verdict[0], verdict[1], span)


_AUTHORITY = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//(?:[^/?#]*@)?(?P<host>[^/?#:]*)")
_HTTP = re.compile(r"https?://", re.IGNORECASE)
_LEADING_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")
_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}")


_WHITE_SPACE = re.compile(r"\s")
_DIGITS_AND_DOTS = re.compile(r"[0-9.]+")
_SCHEME_WORD = re.compile(r"([a-zA-Z]+)(:?)(/*)")
_SPACED_DESTINATION = re.compile(r"\]\((?P<u>[^()\s]+(?:[ \t]+[^()\s\"']+)+)\)")
"""`[texte](https://exemple.fr/a b)`: a destination with white space, which is no link."""


def _glued(url: str) -> bool:
    """Two URLs glued together: `http(s)://` again, right after a character that a word of a
    URL ends with (`…/entrepreneur-interet-generalhttps://…`, `…/id1291962681https://…`,
    `https://a.frhttps://b.fr`). After a separator (`/`, `=`, `:`, `*`, `?`, `&`…) it is a URL
    embedded in another: a web archive (`web.archive.org/web/2020…/https://…`, `archive.ph/
    https://…`), a cache (`?q=cache:https://…`), a share or redirect link (`?u=https://…`)."""
    lead = _LEADING_SCHEME.match(url)
    for match in _HTTP.finditer(url, lead.end() if lead else 1):
        at = match.start()
        before = url[at - 1]
        if (before.isalnum() or before in "-._~") and not (
            at >= 3 and _ENCODED.fullmatch(url, at - 3, at)  # `%2Fhttps://`: an encoded `/`
        ):
            return True
    return False


def _sound(suggestion: str, original: str) -> bool:
    """A fix worth proposing: it changes the URL, and LK001 and LK003 find nothing wrong in it
    (a suggestion is never worse than what was written)."""
    if suggestion.strip() == original.strip():
        return False
    text = Url.decode(suggestion).text.strip()
    scheme = _scheme(text)
    return (
        url_problem(text) is None
        and _scheme_typo(text) is None
        and (scheme is None or scheme in SAFE_SCHEMES)
    )


def _is_address(host: str) -> bool:
    """An IP address or `localhost`: no top-level domain to judge."""
    return bool(_DIGITS_AND_DOTS.fullmatch(host)) or ":" in host or host == "localhost"


_COMMON_TLDS = frozenset(
    {"fr", "com", "org", "net", "eu", "io", "info", "gov", "edu", "int", "be", "ch", "de",
     "uk", "ca", "co", "app", "dev", "me", "tv", "re", "nc", "pf", "gp", "mq", "gf", "yt", "pm",
     "wf", "bzh", "paris", "alsace", "corsica"}
)  # fmt: skip
"""Top-level domains that French sites link to most: known without loading the list."""

SPECIAL_USE_TLDS = frozenset(
    {"test", "example", "invalid", "localhost", "local", "onion", "alt", "internal",
     "home", "corp", "lan", "intranet", "localdomain"}
)  # fmt: skip
"""Names that are not in the root zone but are used on purpose: reserved for documentation
and tests (RFC 2606, 6761: `test`, `example`, `invalid`, `localhost`), multicast DNS (`local`,
RFC 6762), Tor (`onion`, RFC 7686), other name systems (`alt`, RFC 9476), private networks
(`internal`, reserved by ICANN in 2024; `home`, `corp`, `lan`, `intranet`, `localdomain`, used
by routers and companies and never to be delegated)."""


@functools.cache
def _public_suffixes() -> PublicSuffixList:
    """The Public Suffix List that the `publicsuffixlist` package ships (never fetched): loaded
    on the first host whose top-level domain is not a common one (about 15 ms)."""
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(accept_unknown=False, accept_encoded_idn=False)


@functools.lru_cache(maxsize=4096)
def is_tld(label: str) -> bool:
    """Whether ``label`` (lower case) is a top-level domain, or a special-use one."""
    if label in _COMMON_TLDS or label in SPECIAL_USE_TLDS:
        return True
    if label.startswith("xn--"):
        try:
            label = label.encode("ascii").decode("idna")
        except UnicodeError:
            return True  # not judged: the list holds Unicode names
    return _public_suffixes().is_public(label)


@functools.lru_cache(maxsize=4096)
def _host_verdict(written: str, known: tuple[str, ...]) -> tuple[str, dict[str, str]] | None:
    """LK001's message about a well-formed host (as written), or None: a top-level domain that
    does not exist (`example.gouv.frr`), or labels in the wrong order: `www.fr.linkedin`, a
    country code before the name of a known domain (`linkedin.com`), put last."""
    labels = written.rstrip(".").split(".")
    lower = [label.lower() for label in labels]
    if len(labels) < 2:
        return None
    if len(lower) == 3 and lower[0] == "www" and re.fullmatch(r"[a-z]{2}", lower[1]):
        domain = next((d for d in known if d.count(".") == 1 and d.split(".")[0] == lower[2]), None)
        if domain and is_tld(lower[1]):
            return "LK001.order", {"host": written, "domain": domain}
    if not is_tld(lower[-1]):
        return "LK001.tld", {"host": written, "tld": labels[-1]}
    return None


@functools.lru_cache(maxsize=4096)
def _host_problem(host: str) -> str | None:
    if not host:
        return "LK001.no-host"
    if _is_address(host):
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


MALFORMED = Rule(
    code="LK001",
    name="malformed-url",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A URL is malformed: white space inside, invalid host or port, unbalanced brackets.",
        fr=(
            "Une URL est mal formée : espace à l’intérieur, hôte ou port invalide, "
            "crochets déséquilibrés."
        ),
    ),
    messages={
        "LK001.space": Text(
            en="white space inside the URL `{url}`",
            fr="espace à l’intérieur de l’URL `{url}`",
        ),
        "LK001.brackets": Text(
            en="unbalanced brackets or parentheses in the URL `{url}`",
            fr="crochets ou parenthèses déséquilibrés dans l’URL `{url}`",
        ),
        "LK001.glued": Text(
            en="two URLs glued together in `{url}`",
            fr="deux URL collées l’une à l’autre dans `{url}`",
        ),
        "LK001.protocol-relative": Text(
            en="`{url}` points to the host of that name; did you mean `{suggestion}`?",
            fr="`{url}` renvoie à l’hôte de ce nom ; vouliez-vous dire `{suggestion}` ?",
        ),
        "LK001.protocol-relative.no-fix": Text(
            en="`{url}` points to the host of that name",
            fr="`{url}` renvoie à l’hôte de ce nom",
        ),
        "LK001.port": Text(
            en="invalid port in the URL `{url}`",
            fr="port invalide dans l’URL `{url}`",
        ),
        "LK001.no-host": Text(
            en="no host in the URL `{url}`",
            fr="pas d’hôte dans l’URL `{url}`",
        ),
        "LK001.host": Text(
            en="invalid host `{host}` in the URL `{url}`",
            fr="hôte `{host}` invalide dans l’URL `{url}`",
        ),
        "LK001.tld": Text(
            en="`{host}`: `.{tld}` is not a top-level domain",
            fr="`{host}` : `.{tld}` n’est pas un domaine de premier niveau",
        ),
        "LK001.order": Text(
            en="`{host}`: labels in the wrong order (the site is `{domain}`)",
            fr="`{host}` : éléments dans le désordre (le site est `{domain}`)",
        ),
    },
    doc=Doc(
        what=Text(
            en="""every link target and URL field: no white space inside, an http(s) URL has
a valid host (letters, digits and hyphens in dot-separated labels) and port, and brackets and
parentheses are balanced. A Markdown link whose target holds a space is not a link at all: it
is shown as text, brackets included. Two URLs glued together (`…generalhttps://…`) are
reported; a URL embedded in another after `/`, `=` or `:` is not (web archives, caches, share
links: `https://web.archive.org/web/2020/https://…`, `?u=https://…`). The host's top-level
domain must exist (the Public Suffix List, shipped with frontlint: `.frr`, `.ff` are reported),
or be one that documentation and private networks use (`.test`, `.example`, `.invalid`,
`.localhost`, `.local`, `.onion`, `.alt`, `.internal`, `.home`, `.corp`, `.lan`,
`.intranet`, `.localdomain`); IP addresses and `localhost` are not judged. `www.fr.linkedin`,
a country code before the name of a known domain put last, has its labels in the wrong order.
Character references (`&#x2F;`, `&amp;`) are read as the browser reads them, in Markdown links
and HTML attributes.""",
            fr="""chaque cible de lien et chaque champ URL : pas d’espace à l’intérieur,
une URL http(s) a un hôte valide (lettres, chiffres et tirets entre des points) et un port
valide, crochets et parenthèses sont équilibrés. Un lien Markdown dont la cible contient une
espace n’est pas un lien : il s’affiche comme du texte, crochets compris. Deux URL collées
(`…generalhttps://…`) sont signalées ; une URL incluse dans une autre après `/`, `=` ou `:`
ne l’est pas (archives du web, caches, liens de partage :
`https://web.archive.org/web/2020/https://…`, `?u=https://…`). Le domaine de premier niveau de
l’hôte doit exister (la liste des suffixes publics, livrée avec frontlint : `.frr`, `.ff` sont
signalés), ou être de ceux qu’utilisent la documentation et les réseaux privés (`.test`,
`.example`, `.invalid`, `.localhost`, `.local`, `.onion`, `.alt`, `.internal`, `.home`,
`.corp`, `.lan`, `.intranet`, `.localdomain`) ; les adresses IP et `localhost` ne sont pas
jugées. `www.fr.linkedin`, un code de pays devant le nom d’un domaine connu placé en dernier, a
ses éléments dans le désordre. Les références de caractères (`&#x2F;`, `&amp;`) sont lues comme
le navigateur les lit, dans les liens Markdown et les attributs HTML.""",
        ),
        why=Text(
            en="readers click a link that goes nowhere, or see raw Markdown on the page.",
            fr="le lecteur clique sur un lien qui ne mène nulle part, ou voit du Markdown brut.",
        ),
        fix=Text(
            en="correct the URL (encode a real space as %20).",
            fr="corriger l’URL (encoder une vraie espace en %20).",
        ),
    ),
    examples=(
        bad(
            """
desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac eig7)"
"""
        ),
        good(
            """
desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac-eig7)"
"""
        ),
        bad(
            """
link: https://www.service-public.ff/particuliers/vosdroits/F1234
"""
        ),
        good(
            """
link: https://web.archive.org/web/20200101000000/https://www.service-public.fr/particuliers
"""
        ),
    ),
    check=check_malformed,
)


# --- LK002 empty-link


def check_empty(page: Page) -> Iterator[Diagnostic]:
    for value, target, _url in _targets(page):
        if target.kind in ("link", "image", "html") and target.url.strip() in ("", "#"):
            start, end = _span(target)
            if end == start and target.exact:
                start, end = max(0, start - 1), start + 1  # the `()`
            message = "LK002" if target.url.strip() else "LK002.none"  # (no `` quoted)
            yield value.diagnostic(EMPTY, start, end, message, url=target.url)


EMPTY = Rule(
    code="LK002",
    name="empty-link",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A link or image has an empty target (`[texte]()` or `#`).",
        fr="Un lien ou une image n’a pas de cible (`[texte]()` ou `#`).",
    ),
    messages={
        "LK002": Text(
            en="empty link target `{url}`",
            fr="lien sans cible `{url}`",
        ),
        "LK002.none": Text(
            en="link without a target",
            fr="lien sans cible",
        ),
    },
    doc=Doc(
        what=Text(
            en="""Markdown links and images, and HTML `href`/`src`, whose target is empty or
just `#`.""",
            fr="""les liens et images Markdown, et les `href`/`src` HTML, dont la cible
est vide ou réduite à `#`.""",
        ),
        why=Text(
            en="a link to nowhere; usually a target the editor meant to paste later.",
            fr=(
                "un lien vers nulle part ; souvent une cible que l’éditeur comptait "
                "coller plus tard."
            ),
        ),
        fix=Text(
            en="paste the target, or remove the link.",
            fr="coller la cible, ou retirer le lien.",
        ),
    ),
    examples=(
        bad(
            """
desc: Consultez [le règlement]().
"""
        ),
        good(
            """
desc: Consultez [le règlement](/img/eig_7_reglement.pdf).
"""
        ),
    ),
    check=check_empty,
)


# --- LK003 bad-scheme


def _scheme_typo(url: str) -> str | None:
    """The URL with its scheme corrected, when the scheme is a misspelling of a usual one."""
    match = _SCHEME_WORD.match(url)
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


ALLOWED_SCHEMES = Option(
    "links",
    "allowed-schemes",
    "strings",
    (),
    Text(
        en="URL schemes the site uses beyond http, https, mailto, tel, ftp, sms, geo, webcal…",
        fr="Schémas d’URL que le site utilise en plus de http, https, mailto, tel, ftp, sms, geo, "
        "webcal…",
    ),
    lower=True,
)


def check_scheme(page: Page) -> Iterator[Diagnostic]:
    for value, target, decoded in _targets(page):
        written = target.url.strip()
        url = decoded.text.strip()
        if not url:
            continue
        start, end = _span(target)
        fixed = _scheme_typo(url)
        if fixed:
            if _sound(fixed, url):
                yield value.diagnostic(
                    BAD_SCHEME,
                    start,
                    end,
                    "LK003.typo",
                    url=_short(written),
                    suggestion=_short(fixed),
                )
            else:
                yield value.diagnostic(
                    BAD_SCHEME, start, end, "LK003.typo.no-fix", url=_short(written)
                )
            continue
        scheme = _scheme(url)
        if (
            scheme is None
            or scheme in SAFE_SCHEMES
            or scheme in page.settings.option(ALLOWED_SCHEMES)
        ):
            continue
        if scheme in DANGEROUS_SCHEMES:
            if not (scheme == "data" and target.kind == "image"):
                yield value.diagnostic(BAD_SCHEME, start, end, "LK003.dangerous", scheme=scheme)
        elif re.match(r"[a-z0-9.-]+:\d+(?:/|$)", url, re.I):
            sound = _sound("https://" + url, url)
            msgid = "LK003.missing" if sound else "LK003.missing.no-fix"
            yield value.diagnostic(BAD_SCHEME, start, end, msgid, url=_short(written))
        else:
            yield value.diagnostic(BAD_SCHEME, start, end, "LK003.unknown", scheme=scheme)


BAD_SCHEME = Rule(
    code="LK003",
    name="bad-scheme",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A URL has a dangerous (`javascript:`), misspelt (`htps:`) or unknown scheme.",
        fr="Une URL a un schéma dangereux (`javascript:`), mal orthographié (`htps:`) ou inconnu.",
    ),
    messages={
        "LK003.typo": Text(
            en="misspelt scheme in `{url}`; did you mean `{suggestion}`?",
            fr="schéma mal écrit dans `{url}` ; vouliez-vous dire `{suggestion}` ?",
        ),
        "LK003.typo.no-fix": Text(
            en="misspelt scheme in `{url}`",
            fr="schéma mal écrit dans `{url}`",
        ),
        "LK003.dangerous": Text(
            en="dangerous scheme `{scheme}:` in a link",
            fr="schéma dangereux `{scheme}:` dans un lien",
        ),
        "LK003.missing": Text(
            en="`{url}` lacks its scheme: write `https://{url}`",
            fr="il manque le schéma de `{url}` : écrire `https://{url}`",
        ),
        "LK003.missing.no-fix": Text(
            en="`{url}` lacks its scheme",
            fr="il manque le schéma de `{url}`",
        ),
        "LK003.unknown": Text(
            en="unknown scheme `{scheme}:`",
            fr="schéma inconnu `{scheme}:`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the scheme of every link target: `javascript:`, `vbscript:`, `file:` and
`data:` (but in images) are refused; misspellings of `http`/`https` (`htps:`, `https//`,
`http:/`) are reported with the corrected URL (when it is itself valid); other schemes
than http, https, mailto, tel, ftp, sms, geo, webcal, irc, xmpp and news are reported as
unknown.""",
            fr="""le schéma de chaque cible de lien : `javascript:`, `vbscript:`,
`file:` et `data:` (hors images) sont refusés ; les fautes de frappe de `http`/`https`
(`htps:`, `https//`, `http:/`) sont signalées avec l’URL corrigée (si elle est
elle-même valide) ; les schémas autres que http, https, mailto, tel, ftp, sms, geo, webcal,
irc, xmpp et news sont signalés comme inconnus.""",
        ),
        why=Text(
            en=(
                "a misspelt scheme makes a relative link that breaks; script schemes "
                "are an attack vector."
            ),
            fr="""un schéma mal écrit donne un lien relatif qui casse ; les schémas de script sont
une porte d’attaque.""",
        ),
        fix=Text(
            en="write the scheme as the message suggests.",
            fr="écrire le schéma comme le message le propose.",
        ),
    ),
    examples=(
        bad(
            """
link: https//www.linkedin.com/company/eigforever/
"""
        ),
        good(
            """
link: https://www.linkedin.com/company/eigforever/
"""
        ),
    ),
    check=check_scheme,
    options=(ALLOWED_SCHEMES,),
)


# --- LK004 insecure-link


def check_http(page: Page) -> Iterator[Diagnostic]:
    for value, target, decoded in _targets(page):
        written = target.url.strip()
        url = decoded.text.strip()
        if not url.lower().startswith("http://"):
            continue
        host = decoded.parts.hostname if decoded.parts is not None else None
        if host is None or _is_address(host) or host.endswith(".localhost"):
            continue  # the reader's own machine
        start, end = _span(target)
        # The scheme changed, the rest as written (`&amp;` stays `&amp;` in HTML).
        suggestion = (
            "https:" + written[5:] if written[:5].lower() == "http:" else "https://" + url[7:]
        )
        if _sound(suggestion, written):
            fix = None  # (unsafe: the host may not serve https)
            if target.exact and written[:5].lower() == "http:":
                at = target.start + len(target.url) - len(target.url.lstrip()) + 4
                said = message("fix.replace", old="http://", new="https://")
                fix = value.fix(at, at, "s", "unsafe", said=said)
            yield value.diagnostic(
                INSECURE, start, end, "LK004", fix=fix, url=_short(written),
                suggestion=_short(suggestion),
            )  # fmt: skip
        else:
            yield value.diagnostic(INSECURE, start, end, "LK004.no-fix", url=_short(written))


INSECURE = Rule(
    code="LK004",
    name="insecure-link",
    default_severity=Severity.WARNING,
    summary=Text(
        en="A link uses `http://` where `https://` is expected.",
        fr="Un lien utilise `http://` là où `https://` est attendu.",
    ),
    messages={
        "LK004": Text(
            en="insecure link `{url}`: use `{suggestion}`",
            fr="lien non sécurisé `{url}` : utiliser `{suggestion}`",
        ),
        "LK004.no-fix": Text(
            en="insecure link `{url}`",
            fr="lien non sécurisé `{url}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""links whose scheme is `http://` (except to localhost, its sub-domains and IP
addresses); the `https://` URL is proposed when it is itself valid.""",
            fr="""les liens dont le schéma est `http://` (sauf vers localhost, ses
sous-domaines et des adresses IP) ; l’URL en `https://` est proposée si elle est valide.""",
        ),
        why=Text(
            en="""the reader's browser warns or the connection can be tampered with; nearly every
site, and
every French public site, serves https.""",
            fr="""le navigateur du lecteur avertit, ou la connexion peut être altérée ; presque tous
les sites, et tous les sites publics français, servent https.""",
        ),
        fix=Text(
            en="use https (check that the site answers on it).",
            fr="passer en https (vérifier que le site y répond).",
        ),
    ),
    examples=(
        bad(
            """
desc: Voir [data.gouv.fr](http://data.gouv.fr).
"""
        ),
        good(
            """
desc: Voir [data.gouv.fr](https://data.gouv.fr).
"""
        ),
    ),
    check=check_http,
    fixable="unsafe",
)


# --- LK005 empty-path-segment


def check_double_slash(page: Page) -> Iterator[Diagnostic]:
    for value, target, decoded in _targets(page):
        text = decoded.text
        url = text.strip()
        first = url.find("//")
        if first < 0 or (url.find("//", first + 1) < 0 and _opens_authority(url, first)):
            continue  # no `//`, or only the one before the host: no empty segment
        parts = decoded.parts
        if parts is None or _scheme(url) not in ("http", "https", None):
            continue
        if _glued(url) or _scheme_typo(url):
            continue  # two URLs glued together, or a misspelt scheme: LK001 or LK003 says so
        if url.startswith("//") and not parts.netloc:
            continue
        lead = len(text) - len(text.lstrip())
        head = _BEFORE_PATH.match(url)
        path_start = head.end() if head else 0
        path_end = _AFTER_PATH.search(url, path_start)
        index = _EMPTY_SEGMENT.search(url, path_start, path_end.start() if path_end else len(url))
        if index is None:
            continue  # `https://web.archive.org/web/2020/https://a.fr`: an embedded URL's `//`
        start, end = decoded.located(target, lead + index.start(), lead + index.end())
        yield value.diagnostic(DOUBLE_SLASH, start, end, "LK005", url=_short(target.url.strip()))


def _opens_authority(url: str, slashes: int) -> bool:
    """Whether the `//` at ``slashes`` is the one before a host (`https://`, `//host`)."""
    head = _BEFORE_PATH.match(url)
    return head is not None and slashes < head.end()


_BEFORE_PATH = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?(?://[^/?#]*)?")
_AFTER_PATH = re.compile(r"[?#]")
_EMPTY_SEGMENT = re.compile(r"(?<!:)//")


DOUBLE_SLASH = Rule(
    code="LK005",
    name="empty-path-segment",
    default_severity=Severity.WARNING,
    summary=Text(
        en="A URL path holds `//` (an empty segment).",
        fr="Le chemin d’une URL contient `//` (un segment vide).",
    ),
    messages={
        "LK005": Text(
            en="empty path segment (`//`) in `{url}`",
            fr="segment de chemin vide (`//`) dans `{url}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="a doubled slash in the path of a URL (after the host).",
            fr="une double barre oblique dans le chemin d’une URL (après l’hôte).",
        ),
        why=Text(
            en="""many servers answer 404 or another page; it usually comes from pasting a path
after a
base URL that already ended with `/`.""",
            fr="""beaucoup de serveurs répondent 404 ou une autre page ; cela vient souvent d’un
chemin collé après une adresse qui finissait déjà par `/`.""",
        ),
        fix=Text(
            en="remove the extra slash.",
            fr="retirer la barre en trop.",
        ),
    ),
    examples=(
        bad(
            """
link: https://www.eig.numerique.gouv.fr//participer/candidats/faq
"""
        ),
        good(
            """
link: https://www.eig.numerique.gouv.fr/participer/candidats/faq
"""
        ),
    ),
    check=check_double_slash,
)


# --- LK006 domain-typo


def _host(url: str) -> str | None:
    return _host_of(url, _split(url))


def _host_of(url: str, parts: SplitResult | None) -> str | None:
    """The host of ``url`` (``parts``: its ``_split``), without `www.`; None but for http(s)."""
    if _scheme(url) not in ("http", "https") or parts is None:
        return None
    host = (parts.hostname or "").rstrip(".")
    return host.removeprefix("www.") or None


def _sound_host(host: str, original: str) -> bool:
    """A host worth proposing: not ``original``, and LK001 finds nothing wrong in it (without
    a suggestion LK006 has nothing to say: it is about one domain looking like another)."""
    return (
        host != original
        and _host_problem(host) is None
        and (_is_address(host) or _host_verdict(host, KNOWN_DOMAINS) is None)
    )


def _one_edit(a: str, b: str) -> bool:
    """``distance(a, b, 1) == 1`` in linear time (one insertion, deletion, substitution or swap
    of two neighbours): what is left once the common start and end are set aside."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    left, right = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(left) + len(right) == 1:
        return True  # one character inserted or deleted
    if len(left) == len(right) == 1:
        return True  # one replaced
    return len(left) == len(right) == 2 and left == right[::-1]  # two neighbours swapped


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
        if _one_edit(mine, other):
            differing = {c for c in set(mine) ^ set(other)}
            if differing and all(c.isdigit() for c in differing):
                continue  # eig6.fr vs eig7.fr: different sites
            return other if mine == host else ".".join([*labels[: -len(other_labels)], other])
    return None


KNOWN_DOMAINS_OPTION = Option(
    "links",
    "known-domains",
    "strings",
    (),
    Text(
        en="Domains the site links to on purpose, beyond the built-in list and the domain of "
        "`[site] base-url`: never reported as typos, and their look-alikes are.",
        fr="Domaines vers lesquels le site renvoie à dessein, en plus de la liste intégrée et du "
        "domaine de `[site] base-url` : jamais signalés comme coquilles, leurs sosies le sont.",
    ),
    lower=True,
)


def known_domains(page: Page) -> tuple[str, ...]:
    """The built-in list, the configured `known-domains`, and the site's own domain."""
    settings = page.settings
    own = _host(settings.base_url) if settings.base_url else None
    return (*KNOWN_DOMAINS, *settings.option(KNOWN_DOMAINS_OPTION), *([own] if own else []))


def _is_known(host: str, known: tuple[str, ...] | frozenset[str]) -> bool:
    """The host is a known domain or one of its sub-domains."""
    if not isinstance(known, frozenset):
        return any(host == domain or host.endswith("." + domain) for domain in known)
    # The same test, by set look-ups: `host` itself and what follows each of its dots.
    return host in known or any(
        host[dot + 1 :] in known for dot, char in enumerate(host) if char == "."
    )


_INDEXED = 253
"""Domains up to this length (a DNS name's) are indexed by their one-deletion variants."""


class _Lookalikes:
    """The domains that may be one edit from a host, among ``others``, in their order: a host
    is compared with the few that share a one-deletion variant with it (every pair one edit
    apart does), not with every domain of the page."""

    def __init__(self, others: list[str]) -> None:
        self.others = others
        self.short: dict[int, dict[str, list[int]]] = {}  # labels -> variant -> ranks
        self.long: dict[tuple[int, int], list[int]] = {}  # (labels, length) -> ranks
        for rank, other in enumerate(others):
            labels = other.count(".") + 1
            if len(other) <= _INDEXED:
                table = self.short.setdefault(labels, {})
                for variant in _deletions(other):
                    table.setdefault(variant, []).append(rank)
            else:
                self.long.setdefault((labels, len(other)), []).append(rank)

    def near(self, host: str) -> list[str]:
        labels = host.split(".")
        ranks: set[int] = set()
        for count in {*self.short, *(count for count, _length in self.long)}:
            if len(labels) < count:
                continue
            mine = ".".join(labels[-count:])
            table = self.short.get(count, {})
            if len(mine) <= _INDEXED + 1:
                for variant in _deletions(mine):
                    ranks.update(table.get(variant, ()))
            for length in (len(mine) - 1, len(mine), len(mine) + 1):
                ranks.update(self.long.get((count, length), ()))
        return [self.others[rank] for rank in sorted(ranks)]


@functools.lru_cache(maxsize=8)
def _known_lookalikes(known: tuple[str, ...]) -> _Lookalikes:
    """The known domains' look-alikes, made once per run (per list), not once per page."""
    return _Lookalikes(list(known))


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def check_domain_typo(page: Page) -> Iterator[Diagnostic]:
    located = [
        (value, target, url, _host_of(url.text.strip(), url.parts))
        for value, target, url in _targets(page)
    ]
    counts = Counter(host for _v, _t, _u, host in located if host)
    # A host used at least twice on the page is trusted (if it is a valid one); a host used
    # once may be its typo.
    trusted = [h for h, n in counts.items() if n >= 2 and _sound_host(h, "")]
    known = known_domains(page)
    known_set = frozenset(known)
    lookalikes: _Lookalikes | None = None
    for value, target, url, host in located:
        if not host or _is_known(host, known_set) or counts[host] > 1:
            continue
        lookalikes = lookalikes or _Lookalikes(trusted)
        suggestion = _typo_of(host, [*_known_lookalikes(known).near(host), *lookalikes.near(host)])
        if suggestion and _sound_host(suggestion, host):
            start, end = _span(target)
            yield value.diagnostic(
                DOMAIN_TYPO, start, end, "LK006", fix=_host_fix(value, target, url, host,
                suggestion), host=host, suggestion=suggestion,
            )  # fmt: skip


def _host_fix(value: TextValue, target: LinkTarget, url: Url, host: str, new: str) -> Fix | None:
    """An unsafe fix writing ``new`` for ``host`` (a typo's host may be a real site): only
    where the host is written as it is read (lower case, no character reference)."""
    written = url.raw
    after = written.find("//")
    at = written.find(host, after + 2) if after >= 0 else -1
    if not target.exact or url.text != written or at < 0:
        return None
    return value.fix(target.start + at, target.start + at + len(host), new, "unsafe")


DOMAIN_TYPO = Rule(
    code="LK006",
    name="domain-typo",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A link's domain is one letter away from a known domain or one used more on the page.",
        fr="Le domaine d’un lien est à une lettre d’un domaine connu ou plus utilisé sur la page.",
    ),
    messages={
        "LK006": Text(
            en="domain `{host}` looks like a typo; did you mean `{suggestion}`?",
            fr=(
                "le domaine `{host}` ressemble à une faute de frappe ; vouliez-vous "
                "dire `{suggestion}` ?"
            ),
        ),
    },
    doc=Doc(
        what=Text(
            en="""the host of every http(s) link used once on the page, against the domains
French public sites commonly link to (demarches-simplifiees.fr, service-public.fr, data.gouv.fr,
github.com…) and against the hosts used at least twice on the same page: one letter added,
missing, changed or two letters swapped is reported with the domain meant (never an invalid
one: a host used twice is trusted only if LK001 finds nothing in it). Known domains and
their sub-domains are never reported; hosts that differ by a digit are different sites.""",
            fr="""l’hôte de chaque lien http(s) utilisé une seule fois sur la page,
comparé aux domaines vers lesquels les sites publics français renvoient souvent
(demarches-simplifiees.fr, service-public.fr, data.gouv.fr, github.com…) et aux hôtes utilisés au
moins deux fois sur la même page : une lettre ajoutée, manquante, changée ou deux lettres
inversées sont signalées avec le domaine voulu (jamais un domaine invalide : un hôte utilisé
deux fois n’est digne de confiance que si LK001 n’y trouve rien). Les domaines connus et leurs
sous-domaines ne
sont jamais signalés ; des hôtes qui ne diffèrent que par un chiffre sont des sites différents.""",
        ),
        why=Text(
            en="a misspelt domain leads to an error page, or to a squatter's site.",
            fr="un domaine mal écrit mène à une page d’erreur, ou au site d’un usurpateur.",
        ),
        fix=Text(
            en="correct the domain.",
            fr="corriger le domaine.",
        ),
    ),
    examples=(
        bad(
            """
desc: "[Déposez votre dossier](https://www.demarches-simplifies.fr/commencer/aac-eig7)"
"""
        ),
        good(
            """
desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac-eig7)"
"""
        ),
    ),
    check=check_domain_typo,
    options=(KNOWN_DOMAINS_OPTION,),
    fixable="unsafe",
)


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


PAGE_RELATIVE = Rule(
    code="LK007",
    name="page-relative-link",
    default_severity=Severity.WARNING,
    summary=Text(
        en="A Markdown link in a front-matter field is relative to the page (`img/x.jpg`).",
        fr="Un lien Markdown d’un champ de l’en-tête est relatif à la page (`img/x.jpg`).",
    ),
    messages={
        "LK007": Text(
            en="page-relative path `{url}` breaks where this field is shown; use `{suggestion}`",
            fr=(
                "le chemin relatif `{url}` casse là où ce champ est affiché ; utiliser "
                "`{suggestion}`"
            ),
        ),
    },
    doc=Doc(
        what=Text(
            en="""links and images inside the Markdown of front-matter fields whose target is
a page-relative path (`img/x.jpg`, `docs/guide.pdf`) instead of a root-relative one
(`/img/x.jpg`). URL fields (`image: img/x.jpg`) are left to their schema: their template decides
how they resolve.""",
            fr="""les liens et images dans le Markdown des champs de l’en-tête dont la
cible est un chemin relatif à la page (`img/x.jpg`, `docs/guide.pdf`) au lieu d’un chemin depuis
la racine (`/img/x.jpg`). Les champs URL (`image: img/x.jpg`) relèvent de leur schéma : leur
gabarit décide comment ils se résolvent.""",
        ),
        why=Text(
            en="""a field is rendered on its page and on list pages, at different URLs; a
page-relative path
resolves under each of them and breaks on all but one.""",
            fr="""un champ s’affiche sur sa page et sur des pages de liste, à des adresses
différentes ; un chemin relatif se résout sous chacune et casse partout sauf une.""",
        ),
        fix=Text(
            en="start the path with `/`.",
            fr="commencer le chemin par `/`.",
        ),
    ),
    examples=(
        bad(
            """
desc: "![Logo](img/logo-eig.png)"
"""
        ),
        good(
            """
desc: "![Logo](/img/logo-eig.png)"
"""
        ),
    ),
    check=check_page_relative,
)


# --- LK008 malformed-contact-link


def check_contact(page: Page) -> Iterator[Diagnostic]:
    for value, target, _url in _targets(page):
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


CONTACT = Rule(
    code="LK008",
    name="malformed-contact-link",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A `mailto:` or `tel:` link is malformed.",
        fr="Un lien `mailto:` ou `tel:` est mal formé.",
    ),
    messages={
        "LK008.mailto": Text(
            en="malformed e-mail link `{url}`",
            fr="lien de courriel mal formé `{url}`",
        ),
        "LK008.tel": Text(
            en="malformed phone link `{url}`",
            fr="lien de téléphone mal formé `{url}`",
        ),
    },
    doc=Doc(
        what=Text(
            en="""`mailto:` targets are e-mail addresses (`name@domain.tld`, several
separated by commas, optional `?subject=…`); `tel:` targets are digits, with `+`, spaces, dots,
hyphens or parentheses.""",
            fr="""les cibles `mailto:` sont des adresses électroniques
(`nom@domaine.tld`, plusieurs séparées par des virgules, `?subject=…` possible) ; les cibles
`tel:` sont des chiffres, avec `+`, espaces, points, tirets ou parenthèses.""",
        ),
        why=Text(
            en="the reader's mail or phone application opens with nothing usable.",
            fr="la messagerie ou le téléphone du lecteur s’ouvre sans rien d’utilisable.",
        ),
        fix=Text(
            en="correct the address or the number.",
            fr="corriger l’adresse ou le numéro.",
        ),
    ),
    examples=(
        bad(
            """
desc: "[Écrivez-nous](mailto:eig.beta.gouv.fr)"
"""
        ),
        good(
            """
desc: "[Écrivez-nous](mailto:eig@beta.gouv.fr)"
"""
        ),
    ),
    check=check_contact,
)

RULES = (MALFORMED, EMPTY, BAD_SCHEME, INSECURE, DOUBLE_SLASH, DOMAIN_TYPO, PAGE_RELATIVE, CONTACT)
