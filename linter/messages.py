"""The message catalogue: every diagnostic text in English and French, by key.

Keys are ``CODE`` or ``CODE.variant``; parameters are filled with ``str.format``. Texts that come
from outside (a YAML parser's explanation, a value found in the page) are passed as parameters and
shown as they are.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "fr")

CATALOGUE: dict[str, tuple[str, str]] = {
    # Reading files.
    "FM001.yaml": ("invalid YAML: {detail}", "YAML invalide : {detail}"),
    "FM001.json": ("invalid JSON front matter: {detail}", "en-tête JSON invalide : {detail}"),
    "FM001.toml": ("invalid TOML front matter: {detail}", "en-tête TOML invalide : {detail}"),
    "FM002": (
        "duplicate key `{key}` (first defined at line {line})",
        "clé `{key}` en double (déjà définie ligne {line})",
    ),
    "FM003": (
        "front matter opened with `{delimiter}` is never closed",
        "l’en-tête ouvert par `{delimiter}` n’est jamais fermé",
    ),
    "FM004.list": (
        "front matter must be a mapping of keys to values, not a list",
        "l’en-tête doit être une suite de clés et de valeurs, pas une liste",
    ),
    "FM004.value": (
        "front matter must be a mapping of keys to values, not a single value",
        "l’en-tête doit être une suite de clés et de valeurs, pas une valeur isolée",
    ),
    "FM005.binary": (
        "binary file: a page must be UTF-8 text",
        "fichier binaire : une page doit être du texte UTF-8",
    ),
    "FM005.utf16": (
        "file is encoded in UTF-16: save it as UTF-8",
        "fichier encodé en UTF-16 : enregistrez-le en UTF-8",
    ),
    "FM005.utf8": (
        "byte {byte} is not valid UTF-8: save the file as UTF-8",
        "l’octet {byte} n’est pas de l’UTF-8 valide : enregistrez le fichier en UTF-8",
    ),
    "FM006": ("cannot read file: {reason}", "impossible de lire le fichier : {reason}"),
    "FM007": ("empty file", "fichier vide"),
    "FM008": (
        "tag `{tag}` is not allowed: it is ignored and the value read as plain text",
        "l’étiquette `{tag}` n’est pas autorisée : elle est ignorée, la valeur lue comme du texte",
    ),
    "FM009.size": (
        "file is too large to check ({size} bytes)",
        "fichier trop volumineux pour être vérifié ({size} octets)",
    ),
    "FM009.depth": (
        "front matter is nested too deeply to check",
        "l’en-tête est trop profondément imbriqué pour être vérifié",
    ),
    "FM009.aliases": (
        "aliases expand to too many values: document refused",
        "les alias se développent en trop de valeurs : document refusé",
    ),
    "FM010": (
        "a key must be a plain name, not a list or a mapping",
        "une clé doit être un nom simple, pas une liste ni un dictionnaire",
    ),
    # Schemas. `path` (the JSON path of the value, e.g. steps.dates[2].desc) is shown first.
    "SC001": ("missing required key `{key}`", "clé obligatoire `{key}` absente"),
    "SC001.title": (
        "missing required key `{key}` ({title})",
        "clé obligatoire `{key}` absente ({title})",
    ),
    "SC002": ("unknown key `{key}`", "clé inconnue `{key}`"),
    "SC002.suggest": (
        "unknown key `{key}`; did you mean `{suggestion}`?",
        "clé inconnue `{key}` ; vouliez-vous dire `{suggestion}` ?",
    ),
    "SC003": (
        "expected {expected}, found {found} `{value}`",
        "attendu : {expected} ; trouvé : {found} `{value}`",
    ),
    "SC003.null": (
        "expected {expected}, found an empty value",
        "attendu : {expected} ; trouvé : une valeur vide",
    ),
    "SC004": ("`{value}` is not a valid {format}", "`{value}` n’est pas un(e) {format} valide"),
    "SC005": ("must not be empty", "ne doit pas être vide"),
    "SC005.min": (
        "must be at least {minimum} characters long (found {length})",
        "doit faire au moins {minimum} caractères (trouvé : {length})",
    ),
    "SC006": ("{detail}", "{detail}"),
    "SC006.pattern": (
        "`{value}` does not match the expected form `{pattern}`",
        "`{value}` n’a pas la forme attendue `{pattern}`",
    ),
    "SC006.hint": ("`{value}`: {hint}", "`{value}` : {hint}"),
    "SC006.enum": (
        "`{value}` is not one of {allowed}",
        "`{value}` ne fait pas partie des valeurs permises : {allowed}",
    ),
    "SC006.enum-suggest": (
        "`{value}` is not one of {allowed}; did you mean `{suggestion}`?",
        "`{value}` ne fait pas partie des valeurs permises : {allowed} ; "
        "vouliez-vous dire `{suggestion}` ?",
    ),
    "SC006.const": (
        "expected `{expected}`, found `{value}`",
        "attendu : `{expected}` ; trouvé : `{value}`",
    ),
    "SC006.min-items": (
        "must have at least {minimum} item(s), found {count}",
        "doit contenir au moins {minimum} élément(s) ; trouvé : {count}",
    ),
    "SC007.declared": (
        "schema `{value}` not found (a path relative to the page, or a bundled schema name)",
        "schéma `{value}` introuvable (chemin relatif à la page, ou nom d’un schéma fourni)",
    ),
    "SC007.remote": (
        "schema `{value}` is remote: frontlint never fetches schemas; use a local path",
        "le schéma `{value}` est distant : frontlint ne télécharge jamais de schéma ; "
        "indiquez un chemin local",
    ),
    "SC007.unreadable": (
        "cannot read schema `{schema}`: {detail}",
        "impossible de lire le schéma `{schema}` : {detail}",
    ),
    "SC007.json": (
        "schema `{schema}` is not valid JSON: {detail}",
        "le schéma `{schema}` n’est pas du JSON valide : {detail}",
    ),
    "SC007.invalid": (
        "schema `{schema}` is not a valid JSON Schema: {detail}",
        "le schéma `{schema}` n’est pas un JSON Schema valide : {detail}",
    ),
    "SC007.remote-ref": (
        "schema `{schema}` refers to `{ref}`: remote references are never fetched",
        "le schéma `{schema}` renvoie à `{ref}` : les références distantes ne sont jamais "
        "téléchargées",
    ),
    "SC007.ref": (
        "schema `{schema}`: cannot resolve reference `{ref}`",
        "schéma `{schema}` : impossible de résoudre la référence `{ref}`",
    ),
    "SC007.recursion": (
        "schema `{schema}` recurses without end on this page",
        "le schéma `{schema}` boucle sans fin sur cette page",
    ),
    # Links.
    "LK001.space": (
        "white space inside the URL `{url}`",
        "espace à l’intérieur de l’URL `{url}`",
    ),
    "LK001.brackets": (
        "unbalanced brackets or parentheses in the URL `{url}`",
        "crochets ou parenthèses déséquilibrés dans l’URL `{url}`",
    ),
    "LK001.glued": (
        "two URLs glued together in `{url}`",
        "deux URL collées l’une à l’autre dans `{url}`",
    ),
    "LK001.protocol-relative": (
        "`{url}` points to the host of that name; did you mean `{suggestion}`?",
        "`{url}` renvoie à l’hôte de ce nom ; vouliez-vous dire `{suggestion}` ?",
    ),
    "LK001.port": ("invalid port in the URL `{url}`", "port invalide dans l’URL `{url}`"),
    "LK001.no-host": ("no host in the URL `{url}`", "pas d’hôte dans l’URL `{url}`"),
    "LK001.host": (
        "invalid host `{host}` in the URL `{url}`",
        "hôte `{host}` invalide dans l’URL `{url}`",
    ),
    "LK002": ("empty link target `{url}`", "lien sans cible `{url}`"),
    "LK003.typo": (
        "misspelt scheme in `{url}`; did you mean `{suggestion}`?",
        "schéma mal écrit dans `{url}` ; vouliez-vous dire `{suggestion}` ?",
    ),
    "LK003.dangerous": (
        "dangerous scheme `{scheme}:` in a link",
        "schéma dangereux `{scheme}:` dans un lien",
    ),
    "LK003.missing": (
        "`{url}` lacks its scheme: write `https://{url}`",
        "il manque le schéma de `{url}` : écrire `https://{url}`",
    ),
    "LK003.unknown": ("unknown scheme `{scheme}:`", "schéma inconnu `{scheme}:`"),
    "LK004": (
        "insecure link `{url}`: use `{suggestion}`",
        "lien non sécurisé `{url}` : utiliser `{suggestion}`",
    ),
    "LK005": (
        "empty path segment (`//`) in `{url}`",
        "segment de chemin vide (`//`) dans `{url}`",
    ),
    "LK006": (
        "domain `{host}` looks like a typo; did you mean `{suggestion}`?",
        "le domaine `{host}` ressemble à une faute de frappe ; vouliez-vous dire `{suggestion}` ?",
    ),
    "LK007": (
        "page-relative path `{url}` breaks where this field is shown; use `{suggestion}`",
        "le chemin relatif `{url}` casse là où ce champ est affiché ; utiliser `{suggestion}`",
    ),
    "LK008.mailto": ("malformed e-mail link `{url}`", "lien de courriel mal formé `{url}`"),
    "LK008.tel": ("malformed phone link `{url}`", "lien de téléphone mal formé `{url}`"),
    # Placeholders.
    "PH001": ("placeholder text `{text}`", "texte provisoire `{text}`"),
    "PH001.period": (
        "placeholder text `{text}` for {period}: write the real content before it starts",
        "texte provisoire `{text}` pour {period} : écrire le vrai contenu avant son début",
    ),
    "PH002": (
        "stale placeholder `{text}`: {period} started on {start_date}",
        "texte provisoire périmé `{text}` : {period} a commencé le {start_date}",
    ),
    "PH003": (
        "same text as `{first}` (line {line}): a copy left unedited?",
        "même texte que `{first}` (ligne {line}) : une copie oubliée ?",
    ),
    # Typography.
    "TY001": ("write `{fixed}`, not `{text}`", "écrire `{fixed}`, pas `{text}`"),
    "TY001.first": (
        "write `{fixed}` (or `1re` if feminine), not `{text}`",
        "écrire `{fixed}` (ou `1re` au féminin), pas `{text}`",
    ),
    "TY002.leading": ("leading white space", "espace au début de la valeur"),
    "TY002.trailing": ("trailing white space", "espace à la fin de la valeur"),
    "TY003": (
        "write `{fixed}` with a non-breaking space, not `{text}`",
        "écrire `{fixed}` avec une espace insécable, pas `{text}`",
    ),
    # Dates.
    "DT001": ("write `{month}`, not `{word}`", "écrire `{month}`, pas `{word}`"),
    "DT002": (
        "{day} {month} {year} does not exist",
        "le {day} {month} {year} n’existe pas",
    ),
    "DT003.first": (
        "write `1er`, not `{text}`, for the first of a month",
        "écrire `1er`, pas `{text}`, pour le premier du mois",
    ),
    "DT003.zero": ("write `{fixed}`, not `{text}`", "écrire `{fixed}`, pas `{text}`"),
    "DT004": (
        "write `{month}` in lower case, not `{word}`",
        "écrire `{month}` en minuscules, pas `{word}`",
    ),
    "DT005": (
        "{date} was a {actual}, not a {weekday}",
        "le {date} était un {actual}, pas un {weekday}",
    ),
    "DT006": (
        "date range runs backwards: `{text}` ends on {last_date}, before it starts on {first_date}",
        "période à l’envers : `{text}` finit le {last_date}, avant de commencer le {first_date}",
    ),
    "DT006.month": (
        "date range runs backwards: `{text}` ends on {last_date}, before it starts on "
        "{first_date}; is the start's month missing?",
        "période à l’envers : `{text}` finit le {last_date}, avant de commencer le {first_date} ; "
        "manque-t-il le mois du début ?",
    ),
    "DT007": (
        "date range `{text}` starts and ends on the same day",
        "la période `{text}` commence et finit le même jour",
    ),
    "DT008": ("write `{fixed}`, not `{text}`", "écrire `{fixed}`, pas `{text}`"),
    "DT009": ("write `{fixed}`, not `{text}`", "écrire `{fixed}`, pas `{text}`"),
    # Sequences.
    "SQ001": (
        "number {number} where {expected} is expected in the sequence",
        "numéro {number} là où la suite attend {expected}",
    ),
    "SQ001.duplicate": (
        "number {number} again (already `{other}`)",
        "numéro {number} en double (déjà `{other}`)",
    ),
    "SQ002.before": (
        "starts on {start_date}, before `{other}` (from {other_date}): items out of order",
        "commence le {start_date}, avant `{other}` (à partir du {other_date}) : éléments dans le "
        "désordre",
    ),
    "SQ002.overlap": (
        "starts on {start_date}, before `{other}` ends ({other_date})",
        "commence le {start_date}, avant la fin de `{other}` ({other_date})",
    ),
    "SQ003": (
        "`{text}` starts before `{previous}` ends ({end_date})",
        "`{text}` commence avant la fin de `{previous}` ({end_date})",
    ),
    "SQ004": (
        "heading says `{period}` but the dates run from {start_date} to {end_date}",
        "l’intitulé annonce `{period}` mais les dates vont du {start_date} au {end_date}",
    ),
    "SQ005": (
        "`{text}` announced, but `{where}` has {count}",
        "`{text}` annoncés, mais `{where}` en compte {count}",
    ),
    "SQ006": (
        "keys not in the order of the first item ({order})",
        "clés dans un autre ordre que celles du premier élément ({order})",
    ),
    # Suppressions.
    "FL002": (
        "unused suppression `{kind}={codes}`: nothing to suppress",
        "suppression inutile `{kind}={codes}` : rien à supprimer",
    ),
    # Internal.
    "FL001": (
        "internal error in {where}: {detail} (please report this bug)",
        "erreur interne dans {where} : {detail} (merci de signaler ce bogue)",
    ),
}


_FRENCH_TYPES = {
    "string": "texte",
    "integer": "nombre entier",
    "number": "nombre",
    "boolean": "booléen",
    "array": "liste",
    "object": "dictionnaire",
    "null": "valeur vide",
}


_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def format_date(iso: str, lang: str) -> str:
    """`2024-06-01` -> `1 June 2024` / `1er juin 2024`."""
    year, month, day = (int(part) for part in iso.split("-"))
    if lang == "fr":
        return f"{'1er' if day == 1 else day} {_MONTHS_FR[month - 1]} {year}"
    return f"{day} {_MONTHS_EN[month - 1]} {year}"


def render(key: str, args: dict[str, Any], lang: str = "en") -> str:
    english, french = CATALOGUE[key]
    for name in [n for n in args if n.endswith("_date")]:
        args[name] = format_date(str(args[name]), lang)
    template = english
    if lang == "fr":
        template = french
        # JSON type names (SC003) are words of the message, not values: translate them.
        for name in ("expected", "found"):
            if name in args and key.startswith("SC003"):
                words = str(args[name]).split(" | ")
                args[name] = " | ".join(_FRENCH_TYPES.get(w, w) for w in words)
    text = template.format(**args)
    where = args.get("path")
    return f"{where}: {text}" if where else text
