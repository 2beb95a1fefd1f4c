"""Hardening of what frontlint opens: pages, folders, configuration files, the output file.

Real files, real symbolic links, real named pipes in temporary folders. What could hang (a pipe,
a device) runs the real `frontlint` console script in a subprocess with a timeout: a hang fails
the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from linter.document import TooLarge, read_regular
from tests.conftest import TODAY, lint, run
from tests.test_workflows import BIN, git

PAGE = "---\ntitle: Le 7ème atelier\n---\n"
WITNESS = "TY001 title: write `7e`, not `7ème`"
"""What PAGE gives at 2:11: proof that the run went on and checked the other pages."""

OUTSIDE = "FM006 symbolic link pointing outside the checked folder: not followed"
LOOP = "FM006 symbolic link loop: not followed"
SPECIAL = "FM006 not a regular file (a pipe, a device, a socket…): not read"
SECRET = 'url = "https://robot:s3cr3t-t0ken@git.example.org/site.git"\n'


def check(*args: str) -> tuple[int, str]:
    """`frontlint check --quiet` through click's runner: (exit code, output)."""
    return run("check", "--today", TODAY, "--quiet", "--format", "concise", *args)


def frontlint(*args: str, cwd: Path) -> tuple[int, str, str]:
    """The real console script in a subprocess, stopped after 20 s (a hang fails the test)."""
    done = subprocess.run(
        [str(Path(BIN) / "frontlint"), *args],
        cwd=cwd, capture_output=True, text=True, check=False, timeout=20,
    )  # fmt: skip
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checked folder `site/` (the working folder) next to a folder `outside/` holding a
    secret; `site/ok.md` is a page with one known problem."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "config.json").write_text(SECRET, encoding="utf-8")
    (tmp_path / "outside" / "page.md").write_text(PAGE, encoding="utf-8")
    root = tmp_path / "site"
    root.mkdir()
    (root / "ok.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


# --- S-3: links out of the tree.


def test_S3_symlink_out_of_the_tree_is_not_followed(site):
    os.symlink("../outside/config.json", site / "leak.md")
    os.symlink("../outside/page.md", site / "page-outside.md")
    (site / "posts").mkdir()
    os.symlink("../../outside/config.json", site / "posts" / "deep.md")
    expected = (
        f"leak.md:1:1: {OUTSIDE}\n"
        f"ok.md:2:11: {WITNESS}\n"
        f"page-outside.md:1:1: {OUTSIDE}\n"
        f"posts/deep.md:1:1: {OUTSIDE}\n"
    )
    assert check() == (1, expected)
    assert check(".") == (1, expected)
    # Named on the command line (as pre-commit does): the tree is the working folder.
    assert check("leak.md", "ok.md", "posts/deep.md") == (
        1,
        f"leak.md:1:1: {OUTSIDE}\nok.md:2:11: {WITNESS}\nposts/deep.md:1:1: {OUTSIDE}\n",
    )
    # The folder named is the tree: a link from `posts/` to `ok.md` leaves it.
    os.symlink("../ok.md", site / "posts" / "up.md")
    assert check("posts") == (
        1,
        f"posts/deep.md:1:1: {OUTSIDE}\nposts/up.md:1:1: {OUTSIDE}\n",
    )
    code, out = run("check", "--format", "json", "--today", TODAY, "leak.md")
    assert code == 1
    assert "s3cr3t" not in out and "robot" not in out


def test_S3_in_french(site):
    os.symlink("../outside/config.json", site / "leak.md")
    assert check("--lang", "fr", "leak.md") == (
        1,
        "leak.md:1:1: FM006 lien symbolique qui pointe hors du dossier vérifié : non suivi\n",
    )


def test_S3_a_named_folder_that_leads_out_is_not_walked(site):
    os.symlink("../outside", site / "content")
    assert check("content", "ok.md") == (1, f"content:1:1: {OUTSIDE}\nok.md:2:11: {WITNESS}\n")


def test_S3_links_inside_the_tree_are_followed_and_the_page_is_shown_as_itself(site):
    (site / "common").mkdir()
    (site / "common" / "page.md").write_text(PAGE, encoding="utf-8")
    os.symlink("common/page.md", site / "alias.md")  # met before common/page.md, shown as it
    os.symlink("ok.md", site / "same.md")
    assert check() == (0, f"common/page.md:2:11: {WITNESS}\nok.md:2:11: {WITNESS}\n")
    # Named alone, a link inside the working folder is read (and shown as named).
    assert check("alias.md") == (0, f"alias.md:2:11: {WITNESS}\n")


def test_S3_links_to_folders_are_not_walked(site):
    (site / "docs").mkdir()
    (site / "docs" / "page.md").write_text(PAGE, encoding="utf-8")
    os.symlink("docs", site / "docs-again")  # inside: everything is reached without it
    os.symlink("../outside", site / "escape")  # outside: never walked
    assert check() == (0, f"docs/page.md:2:11: {WITNESS}\nok.md:2:11: {WITNESS}\n")


def test_S3_the_changed_since_filter_keeps_a_new_link_out_of_the_tree(site):
    git(site, "init", "-q", "-b", "main")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "first")
    os.symlink("../outside/config.json", site / "leak.md")
    assert check("--changed-since", "HEAD", ".") == (1, f"leak.md:1:1: {OUTSIDE}\n")


# --- H-1: only regular files are read, within a size limit.


def test_H1_pipes_and_devices_are_not_read_and_nothing_hangs(site):
    os.mkfifo(site / "fifo.md")
    (site / ".pipes").mkdir()  # hidden: never walked, reached only through the link
    os.mkfifo(site / ".pipes" / "fifo")
    os.symlink(".pipes/fifo", site / "to-fifo.md")  # inside the tree, to a pipe
    os.symlink("/dev/zero", site / "evil.md")  # outside the tree
    os.symlink("/dev/stdin", site / "stdin.md")
    rows = (
        f"evil.md:1:1: {OUTSIDE}\n"
        f"fifo.md:1:1: {SPECIAL}\n"
        f"ok.md:2:11: {WITNESS}\n"
        f"stdin.md:1:1: {OUTSIDE}\n"
        f"to-fifo.md:1:1: {SPECIAL}\n"
    )
    assert frontlint("check", "--today", TODAY, "--quiet", "--format", "concise", cwd=site) == (
        1,
        rows,
        "",
    )
    named = ("fifo.md", "to-fifo.md", "evil.md", "stdin.md", "ok.md")
    assert frontlint(
        "check", "--today", TODAY, "--quiet", "--format", "concise", *named, cwd=site
    ) == (1, rows, "")


def test_H1_a_device_named_on_the_command_line_is_not_read(site):
    # Named outside the working folder, /dev/zero's tree is /dev: it is refused as a device.
    assert frontlint(
        "check", "--today", TODAY, "--quiet", "--format", "concise", "/dev/zero", cwd=site
    ) == (
        1,
        f"/dev/zero:1:1: {SPECIAL}\n",
        "",
    )


def test_H1_size_limit_is_checked_before_reading(tmp_path):
    exact, over = tmp_path / "exact.md", tmp_path / "over.md"
    exact.write_bytes(b"x" * 10)
    over.write_bytes(b"x" * 11)
    assert read_regular(exact, 10) == b"x" * 10
    with pytest.raises(TooLarge) as refused:
        read_regular(over, 10)
    assert refused.value.size == 11
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(Exception, match="pipe") as special:
        read_regular(tmp_path / "pipe", 10)  # refused before opening: never waits for a writer
    assert type(special.value).__name__ == "NotRegularFile"


# --- H-5: configuration files.


def test_H5_configuration_that_is_no_regular_file_or_too_large_is_a_usage_error(site):
    os.mkfifo(site / "pipe.toml")
    code, out, err = frontlint("check", "--config", "pipe.toml", "ok.md", cwd=site)
    assert (code, out) == (2, "")
    assert (
        err.splitlines()[-1]
        == "Error: pipe.toml: cannot read the configuration: not a regular file"
    )
    code, out, err = frontlint("check", "--config", "/dev/zero", "ok.md", cwd=site)
    assert (code, out) == (2, "")
    assert (
        err.splitlines()[-1]
        == "Error: /dev/zero: cannot read the configuration: not a regular file"
    )
    with open(site / ".frontlint.toml", "wb") as big:
        big.truncate(1024 * 1024 + 1)  # sparse: 1 MiB and one byte
    code, out = check("ok.md")
    assert code == 2
    assert out.splitlines()[-1] == (
        "Error: .frontlint.toml: cannot read the configuration: larger than 1 MiB (1048577 bytes)"
    )
    (site / ".frontlint.toml").write_bytes(b"lang = 'fr'\n\xff\n")
    code, out = check("ok.md")
    assert code == 2
    assert out.splitlines()[-1] == (
        "Error: .frontlint.toml: cannot read the configuration: not UTF-8 (byte 13)"
    )


# --- C-3: loops of links.


def test_C3_symlink_loop_is_a_diagnostic_and_the_run_goes_on(site):
    os.symlink("b.md", site / "a.md")
    os.symlink("a.md", site / "b.md")
    rows = f"a.md:1:1: {LOOP}\nb.md:1:1: {LOOP}\nok.md:2:11: {WITNESS}\n"
    assert check() == (1, rows)
    assert check("a.md", "b.md", "ok.md") == (1, rows)
    code, payload = lint("a.md", "ok.md")
    assert (code, payload["files_checked"]) == (1, 2)
    # Per-file ignores resolve every path: a loop must not break them either.
    (site / ".frontlint.toml").write_text('[per-file-ignores]\n"ok.md" = ["TY"]\n', "utf-8")
    assert check() == (1, f"a.md:1:1: {LOOP}\nb.md:1:1: {LOOP}\n")


def test_C3_symlink_loop_with_changed_since(site):
    git(site, "init", "-q", "-b", "main")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "first")
    os.symlink("b.md", site / "a.md")
    os.symlink("a.md", site / "b.md")
    assert check("--changed-since", "HEAD", ".") == (1, f"a.md:1:1: {LOOP}\nb.md:1:1: {LOOP}\n")


def test_C3_folder_loops_end_the_walk(site):
    (site / "docs").mkdir()
    (site / "docs" / "page.md").write_text(PAGE, encoding="utf-8")
    os.symlink(".", site / "docs" / "self")
    os.symlink("..", site / "docs" / "parent")
    os.symlink("there", site / "here")  # a loop without a page name: no page, nothing to say
    os.symlink("here", site / "there")
    code, out, err = frontlint(
        "check", "--today", TODAY, "--quiet", "--format", "concise", cwd=site
    )
    assert (code, out, err) == (0, f"docs/page.md:2:11: {WITNESS}\nok.md:2:11: {WITNESS}\n", "")


# --- C-5: pyproject.toml whose `tool` or `tool.frontlint` is no table.


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tool = 3\n", "pyproject.toml:1:1: `tool`: expected a table, found a number"),
        (
            "# [tool.frontlint]: found by walking up\ntool = 'x'\n",
            "pyproject.toml:2:1: `tool`: expected a table, found a string",
        ),
        (
            '# [tool.frontlint]: found by walking up\n[tool]\nfrontlint = "strict"\n',
            "pyproject.toml:3:1: `tool.frontlint`: expected a table, found a string",
        ),
        ("[tool.frontlint]\nfail-on = 'error'\n[tool.frontlint.dates]\n", None),
        ("[project]\nname = 'x'\ntool = [1]\n", None),  # `project.tool`: not ours
    ],
)
def test_C5_pyproject_tool_that_is_no_table_is_a_located_config_error(site, text, message):
    (site / "pyproject.toml").write_text(text, encoding="utf-8")
    code, out = check("--config", "pyproject.toml", "ok.md")
    if message is None:
        assert (code, out) == (0, f"ok.md:2:11: {WITNESS}\n")
        return
    assert (code, out.splitlines()[-1]) == (2, f"Error: {message}")
    if "walking up" in text:
        code, out = check("ok.md")  # found by walking up: the same error
        assert (code, out.splitlines()[-1]) == (2, f"Error: {message}")


def test_C5_finding_the_configuration_reads_a_bounded_regular_pyproject(site):
    os.mkfifo(site / "pyproject.toml")  # no regular file: not a configuration, never opened
    code, out, err = frontlint(
        "check", "--today", TODAY, "--quiet", "--format", "concise", "ok.md", cwd=site
    )
    assert (code, out, err) == (0, f"ok.md:2:11: {WITNESS}\n", "")
    os.remove(site / "pyproject.toml")
    with open(site / "pyproject.toml", "wb") as big:
        big.truncate(1024 * 1024 + 1)
    code, out = check("ok.md")
    assert code == 2
    assert out.splitlines()[-1] == (
        "Error: pyproject.toml: cannot read the configuration: larger than 1 MiB (1048577 bytes)"
    )


# --- W-4: folders that cannot be listed.


def test_W4_a_folder_that_cannot_be_listed_is_reported(site):
    # As root, permissions never stop a listing; a path longer than the system's limit (4096
    # bytes on Linux, 1024 on macOS) does, for anyone: os.scandir fails with ENAMETOOLONG. The
    # folders are made one at a time relative to their parent (dir_fd), as the walk never is.
    name = "d" * 250
    parent = os.open(site, os.O_RDONLY)
    try:
        for _level in range(17):  # 17 * 251 bytes > 4096
            os.mkdir(name, dir_fd=parent)
            child = os.open(name, os.O_RDONLY, dir_fd=parent)
            os.close(parent)
            parent = child
    finally:
        os.close(parent)
    deepest = "/".join([name] * 17)
    assert check() == (
        1,
        f"{deepest}:1:1: FM006 cannot read folder: File name too long\nok.md:2:11: {WITNESS}\n",
    )
    assert check("--lang", "fr") == (
        1,
        f"{deepest}:1:1: FM006 impossible de lire le dossier : File name too long\n"
        f"ok.md:2:11: TY001 title: écrire `7e`, pas `7ème`\n",
    )


# --- K-1: the output file.


def test_K1_output_file_in_a_missing_folder_is_a_usage_error(site):
    code, out = check("-o", "no/such/dir/out.txt", "ok.md")
    assert code == 2
    assert out.splitlines()[-1] == (
        "Error: Invalid value for '--output-file' / '-o': cannot write the report to "
        "`no/such/dir/out.txt`: `no/such/dir` does not exist"
    )
    assert not (site / "no").exists()


def test_K1_output_file_that_is_a_folder_or_under_a_file_is_a_usage_error(site):
    (site / "reports").mkdir()
    code, out = check("--output-file", "reports", "ok.md")
    assert (code, out.splitlines()[-1]) == (
        2,
        "Error: Invalid value for '--output-file' / '-o': File 'reports' is a directory.",
    )
    code, out = check("-o", "ok.md/out.txt", "ok.md")
    assert (code, out.splitlines()[-1]) == (
        2,
        "Error: Invalid value for '--output-file' / '-o': cannot write the report to "
        "`ok.md/out.txt`: `ok.md` is not a folder",
    )


def test_K1_output_file_refused_when_writing_is_a_usage_error(site):
    long = "r" * 300 + ".txt"  # its folder exists; the system refuses the name itself
    code, out = check("-o", long, "ok.md")
    assert (code, out.splitlines()[-1]) == (
        2,
        "Error: Invalid value for '--output-file' / '-o': cannot write the report to "
        f"`{long}`: File name too long",
    )
    assert sorted(os.listdir(site)) == ["ok.md"]
