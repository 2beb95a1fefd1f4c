"""Online link checks against hostile pages and hostile servers (`--online`): a raw HTTP server
on 127.0.0.1, started here, answers byte for byte what each test wants (bad headers, bombs,
slow bodies, redirects to private addresses); host names are resolved by the test's own map
(numeric forms by the system's resolver, which reads them without any lookup), so no request
leaves the machine."""

from __future__ import annotations

import json
import os
import socket
import socketserver
import struct
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import online
from linter.cli import cli
from tests.conftest import TODAY

Route = Callable[[socket.socket, str], None]


class Raw(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), RawHandler)
        self.routes: dict[str, bytes | Route] = {}
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()


class RawHandler(socketserver.BaseRequestHandler):
    server: Raw

    def handle(self) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.request.recv(65536)
            if not chunk:
                return
            data += chunk
        method, path = data.split(b"\r\n", 1)[0].decode("latin-1").split(" ")[:2]
        with self.server.lock:
            self.server.requests.append((method, path))
        route = self.server.routes.get(path, answer(404))
        try:
            if callable(route):
                route(self.request, method)
            else:
                self.request.sendall(route)
        except OSError:
            pass


def answer(status: int, body: bytes = b"", headers: tuple[tuple[str, str], ...] = (),
           raw_headers: bytes = b"") -> bytes:  # fmt: skip
    head = [f"HTTP/1.1 {status} X", "Connection: close"]
    head += [f"{name}: {value}" for name, value in headers]
    if not any(name.lower() == "content-length" for name, _ in headers):
        head.append(f"Content-Length: {len(body)}")
    return "\r\n".join(head).encode("utf-8") + b"\r\n" + raw_headers + b"\r\n" + body


@pytest.fixture
def server():
    raw = Raw()
    thread = threading.Thread(target=raw.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield raw
    finally:
        raw.shutdown()
        raw.server_close()


NAMES = {
    "site.localhost": ["127.0.0.1"],
    "localhost": ["127.0.0.1"],
    "mixed.test": ["93.184.216.34", "127.0.0.1"],
}


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    """Names from the test's map; numeric hosts read by the system (never a lookup)."""

    async def resolve(host: str, port: int) -> list[str]:
        try:
            socket.getaddrinfo(host, port, flags=socket.AI_NUMERICHOST)
        except (socket.gaierror, UnicodeError):
            if host in NAMES:
                return NAMES[host]
            raise online.NoSuchHost(host) from None
        return await online.system_resolve(host, port)

    monkeypatch.setattr(online, "resolve", resolve)
    monkeypatch.setattr(online, "TIMEOUT", 1.0)
    monkeypatch.setattr(online, "BACKOFF", 0.01)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def setup(tmp_path: Path, monkeypatch, body: str, config: str = "") -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".frontlint.toml").write_text(
        '[links]\nallow-hosts = ["site.localhost"]\ncache = "links.sqlite"\n' + config
    )
    page = tmp_path / "page.md"
    page.write_text(f"---\ntitle: Liens\n---\n{body}", encoding="utf-8")
    return page


ONLINE_CODES = "LK011,LK012,LK013,LK014,LK015,LK016"


def check(*extra: str) -> tuple[int, list[tuple[str, int, int, str]], str]:
    code, out, err = invoke("check", "--online", "--select", ONLINE_CODES, "--format", "json",
                            "--today", TODAY, *extra, "page.md")  # fmt: skip
    payload = json.loads(out)
    rows = [(d["code"], d["line"], d["column"], d["message"]) for d in payload["diagnostics"]]
    return code, rows, err


def base_of(server: Raw) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


LOCAL = '[links]\nallow-hosts = ["127.0.0.1"]\ncache = "links.sqlite"\n'


def local(tmp_path: Path, monkeypatch, body: str) -> Path:
    """A page whose links go to the test's server by its address (allowed: `allow-hosts`)."""
    page = setup(tmp_path, monkeypatch, body)
    (tmp_path / ".frontlint.toml").write_text(LOCAL)
    return page


# --- Where a request may go


LOOPBACK = ["2130706433", "017700000001", "127.1", "0.0.0.0", "0", "[::1]", "[::ffff:7f00:1]",
            "[0:0:0:0:0:ffff:127.0.0.1]", "127.0.0.1."]  # fmt: skip
DROPPED = ["0x7f.1", "0x7f000001", "localhost.", "[fe80::1%25lo]", "127。0。0。1",
           "example.com@127.0.0.1"]  # fmt: skip
"""Forms LK001 reports in a page (not checked online), but that a server may redirect to."""


def test_loopback_in_any_form_is_never_contacted_nor_redirected_to(tmp_path, monkeypatch, server):
    port = server.server_address[1]
    server.routes["/ok"] = answer(200)
    forms = LOOPBACK + DROPPED
    for i, form in enumerate(forms):
        server.routes[f"/to{i}"] = answer(301, headers=(("Location", f"http://{form}:{port}/ok"),))
    lines = [f"[a](http://{form}:{port}/ok)" for form in LOOPBACK]
    lines += [f"[b](http://site.localhost:{port}/to{i})" for i in range(len(forms))]
    setup(tmp_path, monkeypatch, "\n".join(lines) + "\n")
    code, rows, err = check("--no-cache")
    private = "is a local or private address (`[links] allow-hosts`)"
    hosts = ["2130706433", "017700000001", "127.1", "0.0.0.0", "0", "::1", "::ffff:7f00:1",
             "0:0:0:0:0:ffff:127.0.0.1", "127.0.0.1."]  # fmt: skip
    assert (code, err) == (0, "")
    assert rows == [
        *[("LK016", 4 + i, 5, f"not checked `http://{form}:{port}/ok`: `{host}` {private}")
          for i, (form, host) in enumerate(zip(LOOPBACK, hosts, strict=True))],
        *[("LK016", 4 + len(LOOPBACK) + i, 5,
           f"not checked `http://site.localhost:{port}/to{i}`: `site.localhost` {private}")
          for i in range(len(forms))],
    ]  # fmt: skip
    # Only the redirects were asked, each once; `/ok` on the loopback, never.
    assert sorted(server.requests) == sorted(("HEAD", f"/to{i}") for i in range(len(forms)))


def test_ipv6_forms_that_embed_a_private_ipv4_address_are_refused():
    assert [online.refused(a) for a in (
        "::127.0.0.1", "::ffff:0:7f00:1", "64:ff9b::a00:1", "64:ff9b:1::a00:1", "fec0::1",
        "::ffff:7f00:1", "2002:a00:1::", "::", "fe80::1%lo",
        "64:ff9b::808:808", "::ffff:0:808:808", "2001:4860:4860::8888",
    )] == [True] * 9 + [False] * 3  # fmt: skip


def test_a_name_with_public_and_private_addresses_goes_to_the_public_ones_only(monkeypatch):
    import asyncio

    guard = online.Guard(online.Config())
    assert asyncio.run(guard.addresses("mixed.test", 443)) == ["93.184.216.34"]
    with pytest.raises(online.Refused):
        asyncio.run(online.Guard(online.Config()).addresses("localhost", 443))


def test_each_name_is_resolved_once_and_connected_to_as_checked(tmp_path, monkeypatch, server):
    """A second answer of the resolver (DNS rebinding) is never asked for nor used."""
    port = server.server_address[1]
    asked: list[str] = []

    async def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"] if len(asked) == 1 else ["10.255.255.1"]

    monkeypatch.setattr(online, "resolve", rebinding)
    server.routes["/a"] = answer(302, headers=(("Location", "/b"),))
    server.routes["/b"] = answer(200)
    server.routes["/c"] = answer(404)
    lines = [f"[a](http://rebind.localhost:{port}/a) [c](http://rebind.localhost:{port}/c)"]
    setup(tmp_path, monkeypatch, lines[0] + "\n", "allow-private = true\n")
    code, rows, _err = check("--no-cache")
    column = lines[0].index(f"http://rebind.localhost:{port}/c") + 1
    assert (code, rows) == (1, [
        ("LK011", 4, column,
         f"broken link `http://rebind.localhost:{port}/c`: the page does not exist (404)"),
    ])  # fmt: skip
    assert asked == ["rebind.localhost"]
    assert sorted(server.requests) == [
        ("GET", "/c"),
        ("HEAD", "/a"),
        ("HEAD", "/b"),
        ("HEAD", "/c"),
    ]


def test_proxies_of_the_environment_are_not_used(tmp_path, monkeypatch, server):
    port = server.server_address[1]
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.setenv(name, f"http://127.0.0.1:{port}")
    monkeypatch.setenv("NO_PROXY", "")
    server.routes["/ok"] = answer(200)
    line = f"[a](http://site.localhost:{port}/ok) [b](https://gone.test/x)"
    setup(tmp_path, monkeypatch, line + "\n")
    code, rows, _err = check("--no-cache")
    assert (code, rows) == (1, [
        ("LK011", 4, line.index("https://gone") + 1,
         "broken link `https://gone.test/x`: the host `gone.test` does not exist"),
    ])  # fmt: skip
    assert server.requests == [("HEAD", "/ok")]  # (through a proxy: `GET http://…`)


def test_redirects_to_other_schemes_are_not_followed(tmp_path, monkeypatch, server):
    for scheme in ("file", "ftp", "gopher"):
        server.routes[f"/{scheme}"] = answer(
            302, headers=(("Location", f"{scheme}://127.0.0.1/etc/passwd"),)
        )
    base = base_of(server)
    local(tmp_path, monkeypatch, f"[a]({base}/file) [b]({base}/ftp) [c]({base}/gopher)\n")
    code, rows, _err = check("--no-cache")
    assert (code, rows) == (0, [])
    assert sorted(server.requests) == [("HEAD", "/file"), ("HEAD", "/ftp"), ("HEAD", "/gopher")]


# --- What a server may answer


def gzipped(data: bytes) -> bytes:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


def zeros_gzipped(size: int) -> bytes:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    return b"".join(packer.compress(block) for _ in range(size >> 20)) + packer.flush()


def test_compressed_pages_are_read_within_the_limit(tmp_path, monkeypatch, server):
    """Asked for `identity`, a server may still compress: its page is read, uncompressed, as far
    as the limit and no further (a bomb of a few kilobytes is not inflated to a gigabyte)."""
    import tracemalloc

    html = ("Content-Type", "text/html")
    page = b'<!doctype html><h2 id="here">Ici</h2>'
    bomb = zeros_gzipped(256 << 20)  # 256 MB of zeros in about 256 kB...
    server.routes["/page"] = answer(200, gzipped(page), (html, ("Content-Encoding", "gzip")))
    server.routes["/deflate"] = answer(200, __import__("zlib").compress(page),
                                       (html, ("Content-Encoding", "deflate")))  # fmt: skip
    server.routes["/bomb"] = answer(200, bomb, (html, ("Content-Encoding", "gzip")))
    server.routes["/bomb2"] = answer(200, gzipped(bomb), (html, ("Content-Encoding", "gzip, gzip")))
    server.routes["/broken"] = answer(
        200, b"\x1f\x8b not gzip", (html, ("Content-Encoding", "gzip"))
    )
    server.routes["/br"] = answer(200, b"\x0b\x02\x80", (html, ("Content-Encoding", "br")))
    base = base_of(server)
    lines = [f"[a]({base}/page#here) [b]({base}/page#nowhere) [c]({base}/deflate#nowhere)",
             f"[d]({base}/bomb#x) [e]({base}/bomb2#x) [f]({base}/broken#x) [g]({base}/br#x)"]  # fmt: skip
    local(tmp_path, monkeypatch, "\n".join(lines) + "\n")
    tracemalloc.start()
    try:
        code, rows, _err = check("--no-cache")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (code, rows) == (0, [
        ("LK015", 4, lines[0].index("#nowhere") + 1, f"`#nowhere` is not an anchor of `{base}/page`"),
        ("LK015", 4, lines[0].rindex("#nowhere") + 1,
         f"`#nowhere` is not an anchor of `{base}/deflate`"),
    ])  # fmt: skip
    assert peak < 40 << 20  # (before: the 256 MB of the second layer, at once)
    assert sorted(server.requests) == [("GET", f"/{name}") for name in
                                       ("bomb", "bomb2", "br", "broken", "deflate", "page")]  # fmt: skip


def ids(count: int) -> bytes:
    return b"<!doctype html>" + b"".join(b'<p id="a%d">' % i for i in range(count))


def test_a_page_with_too_many_anchors_is_not_checked(tmp_path, monkeypatch, server):
    """What a run keeps of each page stays small: a page of ids (a server may answer every link
    with one) is not kept, nor checked."""
    server.routes["/many"] = answer(
        200, ids(online.MAX_ANCHORS + 1), (("Content-Type", "text/html"),)
    )
    server.routes["/enough"] = answer(
        200, ids(online.MAX_ANCHORS), (("Content-Type", "text/html"),)
    )
    long_ids = b"".join(b'<p id="%s%d">' % (b"x" * 1000, i) for i in range(201))
    server.routes["/long"] = answer(200, long_ids, (("Content-Type", "text/html"),))
    base = base_of(server)
    line = f"[a]({base}/many#nowhere) [b]({base}/enough#nowhere) [c]({base}/long#nowhere)"
    local(tmp_path, monkeypatch, line + "\n")
    _code, rows, _err = check("--no-cache")
    assert rows == [
        ("LK015", 4, line.index("#nowhere", 40) + 1,
         f"`#nowhere` is not an anchor of `{base}/enough`"),
    ]  # fmt: skip


@pytest.mark.parametrize("value", ["²", "١٢", "Mon, 01 Jan 99999999999999999999 00:00:00 GMT"])
def test_a_retry_after_that_is_no_number_nor_date_is_ignored(value, tmp_path, monkeypatch, server):
    server.routes["/missing"] = answer(404, headers=(("Retry-After", value),))
    server.routes["/busy"] = answer(429, headers=(("Retry-After", value),))
    base = base_of(server)
    line = f"[a]({base}/missing) [b]({base}/busy)"
    local(tmp_path, monkeypatch, line + "\n")
    code, rows, _err = check("--no-cache")
    assert (code, rows) == (1, [
        ("LK011", 4, 5, f"broken link `{base}/missing`: the page does not exist (404)"),
        ("LK016", 4, line.index("](", 10) + 3,
         f"could not check `{base}/busy`: the site asks to wait (429)"),
    ])  # fmt: skip
    assert server.requests.count(("HEAD", "/busy")) == 3  # (retried with backoff)


@pytest.mark.parametrize(
    "location", ["/new)[x](javascript:alert(1)", "/new|cell", "/new'a", "/" + "n" * 2000]
)
def test_a_new_url_that_would_change_the_page_is_not_written(location, tmp_path, monkeypatch,
                                                             server):  # fmt: skip
    """LK013's fix writes what the server says: only when it cannot end the link or the table
    cell it is written in, nor make the page grow without bound."""
    server.routes["/old"] = answer(301, headers=(("Location", location),))
    server.routes[location] = answer(200)
    base = base_of(server)
    text = f"| a |\n| - |\n| [la fiche]({base}/old) |\n"
    page = local(tmp_path, monkeypatch, text)
    code, rows, _err = check("--no-cache")
    new = f"{base}{location}"
    shown = new if len(new) <= 80 else new[:79] + "…"
    assert (code, rows) == (0, [
        ("LK013", 6, 14, f"link `{base}/old` has moved permanently to `{shown}`"),
    ])  # fmt: skip
    invoke("check", "--online", "--no-cache", "--fix", "--unsafe-fixes", "page.md")
    assert page.read_text(encoding="utf-8") == f"---\ntitle: Liens\n---\n{text}"


# --- The cache


def test_the_cache_of_the_configuration_stays_in_its_folder(tmp_path, monkeypatch, server):
    """The configuration may come with a pull request: its cache is never a file elsewhere,
    whose content would be set aside and replaced (a database written in `~/.bashrc`)."""
    monkeypatch.delenv("FRONTLINT_NO_CACHE")
    site = tmp_path / "site"
    site.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    server.routes["/missing"] = answer(404)
    base = base_of(server)
    local(site, monkeypatch, f"[a]({base}/missing)\n")
    (site / "inside").symlink_to(tmp_path / "elsewhere.sqlite")
    (site / "folder").mkdir()
    (os.mkfifo if hasattr(os, "mkfifo") else Path.touch)(site / "pipe")  # (a file on Windows)
    for cache in (str(victim), "../victim.txt", "inside", "folder", "pipe", "sub/../../victim.txt"):
        if cache == "pipe" and not hasattr(os, "mkfifo"):
            continue
        (site / ".frontlint.toml").write_text(LOCAL.replace("links.sqlite", cache))
        code, rows, err = check()
        assert (code, rows) == (1, [
            ("LK011", 4, 5, f"broken link `{base}/missing`: the page does not exist (404)"),
        ])  # fmt: skip
        assert err == (
            f"frontlint: the link cache `{cache}` (`[links] cache`) is not a file of the "
            "configuration's folder: no cache this run\n"
        )
    assert victim.read_text() == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "victim.txt"]
    assert sorted(p.name for p in site.iterdir()) == [
        ".frontlint.toml", "folder", "inside", "page.md", "pipe",
    ]  # fmt: skip
    # Its own folder, and one made for it: as before.
    (site / ".frontlint.toml").write_text(LOCAL.replace("links.sqlite", "cache/links.sqlite"))
    assert check()[2] == ""
    assert (site / "cache" / "links.sqlite").is_file()


def write_cache(path: Path, entries: dict[str, object]) -> None:
    import sqlite3

    db = sqlite3.connect(path)
    db.execute("CREATE TABLE links (url TEXT PRIMARY KEY, expires REAL, outcome TEXT)")
    db.execute("PRAGMA user_version = 1")
    db.executemany(
        "INSERT INTO links VALUES (?, ?, ?)",
        [(url, 1e300, json.dumps(value)) for url, value in entries.items()],
    )
    db.commit()
    db.close()


OK = {"kind": "ok", "reason": "", "status": 200, "location": "", "anchors": ["part"],
      "truncated": False, "detail": ""}  # fmt: skip


@pytest.mark.parametrize(
    "entry",
    [
        {**OK, "kind": "undecided", "reason": "nope"},
        {**OK, "kind": "failed", "reason": "zzz"},
        {**OK, "kind": "moved", "location": 5},
        {**OK, "kind": "moved", "location": "javascript:alert(1)"},
        {**OK, "anchors": [[1]]},
        {**OK, "anchors": "abc"},
        {**OK, "status": "x"},
        {**OK, "status": True},
        {**OK, "truncated": "no"},
        {**OK, "detail": {"a": 1}},
        {**OK, "kind": ["ok"]},
        {**OK, "kind": "undecided", "reason": "network"},  # (never cached: not one of ours)
    ],
)
def test_a_cache_entry_that_is_not_one_of_ours_is_asked_again(entry, tmp_path, monkeypatch,
                                                              server):  # fmt: skip
    monkeypatch.delenv("FRONTLINT_NO_CACHE")
    server.routes["/missing"] = answer(404)
    base = base_of(server)
    local(tmp_path, monkeypatch, f"[a]({base}/missing#part)\n")
    write_cache(tmp_path / "links.sqlite", {f"{base}/missing": entry})
    code, out, err = invoke("check", "--online", "--select", f"{ONLINE_CODES},FL", "--format",
                            "json", "--today", TODAY, "page.md")  # fmt: skip
    rows = [
        (d["code"], d["line"], d["column"], d["message"]) for d in json.loads(out)["diagnostics"]
    ]
    assert (code, rows, err) == (1, [
        ("LK011", 4, 5, f"broken link `{base}/missing#part`: the page does not exist (404)"),
    ], "")  # fmt: skip
    assert server.requests == [("GET", "/missing")]  # (GET: the anchors are wanted)


def test_the_cache_entries_of_every_kind_are_read_back(tmp_path, monkeypatch, server):
    monkeypatch.delenv("FRONTLINT_NO_CACHE")
    base = base_of(server)
    lines = [f"[a]({base}/a#part) [b]({base}/b)", f"[c]({base}/c) [d]({base}/d)"]
    local(tmp_path, monkeypatch, "\n".join(lines) + "\n")
    write_cache(tmp_path / "links.sqlite", {
        f"{base}/a": OK,
        f"{base}/b": {**OK, "kind": "moved", "location": f"{base}/new", "anchors": None},
        f"{base}/c": {**OK, "kind": "broken", "reason": "status", "status": 410},
        f"{base}/d": {**OK, "kind": "failed", "reason": "loop", "status": 301},
    })  # fmt: skip
    code, rows, _err = check()
    assert (code, rows) == (1, [
        ("LK013", 4, lines[0].index(f"{base}/b") + 1,
         f"link `{base}/b` has moved permanently to `{base}/new`"),
        ("LK011", 5, 5, f"broken link `{base}/c`: the page was removed (410)"),
        ("LK012", 5, lines[1].index(f"{base}/d") + 1, f"link `{base}/d` redirects in a loop"),
    ])  # fmt: skip
    assert server.requests == []


# --- What cannot be read


def reset_mid_body(sock: socket.socket, method: str) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 9999\r\n\r\n<p>")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # (RST)
    sock.close()


def test_broken_answers_are_undecided_and_server_text_is_escaped(tmp_path, monkeypatch, server):
    monkeypatch.delenv("FRONTLINT_NO_CACHE")
    base = base_of(server)
    server.routes["/http09"] = b"<html>no status line</html>"
    server.routes["/reset"] = reset_mid_body
    server.routes["/huge"] = answer(301, headers=(("Location", "/" + "a" * (1 << 20)),))
    server.routes["/esc"] = answer(301, raw_headers=b"Location: /a\x1b[31m::error::x\r\n")
    server.routes["/latin"] = answer(301, raw_headers=b"Location: /caf\xe9\r\n")
    server.routes["/caf%C3%A9"] = answer(200)
    server.routes["/cred"] = answer(301, headers=(("Location", f"http://me:s3cret@{base[7:]}/ok"),))
    server.routes["/ok"] = answer(200)
    names = ["http09", "reset#a", "huge", "esc", "latin", "cred"]
    lines = [f"[x]({base}/{name})" for name in names] + [f"[y](http://me:s3cret@{base[7:]}/ok)"]
    local(tmp_path, monkeypatch, "\n".join(lines) + "\n")
    code, out, err = invoke("check", "--online", "--select", f"{ONLINE_CODES},FL", "--format",
                            "json", "--today", TODAY, "page.md")  # fmt: skip
    rows = [
        (d["code"], d["line"], d["column"], d["message"]) for d in json.loads(out)["diagnostics"]
    ]
    network = "could not check `{}`: network error ({})"
    assert (code, err) == (0, "")
    assert rows == [
        ("LK016", 4, 5, network.format(f"{base}/http09",
                                       "Server disconnected without sending a response.")),
        ("LK016", 5, 5, network.format(f"{base}/reset#a", "ReadError")),
        ("LK016", 6, 5, network.format(f"{base}/huge", "Receive buffer too long")),
        ("LK016", 7, 5, network.format(f"{base}/esc", "Invalid URL in location header: Invalid "
                                       "non-printable ASCII character in URL, '\\x1b' at position 2..")),
        ("LK013", 8, 5, f"link `{base}/latin` has moved permanently to `{base}/caf%C3%A9`"),
        ("LK013", 9, 5, f"link `{base}/cred` has moved permanently to `{base}/ok`"),
    ]  # fmt: skip
    assert b"s3cret" not in (tmp_path / "links.sqlite").read_bytes()
