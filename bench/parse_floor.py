"""The parse floor of `bench/scale.py`: what any front-matter validator must at least do.

    python bench/parse_floor.py FOLDER

Reads every ``*.md`` under FOLDER, splits off its YAML front matter (between the first two
``---`` lines) and parses it with ruamel.yaml's C loader (``YAML(typ="safe", pure=False)``,
libyaml through ruamel.yaml.clib) — nothing else: no schema, no rule, no report. Prints the
number of pages parsed, and of those the loader refused (a duplicate key: the real site has one).
Exits with status 2 when the C loader is not installed (a pure-Python floor is no floor).
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=False)
    if "CParser" not in getattr(yaml.Parser, "__name__", ""):  # no ruamel.yaml.clib: pure Python
        print("parse_floor: ruamel.yaml.clib is not installed", file=sys.stderr)
        sys.exit(2)
    count = failed = 0
    for folder, _dirs, files in os.walk(sys.argv[1]):
        for name in files:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                text = handle.read()
            if not text.startswith("---\n"):
                continue
            end = text.find("\n---", 3)
            if end < 0:
                continue
            try:
                yaml.load(text[4 : end + 1])
            except Exception:  # a broken page (duplicate key, bad syntax) is parsed all the same
                failed += 1
            count += 1
    print(f"{count} pages parsed, {failed} with a YAML error")


if __name__ == "__main__":
    main()
