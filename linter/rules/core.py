"""The core codes: reading a file (FM), validating its schema (SC), frontlint itself (FL).

The pipeline reports these itself (document.py, schema.py, engine.py, suppress.py); they are
documented here like every other rule.
"""

from __future__ import annotations

from linter.diagnostics import Severity
from linter.spec import Doc, Example, Rule, Text, bad, good

INTERNAL = Rule(
    code="FL001",
    name="internal-error",
    default_severity=Severity.ERROR,
    summary=Text(
        en="frontlint itself failed on this file (a bug: please report it).",
        fr="frontlint lui-même a échoué sur ce fichier (un bogue : merci de le signaler).",
    ),
    messages={
        "FL001": Text(
            en="internal error in {where}: {detail} (please report this bug)",
            fr="erreur interne dans {where} : {detail} (merci de signaler ce bogue)",
        ),
    },
    doc=Doc(
        what=Text(
            en="""nothing; it reports that a check of frontlint crashed on this file. The
other checks of the file, and the other files, were still run.""",
            fr="""rien ; cette règle signale qu’une vérification de frontlint a planté
sur ce fichier. Les autres vérifications du fichier, et les autres fichiers, ont bien été
faites.""",
        ),
        why=Text(
            en=(
                "a bug of frontlint should never hide the problems it can still find, "
                "nor stop the run."
            ),
            fr="""un bogue de frontlint ne doit ni cacher les problèmes qu’il sait encore trouver,
ni
arrêter l’analyse.""",
        ),
        fix=Text(
            en="""report the message and the page to the frontlint developers; `--ignore FL001` is
not the
fix.""",
            fr="""signaler le message et la page aux développeurs de frontlint ; `--ignore FL001`
n’est pas la solution.""",
        ),
    ),
    examples=(
        good(
            """
title: Appel à candidatures
"""
        ),
    ),
    core=True,
)

UNUSED = Rule(
    code="FL002",
    name="unused-suppression",
    default_severity=Severity.INFO,
    summary=Text(
        en="An inline `frontlint: disable` comment suppresses nothing.",
        fr="Un commentaire `frontlint: disable` ne supprime rien.",
    ),
    messages={
        "FL002": Text(
            en="unused suppression `{kind}={codes}`: nothing to suppress",
            fr="suppression inutile `{kind}={codes}` : rien à supprimer",
        ),
        "FL002.config": Text(
            en="unused ignore in `{config}`: `{code}` at `{field}` of `{glob}` ignores nothing",
            fr="exception inutile dans `{config}` : `{code}` sur `{field}` de `{glob}` "
            "n’ignore rien",
        ),
    },
    doc=Doc(
        what=Text(
            en="""every `# frontlint: disable=…`, `disable-next-line=…` and `disable-file=…`
comment (and `<!-- frontlint: disable=… -->` in the body) suppressed at least one diagnostic,
and every entry of `[per-field-ignores]` ignored one in the pages its glob matches (reported at
the entry, in the configuration file, when every page the glob matches was checked).""",
            fr="""chaque commentaire `# frontlint: disable=…`, `disable-next-line=…` et
`disable-file=…` (et `<!-- frontlint: disable=… -->` dans le corps) a supprimé au moins un
diagnostic, et que chaque entrée de `[per-field-ignores]` en a ignoré un dans les pages que son
motif désigne (signalé à l’entrée, dans le fichier de configuration, quand toutes les pages que
le motif désigne ont été vérifiées).""",
        ),
        why=Text(
            en="a stale suppression hides the next real problem of the same kind on that line.",
            fr=(
                "une suppression périmée cache le prochain vrai problème du même genre "
                "sur la ligne."
            ),
        ),
        fix=Text(
            en="remove the comment (or the entry), or the codes it no longer needs.",
            fr="retirer le commentaire (ou l’entrée), ou les codes dont il n’a plus besoin.",
        ),
    ),
    examples=(
        bad(
            """
title: Appel à candidatures   # frontlint: disable=TY002
"""
        ),
        good(
            """
title: Appel à candidatures
"""
        ),
    ),
    core=True,
)

SYNTAX = Rule(
    code="FM001",
    name="front-matter-syntax",
    default_severity=Severity.ERROR,
    summary=Text(
        en="The front matter is not valid YAML (or TOML, or JSON).",
        fr="L’en-tête n’est pas du YAML (ou TOML, ou JSON) valide.",
    ),
    messages={
        "FM001.yaml": Text(
            en="invalid YAML: {detail}",
            fr="YAML invalide : {detail}",
        ),
        "FM001.json": Text(
            en="invalid JSON front matter: {detail}",
            fr="en-tête JSON invalide : {detail}",
        ),
        "FM001.toml": Text(
            en="invalid TOML front matter: {detail}",
            fr="en-tête TOML invalide : {detail}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that the front matter parses. The position is the parser's: the first
place where the text stops making sense, which can be just after the real mistake.""",
            fr="""que l’en-tête se lit. La position est celle de l’analyseur : le premier
endroit où le texte cesse d’avoir un sens, parfois juste après la vraie erreur.""",
        ),
        why=Text(
            en=(
                "the site generator refuses the page, or silently publishes it without "
                "its metadata."
            ),
            fr="le générateur refuse la page, ou la publie sans ses métadonnées.",
        ),
        fix=Text(
            en="""correct the text at the reported position; quote values that contain `: ` or start
with `[`, `{`, `*`, `&`, `!`, `%`, `@` or a backquote.""",
            fr="""corriger le texte à la position indiquée ; mettre entre guillemets les valeurs qui
contiennent `: ` ou commencent par `[`, `{`, `*`, `&`, `!`, `%`, `@` ou un accent grave.""",
        ),
    ),
    examples=(
        bad(
            """
title: Sprint 3: dates
"""
        ),
        good(
            """
title: "Sprint 3: dates"
"""
        ),
    ),
    core=True,
)

DUPLICATE_KEY = Rule(
    code="FM002",
    name="duplicate-key",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A key appears twice in the same mapping.",
        fr="Une clé apparaît deux fois dans le même dictionnaire.",
    ),
    messages={
        "FM002": Text(
            en="duplicate key `{key}` (first defined at line {line})",
            fr="clé `{key}` en double (déjà définie ligne {line})",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that no mapping repeats a key. Reported at the second occurrence,
with the line of the first.""",
            fr="""qu’aucun dictionnaire ne répète une clé. Signalé à la seconde
occurrence, avec la ligne de la première.""",
        ),
        why=Text(
            en="""generators keep one of the two values (which one depends on the tool) or refuse
the
page; either way one of the two edits is lost.""",
            fr="""les générateurs gardent l’une des deux valeurs (laquelle dépend de l’outil) ou
refusent la page ; dans tous les cas une des deux modifications est perdue.""",
        ),
        fix=Text(
            en="keep one of the two keys.",
            fr="ne garder qu’une des deux clés.",
        ),
    ),
    examples=(
        bad(
            """
title: Appel à candidatures
title: Postuler
"""
        ),
        good(
            """
title: Appel à candidatures
"""
        ),
    ),
    core=True,
)

UNCLOSED = Rule(
    code="FM003",
    name="unclosed-front-matter",
    default_severity=Severity.ERROR,
    summary=Text(
        en="The front matter is opened with `---` (or `+++`) but never closed.",
        fr="L’en-tête est ouvert par `---` (ou `+++`) mais jamais fermé.",
    ),
    messages={
        "FM003": Text(
            en="front matter opened with `{delimiter}` is never closed",
            fr="l’en-tête ouvert par `{delimiter}` n’est jamais fermé",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that a file opening front matter with `---` (`+++` for TOML) has a
closing line `---` or `...` (`+++`).""",
            fr="""qu’un fichier qui ouvre un en-tête par `---` (`+++` en TOML) a une ligne
de fermeture `---` ou `...` (`+++`).""",
        ),
        why=Text(
            en="the whole file is then read as front matter, or the page is published as raw text.",
            fr="tout le fichier est alors lu comme en-tête, ou la page est publiée en texte brut.",
        ),
        fix=Text(
            en="add the closing line after the last key.",
            fr="ajouter la ligne de fermeture après la dernière clé.",
        ),
    ),
    examples=(
        Example("bad", "---\ntitle: Contact\nLe texte de la page…\n"),
        good("title: Contact", "Le texte de la page…\n"),
    ),
    core=True,
)

NOT_MAPPING = Rule(
    code="FM004",
    name="front-matter-not-mapping",
    default_severity=Severity.ERROR,
    summary=Text(
        en="The front matter is not a mapping of keys to values.",
        fr="L’en-tête n’est pas une suite de clés et de valeurs.",
    ),
    messages={
        "FM004.list": Text(
            en="front matter must be a mapping of keys to values, not a list",
            fr="l’en-tête doit être une suite de clés et de valeurs, pas une liste",
        ),
        "FM004.value": Text(
            en="front matter must be a mapping of keys to values, not a single value",
            fr="l’en-tête doit être une suite de clés et de valeurs, pas une valeur isolée",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that the front matter is a set of `key: value` pairs, not a list or
a lone value.""",
            fr="""que l’en-tête est fait de paires `clé: valeur`, pas d’une liste ni
d’une valeur isolée.""",
        ),
        why=Text(
            en="generators need named keys (title, layout…); anything else is rejected.",
            fr="les générateurs ont besoin de clés nommées (title, layout…) ; le reste est refusé.",
        ),
        fix=Text(
            en="remove the leading `- ` or rewrite the block as keys and values.",
            fr="retirer le `- ` initial ou réécrire le bloc en clés et valeurs.",
        ),
    ),
    examples=(
        bad(
            """
- title: Contact
"""
        ),
        good(
            """
title: Contact
"""
        ),
    ),
    core=True,
)

ENCODING = Rule(
    code="FM005",
    name="invalid-encoding",
    default_severity=Severity.ERROR,
    summary=Text(
        en="The file is binary, or not encoded in UTF-8.",
        fr="Le fichier est binaire, ou n’est pas encodé en UTF-8.",
    ),
    messages={
        "FM005.binary": Text(
            en="binary file: a page must be UTF-8 text",
            fr="fichier binaire : une page doit être du texte UTF-8",
        ),
        "FM005.utf16": Text(
            en="file is encoded in UTF-16: save it as UTF-8",
            fr="fichier encodé en UTF-16 : enregistrez-le en UTF-8",
        ),
        "FM005.utf8": Text(
            en="byte {byte} is not valid UTF-8: save the file as UTF-8",
            fr="l’octet {byte} n’est pas de l’UTF-8 valide : enregistrez le fichier en UTF-8",
        ),
    },
    doc=Doc(
        what=Text(
            en="that a page is UTF-8 text (a BOM is accepted).",
            fr="qu’une page est du texte UTF-8 (un BOM est accepté).",
        ),
        why=Text(
            en="""generators read pages as UTF-8; other encodings turn accented letters into garbage
(`Ã©` for `é`) on the published page.""",
            fr="""les générateurs lisent les pages en UTF-8 ; un autre encodage transforme les
lettres
accentuées en charabia (`Ã©` pour `é`) sur la page publiée.""",
        ),
        fix=Text(
            en="re-save the file as UTF-8; the position is the first byte that is not UTF-8.",
            fr="""réenregistrer le fichier en UTF-8 ; la position est celle du premier octet
qui n’est pas de l’UTF-8.""",
        ),
    ),
    examples=(
        # An image saved under a page's name: its header holds NUL bytes.
        Example("bad", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        good(
            """
title: Appel à candidatures
"""
        ),
    ),
    core=True,
)

UNREADABLE = Rule(
    code="FM006",
    name="unreadable-file",
    default_severity=Severity.ERROR,
    summary=Text(
        en="The file cannot be read.",
        fr="Le fichier ne peut pas être lu.",
    ),
    messages={
        "FM006": Text(
            en="cannot read file: {reason}",
            fr="impossible de lire le fichier : {reason}",
        ),
        "FM006.outside": Text(
            en="symbolic link pointing outside the checked folder: not followed",
            fr="lien symbolique qui pointe hors du dossier vérifié : non suivi",
        ),
        "FM006.loop": Text(
            en="symbolic link loop: not followed",
            fr="boucle de liens symboliques : non suivie",
        ),
        "FM006.special": Text(
            en="not a regular file (a pipe, a device, a socket…): not read",
            fr="pas un fichier ordinaire (tube, périphérique, socket…) : non lu",
        ),
        "FM006.folder": Text(
            en="cannot read folder: {reason}",
            fr="impossible de lire le dossier : {reason}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that frontlint can open and read the file, and list every folder it walks. Only
regular files are read: a symbolic link that points outside the checked folder (or loops) is not
followed, and a pipe or a device is not read.""",
            fr="""que frontlint peut ouvrir et lire le fichier, et lister chaque dossier qu’il
parcourt. Seuls les fichiers ordinaires sont lus : un lien symbolique qui pointe hors du dossier
vérifié (ou qui boucle) n’est pas suivi, un tube ou un périphérique n’est pas lu.""",
        ),
        why=Text(
            en="""what frontlint cannot read, it cannot check; the generator probably cannot either.
A link out of the folder would let a proposed page make frontlint read, and quote, any file of the
machine that runs it; a pipe or a device would never end.""",
            fr="""ce que frontlint ne peut pas lire, il ne peut pas le vérifier ; le générateur
non plus, probablement. Un lien hors du dossier permettrait à une page proposée de faire lire, et
citer, à frontlint n’importe quel fichier de la machine qui l’exécute ; un tube ou un périphérique
ne finirait jamais.""",
        ),
        fix=Text(
            en="""fix the permissions or the link; copy into the checked folder what a link
points to.""",
            fr="""corriger les droits ou le lien ; copier dans le dossier vérifié ce vers quoi
pointe un lien.""",
        ),
    ),
    examples=(
        good(
            """
title: Contact
"""
        ),
    ),
    core=True,
)

SITE_CONFIG = Rule(
    code="FM011",
    name="site-configuration",
    default_severity=Severity.WARNING,
    summary=Text(
        en="The site's configuration (hugo.toml, _config.yml…) cannot be read, or a value of it "
        "cannot be used.",
        fr="La configuration du site (hugo.toml, _config.yml…) ne peut pas être lue, ou une de "
        "ses valeurs ne peut pas servir.",
    ),
    messages={
        "FM011.outside": Text(
            en="the site's configuration is a link out of the site's folder: not read",
            fr="la configuration du site est un lien hors du dossier du site : non lue",
        ),
        "FM011.unreadable": Text(
            en=(
                "the site's configuration cannot be read (not a regular UTF-8 file of at most "
                "1 MiB)"
            ),
            fr=(
                "la configuration du site ne peut pas être lue (pas un fichier ordinaire en UTF-8 "
                "d’au plus 1 Mio)"
            ),
        ),
        "FM011.invalid": Text(
            en="the site's configuration is not valid TOML, YAML or JSON",
            fr="la configuration du site n’est pas du TOML, du YAML ou du JSON valide",
        ),
        "FM011.not-mapping": Text(
            en="the site's configuration is not a mapping of settings",
            fr="la configuration du site n’est pas une table de réglages",
        ),
        "FM011.cms": Text(
            en="the CMS configuration: {detail}",
            fr="la configuration du CMS : {detail}",
        ),
        "FM011.folder": Text(
            en="the setting `{key}` leads out of the site's folder: ignored (its default is used)",
            fr=(
                "le réglage `{key}` mène hors du dossier du site : ignoré (sa valeur par défaut "
                "s’applique)"
            ),
        ),
    },
    doc=Doc(
        what=Text(
            en="""the generator's configuration that frontlint reads to know the site (which
files are pages, their URLs and languages): it must be a regular file inside the site's folder,
valid TOML, YAML or JSON, and its folder settings (`contentDir`, `staticDir`, `theme`,
`collections_dir`…) must stay inside the site. While it holds a problem, the site's internal
links are not checked (LK009, LK010): their URLs cannot be known.""",
            fr="""la configuration du générateur que lit frontlint pour connaître le site
(quels fichiers sont des pages, leurs adresses et leurs langues) : un fichier ordinaire dans le
dossier du site, en TOML, YAML ou JSON valide, dont les réglages de dossiers (`contentDir`,
`staticDir`, `theme`, `collections_dir`…) restent dans le site. Tant qu’elle a un problème, les
liens internes du site ne sont pas vérifiés (LK009, LK010) : leurs adresses ne peuvent pas être
connues.""",
        ),
        why=Text(
            en="""a configuration the generator cannot read breaks the build; one that points
out of the site would make frontlint read files of the machine that runs it.""",
            fr="""une configuration que le générateur ne peut pas lire casse la construction du
site ; une configuration qui pointe hors du site ferait lire à frontlint des fichiers de la
machine qui l’exécute.""",
        ),
        fix=Text(
            en="correct the file, or the setting the message names.",
            fr="corriger le fichier, ou le réglage que nomme le message.",
        ),
    ),
    examples=(
        good(
            """
title: Accueil
"""
        ),
    ),
    core=True,
)

EMPTY = Rule(
    code="FM007",
    name="empty-file",
    default_severity=Severity.WARNING,
    summary=Text(
        en="The page file is empty.",
        fr="Le fichier de la page est vide.",
    ),
    messages={
        "FM007": Text(
            en="empty file",
            fr="fichier vide",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that a page file is not empty (or only blank). An empty `_index.md` is
allowed: for Hugo, it declares a section.""",
            fr="""qu’un fichier de page n’est pas vide (ni seulement blanc). Un
`_index.md` vide est permis : pour Hugo, il déclare une section.""",
        ),
        why=Text(
            en="an empty page is published as a blank page with a URL, or breaks a list template.",
            fr="""une page vide est publiée comme une page blanche avec une adresse, ou casse un
gabarit de liste.""",
        ),
        fix=Text(
            en="fill the page, or delete the file.",
            fr="remplir la page, ou supprimer le fichier.",
        ),
    ),
    examples=(
        Example("bad", ""),
        good(
            """
title: Contact
"""
        ),
    ),
    core=True,
)

UNSAFE_TAG = Rule(
    code="FM008",
    name="unsupported-tag",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A YAML tag asks for a language-specific object (`!!python/object`, `!custom`).",
        fr="Une étiquette YAML demande un objet propre à un langage (`!!python/object`…).",
    ),
    messages={
        "FM008": Text(
            en="tag `{tag}` is not allowed: it is ignored and the value read as plain text",
            fr=(
                "l’étiquette `{tag}` n’est pas autorisée : elle est ignorée, la valeur "
                "lue comme du texte"
            ),
        ),
    },
    doc=Doc(
        what=Text(
            en="""that values carry only the standard YAML tags (`!!str`, `!!int`,
`!!float`, `!!bool`, `!!null`, `!!timestamp`, `!!map`, `!!seq`…). Other tags are refused, never
constructed: frontlint reads the value as if it had no tag.""",
            fr="""que les valeurs ne portent que les étiquettes YAML standard (`!!str`,
`!!int`, `!!float`, `!!bool`, `!!null`, `!!timestamp`, `!!map`, `!!seq`…). Les autres sont
refusées, jamais construites : frontlint lit la valeur comme si elle n’avait pas d’étiquette.""",
        ),
        why=Text(
            en=(
                "such tags are a way to run code in tools that construct them, and "
                "generators reject them."
            ),
            fr="""ces étiquettes permettent d’exécuter du code dans les outils qui les construisent,
et les générateurs les refusent.""",
        ),
        fix=Text(
            en="remove the tag.",
            fr="retirer l’étiquette.",
        ),
    ),
    examples=(
        bad(
            """
title: !!python/object/apply:os.system ["rm -rf /"]
"""
        ),
        good(
            """
title: Contact
"""
        ),
    ),
    core=True,
)

TOO_COMPLEX = Rule(
    code="FM009",
    name="front-matter-too-complex",
    default_severity=Severity.ERROR,
    summary=Text(
        en="The front matter is too large, too deeply nested, or its aliases expand too much.",
        fr="L’en-tête est trop gros, trop imbriqué, ou ses alias se développent trop.",
    ),
    messages={
        "FM009.size": Text(
            en="file is too large to check ({size} bytes)",
            fr="fichier trop volumineux pour être vérifié ({size} octets)",
        ),
        "FM009.depth": Text(
            en="front matter is nested too deeply to check",
            fr="l’en-tête est trop profondément imbriqué pour être vérifié",
        ),
        "FM009.aliases": Text(
            en="aliases expand to too many values: document refused",
            fr="les alias se développent en trop de valeurs : document refusé",
        ),
        "FM009.values": Text(
            en="front matter has too many values to check (more than {limit})",
            fr="l’en-tête a trop de valeurs pour être vérifié (plus de {limit})",
        ),
        "FM009.number": Text(
            en="number too large to check (more than {limit} digits)",
            fr="nombre trop grand pour être vérifié (plus de {limit} chiffres)",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that a file is at most 10 MiB, that its front matter nests at most
64 levels deep, holds at most 20,000 values (keys not counted) and has no integer of more than
640 digits, and that its YAML aliases (`*name`) expand to at most 100,000 values.""",
            fr="""qu’un fichier fait au plus 10 Mio, que son en-tête s’imbrique sur au plus
64 niveaux, contient au plus 20 000 valeurs (clés non comptées) et aucun nombre entier de plus
de 640 chiffres, et que ses alias YAML (`*nom`) se développent en au plus 100 000 valeurs.""",
        ),
        why=Text(
            en="""a few lines of aliases can stand for billions of values ("billion laughs") and
exhaust the memory of every tool that reads the page; deep nesting overflows the parsers and
validators that recurse; a huge integer defeats Python's number conversions, and every value
costs every check its time. No real page comes close to these limits.""",
            fr="""quelques lignes d’alias peuvent représenter des milliards de valeurs (« billion
laughs ») et épuiser la mémoire de tous les outils qui lisent la page ; une imbrication profonde
fait déborder les analyseurs et les validateurs récursifs ; un nombre entier immense met en échec
les conversions de Python, et chaque valeur coûte du temps à chaque vérification. Aucune vraie
page n’approche ces limites.""",
        ),
        fix=Text(
            en="write the values out; split huge files.",
            fr="écrire les valeurs en clair ; découper les fichiers énormes.",
        ),
    ),
    examples=(
        bad(
            """
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
"""
        ),
        good(
            """
title: Appel à candidatures
contact: &contact https://www.eig.numerique.gouv.fr/contact
footer:
  link: *contact
"""
        ),
    ),
    core=True,
)

COMPLEX_KEY = Rule(
    code="FM010",
    name="invalid-key",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A key is a list or a mapping instead of a plain name.",
        fr="Une clé est une liste ou un dictionnaire au lieu d’un nom simple.",
    ),
    messages={
        "FM010": Text(
            en="a key must be a plain name, not a list or a mapping",
            fr="une clé doit être un nom simple, pas une liste ni un dictionnaire",
        ),
    },
    doc=Doc(
        what=Text(
            en="that every key of a mapping is a plain value.",
            fr="que chaque clé d’un dictionnaire est une valeur simple.",
        ),
        why=Text(
            en=(
                "front matter keys are field names; generators and JSON cannot use a "
                "list as a name."
            ),
            fr="""les clés de l’en-tête sont des noms de champs ; ni les générateurs ni JSON ne
peuvent utiliser une liste comme nom.""",
        ),
        fix=Text(
            en="use a plain name as the key.",
            fr="utiliser un nom simple comme clé.",
        ),
    ),
    examples=(
        bad(
            """
? [title, subtitle]
: Contact
"""
        ),
        good(
            """
title: Contact
"""
        ),
    ),
    core=True,
)

MISSING = Rule(
    code="SC001",
    name="missing-key",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A key that the page's schema requires is missing.",
        fr="Une clé exigée par le schéma de la page est absente.",
    ),
    messages={
        "SC001": Text(
            en="missing required key `{key}`",
            fr="clé obligatoire `{key}` absente",
        ),
        "SC001.title": Text(
            en="missing required key `{key}` ({title})",
            fr="clé obligatoire `{key}` absente ({title})",
        ),
        "SC001.dependent": Text(
            en="missing key `{key}`, required when `{trigger}` is present",
            fr="clé `{key}` absente, obligatoire quand `{trigger}` est présente",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that every key the schema lists as `required` is present. Reported at
the key of the mapping that lacks it (at the first line for a top-level key); a key required
by another one (`dependentRequired`, `dependentSchemas`) at the key that requires it.""",
            fr="""que chaque clé que le schéma déclare `required` est présente. Signalé
sur la clé du dictionnaire auquel elle manque (sur la première ligne pour une clé de premier
niveau) ; une clé qu’une autre exige (`dependentRequired`, `dependentSchemas`), sur la clé qui
l’exige.""",
        ),
        why=Text(
            en="the template renders an empty block, or fails, where the value should be.",
            fr="le gabarit affiche un bloc vide, ou échoue, là où la valeur devait être.",
        ),
        fix=Text(
            en="add the key with its value.",
            fr="ajouter la clé avec sa valeur.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
join:
  title: Retrouvez-nous sur les réseaux
"""
        ),
        good(
            """
title: Appel à candidatures
layout: apply
callout:
  title: Comment candidater ?
  desc: "[Déposez votre dossier](https://www.demarches-simplifiees.fr/commencer/aac-eig7)"
how:
  title: 3 étapes
  desc: Lisez le règlement, puis la FAQ, et déposez votre dossier.
steps:
  title: Calendrier
  dates:
    - date: Sprint n° 5 (septembre-octobre 2025)
      desc: Dépôt des dossiers du 18 septembre au 5 octobre 2025
questions: Une question ? [Contactez l'équipe](https://www.eig.numerique.gouv.fr/contact).
join:
  image: /img/eig6-1500x500.jpeg
  title: Retrouvez-nous sur les réseaux
  desc: Suivez-nous sur LinkedIn !
  link: https://www.linkedin.com/company/eigforever/
"""
        ),
    ),
    core=True,
)

UNKNOWN = Rule(
    code="SC002",
    name="unknown-key",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A key that the page's schema does not allow (often a misspelling).",
        fr="Une clé que le schéma de la page ne permet pas (souvent une faute de frappe).",
    ),
    messages={
        "SC002": Text(
            en="unknown key `{key}`",
            fr="clé inconnue `{key}`",
        ),
        "SC002.suggest": Text(
            en="unknown key `{key}`; did you mean `{suggestion}`?",
            fr="clé inconnue `{key}` ; vouliez-vous dire `{suggestion}` ?",
        ),
        "SC002.forbidden": Text(
            en="key `{key}` is not allowed here",
            fr="clé `{key}` non permise ici",
        ),
        "SC002.unevaluated": Text(
            en="key `{key}` is not declared, and its value does not fit what the schema allows "
            "for other keys",
            fr="clé `{key}` non déclarée, et sa valeur ne convient pas à ce que le schéma permet "
            "pour les autres clés",
        ),
        "SC002.name": Text(
            en="key `{key}` does not have a name the schema allows (`propertyNames`)",
            fr="le nom de la clé `{key}` n’est pas permis par le schéma (`propertyNames`)",
        ),
        "SC002.name-pattern": Text(
            en="key `{key}` does not have the expected form `{pattern}`",
            fr="la clé `{key}` n’a pas la forme attendue `{pattern}`",
        ),
        "SC002.name-hint": Text(
            en="key `{key}`: {hint}",
            fr="clé `{key}` : {hint}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that every key is one the schema knows (`additionalProperties: false`,
`unevaluatedProperties`), with a suggestion when a known key is close; also a key the schema
forbids (`false`) and a key whose name `propertyNames` refuses.""",
            fr="""que chaque clé est connue du schéma (`additionalProperties: false`,
`unevaluatedProperties`), avec une suggestion quand une clé connue est proche ; aussi une clé
que le schéma interdit (`false`) et une clé dont `propertyNames` refuse le nom.""",
        ),
        why=Text(
            en="a misspelt key is ignored by the template: the value the editor typed never shows.",
            fr="""une clé mal orthographiée est ignorée par le gabarit : la valeur saisie ne
s’affiche jamais.""",
        ),
        fix=Text(
            en="correct the spelling, or remove the key.",
            fr="corriger l’orthographe, ou retirer la clé.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
titel: Appel à candidatures
"""
        ),
        good(
            """
layout: apply
title: Appel à candidatures
"""
        ),
    ),
    core=True,
    fixable="unsafe",
)

WRONG_TYPE = Rule(
    code="SC003",
    name="wrong-type",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A value is of the wrong kind (text, number, list, mapping…).",
        fr="Une valeur n’est pas du bon type (texte, nombre, liste, dictionnaire…).",
    ),
    messages={
        "SC003": Text(
            en="expected {expected}, found {found} `{value}`",
            fr="attendu : {expected} ; trouvé : {found} `{value}`",
        ),
        "SC003.null": Text(
            en="expected {expected}, found an empty value",
            fr="attendu : {expected} ; trouvé : une valeur vide",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the `type` the schema gives each value. An empty value (`title:`) is
`null`.""",
            fr="""le `type` que le schéma donne à chaque valeur. Une valeur vide
(`title:`) vaut `null`.""",
        ),
        why=Text(
            en="a template that expects a list of sprints and gets a text breaks the page.",
            fr="un gabarit qui attend une liste de sprints et reçoit un texte casse la page.",
        ),
        fix=Text(
            en="write the value in the expected form.",
            fr="écrire la valeur sous la forme attendue.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
steps:
  dates: Sprint n° 1
"""
        ),
        good(
            """
layout: apply
steps:
  dates:
    - date: Sprint n° 1 (février-mars 2024)
      desc: Dépôt des dossiers du 29 janvier au 1er mars 2024
"""
        ),
    ),
    supersedes=("content",),
    core=True,
)

BAD_FORMAT = Rule(
    code="SC004",
    name="invalid-format",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A value does not have the format its schema requires (URL, date, e-mail…).",
        fr="Une valeur n’a pas le format exigé par son schéma (URL, date, courriel…).",
    ),
    messages={
        "SC004": Text(
            en="`{value}` is not a valid {format}",
            fr="`{value}` n’est pas un(e) {format} valide",
        ),
        "SC004.hint": Text(
            en="`{value}`: {hint}",
            fr="`{value}` : {hint}",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the schema's `format` (`uri`, `uri-reference`, `date`, `date-time`,
`email`, `hostname`…), checked for real.""",
            fr="""le `format` du schéma (`uri`, `uri-reference`, `date`, `date-time`,
`email`, `hostname`…), réellement contrôlé.""",
        ),
        why=Text(
            en="a malformed link or date breaks the page or sends readers nowhere.",
            fr=(
                "un lien ou une date mal formés cassent la page ou n’envoient le "
                "lecteur nulle part."
            ),
        ),
        fix=Text(
            en="correct the value.",
            fr="corriger la valeur.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
join:
  link: htps//www.linkedin.com/company/eigforever/
"""
        ),
        good(
            """
layout: apply
join:
  link: https://www.linkedin.com/company/eigforever/
"""
        ),
    ),
    supersedes=("content",),
    core=True,
)

EMPTY_VALUE = Rule(
    code="SC005",
    name="empty-value",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A text value that must not be empty is empty.",
        fr="Un texte qui ne doit pas être vide est vide.",
    ),
    messages={
        "SC005": Text(
            en="must not be empty",
            fr="ne doit pas être vide",
        ),
        "SC005.min": Text(
            en="must be at least {minimum} characters long (found {length})",
            fr="doit faire au moins {minimum} caractères (trouvé : {length})",
        ),
    },
    doc=Doc(
        what=Text(
            en="`minLength: 1` (and other minimum lengths) of text values.",
            fr="`minLength: 1` (et les autres longueurs minimales) des textes.",
        ),
        why=Text(
            en="an empty title or description shows as a hole on the page.",
            fr="un titre ou une description vides laissent un trou dans la page.",
        ),
        fix=Text(
            en="write the text, or remove the key if it is optional.",
            fr="écrire le texte, ou retirer la clé si elle est facultative.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
title: ""
"""
        ),
        good(
            """
layout: apply
title: Appel à candidatures
"""
        ),
    ),
    supersedes=("content",),
    core=True,
)

BAD_VALUE = Rule(
    code="SC006",
    name="invalid-value",
    default_severity=Severity.ERROR,
    summary=Text(
        en="A value breaks another constraint of its schema (pattern, allowed values, bounds…).",
        fr="Une valeur enfreint une autre contrainte du schéma (motif, valeurs permises…).",
    ),
    messages={
        "SC006": Text(
            en="{detail}",
            fr="{detail}",
        ),
        "SC006.pattern": Text(
            en="`{value}` does not match the expected form `{pattern}`",
            fr="`{value}` n’a pas la forme attendue `{pattern}`",
        ),
        "SC006.hint": Text(
            en="`{value}`: {hint}",
            fr="`{value}` : {hint}",
        ),
        "SC006.enum": Text(
            en="`{value}` is not one of the {count} allowed values: {allowed}",
            fr="`{value}` ne fait pas partie des {count} valeurs permises : {allowed}",
        ),
        "SC006.enum-many": Text(
            en="`{value}` is not one of the {count} allowed values (among them {allowed})",
            fr="`{value}` ne fait pas partie des {count} valeurs permises (dont {allowed})",
        ),
        "SC006.enum-suggest": Text(
            en="`{value}` is not one of the {count} allowed values; did you mean `{suggestion}`?",
            fr=(
                "`{value}` ne fait pas partie des {count} valeurs permises ; "
                "vouliez-vous dire `{suggestion}` ?"
            ),
        ),
        "SC006.const": Text(
            en="expected `{expected}`, found `{value}`",
            fr="attendu : `{expected}` ; trouvé : `{value}`",
        ),
        "SC006.min-items": Text(
            en="must have at least {minimum} item(s), found {count}",
            fr="doit contenir au moins {minimum} élément(s) ; trouvé : {count}",
        ),
        "SC006.max-items": Text(
            en="must have at most {maximum} item(s), found {count}",
            fr="doit contenir au plus {maximum} élément(s) ; trouvé : {count}",
        ),
        "SC006.extra-items": Text(
            en="must have at most {maximum} item(s) here, found {count}; the extra ones start "
            "at item {position}",
            fr="doit contenir au plus {maximum} élément(s) ici ; trouvé : {count} ; les éléments "
            "en trop commencent à l’élément {position}",
        ),
        "SC006.unevaluated-item": Text(
            en="item {position} is not allowed here",
            fr="l’élément {position} n’est pas permis ici",
        ),
        "SC006.unevaluated-items": Text(
            en="has items that the schema does not allow here (`unevaluatedItems`)",
            fr="contient des éléments que le schéma ne permet pas ici (`unevaluatedItems`)",
        ),
        "SC006.unique": Text(
            en="item {position} repeats item {first}",
            fr="l’élément {position} répète l’élément {first}",
        ),
        "SC006.contains": Text(
            en="must contain at least one item {what}",
            fr="doit contenir au moins un élément {what}",
        ),
        "SC006.min-contains": Text(
            en="must contain at least {minimum} items {what}",
            fr="doit contenir au moins {minimum} éléments {what}",
        ),
        "SC006.max-contains": Text(
            en="must contain at most {maximum} item(s) {what}",
            fr="doit contenir au plus {maximum} élément(s) {what}",
        ),
        "SC006.min-properties": Text(
            en="must have at least {minimum} key(s), found {count}",
            fr="doit contenir au moins {minimum} clé(s) ; trouvé : {count}",
        ),
        "SC006.max-properties": Text(
            en="must have at most {maximum} key(s), found {count}",
            fr="doit contenir au plus {maximum} clé(s) ; trouvé : {count}",
        ),
        "SC006.max-length": Text(
            en="must be at most {maximum} characters long (found {length})",
            fr="doit faire au plus {maximum} caractères (trouvé : {length})",
        ),
        "SC006.minimum": Text(
            en="must be at least {minimum}, found {value}",
            fr="doit valoir au moins {minimum} ; trouvé : {value}",
        ),
        "SC006.maximum": Text(
            en="must be at most {maximum}, found {value}",
            fr="doit valoir au plus {maximum} ; trouvé : {value}",
        ),
        "SC006.exclusive-minimum": Text(
            en="must be more than {minimum}, found {value}",
            fr="doit valoir plus de {minimum} ; trouvé : {value}",
        ),
        "SC006.exclusive-maximum": Text(
            en="must be less than {maximum}, found {value}",
            fr="doit valoir moins de {maximum} ; trouvé : {value}",
        ),
        "SC006.multiple-of": Text(
            en="must be a multiple of {factor}, found {value}",
            fr="doit être un multiple de {factor} ; trouvé : {value}",
        ),
        "SC006.not": Text(
            en="`{value}` is not allowed here",
            fr="`{value}` n’est pas permis ici",
        ),
        "SC006.one-of": Text(
            en="fits more than one of the forms the schema allows (`oneOf`); exactly one is "
            "expected",
            fr="correspond à plus d’une des formes que le schéma permet (`oneOf`) ; une seule "
            "est attendue",
        ),
        "SC006.false": Text(
            en="no value is allowed here",
            fr="aucune valeur n’est permise ici",
        ),
        "SC006.keyword": Text(
            en="does not satisfy the schema's `{keyword}`",
            fr="ne respecte pas le `{keyword}` du schéma",
        ),
    },
    doc=Doc(
        what=Text(
            en="""the remaining constraints of the schema: `pattern`, `enum` (the closest
allowed value and how many there are), `const`, `not`, bounds (`minimum`, `maxLength`,
`maxItems`, `maxProperties`…), `uniqueItems` (which item repeats which), `contains`, extra
items (`items: false`, `unevaluatedItems`), `oneOf`. The message says what was expected, items
counted from 1; a list or mapping is reported at its key, so the problems inside it are still
reported. A schema can give its own message with `errorMessage`: a text, or one per language
(`{"en": "…", "fr": "…"}`; English when the report's language is missing).""",
            fr="""les autres contraintes du schéma : `pattern`, `enum` (la valeur permise
la plus proche et leur nombre), `const`, `not`, les bornes (`minimum`, `maxLength`, `maxItems`,
`maxProperties`…), `uniqueItems` (quel élément en répète un autre), `contains`, les éléments en
trop (`items: false`, `unevaluatedItems`), `oneOf`. Le message dit ce qui était attendu, les
éléments comptés à partir de 1 ; une liste ou un dictionnaire est signalé sur sa clé, pour que
les problèmes de son contenu restent signalés. Un schéma peut donner son propre message avec
`errorMessage` : un texte, ou un par langue (`{"en": "…", "fr": "…"}` ; l’anglais quand la
langue du rapport manque).""",
        ),
        why=Text(
            en="the schema encodes what the template can display.",
            fr="le schéma décrit ce que le gabarit sait afficher.",
        ),
        fix=Text(
            en="change the value as the message says.",
            fr="modifier la valeur comme le message l’indique.",
        ),
    ),
    examples=(
        bad(
            """
layout: apply
join:
  link: http://www.linkedin.com/company/eigforever/
"""
        ),
        good(
            """
layout: apply
join:
  link: https://www.linkedin.com/company/eigforever/
"""
        ),
    ),
    supersedes=("content",),
    core=True,
)

SCHEMA_PROBLEM = Rule(
    code="SC007",
    name="schema-unusable",
    default_severity=Severity.ERROR,
    summary=Text(
        en="The page's schema cannot be found, read or used.",
        fr="Le schéma de la page est introuvable, illisible ou inutilisable.",
    ),
    messages={
        "SC007.declared": Text(
            en="schema `{value}` not found (a path relative to the page, or a bundled schema name)",
            fr="schéma `{value}` introuvable (chemin relatif à la page, ou nom d’un schéma fourni)",
        ),
        "SC007.remote": Text(
            en="schema `{value}` is remote: frontlint never fetches schemas; use a local path",
            fr=(
                "le schéma `{value}` est distant : frontlint ne télécharge jamais de "
                "schéma ; indiquez un chemin local"
            ),
        ),
        "SC007.unreadable": Text(
            en="cannot read schema `{schema}`: {detail}",
            fr="impossible de lire le schéma `{schema}` : {detail}",
        ),
        "SC007.json": Text(
            en="schema `{schema}` is not valid JSON: {detail}",
            fr="le schéma `{schema}` n’est pas du JSON valide : {detail}",
        ),
        "SC007.invalid": Text(
            en="schema `{schema}` is not a valid JSON Schema: {detail}",
            fr="le schéma `{schema}` n’est pas un JSON Schema valide : {detail}",
        ),
        "SC007.remote-ref": Text(
            en="schema `{schema}` refers to `{ref}`: remote references are never fetched",
            fr=(
                "le schéma `{schema}` renvoie à `{ref}` : les références distantes ne "
                "sont jamais téléchargées"
            ),
        ),
        "SC007.ref": Text(
            en="schema `{schema}`: cannot resolve reference `{ref}`",
            fr="schéma `{schema}` : impossible de résoudre la référence `{ref}`",
        ),
        "SC007.recursion": Text(
            en="schema `{schema}` recurses without end on this page",
            fr="le schéma `{schema}` boucle sans fin sur cette page",
        ),
        "SC007.absolute": Text(
            en=(
                "schema `{value}` is an absolute path: name a schema by its path from the page, "
                "inside the repository, or a bundled schema"
            ),
            fr=(
                "le schéma `{value}` est un chemin absolu : nommez un schéma par son chemin depuis "
                "la page, dans le dépôt, ou un schéma fourni"
            ),
        ),
        "SC007.layout": Text(
            en="no schema for the layout `{value}`: the page is not validated; did you mean "
            "`{suggestion}`?",
            fr="aucun schéma pour la mise en page `{value}` : la page n’est pas validée ; "
            "vouliez-vous dire `{suggestion}` ?",
        ),
        "SC007.outside": Text(
            en="schema `{value}` is outside the repository: not read",
            fr="le schéma `{value}` est hors du dépôt : non lu",
        ),
        "SC007.special": Text(
            en="schema `{schema}` is not a regular file (a pipe, a device…): not read",
            fr="le schéma `{schema}` n’est pas un fichier ordinaire (tube, périphérique…) : non lu",
        ),
        "SC007.too-large": Text(
            en="schema `{schema}` is larger than {limit} MiB ({size} bytes): not read",
            fr="le schéma `{schema}` dépasse {limit} Mio ({size} octets) : non lu",
        ),
        "SC007.ref-outside": Text(
            en="schema `{schema}` refers to `{ref}`, outside the repository: not read",
            fr="le schéma `{schema}` renvoie à `{ref}`, hors du dépôt : non lu",
        ),
        "SC007.ref-special": Text(
            en=(
                "schema `{schema}` refers to `{ref}`, which is not a regular file (a pipe, a "
                "device…): not read"
            ),
            fr=(
                "le schéma `{schema}` renvoie à `{ref}`, qui n’est pas un fichier ordinaire (tube, "
                "périphérique…) : non lu"
            ),
        ),
        "SC007.ref-too-large": Text(
            en=(
                "schema `{schema}` refers to `{ref}`, larger than {limit} MiB ({size} bytes): "
                "not read"
            ),
            fr=(
                "le schéma `{schema}` renvoie à `{ref}`, qui dépasse {limit} Mio ({size} "
                "octets) : non lu"
            ),
        ),
        "SC007.keyword": Text(
            en=(
                "schema `{schema}`: invalid `{keyword}` annotation at `{pointer}` (expected "
                "{expected}); it is ignored"
            ),
            fr=(
                "schéma `{schema}` : annotation `{keyword}` invalide en `{pointer}` (attendu : "
                "{expected}) ; elle est ignorée"
            ),
        ),
        "SC007.keyword-unknown-suggest": Text(
            en=(
                "schema `{schema}`: unknown annotation `{keyword}` at `{pointer}`; did you mean "
                "{known}? It is ignored"
            ),
            fr=(
                "schéma `{schema}` : annotation `{keyword}` inconnue en `{pointer}` ; "
                "vouliez-vous dire {known} ? Elle est ignorée"
            ),
        ),
        "SC007.keyword-unknown": Text(
            en=(
                "schema `{schema}`: unknown annotation `{keyword}` at `{pointer}` (frontlint knows "
                "{known}); it is ignored"
            ),
            fr=(
                "schéma `{schema}` : annotation `{keyword}` inconnue en `{pointer}` (frontlint "
                "connaît {known}) ; elle est ignorée"
            ),
        ),
        "SC007.slow": Text(
            en=(
                "schema `{schema}`: pattern `{what}` is too slow to evaluate on this value: "
                "not checked"
            ),
            fr=(
                "schéma `{schema}` : le motif `{what}` est trop lent à évaluer sur cette valeur : "
                "non vérifié"
            ),
        ),
        "SC007.no-time-limit": Text(
            en=(
                "schema `{schema}`: pattern `{what}` needs Python's regular expressions, which "
                "frontlint runs only with a time limit, not available here: not checked"
            ),
            fr=(
                "schéma `{schema}` : le motif `{what}` demande les expressions régulières de "
                "Python, que frontlint n’exécute qu’avec une limite de temps, indisponible ici : "
                "non vérifié"
            ),
        ),
        "SC007.bad-pattern": Text(
            en="schema `{schema}`: `{what}` is not a regular expression: not checked",
            fr="schéma `{schema}` : `{what}` n’est pas une expression régulière : non vérifié",
        ),
    },
    doc=Doc(
        what=Text(
            en="""that the schema named by `$schema` exists, and that a schema found for
the page is valid JSON and a valid JSON Schema whose `$ref` can be resolved locally (frontlint never
fetches a remote schema or reference). A page names a schema inside its repository, or a bundled
one; schemas and the files their `$ref` name are read only when they are regular files of at most
1 MiB inside the repository. Annotations of frontlint (`x-frontlint-…`) must have the shape it
knows. A `pattern` that is too slow to evaluate is reported, not waited for.""",
            fr="""que le schéma nommé par `$schema` existe, et que le schéma trouvé pour
la page est du JSON valide, un JSON Schema valide, et que ses `$ref` se résolvent localement
(frontlint ne télécharge jamais de schéma ni de référence distants). Une page nomme un schéma de
son dépôt, ou un schéma fourni ; un schéma et les fichiers que nomment ses `$ref` ne sont lus que
s’ils sont des fichiers ordinaires d’au plus 1 Mio dans le dépôt. Les annotations de frontlint
(`x-frontlint-…`) doivent avoir la forme qu’il connaît. Un motif (`pattern`) trop lent à évaluer
est signalé, pas attendu.""",
        ),
        why=Text(
            en="""without its schema, a page is not checked at all. A proposed page must not make
frontlint read, or quote, a file of the machine outside the repository, nor run forever.""",
            fr="""sans son schéma, une page n’est pas vérifiée du tout. Une page proposée ne doit
pas faire lire, ni citer, à frontlint un fichier de la machine hors du dépôt, ni le faire tourner
sans fin.""",
        ),
        fix=Text(
            en="correct the path, or the schema.",
            fr="corriger le chemin, ou le schéma.",
        ),
    ),
    examples=(
        bad(
            """
$schema: aply
title: Appel à candidatures
"""
        ),
        bad(
            """
$schema: https://www.eig.numerique.gouv.fr/schemas/apply.schema.json
title: Appel à candidatures
"""
        ),
        good(
            """
$schema: apply
title: Appel à candidatures
"""
        ),
    ),
    core=True,
)

RULES = (
    INTERNAL,
    UNUSED,
    SYNTAX,
    DUPLICATE_KEY,
    UNCLOSED,
    NOT_MAPPING,
    ENCODING,
    UNREADABLE,
    EMPTY,
    UNSAFE_TAG,
    TOO_COMPLEX,
    COMPLEX_KEY,
    SITE_CONFIG,
    MISSING,
    UNKNOWN,
    WRONG_TYPE,
    BAD_FORMAT,
    EMPTY_VALUE,
    BAD_VALUE,
    SCHEMA_PROBLEM,
)
