"""The admin actions on the command line: ``hakuapu add | replace | remove | reingest | report |
purge | audit | watch``. Same service (and audit log) as the admin API; the audit log names
``cli:<user>@<host>``."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import socket
import sys
import threading
from pathlib import Path
from typing import Any


def _admin():
    from api.admin.service import AdminService
    from hakuapu.services import Services
    from hakuapu.settings import Settings

    return AdminService(Services(Settings()))


def _who() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"cli:{user}@{socket.gethostname()}"


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def _meta(args: argparse.Namespace):
    from api.admin.service import DocMeta

    return DocMeta(call_id=args.call, title=args.title, doc_type=args.type)


def cmd_add(args: argparse.Namespace) -> int:
    from api.admin.service import AdminError

    admin = _admin()
    staged = []
    received = False
    try:
        staged = [admin.stage_path(Path(p)) for p in args.files]
        if args.url:
            staged.append(admin.fetch(args.url))
        received = True
        result = admin.add(staged, _meta(args), _who())
    except AdminError as err:
        for s in staged:
            s.discard()
        if not received:  # refused before the service saw it: audited here
            target = ", ".join([*args.files, *([args.url] if args.url else [])])
            admin.audit.record(_who(), "add", target, "failed", err.message)
        return _error(err.message)
    print(result["line"])
    return 0


def cmd_replace(args: argparse.Namespace) -> int:
    from api.admin.service import AdminError

    if bool(args.file) == bool(args.url):
        return _error("give either FILE or --url")
    admin = _admin()
    try:
        staged = admin.stage_path(Path(args.file)) if args.file else admin.fetch(args.url)
    except AdminError as err:
        admin.audit.record(_who(), "replace", args.doc_id, "failed", err.message)
        return _error(err.message)
    try:
        result = admin.replace(args.doc_id, staged, _meta(args), _who())
    except AdminError as err:
        return _error(err.message)
    print(result["line"])
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from api.admin.service import AdminError

    try:
        result = _admin().remove(list(args.doc_ids), _who())
    except AdminError as err:
        for line in err.message.split("; "):
            print(f"error: {line}", file=sys.stderr)
        return 1
    print(result["line"])
    return 0


def cmd_reingest(args: argparse.Namespace) -> int:
    from api.admin.service import AdminError

    try:
        result = _admin().reingest(_who())
    except AdminError as err:
        return _error(err.message)
    for failure in result["failed"]:
        print(f"error: {failure['name']}: {failure['reason']}", file=sys.stderr)
    print(result["line"])
    return 0 if not result["failed"] else 1


def cmd_report(args: argparse.Namespace) -> int:
    report = _admin().reports.all(args.days, args.limit)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(format_report(report))
    return 0


def format_report(report: dict[str, Any]) -> str:
    rate = report["refusal_rate"]
    lines = [
        f"Last {report['days']} days: {rate['questions']} questions, {rate['refused']} unanswered "
        f"(refusal rate {rate['refusal_rate'] * 100:.1f} %)",
        "",
        "Questions per day:",
    ]
    lines += [
        f"  {d['day']}  {d['questions']:>5}  refused {d['refused']:>4}"
        for d in report["questions_per_day"]
    ] or ["  (none)"]
    lines += ["", "Top unanswered questions (grouped by similarity):"]
    for i, g in enumerate(report["unanswered"], 1):
        lines.append(f"  {i:>2}. [{g['count']}×] {g['question']}")
        lines += [f"        ~ {v}" for v in g["variants"][1:4]]
    if not report["unanswered"]:
        lines.append("  (none)")
    lines += ["", "Feedback per document (cited / 👍 / 👎):"]
    lines += [
        f"  {f['doc_id']:<40} {f['cited']:>5} {f['up']:>5} {f['down']:>5}"
        for f in report["feedback_per_document"]
    ] or ["  (none)"]
    lines += ["", "Answers with 👎:"]
    for a in report["thumbs_down"]:
        comment = f" — {' · '.join(a['comments'])}" if a["comments"] else ""
        lines.append(f"  {a['asked_at']}  {a['question']}  [{', '.join(a['documents'])}]{comment}")
    if not report["thumbs_down"]:
        lines.append("  (none)")
    return "\n".join(lines)


def cmd_purge(args: argparse.Namespace) -> int:
    from api.admin.service import AdminError

    admin = _admin()
    days = args.days or admin.settings.retention_days
    try:
        n = admin.purge(days, _who())
    except AdminError as err:
        return _error(err.message)
    print(f"{n} questions older than {days} days deleted")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    rows = _admin().audit.recent(args.limit, args.action)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in reversed(rows):
        print(f"{r['at']}  {r['who']:<28} {r['action']:<9} {r['result']:<7} {r['target']}")
        if r["detail"]:
            print(f"    {r['detail']}")
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from api.admin.service import AdminError

    admin = _admin()
    folder = Path(args.folder or admin.settings.corpus_dir)
    if not folder.is_dir():
        return _error(f"{folder}: no such folder")

    def show(result: dict | AdminError) -> None:
        now = dt.datetime.now().strftime("%H:%M:%S")
        if isinstance(result, AdminError):
            print(f"{now} error: {result.message}", file=sys.stderr, flush=True)
            return
        for failure in result["failed"]:
            print(f"{now} error: {failure['name']}: {failure['reason']}", file=sys.stderr)
        print(f"{now} {result['line']}", flush=True)

    print(f"watching {folder} (Ctrl-C stops)", file=sys.stderr)
    try:
        admin.watch(
            folder, _who().replace("cli:", "watch:"), threading.Event(), args.debounce_ms, show
        )
    except KeyboardInterrupt:
        print("watch stopped", file=sys.stderr)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the admin subcommands on ``hakuapu``'s parser."""

    def meta_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--call", help="call id from calls.yaml")
        p.add_argument("--title", help="title (default: from the file or calls.yaml)")
        p.add_argument("--type", help="document type, e.g. call_notice")

    p = sub.add_parser("add", help="add documents (kept in the uploads folder) and ingest them")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--url", help="a URL the file is downloaded from instead")
    meta_options(p)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("replace", help="replace a document with a new file; old version retired")
    p.add_argument("doc_id")
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--url", help="a URL the new version is downloaded from instead")
    meta_options(p)
    p.set_defaults(func=cmd_replace)

    p = sub.add_parser(
        "reingest", help="re-ingest the corpus folder and the uploads (calls.yaml applies)"
    )
    p.set_defaults(func=cmd_reingest)

    p = sub.add_parser("report", help="questions per day, refusals, unanswered groups, feedback")
    p.add_argument("--days", type=int, default=30)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("purge", help="delete stored questions older than N days (retention)")
    p.add_argument("--days", type=int, help="default: HAKUAPU_RETENTION_DAYS")
    p.set_defaults(func=cmd_purge)

    p = sub.add_parser("audit", help="the audit log of admin actions, newest last")
    p.add_argument("--limit", type=int, default=30)
    p.add_argument("--action", help="only this action (add, replace, remove, reingest, ...)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("watch", help="re-ingest a folder whenever its files change")
    p.add_argument("folder", nargs="?", help="default: the corpus folder")
    p.add_argument("--debounce-ms", type=int, default=1500)
    p.set_defaults(func=cmd_watch)
