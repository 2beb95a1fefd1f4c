"""A page file -> a Document: its front matter as a node tree with spans, and its Markdown body.

Reading never raises: every way a file can be unusable (unreadable, binary, not UTF-8, front
matter unclosed or broken) becomes a diagnostic of one of the FM rules documented below, at the
place in the file where the problem is. YAML and JSON front matter get exact positions (JSON is
read by the YAML parser once ``json`` has accepted it); TOML positions are per line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter import yamltree
from linter.diagnostics import Diagnostic, Rule, Severity, Span
from linter.yamltree import LineIndex, MappingNode, Node, ScalarNode, SequenceNode

MAX_FILE_BYTES = 10 * 1024 * 1024

PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")

SYNTAX = Rule(
    "FM001",
    "front-matter-syntax",
    Severity.ERROR,
    "The front matter is not valid YAML (or TOML, or JSON).",
    """What it checks: that the front matter parses. The position is the parser's: the first
place where the text stops making sense, which can be just after the real mistake.

Why: the site generator refuses the page, or silently publishes it without its metadata.

Example (bad): an unquoted colon followed by a space inside a value
    title: Sprint 3: dates
Example (good): quote the value
    title: "Sprint 3: dates"

Fix: correct the text at the reported position; quote values that contain `: ` or start
with `[`, `{`, `*`, `&`, `!`, `%`, `@` or a backquote.""",
    summary_fr="L’en-tête n’est pas du YAML (ou TOML, ou JSON) valide.",
    doc_fr="""\
Ce qui est vérifié : que l’en-tête se lit. La position est celle de l’analyseur : le premier
endroit où le texte cesse d’avoir un sens, parfois juste après la vraie erreur.

Pourquoi : le générateur refuse la page, ou la publie sans ses métadonnées.

Exemple (mauvais) : deux-points suivis d’une espace dans une valeur sans guillemets
    title: Sprint 3: dates
Exemple (bon) : mettre la valeur entre guillemets
    title: "Sprint 3: dates"

Correction : corriger le texte à la position indiquée ; mettre entre guillemets les valeurs qui
contiennent `: ` ou commencent par `[`, `{`, `*`, `&`, `!`, `%`, `@` ou un accent grave.""",
)
DUPLICATE_KEY = Rule(
    "FM002",
    "duplicate-key",
    Severity.ERROR,
    "A key appears twice in the same mapping.",
    """What it checks: that no mapping repeats a key. Reported at the second occurrence,
with the line of the first.

Why: generators keep one of the two values (which one depends on the tool) or refuse the
page; either way one of the two edits is lost.

Example (bad):
    title: Appel à candidatures
    title: Postuler
Example (good):
    title: Appel à candidatures

Fix: keep one of the two keys.""",
    summary_fr="Une clé apparaît deux fois dans le même dictionnaire.",
    doc_fr="""\
Ce qui est vérifié : qu’aucun dictionnaire ne répète une clé. Signalé à la seconde
occurrence, avec la ligne de la première.

Pourquoi : les générateurs gardent l’une des deux valeurs (laquelle dépend de l’outil) ou
refusent la page ; dans tous les cas une des deux modifications est perdue.

Exemple (mauvais) :
    title: Appel à candidatures
    title: Postuler
Exemple (bon) :
    title: Appel à candidatures

Correction : ne garder qu’une des deux clés.""",
)
UNCLOSED = Rule(
    "FM003",
    "unclosed-front-matter",
    Severity.ERROR,
    "The front matter is opened with `---` (or `+++`) but never closed.",
    """What it checks: that a file opening front matter with `---` (`+++` for TOML) has a
closing line `---` or `...` (`+++`).

Why: the whole file is then read as front matter, or the page is published as raw text.

Example (bad):
    ---
    title: Contact
    Le texte de la page…
Example (good):
    ---
    title: Contact
    ---
    Le texte de la page…

Fix: add the closing line after the last key.""",
    summary_fr="L’en-tête est ouvert par `---` (ou `+++`) mais jamais fermé.",
    doc_fr="""\
Ce qui est vérifié : qu’un fichier qui ouvre un en-tête par `---` (`+++` en TOML) a une ligne
de fermeture `---` ou `...` (`+++`).

Pourquoi : tout le fichier est alors lu comme en-tête, ou la page est publiée en texte brut.

Exemple (mauvais) :
    ---
    title: Contact
    Le texte de la page…
Exemple (bon) :
    ---
    title: Contact
    ---
    Le texte de la page…

Correction : ajouter la ligne de fermeture après la dernière clé.""",
)
NOT_MAPPING = Rule(
    "FM004",
    "front-matter-not-mapping",
    Severity.ERROR,
    "The front matter is not a mapping of keys to values.",
    """What it checks: that the front matter is a set of `key: value` pairs, not a list or
a lone value.

Why: generators need named keys (title, layout…); anything else is rejected.

Example (bad):
    ---
    - title: Contact
    ---
Example (good):
    ---
    title: Contact
    ---

Fix: remove the leading `- ` or rewrite the block as keys and values.""",
    summary_fr="L’en-tête n’est pas une suite de clés et de valeurs.",
    doc_fr="""\
Ce qui est vérifié : que l’en-tête est fait de paires `clé: valeur`, pas d’une liste ni
d’une valeur isolée.

Pourquoi : les générateurs ont besoin de clés nommées (title, layout…) ; le reste est refusé.

Exemple (mauvais) :
    ---
    - title: Contact
    ---
Exemple (bon) :
    ---
    title: Contact
    ---

Correction : retirer le `- ` initial ou réécrire le bloc en clés et valeurs.""",
)
ENCODING = Rule(
    "FM005",
    "invalid-encoding",
    Severity.ERROR,
    "The file is binary, or not encoded in UTF-8.",
    """What it checks: that a page is UTF-8 text (a BOM is accepted).

Why: generators read pages as UTF-8; other encodings turn accented letters into garbage
(`Ã©` for `é`) on the published page.

Example (bad): a page saved as Latin-1 (Windows-1252) from an old editor.
Example (good): the same page saved as UTF-8.

Fix: re-save the file as UTF-8; the position is the first byte that is not UTF-8.""",
    summary_fr="Le fichier est binaire, ou n’est pas encodé en UTF-8.",
    doc_fr="""\
Ce qui est vérifié : qu’une page est du texte UTF-8 (un BOM est accepté).

Pourquoi : les générateurs lisent les pages en UTF-8 ; un autre encodage transforme les lettres
accentuées en charabia (`Ã©` pour `é`) sur la page publiée.

Exemple (mauvais) : une page enregistrée en Latin-1 (Windows-1252) par un vieil éditeur.
Exemple (bon) : la même page enregistrée en UTF-8.

Correction : réenregistrer le fichier en UTF-8 ; la position est celle du premier octet
qui n’est pas de l’UTF-8.""",
)
UNREADABLE = Rule(
    "FM006",
    "unreadable-file",
    Severity.ERROR,
    "The file cannot be read.",
    """What it checks: that frontlint can open and read the file.

Why: what frontlint cannot read, it cannot check; the generator probably cannot either.

Example (bad): a file without read permission, or a broken symbolic link.
Example (good): a readable file.

Fix: fix the permissions or the link.""",
    summary_fr="Le fichier ne peut pas être lu.",
    doc_fr="""\
Ce qui est vérifié : que frontlint peut ouvrir et lire le fichier.

Pourquoi : ce que frontlint ne peut pas lire, il ne peut pas le vérifier ; le générateur
non plus, probablement.

Exemple (mauvais) : un fichier sans droit de lecture, ou un lien symbolique cassé.
Exemple (bon) : un fichier lisible.

Correction : corriger les droits ou le lien.""",
)
EMPTY = Rule(
    "FM007",
    "empty-file",
    Severity.WARNING,
    "The page file is empty.",
    """What it checks: that a page file is not empty (or only blank).

Why: an empty page is published as a blank page with a URL, or breaks a list template.

Example (bad): a 0-byte `contact.md`.
Example (good):
    ---
    title: Contact
    ---

Fix: fill the page, or delete the file.""",
    summary_fr="Le fichier de la page est vide.",
    doc_fr="""\
Ce qui est vérifié : qu’un fichier de page n’est pas vide (ni seulement blanc). Un
`_index.md` vide est permis : pour Hugo, il déclare une section.

Pourquoi : une page vide est publiée comme une page blanche avec une adresse, ou casse un
gabarit de liste.

Exemple (mauvais) : un `contact.md` de 0 octet.
Exemple (bon) :
    ---
    title: Contact
    ---

Correction : remplir la page, ou supprimer le fichier.""",
)
UNSAFE_TAG = Rule(
    "FM008",
    "unsupported-tag",
    Severity.ERROR,
    "A YAML tag asks for a language-specific object (`!!python/object`, `!custom`).",
    """What it checks: that values carry only the standard YAML tags (`!!str`, `!!int`,
`!!float`, `!!bool`, `!!null`, `!!timestamp`, `!!map`, `!!seq`…). Other tags are refused, never
constructed: frontlint reads the value as if it had no tag.

Why: such tags are a way to run code in tools that construct them, and generators reject them.

Example (bad):
    title: !!python/object/apply:os.system ["rm -rf /"]
Example (good):
    title: Contact

Fix: remove the tag.""",
    summary_fr="Une étiquette YAML demande un objet propre à un langage (`!!python/object`…).",
    doc_fr="""\
Ce qui est vérifié : que les valeurs ne portent que les étiquettes YAML standard (`!!str`,
`!!int`, `!!float`, `!!bool`, `!!null`, `!!timestamp`, `!!map`, `!!seq`…). Les autres sont
refusées, jamais construites : frontlint lit la valeur comme si elle n’avait pas d’étiquette.

Pourquoi : ces étiquettes permettent d’exécuter du code dans les outils qui les construisent,
et les générateurs les refusent.

Exemple (mauvais) :
    title: !!python/object/apply:os.system ["rm -rf /"]
Exemple (bon) :
    title: Contact

Correction : retirer l’étiquette.""",
)
TOO_COMPLEX = Rule(
    "FM009",
    "front-matter-too-complex",
    Severity.ERROR,
    "The front matter is too large, too deeply nested, or its aliases expand too much.",
    f"""What it checks: that a file is at most {MAX_FILE_BYTES // 1024 // 1024} MiB, nests at most
{yamltree.MAX_DEPTH} levels deep, and that its YAML aliases (`*name`) expand to at most
{yamltree.MAX_EXPANDED_NODES:,} values.

Why: a few lines of aliases can stand for billions of values ("billion laughs") and exhaust
the memory of every tool that reads the page. No real page comes close to these limits.

Example (bad):
    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]   # ... and so on
Example (good): plain values, aliases used sparingly.

Fix: write the values out; split huge files.""",
    summary_fr="L’en-tête est trop gros, trop imbriqué, ou ses alias se développent trop.",
    doc_fr="""\
Ce qui est vérifié : qu’un fichier fait au plus 10 Mio, s’imbrique sur au plus 64 niveaux,
et que ses alias YAML (`*nom`) se développent en au plus 100 000 valeurs.

Pourquoi : quelques lignes d’alias peuvent représenter des milliards de valeurs (« billion
laughs ») et épuiser la mémoire de tous les outils qui lisent la page. Aucune vraie page
n’approche ces limites.

Exemple (mauvais) :
    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]   # ... et ainsi de suite
Exemple (bon) : des valeurs écrites en clair, des alias utilisés avec mesure.

Correction : écrire les valeurs en clair ; découper les fichiers énormes.""",
)
COMPLEX_KEY = Rule(
    "FM010",
    "invalid-key",
    Severity.ERROR,
    "A key is a list or a mapping instead of a plain name.",
    """What it checks: that every key of a mapping is a plain value.

Why: front matter keys are field names; generators and JSON cannot use a list as a name.

Example (bad):
    ? [title, subtitle]
    : Contact
Example (good):
    title: Contact

Fix: use a plain name as the key.""",
    summary_fr="Une clé est une liste ou un dictionnaire au lieu d’un nom simple.",
    doc_fr="""\
Ce qui est vérifié : que chaque clé d’un dictionnaire est une valeur simple.

Pourquoi : les clés de l’en-tête sont des noms de champs ; ni les générateurs ni JSON ne
peuvent utiliser une liste comme nom.

Exemple (mauvais) :
    ? [title, subtitle]
    : Contact
Exemple (bon) :
    title: Contact

Correction : utiliser un nom simple comme clé.""",
)

RULES = (
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
)


@dataclass
class Document:
    """A page read successfully (its front matter may still hold problems, reported apart)."""

    path: str
    """The path as shown to the user."""
    file: Path
    text: str
    """The decoded text, without BOM; spans' offsets index into it."""
    lines: LineIndex
    format: str
    """yaml | toml | json | none"""
    root: Node | None
    """The front matter's root mapping (None when there is no front matter)."""
    data: dict[str, Any]
    """The front matter as JSON-like data (what schemas validate)."""
    opening: Span
    """The opening delimiter (or the first line); where problems of the whole block point."""
    body_start: int

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


def _diag(rule: Rule, path: str, span: Span, msgid: str, /, **args: Any) -> Diagnostic:
    return Diagnostic.of(rule, path, span, msgid, **args)


def _first_line_span() -> Span:
    return Span(1, 1, 1, 1, 0, 0)


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_diag(ENCODING, path, _first_line_span(), "FM005.utf16")]
    if b"\x00" in raw[:8192]:
        return None, [_diag(ENCODING, path, _first_line_span(), "FM005.binary")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", errors="replace")
        before = before.removeprefix("\ufeff")
        lines = LineIndex(before)
        line, column = lines.position(len(before))
        span = Span(line, column, line, column + 1, len(before), len(before) + 1)
        byte = raw[exc.start]
        return None, [_diag(ENCODING, path, span, "FM005.utf8", byte=f"0x{byte:02X}")]
    return text.removeprefix("\ufeff"), []


_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*\r?$", re.M)


def read_document(file: Path, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read one page. Returns the Document (None if unusable) and the problems found."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            span = _first_line_span()
            return None, [_diag(TOO_COMPLEX, path, span, "FM009.size", size=size)]
        raw = file.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [_diag(UNREADABLE, path, _first_line_span(), "FM006", reason=reason)]
    if not raw.strip():
        if file.name.startswith("_index."):
            return None, []  # Hugo: an empty _index.md declares a section; that is its whole job.
        return None, [_diag(EMPTY, path, _first_line_span(), "FM007")]
    text, problems = _decode(raw, path)
    if text is None:
        return None, problems
    return parse_text(text, file, path)


def parse_text(text: str, file: Path, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Split and parse the front matter of a decoded page text."""
    lines = LineIndex(text)
    newline = text.find("\n")
    first = (text if newline < 0 else text[:newline]).rstrip(" \t\r")
    content_start = len(text) if newline < 0 else newline + 1
    opening = lines.span(0, len(first))

    def document(fmt: str, root: Node | None, body_start: int) -> Document:
        data = yamltree.to_data(root) if root is not None else {}
        return Document(path, file, text, lines, fmt, root, data, opening, body_start)

    if first in ("---", "+++"):
        closing = (_YAML_CLOSE if first == "---" else _TOML_CLOSE).search(text, content_start)
        if closing is None:
            return None, [_diag(UNCLOSED, path, opening, "FM003", delimiter=first)]
        block = text[content_start : closing.start()]
        body_start = closing.end() + (1 if text.startswith("\n", closing.end()) else 0)
        if first == "+++":
            root, problems = _parse_toml(block, content_start, lines, path)
            return (document("toml", root, body_start) if root else None), problems
        node, found = yamltree.parse(block, content_start, lines)
        return _finish_yaml(
            node, found, "yaml", lines, path, lambda n: document("yaml", n, body_start)
        )
    if text.startswith("{"):
        try:
            _data, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError as exc:
            span = lines.span(exc.pos, exc.pos + 1)
            return None, [_diag(SYNTAX, path, span, "FM001.json", detail=exc.msg)]
        node, found = yamltree.parse(text[:end], 0, lines)
        if node is None and found and found[0].kind == "syntax":
            # Valid JSON that libyaml refuses: keep the data, positions on the opening line.
            node, found = _nodes_from_data(_data, lambda _p: opening), []
        body_start = end + (1 if text.startswith("\n", end) else 0)
        return _finish_yaml(
            node, found, "json", lines, path, lambda n: document("json", n, body_start)
        )
    return document("none", None, 0), []


def _finish_yaml(
    node: Node | None,
    found: list[yamltree.YamlProblem],
    fmt: str,
    lines: LineIndex,
    path: str,
    make: Any,
) -> tuple[Document | None, list[Diagnostic]]:
    """Problems to diagnostics; the Document unless the front matter is unusable."""
    problems = [_yaml_diagnostic(problem, lines, path, fmt) for problem in found]
    if node is None:
        if problems:
            return None, problems
        return make(None), problems
    if isinstance(yamltree.resolve_target(node), ScalarNode) and node.value is None:
        return make(None), problems
    if not isinstance(yamltree.resolve_target(node), MappingNode):
        kind = "list" if isinstance(node, SequenceNode) else "value"
        return None, [*problems, _diag(NOT_MAPPING, path, node.span, f"FM004.{kind}")]
    return make(node), problems


def _yaml_diagnostic(
    problem: yamltree.YamlProblem, lines: LineIndex, path: str, fmt: str
) -> Diagnostic:
    start, end = problem.start, problem.end
    if end <= start:
        end = start + 1
    span = lines.span(start, end)
    if span.end_line != span.line:
        span = Span(span.line, span.column, span.line, span.column, start, start)
    if problem.kind == "duplicate-key":
        return _diag(
            DUPLICATE_KEY, path, span, "FM002", key=problem.detail, line=problem.first_line
        )
    if problem.kind == "tag":
        return _diag(UNSAFE_TAG, path, span, "FM008", tag=problem.detail)
    if problem.kind == "too-complex":
        return _diag(TOO_COMPLEX, path, span, f"FM009.{problem.detail}")
    if problem.kind == "not-a-key":
        return _diag(COMPLEX_KEY, path, span, "FM010")
    return _diag(SYNTAX, path, span, f"FM001.{fmt}", detail=problem.detail)


# --- TOML: parsed by tomllib, positioned per line by a scan of the keys and table headers.


def _parse_toml(
    block: str, base: int, lines: LineIndex, path: str
) -> tuple[Node | None, list[Diagnostic]]:
    from linter import tomlkeys

    try:
        data = tomlkeys.loads(block)
    except tomlkeys.TOMLDecodeError as exc:
        first_line = lines.position(base)[0]
        located = tomlkeys.error_position(exc)
        message, line, column = located or (str(exc), 1, 1)
        line += first_line - 1
        start = lines.starts[line - 1] + column - 1
        span = Span(line, column, line, column + 1, start, start + 1)
        return None, [_diag(SYNTAX, path, span, "FM001.toml", detail=message)]
    spans = tomlkeys.key_spans(block, base, lines)
    opening = lines.span(base - 4, base - 1) if base >= 4 else lines.span(0, 0)

    def span_of(node_path: tuple) -> Span:
        while node_path and node_path not in spans:
            node_path = node_path[:-1]
        return spans.get(node_path, opening)

    return _nodes_from_data(data, span_of), []


def _nodes_from_data(data: Any, span_of: Any, here: tuple = ()) -> Node:
    """Nodes for data that came without positions; ``span_of(path)`` places each."""
    span = span_of(here)
    if isinstance(data, dict):
        node = MappingNode(span, None)
        for key, value in data.items():
            node.pairs.append(
                (ScalarNode(span_of((*here, key)), None, raw=str(key), value=str(key)),
                 _nodes_from_data(value, span_of, (*here, key)))
            )  # fmt: skip
        return node
    if isinstance(data, list):
        return SequenceNode(
            span, None, items=[_nodes_from_data(v, span_of, (*here, i)) for i, v in enumerate(data)]
        )
    if hasattr(data, "isoformat"):
        data = data.isoformat()
    return ScalarNode(span, None, raw=str(data), value=data)
