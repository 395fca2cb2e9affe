"""Admin fixtures: a small installation of its own per test (the admin changes the index), the
real app over it with an admin token, and a real ``chroma run`` server for scale-out tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app

TOKEN = "test-admin-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
VENV_BIN = Path(sys.executable).parent

# Two calls: one open on the tests' "today" (2025-04-01), one closed.
CALLS_YAML = """\
managing_authority:
  name: Hämeen ELY-keskus
  contact: {name: Antti Hieta, email: antti.hieta@ely-keskus.fi}
calls:
  - id: kesa-2025
    title: {fi: "Saaristoleirien kesähaku 2025"}
    funders: [OKM]
    managing_authority: Hämeen ELY-keskus
    opens: 2025-03-01
    closes: 2025-06-30
    budget_eur: 100000
    contacts: [{name: Antti Hieta, email: antti.hieta@ely-keskus.fi}]
    documents: [ohje.md]
  - id: talvi-2024
    title: {fi: "Talviharrastusten haku 2024"}
    funders: [STM]
    managing_authority: Hämeen ELY-keskus
    opens: 2024-01-10
    closes: 2024-02-28
    budget_eur: 50000
    contacts: [{name: Antti Hieta, email: antti.hieta@ely-keskus.fi}]
    documents: [talvi.md]
"""
OHJE_MD = (
    "# Maksatusohje\n\nMaksatusta haetaan puolen vuoden välein EURA-järjestelmässä. "
    "Maksatushakemukseen liitetään kirjanpitoraportti.\n"
)
TALVI_MD = (
    "# Talviharrastusten haku\n\nRahoitusta voivat hakea hiihtoseurat ja "
    "luistelukoulut talviharrastusten järjestämiseen.\n"
)

# Two versions of one call notice with different deadlines, so answers show which one spoke.
NOTICE_V1 = "# Purjehdusleirien haku\n\nHakemukset on jätettävä viimeistään 15.5.2025 klo 16.15.\n"
NOTICE_V2 = "# Purjehdusleirien haku\n\nHakemukset on jätettävä viimeistään 30.9.2025 klo 16.15.\n"
DEADLINE_Q = "Mihin mennessä purjehdusleirien hakemukset on jätettävä?"


@dataclass
class AdminEnv:
    env: object  # tests/conftest.py Env
    client: TestClient

    @property
    def services(self):
        return self.env.services

    @property
    def corpus(self) -> Path:
        return self.env.corpus

    @property
    def admin(self):
        return self.client.app.state.admin

    def generation(self) -> int:
        m = self.services.store.manifest()
        return m.generation if m else 0

    def ids(self) -> list[str]:
        m = self.services.store.manifest()
        return sorted(m.documents) if m else []

    def ask(self, question: str) -> dict:
        r = self.client.post("/api/ask", json={"question": question})
        assert r.status_code == 200, r.text
        return r.json()


@pytest.fixture
def make_admin(make_env) -> Iterator[Callable[..., AdminEnv]]:
    """``make_admin(name="admin", ingest=True, **settings)``: the two-call corpus, ingested,
    served by a real app with an admin token (lifespan entered, like uvicorn)."""
    clients: list[TestClient] = []

    def make(name: str = "admin", ingest: bool = True, **settings) -> AdminEnv:
        settings.setdefault("admin_token", TOKEN)
        settings.setdefault("rate_limit_per_minute", 0)
        env = make_env(name, **settings)
        (env.corpus / "calls.yaml").write_text(CALLS_YAML, encoding="utf-8")
        (env.corpus / "ohje.md").write_text(OHJE_MD, encoding="utf-8")
        (env.corpus / "talvi.md").write_text(TALVI_MD, encoding="utf-8")
        if ingest:
            assert env.ingest().ok
        client = TestClient(create_app(env.settings, services=env.services))
        client.__enter__()
        clients.append(client)
        return AdminEnv(env, client)

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def adm(make_admin) -> AdminEnv:
    return make_admin()


# ---- real servers -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout_s: float = 60, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout_s} s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def chroma_server(tmp_path) -> Iterator[str]:
    """A real ``chroma run`` server (the CLI of the chromadb package) on a free port."""
    chroma = shutil.which("chroma", path=str(VENV_BIN)) or shutil.which("chroma")
    if chroma is None:
        pytest.fail("the chroma command (chromadb package) is not installed")
    port = free_port()
    log = (tmp_path / "chroma.log").open("wb")
    proc = subprocess.Popen(
        [
            chroma,
            "run",
            "--path",
            str(tmp_path / "chroma"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{url}/api/v2/heartbeat", 60, proc)
        yield url
    finally:
        stop(proc)
        log.close()
