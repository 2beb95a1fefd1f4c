"""Online link rules (LK011–LK016): what external http(s) links answer, with ``--online``.

One check (LK011's, ``Rule.online``) reads every external URL of the page's values and body
(``TextValue.links``, as the other link rules do). During the engine's online phase it only
names them (``Online.want``: the URL without its fragment, whether the page's anchors are
wanted, and the https form of an http URL); once they are fetched (``linter.online``), it reports
what they answered at the link's exact characters. Offline it does not run, and nothing here
imports the network code: a pre-commit hook stays as fast as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit, urlunsplit

from linter.diagnostics import Diagnostic, Severity
from linter.page import Page, TextValue
from linter.rules.links import Url, url_problem
from linter.spec import Doc, Option, Rule, Served, Text, bad, good
from linter.targets import LinkTarget

if TYPE_CHECKING:
    from linter.online import Online, Outcome

ONLINE = Option(
    "links", "online", "bool", False,
    Text(en="check external links over the network (as `--online`; `--offline` wins)",
         fr="vérifier les liens externes par le réseau (comme `--online` ; `--offline` l’emporte)"),
)  # fmt: skip
CACHE = Option(
    "links", "cache", "strings", (),
    Text(en="the file of the online checks' cache, from the configuration's folder (default: "
            "the user's cache folder)",
         fr="le fichier du cache des vérifications en ligne, depuis le dossier de la "
            "configuration (par défaut : le dossier de cache de l’utilisateur)"),
)  # fmt: skip
ALLOW_PRIVATE = Option(
    "links", "allow-private", "bool", False,
    Text(en="let online checks reach loopback, private and link-local addresses",
         fr="laisser les vérifications en ligne joindre les adresses locales et privées"),
)  # fmt: skip
ALLOW_HOSTS = Option(
    "links", "allow-hosts", "strings", (),
    Text(en="hosts that online checks may reach whatever their addresses (an intranet)",
         fr="les hôtes que les vérifications en ligne peuvent joindre quelle que soit leur "
            "adresse (un intranet)"),
    lower=True,
)  # fmt: skip
EXCLUDE = Option(
    "links", "exclude", "strings", (),
    Text(en="regular expressions (RE2) of URLs never checked online",
         fr="expressions régulières (RE2) des URL jamais vérifiées en ligne"),
)  # fmt: skip
INCLUDE = Option(
    "links", "include", "strings", (),
    Text(en="regular expressions (RE2) of URLs checked online even when `exclude` finds them "
            "(alone: only those)",
         fr="expressions régulières (RE2) des URL vérifiées en ligne même quand `exclude` les "
            "trouve (seules : uniquement celles-là)"),
)  # fmt: skip

MAX_REDIRECTS = 10
"""Redirects followed from a link (``linter.online``)."""
UNCHECKED_FRAGMENTS = ("top",)
"""Fragments a browser understands on any page."""


def _checkable(fragment: str) -> bool:
    """Whether a page must define ``fragment`` (not a text fragment `:~:`, a client-side route
    `#/a` or `#!a`, the top of the page)."""
    return (
        bool(fragment)
        and not fragment.startswith((":~:", "/", "!"))
        and (fragment.lower() not in UNCHECKED_FRAGMENTS)
    )


def _external(page: Page) -> Iterator[tuple[TextValue, LinkTarget, Url, int, str]]:
    """Every external http(s) link: (value, target, its URL as read, where the URL starts
    in it, the URL without leading or trailing spaces)."""
    own = None
    if page.site is not None and page.site.base_url:
        own = (urlsplit(page.site.base_url).hostname or "").removeprefix("www.")
    for value in page.texts():
        for target in value.links:
            url = Url.of(target)
            text = url.text.strip()
            if text[:7].lower() != "http://" and text[:8].lower() != "https://":
                continue
            if url_problem(text) is not None:
                continue  # LK001's
            try:
                host = urlsplit(text).hostname
            except ValueError:
                continue
            if not host or (own is not None and host.removeprefix("www.") == own):
                continue  # the site's own pages: LK009
            yield value, target, url, len(url.text) - len(url.text.lstrip()), text


def without_userinfo(url: str) -> str:
    """``url`` without ``user:password@`` (never sent, stored nor shown)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def _key(text: str) -> tuple[str, str]:
    """The URL fetched (no fragment, no userinfo) and the fragment."""
    base, _hash, fragment = text.partition("#")
    return without_userinfo(base), fragment


def _https(key: str) -> str | None:
    """The https form of an http URL to a named host (not an address, not localhost)."""
    if key[:7].lower() != "http://":
        return None
    host = urlsplit(key).hostname or ""
    if host == "localhost" or host.endswith(".localhost") or not any(c.isalpha() for c in host):
        return None
    return "https://" + key[7:]


def check_online(page: Page) -> Iterator[Diagnostic]:
    online: Online | None = page.online
    if online is None:
        return
    for value, target, url, lead, text in _external(page):
        key, fragment = _key(text)
        if not online.config.wanted(key):
            continue
        if online.collecting:
            online.want(key, _checkable(unquote(fragment)))
            https = _https(key)
            if https is not None:
                online.want(https)
            continue
        outcome = online.outcome(key)
        if outcome is not None:
            yield from _report(online, value, target, url, lead, text, key, fragment, outcome)


def _shown(text: str, limit: int = 80) -> str:
    text = without_userinfo(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _report(
    online: Online, value: TextValue, target: LinkTarget, url: Url, lead: int, text: str,
    key: str, fragment: str, outcome: Outcome,
) -> Iterator[Diagnostic]:  # fmt: skip
    start, end = (target.start, target.end) if target.exact else (0, 0)
    shown = _shown(text)
    host = urlsplit(key).hostname or ""
    kind, reason = outcome.kind, outcome.reason
    https = _https(key)
    upgraded = online.outcome(https) if https is not None else None
    to_https = upgraded is not None and upgraded.kind in ("ok", "moved")
    if kind == "broken":
        if reason == "dns":
            yield value.diagnostic(BROKEN, start, end, "LK011.dns", url=shown, host=host)
        else:
            msgid = "LK011.gone" if outcome.status == 410 else "LK011"
            yield value.diagnostic(BROKEN, start, end, msgid, url=shown, status=outcome.status)
    elif kind == "failed":
        if reason == "status":
            yield value.diagnostic(FAILED, start, end, "LK012", url=shown, status=outcome.status)
        elif reason == "redirects":
            yield value.diagnostic(FAILED, start, end, "LK012.redirects", url=shown,
                                   limit=MAX_REDIRECTS)  # fmt: skip
        else:
            yield value.diagnostic(FAILED, start, end, f"LK012.{reason}", url=shown, host=host)
    elif kind == "undecided":
        args: dict[str, Any] = {"url": shown}
        if reason == "timeout":
            args["seconds"] = _seconds(online.config.timeout)
        elif reason == "budget":
            args["seconds"] = _seconds(online.config.budget)
        elif reason == "network":
            args["detail"] = outcome.detail or "?"
        elif reason == "private":
            args["host"] = host
        yield value.diagnostic(UNCHECKED, start, end, f"LK016.{reason}", **args)
    elif kind == "moved" and not (to_https and outcome.location == https):
        new = outcome.location
        if fragment and "#" not in new:
            new += "#" + fragment
        fix = None
        if (
            target.exact and url.text == url.raw and "@" not in urlsplit(text).netloc
            and _WRITABLE.fullmatch(outcome.location)
        ):  # fmt: skip
            at = target.start + lead
            fix = value.fix(at, at + len(text), new, "unsafe")
        yield value.diagnostic(MOVED, start, end, "LK013", fix=fix, url=shown, new=_shown(new))
        to_https = False  # (the new URL is the one to use)
    if to_https and kind in ("ok", "moved", "broken", "failed"):
        written = url.raw[lead:]
        fix = None
        if target.exact and written[:5].lower() == "http:":
            at = target.start + lead + 4
            fix = value.fix(at, at, "s")
        yield value.diagnostic(HTTPS, start, end, "LK014", fix=fix, url=shown,
                               new=_shown("https:" + text[5:]))  # fmt: skip
    if (
        kind in ("ok", "moved")
        and _checkable(unquote(fragment))
        and outcome.anchors is not None
        and not outcome.truncated
        and not _defines(outcome.anchors, fragment)
    ):
        first, last = url.located(target, lead + len(text) - len(fragment) - 1, lead + len(text))
        yield value.diagnostic(ANCHOR, first, last, "LK015", url=_shown(key),
                               fragment=_shown(fragment, 60))  # fmt: skip


_WRITABLE = re.compile(r"[A-Za-z0-9\-._~:/?#@!&+,;=%]{1,2000}")
"""What a server's new URL may be made of to be written into a page (LK013's fix): nothing
that ends or changes a Markdown link, a table cell or an HTML attribute (`)`, `]`, `|`,
quotes, `<`, `*`, `$`, a backslash…), at most 2000 characters."""


def _defines(anchors: tuple[str, ...], fragment: str) -> bool:
    """Whether a page defines ``fragment`` as written or percent-decoded (and GitHub's
    `user-content-` ids, which its script scrolls to)."""
    known = set(anchors)
    for wanted in {fragment, unquote(fragment)}:
        if wanted in known or f"user-content-{wanted}" in known:
            return True
    return False


def _seconds(value: float) -> str:
    return f"{value:g}"


_ONLINE_WHAT = Text(
    en="""\n\nOnly with `frontlint check --online` (or `[links] online = true`): every external
http(s) URL of the run is fetched once, politely (HEAD first, a few requests per host at a
time, `Retry-After` honoured), results are cached, and the site's own URLs are left to LK009.""",
    fr="""\n\nSeulement avec `frontlint check --online` (ou `[links] online = true`) : chaque URL
http(s) externe est demandée une fois par exécution, poliment (HEAD d’abord, peu de requêtes à
la fois par hôte, `Retry-After` respecté), les résultats sont mis en cache, et les URL du site
lui-même sont laissées à LK009.""",
)


def _what(en: str, fr: str) -> Text:
    return Text(en=en + _ONLINE_WHAT.en, fr=fr + _ONLINE_WHAT.fr)


PAGE = "https://www.service-public.fr/particuliers/vosdroits/F1234"

BROKEN = Rule(
    code="LK011",
    name="broken-external-link",
    default_severity=Severity.ERROR,
    summary=Text(
        en="An external link leads to a page that does not exist (404, 410) or to a host "
        "that does not exist.",
        fr="Un lien externe mène à une page qui n’existe pas (404, 410) ou à un hôte qui "
        "n’existe pas.",
    ),
    messages={
        "LK011": Text(
            en="broken link `{url}`: the page does not exist ({status})",
            fr="lien cassé `{url}` : la page n’existe pas ({status})",
        ),
        "LK011.gone": Text(
            en="broken link `{url}`: the page was removed ({status})",
            fr="lien cassé `{url}` : la page a été supprimée ({status})",
        ),
        "LK011.dns": Text(
            en="broken link `{url}`: the host `{host}` does not exist",
            fr="lien cassé `{url}` : l’hôte `{host}` n’existe pas",
        ),
    },
    doc=Doc(
        what=_what(
            """external links whose server answers 404 (not found) or 410 (gone), after
following redirects, and links to a host name that does not exist (reported only when the
run could resolve other names: a machine without network proves nothing).""",
            """les liens externes dont le serveur répond 404 (introuvable) ou 410 (supprimée),
après les redirections, et les liens vers un nom d’hôte qui n’existe pas (signalés seulement
si l’exécution a pu résoudre d’autres noms : une machine sans réseau ne prouve rien).""",
        ),
        why=Text(
            en="the reader lands on an error page: the information or the procedure is lost.",
            fr="le lecteur arrive sur une page d’erreur : l’information ou la démarche est perdue.",
        ),
        fix=Text(
            en="find where the page went (the site's search, an archive) and link to it, or "
            "remove the link.",
            fr="retrouver où la page est partie (la recherche du site, une archive) et y "
            "renvoyer, ou retirer le lien.",
        ),
    ),
    examples=(
        bad(
            "title: Aides\n",
            f"Voir [la fiche]({PAGE}).\n",
            served=(Served(PAGE, 404),),
        ),
        good(
            "title: Aides\n",
            f"Voir [la fiche]({PAGE}).\n",
            served=(Served(PAGE, 200),),
        ),
    ),
    check=check_online,
    also_reports=("LK012", "LK013", "LK014", "LK015", "LK016"),
    options=(ONLINE, CACHE, ALLOW_PRIVATE, ALLOW_HOSTS, EXCLUDE, INCLUDE),
    online=True,
)

FAILED = Rule(
    code="LK012",
    name="external-link-error",
    default_severity=Severity.WARNING,
    summary=Text(
        en="An external link answers with an error other than 404 (403, 500…), redirects in a "
        "loop, or its secure connection fails.",
        fr="Un lien externe répond par une autre erreur que 404 (403, 500…), redirige en "
        "boucle, ou sa connexion sécurisée échoue.",
    ),
    messages={
        "LK012": Text(
            en="link `{url}` answers with an error ({status})",
            fr="le lien `{url}` répond par une erreur ({status})",
        ),
        "LK012.loop": Text(
            en="link `{url}` redirects in a loop",
            fr="le lien `{url}` redirige en boucle",
        ),
        "LK012.redirects": Text(
            en="link `{url}` redirects more than {limit} times",
            fr="le lien `{url}` redirige plus de {limit} fois",
        ),
        "LK012.tls": Text(
            en="link `{url}`: the secure connection to `{host}` fails (invalid certificate?)",
            fr="lien `{url}` : la connexion sécurisée à `{host}` échoue (certificat invalide ?)",
        ),
    },
    doc=Doc(
        what=_what(
            """external links that end with an HTTP error other than 404 and 410 (after
retries for 5xx), that redirect in a loop or more than 10 times, or whose https certificate
is refused.""",
            """les liens externes qui aboutissent à une erreur HTTP autre que 404 et 410
(après de nouveaux essais pour les 5xx), qui redirigent en boucle ou plus de 10 fois, ou dont
le certificat https est refusé.""",
        ),
        why=Text(
            en="the reader may not get the page; the error may be the server's for a while, "
            "or for good: worth a look, not a failed build.",
            fr="le lecteur risque de ne pas obtenir la page ; l’erreur peut être passagère ou "
            "durable : à regarder, sans faire échouer la publication.",
        ),
        fix=Text(
            en="open the link; if the error lasts, link elsewhere or remove the link.",
            fr="ouvrir le lien ; si l’erreur dure, renvoyer ailleurs ou retirer le lien.",
        ),
    ),
    examples=(
        bad(
            "title: Aides\n",
            f"Voir [la fiche]({PAGE}).\n",
            served=(Served(PAGE, 500),),
        ),
        good(
            "title: Aides\n",
            f"Voir [la fiche]({PAGE}).\n",
            served=(Served(PAGE, 200),),
        ),
    ),
)

NEW_PAGE = "https://www.service-public.fr/particuliers/vosdroits/F5678"

MOVED = Rule(
    code="LK013",
    name="moved-external-link",
    default_severity=Severity.WARNING,
    summary=Text(
        en="An external link redirects permanently (301, 308) to another URL.",
        fr="Un lien externe redirige définitivement (301, 308) vers une autre URL.",
    ),
    messages={
        "LK013": Text(
            en="link `{url}` has moved permanently to `{new}`",
            fr="le lien `{url}` a été déplacé définitivement vers `{new}`",
        ),
    },
    doc=Doc(
        what=_what(
            """external links whose server redirects permanently, through 301 or 308 answers
only, to another URL that works; the new URL is proposed (an unsafe fix: check that it is the
same content, not a home or login page).""",
            """les liens externes dont le serveur redirige définitivement, uniquement par des
réponses 301 ou 308, vers une autre URL qui fonctionne ; la nouvelle URL est proposée
(correction non sûre : vérifier que c’est le même contenu, pas un accueil ou une connexion).""",
        ),
        why=Text(
            en="the redirect costs the reader a round trip and may disappear one day.",
            fr="la redirection coûte un aller-retour au lecteur et peut disparaître un jour.",
        ),
        fix=Text(
            en="link to the new URL (`--fix --unsafe-fixes --online`).",
            fr="renvoyer vers la nouvelle URL (`--fix --unsafe-fixes --online`).",
        ),
    ),
    examples=(
        bad(
            "title: Aides\n",
            f"Voir [la fiche]({PAGE}).\n",
            served=(Served(PAGE, 301, NEW_PAGE), Served(NEW_PAGE, 200)),
        ),
        good(
            "title: Aides\n",
            f"Voir [la fiche]({NEW_PAGE}).\n",
            served=(Served(NEW_PAGE, 200),),
        ),
    ),
    fixable="unsafe",
)

HTTP_PAGE = "http://www.culture.gouv.fr/Aides-demarches"

HTTPS = Rule(
    code="LK014",
    name="https-available",
    default_severity=Severity.WARNING,
    summary=Text(
        en="An `http://` link whose page is served over https: use the https URL.",
        fr="Un lien `http://` dont la page est servie en https : utiliser l’URL https.",
    ),
    messages={
        "LK014": Text(
            en="link `{url}` is served over https: use `{new}`",
            fr="le lien `{url}` est servi en https : utiliser `{new}`",
        ),
    },
    doc=Doc(
        what=_what(
            """`http://` links whose https URL (the same URL, `https://`) answers with a page;
it takes precedence over LK004 (the same advice, verified), and its fix is safe: the host
proved it serves the page over https with a valid certificate.""",
            """les liens `http://` dont l’URL https (la même, en `https://`) répond par une
page ; elle l’emporte sur LK004 (le même conseil, vérifié), et sa correction est sûre : l’hôte a
prouvé qu’il sert la page en https avec un certificat valide.""",
        ),
        why=Text(
            en="a plain http link can be tampered with on the way and browsers warn about it.",
            fr="un lien http simple peut être altéré en chemin et les navigateurs le signalent.",
        ),
        fix=Text(
            en="write `https://` (`--fix --online`).",
            fr="écrire `https://` (`--fix --online`).",
        ),
    ),
    examples=(
        bad(
            "title: Aides\n",
            f"Voir [les aides]({HTTP_PAGE}).\n",
            served=(Served(HTTP_PAGE, 200), Served("https" + HTTP_PAGE[4:], 200)),
        ),
        good(
            "title: Aides\n",
            f"Voir [les aides](https{HTTP_PAGE[4:]}).\n",
            served=(Served("https" + HTTP_PAGE[4:], 200),),
        ),
    ),
    supersedes=("LK004",),
    fixable="safe",
)

ANCHORED = "https://www.data.gouv.fr/fr/pages/donnees-sante"

ANCHOR = Rule(
    code="LK015",
    name="missing-external-anchor",
    default_severity=Severity.WARNING,
    summary=Text(
        en="An external link's `#fragment` is not an anchor of the HTML page it leads to.",
        fr="Le `#fragment` d’un lien externe n’est pas une ancre de la page HTML visée.",
    ),
    messages={
        "LK015": Text(
            en="`#{fragment}` is not an anchor of `{url}`",
            fr="`#{fragment}` n’est pas une ancre de `{url}`",
        ),
    },
    doc=Doc(
        what=_what(
            """the `#fragment` of external links to HTML pages: the page must have an element
with that `id` or an `<a name>`. Text fragments (`#:~:text=`), client-side routes (`#/…`,
`#!…`) and `#top` are not checked, nor pages that are not HTML, longer than 2 MB or with
more than 10,000 anchors.""",
            """le `#fragment` des liens externes vers des pages HTML : la page doit avoir un
élément de cet `id` ou un `<a name>`. Les fragments de texte (`#:~:text=`), les routes côté
navigateur (`#/…`, `#!…`) et `#top` ne sont pas vérifiés, ni les pages qui ne sont pas en
HTML, de plus de 2 Mo ou de plus de 10 000 ancres.""",
        ),
        why=Text(
            en="the reader lands at the top of a long page instead of the section meant.",
            fr="le lecteur arrive en haut d’une longue page au lieu de la section voulue.",
        ),
        fix=Text(
            en="use the section's current anchor (the heading's link on the page), or remove "
            "the fragment.",
            fr="utiliser l’ancre actuelle de la section (le lien du titre sur la page), ou "
            "retirer le fragment.",
        ),
    ),
    examples=(
        bad(
            "title: Données\n",
            f"Voir [les jeux de données]({ANCHORED}#jeux).\n",
            served=(Served(ANCHORED, 200, body='<h2 id="jeux-de-donnees">Jeux</h2>'),),
        ),
        good(
            "title: Données\n",
            f"Voir [les jeux de données]({ANCHORED}#jeux-de-donnees).\n",
            served=(Served(ANCHORED, 200, body='<h2 id="jeux-de-donnees">Jeux</h2>'),),
        ),
    ),
)

SLOW = "https://www.exemple-lent.fr/agenda"

UNCHECKED = Rule(
    code="LK016",
    name="unchecked-external-link",
    default_severity=Severity.INFO,
    summary=Text(
        en="An external link could not be checked online (timeout, 429, network, private "
        "address): neither broken nor fine.",
        fr="Un lien externe n’a pas pu être vérifié en ligne (délai, 429, réseau, adresse "
        "privée) : ni cassé ni valide.",
    ),
    messages={
        "LK016.timeout": Text(
            en="could not check `{url}`: no answer within {seconds} s",
            fr="impossible de vérifier `{url}` : pas de réponse en {seconds} s",
        ),
        "LK016.rate-limited": Text(
            en="could not check `{url}`: the site asks to wait (429)",
            fr="impossible de vérifier `{url}` : le site demande d’attendre (429)",
        ),
        "LK016.network": Text(
            en="could not check `{url}`: network error ({detail})",
            fr="impossible de vérifier `{url}` : erreur réseau ({detail})",
        ),
        "LK016.dns": Text(
            en="could not check `{url}`: no host name could be resolved (no network?)",
            fr="impossible de vérifier `{url}` : aucun nom d’hôte n’a pu être résolu (pas de "
            "réseau ?)",
        ),
        "LK016.private": Text(
            en="not checked `{url}`: `{host}` is a local or private address "
            "(`[links] allow-hosts`)",
            fr="non vérifié `{url}` : `{host}` est une adresse locale ou privée "
            "(`[links] allow-hosts`)",
        ),
        "LK016.budget": Text(
            en="not checked `{url}`: the online checks' {seconds} s were spent",
            fr="non vérifié `{url}` : les {seconds} s des vérifications en ligne sont écoulées",
        ),
    },
    doc=Doc(
        what=_what(
            """external links whose check could not conclude: no answer in time, a 429 (too
many requests) after the retries, a network error, a host on a local or private address (never
contacted), or the run's time budget spent. Reported as `info` (`[severity] LK016 = "warning"`
to see them in the pre-commit hook's way), never as broken: a partner's slow server must not
fail a build. Never cached: the next run asks again.""",
            """les liens externes dont la vérification n’a pas pu conclure : pas de réponse à
temps, un 429 (trop de requêtes) après les nouveaux essais, une erreur réseau, un hôte sur une
adresse locale ou privée (jamais contacté), ou le temps des vérifications écoulé. Signalés en
`info` (`[severity] LK016 = "warning"` pour les voir davantage), jamais comme cassés : le
serveur lent d’un partenaire ne doit pas faire échouer une publication. Jamais mis en cache :
l’exécution suivante redemande.""",
        ),
        why=Text(
            en="what was not checked is said, rather than passed over in silence.",
            fr="ce qui n’a pas été vérifié est dit, plutôt que passé sous silence.",
        ),
        fix=Text(
            en="nothing, usually; open the link if it comes back run after run.",
            fr="rien, d’ordinaire ; ouvrir le lien s’il revient à chaque exécution.",
        ),
    ),
    examples=(
        bad(
            "title: Agenda\n",
            f"Voir [l’agenda]({SLOW}).\n",
            served=(Served(SLOW, 0),),
        ),
        good(
            "title: Agenda\n",
            f"Voir [l’agenda]({SLOW}).\n",
            served=(Served(SLOW, 200),),
        ),
    ),
)

RULES = (BROKEN, FAILED, MOVED, HTTPS, ANCHOR, UNCHECKED)
