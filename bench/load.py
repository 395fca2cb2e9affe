"""Load test of the web API: N concurrent clients asking over loopback against `hakuapu serve`.

    python bench/load.py [--clients 1,8,32] [--duration 30] [--data-dir data] [--today 2025-04-01]

Starts `hakuapu serve` as a subprocess on a free port (rate limit off, everything else as
configured) over an existing index (`hakuapu ingest` first). Each client is a thread with its own
keep-alive HTTP connection that sends POST /api/ask in a loop, cycling through the questions of
bench/call_questions.jsonl (fi/sv/en, answerable and not), for --duration seconds. Reported per
client count: requests, errors (non-200 or transport failures), throughput, latency p50/p95/p99.

Baseline in the same run: GET /health at the same client counts, which costs the server one small
JSON read, so the gap between the two rows is the answering work (embedding, search, selection),
not HTTP or uvicorn. The load generator runs on the same machine and shares its cores.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def _embed_threads() -> int:
    sys.path.insert(0, str(ROOT))
    from hakuapu.settings import Settings

    return Settings().embed_threads


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def questions() -> list[str]:
    path = ROOT / "bench" / "call_questions.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [q["question"] for q in items]


def start_server(args: argparse.Namespace) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "HAKUAPU_RATE_LIMIT_PER_MINUTE": "0"}
    if args.data_dir:
        env["HAKUAPU_DATA_DIR"] = str(args.data_dir)
    if args.today:
        env["HAKUAPU_TODAY"] = args.today
    proc = subprocess.Popen(
        [sys.executable, "-m", "hakuapu.cli", "serve", "--port", str(port)]
        + ["--workers", str(args.workers)],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            r = httpx.get(f"{base}/health", timeout=2)
            if r.status_code == 200:
                return proc, base
            if r.status_code == 503:
                proc.terminate()
                sys.exit("no index in the data folder: run `hakuapu ingest` first")
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    sys.exit("hakuapu serve did not start")


def run_level(base: str, kind: str, clients: int, duration: float, qs: list[str]) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(n: int) -> None:
        mine_lat, mine_err = [], []
        with httpx.Client(base_url=base, timeout=60) as http:
            start.wait()
            i = n * 7  # clients start at different questions
            while time.perf_counter() < stop_at[0]:
                t0 = time.perf_counter()
                try:
                    if kind == "ask":
                        r = http.post("/api/ask", json={"question": qs[i % len(qs)]})
                    else:
                        r = http.get("/health")
                    if r.status_code != 200:
                        mine_err.append(f"HTTP {r.status_code}")
                except httpx.HTTPError as err:
                    mine_err.append(type(err).__name__)
                mine_lat.append(time.perf_counter() - t0)
                i += 1
        with lock:
            latencies.extend(mine_lat)
            errors.extend(mine_err)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    stop_at[0] = time.perf_counter() + duration
    t0 = time.perf_counter()
    start.wait()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ms = np.asarray(latencies) * 1000 if latencies else np.zeros(1)
    return {
        "endpoint": "POST /api/ask" if kind == "ask" else "GET /health",
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "rps": len(latencies) / wall,
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
        "p99_ms": float(np.percentile(ms, 99)),
    }


def table(rows: list[dict]) -> str:
    headers = ["endpoint", "clients", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms"]
    cells = [
        [
            r["endpoint"],
            str(r["clients"]),
            str(r["requests"]),
            str(r["errors"]),
            f"{r['rps']:.1f}",
            f"{r['p50_ms']:.0f}",
            f"{r['p95_ms']:.0f}",
            f"{r['p99_ms']:.0f}",
        ]
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for c in cells:
        lines.append(
            "| "
            + " | ".join(
                v.ljust(w) if i == 0 else v.rjust(w)
                for i, (v, w) in enumerate(zip(c, widths, strict=True))
            )
            + " |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per /api/ask level")
    parser.add_argument("--baseline-duration", type=float, default=10.0, help="seconds per /health")
    parser.add_argument("--data-dir", type=Path, default=None, help="default: HAKUAPU_DATA_DIR")
    parser.add_argument("--today", default="2025-04-01", help="HAKUAPU_TODAY for the server")
    parser.add_argument("--workers", type=int, default=1, help="hakuapu serve --workers")
    args = parser.parse_args()
    levels = [int(x) for x in args.clients.split(",")]
    qs = questions()

    proc, base = start_server(args)
    try:
        # Warm-up: the first answers load the model and caches on the server side.
        with httpx.Client(base_url=base, timeout=60) as http:
            for q in qs[:5]:
                http.post("/api/ask", json={"question": q}).raise_for_status()
        rows = []
        for n in levels:
            rows.append(run_level(base, "health", n, args.baseline_duration, qs))
            rows.append(run_level(base, "ask", n, args.duration, qs))
            print(f"  {n} clients done", file=sys.stderr)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()

    load = os.getloadavg()
    print(
        f"\nLoad test over loopback, {len(qs)} questions, {args.workers} worker(s), "
        f"embedding threads {_embed_threads()}, "
        f"{os.cpu_count()} CPUs (load average at the end {load[0]:.1f}):\n"
    )
    print(table(rows))
    for r in rows:
        if r["errors"]:
            print(f"errors at {r['endpoint']} x{r['clients']}: {', '.join(r['error_kinds'])}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "load.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
