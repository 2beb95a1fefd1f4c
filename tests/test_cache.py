"""The cache: a second run over an unchanged tree reads the results instead of checking again,
gives the same report byte for byte, and a change anywhere (the page, another page, the
configuration, a schema, the day) is never hidden by it."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from linter import engine
from linter.cli import cli
from tests.conftest import CORPUS, TODAY, spy

SAID = (  # (what a single page titled `Le 7ème`, `a.md`, says)
    "a.md:2:11: TY001 title: write `7e`, not `7ème`\n"
    "1 warning in 1 file (1 checked; none had a schema)\n"
)
SCHEMA = {"type": "object", "required": ["title"], "properties": {"title": {"type": "string"}}}


@pytest.fixture
def cached(tmp_path, monkeypatch):
    """The cache on (the suite turns it off), a signing key of this test's own, and a count of
    the files really checked."""
    monkeypatch.delenv("FRONTLINT_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.chdir(site)
    checked = spy(monkeypatch, engine, "check_file", lambda file, path, *args, **kwargs: path)
    return site, checked


def check(*args: str, today: str = TODAY) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["check", "--format", "concise", "--today", today, "-j", "1", *args, "."]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)  # (no crash)
    return result.exit_code, result.stdout, result.stderr


def write(site, name: str, text: str) -> None:
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_text(text, encoding="utf-8")


def test_a_second_run_checks_nothing_and_says_the_same(cached):
    site, checked = cached
    write(site, "a.md", "---\ntitle: Le 7ème\n---\nVoir [b](b.md).\n")
    write(site, "b.md", "---\ntitle: B\n---\n")
    first = check()
    assert sorted(checked) == ["a.md", "b.md"]
    checked.clear()
    assert check() == first
    assert checked == []
    assert first[1].startswith("a.md:2:11: TY001 title: write `7e`, not `7ème`\n")
    assert (site / ".frontlint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


@pytest.mark.parametrize(
    ("change", "appears"),
    [
        (lambda s: write(s, "a.md", "---\ntitle: Le 8ème\n---\nVoir [b](b.md).\n"), "write `8e`"),
        (lambda s: os.remove(s / "b.md"), "LK009"),  # the page a link leads to
        (lambda s: write(s, ".frontlint.toml", '[severity]\nTY001 = "error"\n'), "TY001"),
        (lambda s: write(s, "schemas/default.schema.json", json.dumps(SCHEMA | {"required": ["x"]})),
         "SC001"),
    ],
)  # fmt: skip
def test_a_change_anywhere_is_never_hidden(cached, change, appears):
    site, checked = cached
    write(site, "schemas/default.schema.json", json.dumps(SCHEMA))
    write(site, "a.md", "---\nlayout: default\ntitle: Le 7ème\n---\nVoir [b](b.md).\n")
    write(site, "b.md", "---\nlayout: default\ntitle: B\n---\n")
    before = check()
    assert before == (
        0,
        "a.md:3:11: TY001 title: write `7e`, not `7ème`\n"
        "1 warning in 1 file (2 checked; all validated by a schema)\n",
        "",
    )
    checked.clear()
    assert (check(), checked) == (before, [])  # (unchanged: the cache answers)
    change(site)
    after = check()
    assert after != before and appears in after[1]
    assert after == check("--no-cache")


def test_the_day_is_part_of_the_key(cached):
    site, checked = cached
    write(site, "a.md", "---\nsteps:\n  - date: Sprint n° 3 (juin-juillet 2024)\n"
                        "    desc: Les dates seront communiquées prochainement.\n---\n")  # fmt: skip
    early = check(today="2024-03-01")
    checked.clear()
    assert (check(today="2024-03-01"), checked) == (early, [])  # (the same day: a hit)
    late = check(today="2024-06-10")
    assert checked == ["a.md"]
    assert "PH001" in early[1] and "PH002" in late[1]
    assert early == (
        0,
        "a.md:4:21: PH001 steps, item 1, desc: placeholder text `seront communiquées "
        "prochainement` for juin-juillet 2024: write the real content before it starts\n"
        "1 warning in 1 file (1 checked; none had a schema)\n",
        "",
    )
    assert late == (
        1,
        "a.md:4:21: PH002 steps, item 1, desc: stale placeholder `seront communiquées "
        "prochainement`: juin-juillet 2024 started on 1 June 2024\n"
        "1 error in 1 file (1 checked; none had a schema)\n",
        "",
    )


def test_a_corrupt_or_foreign_cache_is_ignored_with_a_warning(cached, tmp_path, monkeypatch):
    site, checked = cached
    write(site, "a.md", "---\ntitle: Le 7ème\n---\n")
    first = check()
    assert first == (0, SAID, "")
    (entry,) = (site / ".frontlint_cache").glob("*/*.cache")
    entry.write_text("{not json", encoding="utf-8")
    checked.clear()
    code, out, err = check()
    assert (code, out) == first[:2] and checked == ["a.md"]
    assert (
        err
        == f"frontlint: {entry.relative_to(site.parent.parent) if False else entry}: corrupt; cache ignored\n"
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    checked.clear()
    code, out, err = check()  # the cache was written with another key: not read
    assert (code, out) == first[:2] and checked == ["a.md"]
    assert err == f"frontlint: {entry}: not written by this machine's frontlint; cache ignored\n"


def test_a_cache_file_is_one_signed_line_an_entry_and_a_changed_line_is_refused(cached):
    site, checked = cached
    write(site, "a.md", "---\ntitle: Le 7ème\n---\n")
    write(site, "b.md", "---\ntitle: B\n---\n")
    first = check()
    assert first == (
        0,
        "a.md:2:11: TY001 title: write `7e`, not `7ème`\n"
        "1 warning in 1 file (2 checked; none had a schema)\n",
        "",
    )
    (file,) = (site / ".frontlint_cache").glob("*/*.cache")
    magic, signature, *entries = file.read_text(encoding="ascii").splitlines()
    assert (magic, len(signature), len(entries)) == ("frontlint cache 2", 64, 3)
    # (First what discovery found for this command line, then the pages.)
    assert [line.split("\t")[0] for line in entries] == [
        "\"\\u0000discovery\\u0000(('.',), False, None)\"",
        '"a.md"',
        '"b.md"',
    ]
    assert "\\u00e8me" in entries[1]  # (ASCII: `7ème` escaped)
    file.write_text(file.read_text(encoding="ascii").replace("7", "8"), encoding="ascii")
    checked.clear()
    code, out, err = check()
    assert (code, out, checked) == (*first[:2], ["a.md", "b.md"])
    assert err == f"frontlint: {file}: not written by this machine's frontlint; cache ignored\n"


@pytest.mark.skipif(os.name != "posix", reason="a name that is not UTF-8 needs POSIX bytes")
def test_a_file_name_that_is_not_utf8_is_cached_as_its_escapes(cached):
    site, checked = cached
    name = os.fsdecode(b"caf\xe9.md")
    (site / name).write_text("---\ntitle: Le 7ème\n---\n", encoding="utf-8")
    first = check()
    assert first[1].startswith("caf\\xe9.md:2:11: TY001 title: write `7e`, not `7ème`")
    checked.clear()
    assert (check(), checked) == (first, [])


def test_no_cache_reads_and_writes_nothing(cached):
    site, _checked = cached
    write(site, "a.md", "---\ntitle: Le 7ème\n---\n")
    assert check("--no-cache") == (0, SAID, "")
    assert not (site / ".frontlint_cache").exists()


def test_the_real_site_cold_warm_one_or_two_processes(cached, monkeypatch):
    site, checked = cached
    shutil.rmtree(site)
    shutil.copytree(CORPUS, site)
    monkeypatch.chdir(site)  # (the folder the fixture went into was removed with its content)
    outputs = []
    counts = []  # (the files each run checked in this process)
    for jobs in ("1", "2", "2", "1", "no-cache"):  # cold, then warm each way; then no cache
        options = ["--no-cache"] if jobs == "no-cache" else ["-j", jobs]
        result = CliRunner().invoke(
            cli, ["check", "--format", "json", "--lang", "en", "--today", TODAY, *options, "."]
        )
        assert result.exception is None or isinstance(result.exception, SystemExit)
        outputs.append((result.exit_code, result.stdout))
        counts.append(len(checked))
        checked.clear()
    # (Cold, every page in this process; warm, none, with two processes asked for or one. The
    # run without the cache uses a process per core: what forked workers check is not seen.)
    assert counts[:4] == [714, 0, 0, 0]
    assert outputs[0][0] == 1
    assert len(json.loads(outputs[0][1])["diagnostics"]) == 757  # (753 of the site, 4 of the seed)
    assert outputs.count(outputs[0]) == 5


def test_a_run_of_cache_hits_starts_no_workers(cached, monkeypatch):
    """Two processes are asked for: the first run uses them; the next, which the cache answers,
    checks in the process itself and says the same. A change makes a new state of the tree (a
    new cache): every page is checked again, by both processes."""
    site, checked = cached
    for number in range(70):
        write(site, f"p{number}.md", f"---\ntitle: Page {number}, le 7ème\n---\n")
    pools = spy(monkeypatch, engine, "_in_parallel", lambda work, jobs: jobs)
    first = check("-j", "2")
    assert (first[0], pools, len(first[1].splitlines())) == (0, [2], 71)
    checked.clear()
    assert (check("-j", "2"), pools, checked) == (first, [2], [])
    write(site, "p3.md", "---\ntitle: Page 3, le 7ème\n---\nLe 8ème.\n")
    code, out, _err = check("-j", "2")
    assert (code, pools) == (0, [2, 2])  # (what forked workers check, this process never sees)
    assert "p3.md:4:4: TY001 write `8e`, not `8ème`\n" in out and len(out.splitlines()) == 72


def test_the_code_fingerprint_leaves_bytecode_out(tmp_path):
    # Python writes the bytecode on the first run: it must not make the next run's key another.
    from linter import cache

    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    (tmp_path / "pkg" / "a.py").write_text("x = 1\n", encoding="utf-8")
    before = [line.split("\0")[0] for line in cache._tree(tmp_path, skip="__pycache__")]
    (tmp_path / "pkg" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    after = [line.split("\0")[0] for line in cache._tree(tmp_path, skip="__pycache__")]
    assert before == after == ["pkg", "pkg/a.py"]


def test_only_the_latest_states_of_the_tree_are_kept(cached):
    # cache.KEPT: a run after each change writes the results of a new state of the tree; the
    # oldest go, and so do the files of an older format and a temporary file left long ago.
    from linter import __version__, cache

    site, _checked = cached
    write(site, "a.md", "---\ntitle: A\n---\n")
    check()
    folder = site / ".frontlint_cache" / __version__
    (folder / ("f" * 32 + ".json")).write_text("{}", encoding="utf-8")  # (the format before)
    (folder / "notes.txt").write_text("", encoding="utf-8")  # (not the cache's: kept)
    (folder / ".tmp-left").write_text("", encoding="utf-8")
    os.utime(folder / ".tmp-left", (0, 0))
    (folder / ".tmp-writing").write_text("", encoding="utf-8")  # (another run's, now)
    kept = [p.name for p in folder.glob("*.cache")]
    for number in range(cache.KEPT + 2):
        os.utime(folder / kept[-1], (1e9 + number, 1e9 + number))  # (a run a second)
        write(site, "a.md", f"---\ntitle: A{number}\n---\n")
        check()
        kept += [p.name for p in folder.glob("*.cache") if p.name not in kept]
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([".tmp-writing", "notes.txt", *kept[-cache.KEPT :]])


@pytest.mark.parametrize("linked", [".frontlint_cache", "version"])
def test_a_cache_folder_that_is_a_link_is_never_read_written_or_pruned(cached, tmp_path, linked):
    # A pull request may commit `.frontlint_cache` (or its version folder) as a link to a
    # folder of the machine: the cache is then off, and nothing there is written or removed.
    from linter import __version__

    site, _checked = cached
    write(site, "a.md", "---\ntitle: Le 7ème\n---\n")
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("x", encoding="utf-8")
    (victim / ("0" * 32 + ".cache")).write_text("y", encoding="utf-8")
    if linked == "version":
        (site / ".frontlint_cache").mkdir()
        link = site / ".frontlint_cache" / __version__
    else:
        link = site / ".frontlint_cache"
    link.symlink_to(victim)
    code, out, err = check()
    assert (code, out) == (0, SAID)
    assert check("--no-cache") == (0, SAID, "")
    assert err == f"frontlint: {link}: not a folder (a link?); no cache\n"
    assert sorted(p.name for p in victim.iterdir()) == ["0" * 32 + ".cache", "precious.txt"]


def test_what_discovery_found_is_cached_and_a_new_page_is_found(cached, tmp_path, monkeypatch):
    """The second run over the same tree walks nothing: the pages, the link discovery did not
    follow (FM006) and a site's broken configuration (FM011) come back from the cache, even
    when the page whose results carried that FM011 is checked again. A new page is a new state
    of the tree: walked again, and found."""
    from linter import cache, discover

    site, checked = cached
    write(site, "one/hugo.toml", 'title = "Un"\n')
    write(site, "one/content/a.md", "---\ntitle: Le 7ème\n---\n")
    write(site, "two/hugo.toml", "title = \n")
    write(site, "two/content/b.md", "---\ntitle: B\n---\n")
    write(tmp_path, "outside.md", "---\ntitle: Dehors\n---\n")
    (site / "one" / "content" / "out.md").symlink_to(tmp_path / "outside.md")
    real_put = cache.Cache.put

    def put(self, path, digest, entry):  # (the first page's results, FM011 with them: lost)
        if path != "one/content/a.md":
            real_put(self, path, digest, entry)

    monkeypatch.setattr(cache.Cache, "put", put)
    first = check()
    assert first[1].splitlines() == [
        "one/content/a.md:2:11: TY001 title: write `7e`, not `7ème`",
        "one/content/out.md:1:1: FM006 symbolic link pointing outside the checked folder: not "
        "followed",
        "two/hugo.toml:1:1: FM011 the site's configuration is not valid TOML, YAML or JSON",
        "1 error, 2 warnings in 3 files (4 checked; none had a schema)",
    ]
    walks = spy(monkeypatch, discover, "discover", lambda *args, **kwargs: "walk")
    checked.clear()
    assert (check(), walks, checked) == (first, [], ["one/content/a.md"])
    write(site, "two/content/c.md", "---\ntitle: Le 9ème\n---\n")
    checked.clear()
    code, out, _err = check()
    assert (code, walks) == (1, ["walk"])
    assert checked == ["one/content/a.md", "two/content/b.md", "two/content/c.md"]
    assert "two/content/c.md:2:11: TY001 title: write `9e`, not `9ème`" in out.splitlines()


def test_the_language_of_the_environment_is_part_of_the_key(cached, monkeypatch):
    # The first run speaks English through FRONTLINT_LANG, without asking the site; the next,
    # without it, speaks the site's French: what the first run found is no answer for it.
    site, checked = cached
    write(site, "hugo.toml", 'languageCode = "fr"\n')
    write(site, "content/a.md", "---\ntitle: Le 7ème\n---\n")
    monkeypatch.setenv("FRONTLINT_LANG", "en")
    english = check()
    assert english[1].splitlines()[-1] == "1 warning in 1 file (1 checked; none had a schema)"
    assert english == (
        0,
        "content/a.md:2:11: TY001 title: write `7e`, not `7ème`\n"
        "1 warning in 1 file (1 checked; none had a schema)\n",
        "",
    )
    checked.clear()
    assert (check(), checked) == (english, [])  # (still English: the cache answers)
    monkeypatch.delenv("FRONTLINT_LANG")
    french = check()
    assert checked == ["content/a.md"]
    assert french[1].splitlines() == [
        "content/a.md:2:11: TY001 title: écrire `7e`, pas `7ème`",
        "1 avertissement dans 1 fichier (1 vérifié ; aucun n’avait de schéma)",
    ]


def run(*args: str) -> tuple[int, str]:
    """A run with the cache, then the same without: both must say the same."""
    command = ["check", "--format", "concise", "--today", TODAY, "-j", "1", *args]
    cached_run = CliRunner().invoke(cli, command)
    fresh = CliRunner().invoke(cli, [*command, "--no-cache"])
    for result in (cached_run, fresh):
        assert result.exception is None or isinstance(result.exception, SystemExit)  # (no crash)
    assert (cached_run.exit_code, cached_run.stdout) == (fresh.exit_code, fresh.stdout)
    return cached_run.exit_code, cached_run.stdout


def test_lang_en_does_not_answer_for_a_run_that_asks_the_sites(cached):
    site, checked = cached
    write(site, "hugo.toml", 'languageCode = "fr"\n')
    write(site, "content/a.md", "---\ntitle: Le 7ème\n---\n")
    english = run("--lang", "en", ".")
    assert english == (
        0,
        "content/a.md:2:11: TY001 title: write `7e`, not `7ème`\n"
        "1 warning in 1 file (1 checked; none had a schema)\n",
    )
    checked.clear()
    assert run("--lang", "en", ".") == english
    assert checked == ["content/a.md"]  # (checked once: the run without the cache)
    assert run(".")[1].startswith("content/a.md:2:11: TY001 title: écrire `7e`, pas `7ème`")


def test_a_path_that_walks_out_through_a_link_uses_no_cache(cached):
    # `lnk/../../outside`: the real path of `lnk` is inside, but discovery walks `../outside`.
    site, _checked = cached
    (site / "a" / "b").mkdir(parents=True)
    (site / "outside").mkdir()  # (what the system finds at `lnk/../../outside`)
    (site / "lnk").symlink_to("a/b")
    write(site.parent, "outside/p.md", "---\ntitle: Le 7ème\n---\n")
    run("lnk/../../outside")
    write(site.parent, "outside/q.md", "---\ntitle: Le 9ème\n---\n")
    assert run("lnk/../../outside")[1].endswith(
        "2 warnings in 2 files (2 checked; none had a schema)\n"
    )
    assert not (site / ".frontlint_cache").exists()


def test_what_a_link_out_of_the_tree_leads_to_is_in_the_key(cached):
    site, _checked = cached
    write(site, "a.md", "---\ntitle: A\n---\n")
    (site.parent / "elsewhere" / "t.md").mkdir(parents=True)
    (site / "x.md").symlink_to("../elsewhere/t.md")
    assert run(".")[0] == 0  # (a link to a folder is never followed)
    (site.parent / "elsewhere" / "t.md").rmdir()
    write(site.parent, "elsewhere/t.md", "---\ntitle: T\n---\n")
    assert "x.md:1:1: FM006 symbolic link pointing outside the checked folder" in run(".")[1]


def test_paths_the_key_leaves_out_use_no_cache(cached):
    # `.git` and the cache's own folder are not in the key: a page named there is walked again.
    site, _checked = cached
    write(site, ".git/p/a.md", "---\ntitle: Le 7ème\n---\n")
    run(".git/p")
    write(site, ".git/p/b.md", "---\ntitle: Le 9ème\n---\n")
    assert "b.md:2:11: TY001" in run(".git/p")[1]
    assert not (site / ".frontlint_cache").exists()


def test_a_site_root_out_of_the_working_folder_uses_no_cache(cached, monkeypatch):
    site, _checked = cached
    write(site, ".frontlint.toml", '[site]\nroot = "."\n')
    write(site, "hugo.toml", 'contentDir = "content"\n')
    write(site, "content/a.md", "---\ntitle: Le 7ème\n---\n")
    monkeypatch.chdir(site / "content")
    assert "a.md:2:11: TY001" in run()[1]
    write(site, "hugo.toml", 'contentDir = "docs"\n')
    assert run()[1] == "No problems found in 0 files\n"
    assert not (site / "content" / ".frontlint_cache").exists()


def test_a_run_from_a_subfolder_sees_the_repository_schemas_change(cached, monkeypatch):
    # The key covers the repository that holds the working folder: its `schemas/` too.
    site, checked = cached
    (site / ".git").mkdir()
    write(site, "schemas/default.schema.json", json.dumps(SCHEMA))
    write(site, "pages/a.md", "---\nlayout: default\ntitle: A\n---\n")
    monkeypatch.chdir(site / "pages")
    assert run()[1] == "No problems found in 1 file (all validated by a schema)\n"
    checked.clear()
    assert run()[0] == 0 and checked == ["a.md"]  # (checked once: the run without the cache)
    write(site, "schemas/default.schema.json", json.dumps(SCHEMA | {"required": ["x"]}))
    assert run()[1].startswith("a.md:1:1: SC001 missing required key `x`\n")
    assert len(list((site / "pages" / ".frontlint_cache").glob("*/*.cache"))) == 2


def test_a_sites_configuration_problems_come_with_each_of_its_pages(cached):
    # FM011 is the site's: a run of any of its pages, or of another set of paths, reports what
    # a run without the cache reports, whichever page met it first in the run that was cached.
    site, checked = cached
    write(site, "one/hugo.toml", "title = \n")
    write(site, "one/content/a.md", "---\ntitle: A\n---\n")
    write(site, "two/hugo.toml", "title = \n")
    write(site, "two/content/b.md", "---\ntitle: B\n---\n")
    fm011 = "hugo.toml:1:1: FM011 the site's configuration is not valid TOML, YAML or JSON\n"
    both = run("one", "two")
    assert both == (
        0,
        f"one/{fm011}two/{fm011}2 warnings in 2 files (4 checked; none had a schema)\n",
    )
    checked.clear()
    assert run("one", "two") == both
    assert checked == ["one/content/a.md", "two/content/b.md"]  # (the run without the cache)
    checked.clear()
    assert run("one") == (0, f"one/{fm011}1 warning in 1 file (2 checked; none had a schema)\n")
    assert checked == ["one/content/a.md"]  # (the cached run: answered by the cache)
    assert "two/hugo.toml" not in run("one/content/a.md")[1]


def test_a_cms_configurations_problems_come_with_the_pages_that_read_it(cached):
    site, checked = cached
    write(site, "hugo.toml", 'title = "x"\n')
    write(site, "static/admin/config.yml", "collections: 3\n")
    write(site, "content/p.md", "---\ntitle: P\n---\n")
    write(site, "content/q.md", "---\ntitle: Q\n---\n")
    write(site, "schemas/own.schema.json", json.dumps(SCHEMA))
    write(site, "content/own.md", "---\n$schema: ../schemas/own.schema.json\ntitle: O\n---\n")
    whole = run("content")[1]
    assert "static/admin/config.yml:1:1: FM011" in whole
    assert whole == (
        "static/admin/config.yml:1:1: FM011 the CMS configuration: configuration: no "
        "`media_folder`\n"
        "static/admin/config.yml:1:1: FM011 the CMS configuration: configuration: `collections` "
        "is not a list\n"
        "2 warnings in 1 file (4 checked; 1 validated by a schema, 3 without)\n"
    )
    checked.clear()
    assert run("content") == (0, whole)
    assert checked == ["content/own.md", "content/p.md", "content/q.md"]  # (without the cache)
    assert "static/admin/config.yml:1:1: FM011" in run("content/q.md")[1]
    assert "FM011" not in run("content/own.md")[1]  # (a page with its own schema never reads it)


def test_a_signed_cache_file_renamed_to_another_state_is_refused(cached):
    site, _checked = cached
    write(site, "a.md", "---\ntitle: Le 7ème\n---\n")
    check()
    write(site, "a.md", "---\ntitle: Le 8ème\n---\n")
    second = check()
    assert second == (
        0,
        "a.md:2:11: TY001 title: write `8e`, not `8ème`\n"
        "1 warning in 1 file (1 checked; none had a schema)\n",
        "",
    )
    first_file, second_file = sorted(
        (site / ".frontlint_cache").glob("*/*.cache"), key=lambda p: p.stat().st_mtime_ns
    )
    second_file.write_bytes(first_file.read_bytes())
    code, out, err = check()
    assert (code, out) == second[:2]
    assert (
        err == f"frontlint: {second_file}: not written by this machine's frontlint; cache ignored\n"
    )


def test_a_folder_that_cannot_be_listed_turns_the_cache_off(tmp_path, monkeypatch):
    # What is below it may still be named and checked, and the key would not see it change.
    # (The suite may run as root, whom no permission stops: the listing is refused here.)
    from linter import cache

    (tmp_path / "open" / "closed").mkdir(parents=True)
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    assert cache.run_key(tmp_path, None, TODAY) is not None
    monkeypatch.setattr(cache.os, "scandir", scandir)
    assert cache.run_key(tmp_path, None, TODAY) is None


def test_a_few_files_named_are_checked_without_the_results_cache(cached, monkeypatch):
    """Pre-commit names the files of a commit: each run is another state of the tree, which the
    key would walk to find nothing. Fewer than ``FEW_FILES`` files and no folder: no key, no
    results cache (the sites' facts are still kept); a folder, or more files: the cache."""
    from linter import cache
    from linter import cli as cli_module

    site, checked = cached
    keys = spy(monkeypatch, cache, "run_key", lambda *args, **kwargs: "key")
    for number in range(3):
        write(site, f"p{number}.md", f"---\ntitle: Page {number}, le 7ème\n---\n")

    def run(*paths: str) -> tuple[int, str]:
        result = CliRunner().invoke(
            cli, ["check", "-q", "--format", "concise", "--today", TODAY, "-j", "1", *paths]
        )
        assert result.exception is None or isinstance(result.exception, SystemExit)
        return result.exit_code, result.stdout

    said = (0, "p0.md:2:19: TY001 title: write `7e`, not `7ème`\n")
    for _ in range(2):
        assert run("p0.md") == said
    assert (keys, checked) == ([], ["p0.md", "p0.md"])
    assert list((site / ".frontlint_cache").rglob("*.cache")) == []
    monkeypatch.setattr(cli_module, "FEW_FILES", 2)
    checked.clear()
    for _ in range(2):
        run("p0.md", "p1.md")
    assert (keys, checked) == (["key", "key"], ["p0.md", "p1.md"])  # (the second run: hits)
    run(".")
    assert len(keys) == 3
