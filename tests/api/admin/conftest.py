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
from admin_data import CALLS_YAML, OHJE_MD, TALVI_MD, TOKEN
from fastapi.testclient import TestClient

from api.app import create_app


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
        settings.setdefault("admin_failures_per_minute", 0)  # tests send many wrong tokens
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
    """Until ``url`` answers at all (/health says 503 while there is no index)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=2)
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
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
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
