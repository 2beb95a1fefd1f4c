"""``page.described``: the subschema of every front-matter node in one descent, what
``schema_at`` gives for each path ($ref, allOf, prefixItems, items, additionalProperties)."""

from __future__ import annotations

import json

from linter import schema
from linter.page import described, schema_at
from linter.yamltree import LineIndex, parse, walk

SCHEMA = {
    "$defs": {
        "date": {"type": "string", "x-frontlint-in": {"pattern": "a"}},
        "step": {"allOf": [{"properties": {"date": {"$ref": "#/$defs/date"}}}, {"title": "S"}]},
    },
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}},
        "pair": {"prefixItems": [{"title": "first"}, {"title": "second"}], "items": {"title": "n"}},
        "extra": {"additionalProperties": {"title": "any"}},
        "plain": True,
    },
}

PAGE = """\
title: T
steps:
  - date: 1er mars
    desc: d
  - date: 2 mars
    more: [a, {b: c}]
pair: [x, y, z]
extra: {k: v, l: [1, 2]}
plain: {deep: [x]}
title: again
? [complex, key]
: v
"""


def test_every_node_has_the_subschema_schema_at_gives(tmp_path):
    (tmp_path / "s.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    store = schema.SchemaStore((tmp_path,), lambda _layout, _path: None)
    view = store.load(tmp_path / "s.schema.json").view
    root, _problems = parse(PAGE, 0, LineIndex(PAGE))
    found = described(view, root)
    walked = list(walk(root))
    assert [(path, node) for path, node, _schema in found] == walked
    assert [subschema for _path, _node, subschema in found] == [
        schema_at(view, path) for path, _node in walked
    ]
    by_path = {path: subschema for path, _node, subschema in found}
    assert by_path[("steps", 1, "date")]["x-frontlint-in"] == {"pattern": "a"}
    assert by_path[("steps", 0)]["title"] == "S"
    assert [by_path[("pair", i)].get("title") for i in range(3)] == ["first", "second", "n"]
    assert by_path[("extra", "l", 1)] == {}
    assert by_path[("extra", "k")] == {"title": "any"}
    assert [path for path, _node, _schema in found].count(("title",)) == 2  # a duplicate key
    assert described(None, root) == [(path, node, {}) for path, node in walked]
