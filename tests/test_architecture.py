"""The shape of the package: no import cycle, and the engine knows no rule family."""

from __future__ import annotations

import ast

from tests.conftest import ROOT


def imports() -> dict[str, set[str]]:
    """Module -> the linter modules it imports, at load time or inside functions (type-only
    imports aside: they never run)."""
    graph: dict[str, set[str]] = {}
    for file in (ROOT / "linter").rglob("*.py"):
        parts = file.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        imported = set()
        tree = ast.parse(file.read_text(encoding="utf-8"))
        typing_only = {
            id(child)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
            for child in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("linter")
            ):
                imported.add(node.module)
                imported.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                imported.update(a.name for a in node.names if a.name.startswith("linter"))
        graph[name] = imported
    return {name: {i for i in imported if i in graph} for name, imported in graph.items()}


def test_no_import_cycle():
    graph = imports()
    state: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert state.get(name) != 1, f"import cycle: {' -> '.join((*trail, name))}"
        if state.get(name) == 2:
            return
        state[name] = 1
        for other in sorted(graph[name]):
            visit(other, (*trail, name))
        state[name] = 2

    for name in sorted(graph):
        visit(name, ())


def test_the_engine_imports_no_rule_family():
    families = {m for m in imports() if m.startswith("linter.rules.")} - {"linter.rules.core"}
    assert families  # the families exist, so the next line can fail
    assert not imports()["linter.engine"] & families
