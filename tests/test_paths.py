"""``linter.paths``: what discovery tells of the folders it walks answers ``real_path`` without
system calls, and the answer is always ``os.path.realpath``'s."""

from __future__ import annotations

import os

from linter import paths
from linter.discover import discover


def test_real_paths_known_from_the_walk_are_those_of_realpath(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "content" / "deep").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    for name in ("a.md", "deep/b.md", "image.png"):
        (site / "content" / name).write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (site / "content" / "Link.md").symlink_to(site / "content" / "deep" / "b.md")
    (site / "content" / "out.md").symlink_to(tmp_path / "outside")
    (site / "content" / "folder-link").symlink_to(site / "content" / "deep")
    monkeypatch.chdir(site)
    paths.forget_real_paths()
    calls: list[str] = []
    real = os.path.realpath

    def counted(path, *args, **kwargs):
        calls.append(os.fspath(path))
        return real(path, *args, **kwargs)

    discover(["."])
    paths._REAL.clear()  # (what discovery itself asked: forgotten, the folders' facts kept)
    monkeypatch.setattr(paths.os.path, "realpath", counted)
    asked = [
        "content/a.md", "content/deep/b.md", "content/image.png", "content/missing.md",
        "content", "content/deep", "content/Link.md", "content/link.md", "content/LINK.MD",
        "content/out.md", "content/folder-link", "content/folder-link/b.md", "content//a.md",
        "content/./a.md", "content/deep/../a.md", "content/", str(site / "content" / "a.md"),
    ]  # fmt: skip
    assert [paths.real_path(path) for path in asked] == [real(path) for path in asked]
    # Without a system call: the files and folders of walked folders that are no links.
    assert [path for path in asked if path not in calls] == asked[:6]
