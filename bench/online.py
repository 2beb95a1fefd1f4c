"""Online link checks against a local server: 2,000 distinct URLs on 10 host names (all mapped
to 127.0.0.1; every 20th URL answers after 0.2 s), through ``linter.online`` as `--online` runs
it (HEAD requests, per-host and global limits). Prints URLs per second, and the most requests
the server saw at once per host, which must not exceed ``PER_HOST``.

    python bench/online.py [--urls 2000] [--hosts 10]

Nothing leaves the machine: names resolve through a map, the server listens on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linter import online


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.busy: dict[str, int] = {}
        self.busiest: dict[str, int] = {}
        self.count = 0


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers

    def log_message(self, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        host = self.headers.get("Host", "")
        with self.server.lock:
            self.server.count += 1
            self.server.busy[host] = self.server.busy.get(host, 0) + 1
            self.server.busiest[host] = max(
                self.server.busiest.get(host, 0), self.server.busy[host]
            )
        try:
            if self.path.endswith("/slow"):
                time.sleep(0.2)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()
        finally:
            with self.server.lock:
                self.server.busy[host] -= 1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=10)
    args = parser.parse_args()
    server = Server()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    names = [f"h{i}.bench.test" for i in range(args.hosts)]

    async def resolve(host: str, _port: int) -> list[str]:
        if host in names:
            return ["127.0.0.1"]
        raise online.NoSuchHost(host)

    online.resolve = resolve
    checks = online.Online(online.Config(allow_private=True))
    for i in range(args.urls):
        tail = "slow" if (i // len(names)) % 20 == 0 else "fast"  # (on every host alike)
        checks.want(f"http://{names[i % len(names)]}:{port}/page/{i}/{tail}")
    started = time.perf_counter()
    checks.fetch()
    elapsed = time.perf_counter() - started
    server.shutdown()
    kinds: dict[str, int] = {}
    for outcome in checks.outcomes.values():
        kinds[outcome.kind] = kinds.get(outcome.kind, 0) + 1
    limit = checks.config.per_host
    busiest = max(server.busiest.values())
    rate = args.urls / elapsed
    print(f"{args.urls} URLs on {args.hosts} hosts in {elapsed:.2f} s: {rate:.0f} URLs/s; "
          f"outcomes {kinds}; {server.count} requests")  # fmt: skip
    print(f"most requests at once on one host: {busiest} (limit {limit}; "
          f"global limit {checks.config.total})")  # fmt: skip
    ok = kinds == {"ok": args.urls} and server.count == args.urls and busiest <= limit
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
