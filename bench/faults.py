"""Reliability figures: kill -9 of an ingest at random points, and a replace under load.

    python bench/faults.py [--runs 10] [--clients 8] [--swaps 4] [--seed 7] [--server]

1. kill -9 (``--runs`` runs). The real corpus is ingested once (state A). Each run switches the
   corpus folder to the other state (B = a new long document, a changed Markdown file and a
   removed PDF; or back to A), starts ``hakuapu ingest`` as a subprocess and kills it with
   SIGKILL after a random delay, while a reader thread in this process keeps searching the same
   index. The delays are stratified over 0 .. 1.1 x the time that change took when measured
   first (run i of n dies in a random point of the i-th slice, slices in random order), so the
   early, middle and late phases (parsing, embedding, writing the collection, the keyword index,
   the switch) all get hit. Then a fresh process checks the index: the live manifest must be
   exactly A's or B's documents and content hashes, the live Chroma collection must hold exactly
   the manifest's documents (every chunk with its document's hash, as many chunks as the
   manifest says), and the keyword index must hold the same chunk ids. Then the ingest is run
   again to the end ("restart") and the same checks must give the new state, with no collections
   or temporary files left over.
2. Replace under load. ``hakuapu serve`` over the same index (with ``--server``: two API
   processes with separate data folders, clients spread over both, the replace sent to the
   first), an uploaded call notice, ``--clients`` threads asking its deadline question in a loop,
   and ``--swaps`` replacements alternating two versions with different deadlines (15.5.2025 /
   30.9.2025). Every answer is classed by the deadline its citations quote; an answer to a
   question sent after a PUT returned that quotes the replaced version is a violation. Errors are
   non-200 answers or transport failures.

``--server`` runs both parts against a ``chroma run`` server (``HAKUAPU_CHROMA_URL``) instead of
the embedded Chroma. Everything runs on this machine (the clients share its cores with the
servers). Tables go to stdout and bench/out/faults.json (faults-server.json).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this folder comes first on sys.path and bench/ingest.py would hide the ingest
# package: the repository root goes first instead.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
OUT = ROOT / "bench" / "out"
TODAY = "2025-04-01"
TOKEN = "bench-faults-admin-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
QUERIES = [
    "Kuka voi hakea rahoitusta?",
    "Milloin haku päättyy?",
    "Paljonko rahaa on jaossa?",
    "Mitä kustannuksia voi sisällyttää hankkeeseen?",
    "Who can apply for funding?",
]
NOTICE = (
    "# Purjehdusleirien haku\n\n"
    "Purjehdusleirien haussa hakemukset on jätettävä viimeistään {deadline} klo 16.15.\n"
)
VERSIONS = {"v1": "15.5.2025", "v2": "30.9.2025"}
DEADLINE_Q = "Mihin mennessä purjehdusleirien hakemukset on jätettävä?"


# ---- helpers -----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hakuapu(*args: str) -> list[str]:
    return [sys.executable, "-m", "hakuapu.cli", *args]


CHROMA_URL = ""  # set by --server


def base_env(data: Path, corpus: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "HAKUAPU_DATA_DIR": str(data),
        "HAKUAPU_CORPUS_DIR": str(corpus),
        "HAKUAPU_TODAY": TODAY,
        "HAKUAPU_CHROMA_URL": CHROMA_URL,
        **extra,
    }


def start_chroma(work: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("chroma")),
            "run",
            "--path",
            str(work / "chroma"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=(work / "chroma.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{url}/api/v2/heartbeat", timeout=1)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    raise TimeoutError("chroma run did not start")


def long_document() -> str:
    """A new guide of about 40 chunks, so that embedding it takes a while."""
    topics = [
        "kirjanpito",
        "hankinnat",
        "viestintä",
        "arviointi",
        "raportointi",
        "tasa-arvo",
        "saavutettavuus",
        "kestävä kehitys",
        "riskienhallinta",
        "yhteistyö",
    ]
    parts = ["# Hankkeen toteutusopas\n"]
    for i in range(40):
        topic = topics[i % len(topics)]
        parts.append(
            f"## {i + 1}. {topic.capitalize()}\n\n"
            f"Hankkeen {topic} suunnitellaan jo hakuvaiheessa. Toteuttaja kirjaa, kuka vastaa "
            f"tehtävästä, miten edistymistä seurataan ja milloin tuloksista kerrotaan "
            f"rahoittajalle. Ohjeen kohta {i + 1} täydentää hakuilmoitusta: se ei muuta haun "
            f"ehtoja, mutta kertoo, miten {topic} hoidetaan käytännössä koko hankkeen ajan.\n"
        )
    return "\n".join(parts)


def set_state(corpus: Path, store: Path, state: str) -> None:
    """A = the real corpus; B = a long new guide, a changed Markdown file, one PDF removed."""
    for f in corpus.iterdir():
        if f.is_file():
            f.unlink()
    for f in store.iterdir():
        shutil.copy2(f, corpus / f.name)
    if state == "B":
        (corpus / "toteutusopas.md").write_text(long_document(), encoding="utf-8")
        md = corpus / "teemakuvaus-lnp.md"
        md.write_text(
            md.read_text(encoding="utf-8")
            + "\n\n## Lisäys\n\nTeemakuvausta on täydennetty: raportit toimitetaan kerran "
            "vuodessa.\n",
            encoding="utf-8",
        )
        (corpus / "esr-lnp-teemaesitys.pdf").unlink()


# ---- the check, in a fresh process ---------------------------------------------------------
def check(data: Path, chroma_url: str = "") -> dict:
    """What a restarted process sees (run as ``faults.py check DATA [CHROMA_URL]``)."""
    from hakuapu.settings import Settings
    from index.embedding import get_embedder
    from index.store import _LOCK_COLLECTION, _PREFIX, IndexStore

    settings = Settings(data_dir=data)
    embedder = get_embedder(settings.embed_model, settings.embed_threads)
    store = IndexStore(data, embedder.name, embedder.dim, chroma_url)
    manifest = store.manifest()
    if manifest is None:
        return {"generation": 0, "documents": {}, "problems": ["no manifest"]}
    problems = []
    snap = store.snapshot()
    got = snap.collection.get(include=["metadatas"])
    by_doc: dict[str, set[str]] = {}
    for meta in got["metadatas"]:
        by_doc.setdefault(meta["doc_id"], set()).add(meta["content_hash"])
    docs = {k: v["content_hash"] for k, v in manifest.documents.items()}
    if set(by_doc) != set(docs):
        problems.append(f"collection documents {sorted(by_doc)} != manifest {sorted(docs)}")
    for doc, hashes in by_doc.items():
        if doc in docs and hashes != {docs[doc]}:
            problems.append(f"{doc}: chunk hashes {sorted(hashes)} != manifest {docs[doc]}")
    if len(got["ids"]) != manifest.chunk_count:
        problems.append(
            f"{len(got['ids'])} chunks in the collection, manifest says {manifest.chunk_count}"
        )
    if set(snap.keyword.ids) != set(got["ids"]):
        problems.append("keyword index ids != collection ids")
    names = sorted((c if isinstance(c, str) else c.name) for c in store.client.list_collections())
    gens = [n for n in names if n.startswith(_PREFIX)]
    newer = [n for n in gens if int(n[len(_PREFIX) :]) > manifest.generation]
    tmp = [p.name for p in (data / "index").glob(".CURRENT.json.*")]
    tmp += [p.name for p in (data / "index" / "keyword").glob(".*.tmp")]
    from index.retriever import Retriever

    hits = Retriever(store, embedder, None, today=None).search("Kuka voi hakea rahoitusta?", k=3)
    if not hits:
        problems.append("a query found nothing")
    return {
        "generation": manifest.generation,
        "documents": docs,
        "chunks": manifest.chunk_count,
        "unpublished": newer,
        "temporary": tmp,
        "collections": gens,
        "lock_left": _LOCK_COLLECTION in names,
        "problems": problems,
    }


def fresh_check(data: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "check", str(data), CHROMA_URL],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"check failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def ingest(data: Path, corpus: Path, with_reader: bool = False) -> float:
    """A whole ingest in a subprocess; ``with_reader``: while the reader thread searches (as
    during the kill runs, so the times compare)."""
    reader = Reader(data) if with_reader else None
    if reader is not None:
        reader.start()
    t = time.perf_counter()
    done = subprocess.run(
        hakuapu("ingest", str(corpus)),
        env=base_env(data, corpus),
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=ROOT,
    )
    took = time.perf_counter() - t
    if reader is not None:
        reader.stop.set()
        reader.join()
    if done.returncode != 0:
        raise RuntimeError(f"ingest failed: {done.stderr[-2000:]}")
    return took


class Reader(threading.Thread):
    """Searches the data folder in a loop (this process, its own Chroma client)."""

    def __init__(self, data: Path):
        super().__init__(daemon=True)
        from hakuapu.services import Services
        from hakuapu.settings import Settings

        self.services = Services(Settings(data_dir=data, today=TODAY, chroma_url=CHROMA_URL))
        self.stop = threading.Event()
        self.ok = self.empty = self.errors = 0
        self.generations: set[int] = set()
        self.last_error = ""

    def run(self) -> None:
        i = 0
        while not self.stop.is_set():
            try:
                hits = self.services.retriever().search(QUERIES[i % len(QUERIES)], k=3)
                snap = self.services.store.snapshot()
                self.generations.add(snap.manifest.generation if snap else 0)
                if hits:
                    self.ok += 1
                else:
                    self.empty += 1
            except Exception as err:  # noqa: BLE001 - counted, the bench goes on
                self.errors += 1
                self.last_error = f"{type(err).__name__}: {err}"[:200]
            i += 1


def kill_runs(work: Path, runs: int, rng: random.Random) -> dict:
    store, corpus, data = work / "files", work / "corpus", work / "data"
    store.mkdir(parents=True)
    corpus.mkdir()
    for f in [*(ROOT / "corpus").glob("*.pdf"), *(ROOT / "corpus").glob("*.md")]:
        if f.name != "README.md":
            shutil.copy2(f, store / f.name)
    shutil.copy2(ROOT / "corpus" / "calls.yaml", store / "calls.yaml")

    print("kill -9: ingesting state A, then measuring A->B and B->A ...", flush=True)
    set_state(corpus, store, "A")
    t_first = ingest(data, corpus)
    if runs == 0:  # only the replace test
        return {
            "first_ingest_s": round(t_first, 1),
            "a_to_b_s": None,
            "b_to_a_s": None,
            "runs": [],
            "data": str(data),
            "corpus": str(corpus),
            "state": "A",
        }
    state_docs = {"A": fresh_check(data)["documents"]}
    set_state(corpus, store, "B")
    t_ab = ingest(data, corpus, with_reader=True)
    state_docs["B"] = fresh_check(data)["documents"]
    set_state(corpus, store, "A")
    t_ba = ingest(data, corpus, with_reader=True)
    assert fresh_check(data)["documents"] == state_docs["A"], "A is not reproducible"
    took = {"A->B": t_ab, "B->A": t_ba}
    slices = list(range(runs))
    rng.shuffle(slices)
    print(
        f"  first ingest {t_first:.1f} s, A->B {t_ab:.1f} s, B->A {t_ba:.1f} s (with a reader); "
        "kill points stratified over 0..1.1 x those",
        flush=True,
    )

    rows = []
    current = "A"
    for run in range(1, runs + 1):
        target = "B" if current == "A" else "A"
        set_state(corpus, store, target)
        reader = Reader(data)
        reader.start()
        delay = 1.1 * took[f"{current}->{target}"] * (slices[run - 1] + rng.random()) / runs
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            hakuapu("ingest", str(corpus)),
            env=base_env(data, corpus),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            proc.wait(timeout=delay)
            killed = False
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            killed = True
        ran = time.perf_counter() - t0
        time.sleep(0.5)
        reader.stop.set()
        reader.join()
        after = fresh_check(data)
        seen = [s for s, docs in state_docs.items() if docs == after["documents"]]
        state = {current: "old", target: "new"}[seen[0]] if seen else "MIX"
        t_restart = ingest(data, corpus)
        final = fresh_check(data)
        final_ok = (
            final["documents"] == state_docs[target]
            and not final["problems"]
            and not final["unpublished"]
            and not final["temporary"]
            and not final["lock_left"]
        )
        rows.append(
            {
                "run": run,
                "from_to": f"{current}->{target}",
                "kill_after_s": round(delay, 2),
                "killed": killed,
                "ran_s": round(ran, 2),
                "state_after_kill": state,
                "consistent_after_kill": not after["problems"],
                "problems": after["problems"],
                "leftovers_after_kill": len(after["unpublished"]) + len(after["temporary"]),
                "queries_ok": reader.ok,
                "queries_empty": reader.empty,
                "query_errors": reader.errors,
                "last_query_error": reader.last_error,
                "generations_seen": sorted(reader.generations),
                "restart_s": round(t_restart, 1),
                "after_restart_ok": final_ok,
            }
        )
        r = rows[-1]
        print(
            f"  run {run:>2} {r['from_to']}: kill at {delay:5.1f} s "
            f"({'killed' if killed else 'had finished'}) -> {state}, consistent "
            f"{r['consistent_after_kill']}, queries {reader.ok} ok / {reader.errors} errors, "
            f"restart ok {final_ok}",
            flush=True,
        )
        current = target
    return {
        "first_ingest_s": round(t_first, 1),
        "a_to_b_s": round(t_ab, 1),
        "b_to_a_s": round(t_ba, 1),
        "runs": rows,
        "data": str(data),
        "corpus": str(corpus),
        "state": current,
    }


# ---- replace under load ------------------------------------------------------------------------
def serve(data: Path, corpus: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = base_env(data, corpus, HAKUAPU_ADMIN_TOKEN=TOKEN, HAKUAPU_RATE_LIMIT_PER_MINUTE="0")
    proc = subprocess.Popen(
        hakuapu("serve", "--port", str(port)),
        env=env,
        cwd=ROOT,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"hakuapu serve exited; see {log}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise TimeoutError("hakuapu serve did not start")


def classify(answer: dict) -> str:
    quotes = " ".join(c["quote"] for c in answer.get("citations", []))
    found = [v for v, d in VERSIONS.items() if d in quotes]
    return found[0] if len(found) == 1 else ("both" if found else "none")


def replace_under_load(work: Path, data: Path, corpus: Path, clients: int, swaps: int) -> dict:
    procs: list[subprocess.Popen] = []
    urls: list[str] = []
    try:
        # embedded: one server; on a Chroma server: two, with separate data folders
        for i, folder in enumerate([data, work / "data-b"] if CHROMA_URL else [data]):
            proc, url = serve(folder, corpus, work / f"serve-{i}.log")
            procs.append(proc)
            urls.append(url)
        return _load(urls, clients, swaps)
    finally:
        for proc in procs:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def _load(urls: list[str], clients: int, swaps: int) -> dict:
    admin = httpx.Client(base_url=urls[0], timeout=600)
    r = admin.post(
        "/api/admin/documents",
        headers=AUTH,
        files={"files": ("purjehdusleirit.md", NOTICE.format(deadline=VERSIONS["v1"]).encode())},
    )
    if r.status_code == 409:  # left from an earlier run: start from v1
        r = admin.put(
            "/api/admin/documents/purjehdusleirit",
            headers=AUTH,
            files={"file": ("purjehdusleirit.md", NOTICE.format(deadline=VERSIONS["v1"]).encode())},
        )
    r.raise_for_status()
    records: list[tuple[float, float, int, str, int]] = []  # sent, received, status, class, srv
    lock = threading.Lock()
    stop = threading.Event()

    def client(i: int) -> None:
        server = i % len(urls)
        with httpx.Client(base_url=urls[server], timeout=120) as c:
            while not stop.is_set():
                t0 = time.perf_counter()
                try:
                    resp = c.post("/api/ask", json={"question": DEADLINE_Q})
                    status = resp.status_code
                    kind = classify(resp.json()) if status == 200 else "error"
                except httpx.HTTPError:
                    status, kind = 0, "error"
                with lock:
                    records.append((t0, time.perf_counter(), status, kind, server))

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    time.sleep(5)
    swaps_done = []
    live = "v1"
    for _ in range(swaps):
        new = "v2" if live == "v1" else "v1"
        t0 = time.perf_counter()
        r = admin.put(
            "/api/admin/documents/purjehdusleirit",
            headers=AUTH,
            files={"file": ("purjehdusleirit.md", NOTICE.format(deadline=VERSIONS[new]).encode())},
        )
        t1 = time.perf_counter()
        swaps_done.append(
            {
                "old": live,
                "new": new,
                "start": t0,
                "done": t1,
                "status": r.status_code,
                "put_s": round(t1 - t0, 2),
            }
        )
        live = new
        time.sleep(6)
    stop.set()
    for t in threads:
        t.join(timeout=150)
    end = time.perf_counter()

    rows = []
    for k, s in enumerate(swaps_done):
        until = swaps_done[k + 1]["start"] if k + 1 < len(swaps_done) else end
        during = [r for r in records if s["start"] <= r[0] < s["done"]]
        after = [r for r in records if s["done"] <= r[0] < until]
        rows.append(
            {
                "swap": k + 1,
                "to": s["new"],
                "put_status": s["status"],
                "put_s": s["put_s"],
                "during_old": sum(r[3] == s["old"] for r in during),
                "during_new": sum(r[3] == s["new"] for r in during),
                "after_total": len(after),
                "after_new": sum(r[3] == s["new"] for r in after),
                "after_old_violations": sum(r[3] == s["old"] for r in after),
                "after_none": sum(r[3] in ("none", "both") for r in after),
            }
        )
    lat = [r[1] - r[0] for r in records if r[2] == 200]
    quiet = [
        r[1] - r[0]
        for r in records
        if r[2] == 200 and not any(s["start"] - 1 <= r[0] <= s["done"] for s in swaps_done)
    ]
    return {
        "servers": len(urls),
        "clients": clients,
        "answers": len(records),
        "errors": sum(r[2] != 200 for r in records),
        "violations": sum(row["after_old_violations"] for row in rows),
        "latency_p50_s": round(statistics.median(lat), 3) if lat else None,
        "latency_p95_s": round(sorted(lat)[int(0.95 * (len(lat) - 1))], 3) if lat else None,
        "latency_p50_quiet_s": round(statistics.median(quiet), 3) if quiet else None,
        "swaps": rows,
    }


# ---- main ------------------------------------------------------------------------------------
def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "check":
        print(json.dumps(check(Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "")))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--swaps", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--server",
        action="store_true",
        help="on a chroma run server (replace under load: two API processes)",
    )
    ap.add_argument("--workdir", type=Path, help="default: a temporary folder")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="hakuapu-faults-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    global CHROMA_URL
    chroma = None
    if args.server:
        chroma, CHROMA_URL = start_chroma(work)
    try:
        return run(args, work, rng)
    finally:
        if chroma is not None:
            chroma.terminate()
            chroma.wait(timeout=15)


def run(args: argparse.Namespace, work: Path, rng: random.Random) -> int:
    kills = kill_runs(work, args.runs, rng)
    print(
        f"replace under load: {args.clients} clients, {args.swaps} replacements"
        f"{' on a Chroma server, 2 API processes' if args.server else ''} ...",
        flush=True,
    )
    load = replace_under_load(
        work, Path(kills["data"]), Path(kills["corpus"]), args.clients, args.swaps
    )

    where = "a Chroma server" if CHROMA_URL else "embedded Chroma"
    print(f"\n## kill -9 during ingest ({where})\n")
    print(
        f"Ingest times: first {kills['first_ingest_s']} s, A->B {kills['a_to_b_s']} s, "
        f"B->A {kills['b_to_a_s']} s.\n"
    )
    print(
        "| run | change | kill at s | killed | state after kill | consistent | leftovers "
        "| queries ok / empty / errors | generations seen | restart s | new state after restart |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in kills["runs"]:
        print(
            f"| {r['run']} | {r['from_to']} | {r['kill_after_s']} | "
            f"{'yes' if r['killed'] else 'no (done)'} | {r['state_after_kill']} | "
            f"{'yes' if r['consistent_after_kill'] else 'NO: ' + '; '.join(r['problems'])} | "
            f"{r['leftovers_after_kill']} | {r['queries_ok']} / {r['queries_empty']} / "
            f"{r['query_errors']} | {','.join(map(str, r['generations_seen']))} | "
            f"{r['restart_s']} | {'yes' if r['after_restart_ok'] else 'NO'} |"
        )
    mixes = sum(
        r["state_after_kill"] == "MIX" or not r["consistent_after_kill"] for r in kills["runs"]
    )
    print(
        f"\nMixed or inconsistent states: {mixes} of {len(kills['runs'])}; query errors during "
        f"ingests: {sum(r['query_errors'] for r in kills['runs'])}."
    )

    print(
        f"\n## replace under load ({load['clients']} clients, {load['servers']} server"
        f"{'s' if load['servers'] > 1 else ''})\n"
    )
    print(
        "| swap | to | PUT status | PUT s | answered during PUT (old/new) | answered after "
        "| new | old (violation) | neither |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for s in load["swaps"]:
        print(
            f"| {s['swap']} | {s['to']} | {s['put_status']} | {s['put_s']} | "
            f"{s['during_old']}/{s['during_new']} | {s['after_total']} | {s['after_new']} | "
            f"{s['after_old_violations']} | {s['after_none']} |"
        )
    print(
        f"\nAnswers: {load['answers']}, errors: {load['errors']}, answers citing the replaced "
        f"version after the swap: {load['violations']}; latency p50 {load['latency_p50_s']} s "
        f"(outside swaps {load['latency_p50_quiet_s']} s), p95 {load['latency_p95_s']} s."
    )
    OUT.mkdir(parents=True, exist_ok=True)
    name = "faults-server.json" if CHROMA_URL else "faults.json"
    (OUT / name).write_text(json.dumps({"kill": kills, "replace": load}, indent=1))
    ok = mixes == 0 and load["errors"] == 0 and load["violations"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
