"""The pre-commit hook and the pull-request check, run for real in temporary git repositories.

pre-commit itself installs the hook from this repository's HEAD commit, with the README's
configuration (so the tests see committed code only: commit before running them); the GitHub workflow,
the composite action and the GitLab job are exercised by running the commands of their steps, in
order, as the runners would (bash -e -o pipefail), on a repository with a base branch and a change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import APPLY_PAGE, ROOT

APPLY = APPLY_PAGE.read_text(encoding="utf-8")
BIN = str(Path(sys.executable).parent)


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def site(repo: Path) -> Path:
    """A small Hugo site: the apply page, a profile with a duplicated key, a clean page."""
    (repo / "content" / "participer").mkdir(parents=True)
    (repo / "content" / "participer" / "postuler.md").write_text(APPLY, encoding="utf-8")
    (repo / "content" / "profil.md").write_text("---\ntitle: A\ntitle: B\n---\n", encoding="utf-8")
    (repo / "content" / "contact.md").write_text(
        "---\ntitle: Contact\n---\nÉcrivez-nous.\n", encoding="utf-8"
    )
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "site")
    return repo


def pre_commit(
    repo: Path, home: Path, *args: str, hook: str = "frontlint"
) -> subprocess.CompletedProcess:
    """`pre-commit run HOOK ARGS` in ``repo`` with the README's `.pre-commit-config.yaml`,
    pointed at this repository and its HEAD commit."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("**pre-commit**", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    head = git(ROOT, "rev-parse", "HEAD").strip()
    configuration = snippet.replace("<repository URL>", str(ROOT)).replace("<commit>", head)
    (repo / ".pre-commit-config.yaml").write_text(configuration, encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PATH": f"{BIN}:{os.environ['PATH']}"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, *args],
        cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("files", "code", "shown"),
    [(["content/profil.md"], 1, "content/profil.md:3:1: error FM002 [duplicate-key] duplicate key `title`"),
     (["content/contact.md", "content/participer/postuler.md"], 0, "frontlint")],
)  # fmt: skip
def test_pre_commit_hook(tmp_path, pre_commit_home, files, code, shown):
    """The README's `.pre-commit-config.yaml`, with this repository and its HEAD commit."""
    done = pre_commit(site(tmp_path / "site"), pre_commit_home, "--files", *files)
    assert done.returncode == code, done.stdout + done.stderr
    assert shown in done.stdout


def test_a_commit_that_adds_a_warning_shows_it(tmp_path, pre_commit_home):
    repo = site(tmp_path / "site")
    (repo / "content" / "atelier.md").write_text(
        "---\ntitle: Le 7ème atelier\n---\n", encoding="utf-8"
    )
    git(repo, "add", ".")
    done = pre_commit(repo, pre_commit_home, "--files", "content/atelier.md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "content/atelier.md:2:11: warning TY001 [french-ordinal] title: write `7e`, not `7ème`"
        in done.stdout
    )
    clean = pre_commit(repo, pre_commit_home, "--files", "content/contact.md")
    assert "- hook id: frontlint\n- duration:" in clean.stdout and "content/" not in clean.stdout


def test_the_fix_hook_fixes_and_stops_the_commit(tmp_path, pre_commit_home):
    repo = site(tmp_path / "site")
    page = repo / "content" / "atelier.md"
    page.write_text("---\ntitle: Le 7ème atelier  # à revoir\n---\n", encoding="utf-8")
    git(repo, "add", ".")
    done = pre_commit(repo, pre_commit_home, "--files", "content/atelier.md", hook="frontlint-fix")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Fixed 1 problem in 1 file." in done.stdout
    assert "- files were modified by this hook" in done.stdout
    assert page.read_text(encoding="utf-8") == "---\ntitle: Le 7e atelier  # à revoir\n---\n"
    again = pre_commit(repo, pre_commit_home, "--files", "content/atelier.md", hook="frontlint-fix")
    assert again.returncode == 0, again.stdout + again.stderr


def test_hook_definition():
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["language"], h["entry"], h["args"], h["types_or"], h.get("verbose")) for h in hooks] == [
        ("frontlint", "python", "frontlint check --force-exclude --quiet", ["--"], ["markdown", "html", "yaml"], True),
        ("frontlint-fix", "python", "frontlint check --force-exclude --fix --quiet --fail-on error", ["--"],
         ["markdown", "html", "yaml"], None),
    ]  # fmt: skip


@pytest.fixture
def pull_request(tmp_path) -> Path:
    """A clone of the site (its `origin/main` is the base branch) with a branch changing pages."""
    origin = site(tmp_path / "origin")
    repo = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", str(origin), str(repo)], check=True)
    git(repo, "checkout", "-q", "-b", "edit")
    page = repo / "content" / "participer" / "postuler.md"
    page.write_text(APPLY.replace("du 6 au 24 mai 2024", "du 25 au 6 juin 2024"), encoding="utf-8")
    (repo / "content" / "nouveau.md").write_text(
        "---\ntitle: Le 7ème atelier\n---\n", encoding="utf-8"
    )
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "edit")
    return repo


def run_steps(
    steps: list[dict], repo: Path, env: dict[str, str]
) -> list[subprocess.CompletedProcess]:
    done = []
    for step in steps:
        command = step.get("run")
        if not command or "pip install" in command:
            continue  # actions (`uses:`) belong to GitHub; frontlint is installed already
        done.append(subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
                                   cwd=repo, env=env, capture_output=True, text=True, check=False))  # fmt: skip
    return done


def expand(text: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        text = text.replace("${{ " + name + " }}", value)
    return text


def test_github_workflow_steps(pull_request, tmp_path):
    workflow = YAML(typ="safe").load(
        (ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8")
    )
    assert "pull_request" in workflow["on"]
    job = workflow["jobs"]["frontlint"]
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", "GITHUB_STEP_SUMMARY": str(summary)}
    env |= {k: expand(str(v), {"github.base_ref": "main"}) for k, v in job["env"].items()}
    results = run_steps(job["steps"], pull_request, env)
    assert [r.returncode for r in results] == [0, 0, 0, 1]
    annotations = results[0].stdout.splitlines()
    assert annotations == [
        "::warning file=content/nouveau.md,line=2,col=11,endLine=2,endColumn=15,title=TY001::"
        "title: écrire `7e`, pas `7ème`",
        "::error file=content/participer/postuler.md,line=28,col=37,endLine=28,endColumn=57,title=DT006::"
        "Sprint 2 — desc: période à l’envers : `du 25 au 6 juin 2024` finit le 6 juin 2024, avant "
        "de commencer le 25 juin 2024 ; manque-t-il le mois du début ?",
    ]  # the profile's old duplicate key is not the pull request's: not reported
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(
        "## frontlint\n\n1 erreur, 1 avertissement dans 2 fichiers (2 vérifiés ; 1 validé par un schéma, 1 sans)\n"
    )
    assert "```mermaid\ngantt\n" in text and "    section Sprint n° 2 (avril-mai 2024)\n" in text
    sarif = json.loads((pull_request / "frontlint.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["TY001", "DT006"]
    log = results[3].stdout.splitlines()
    token = log[0].removeprefix("::stop-commands::")
    assert len(token) == 32 and log[-1] == f"::{token}::"  # the report runs no workflow command
    assert log[-5:-1] == [
        "1  DT006  reversed-range", "1  TY001  french-ordinal",
        "1 erreur, 1 avertissement dans 2 fichiers (2 vérifiés ; 1 validé par un schéma, 1 sans)",
        "1 problème corrigeable avec `--fix`",
    ]  # fmt: skip


def test_composite_action_steps(pull_request, tmp_path):
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    summary = tmp_path / "summary.md"
    step = action["runs"]["steps"][1]
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", "GITHUB_STEP_SUMMARY": str(summary),
           "SINCE": "origin/main", "ARGS": "--fail-on warning", "SARIF": "out.sarif"}  # fmt: skip
    (result,) = run_steps([step], pull_request, env)
    assert result.returncode == 1
    log = result.stdout.splitlines()
    assert log[-1].startswith("::") and log[-1] in {f"::{line[17:]}::" for line in log}
    assert log[-3:-1] == [
        "1 error, 1 warning in 2 files (2 checked; 1 validated by a schema, 1 without)",
        "1 fixable with `--fix`",
    ]
    assert (pull_request / "out.sarif").is_file() and summary.read_text(
        encoding="utf-8"
    ).startswith("## frontlint")


def test_gitlab_job_script(pull_request):
    job = YAML(typ="safe").load((ROOT / "docs" / "gitlab-ci.yml").read_text(encoding="utf-8"))[
        "frontlint"
    ]
    env = {
        **os.environ,
        "PATH": f"{BIN}:{os.environ['PATH']}",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
    }
    steps = [{"run": line} for line in job["script"] if not line.startswith("git fetch")]
    results = run_steps(steps, pull_request, env)
    assert [r.returncode for r in results] == [0, 1]
    report = json.loads((pull_request / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert [issue["check_name"] for issue in report] == [
        "TY001 french-ordinal",
        "DT006 reversed-range",
    ]


def test_changed_since_outside_git_is_a_usage_error(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: a\n---\n", encoding="utf-8")
    done = subprocess.run([shutil.which("frontlint", path=BIN) or "frontlint", "check", "--changed-since", "main", "."],
                          cwd=tmp_path, capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 2
    assert "--changed-since main: " in done.stderr
