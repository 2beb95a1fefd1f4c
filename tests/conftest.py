"""Shared helpers: run the real CLI (click's runner) and read its JSON output."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linter.cli import cli

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"  # a copy of the shared corpus: see tests/corpus/NOTICE
SITE = CORPUS / "eig-site"
APPLY_PAGE = SITE / "site" / "content" / "participer" / "candidats" / "postuler.md"
SEED = CORPUS / "apply-seed.md"
TODAY = "2025-09-19"

# Each test sees frontlint's results computed afresh (tests/test_cache.py turns the cache on).
os.environ["FRONTLINT_NO_CACHE"] = "1"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def lint(*paths: str | Path, extra: tuple[str, ...] = ()) -> tuple[int, dict]:
    """`frontlint check --format json` on paths: (exit code, parsed output)."""
    code, out = run("check", "--format", "json", "--today", TODAY, *extra, *map(str, paths))
    return code, json.loads(out)


def found(payload: dict) -> list[tuple[str, int, int, str]]:
    """(code, line, column, message) of every diagnostic, in output order."""
    return [(d["code"], d["line"], d["column"], d["message"]) for d in payload["diagnostics"]]


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write a page in a fresh folder (the working directory) and return its path."""
    monkeypatch.chdir(tmp_path)

    def write(text: str | bytes, name: str = "page.md") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return write


def check_page(
    tmp_path: Path, text: str, today: str = TODAY, lang: str = "en"
) -> list[tuple[str, int, int, str]]:
    """Lint one page text (written as-is) and return (code, line, column, message) rows."""
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8", newline="")
    _code, out = run("check", "--format", "json", "--today", today, "--lang", lang, str(path))
    return found(json.loads(out))


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the run: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def write_example(folder: Path, example: Any) -> Path:
    """A rule's spec example in ``folder``: its page, and the files beside it (its schema, the
    pages it refers to). Returns the page."""
    target = folder / example.path
    for path, text in example.files:
        extra = target.parent / path
        assert extra.resolve().is_relative_to(folder.resolve()), path
        extra.parent.mkdir(parents=True, exist_ok=True)
        extra.write_text(text, encoding="utf-8", newline="")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(example.text, encoding="utf-8", newline="")
    return target


def serve_example(monkeypatch: pytest.MonkeyPatch, example: Any) -> None:
    """The web answering as a spec example's ``served`` says. A transport stands in for the
    network: the examples name real hosts over HTTPS, which no server on 127.0.0.1 can be
    (the other tests of tests/test_online.py use a real server on 127.0.0.1)."""
    import httpx

    from linter import online

    served = {s.url: s for s in example.served}

    def answer(request: httpx.Request) -> httpx.Response:
        found = served[str(request.url)]  # (a URL the example does not serve: KeyError)
        if found.status == 0:
            raise httpx.ReadTimeout("no answer", request=request)
        headers = {"Location": found.location} if found.location else {}
        if found.body:
            headers["Content-Type"] = "text/html"
        return httpx.Response(found.status, headers=headers, content=found.body.encode())

    monkeypatch.setattr(online, "make_transport", lambda guard: httpx.MockTransport(answer))


def spy(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, record: Callable[..., Any]
) -> list[Any]:
    """Replace ``owner.name`` by a function that calls it through and appends what ``record``
    makes of each call's arguments to the list returned."""
    calls: list[Any] = []
    real = getattr(owner, name)

    def spying(*args: Any, **kwargs: Any) -> Any:
        calls.append(record(*args, **kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spying)
    return calls
