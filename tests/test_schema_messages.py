"""Schema messages an editor can act on (issue 11): a message of its own for every keyword that can
fail, in English and in French, with no jsonschema English and no Python list in it; enum failures
name the closest allowed value and how many there are; list items are named as the editor reads
the page (a `label` beside the JSON path); a schema's `errorMessage` may be given per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter import schema as schema_module
from linter.document import read_document
from linter.messages import render
from linter.schema import SchemaStore, check
from tests.conftest import APPLY_PAGE, found, run

# Each case: (the schema, the front matter after `$schema`, what is found in English, the French
# messages in the same order). The front matter starts at line 3 (line 2 chooses the schema).
CASES = {
    "minimum": (
        {"properties": {"n": {"minimum": 3}}}, "n: 2",
        [("SC006", 3, 4, "n: must be at least 3, found 2")],
        ["n: doit valoir au moins 3 ; trouvé : 2"],
    ),
    "maximum": (
        {"properties": {"n": {"maximum": 3}}}, "n: 5",
        [("SC006", 3, 4, "n: must be at most 3, found 5")],
        ["n: doit valoir au plus 3 ; trouvé : 5"],
    ),
    "exclusiveMinimum": (
        {"properties": {"n": {"exclusiveMinimum": 0}}}, "n: 0",
        [("SC006", 3, 4, "n: must be more than 0, found 0")],
        ["n: doit valoir plus de 0 ; trouvé : 0"],
    ),
    "exclusiveMaximum": (
        {"properties": {"n": {"exclusiveMaximum": 10}}}, "n: 10.5",
        [("SC006", 3, 4, "n: must be less than 10, found 10.5")],
        ["n: doit valoir moins de 10 ; trouvé : 10.5"],
    ),
    "multipleOf": (
        {"properties": {"n": {"multipleOf": 0.5}}}, "n: 1.2",
        [("SC006", 3, 4, "n: must be a multiple of 0.5, found 1.2")],
        ["n: doit être un multiple de 0.5 ; trouvé : 1.2"],
    ),
    "minLength": (
        {"properties": {"t": {"minLength": 5}}}, "t: abc",
        [("SC005", 3, 4, "t: must be at least 5 characters long (found 3)")],
        ["t: doit faire au moins 5 caractères (trouvé : 3)"],
    ),
    "minLength-empty": (
        {"properties": {"t": {"minLength": 1}}}, 't: ""',
        [("SC005", 3, 4, "t: must not be empty")],
        ["t: ne doit pas être vide"],
    ),
    "maxLength": (
        {"properties": {"t": {"maxLength": 5}}}, "t: abcdefgh",
        [("SC006", 3, 4, "t: must be at most 5 characters long (found 8)")],
        ["t: doit faire au plus 5 caractères (trouvé : 8)"],
    ),
    "minItems": (
        {"properties": {"l": {"minItems": 2}}}, "l: [a]",
        [("SC006", 3, 1, "l: must have at least 2 item(s), found 1")],
        ["l: doit contenir au moins 2 élément(s) ; trouvé : 1"],
    ),
    "maxItems": (
        {"properties": {"l": {"maxItems": 1}}}, "l: [a, b]",
        [("SC006", 3, 1, "l: must have at most 1 item(s), found 2")],
        ["l: doit contenir au plus 1 élément(s) ; trouvé : 2"],
    ),
    "uniqueItems": (
        {"properties": {"l": {"uniqueItems": True}}}, "l: [1, b, 1.0, true, b]",
        [("SC006", 3, 11, "l: item 3 repeats item 1"), ("SC006", 3, 22, "l: item 5 repeats item 2")],
        ["l: l’élément 3 répète l’élément 1", "l: l’élément 5 répète l’élément 2"],
    ),
    "contains": (
        {"properties": {"l": {"contains": {"const": "x"}}}}, "l: [a, b]",
        [("SC006", 3, 1, "l: must contain at least one item equal to `x`")],
        ["l: doit contenir au moins un élément égal à `x`"],
    ),
    "contains-undescribed": (
        {"properties": {"l": {"contains": {"type": "integer"}}}}, "l: [a]",
        [("SC006", 3, 1, "l: must contain at least one item of the kind the schema describes "
                         "(`contains`)")],
        ["l: doit contenir au moins un élément du genre que décrit le schéma (`contains`)"],
    ),
    "minContains": (
        {"properties": {"l": {"contains": {"const": "x"}, "minContains": 2}}}, "l: [x, a]",
        [("SC006", 3, 1, "l: must contain at least 2 items equal to `x`")],
        ["l: doit contenir au moins 2 éléments égal à `x`"],
    ),
    "maxContains": (
        {"properties": {"l": {"contains": {"title": "Organiser", "type": "string"},
                              "maxContains": 1}}},
        "l: [a, b]",
        [("SC006", 3, 1, "l: must contain at most 1 item(s) of the kind “Organiser”")],
        ["l: doit contenir au plus 1 élément(s) du genre « Organiser »"],
    ),
    "minProperties": (
        {"properties": {"m": {"minProperties": 2}}}, "m: {a: 1}",
        [("SC006", 3, 1, "m: must have at least 2 key(s), found 1")],
        ["m: doit contenir au moins 2 clé(s) ; trouvé : 1"],
    ),
    "maxProperties": (
        {"properties": {"m": {"maxProperties": 1}}}, "m: {a: 1, b: 2}",
        [("SC006", 3, 1, "m: must have at most 1 key(s), found 2")],
        ["m: doit contenir au plus 1 clé(s) ; trouvé : 2"],
    ),
    "required": (
        {"properties": {"title": {"title": "Titre"}}, "required": ["title", "date"]}, "x: 1",
        [("SC001", 1, 1, "missing required key `date`"),
         ("SC001", 1, 1, "missing required key `title` (Titre)")],
        ["clé obligatoire `date` absente", "clé obligatoire `title` absente (Titre)"],
    ),
    "dependentRequired": (
        {"dependentRequired": {"end": ["start"]}}, "end: 2024-01-01",
        [("SC001", 3, 1, "missing key `start`, required when `end` is present")],
        ["clé `start` absente, obligatoire quand `end` est présente"],
    ),
    "dependentSchemas": (
        {"dependentSchemas": {"end": {"required": ["start"]}}}, "end: 2024-01-01",
        [("SC001", 3, 1, "missing key `start`, required when `end` is present")],
        ["clé `start` absente, obligatoire quand `end` est présente"],
    ),
    "dependentSchemas-other": (
        {"dependentSchemas": {"end": {"properties": {"start": {"maximum": 3}}}}},
        "end: 1\nstart: 4",
        [("SC006", 4, 8, "start: must be at most 3, found 4")],
        ["start: doit valoir au plus 3 ; trouvé : 4"],
    ),
    "propertyNames": (
        {"properties": {"m": {"propertyNames": {"pattern": "^[a-z]+$"}}}}, "m: {ok: 1, Ab: 2}",
        [("SC002", 3, 12, "m: key `Ab` does not have the expected form `^[a-z]+$`")],
        ["m: la clé `Ab` n’a pas la forme attendue `^[a-z]+$`"],
    ),
    "propertyNames-other": (
        {"properties": {"m": {"propertyNames": {"maxLength": 3}}}}, "m: {abcd: 1}",
        [("SC002", 3, 5, "m: key `abcd` does not have a name the schema allows "
                         "(`propertyNames`)")],
        ["m: le nom de la clé `abcd` n’est pas permis par le schéma (`propertyNames`)"],
    ),
    "enum-closest": (
        {"properties": {"k": {"enum": ["atelier", "bootcamp", "demo"]}}}, "k: bootcmp",
        [("SC006", 3, 4, "k: `bootcmp` is not one of the 3 allowed values; did you mean "
                         "`bootcamp`?")],
        ["k: `bootcmp` ne fait pas partie des 3 valeurs permises ; vouliez-vous dire "
         "`bootcamp` ?"],
    ),
    "enum-case": (
        {"properties": {"k": {"enum": ["Atelier", "Bootcamp"]}}}, "k: bootcamp",
        [("SC006", 3, 4, "k: `bootcamp` is not one of the 2 allowed values; did you mean "
                         "`Bootcamp`?")],
        ["k: `bootcamp` ne fait pas partie des 2 valeurs permises ; vouliez-vous dire "
         "`Bootcamp` ?"],
    ),
    "enum-few": (
        {"properties": {"k": {"enum": [1, None, True]}}}, "k: zzz",
        [("SC006", 3, 4, "k: `zzz` is not one of the 3 allowed values: `1`, `null`, `true`")],
        ["k: `zzz` ne fait pas partie des 3 valeurs permises : `1`, `null`, `true`"],
    ),
    "enum-many": (
        {"properties": {"k": {"enum": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]}}},
        "k: 42",
        [("SC006", 3, 4, "k: `42` is not one of the 5 allowed values (among them `lundi`, "
                         "`mardi`, `mercredi`)")],
        ["k: `42` ne fait pas partie des 5 valeurs permises (dont `lundi`, `mardi`, "
         "`mercredi`)"],
    ),
    "enum-one": (
        {"properties": {"k": {"enum": ["ok"]}}}, "k: ko",
        [("SC006", 3, 4, "k: expected `ok`, found `ko`")],
        ["k: attendu : `ok` ; trouvé : `ko`"],
    ),
    "const": (
        {"properties": {"k": {"const": {"a": [1]}}}}, "k: aply",
        [("SC006", 3, 4, 'k: expected `{"a": [1]}`, found `aply`')],
        ['k: attendu : `{"a": [1]}` ; trouvé : `aply`'],
    ),
    "not": (
        {"properties": {"k": {"not": {"const": "draft"}}}}, "k: draft",
        [("SC006", 3, 4, "k: `draft` is not allowed here")],
        ["k: `draft` n’est pas permis ici"],
    ),
    "if-then": (
        {"if": {"properties": {"kind": {"const": "event"}}, "required": ["kind"]},
         "then": {"required": ["date"]}, "else": {"properties": {"date": False}}},
        "kind: event",
        [("SC001", 1, 1, "missing required key `date`")],
        ["clé obligatoire `date` absente"],
    ),
    "if-else": (
        {"if": {"properties": {"kind": {"const": "event"}}, "required": ["kind"]},
         "then": {"required": ["date"]}, "else": {"properties": {"date": False}}},
        "kind: post\ndate: 2024-01-01",
        [("SC002", 4, 1, "key `date` is not allowed here")],
        ["clé `date` non permise ici"],
    ),
    "anyOf-types": (
        {"properties": {"k": {"anyOf": [{"type": "integer"}, {"type": "null"}]}}}, "k: x",
        [("SC003", 3, 4, "k: expected integer | null, found string `x`")],
        ["k: attendu : nombre entier | valeur vide ; trouvé : texte `x`"],
    ),
    "anyOf-branch": (
        {"properties": {"k": {"anyOf": [{"type": "string", "maxLength": 3},
                                        {"type": "integer"}]}}},
        "k: abcdef",
        [("SC006", 3, 4, "k: must be at most 3 characters long (found 6)")],
        ["k: doit faire au plus 3 caractères (trouvé : 6)"],
    ),
    "oneOf-none": (
        {"properties": {"k": {"oneOf": [{"type": "string", "pattern": "^a"},
                                        {"type": "integer"}]}}},
        "k: b",
        [("SC006", 3, 4, "k: `b` does not match the expected form `^a`")],
        ["k: `b` n’a pas la forme attendue `^a`"],
    ),
    "oneOf-several": (
        {"properties": {"k": {"oneOf": [{"type": "integer"}, {"minimum": 0}]}}}, "k: 3",
        [("SC006", 3, 4, "k: fits more than one of the forms the schema allows (`oneOf`); "
                         "exactly one is expected")],
        ["k: correspond à plus d’une des formes que le schéma permet (`oneOf`) ; une seule est "
         "attendue"],
    ),
    "format": (
        {"properties": {"d": {"format": "date"}}}, "d: 2024-02-30",
        [("SC004", 3, 4, "d: `2024-02-30` is not a valid date")],
        ["d: `2024-02-30` n’est pas un(e) date valide"],
    ),
    "type": (
        {"properties": {"k": {"type": ["string", "null"]}}}, "k: [3]",
        [("SC003", 3, 4, "k: expected string | null, found array `[3]`")],
        ["k: attendu : texte | valeur vide ; trouvé : liste `[3]`"],
    ),
    "pattern": (
        {"properties": {"u": {"pattern": "^https://"}}}, "u: http://x",
        [("SC006", 3, 4, "u: `http://x` does not match the expected form `^https://`")],
        ["u: `http://x` n’a pas la forme attendue `^https://`"],
    ),
    "false-property": (
        {"properties": {"old": False}}, "old: 1\nnew: 1",
        [("SC002", 3, 1, "key `old` is not allowed here")],
        ["clé `old` non permise ici"],
    ),
    "false-item": (
        {"properties": {"l": {"prefixItems": [{}, False]}}}, "l: [a, a]",
        [("SC006", 3, 8, "l[1]: no value is allowed here")],
        ["l[1]: aucune valeur n’est permise ici"],
    ),
    "items-false": (
        {"properties": {"l": {"prefixItems": [{}], "items": False}}}, "l: [a, b, c]",
        [("SC006", 3, 8, "l: must have at most 1 item(s) here, found 3; the extra ones start "
                         "at item 2")],
        ["l: doit contenir au plus 1 élément(s) ici ; trouvé : 3 ; les éléments en trop "
         "commencent à l’élément 2"],
    ),
    "unevaluatedItems": (
        {"properties": {"l": {"allOf": [{"prefixItems": [{}, {}]}], "unevaluatedItems": False}}},
        "l: [a, b, c]",
        [("SC006", 3, 11, "l: must have at most 2 item(s) here, found 3; the extra ones start "
                          "at item 3")],
        ["l: doit contenir au plus 2 élément(s) ici ; trouvé : 3 ; les éléments en trop "
         "commencent à l’élément 3"],
    ),
    "unevaluatedItems-inside": (
        {"properties": {"l": {"contains": {"const": "x"}, "unevaluatedItems": False}}},
        "l: [x, a, x]",
        [("SC006", 3, 8, "l: item 2 is not allowed here")],
        ["l: l’élément 2 n’est pas permis ici"],
    ),
    "additionalProperties": (
        {"properties": {"title": {}}, "additionalProperties": False}, "titel: x",
        [("SC002", 3, 1, "unknown key `titel`; did you mean `title`?")],
        ["clé inconnue `titel` ; vouliez-vous dire `title` ?"],
    ),
    "unevaluatedProperties": (
        {"allOf": [{"properties": {"a": {}}}], "properties": {"b": {}},
         "unevaluatedProperties": False},
        "a: 1\nb: 2\nc: 3",
        [("SC002", 5, 1, "unknown key `c`")],
        ["clé inconnue `c`"],
    ),
    "unevaluatedProperties-schema": (
        {"properties": {"a": {}}, "unevaluatedProperties": {"type": "string"}}, "a: 1\nc: 3",
        [("SC002", 4, 1, "key `c` is not declared, and its value does not fit what the schema "
                         "allows for other keys")],
        ["clé `c` non déclarée, et sa valeur ne convient pas à ce que le schéma permet pour les "
         "autres clés"],
    ),
    "dependencies-draft-07": (
        {"$schema": "http://json-schema.org/draft-07/schema#",
         "dependencies": {"end": ["start"]}},
        "end: 2024-01-01",
        [("SC001", 3, 1, "missing key `start`, required when `end` is present")],
        ["clé `start` absente, obligatoire quand `end` est présente"],
    ),
    "additionalItems-draft-07": (
        {"$schema": "http://json-schema.org/draft-07/schema#",
         "properties": {"l": {"items": [{}], "additionalItems": False}}},
        "l: [a, b]",
        [("SC006", 3, 8, "l: must have at most 1 item(s) here, found 2; the extra ones start "
                         "at item 2")],
        ["l: doit contenir au plus 1 élément(s) ici ; trouvé : 2 ; les éléments en trop "
         "commencent à l’élément 2"],
    ),
    "exclusiveMinimum-draft-04": (
        {"$schema": "http://json-schema.org/draft-04/schema#",
         "properties": {"n": {"minimum": 0, "exclusiveMinimum": True}}},
        "n: 0",
        [("SC006", 3, 4, "n: must be more than 0, found 0")],
        ["n: doit valoir plus de 0 ; trouvé : 0"],
    ),
    "other-keyword": (
        {"$schema": "http://json-schema.org/draft-03/schema#",
         "properties": {"k": {"disallow": "string"}}},
        "k: x",
        [("SC006", 3, 4, "k: does not satisfy the schema's `disallow`")],
        ["k: ne respecte pas le `disallow` du schéma"],
    ),
}  # fmt: skip


def lint_with(page, tmp_path: Path, schema: dict, front: str, lang: str) -> list[tuple]:
    """The diagnostics of a page whose `$schema` is ``schema``, in ``lang``."""
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "s.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    page(f"---\n$schema: s.schema.json\n{front}\n---\n")
    _code, out = run("check", "--format", "json", "--today", "2025-01-01", "--lang", lang,
                     "page.md")  # fmt: skip
    return found(json.loads(out))


@pytest.mark.parametrize(("schema", "front", "english", "french"), CASES.values(), ids=CASES)
def test_every_keyword_has_its_own_message_in_english_and_in_french(
    page, tmp_path, schema, front, english, french
):
    assert lint_with(page, tmp_path, schema, front, "en") == english
    assert lint_with(page, tmp_path, schema, front, "fr") == [
        (code, line, column, message)
        for (code, line, column, _english), message in zip(english, french, strict=True)
    ]


JSONSCHEMA_ENGLISH = (
    "is not", "is too", "greater than", "non-unique", "should", "Additional properties",
    "does not match", "is a required property", "was expected", "is valid under",
    "False schema", "Unevaluated", "is a dependency", "does not contain",
)  # fmt: skip


def test_no_french_message_holds_jsonschema_english_or_a_python_list(page, tmp_path):
    for schema, front, _english, _french in CASES.values():
        for _code, _line, _column, message in lint_with(page, tmp_path, schema, front, "fr"):
            assert not [words for words in JSONSCHEMA_ENGLISH if words in message], message
            assert "['" not in message and "{'" not in message, message


def test_a_schema_failing_everywhere_speaks_french_only(page, tmp_path):
    """One page failing many keywords at once, values of every type (lists and mappings are
    quoted as JSON)."""
    schema = {
        "properties": {
            "a": {"not": {"type": "object"}},
            "b": {"enum": [["x"], {"y": 1}, None, 2, "z"]},
            "c": {"const": ["x", {"y": "z"}]},
            "d": {"type": "array", "uniqueItems": True, "maxItems": 2},
            "e": {"oneOf": [{"type": "object"}, {"minProperties": 1}]},
        },
        "required": ["f"],
        "additionalProperties": False,
    }
    front = "a: {k: ['v']}\nb: {'y': 2}\nc: [x]\nd: [[1], [1], [1]]\ne: {k: 1}\ng: 1"
    got = lint_with(page, tmp_path, schema, front, "fr")
    assert got == [
        ("SC001", 1, 1, "clé obligatoire `f` absente"),
        ("SC006", 3, 1, 'a: `{"k": ["v"]}` n’est pas permis ici'),
        ("SC006", 4, 1, 'b: `{"y": 2}` ne fait pas partie des 5 valeurs permises (dont `["x"]`, '
                        '`{"y": 1}`, `null`)'),
        ("SC006", 5, 1, 'c: attendu : `["x", {"y": "z"}]` ; trouvé : `["x"]`'),
        ("SC006", 6, 1, "d: doit contenir au plus 2 élément(s) ; trouvé : 3"),
        ("SC006", 6, 10, "d: l’élément 2 répète l’élément 1"),
        ("SC006", 6, 15, "d: l’élément 3 répète l’élément 1"),
        ("SC006", 7, 1, "e: correspond à plus d’une des formes que le schéma permet (`oneOf`) ; "
                        "une seule est attendue"),
        ("SC002", 8, 1, "clé inconnue `g`"),
    ]  # fmt: skip
    for _code, _line, _column, message in got:
        assert not [words for words in JSONSCHEMA_ENGLISH if words in message], message
        assert "['" not in message and "{'" not in message, message


def test_a_problem_about_a_whole_list_does_not_hide_those_inside_it(page, tmp_path):
    """Reported at the list's key, not over its items: the items' own problems stay."""
    schema = {"properties": {"l": {"maxItems": 1, "items": {"enum": ["a", "la 7e"]}}}}
    got = lint_with(page, tmp_path, schema, "l:\n  - la 7ème\n  - a", "en")
    assert got == [
        ("SC006", 3, 1, "l: must have at most 1 item(s), found 2"),
        ("SC006", 4, 5, "l[0]: `la 7ème` is not one of the 2 allowed values; did you mean "
                        "`la 7e`?"),
    ]  # fmt: skip


def test_enum_suggestions_compare_a_bounded_number_of_values(page, tmp_path, monkeypatch):
    """Past ``_COMPARISONS`` allowed values compared on a page, difflib is not run again: only a
    value written with other capitals is still named."""
    monkeypatch.setattr(schema_module, "_COMPARISONS", 4)
    schema = {"properties": {"l": {"items": {"enum": ["atelier", "bootcamp", "demo"]}}}}
    assert lint_with(page, tmp_path, schema, "l: [bootcmp, bootcmp, Demo]", "en") == [
        ("SC006", 3, 5, "l[0]: `bootcmp` is not one of the 3 allowed values; did you mean "
                        "`bootcamp`?"),
        ("SC006", 3, 14, "l[1]: `bootcmp` is not one of the 3 allowed values: `atelier`, "
                         "`bootcamp`, `demo`"),
        ("SC006", 3, 23, "l[2]: `Demo` is not one of the 3 allowed values; did you mean "
                         "`demo`?"),
    ]  # fmt: skip


# --- errorMessage: a text, a text per language, one per keyword.


@pytest.mark.parametrize(
    ("message", "english", "french"),
    [
        ("expected an https address", "expected an https address", "expected an https address"),
        ({"en": "expected an https address", "fr": "attendu : une adresse https"},
         "expected an https address", "attendu : une adresse https"),
        ({"en": "expected an https address"}, "expected an https address",
         "expected an https address"),
        ({"de": "eine https-Adresse", "pattern-x": "ignored"}, "eine https-Adresse",
         "eine https-Adresse"),
        ({"fr-FR": "attendu : une adresse https", "en-GB": "expected an https address"},
         "expected an https address", "attendu : une adresse https"),
        ({"pattern": {"en": "an https address", "fr": "une adresse https"}, "format": "a URL"},
         "an https address", "une adresse https"),
    ],
    ids=["text", "per-language", "english-only", "any-language", "regions", "per-keyword"],
)  # fmt: skip
def test_error_message_in_the_report_language(page, tmp_path, message, english, french):
    schema = {"properties": {"u": {"pattern": "^https://", "errorMessage": message}}}
    assert lint_with(page, tmp_path, schema, "u: http://x", "en") == [
        ("SC006", 3, 4, f"u: `http://x`: {english}")
    ]
    assert lint_with(page, tmp_path, schema, "u: http://x", "fr") == [
        ("SC006", 3, 4, f"u: `http://x` : {french}")
    ]


def test_error_message_replaces_the_messages_of_value_keywords_only(page, tmp_path):
    hint = {"en": "between 1 and 5", "fr": "entre 1 et 5"}
    schema = {
        "properties": {
            "n": {"type": "integer", "minimum": 1, "maximum": 5, "errorMessage": hint},
            "d": {"format": "date", "errorMessage": {"fr": "une date AAAA-MM-JJ"}},
            "m": {"propertyNames": {"maxLength": 2, "errorMessage": hint}},
        }
    }
    front = "n: 7\nd: demain\nm: {abc: 1}\n---\n---"
    assert lint_with(page, tmp_path, schema, front.replace("7", "x", 1), "fr")[:1] == [
        ("SC003", 3, 4, "n: attendu : nombre entier ; trouvé : texte `x`")
    ]
    assert lint_with(page, tmp_path, schema, front, "fr") == [
        ("SC006", 3, 4, "n: `7` : entre 1 et 5"),
        ("SC004", 4, 4, "d: `demain` : une date AAAA-MM-JJ"),
        ("SC002", 5, 5, "m: clé `abc` : entre 1 et 5"),
    ]
    assert lint_with(page, tmp_path, schema, front, "en")[1] == (
        "SC004", 4, 4, "d: `demain`: une date AAAA-MM-JJ"
    )  # fmt: skip


# --- List items named as the editor reads the page (the `label` parameter).


def labels(tmp_path: Path, text: str, schema: dict | None = None) -> list[tuple[str, str, str]]:
    """(message as JSON formats show it, label in English, label in French) of every schema
    diagnostic of a page, by message; `-` when a diagnostic has no label."""
    if schema is not None:
        (tmp_path / ".git").mkdir(exist_ok=True)
        (tmp_path / "s.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    doc, problems = read_document(path, "page.md")
    assert doc is not None and problems == []
    rows = []
    for d in check(doc, SchemaStore()):
        args = dict(d.message.args)
        label = args.get("label")
        english, french = (label("en"), label("fr")) if label is not None else ("-", "-")
        rows.append((render(d.message.key, dict(args)), english, french))
    return sorted(rows)


def test_items_of_the_apply_page_are_named_by_the_schema_title_and_their_position(page, tmp_path):
    text = APPLY_PAGE.read_text(encoding="utf-8")
    before = "    - date: Sprint n° 5 (septembre-octobre 2025)\n"
    assert before in text
    page(text.replace(before, "    - date: ''\n"))
    assert labels(tmp_path, (tmp_path / "page.md").read_text(encoding="utf-8")) == [
        ("steps.dates[4].date: must not be empty", "Sprint 5 — date", "Sprint 5 — date")
    ]
    # The JSON formats keep the JSON path, as before.
    _code, out = run("check", "--format", "json", "--today", "2025-09-19", "page.md")
    assert [d["message"] for d in json.loads(out)["diagnostics"]] == [
        "steps.dates[4].date: must not be empty"
    ]


def test_items_are_named_by_their_own_title_else_by_list_and_position(page, tmp_path):
    schema = {
        "properties": {
            "l": {
                "type": "array",
                "items": {
                    "additionalProperties": False,
                    "properties": {
                        "title": {}, "name": {}, "d": {"type": "string"},
                        "sub": {"items": {"minimum": 3}},
                    },
                },
            },
            "top": {"type": "string"},
        }
    }  # fmt: skip
    front = (
        "top: 1\nl:\n  - d: 3\n  - title: Atelier\n    d: 3\n  - name: Demo\n    dd: x\n"
        "  - title: Atelier\n    sub: [5, 1]\n  - sub: [1]\n"
    )
    assert labels(tmp_path, f"---\n$schema: s.schema.json\n{front}---\n", schema) == [
        ("l[0].d: expected string, found integer `3`", "l, item 1, d", "l, élément 1, d"),
        ("l[1].d: expected string, found integer `3`", "Atelier — d", "Atelier — d"),
        ("l[2]: unknown key `dd`; did you mean `d`?", "Demo", "Demo"),
        ("l[3].sub[1]: must be at least 3, found 1", "Atelier — sub, item 2",
         "Atelier — sub, élément 2"),
        ("l[4].sub[0]: must be at least 3, found 1", "l, item 5, sub, item 1",
         "l, élément 5, sub, élément 1"),
        ("top: expected string, found integer `1`", "-", "-"),
    ]  # fmt: skip
