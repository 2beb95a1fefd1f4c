"""The README's examples, run: its configuration, suppressions, usage and pre-commit snippet.

(Its two first commands are run as written by `.ci/run`; its example output and rule table by
tests/test_cli.py.)
"""

from __future__ import annotations

import re
import shutil

from linter import config
from linter.diagnostics import Severity
from linter.rules import all_rules
from linter.rules.dates import TIME_FORMAT
from linter.rules.links import ALLOWED_SCHEMES, KNOWN_DOMAINS_OPTION
from linter.rules.placeholders import SITE_PHRASES
from tests.conftest import ROOT, TODAY, check_page, run

README = (ROOT / "README.md").read_text(encoding="utf-8")


def block(after: str, language: str) -> str:
    """The first fenced block of ``language`` after the text ``after``."""
    rest = README.split(after, 1)[1]
    return rest.split(f"```{language}\n", 1)[1].split("```\n", 1)[0]


def test_the_complete_configuration_example_is_valid_and_read(tmp_path):
    (tmp_path / "schemas").mkdir()
    shutil.copy(ROOT / "schemas" / "apply.schema.json", tmp_path / "schemas")
    (tmp_path / "schemas" / "personne.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "site").mkdir()
    file = tmp_path / ".frontlint.toml"
    file.write_text(block("A complete example:", "toml"), encoding="utf-8")
    settings = config.load(file, frozenset(r.code for r in all_rules()))
    assert (settings.select, settings.ignore, settings.lang, settings.fail_on) == (
        ("ALL",),
        ("TY002",),
        "fr",
        Severity.ERROR,
    )
    assert settings.severity == {"LK004": Severity.ERROR}
    assert settings.per_file_ignores == (("content/blog/*.md", ("TY", "DT009")),)
    assert settings.base_url == "https://www.eig.numerique.gouv.fr"
    assert (settings.site_root, settings.site_language) == (tmp_path / "site", "fr")
    assert settings.option(KNOWN_DOMAINS_OPTION) == ("beta.gouv.fr", "demarches.numerique.gouv.fr")
    assert settings.option(ALLOWED_SCHEMES) == ("matrix",)
    assert settings.option(SITE_PHRASES) == ("en cours de rédaction",)
    assert settings.option(TIME_FORMAT) == "spaced"


def test_the_suppression_examples_do_what_they_say(tmp_path):
    front = block("Inline suppressions", "yaml")
    body = block(front, "markdown")
    rows = check_page(tmp_path, f"---\n{front}---\n{body}", TODAY)
    assert rows == [
        ("FL002", 5, 1, "unused suppression `disable-file=PH001`: nothing to suppress"),
    ]


def test_the_usage_lists_the_real_options():
    usage = block("## Usage", "")
    listed = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", usage))
    _code, help_text = run("check", "--help")
    real = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", help_text))
    for command in (("rules", "--help"), ("schemas", "export", "--help"), ("--help",)):
        real |= set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", run(*command)[1]))
    assert listed - real == set()
    assert real - listed <= {"--help", "--no-color"}


def test_the_json_example_is_what_frontlint_prints(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(
        "---\ntitle: Appel\ntitle: Appel à candidatures\n---\n", encoding="utf-8"
    )
    assert run("check", "--isolated", "--format", "json", "page.md") == (
        1, block("`--format json` prints exactly", "json")
    )  # fmt: skip
