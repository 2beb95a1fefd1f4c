"""The words users read that no rule's spec holds, in French too (which language: ``language``).

- **Parsers' explanations** (libyaml's fixed set of problem texts and the contexts it names,
  tomllib's and json's messages, our own reader's) are passed to messages as an ``Outside``
  text: its English is the parser's text exactly (JSON shows it as `parser_message`), its French
  a translation from the tables below, variable parts (quoted characters, keys, line numbers)
  kept. A text the tables do not know stays as it is, in both languages.
- **Command-line errors**: click's own texts by their gettext message ids (``CLICK_FR``), and the
  phrases of the configuration's and git's located errors (``usage_fr``).
- **The system's reasons** for refusing a file, by error number (``os_reason``).

Only words here, no decision: the modules that read pages import it.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable, Iterable
from typing import Any

from linter.records import record
from linter.spec import Text

LANG_ENV = "FRONTLINT_LANG"
MESSAGE_LANGUAGES = ("en", "fr")


@record
class Outside(Text):
    """A text from outside frontlint (a parser's explanation): ``en`` is exactly what the parser
    said, ``fr`` its translation (the same text when none is known)."""


# --- Click's own texts, by gettext message id.

CLICK_FR: dict[str, str] = {
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Essayez « {command} {option} » pour obtenir de l’aide.",
    "Usage:": "Utilisation :",
    "No such option {name!r}.": "Option {name!r} inconnue.",
    "Did you mean {possibility}?": "Vouliez-vous dire {possibility} ?",
    "(Did you mean one of: {possibilities}?)": "(Vouliez-vous dire l’une de : {possibilities} ?)",
    "No such command {name!r}.": "Commande {name!r} inconnue.",
    "Missing command.": "Commande manquante.",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing {param_type}": "{param_type} manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Could not open file {filename!r}: {message}": (
        "Impossible d’ouvrir le fichier {filename!r} : {message}"
    ),
    "unknown error": "erreur inconnue",
    "Got unexpected extra argument ({args})": "Argument en trop ({args})",
    "Got unexpected extra arguments ({args})": "Arguments en trop ({args})",
    "Option {name!r} does not take a value.": "L’option {name!r} ne prend pas de valeur.",
    "Option {name!r} requires an argument.": "L’option {name!r} demande une valeur.",
    "Option {name!r} requires {nargs} arguments.": "L’option {name!r} demande {nargs} valeurs.",
    "Argument {name!r} takes {nargs} values.": "L’argument {name!r} prend {nargs} valeurs.",
    "Invalid start character for option ({option})": (
        "Caractère initial invalide pour une option ({option})"
    ),
    "Takes {nargs} values but 1 was given.": "Prend {nargs} valeurs, mais 1 a été donnée.",
    "Takes {nargs} values but {len} were given.": (
        "Prend {nargs} valeurs, mais {len} ont été données."
    ),
    "Value must be an iterable.": "La valeur doit être une suite de valeurs.",
    "{value!r} is not {choice}.": "{value!r} n’est pas {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} n’est pas parmi {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} ne suit pas le format {format}.",
    "{value!r} does not match the formats {formats}.": (
        "{value!r} ne suit aucun des formats {formats}."
    ),
    "{value} is not in the range {range}.": "{value} n’est pas dans l’intervalle {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} n’est pas un nombre valide.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} n’est pas un booléen valide. Valeurs reconnues : {states}"
    ),
    # (`{name}`, "File", "Directory" or "Path", is translated when the option is declared,
    # before the language is known: the French leaves it out.)
    "{name} {filename!r} does not exist.": "{filename!r} introuvable.",
    "{name} {filename!r} is a file.": "{filename!r} est un fichier.",
    "{name} {filename!r} is a directory.": "{filename!r} est un dossier.",
    "{name} {filename!r} is not readable.": "{filename!r} : lecture non permise.",
    "{name} {filename!r} is not writable.": "{filename!r} : écriture non permise.",
    "{name} {filename!r} is not executable.": "{filename!r} : exécution non permise.",
    "Aborted!": "Interrompu !",
}
"""click's message ids (its `gettext` calls) and their French; ids click may add stay English."""

# --- Our own usage errors: the located errors of the configuration and git, phrase by phrase.

_KINDS_FR = {
    "a boolean": "un booléen",
    "a number": "un nombre",
    "a string": "un texte",
    "a list": "une liste",
    "a table": "une table",
}

_THING_FR = {"folder": "le dossier", "file": "le fichier"}

# (Patterns as text, compiled when first used: few runs translate an error, and compiling them
# all cost 2.5 ms of every start.)
_USAGE_FR: tuple[tuple[str, str | Callable[[re.Match[str]], str]], ...] = tuple(
    (pattern, replacement)
    for pattern, replacement in (
        (r"unknown key; did you mean `([^`]*)`\?", r"clé inconnue ; vouliez-vous dire `\1` ?"),
        (r"unknown key \(known keys: ([^()]*)\)", r"clé inconnue (clés connues : \1)"),
        (r"unknown key; it belongs to `([^`]*)`", r"clé inconnue ; elle appartient à `\1`"),
        (r"unknown key\b", "clé inconnue"),
        (
            r"unknown rule code or prefix `([^`]*)`; did you mean `([^`]*)`\?",
            r"code ou préfixe de règle inconnu `\1` ; vouliez-vous dire `\2` ?",
        ),
        (r"unknown rule code or prefix `([^`]*)`", r"code ou préfixe de règle inconnu `\1`"),
        (r"expected a list of strings", "liste de textes attendue"),
        # `[per-field-ignores]` (before `expected a table`, which its first phrase holds)
        (r"expected a table of codes", "table de codes attendue"),
        (
            r" \(codes for a whole file go in `\[per-file-ignores\]`\)",
            " (les codes d’un fichier entier vont dans `[per-file-ignores]`)",
        ),
        (
            r"`([^`]*)` is about a whole file, not a field: see `\[per-file-ignores\]`",
            r"`\1` porte sur un fichier entier, pas sur un champ : voir `[per-file-ignores]`",
        ),
        (r"bad field path `([^`]*)`: ", r"chemin de champ invalide `\1` : "),
        (r"\ban empty path\b", "un chemin vide"),
        (r"at character (\d+): ", r"au caractère \1 : "),
        (r"expected `\.` or `\[`", "`.` ou `[` attendu"),
        (r"expected `\[0\]`, `\[\*\]` or `\[\"key\"\]`", '`[0]`, `[*]` ou `["clé"]` attendu'),
        (r"expected a key; write such a key ", "clé attendue ; écrire une telle clé "),
        (r"expected a key\b", "clé attendue"),
        (r"not a JSON string", "pas un texte JSON"),
        (r"expected a table", "table attendue"),
        (r"expected a path", "chemin attendu"),
        (r"expected a folder", "dossier attendu"),
        (r"expected a file", "fichier attendu"),
        (r"expected an absolute http\(s\) URL", "URL http(s) absolue attendue"),
        (
            r"expected a language code such as `fr` or `en`",
            "code de langue attendu (comme `fr` ou `en`)",
        ),
        (r"expected true or false", "true ou false attendu"),
        (
            r"expected a number of processes \(0: one a core\)",
            "nombre de processus attendu (0 : un par cœur)",
        ),
        (r"expected `en` or `fr`", "`en` ou `fr` attendu"),
        (r"expected one of ([^;]*?)(?=, found |;|$)", r"valeur attendue parmi \1"),  # (linear)
        (r"; did you mean `([^`]*)`\?", r" ; vouliez-vous dire `\1` ?"),
        (
            r", found (a boolean|a number|a string|a list|a table)\b",
            lambda m: f", trouvé : {_KINDS_FR[m.group(1)]}",
        ),
        (r", found ", ", trouvé : "),
        (r"schema file `([^`]*)` not found", r"fichier de schéma `\1` introuvable"),
        (
            r"(folder|file) `([^`]*)` is outside the configuration's folder",
            lambda m: (
                f"{_THING_FR[m.group(1)]} `{m.group(2)}` est hors du dossier de la configuration"
            ),
        ),
        (r"(folder|file) `([^`]*)` not found", lambda m: f"{_THING_FR[m[1]]} `{m[2]}` introuvable"),
        (r"cannot read the configuration", "impossible de lire la configuration"),
        (r"not a regular file", "pas un fichier ordinaire"),
        (r"larger than (\d+) MiB \((\d+) bytes\)", r"plus de \1 Mio (\2 octets)"),
        (r"not UTF-8 \(byte (\d+)\)", r"pas en UTF-8 (octet \1)"),
        (r"invalid TOML: (.*)$", lambda m: f"TOML invalide : {translate(m.group(1))}"),
        (r"too complex: nested more than (\d+) levels deep", r"trop complexe : plus de \1 niveaux"),
        (
            r"too complex: number of more than (\d+) digits",
            r"trop complexe : nombre de plus de \1 chiffres",
        ),
        # git (`--changed-since`): our words around git's own, which stay as git wrote them.
        (r"cannot run git: ", "impossible de lancer git : "),
        (r"^git failed$", "git a échoué"),
        (
            r"^(.*) is not the work tree of a repository with a \.git$",  # (`^`: linear)
            r"\1 n’est pas le dossier de travail d’un dépôt qui a son .git",
        ),
        (
            r"`([^`]*)` is not a commit of the repository at (.*)$",
            r"`\1` n’est pas un commit du dépôt de \2",
        ),
    )
)


def usage_fr(text: str) -> str:
    """A usage error of the configuration or git (English, located) in French, phrase by phrase
    (a phrase the table does not know stays English)."""
    for pattern, replacement in _USAGE_FR:
        text = re.sub(pattern, replacement, text)
    return text


# --- Parsers' explanations.

_YAML_FR: dict[str, str] = {
    # libyaml's scanner and parser (the C parser frontlint reads events from)
    "block sequence entries are not allowed in this context": (
        "un élément de liste (`- `) n’est pas permis à cet endroit"
    ),
    "mapping keys are not allowed in this context": (
        "une clé de dictionnaire (`? `) n’est pas permise à cet endroit"
    ),
    "mapping values are not allowed in this context": (
        "une valeur (`: `) n’est pas permise à cet endroit ; mettre entre guillemets un texte "
        "qui contient `: `"
    ),
    "mapping values are not allowed here": (
        "une valeur (`: `) n’est pas permise à cet endroit ; mettre entre guillemets un texte "
        "qui contient `: `"
    ),
    "control characters are not allowed": "caractère de contrôle interdit",
    "special characters are not allowed": "caractère spécial interdit",
    "could not find expected ':'": "le `:` attendu manque",
    "could not find expected directive name": "le nom de directive attendu manque",
    "did not find URI escaped octet": "l’octet d’URI échappé attendu manque",
    "did not find expected '!'": "le `!` attendu manque",
    "did not find expected ',' or ']'": "la `,` ou le `]` attendu manque",
    "did not find expected ',' or '}'": "la `,` ou l’accolade `}` attendue manque",
    "did not find expected '-' indicator": "le tiret `-` attendu manque",
    "did not find expected <document start>": "le début de document attendu manque",
    "did not find expected <stream-start>": "le début du texte attendu manque",
    "did not find expected alphabetic or numeric character": (
        "la lettre ou le chiffre attendu manque"
    ),
    "did not find expected comment or line break": (
        "le commentaire ou la fin de ligne attendu manque"
    ),
    "did not find expected digit or '.' character": "le chiffre ou le `.` attendu manque",
    "did not find expected hexdecimal number": "le nombre hexadécimal attendu manque",
    "did not find expected key": (
        "une clé était attendue : vérifier l’indentation (les clés d’un même niveau sont alignées)"
    ),
    "did not find expected node content": "la valeur attendue manque",
    "did not find expected tag URI": "l’URI d’étiquette attendue manque",
    "did not find expected version number": "le numéro de version attendu manque",
    "did not find expected whitespace": "l’espace attendue manque",
    "did not find expected whitespace or line break": "l’espace ou la fin de ligne attendue manque",
    "did not find the expected '>'": "le `>` attendu manque",
    "duplicate %TAG directive": "directive %TAG en double",
    "found duplicate %TAG directive": "directive %TAG en double",
    "found duplicate %YAML directive": "directive %YAML en double",
    "found a tab character that violates indentation": (
        "une tabulation fausse l’indentation (indenter avec des espaces)"
    ),
    "found a tab character where an indentation space is expected": (
        "une tabulation à la place d’une espace d’indentation (indenter avec des espaces)"
    ),
    "found an incorrect leading UTF-8 octet": "premier octet UTF-8 incorrect",
    "found an incorrect trailing UTF-8 octet": "octet UTF-8 de suite incorrect",
    "invalid leading UTF-8 octet": "premier octet UTF-8 invalide",
    "invalid trailing UTF-8 octet": "octet UTF-8 de suite invalide",
    "invalid length of a UTF-8 sequence": "séquence UTF-8 de longueur invalide",
    "incomplete UTF-8 octet sequence": "séquence UTF-8 incomplète",
    "incomplete UTF-16 character": "caractère UTF-16 incomplet",
    "incomplete UTF-16 surrogate pair": "paire de substitution UTF-16 incomplète",
    "unexpected low surrogate area": "demi-caractère de substitution bas inattendu",
    "invalid Unicode character": "caractère Unicode invalide",
    "input is too long": "texte trop long",
    "found an indentation indicator equal to 0": "indicateur d’indentation égal à 0",
    "found character that cannot start any token": (
        "caractère qui ne peut commencer aucun élément"
    ),
    "found extremely long version number": "numéro de version beaucoup trop long",
    "found incompatible YAML document": "document YAML de version incompatible",
    "found invalid Unicode character escape code": (
        "code d’échappement de caractère Unicode invalide"
    ),
    "found undefined alias": "alias non défini",
    "found undefined tag handle": "préfixe d’étiquette non défini",
    "found unexpected ':'": "`:` inattendu",
    "found unexpected document indicator": "indicateur de document (`---` ou `...`) inattendu",
    "found unexpected end of stream": "le texte s’arrête avant la fin (guillemet non fermé ?)",
    "found unexpected non-alphabetical character": "caractère non alphabétique inattendu",
    "found unknown directive name": "nom de directive inconnu",
    "found unknown escape character": "caractère d’échappement (`\\`) inconnu",
    "expected a single document in the stream": "un seul document était attendu",
    # frontlint's own reader (yamltree)
    "more than one document": "plus d’un document (une ligne `---` de trop ?)",
    "invalid YAML": "YAML invalide",
}

_YAML_CONTEXT_FR: dict[str, str] = {
    "while parsing a %TAG directive": "dans la directive %TAG commencée ligne {line}",
    "while parsing a tag directive": "dans la directive %TAG commencée ligne {line}",
    "while scanning a %TAG directive": "dans la directive %TAG commencée ligne {line}",
    "while scanning a tag directive": "dans la directive %TAG commencée ligne {line}",
    "while scanning a %YAML directive": "dans la directive %YAML commencée ligne {line}",
    "while scanning a directive": "dans la directive commencée ligne {line}",
    "while parsing a block collection": "dans la liste commencée ligne {line}",
    "while parsing a block mapping": "dans le dictionnaire commencé ligne {line}",
    "while parsing a block node": "dans la valeur commencée ligne {line}",
    "while parsing a flow mapping": "dans le dictionnaire entre accolades commencé ligne {line}",
    "while parsing a flow node": "dans la valeur commencée ligne {line}",
    "while parsing a flow sequence": "dans la liste entre crochets commencée ligne {line}",
    "while parsing a node": "dans la valeur commencée ligne {line}",
    "while parsing a quoted scalar": "dans le texte entre guillemets commencé ligne {line}",
    "while scanning a quoted scalar": "dans le texte entre guillemets commencé ligne {line}",
    "while parsing a tag": "dans l’étiquette commencée ligne {line}",
    "while scanning a tag": "dans l’étiquette commencée ligne {line}",
    "while scanning a block scalar": "dans le texte en bloc commencé ligne {line}",
    "while scanning a plain scalar": "dans le texte commencé ligne {line}",
    "while scanning a simple key": "dans la clé commencée ligne {line}",
    "while scanning an alias": "dans l’alias commencé ligne {line}",
    "while scanning an anchor": "dans l’ancre commencée ligne {line}",
    "while scanning for the next token": "ligne {line}",
}

_TOML_FR: dict[str, str] = {
    "Invalid value": "valeur invalide",
    "Invalid statement": "instruction invalide",
    "Expected newline or end of document after a statement": (
        "fin de ligne attendue après une instruction"
    ),
    "Cannot overwrite a value": "une valeur déjà définie ne peut pas être remplacée",
    "Expected ']' at the end of a table declaration": "`]` attendu à la fin d’un nom de table",
    "Expected ']]' at the end of an array declaration": (
        "`]]` attendu à la fin d’un nom de liste de tables"
    ),
    "Expected '=' after a key in a key/value pair": "`=` attendu après la clé",
    "Invalid initial character for a key part": "caractère initial invalide pour une clé",
    "Unclosed array": "liste non fermée",
    "Unclosed inline table": "table en ligne non fermée",
    "Unescaped '\\' in a string": "`\\` non échappée dans un texte",
    "Invalid hex value": "valeur hexadécimale invalide",
    "Escaped character is not a Unicode scalar value": (
        "le caractère échappé n’est pas un caractère Unicode"
    ),
    "Unterminated string": "texte non fermé (guillemet manquant ?)",
    "Invalid date or datetime": "date ou date et heure invalide",
}

_JSON_FR: dict[str, str] = {
    "Expecting value": "valeur attendue",
    "Expecting property name enclosed in double quotes": (
        "nom de propriété entre guillemets doubles attendu"
    ),
    "Expecting ':' delimiter": "séparateur `:` attendu",
    "Expecting ',' delimiter": "séparateur `,` attendu",
    "Unterminated string starting at": "texte non fermé (guillemet manquant ?)",
    "Invalid control character at": "caractère de contrôle interdit dans un texte",
    "Invalid \\uXXXX escape": "échappement `\\uXXXX` invalide",
    "Extra data": "données en trop après la valeur",
    "Illegal trailing comma before end of object": "virgule en trop avant la fin de l’objet",
    "Illegal trailing comma before end of array": "virgule en trop avant la fin de la liste",
}

_FIXED_FR = {**_YAML_FR, **_TOML_FR, **_JSON_FR}

# Texts with variable parts: (pattern, French with the pattern's groups).
_VARIABLE_FR: tuple[tuple[str, str], ...] = tuple(
    (pattern + r"\Z", french)
    for pattern, french in (
        # yamltree
        (r"undefined alias (\*.*)", r"alias non défini \1"),
        (r"recursive alias (\*.*)", r"alias récursif \1 (il se contient lui-même)"),
        (
            r"found character '\\t' that cannot start any token",
            "une tabulation ne peut pas commencer un élément : indenter avec des espaces",
        ),
        (
            r"found character ('.*'|\".*\") that cannot start any token",
            r"le caractère \1 ne peut commencer aucun élément",
        ),
        # ruamel.yaml's pure-Python parser (used when the C parser is not installed)
        (r"found undefined alias (.*)", r"alias non défini \1"),
        (r"found unknown escape character (.*)", r"caractère d’échappement inconnu \1"),
        (r"expected <block end>, but found (.*)", r"fin de bloc attendue, trouvé : \1"),
        (r"expected ',' or '\]', but got (.*)", r"`,` ou `]` attendu, trouvé : \1"),
        (r"expected ',' or '\}', but got (.*)", r"`,` ou `}` attendu, trouvé : \1"),
        (
            r"expected alphabetic or numeric character, but found (.*)",
            r"lettre ou chiffre attendu, trouvé : \1",
        ),
        (
            r"expected a comment or a line break, but found (.*)",
            r"commentaire ou fin de ligne attendu, trouvé : \1",
        ),
        # tomllib / tomli
        (r"Expected ('.*')", r"\1 attendu"),
        (r"Found invalid character (.*)", r"caractère invalide \1"),
        (r"Illegal character (.*)", r"caractère interdit \1"),
        (r"Cannot declare (.*) twice", r"\1 est déclaré deux fois"),
        (r"Cannot mutate immutable namespace (.*)", r"la table \1 ne peut plus être modifiée"),
        (r"Cannot redefine namespace (.*)", r"la table \1 ne peut pas être redéfinie"),
        (r"Duplicate inline table key (.*)", r"clé \1 en double dans la table en ligne"),
        # json
        (r"Invalid \\escape: (.*)", r"échappement `\\` invalide : \1"),
        (r"Invalid control character (.*) at", r"caractère de contrôle interdit \1"),
        (r"(.*) is not a JSON value", r"\1 n’est pas une valeur JSON"),
    )
)

_CONTEXT = re.compile(
    r"(?P<problem>.*) \((?P<context>while [^()]*) at line (?P<line>\d+)\)\Z", re.S
)
_TOML_PLACE = re.compile(
    r"(?P<problem>.*) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)\Z",
    re.S,
)
_CHARACTER = re.compile(r"(?P<problem>.*) \((?P<code>#x[0-9a-fA-F]+)\)\Z", re.S)


def translate(text: str) -> str:
    """A parser's explanation in French: from the tables, else as it is."""
    found = _TOML_PLACE.match(text)
    if found:  # tomllib's place, when it is not taken apart (`tomlkeys.error_position`)
        if found["line"]:
            return (
                f"{translate(found['problem'])} (ligne {found['line']}, colonne {found['column']})"
            )
        return f"{translate(found['problem'])} (à la fin du document)"
    found = _CONTEXT.match(text)
    if found and found["context"] in _YAML_CONTEXT_FR:
        context = _YAML_CONTEXT_FR[found["context"]].format(line=found["line"])
        return f"{translate(found['problem'])} ({context})"
    found = _CHARACTER.match(text)
    if found:
        return f"{translate(found['problem'])} ({found['code']})"
    if text in _FIXED_FR:
        return _FIXED_FR[text]
    for pattern, french in _VARIABLE_FR:
        match = re.match(pattern, text, re.S)
        if match:
            return match.expand(french)
    return text


def parser_text(text: str) -> Outside:
    """A parser's explanation as a message parameter: English as the parser wrote it, French
    translated where known."""
    return Outside(en=text, fr=translate(text))


def is_translated(text: str) -> bool:
    return translate(text) != text


_OS_FR = {
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.ENOENT: "fichier introuvable",
    errno.ENOTDIR: "un élément du chemin n’est pas un dossier",
    errno.EISDIR: "c’est un dossier",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EIO: "erreur d’entrée-sortie",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.ENFILE: "trop de fichiers ouverts",
    errno.EBUSY: "fichier occupé",
}


def os_reason(exc: OSError) -> Text:
    """Why the system refused a file: its own words, and French for the usual causes."""
    english = exc.strerror or type(exc).__name__
    return Text(en=english, fr=_OS_FR.get(exc.errno or 0, english))


def originals(args: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """`parser_message`: the parser's own words among a message's parameters (for JSON)."""
    for _name, value in args:
        if isinstance(value, Outside):
            return {"parser_message": value.en}
    return {}
