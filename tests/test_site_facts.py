"""The sites' facts (``cache.Facts``): what each file gave the URL index outlives a state of the
tree, so that a run after a commit reads again the pages that changed only, and says what a run
without any cache says; a changed page, a changed configuration, a file changed just before the
run or a facts file changed by hand are never taken from it."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import cache
from linter.cli import cli
from linter.site import index
from tests.conftest import ROOT, TODAY, spy

HUGO = 'baseURL = "https://exemple.fr/"\ntitle = "Site"\n'


@pytest.fixture
def facts(tmp_path, monkeypatch):
    """The cache on, a signing key of this test's own, files taken as soon as written (the
    tests write them a moment before the run: ``RACY_NS`` has its own test), and the pages
    whose front matter the index reads."""
    monkeypatch.delenv("FRONTLINT_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(cache, "RACY_NS", 0)
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.chdir(site)
    read = spy(
        monkeypatch, index, "front_matter", lambda p, *a: Path(p).relative_to(site).as_posix()
    )
    return site, read


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["check", "-q", "--format", "concise", "--today", TODAY, "-j", "1", *args]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)  # (no crash)
    return result.exit_code, result.stdout, result.stderr


def write(site: Path, name: str, text: str) -> None:
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_text(text, encoding="utf-8")


def hugo_site(site: Path) -> None:
    write(site, "hugo.toml", HUGO)
    write(site, "content/a.md", "---\ntitle: A\n---\nVoir [b](/ancien/).\n")
    write(site, "content/b.md", "---\ntitle: B\nurl: /ancien/\n---\n")
    write(site, "content/c.md", "---\ntitle: C\n---\n")


def facts_files(site: Path) -> list[str]:
    return sorted(p.name for p in (site / ".frontlint_cache").rglob("facts-*.cache"))


def test_a_run_after_a_change_reads_again_only_the_pages_that_changed(facts):
    site, read = facts
    hugo_site(site)
    first = check("content/a.md")
    assert first == (0, "", "")
    assert sorted(read) == ["content/a.md", "content/b.md", "content/c.md"]
    read.clear()
    write(site, "content/c.md", "---\ntitle: C, autre\n---\n")  # (a new state of the tree)
    assert check("content/a.md") == first
    assert read == ["content/c.md"]
    read.clear()
    write(site, "content/b.md", "---\ntitle: B\nurl: /nouveau/\n---\n")
    code, out, _err = check("content/a.md")
    assert read == ["content/b.md"]
    assert (code, out) == (
        1,
        "content/a.md:4:10: LK009 no page or file of the site is at `/ancien/`\n",
    )


def test_a_new_a_renamed_and_a_removed_page_are_seen(facts):
    site, read = facts
    hugo_site(site)
    check("content/a.md")
    os.rename(site / "content/b.md", site / "content/d.md")
    read.clear()
    assert check("content/a.md")[:2] == (0, "")  # (`d.md` serves `/ancien/` now)
    assert read == ["content/d.md"]
    os.remove(site / "content/d.md")
    assert check("content/a.md")[1].startswith("content/a.md:4:10: LK009 ")


def test_a_configuration_change_names_other_facts(facts):
    site, read = facts
    hugo_site(site)
    write(site, "content/blog/d.md", "---\ntitle: D\n---\n")
    write(site, "content/a.md", "---\ntitle: A\n---\nVoir [d](/blog/d/).\n")
    assert check("content/a.md")[:2] == (0, "")
    assert len(facts_files(site)) == 1
    write(site, "hugo.toml", HUGO + '[permalinks]\nblog = "/articles/:filename/"\n')
    read.clear()
    code, out, _err = check("content/a.md")
    assert sorted(read) == ["content/a.md", "content/b.md", "content/blog/d.md", "content/c.md"]
    assert (code, out) == (
        1,
        "content/a.md:4:10: LK009 no page or file of the site is at `/blog/d/`; did you mean `/blog/`?\n",
    )
    assert len(facts_files(site)) == 2


def test_a_file_changed_just_before_the_run_is_not_kept(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: P\n---\n", encoding="utf-8")
    now = time.time_ns()
    assert cache.file_state(str(page), now) is None
    later = cache.file_state(str(page), now + cache.RACY_NS + 1_000_000_000)
    info = os.stat(page)
    assert later == (
        f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"
    )
    assert cache.file_state(str(tmp_path / "absent.md"), now) is None


def test_facts_changed_by_hand_are_refused_with_a_warning(facts):
    site, read = facts
    hugo_site(site)
    check("content/a.md")
    (name,) = (site / ".frontlint_cache").rglob("facts-*.cache")
    name.write_bytes(name.read_bytes().replace(b"/ancien/", b"/autre/"))
    write(site, "content/c.md", "---\ntitle: C, autre\n---\n")
    read.clear()
    code, out, err = check("content/a.md")
    assert (code, out) == (0, "")
    assert err == f"frontlint: {name}: not written by this machine's frontlint; cache ignored\n"
    assert sorted(read) == ["content/a.md", "content/b.md", "content/c.md"]


def test_no_cache_keeps_no_facts(facts):
    site, _read = facts
    hugo_site(site)
    check("--no-cache", "content/a.md")
    assert not (site / ".frontlint_cache").exists()


def test_only_the_latest_facts_are_kept(facts, monkeypatch):
    site, _read = facts
    hugo_site(site)
    monkeypatch.setattr(cache, "KEPT_FACTS", 3)
    for number in range(5):
        write(site, "hugo.toml", HUGO + f'copyright = "{number}"\n')
        check("content/a.md")
    assert len(facts_files(site)) == 3


HUGO_MULTI = (
    "content/actualites/2025-rapport/index.md:13:3: DT004 write `avril` in lower case, not "
    "`Avril`\n"
    "content/actualites/2025-rapport/index.md:22:33: LK009 no page or file of the site is at "
    "`/documents/rapport-2023.pdf`; did you mean `/documents/rapport-2024.pdf`?\n"
    "content/actualites/atelier-usagers.md:10:85: TY003 write `n°\u00a03` with a non-breaking "
    "space, not `n°3`\n"
    "content/actualites/atelier-usagers.md:25:50: LK009 this template reference names "
    "`compte-rendu-atelier-3.md`, which is no file of the site\n"
    "content/actualites/atelier-usagers.md:28:18: LK009 no page or file of the site is at "
    "`/services/accompagnement/`; did you mean `/services/accompagnement-numerique/`?\n"
    "content/services/_index.md:7:75: LK010 `#nos-valeurs` is not an anchor of `/a-propos/`, "
    "whose anchors are: #qui-sommes-nous-, #nos-missions, #notre-équipe, #contact-presse\n"
    "content/services/formation.md:21:78: LK009 no page or file of the site is at "
    "`/services/acompagnement/`; did you mean `/services/accompagnement-numerique/`?\n"
)
JEKYLL_FR = (
    "_offres/designer.md:14:5: DT001 write `septembre`, not `septmbre`\n"
    "_offres/developpeur.md:24:62: DT009 write `23 h 59`, not `23h59`\n"
    "_posts/2025-03-12-lancement.md:26:74: LK009 no page or file of the site is at "
    "`/assets/docs/guide-2024.pdf`; did you mean `/assets/docs/guide.pdf`?\n"
    "a-propos.md:15:56: LK010 `#remuneration` is not an anchor of `/faq/`, whose anchors are: "
    "#foire-aux-questions, #quest-ce-quun-eig-, #comment-postuler-, "
    "#quelle-est-la-durée-du-programme-, #quelle-est-la-rémunération-, …\n"
    "a-propos.md:23:82: LK009 no page or file of the site is at `/equipe/alice/`\n"
    "contact.html:33:16: LK009 no page or file of the site is at `/mentions-legales/`\n"
    "index.md:28:49: LK009 no page or file of the site is at `/offres/developpeuse/`; did you "
    "mean `/offres/developpeur/`?\n"
)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("hugo-mairie", (0, "", "")),  # (a clean site)
        ("hugo-multi", (1, HUGO_MULTI, "")),
        ("jekyll-fr", (1, JEKYLL_FR, "")),
        ("prose-fr", (0, "", "")),  # (a clean site)
    ],
)
def test_a_fixture_site_says_the_same_with_its_facts_as_without_cache(
    facts, monkeypatch, name, said
):
    site, read = facts
    shutil.rmtree(site)
    shutil.copytree(
        ROOT / "tests" / "sites" / name, site, ignore=shutil.ignore_patterns(".frontlint_cache")
    )
    monkeypatch.chdir(site)  # (the folder the fixture went into was removed with its content)
    without = check("--no-cache", "--lang", "en", ".")
    assert without == said
    assert check("--lang", "en", ".") == without
    assert len(facts_files(site)) == 1  # (the site's index was built, and kept)
    read.clear()
    write(site, "zz-new-state.txt", "x\n")
    assert check("--lang", "en", ".") == without
    assert read == []


def test_a_site_out_of_the_working_folder_keeps_no_facts(facts, monkeypatch):
    site, read = facts
    hugo_site(site)
    here = site.parent / "ailleurs"
    here.mkdir()
    monkeypatch.chdir(here)
    for _ in range(2):
        read.clear()
        assert check("../site") == (0, "", "")
        assert len(read) == 3
    assert not (here / ".frontlint_cache").exists()
    assert not (site / ".frontlint_cache").exists()


def test_a_huge_hex_integer_of_the_configuration_means_no_facts_not_a_crash(facts):
    # (tomllib reads `0x…` of any length; `repr` of an integer over 4,300 digits raises.)
    site, _read = facts
    hugo_site(site)
    write(site, "hugo.toml", HUGO + "[params]\nbig = 0x" + "f" * 4000 + "\n")
    write(site, "content/a.md", "---\ntitle: A\n---\nVoir [c](/nulle-part/).\n")
    said = (1, "content/a.md:4:10: LK009 no page or file of the site is at `/nulle-part/`\n", "")
    assert check("content/a.md") == said
    assert check("--no-cache", "content/a.md") == said
    assert facts_files(site) == []


def test_a_page_that_could_not_be_read_is_not_kept(facts, monkeypatch):
    from linter import document

    site, read = facts
    hugo_site(site)
    real = document.read_regular

    def refusing(path, *args, **kwargs):
        if str(path).endswith("b.md"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(document, "read_regular", refusing)
    broken = "content/a.md:4:10: LK009 no page or file of the site is at `/ancien/`\n"
    assert check("content/a.md") == (1, broken, "")  # (b.md's `url:` could not be read)
    monkeypatch.setattr(document, "read_regular", real)
    read.clear()
    assert check("content/a.md") == (0, "", "")
    assert read == ["content/b.md"]


def test_urls_with_a_surrogate_are_not_kept(facts):
    # A JSON permalink ending with a lone high surrogate, a file name ending with a byte that
    # is not UTF-8 (a lone low one): JSON would read the two back as one character.
    site, read = facts
    write(site, "_config.yml", "title: x\n")
    write(site, "a.md", "---\ntitle: A\n---\n[p](/x%F0%9F%92%A9/)\n")
    (site / os.fsdecode(b"\xa9.md")).write_bytes(b'{"permalink": "/x\\ud83d:basename/"}\n')
    said = (1, "a.md:4:5: LK009 no page or file of the site is at `/x%F0%9F%92%A9/`\n", "")
    assert check("a.md") == said
    write(site, "zz.txt", "un autre état\n")
    read.clear()
    assert check("a.md") == said
    assert read == [os.fsdecode(b"\xa9.md")]


def test_the_facts_of_many_sites_are_all_kept_and_not_written_again(facts):
    site, read = facts
    names = [f"site{number}" for number in range(6)]
    for name in names:
        hugo_site(site / name)
    for name in names:
        check(name)
    files = {p: p.stat().st_ino for p in (site / ".frontlint_cache").rglob("facts-*")}
    assert len(files) == 6
    write(site, "zz.txt", "un autre état\n")
    read.clear()
    for name in names:
        check(name)
    assert read == []
    assert {p: p.stat().st_ino for p in files} == files  # (none written again)
