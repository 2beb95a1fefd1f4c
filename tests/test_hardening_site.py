"""Hardening of the site model and the internal-link rules against hostile pull requests.

A pull request writes the pages, the generator's configuration and the links: none of it may run
a command, read or list what lies outside the site, crash a check, or make a run's time grow
faster than the size of what it reads. Real git repositories and the real CLI, in temporary
folders (what must not take long runs in a subprocess with a time limit).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from linter.site import anchors as site_anchors
from tests.conftest import run
from tests.test_workflows import BIN, git

TODAY = "2026-11-26"
PAGE = "---\ntitle: Page\n---\n"


def check(*args: str, cwd: Path, timeout: float = 60) -> tuple[int, str, str]:
    frontlint = str(Path(BIN) / "frontlint")
    done = subprocess.run(
        [frontlint, "check", "--today", TODAY, "--isolated", "--format", "concise", *args],
        cwd=cwd, capture_output=True, text=True, check=False, timeout=timeout,
    )  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def rows(*args: str) -> tuple[int, list[tuple[str, str, int, int, str]], int]:
    """Lint in the working folder: (exit code, (path, code, line, column, message), checked)."""
    code, out = run("check", "--format", "json", "--today", TODAY, "--isolated", *args)
    payload = json.loads(out)
    listed = [
        (d["path"], d["code"], d["line"], d["column"], d["message"]) for d in payload["diagnostics"]
    ]
    return code, listed, payload["files_checked"]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


# --- S-1: `--changed-since` on a path of the checkout runs git there; a folder of the pull
# request that looks like a bare repository (HEAD, objects/, refs/, config) is taken by git as
# *the* repository, with its `config`: `core.worktree` + `core.fsmonitor` run any command.


def test_S1_changed_since_never_runs_the_config_of_a_bare_repository_in_the_checkout(tmp_path):
    marker = tmp_path / "pwned"
    inner = tmp_path / "inner"  # the history the pull request ships inside `content/`
    inner.mkdir()
    write(inner / "f", "one\n")
    git(inner, "init", "-q", "-b", "main")
    git(inner, "add", ".")
    git(inner, "commit", "-q", "-m", "one")
    write(inner / "f", "two\n")
    git(inner, "commit", "-q", "-am", "two")
    repo = tmp_path / "repo"
    write(repo / "_config.yml", "title: x\n")
    write(repo / "content" / "a.md", PAGE)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    content = repo / "content"
    for name in ("objects", "refs"):
        shutil.copytree(inner / ".git" / name, content / name)
    shutil.copy(inner / ".git" / "HEAD", content / "HEAD")
    write(
        content / "config",
        "[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n"
        f'\tfsmonitor = "echo pwned > {marker}; false"\n',
    )
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "pull request")
    code, out, err = check("--changed-since", "main", "content", cwd=repo)
    assert not marker.exists()
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert err.splitlines()[-1].startswith("Error: --changed-since main: ")


# --- S-2: a configuration folder linked out of the site is listed (its files are refused, but
# their names, from outside, reach the messages).


def test_S2_a_configuration_folder_linked_out_of_the_site_is_not_listed(tmp_path, monkeypatch):
    write(tmp_path / "outside" / "_default" / "secret-name.yaml", "a: 1\n")
    site = tmp_path / "site"
    write(site / "content" / "a.md", PAGE)
    (site / "config").symlink_to("../outside")
    monkeypatch.chdir(site)
    code, listed, checked = rows(".")
    assert (code, checked) == (0, 2)
    assert listed == [
        (
            "config/_default",
            "FM011",
            1,
            1,
            "the site's configuration is a link out of the site's folder: not read",
        )
    ]


# --- C-1: `config/_default` whose stat fails otherwise than "not found" (EACCES through a link
# into /root or /proc/1/cwd on a runner; here ENAMETOOLONG): `Path.is_dir` raises on 3.10/3.11.


def test_C1_a_configuration_folder_that_cannot_be_examined_is_no_internal_error(
    tmp_path, monkeypatch
):
    write(tmp_path / "content" / "a.md", PAGE)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "_default").symlink_to("a" * 300)
    monkeypatch.chdir(tmp_path)
    code, listed, checked = rows(".")
    assert (code, checked) == (0, 2)
    assert listed == [
        (
            "config/_default",
            "FM011",
            1,
            1,
            "the site's configuration cannot be read (not a regular UTF-8 file of at most 1 MiB)",
        )
    ]


# --- C-2: a base URL that `urlsplit` refuses (`https://[::1`) makes every page with an
# absolute http(s) link an FL001 internal error.


def test_C2_a_hugo_base_url_that_is_no_url_is_no_internal_error(tmp_path, monkeypatch):
    write(tmp_path / "hugo.toml", 'baseURL = "https://[::1"\n')
    write(tmp_path / "content" / "a.md", PAGE + "[x](https://example.org/a)\n")
    monkeypatch.chdir(tmp_path)
    assert rows(".") == (0, [], 1)


def test_C2_a_jekyll_url_that_is_no_url_is_no_internal_error(tmp_path, monkeypatch):
    write(tmp_path / "_config.yml", 'url: "https://[::1"\n')
    write(tmp_path / "a.md", PAGE + "[x](https://example.org/a)\n")
    monkeypatch.chdir(tmp_path)
    assert rows(".") == (0, [], 1)


def test_C2_a_site_base_url_option_that_is_no_url_is_a_usage_error(tmp_path, monkeypatch):
    write(tmp_path / ".frontlint.toml", '[site]\nbase-url = "https://[::1"\n')
    write(tmp_path / "_config.yml", "title: x\n")
    write(tmp_path / "a.md", PAGE + "[x](https://example.org/a)\n")
    monkeypatch.chdir(tmp_path)
    code, out = run("check", "--today", TODAY, ".")
    assert code == 2
    assert out.splitlines()[-1] == (
        "Error: .frontlint.toml:2:1: `site.base-url`: expected an absolute http(s) URL, "
        "found 'https://[::1'"
    )


# --- C-3: `collections_dir` naming a file (`jekyll.kind_of`: `inner[0]` of an empty tuple).


def test_C3_a_collections_dir_that_names_a_file_is_no_internal_error(tmp_path, monkeypatch):
    write(tmp_path / "_config.yml", "collections_dir: index.md\n")
    write(tmp_path / "index.md", PAGE)
    monkeypatch.chdir(tmp_path)
    assert rows(".") == (0, [], 1)


# --- P-1: wildcards of URL patterns (permalink tokens without a value, a NUL in an alias) are
# compiled as `[^/]+` side by side: Python's `re` backtracks over every split of a segment.
# 12 wildcards against 40 letters: C(39, 11) = 1.7e9 tries (hours); linear: a fraction of a second.

LONG = "/" + "a" * 40 + "/x/y"


def test_P1_a_jekyll_permalink_of_unknown_tokens_does_not_backtrack(tmp_path):
    write(tmp_path / "_config.yml", "title: x\n")
    write(tmp_path / "p.md", '---\ntitle: p\npermalink: "/:a:b:c:d:e:f:g:h:i:j:k:l/"\n---\n')
    # `/abcdefghijkl/` is served by the permalink (one letter a token): no LK009 for it.
    write(tmp_path / "index.md", PAGE + f"[x]({LONG})\n[y](/abcdefghijkl/)\n")
    code, out, err = check("-q", "index.md", cwd=tmp_path, timeout=20)
    assert (code, out, err) == (
        1,
        f"index.md:4:5: LK009 no page or file of the site is at `{LONG}`\n",
        "",
    )


def test_P1_a_hugo_alias_of_nul_characters_does_not_backtrack(tmp_path):
    write(tmp_path / "hugo.toml", 'title = "x"\n')
    write(tmp_path / "content" / "p.md", '---\ntitle: p\naliases: ["/' + "\\0" * 12 + '/"]\n---\n')
    # `/abcdefghijkl/` is served by the alias (one letter a NUL): no LK009 for it.
    write(tmp_path / "content" / "index.md", PAGE + f"[x]({LONG})\n[y](/abcdefghijkl/)\n")
    code, out, err = check("-q", "content/index.md", cwd=tmp_path, timeout=20)
    assert (code, out, err) == (
        1,
        f"content/index.md:4:5: LK009 no page or file of the site is at `{LONG}`\n",
        "",
    )


# --- P-2: a page's own anchors are computed again for each of its `#fragment` links (250 links
# on a page of 5,000 headings: 33 s, in a plain folder too).


def test_P2_the_anchors_of_a_page_are_read_once_whatever_its_number_of_links(tmp_path, monkeypatch):
    calls: list[int] = []
    original = site_anchors.heading_ids

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(site_anchors, "heading_ids", counted)
    monkeypatch.chdir(tmp_path)
    counts = []
    for links in (1, 40):
        calls.clear()
        body = "".join(f"[x](#titre-{i})\n" for i in range(links)) + "\n## Titre 0\n"
        write(tmp_path / "page.md", PAGE + body)
        code, listed, _checked = rows("page.md")
        assert (code, len(listed)) == (0, links - 1)
        counts.append(len(calls))
    assert counts[1] == counts[0]


# --- P-3: each broken link's "did you mean" runs difflib over every URL of the site
# (2,000 broken links on a site of 5,000 pages: 60 s).


def test_P3_suggestions_for_many_broken_links_stay_linear(tmp_path):
    write(tmp_path / "hugo.toml", 'title = "x"\n')
    docs = tmp_path / "content" / "docs"
    docs.mkdir(parents=True)
    for i in range(5000):
        (docs / f"p{i}.md").write_text(f"---\ntitle: p{i}\n---\n", encoding="utf-8")
    body = "".join(f"[x](/docs/q{i}/)\n" for i in range(2000))
    write(tmp_path / "content" / "many.md", PAGE + body)
    code, out, err = check("-q", "--max-per-rule", "0", "content/many.md", cwd=tmp_path, timeout=30)
    lines = out.splitlines()
    assert (code, len(lines), err) == (1, 2000, "")
    assert lines[0] == (
        "content/many.md:4:5: LK009 no page or file of the site is at `/docs/q0/`; "
        "did you mean `/docs/p0/`?"
    )


# --- P-4: each missing anchor's suggestion runs difflib over every anchor of the target, and
# the list of anchors quoted in a message is not shortened: a heading of 200,000 characters and
# 300 links make 60 MB of output.


def test_P4_anchors_quoted_in_messages_are_shortened(tmp_path, monkeypatch):
    links = "".join(f"[x](#q{i})\n" for i in range(3))
    write(tmp_path / "page.md", PAGE + links + "\n## " + "y" * 5000 + "\n")  # (x…: PH001)
    monkeypatch.chdir(tmp_path)
    code, listed, _checked = rows("page.md")
    assert (code, len(listed)) == (0, 3)
    assert all(len(message) < 300 for *_place, message in listed)


def test_P4_missing_anchors_on_a_page_of_many_headings_stay_linear(tmp_path):
    headings = "".join(f"## Heading number {i}\n" for i in range(3000))
    links = "".join(f"[x](#heading-numbr-{i})\n" for i in range(1000))
    write(tmp_path / "page.md", PAGE + links + "\n" + headings)
    code, out, err = check("-q", "--max-per-rule", "0", "page.md", cwd=tmp_path, timeout=30)
    lines = out.splitlines()
    assert (code, len(lines), err) == (0, 1000, "")
    assert lines[0] == (
        "page.md:4:6: LK010 `#heading-numbr-0` is not an anchor of this page; "
        "did you mean `#heading-number-0`?"
    )


def test_a_link_changed_between_two_runs_of_one_process_is_read_again(tmp_path, monkeypatch):
    # Real paths are resolved once per run (linter.paths), never kept from one run to the next:
    # a schema mapped by a glob on the page's real path follows the link where it now leads.
    write(tmp_path / ".frontlint.toml", '[schemas]\n"pages/strict/*.md" = "strict.json"\n')
    write(tmp_path / "strict.json", '{"required": ["date"]}')
    write(tmp_path / "pages" / "loose" / "a.md", PAGE)
    write(tmp_path / "pages" / "strict" / "a.md", PAGE)
    (tmp_path / "page.md").symlink_to("pages/loose/a.md")
    monkeypatch.chdir(tmp_path)

    def listed() -> tuple[int, list[tuple[str, str, int, str]]]:
        code, out = run("check", "--format", "json", "--today", TODAY, "--lang", "en", "page.md")
        return code, [
            (d["path"], d["code"], d["line"], d["message"]) for d in json.loads(out)["diagnostics"]
        ]

    assert listed() == (0, [])
    (tmp_path / "page.md").unlink()
    (tmp_path / "page.md").symlink_to("pages/strict/a.md")
    assert listed() == (1, [("page.md", "SC001", 1, "missing required key `date`")])


def test_a_named_folder_through_a_link_and_dots_is_the_folder_listed(tmp_path, monkeypatch):
    # `l/../content` is listed as `content` (as written, dots removed): its files' real paths are
    # that folder's, whatever `l` links to, for the exclusions as for everything else.
    write(tmp_path / "content" / "a.md", "---\ntitle: Le 7ème\n---\n")
    write(tmp_path / "x" / "content" / "b.md", PAGE)
    (tmp_path / "x" / "y").mkdir()
    (tmp_path / "l").symlink_to("x/y")
    write(tmp_path / ".frontlint.toml", 'extend-exclude = ["content/a.md"]\n')
    monkeypatch.chdir(tmp_path)
    code, out = run("check", "--format", "json", "--today", TODAY, "l/../content")
    assert (code, json.loads(out)["files_checked"], json.loads(out)["diagnostics"]) == (0, 0, [])
    write(tmp_path / ".frontlint.toml", "")
    code, out = run("check", "--format", "json", "--today", TODAY, "--lang", "en", "l/../content")
    assert [(d["path"], d["code"]) for d in json.loads(out)["diagnostics"]] == [
        ("content/a.md", "TY001")
    ]
