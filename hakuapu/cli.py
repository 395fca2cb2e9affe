"""``hakuapu`` command line: ingest, documents, search, ask, serve, slack, and the admin actions."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from hakuapu.calls import CallsFileError, Status
from hakuapu.settings import Settings

if TYPE_CHECKING:
    from bot.models import Answer


def _services(args: argparse.Namespace):
    from hakuapu.services import Services

    return Services(Settings())


def cmd_ingest(args: argparse.Namespace) -> int:
    svc = _services(args)
    paths = [Path(p) for p in (args.paths or [str(svc.settings.corpus_dir)])]
    summary = svc.ingestor().run(paths, prune=not args.no_prune)
    for name, reason in summary.failed:
        print(f"error: {name}: {reason}", file=sys.stderr)
    print(summary.line())
    return 0 if summary.ok else 1


def cmd_documents(args: argparse.Namespace) -> int:
    manifest = _services(args).store.manifest()
    docs = list(manifest.documents.values()) if manifest else []
    if args.json:
        print(json.dumps(docs, ensure_ascii=False, indent=1))
        return 0
    if not docs:
        print("no documents in the index; run `hakuapu ingest corpus/`")
        return 0
    for d in docs:
        sample = " [SAMPLE]" if d.get("sample") else ""
        print(
            f"{d['doc_id']:<36} {d['pages']:>4} p  {d['call_id'] or '-':<18} {d['title']}{sample}"
        )
    print(f"{len(docs)} documents, {manifest.chunk_count} chunks, generation {manifest.generation}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from api.admin.commands import cmd_remove  # withdraws the files too, and is audited

    return cmd_remove(args)


def cmd_search(args: argparse.Namespace) -> int:
    from index.retriever import Filters

    svc = _services(args)
    filters = Filters(
        call_ids=frozenset(args.call or []),
        status=frozenset(Status(s) for s in (args.status or [])),
        doc_types=frozenset(args.type or []),
        languages=frozenset(args.lang or []),
    )
    passages = svc.retriever().search(args.query, k=args.k, filters=filters)
    if args.json:
        print(json.dumps([asdict(p) for p in passages], ensure_ascii=False, indent=1))
        return 0
    if not passages:
        print("no passages found")
    for i, p in enumerate(passages, 1):
        where = f"{p.title}, p. {p.page}" + (f" · {p.section}" if p.section else "")
        call = f" · call {p.call_id} ({p.call_status})" if p.call_id else ""
        print(f"{i}. [{p.score:.3f}] {where}{call}")
        print(f"   {p.text[:300]}{'…' if len(p.text) > 300 else ''}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.answerer import AnswerRequest

    svc = _services(args)
    req = AnswerRequest(args.question, conversation_id=args.conversation, call_id=args.call)
    if args.json or svc.generator is None:
        answer = svc.answerer.answer(req)
        if args.json:
            print(answer.model_dump_json(indent=1))
            return 0
        print(answer.answer)
    else:
        answer = _print_stream(svc.answerer.stream(req))
    for i, c in enumerate(answer.citations, 1):
        print(f"[{i}] {c.title}, p. {c.page} — {c.url}")
    return 0


def _print_stream(events) -> Answer:
    """A generated answer as the model writes it; a sentence taken back is marked, not unsaid."""
    from bot.models import Answer
    from bot.texts import t

    lang = "fi"
    for event in events:
        if event["event"] == "meta":
            lang = event["language"]
        elif event["event"] == "delta":
            print(event["text"], end="", flush=True)
        elif event["event"] == "reset":
            print(f"\n\n({t('withdrawn', lang)})\n", flush=True)
        elif event["event"] == "done":
            print()
            return Answer.model_validate(event["answer"])
    raise RuntimeError("the answer stream ended without an answer")


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app

    settings = Settings()  # a bad setting fails here, before any worker starts
    if args.workers > 1:
        # Processes, each with its own model, rate-limit buckets, metrics and conversations.
        app, extra = "api.app:create_app", {"factory": True, "workers": args.workers}
    else:
        app, extra = create_app(settings), {}
    print(f"Hakuapu: demo page http://{args.host}:{args.port}/ , API docs /docs", file=sys.stderr)
    uvicorn.run(
        app,
        **extra,
        host=args.host,
        port=args.port,
        log_level="info" if args.verbose else "warning",
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        timeout_graceful_shutdown=5,
    )
    return 0


def cmd_slack(args: argparse.Namespace) -> int:
    from bot.slack import serve
    from bot.slack.config import SlackConfigError

    try:
        serve(_services(args), host=args.host, port=args.port, verbose=args.verbose)
    except SlackConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C is how the bot is stopped
        print("Hakuapu Slack bot stopped", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hakuapu", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="ingest files or folders (default: the corpus folder)")
    p.add_argument("paths", nargs="*")
    p.add_argument("--no-prune", action="store_true", help="keep documents whose files are gone")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("documents", help="list indexed documents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_documents)

    p = sub.add_parser("remove", help="withdraw documents by id (their files go to the trash)")
    p.add_argument("doc_ids", nargs="+")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("search", help="top passages for a query")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--call", action="append", help="call id (repeatable)")
    p.add_argument("--status", action="append", choices=[s.value for s in Status])
    p.add_argument("--type", action="append", help="document type (repeatable)")
    p.add_argument("--lang", action="append", choices=["fi", "sv", "en"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question with citations")
    p.add_argument("question")
    p.add_argument("--conversation", help="conversation id, for follow-up questions")
    p.add_argument("--call", help="restrict to one call id")
    p.add_argument("--json", action="store_true", help="print the answer contract as JSON")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("serve", help="serve the web API, the widget and its demo page (uvicorn)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (more throughput; follow-ups may then miss their conversation)",
    )
    p.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="proxies whose X-Forwarded-For names the client (rate limit per client)",
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "slack", help="run the Slack bot: HTTP on its own port, or Socket Mode (HAKUAPU_SLACK_*)"
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=3000, help="HTTP mode: events at /slack/events")
    p.set_defaults(func=cmd_slack)

    from api.admin.commands import add_commands  # add, replace, reingest, report, purge, ...

    add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s"
    )
    try:
        return args.func(args)
    except CallsFileError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the previous index is unchanged", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - one clear line instead of a traceback
        if args.verbose:
            raise
        print(f"error: {type(err).__name__}: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
