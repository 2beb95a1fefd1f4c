"""Online link checks (`--online`): a real HTTP server on 127.0.0.1, started here, and nothing
else. Host names are resolved by a map of the test's own (``linter.online.resolve``), so no
lookup and no request leaves the machine; the private-address guard is opened for 127.0.0.1
only (`[links] allow-hosts`), so that the guard itself is what the other tests exercise."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import online
from linter.cli import cli
from linter.rules import all_rules
from tests.conftest import TODAY, serve_example

ANCHORED_PAGE = b'<!doctype html><h1>Aides</h1><h2 id="here">Ici</h2><a name="old">x</a>'


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, str]] = []
        self.times: dict[str, list[float]] = {}
        self.lock = threading.Lock()
        self.busy: dict[str, int] = {}
        self.busiest: dict[str, int] = {}
        self.limited = 0


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_HEAD(self) -> None:
        self.answer(head=True)

    def do_GET(self) -> None:
        self.answer(head=False)

    def send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        if body:
            self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def answer(self, head: bool) -> None:
        server = self.server
        path = self.path
        host = self.headers.get("Host", "")
        with server.lock:
            server.requests.append((self.command, path))
            server.times.setdefault(path, []).append(time.monotonic())
            server.busy[host] = server.busy.get(host, 0) + 1
            server.busiest[host] = max(server.busiest.get(host, 0), server.busy[host])
        try:
            self.route(path, head)
        finally:
            with server.lock:
                server.busy[host] -= 1

    def route(self, path: str, head: bool) -> None:
        port = self.server.server_address[1]
        if path in ("/ok", "/final") or path.startswith("/many/"):
            if path.startswith("/many/"):
                time.sleep(0.05)
            self.send(200, b"<p>ok</p>")
        elif path == "/missing":
            self.send(404)
        elif path == "/gone":
            self.send(410)
        elif path == "/error":
            self.send(500)
        elif path == "/r1":
            self.send(301, Location="/r2")
        elif path == "/r2":
            self.send(308, Location=f"http://127.0.0.1:{port}/final")
        elif path == "/temp":
            self.send(302, Location="/final")
        elif path == "/loop-a":
            self.send(301, Location="/loop-b")
        elif path == "/loop-b":
            self.send(301, Location="/loop-a")
        elif path == "/busy":  # 429 once, with Retry-After, then the page
            with self.server.lock:
                self.server.limited += 1
                first = self.server.limited == 1
            if first:
                self.send(429, Retry_After="1")
            else:
                self.send(200, b"<p>ok</p>")
        elif path == "/always-busy":
            self.send(429, Retry_After="0")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, b"<p>late</p>")
        elif path == "/nohead":
            self.send(405 if head else 200, b"" if head else b"<p>ok</p>")
        elif path == "/page":
            self.send(200, ANCHORED_PAGE)
        elif path == "/to-private":
            self.send(301, Location="http://10.1.2.3/admin")
        elif path == "/to-intranet":
            self.send(302, Location=f"http://intranet.test:{port}/ok")
        else:
            self.send(404)


@pytest.fixture
def server():
    httpd = Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


NAMES = {"site.test": ["127.0.0.1"], "intranet.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]}


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    """Names from the test's own map (no lookup leaves the machine); short waits."""

    async def resolve(host: str, port: int) -> list[str]:
        if host in NAMES:
            return NAMES[host]
        raise online.NoSuchHost(host)

    monkeypatch.setattr(online, "resolve", resolve)
    monkeypatch.setattr(online, "TIMEOUT", 0.8)
    monkeypatch.setattr(online, "BACKOFF", 0.01)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def setup(tmp_path: Path, monkeypatch, body: str, config: str = "") -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".frontlint.toml").write_text(
        '[links]\nallow-hosts = ["127.0.0.1", "site.test"]\ncache = "links.sqlite"\n' + config
    )
    page = tmp_path / "page.md"
    page.write_text(f"---\ntitle: Liens\n---\n{body}", encoding="utf-8")
    return page


ONLINE_CODES = "LK011,LK012,LK013,LK014,LK015,LK016"


def at(lines: list[str], needle: str, nth: int = 0) -> tuple[int, int]:
    """(line, column) of ``needle`` in the body ``lines`` (the page's line 4 is the first)."""
    found = [(n + 4, line.index(needle) + 1) for n, line in enumerate(lines) if needle in line]
    return found[nth]


def check(*extra: str) -> tuple[int, list[tuple[str, int, int, str]], str]:
    code, out, err = invoke("check", "--online", "--select", ONLINE_CODES, "--format", "json",
                            "--today", TODAY, *extra, "page.md")  # fmt: skip
    payload = json.loads(out)
    rows = [(d["code"], d["line"], d["column"], d["message"]) for d in payload["diagnostics"]]
    return code, rows, err


def test_statuses_redirects_and_anchors(tmp_path, monkeypatch, server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    lines = [
        f"[a]({base}/ok) [b]({base}/missing) [c]({base}/gone)",
        f"[d]({base}/error) [e]({base}/r1)",
        f"[f]({base}/temp) [g]({base}/loop-a)",
        f"[h]({base}/nohead) [i]({base}/page#here) [j]({base}/page#nowhere)",
        f"[k]({base}/page#old) [l]({base}/ok#anything) [m]({base}/ok)",
    ]
    setup(tmp_path, monkeypatch, "\n".join(lines) + "\n")
    code, rows, err = check("--no-cache")
    assert (code, err) == (1, "")
    assert rows == [
        (
            "LK011",
            *at(lines, f"{base}/missing"),
            f"broken link `{base}/missing`: the page does not exist (404)",
        ),
        (
            "LK011",
            *at(lines, f"{base}/gone"),
            f"broken link `{base}/gone`: the page was removed (410)",
        ),
        ("LK012", 5, 5, f"link `{base}/error` answers with an error (500)"),
        (
            "LK013",
            *at(lines, f"{base}/r1"),
            f"link `{base}/r1` has moved permanently to `{base}/final`",
        ),
        ("LK012", *at(lines, f"{base}/loop-a"), f"link `{base}/loop-a` redirects in a loop"),
        # At the fragment; a page that is HTML without that anchor (`/ok`) too.
        ("LK015", *at(lines, "#nowhere"), f"`#nowhere` is not an anchor of `{base}/page`"),
        ("LK015", *at(lines, "#anything"), f"`#anything` is not an anchor of `{base}/ok`"),
    ]
    # Each URL once: HEAD first; GET where HEAD failed (every retry of /error: GET only), or for
    # the page whose anchors are wanted; a 200 page that is not asked for anchors is not read.
    requests = sorted(server.requests)
    assert [r for r in requests if r[1] == "/ok"] == [("GET", "/ok")]  # (three links to it)
    assert [r for r in requests if r[1] in ("/temp", "/final")] == [("HEAD", "/final")] * 2 + [
        ("HEAD", "/temp")
    ]
    assert [r for r in requests if r[1] == "/page"] == [("GET", "/page")]
    assert [r for r in requests if r[1] == "/nohead"] == [("GET", "/nohead"), ("HEAD", "/nohead")]
    assert [r for r in requests if r[1] == "/error"] == [("GET", "/error")] * 3 + [
        ("HEAD", "/error")
    ]
    assert [r for r in requests if r[1] == "/missing"] == [
        ("GET", "/missing"),
        ("HEAD", "/missing"),
    ]


def test_moved_link_is_fixed_with_the_new_url(tmp_path, monkeypatch, server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    page = setup(tmp_path, monkeypatch, f"Voir [la fiche]({base}/r1#here).\n")
    code, out, _err = invoke("check", "--online", "--no-cache", "--diff", "--unsafe-fixes",
                             "page.md")  # fmt: skip
    assert code == 1
    assert f"-Voir [la fiche]({base}/r1#here).\n+Voir [la fiche]({base}/final#here).\n" in out
    invoke("check", "--online", "--no-cache", "--fix", "page.md")  # unsafe: not applied
    assert page.read_text(encoding="utf-8").endswith(f"({base}/r1#here).\n")


def test_retry_after_is_honoured_and_429_after_retries_is_undecided(tmp_path, monkeypatch, server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    lines = [f"[a]({base}/busy) [b]({base}/always-busy)"]
    setup(tmp_path, monkeypatch, lines[0] + "\n")
    code, rows, _err = check("--no-cache")
    assert code == 0  # undecided is info: never a failed build
    assert rows == [
        (
            "LK016",
            *at(lines, f"{base}/always"),
            f"could not check `{base}/always-busy`: the site asks to wait (429)",
        ),
    ]
    first, second = server.times["/busy"]
    assert second - first >= 0.95  # Retry-After: 1
    assert server.requests.count(("HEAD", "/always-busy")) == 3  # the first try and 2 retries


def test_undecided_can_be_a_warning(tmp_path, monkeypatch, server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    setup(tmp_path, monkeypatch, f"[a]({base}/slow)\n", '[severity]\nLK016 = "warning"\n')
    started = time.monotonic()
    code, rows, _err = check("--no-cache", "--fail-on", "error")
    assert time.monotonic() - started < 1.5 + 1  # the timeout, not the server's 1.5 s, and no retry
    assert code == 0
    assert rows == [("LK016", 4, 5, f"could not check `{base}/slow`: no answer within 0.8 s")]
    code, out, _err = invoke("check", "--online", "--no-cache", "--format", "concise", "page.md")
    assert out.splitlines()[0] == (
        f"page.md:4:5: LK016 could not check `{base}/slow`: no answer within 0.8 s"
    )


def test_private_addresses_are_never_contacted(tmp_path, monkeypatch, server):
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    lines = [
        f"[a]({base}/to-private) [b](http://intranet.test:{port}/ok)",
        f"[c]({base}/to-intranet) [d](http://[::ffff:127.0.0.1]:{port}/ok)",
        f"[e](http://user:secret@intranet.test:{port}/ok)",
    ]
    setup(tmp_path, monkeypatch, "\n".join(lines) + "\n")
    code, rows, _err = check("--no-cache")
    assert code == 0
    assert rows == [
        (
            "LK016",
            4,
            5,
            f"not checked `{base}/to-private`: `127.0.0.1` is a local or private address (`[links] allow-hosts`)",
        ),
        (
            "LK016",
            *at(lines, "http://intranet"),
            f"not checked `http://intranet.test:{port}/ok`: `intranet.test` is a local or private address (`[links] allow-hosts`)",
        ),
        (
            "LK016",
            5,
            5,
            f"not checked `{base}/to-intranet`: `127.0.0.1` is a local or private address (`[links] allow-hosts`)",
        ),
        (
            "LK016",
            *at(lines, "http://[::"),
            f"not checked `http://[::ffff:127.0.0.1]:{port}/ok`: `::ffff:127.0.0.1` is a local or private address (`[links] allow-hosts`)",
        ),
        (
            "LK016",
            6,
            5,
            f"not checked `http://intranet.test:{port}/ok`: `intranet.test` is a local or private address (`[links] allow-hosts`)",
        ),
    ]
    # The public-looking redirects were asked; the private hops, never.
    assert sorted(server.requests) == [("HEAD", "/to-intranet"), ("HEAD", "/to-private")]
    assert "secret" not in json.dumps(rows)


def test_allow_private_opens_the_guard(tmp_path, monkeypatch, server):
    port = server.server_address[1]
    setup(tmp_path, monkeypatch, f"[b](http://intranet.test:{port}/missing)\n",
          "allow-private = true\n")  # fmt: skip
    _code, rows, _err = check("--no-cache")
    assert rows == [
        (
            "LK011",
            4,
            5,
            f"broken link `http://intranet.test:{port}/missing`: the page does not exist (404)",
        ),
    ]


def test_missing_host_is_broken_only_when_other_names_resolve(tmp_path, monkeypatch, server):
    port = server.server_address[1]
    lines = [f"[a](http://site.test:{port}/ok) [b](https://nowhere.test/a)"]
    setup(tmp_path, monkeypatch, lines[0] + "\n")
    code, rows, _err = check("--no-cache")
    assert code == 1
    assert rows == [
        (
            "LK011",
            *at(lines, "https://"),
            "broken link `https://nowhere.test/a`: the host `nowhere.test` does not exist",
        ),
    ]
    setup(tmp_path, monkeypatch, "[b](https://nowhere.test/a)\n")
    code, rows, _err = check("--no-cache")
    assert code == 0
    assert rows == [
        (
            "LK016",
            4,
            5,
            "could not check `https://nowhere.test/a`: no host name could be resolved (no network?)",
        ),
    ]


def test_second_run_within_ttl_asks_nothing(tmp_path, monkeypatch, server):
    monkeypatch.delenv("FRONTLINT_NO_CACHE")  # (tests/conftest.py turns the caches off)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    lines = [f"[a]({base}/ok) [b]({base}/missing) [c]({base}/slow)"]
    setup(tmp_path, monkeypatch, lines[0] + "\n")
    _code, first, _err = check()
    assert first == [
        (
            "LK011",
            *at(lines, f"{base}/missing"),
            f"broken link `{base}/missing`: the page does not exist (404)",
        ),
        (
            "LK016",
            *at(lines, f"{base}/slow"),
            f"could not check `{base}/slow`: no answer within 0.8 s",
        ),
    ]
    assert len(server.requests) == 4  # HEAD /ok, HEAD and GET /missing, HEAD /slow
    _code, second, _err = check()
    assert second == first
    # Only the undecided URL (never cached) was asked again.
    assert server.requests[4:] == [("HEAD", "/slow")]
    _code, third, _err = check("--no-cache")
    assert third == first
    assert len(server.requests) == 9


def test_corrupt_cache_is_ignored_with_a_warning(tmp_path, monkeypatch, server):
    monkeypatch.delenv("FRONTLINT_NO_CACHE")
    base = f"http://127.0.0.1:{server.server_address[1]}"
    setup(tmp_path, monkeypatch, f"[b]({base}/missing)\n")
    (tmp_path / "links.sqlite").write_bytes(b"not a database" * 100)
    code, rows, err = check()
    assert code == 1
    assert rows == [("LK011", 4, 5, f"broken link `{base}/missing`: the page does not exist (404)")]
    assert err == (
        f"frontlint: the link cache `{tmp_path / 'links.sqlite'}` cannot be read "
        "(file is not a database): ignored\n"
    )
    assert (tmp_path / "links.sqlite.corrupt").read_bytes() == b"not a database" * 100
    asked = len(server.requests)
    code, rows, err = check()  # the new cache works
    assert (code, err, len(server.requests)) == (1, "", asked)


def test_per_host_limit_and_deduplication(tmp_path, monkeypatch, server):
    port = server.server_address[1]
    links = [f"[x](http://site.test:{port}/many/{i}) [y](http://other.test:{port}/many/{i})"
             for i in range(12)]  # fmt: skip
    body = "\n".join(links + links) + "\n"  # every URL twice
    setup(tmp_path, monkeypatch, body, "allow-private = true\n")
    code, rows, _err = check("--no-cache")
    assert (code, rows) == (0, [])
    assert len(server.requests) == 24  # each URL once
    assert server.busiest == {f"site.test:{port}": 2, f"other.test:{port}": 2}


def test_exclude_and_include(tmp_path, monkeypatch, server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    lines = [f"[a]({base}/missing) [b]({base}/gone)"]
    setup(tmp_path, monkeypatch, lines[0] + "\n",
          'exclude = ["/missing$", "/gone"]\ninclude = ["gone$"]\n')  # fmt: skip
    _code, rows, _err = check("--no-cache")
    assert rows == [
        (
            "LK011",
            *at(lines, f"{base}/gone"),
            f"broken link `{base}/gone`: the page was removed (410)",
        )
    ]
    assert sorted(server.requests) == [("GET", "/gone"), ("HEAD", "/gone")]
    setup(tmp_path, monkeypatch, "x\n", 'exclude = ["("]\n')
    code, _out, err = invoke("check", "--online", "page.md")
    assert code == 2
    assert err.endswith("Error: [links] exclude: invalid pattern `(`: missing ): (\n")


def test_offline_by_default_and_suppressions_of_online_codes_are_not_unused(
    tmp_path, monkeypatch, server
):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    page = setup(tmp_path, monkeypatch, "")
    page.write_text(
        f"---\ntitle: Liens  # frontlint: disable-file=LK011\n---\n[b]({base}/missing)\n"
    )
    code, out, _err = invoke("check", "--format", "json", "page.md")
    assert (code, json.loads(out)["diagnostics"], server.requests) == (0, [], [])
    (tmp_path / ".frontlint.toml").write_text(
        '[links]\nonline = true\nallow-hosts = ["127.0.0.1"]\ncache = "links.sqlite"\n'
    )
    code, out, _err = invoke("check", "--offline", "--format", "json", "page.md")
    assert (code, json.loads(out)["diagnostics"], server.requests) == (0, [], [])
    code, out, _err = invoke("check", "--no-cache", "--format", "json", "page.md")
    assert (code, json.loads(out)["diagnostics"]) == (0, [])  # online, and suppressed
    assert ("HEAD", "/missing") in server.requests


def test_progress_only_when_asked_or_on_a_terminal(tmp_path, monkeypatch, server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    setup(tmp_path, monkeypatch, f"[a]({base}/ok) [b]({base}/final)\n")
    assert check("--no-cache")[2] == ""  # (the runner's stderr is no terminal)
    _code, _rows, err = check("--no-cache", "--progress")
    assert err == "2 URLs, 1 host\n"  # (off a terminal, click prints the label alone)


def test_offline_start_does_not_import_the_network():
    import subprocess
    import sys

    code = "import sys, linter.cli, linter.rules; linter.rules.all_rules(); " \
           "print(sorted(m for m in ('httpx', 'httpcore', 'linter.online') if m in sys.modules))"  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_refused_addresses():
    assert [online.refused(a) for a in (
        "127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "2002:7f00:1::",
        "93.184.216.34", "2606:4700::1111",
    )] == [True] * 13 + [False, False]  # fmt: skip


# --- The specs' examples that need the network, with the web answering as they say


ONLINE_EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.code}-{example.kind}{index}")
    for rule in all_rules()
    for index, example in enumerate(rule.examples)
    if example.served
]


@pytest.mark.parametrize(("rule", "example"), ONLINE_EXAMPLES)
def test_online_examples(rule, example, tmp_path, monkeypatch):
    serve_example(monkeypatch, example)
    monkeypatch.chdir(tmp_path)
    (tmp_path / example.path).write_text(example.text, encoding="utf-8")
    _code, out, _err = invoke("check", "--isolated", "--online", "--no-cache", "--format",
                             "json", "--today", TODAY, example.path)  # fmt: skip
    codes = [d["code"] for d in json.loads(out)["diagnostics"]]
    if example.kind == "bad":
        assert rule.code in codes, out
    else:
        assert rule.code not in codes, out


def test_there_are_online_examples():
    # (Every online rule has some: tests/test_specs.py; an empty list would skip the test above.)
    assert len(ONLINE_EXAMPLES) >= 12


def test_no_test_here_reaches_another_address(server):
    """The server listens on 127.0.0.1 only."""
    assert server.server_address[0] == "127.0.0.1"
    assert server.address_family == socket.AF_INET
