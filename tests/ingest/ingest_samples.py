"""Small made-up inputs shared by the ingest tests (written for these tests only)."""
from __future__ import annotations

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ministers meet over grain corridor | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2023-03-04T09:15:00+00:00">
<script>document.write("never run");</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet over grain corridor</h1>
<p>Foreign ministers from Turkey and Ukraine met in Ankara on Friday to discuss extending the grain corridor
across the Black Sea, officials said.</p>
<p>The Turkish foreign minister told reporters that both sides wanted shipments to continue through the
spring and that a further round of talks would be held next week.</p>
<p>A spokesman for the United Nations said the organisation welcomed the meeting.</p>
</article><footer>Copyright Harbour Gazette</footer></body></html>
"""

NAV_ONLY_HTML = """<html><head><title>Sign in</title></head><body>
<nav><a href="/a">Home</a> <a href="/b">Sport</a> <a href="/c">Weather</a></nav>
<form><input name="q"></form></body></html>"""

TEXT_ARTICLE = ("Rebels seize border town\n\n"
                "Rebel fighters seized the border town of Kalema on Tuesday after two days of clashes "
                "with government troops, a military spokesman said.\n\n"
                "At least 12 soldiers were killed, he said.\n")


def rss(entries: list[str], title: str = "Coastal Wire") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://wire.example/</link><description>news</description>"
            + "".join(entries) + "</channel></rss>")


def rss_item(guid: str, title: str, link: str, summary: str, pub: str | None = None) -> str:
    date = f"<pubDate>{pub}</pubDate>" if pub else ""
    return (f"<item><guid>{guid}</guid><title>{title}</title><link>{link}</link>{date}"
            f"<description><![CDATA[{summary}]]></description></item>")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Delta Monitor</title><id>urn:delta</id>
<updated>2021-07-01T10:00:00Z</updated>
<entry><id>urn:delta:1</id><title>Floods displace thousands</title>
<link href="https://delta.example/floods"/><published>2021-06-30T22:30:00-05:00</published>
<updated>2021-07-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;Floods displaced about 4,000 people in the river delta, the provincial government said.&lt;/p&gt;&lt;p&gt;Aid agencies sent boats.&lt;/p&gt;</content>
</entry></feed>"""
