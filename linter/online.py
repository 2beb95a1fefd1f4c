"""Online link checks (``--online``): every external http(s) URL of the run, fetched once.

The engine's online phase (``engine.prefetch``) lets the rules that need the network
(``rules/online.py``) name the URLs they want (``Online.want``), then ``Online.fetch`` asks
every site at once and the rules read the answers (``Online.outcome``).

- **Politely**: HEAD first, GET only when HEAD is refused or answers an error, or when the
  page's anchors are wanted (then at most ``MAX_BODY`` bytes of HTML are read, uncompressed);
  at most ``PER_HOST`` requests at a time to one host and ``TOTAL`` in all; ``Retry-After``
  honoured on 429 and 503 (up to ``MAX_RETRY_AFTER``, for the whole host), retries with
  exponential backoff and jitter on network errors and 5xx; a User-Agent that names the tool.
- **Never flaky**: a timeout, a 429 after the retries, a network that cannot be reached, the run's
  time budget spent are *undecided* (reported as such, never as a broken link); a host name
  that does not exist counts as broken only when this run resolved some other name (a machine
  without DNS resolves none).
- **Safely**: only http and https; every address a host name resolves to is checked before
  connecting, on every redirect hop (redirects are followed here, one by one), and the
  connection goes to the checked address (TLS still names the host): no loopback, private,
  link-local, multicast or reserved address unless ``allow_private`` or the host is in
  ``allow_hosts``. Credentials written in a URL are never sent, stored nor shown.

``httpx`` is imported only here, and this module only when ``--online`` is on: an offline run
starts no faster or slower than before.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import random
import socket
import stat
import sys
import time
import zlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import asdict, dataclass, field, fields
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpcore
import httpx

from linter import __version__
from linter.linkcache import LinkCache
from linter.records import record
from linter.rules.online import MAX_REDIRECTS, without_userinfo

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

if "sniffio" not in sys.modules:
    from importlib.util import find_spec

    if find_spec("sniffio") is None:
        # httpcore imports sniffio on every request; a missing module is searched for on the
        # whole `sys.path` each time (a sixth of the time of a run): say once that it is absent.
        sys.modules["sniffio"] = None  # type: ignore[assignment]

USER_AGENT = f"frontlint/{__version__} (link checker; +https://pypi.org/project/frontlint/)"
TIMEOUT = 10.0
"""Seconds for one request (connection, answer and what is read of it)."""
BUDGET = 600.0
"""Seconds for the whole online phase: what is left then is undecided."""
PER_HOST = 2
TOTAL = 16
RETRIES = 2
"""Attempts after the first, on network errors, 5xx, 429 and 503."""
BACKOFF = 0.5
"""Seconds before the first retry (doubled each time, plus up to as much again at random)."""
MAX_RETRY_AFTER = 10.0
"""The longest ``Retry-After`` waited for; a longer one leaves the URL undecided."""
MAX_BODY = 2 * 1024 * 1024
"""Bytes of HTML read at most to find a page's anchors."""
MAX_ANCHORS = 10_000
MAX_ANCHOR_TEXT = 200_000
"""A page with more anchors, or longer ones in all, is not checked (what a run keeps of every
page stays small: a server could answer thousands of links with pages of ids)."""
TTL = {"ok": 7 * 86400.0, "moved": 7 * 86400.0, "broken": 86400.0, "failed": 86400.0}
"""Seconds an answer is kept in the cache, by kind (undecided answers are never kept)."""

_CACHED = {"ok": ("",), "moved": ("",), "broken": ("status", "dns"),
           "failed": ("status", "loop", "redirects", "tls")}  # fmt: skip
"""The reasons of each kind of outcome that is cached."""

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml")


@record
class Outcome:
    """What a URL answered. ``kind``: ``ok`` (2xx, possibly after temporary redirects),
    ``moved`` (2xx after permanent redirects only: ``location`` is the new URL), ``broken``
    (``reason`` ``status``: 404 or 410; ``dns``: no such host), ``failed`` (another 4xx or 5xx;
    ``loop``, ``redirects``: too many; ``tls``: the secure connection failed), ``undecided``
    (``timeout``, ``rate-limited``, ``network``, ``private``, ``budget``, ``dns``: no name
    resolved in this run). ``anchors``: the ids and names of an HTML page when they were asked
    for (None: not read, not HTML); ``truncated``: only its first ``MAX_BODY`` bytes were, or it
    has more than ``MAX_ANCHORS`` (then ``anchors`` is empty: the page is not checked)."""

    kind: str
    reason: str = ""
    status: int = 0
    location: str = ""
    anchors: tuple[str, ...] | None = None
    truncated: bool = False
    detail: str = ""

    def as_json(self) -> dict[str, Any]:
        found = asdict(self)
        found["anchors"] = list(self.anchors) if self.anchors is not None else None
        return found

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome | None:
        names = {f.name for f in fields(cls)}
        if set(data) != names:
            return None
        kind, reason, status = data["kind"], data["reason"], data["status"]
        anchors = data["anchors"]
        # (a cache file may come with a pull request: anything else is not one of ours)
        if not (
            isinstance(kind, str) and isinstance(reason, str) and reason in _CACHED.get(kind, ())
            and isinstance(status, int) and not isinstance(status, bool) and 0 <= status < 1000
            and isinstance(data["location"], str) and isinstance(data["detail"], str)
            and isinstance(data["truncated"], bool)
            and (anchors is None or (isinstance(anchors, list)
                 and all(isinstance(anchor, str) for anchor in anchors)))
            and (kind != "moved" or data["location"].lower().startswith(("http://", "https://")))
        ):  # fmt: skip
            return None
        return cls(**{**data, "anchors": tuple(anchors) if anchors is not None else None})


@record
class Config:
    """How the online phase runs (``from_settings`` reads ``[links]`` and the flags)."""

    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()
    exclude: tuple[Any, ...] = ()
    """Compiled patterns (RE2): a URL one of them finds is not checked..."""
    include: tuple[Any, ...] = ()
    """...unless one of these finds it; when only ``include`` is set, only what it finds."""
    timeout: float = TIMEOUT
    budget: float = BUDGET
    per_host: int = PER_HOST
    total: int = TOTAL
    retries: int = RETRIES
    backoff: float = BACKOFF
    max_retry_after: float = MAX_RETRY_AFTER

    def wanted(self, url: str) -> bool:
        """Whether ``[links] exclude`` and ``include`` let ``url`` be checked."""
        if any(pattern.search(url) for pattern in self.include):
            return True
        if self.include and not self.exclude:
            return False
        return not any(pattern.search(url) for pattern in self.exclude)


def compile_patterns(patterns: Iterable[str], key: str) -> tuple[Any, ...]:
    """RE2 patterns (linear time: the configuration may come with a pull request); ValueError
    names the one that does not compile."""
    import re2

    options = re2.Options()
    options.log_errors = False  # else a refused pattern is written to stderr
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re2.compile(pattern, options))
        except Exception as exc:  # re2.error
            reason = exc.args[0] if exc.args else exc
            if isinstance(reason, bytes):
                reason = reason.decode("utf-8", "replace")
            raise ValueError(f"[links] {key}: invalid pattern `{pattern}`: {reason}") from None
    return tuple(compiled)


# --- Where a connection may go


class Refused(Exception):
    """A host whose addresses are all loopback, private, link-local, multicast or reserved."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to {address}, a non-public address")
        self.host = host
        self.address = address


class NoSuchHost(Exception):
    """The name does not exist (NXDOMAIN, no address)."""


class ResolveFailed(Exception):
    """The name could not be resolved now (no DNS server answered)."""


def refused(address: str) -> bool:
    """Whether ``address`` is not a public unicast one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is None and int(ip) >> 32 in _EMBEDDING:
            # IPv4-compatible (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64
            # (64:ff9b::a.b.c.d): an IPv4 address a gateway may reach; judged as that address.
            mapped = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if mapped is not None:
            ip = mapped
        elif ip.is_site_local or ip.is_reserved or ip in _NAT64_LOCAL:
            return True  # (not all in `is_global` before Python 3.12.4 and 3.11.10)
    return ip.is_multicast or not ip.is_global


_EMBEDDING = frozenset({0, 0xFFFF0000, 0x0064FF9B0000000000000000})
"""The first 96 bits of IPv6 addresses whose last 32 are an IPv4 address."""
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")


async def system_resolve(host: str, port: int) -> list[str]:
    """The addresses of ``host`` (the system's resolver, in a thread)."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        gone = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
        if exc.errno in gone:
            raise NoSuchHost(host) from None
        raise ResolveFailed(f"{host}: {exc.strerror}") from None
    except UnicodeError:
        raise NoSuchHost(host) from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


resolve: Callable[[str, int], Awaitable[list[str]]] = system_resolve
"""How host names are resolved (tests map their own names)."""


class Guard:
    """Resolves a host once per run and keeps the addresses a connection may go to."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._names: dict[tuple[str, int], asyncio.Future[list[str]]] = {}
        self.resolved_any = False
        """Whether a host name resolved in this run (else a missing name proves nothing)."""

    async def addresses(self, host: str, port: int) -> list[str]:
        host = host.strip("[]").lower().rstrip(".")
        named = True
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
            found, named = [host], False
        except ValueError:
            key = (host, port)
            if key not in self._names:
                self._names[key] = asyncio.ensure_future(resolve(host, port))
            found = await asyncio.shield(self._names[key])
        if not found:
            raise NoSuchHost(host)
        if not (self.config.allow_private or host in self.config.allow_hosts):
            found = [address for address in found if not refused(address)]
            if not found:
                raise Refused(host, (await self._names[(host, port)])[0] if named else host)
        # A name that resolved to an address we may use: DNS works (`localhost` proves nothing).
        self.resolved_any = self.resolved_any or named
        return found


class _Backend(httpcore.AsyncNetworkBackend):
    """Connects to the addresses the guard allows, not to what a later lookup may say."""

    def __init__(self, guard: Guard) -> None:
        self.guard = guard
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await asyncio.wait_for(self.guard.addresses(host, port), timeout)
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("no Unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class _Body(httpx.AsyncByteStream):
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for part in self._stream:
            yield part

    async def aclose(self) -> None:
        if hasattr(self._stream, "aclose"):
            await self._stream.aclose()


class GuardedTransport(httpx.AsyncBaseTransport):
    """httpx over httpcore with the guard's network backend (HTTP/2 when ``h2`` is there)."""

    def __init__(self, guard: Guard) -> None:
        from importlib.util import find_spec

        http2 = find_spec("h2") is not None  # (HTTP/2 needs it; not a dependency)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=None,
            http2=http2,
            network_backend=_Backend(guard),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        answer = await self._pool.handle_async_request(core)
        return httpx.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=_Body(answer.stream),
            extensions=answer.extensions,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()


def make_transport(guard: Guard) -> httpx.AsyncBaseTransport:
    """The transport of a run (tests give their own)."""
    return GuardedTransport(guard)


# --- Asking


@dataclass
class _Host:
    slots: asyncio.Semaphore
    not_before: float = 0.0
    """When the host may be asked again (its ``Retry-After``)."""


@record
class _Answer:
    status: int
    location: str | None
    retry_after: float | None
    anchors: tuple[str, ...] | None = None
    truncated: bool = False


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # (`isdigit` alone: `²`, which float refuses)
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):  # (a year of 20 digits)
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _tls(exc: BaseException) -> bool:
    import ssl

    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _detail(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return without_userinfo(text)[:100]


class _Run:
    """One online phase: the client, the hosts' slots, the deadline."""

    def __init__(self, config: Config, client: httpx.AsyncClient, guard: Guard) -> None:
        self.config = config
        self.client = client
        self.guard = guard
        self.hosts: dict[str, _Host] = {}
        self.slots = asyncio.Semaphore(config.total)
        self.deadline = asyncio.get_running_loop().time() + config.budget
        self.busiest: dict[str, int] = {}
        self._busy: dict[str, int] = {}
        self.get_only: set[str] = set()

    def _host(self, url: str) -> tuple[str, _Host]:
        name = (urlsplit(url).hostname or "").lower()
        if name not in self.hosts:
            self.hosts[name] = _Host(asyncio.Semaphore(self.config.per_host))
        return name, self.hosts[name]

    async def check(self, url: str, anchors: bool) -> Outcome:
        """Follow ``url`` hop by hop to its answer."""
        seen = {url}
        current, permanent, hops = url, True, 0
        while True:
            answer = await self.ask(current, anchors)
            if isinstance(answer, Outcome):
                return answer
            if answer.status in REDIRECTS and answer.location:
                try:
                    following = str(httpx.URL(current).join(answer.location.strip()))
                except (httpx.InvalidURL, ValueError):
                    return Outcome("failed", "status", answer.status)
                following = without_userinfo(following).partition("#")[0]
                if urlsplit(following).scheme not in ("http", "https"):
                    return Outcome("ok", status=answer.status)  # (mailto:…: not ours to follow)
                if following in seen:
                    return Outcome("failed", "loop", answer.status)
                hops += 1
                if hops > MAX_REDIRECTS:
                    return Outcome("failed", "redirects", answer.status)
                permanent = permanent and answer.status in PERMANENT
                seen.add(following)
                current = following
                continue
            status = answer.status
            if status < 400:
                kind = "moved" if hops and permanent and current != url else "ok"
                return Outcome(
                    kind, status=status, location=current if kind == "moved" else "",
                    anchors=answer.anchors, truncated=answer.truncated,
                )  # fmt: skip
            if status in (404, 410):
                return Outcome("broken", "status", status)
            if status == 429:
                return Outcome("undecided", "rate-limited", status)
            return Outcome("failed", "status", status)

    async def ask(self, url: str, anchors: bool) -> _Answer | Outcome:
        """One hop, with the host's limits, its ``Retry-After`` and retries."""
        loop = asyncio.get_running_loop()
        name, host = self._host(url)
        config = self.config
        attempt = 0
        while True:
            failure: Outcome | None = None
            answer: _Answer | None = None
            async with host.slots:
                wait = host.not_before - loop.time()
                if loop.time() + max(wait, 0) >= self.deadline:
                    return Outcome("undecided", "budget")
                if wait > 0:
                    await asyncio.sleep(wait)
                async with self.slots:
                    self._busy[name] = self._busy.get(name, 0) + 1
                    self.busiest[name] = max(self.busiest.get(name, 0), self._busy[name])
                    try:
                        left = min(config.timeout, self.deadline - loop.time())
                        answer = await asyncio.wait_for(self._once(url, anchors), max(left, 0))
                    except (TimeoutError, asyncio.TimeoutError, httpcore.TimeoutException,
                            httpx.TimeoutException):  # fmt: skip
                        failure = Outcome("undecided", "timeout")
                        if loop.time() >= self.deadline:
                            failure = Outcome("undecided", "budget")
                    except NoSuchHost:
                        return Outcome("broken", "dns")
                    except Refused as exc:
                        return Outcome("undecided", "private", detail=exc.address)
                    except ResolveFailed as exc:
                        failure = Outcome("undecided", "network", detail=_detail(exc))
                    except (httpcore.NetworkError, httpcore.ProtocolError, httpx.TransportError,
                            OSError) as exc:  # fmt: skip
                        if _tls(exc):
                            return Outcome("failed", "tls", detail=_detail(exc))
                        failure = Outcome("undecided", "network", detail=_detail(exc))
                    finally:
                        self._busy[name] -= 1
            if failure is not None:
                if failure.reason in ("timeout", "budget") or attempt >= config.retries:
                    return failure
                await asyncio.sleep(self._backoff(attempt))
                attempt += 1
                continue
            assert answer is not None
            status = answer.status
            if status in (429, 503) and attempt < config.retries:
                delay = answer.retry_after
                if delay is not None and delay > config.max_retry_after:
                    return answer  # (a wait longer than allowed: decided by the caller)
                delay = self._backoff(attempt) if delay is None else delay
                host.not_before = max(host.not_before, loop.time() + delay)
                attempt += 1
                continue
            if status >= 500 and attempt < config.retries:
                await asyncio.sleep(self._backoff(attempt))
                attempt += 1
                continue
            return answer

    def _backoff(self, attempt: int) -> float:
        base = float(self.config.backoff * 2**attempt)
        return base + random.uniform(0, base)

    async def _once(self, url: str, anchors: bool) -> _Answer:
        if not anchors and url not in self.get_only:
            answer = await self._send("HEAD", url, False)
            if answer.status < 400 or answer.status == 429:
                return answer
            self.get_only.add(url)  # (its retries: GET only)
            # HEAD refused (405, 501, 403) or not to be trusted (servers that answer HEAD with
            # an error and GET with the page): GET, headers only.
        return await self._send("GET", url, anchors)

    async def _send(self, method: str, url: str, anchors: bool) -> _Answer:
        headers = {"Accept-Encoding": "identity"} if anchors else {}
        async with self.client.stream(method, url, headers=headers) as response:
            status = response.status_code
            found: tuple[str, ...] | None = None
            truncated = False
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if anchors and 200 <= status < 300 and kind in HTML_TYPES:
                body = await _body(response)
                if body is None:
                    pass  # (compressed in a way not read here: the anchors are unknown)
                elif len(body) >= MAX_BODY:
                    found, truncated = (), True  # (not checked: no need to keep them)
                else:
                    from linter import html

                    try:
                        text = body.decode(response.charset_encoding or "utf-8", "replace")
                    except LookupError:  # a charset Python does not know
                        text = body.decode("utf-8", "replace")
                    found = tuple(sorted(html.anchors(text)))
                    if len(found) > MAX_ANCHORS or sum(map(len, found)) > MAX_ANCHOR_TEXT:
                        found, truncated = (), True
            return _Answer(
                status,
                response.headers.get("location"),
                _retry_after(response.headers.get("retry-after")),
                found,
                truncated,
            )


async def _body(response: httpx.Response) -> bytes | None:
    """At most ``MAX_BODY`` bytes (and one more) of the page, uncompressed as they are read:
    a few kilobytes that would inflate to gigabytes stop there; None: compressed in a way not
    read here (several layers, brotli…) or not as said."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        inflate = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        inflate = zlib.decompressobj(32 + zlib.MAX_WBITS)  # (gzip or zlib, from the header)
    else:
        return None
    body = bytearray()
    # (a response read when it was made, by a test's transport, has no stream left)
    raw = _already(response.content) if response.is_stream_consumed else response.aiter_raw()
    try:
        async for chunk in raw:
            if inflate is not None:
                chunk = inflate.decompress(chunk, MAX_BODY + 1 - len(body))
            body += chunk
            if len(body) >= MAX_BODY:
                break
    except zlib.error:
        return None
    return bytes(body[: MAX_BODY + 1])


async def _already(content: bytes) -> AsyncIterator[bytes]:
    yield content


# --- The run's façade


@dataclass
class Online:
    """The online checks of one run: the URLs wanted, then their outcomes."""

    config: Config = field(default_factory=Config)
    cache: LinkCache | None = None
    progress: bool = False
    warn: Callable[[str], None] = field(default=lambda text: print(text, file=sys.stderr))
    wanted: dict[str, bool] = field(default_factory=dict)
    """URL (no fragment, no userinfo) -> whether the anchors of its page are wanted."""
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    fetched: bool = False
    requested: int = 0
    """URLs asked over the network in this run (not from the cache)."""
    busiest: dict[str, int] = field(default_factory=dict)
    """The most requests in flight at once, by host (what ``PER_HOST`` bounds)."""

    @property
    def collecting(self) -> bool:
        return not self.fetched

    def want(self, url: str, anchors: bool = False) -> None:
        self.wanted[url] = self.wanted.get(url, False) or anchors

    def outcome(self, url: str) -> Outcome | None:
        return self.outcomes.get(url)

    def fetch(self) -> None:
        """Ask every URL wanted (from the cache when it knows it)."""
        todo = dict(self.wanted)
        if self.cache is not None and todo:
            for url, data in self.cache.get(todo).items():
                outcome = Outcome.from_json(data)
                if outcome is None or (todo[url] and outcome.kind in ("ok", "moved")
                                       and outcome.anchors is None):  # fmt: skip
                    continue  # (the page's anchors are wanted now: ask again)
                self.outcomes[url] = outcome
                del todo[url]
        if todo:
            found = self._run(todo)
            self.outcomes.update(found)
            if self.cache is not None:
                self.cache.put(
                    {
                        url: (TTL[outcome.kind], outcome.as_json())
                        for url, outcome in found.items()
                        if outcome.kind in TTL
                    }
                )
        self.fetched = True

    def _run(self, todo: dict[str, bool]) -> dict[str, Outcome]:
        self.requested += len(todo)
        hosts = len({urlsplit(url).hostname for url in todo})
        if not self.progress:
            return asyncio.run(self._all(todo, None))
        import click

        label = f"{len(todo)} URL{'s' * (len(todo) != 1)}, {hosts} host{'s' * (hosts != 1)}"
        with click.progressbar(length=len(todo), label=label, file=sys.stderr,
                               show_pos=True, show_eta=False) as bar:  # fmt: skip
            return asyncio.run(self._all(todo, bar.update))

    async def _all(
        self, todo: dict[str, bool], step: Callable[[int], None] | None
    ) -> dict[str, Outcome]:
        guard = Guard(self.config)
        timeout = httpx.Timeout(self.config.timeout)
        found: dict[str, Outcome] = {}
        async with httpx.AsyncClient(
            transport=make_transport(guard),
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            trust_env=False,
        ) as client:
            run = _Run(self.config, client, guard)

            async def one(url: str, anchors: bool) -> None:
                try:
                    found[url] = await run.check(url, anchors)
                except Exception as exc:  # a bug of ours, or of a library: undecided
                    found[url] = Outcome("undecided", "network", detail=_detail(exc))
                if step is not None:
                    step(1)

            tasks = [asyncio.ensure_future(one(url, anchors)) for url, anchors in todo.items()]
            if tasks:
                await asyncio.wait(tasks, timeout=self.config.budget + 1)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self.busiest = run.busiest
        for url in todo:
            found.setdefault(url, Outcome("undecided", "budget"))
        if not guard.resolved_any:  # no name resolved: a missing one proves nothing
            for url, outcome in found.items():
                if outcome.kind == "broken" and outcome.reason == "dns":
                    found[url] = Outcome("undecided", "dns")
        return found


def from_settings(
    settings: Any, cache: bool, progress: bool, warn: Callable[[str], None] | None = None
) -> Online:
    """The online checks configured by ``[links]`` (ValueError: a pattern that does not
    compile)."""
    from linter.linkcache import default_path
    from linter.rules import online as rules

    config = Config(
        allow_private=bool(settings.option(rules.ALLOW_PRIVATE)),
        allow_hosts=frozenset(h.lower().rstrip(".") for h in settings.option(rules.ALLOW_HOSTS)),
        exclude=compile_patterns(settings.option(rules.EXCLUDE), "exclude"),
        include=compile_patterns(settings.option(rules.INCLUDE), "include"),
        timeout=TIMEOUT,
        budget=BUDGET,
        per_host=PER_HOST,
        total=TOTAL,
        retries=RETRIES,
        backoff=BACKOFF,
        max_retry_after=MAX_RETRY_AFTER,
    )
    online = Online(config, progress=progress)
    if warn is not None:
        online.warn = warn
    if cache:
        configured = settings.option(rules.CACHE)
        path = settings.root / configured[0] if configured else default_path()
        if configured and not _own_file(settings.root, path):
            online.warn(f"the link cache `{configured[0]}` (`[links] cache`) is not a file of "
                        f"the configuration's folder: no cache this run")  # fmt: skip
        else:
            online.cache = LinkCache(path, online.warn)
    return online


def _own_file(root: Path, path: Path) -> bool:
    """Whether ``path`` is, or can become, a regular file of ``root``'s tree: the
    configuration may come with a pull request, and a cache that cannot be read is replaced —
    never a file elsewhere (`/etc/passwd`, `../../.bashrc`, a symbolic link out), a link, a
    folder or a pipe."""
    try:
        top = os.path.realpath(root)
        folder = os.path.realpath(path.parent)
        if folder != top and not folder.startswith(top.rstrip(os.sep) + os.sep):
            return False
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return True
    except (OSError, ValueError):  # (ValueError: a NUL in the name)
        return False
    return stat.S_ISREG(mode)
