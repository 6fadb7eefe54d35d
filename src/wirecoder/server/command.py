"""``wirecoder serve --db PATH [--host 127.0.0.1 --port 8000]``: the API and the dashboard."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_serve_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the dashboard over a store")
    p.add_argument("--db", help="DuckDB file (default: setting db, wirecoder.duckdb); created when missing")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--query-timeout", dest="query_timeout", type=float,
                   help="seconds a read query may run (setting query_timeout)")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from ..errors import SettingsError
    from ..settings import Settings

    try:
        import uvicorn

        from .app import create_app
    except ImportError as exc:
        raise SettingsError(f"serving needs the 'serve' extra: pip install 'wirecoder[serve]' ({exc})") from exc
    settings = Settings.from_env(db=Path(args.db) if args.db else None, query_timeout=args.query_timeout)
    app = create_app(settings.db, settings=settings)
    app.state.db.check()
    ingest = "on" if app.state.api_token else "off (set WIRECODER_API_TOKEN)"
    print(f"wirecoder: serving {settings.db} at http://{args.host}:{args.port}/  "
          f"(API docs: /docs, ingest {ingest})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
