"""A guarded HTTP fetcher: the only way wirecoder reads from the network.

Guards, all checked on every redirect hop:
- only http and https;
- the host is resolved here and every address it resolves to must be public
  (no loopback, private, link-local, multicast, reserved or unspecified
  address, IPv4 or IPv6, IPv4-mapped and 6to4/NAT64-embedded included)
  unless ``settings.allow_private_addresses``;
- the connection goes to the address that was checked (the URL is pinned to
  the IP, with Host header and TLS SNI set to the name), so a DNS answer that
  changes between check and connect cannot smuggle in a private address;
- redirects are followed by hand, at most five;
- the body is streamed and cut at ``settings.fetch_max_bytes`` (after
  decompression, so a small gzip bomb cannot grow past it); the whole fetch
  must finish within ``settings.fetch_timeout`` seconds;
- requests to one host are spaced by ``settings.fetch_delay`` seconds.
Bodies are returned as bytes to be parsed; nothing fetched is ever executed.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import FetchError, FetchRefused, FetchTooLarge
from ..settings import Settings

MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_KEPT_HEADERS = ("content-type", "content-language", "content-length", "last-modified", "etag", "date")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str | None
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()  # a small subset, lower-case names


def address_refusal(ip: IPAddress) -> str | None:
    """Why this address may not be fetched from by default, or None when it is public."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            reason = address_refusal(embedded)
            return f"{reason} (embedded {embedded})" if reason else None
    for flag in ("is_unspecified", "is_loopback", "is_link_local", "is_multicast", "is_private", "is_reserved"):
        if getattr(ip, flag):
            return flag[3:].replace("_", "-") + " address"
    if not ip.is_global:
        return "not a globally routable address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from exc
    return [str(info[4][0]).split("%", 1)[0] for info in infos]


class Fetcher:
    """Fetches URLs under the guards above; keeps one HTTP client and the per-host clock.

    Use as a context manager (or call close()). ``resolver``, ``clock`` and
    ``sleep`` can be replaced in tests.
    """

    def __init__(self, settings: Settings | None = None, *, resolver: Resolver | None = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 transport: Any = None) -> None:
        self.settings = settings or Settings()
        self._resolve = resolver or system_resolver
        self._clock = clock
        self._sleep = sleep
        self._transport = transport
        self._client: Any = None
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str) -> FetchResult:
        """GET ``url``; raises FetchRefused, FetchTooLarge or FetchError (retryable when a retry may help)."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            status, headers, body = self._get(current)
            location = headers.get("location")
            if status in _REDIRECTS and location:
                current = urljoin(current, location.strip())
                continue
            if status >= 400:
                err = FetchError(f"HTTP {status} from {current}", item=url)
                err.retryable = status >= 500 or status in (408, 429)
                raise err
            kept = tuple((k, headers[k]) for k in _KEPT_HEADERS if k in headers)
            return FetchResult(url=url, final_url=current, status=status,
                               content_type=headers.get("content-type"), body=body, headers=kept)
        err = FetchError(f"more than {MAX_REDIRECTS} redirects", item=url)
        err.retryable = False
        raise err

    # ---- one hop

    def _get(self, url: str) -> tuple[int, dict[str, str], bytes]:
        import httpx

        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchRefused(f"only http and https URLs are fetched, not {scheme or 'no scheme'!r}", item=url)
        try:
            host, port = parts.hostname, parts.port or (443 if scheme == "https" else 80)
        except ValueError as exc:
            raise FetchRefused(f"bad port in {url!r}", item=url) from exc
        if not host:
            raise FetchRefused(f"no host in {url!r}", item=url)
        try:
            host = host.encode("idna").decode("ascii") if not host.isascii() else host
        except UnicodeError as exc:
            raise FetchRefused(f"bad host name {host!r}", item=url) from exc
        ip = self._checked_address(host, port, url)
        netloc = f"[{ip}]:{port}" if ip.version == 6 else f"{ip}:{port}"
        pinned = parts._replace(scheme=scheme, netloc=netloc, fragment="").geturl()
        default_port = port == (443 if scheme == "https" else 80)
        headers = {"Host": host if default_port else f"{host}:{port}", "User-Agent": self.settings.user_agent,
                   "Accept": "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
                             "application/xml;q=0.9, text/*;q=0.8, */*;q=0.5"}
        extensions = {"sni_hostname": host} if scheme == "https" else {}
        self._wait_for(host)
        start = self._clock()
        try:
            with self._http().stream("GET", pinned, headers=headers, extensions=extensions) as resp:
                got = {k.lower(): v for k, v in resp.headers.items()}
                if resp.status_code in _REDIRECTS:
                    return resp.status_code, got, b""
                return resp.status_code, got, self._read_body(resp, got, start, url)
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {self.settings.fetch_timeout:g} s: {url}", item=url) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__} fetching {url}: {exc}", item=url) from exc
        finally:
            self._last_request[host] = self._clock()

    def _checked_address(self, host: str, port: int, url: str) -> IPAddress:
        try:
            addresses = [ipaddress.ip_address(a) for a in self._resolve(host, port)]
        except ValueError as exc:
            raise FetchError(f"bad address for {host!r}: {exc}", item=url) from exc
        if not addresses:
            raise FetchError(f"no address for host {host!r}", item=url)
        if not self.settings.allow_private_addresses:
            for ip in addresses:  # all of them: the client must not be able to pick a bad one
                reason = address_refusal(ip)
                if reason:
                    raise FetchRefused(f"{host} resolves to {ip}, a {reason}; set allow_private_addresses "
                                       f"to fetch from it", item=url)
        return addresses[0]

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            pause = last + self.settings.fetch_delay - self._clock()
            if pause > 0:
                self._sleep(pause)

    def _read_body(self, resp: Any, headers: dict[str, str], start: float, url: str) -> bytes:
        limit = self.settings.fetch_max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchTooLarge(f"{url} declares {int(declared):,} bytes; the limit (fetch_max_bytes) "
                                f"is {limit:,}", item=url)
        chunks, total = [], 0
        for chunk in resp.iter_bytes():
            total += len(chunk)
            if total > limit:
                raise FetchTooLarge(f"{url} sent more than {limit:,} bytes (fetch_max_bytes)", item=url)
            if self._clock() - start > self.settings.fetch_timeout:
                raise FetchError(f"timed out after {self.settings.fetch_timeout:g} s reading {url}", item=url)
            chunks.append(chunk)
        return b"".join(chunks)

    def _http(self) -> Any:
        if self._client is None:
            import httpx
            # trust_env=False: an environment proxy would bypass the address pinning
            self._client = httpx.Client(timeout=httpx.Timeout(self.settings.fetch_timeout),
                                        follow_redirects=False, trust_env=False, transport=self._transport)
        return self._client
