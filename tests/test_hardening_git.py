"""Hardening of what builds command lines or asks git: `--changed-since`, the pre-commit hook.

Real git repositories and real pre-commit, in temporary folders.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY, run
from tests.test_workflows import BIN, git, pre_commit

PAGE = "---\ntitle: Le 7ème atelier\n---\n"


def repository(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "old.md").write_text(PAGE, encoding="utf-8")
    git(path, "init", "-q", "-b", "main")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "first")
    (path / "new.md").write_text(PAGE, encoding="utf-8")
    return path


def check(*args: str, cwd: Path) -> tuple[int, str, str]:
    frontlint = str(Path(BIN) / "frontlint")
    done = subprocess.run(
        [frontlint, "check", "--today", TODAY, "--format", "concise", *args],
        cwd=cwd, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def test_W6_a_reference_that_looks_like_an_option_is_refused(tmp_path):
    repo = repository(tmp_path / "site")
    code, out, err = check("--changed-since=--fork-point", ".", cwd=repo)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        f"Error: --changed-since --fork-point: `--fork-point` is not a commit of the "
        f"repository at {repo}"
    )


def test_W6_a_valid_reference_checks_only_what_changed(tmp_path):
    repo = repository(tmp_path / "site")
    code, out, _err = check("--changed-since", "HEAD", "--quiet", ".", cwd=repo)
    assert (code, out) == (0, "new.md:2:11: TY001 title: write `7e`, not `7ème`\n")


def test_W7_the_repository_is_the_checked_paths_one_not_the_working_folders(tmp_path):
    repository(tmp_path / "a")
    other = repository(tmp_path / "b")
    (other / "another.md").write_text(PAGE, encoding="utf-8")
    code, out, _err = check("--changed-since", "HEAD", "--quiet", "../b", cwd=tmp_path / "a")
    assert (code, out.splitlines()) == (0, [
        "../b/another.md:2:11: TY001 title: write `7e`, not `7ème`",
        "../b/new.md:2:11: TY001 title: write `7e`, not `7ème`",
    ])  # fmt: skip


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse non-UTF-8 names")
def test_C4_a_file_name_that_is_not_utf8_survives_changed_since(tmp_path):
    repo = repository(tmp_path / "site")
    (repo / os.fsdecode(b"caf\xe9.md")).write_text(PAGE, encoding="utf-8")
    code, out, err = check("--changed-since", "HEAD", "--format", "json", ".", cwd=repo)
    assert (code, err) == (0, "")
    assert '"files_checked": 2' in out


def test_W10_yaml_data_files_are_no_pages_unless_a_schema_is_mapped(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".pre-commit-config.yaml").write_text("---\nrepos: []\n", encoding="utf-8")
    (tmp_path / "data.yml").write_text("---\ntitle: a\ntitle: b\n", encoding="utf-8")
    assert run("check", "--isolated", ".pre-commit-config.yaml", "data.yml") == (
        0, "No problems found in 0 files\n"
    )  # fmt: skip
    (tmp_path / "s.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".frontlint.toml").write_text('[schemas]\n"*.yml" = "s.json"\n', encoding="utf-8")
    code, out = run(
        "check", "--quiet", "--format", "concise", ".pre-commit-config.yaml", "data.yml"
    )
    assert (code, out) == (
        1,
        "data.yml:1:1: FM003 front matter opened with `---` is never closed\n",
    )


def test_S2_a_file_named_like_an_option_stays_a_file_name_in_the_hook(tmp_path, pre_commit_home):
    """Real pre-commit with the README's configuration; the hook ends options with `--`."""
    repo = tmp_path / "site"
    repo.mkdir()
    (repo / "README.md").write_text("keep me\n", encoding="utf-8")
    (repo / "-oREADME.md").write_text("---\ntitle: a\ntitle: b\n---\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    done = pre_commit(repo, pre_commit_home, "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "-oREADME.md:3:1: error FM002 [duplicate-key] duplicate key `title`" in done.stdout
    assert (repo / "README.md").read_text(encoding="utf-8") == "keep me\n"


def test_K1_the_report_is_never_written_through_a_link_or_into_a_pipe(tmp_path, monkeypatch):
    """A pull request can commit `frontlint.sarif` as a link out of the checkout, or a pipe."""
    monkeypatch.chdir(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n", encoding="utf-8")
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    os.symlink(outside, tmp_path / "report.sarif")
    os.mkfifo(tmp_path / "pipe.sarif")
    for name, reason in (
        ("report.sarif", "it is a symbolic link"),
        ("pipe.sarif", "it is not a regular file"),
    ):
        code, out = run("check", "--isolated", "-o", name, "page.md")
        assert code == 2
        assert out.splitlines()[-1] == (
            f"Error: Invalid value for '--output-file' / '-o': cannot write the report to `{name}`: {reason}"
        )
    assert outside.read_text(encoding="utf-8") == "precious\n"
