"""The guarded fetcher, against a local HTTP server on 127.0.0.1 (loopback only) and httpx mocks."""
from __future__ import annotations

import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from ingest_samples import ARTICLE_HTML, rss, rss_item

from wirecoder.errors import FetchError, FetchRefused, FetchTooLarge
from wirecoder.ingest import Fetcher, address_refusal, read_feed, read_html, read_sources
from wirecoder.records import Article, Failure
from wirecoder.settings import Settings

LOCAL = Settings(allow_private_addresses=True, fetch_delay=0.0, fetch_timeout=5.0)


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 - http.server's name
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        route = self.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, headers, body = route(base)
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers and body is not None and not headers.get("X-No-Length"):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def _feed(base):
    return 200, {"Content-Type": "application/rss+xml"}, rss([
        rss_item("s1", "Grain talks", f"{base}/story.html", "Short summary only.", "Fri, 03 Mar 2023 08:00:00 +0000"),
        rss_item("s2", "Gone", f"{base}/gone.html", "Another summary."),
    ]).encode()


ROUTES = {
    "/story.html": lambda b: (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_HTML.encode()),
    "/feed.xml": _feed,
    "/hop1": lambda b: (302, {"Location": "/hop2"}, b""),
    "/hop2": lambda b: (301, {"Location": f"{b}/story.html"}, b""),
    "/loop": lambda b: (302, {"Location": "/loop"}, b""),
    "/big": lambda b: (200, {"Content-Type": "text/plain"}, b"x" * 300_000),
    "/big-chunked": lambda b: (200, {"Content-Type": "text/plain", "X-No-Length": "1", "Connection": "close"},
                               b"y" * 300_000),
    "/boom": lambda b: (503, {}, b"busy"),
    "/plain.txt": lambda b: (200, {"Content-Type": "text/plain"}, b"Envoys met in Geneva on Monday.\n"),
}


@pytest.fixture(scope="module")
def server():
    _Handler.routes = ROUTES
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("addr", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                  "0.0.0.0", "224.0.0.1", "240.0.0.1", "100.64.0.1", "::1", "::",
                                  "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
                                  "2002:7f00:1::1", "64:ff9b::a00:1"])
def test_address_refused(addr):
    assert address_refusal(ipaddress.ip_address(addr)) is not None


@pytest.mark.parametrize("addr", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_address_allowed(addr):
    assert address_refusal(ipaddress.ip_address(addr)) is None


def test_loopback_allowed_only_with_setting(server):
    with Fetcher(LOCAL) as f:
        res = f.fetch(f"{server}/story.html")
    assert res.status == 200 and res.body == ARTICLE_HTML.encode()
    assert res.content_type.startswith("text/html") and res.final_url == f"{server}/story.html"
    with Fetcher(Settings(fetch_delay=0.0)) as f, pytest.raises(FetchRefused) as exc:
        f.fetch(f"{server}/story.html")
    assert exc.value.retryable is False and "127.0.0.1" in exc.value.reason


def test_redirects_followed_and_capped(server):
    with Fetcher(LOCAL) as f:
        res = f.fetch(f"{server}/hop1")
        assert res.final_url == f"{server}/story.html" and res.status == 200
        with pytest.raises(FetchError, match="redirects") as exc:
            f.fetch(f"{server}/loop")
        assert exc.value.retryable is False


def test_size_cap_with_and_without_content_length(server):
    s = Settings(allow_private_addresses=True, fetch_delay=0.0, fetch_max_bytes=50_000)
    with Fetcher(s) as f:
        for path in ("/big", "/big-chunked"):
            with pytest.raises(FetchTooLarge):
                f.fetch(f"{server}{path}")
        assert f.fetch(f"{server}/plain.txt").status == 200


def test_http_errors_say_if_retryable(server):
    with Fetcher(LOCAL) as f:
        with pytest.raises(FetchError) as exc:
            f.fetch(f"{server}/boom")
        assert exc.value.retryable is True
        with pytest.raises(FetchError) as exc:
            f.fetch(f"{server}/nothing-here")
        assert exc.value.retryable is False and "404" in exc.value.reason


def test_schemes_other_than_http_refused():
    with Fetcher(LOCAL) as f:
        for url in ("file:///etc/passwd", "ftp://example.com/x", "gopher://x/"):
            with pytest.raises(FetchRefused):
                f.fetch(url)


def _mock_fetcher(handler, settings=None, resolver=None):
    table = {"news.example": ["93.184.216.34"], "inside.example": ["10.0.0.5"],
             "mixed.example": ["93.184.216.34", "192.168.0.2"]}
    return Fetcher(settings or Settings(fetch_delay=0.0), transport=httpx.MockTransport(handler),
                   resolver=resolver or (lambda host, port: table[host]))


def test_redirect_to_private_address_refused():
    seen = []

    def handler(request):
        seen.append((request.url.host, request.headers["host"]))
        return httpx.Response(302, headers={"Location": "http://inside.example/admin"})

    with _mock_fetcher(handler) as f, pytest.raises(FetchRefused, match="10.0.0.5"):
        f.fetch("http://news.example/story")
    assert seen == [("93.184.216.34", "news.example")]  # pinned to the checked IP; the second hop never sent
    with _mock_fetcher(handler) as f, pytest.raises(FetchRefused):
        f.fetch("http://mixed.example/")  # one private address among public ones is enough to refuse


def test_redirect_to_ip_literal_refused():
    def handler(request):
        return httpx.Response(301, headers={"Location": "http://[::ffff:169.254.169.254]/latest/meta-data"})

    with _mock_fetcher(handler, resolver=lambda h, p: ["::ffff:169.254.169.254"] if h.startswith("::")
                       else ["93.184.216.34"]) as f, pytest.raises(FetchRefused):
        f.fetch("http://news.example/")


def test_https_keeps_name_for_tls_and_host_header():
    def handler(request):
        assert request.url.host == "93.184.216.34" and request.url.port == 8443
        assert request.headers["host"] == "news.example:8443"
        assert request.extensions["sni_hostname"] == "news.example"
        return httpx.Response(200, content=b"ok", headers={"Content-Type": "text/plain"})

    with _mock_fetcher(handler) as f:
        assert f.fetch("https://news.example:8443/a?b=1#frag").body == b"ok"


def test_polite_delay_per_host():
    now = [100.0]
    slept = []

    def handler(request):
        return httpx.Response(200, content=b"ok")

    f = Fetcher(Settings(fetch_delay=2.0), transport=httpx.MockTransport(handler),
                resolver=lambda h, p: ["93.184.216.34"], clock=lambda: now[0], sleep=slept.append)
    with f:
        f.fetch("http://news.example/1")
        now[0] += 0.5
        f.fetch("http://news.example/2")
        f.fetch("http://other.example/1")
    assert slept == [pytest.approx(1.5)]


def test_read_html_from_url(server):
    (art,) = read_html(f"{server}/story.html", LOCAL)
    assert isinstance(art, Article) and art.title == "Ministers meet over grain corridor"
    assert art.origin == f"{server}/story.html" and art.id == art.origin


def test_sources_url_refused_without_setting(server):
    (f,) = read_sources([f"{server}/story.html"], Settings(fetch_delay=0.0))
    assert isinstance(f, Failure) and f.code == "W201" and f.stage == "fetch"


def test_sources_plain_text_url(server):
    (art,) = read_sources([f"{server}/plain.txt"], LOCAL, date="2022-01-12")
    assert art.text == "Envoys met in Geneva on Monday.\n"


def test_feed_url_with_summaries(server):
    a, b = read_feed(f"{server}/feed.xml", LOCAL)
    assert a.text == "Short summary only." and a.url == f"{server}/story.html" and a.source == "Coastal Wire"


def test_feed_url_fetch_links(server):
    s = LOCAL.with_(fetch_links=True)
    a, b = read_sources([f"{server}/feed.xml"], s)
    assert isinstance(a, Article)
    assert a.id == "s1" and a.title == "Grain talks"  # the entry's title wins over the page's
    assert "met in Ankara on Friday" in a.text and a.source == "Coastal Wire"
    assert a.origin == f"{server}/story.html"
    assert isinstance(b, Failure) and b.item == "s2" and b.stage == "fetch" and "404" in b.reason
