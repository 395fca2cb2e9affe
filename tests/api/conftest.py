"""API fixtures: the real app over the session's corpus index (real model, real Chroma).

``make_client(**settings)`` builds another app with other API options (origins, limits) over
the same index and model, so each option is tested through real HTTP without re-ingesting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app

# An origin on the allowlist of the default test app.
ALLOWED = "https://www.ely-keskus.example"


@pytest.fixture(scope="session")
def make_client(corpus) -> Iterator[Callable[..., TestClient]]:
    clients: list[TestClient] = []

    def make(**overrides) -> TestClient:
        overrides.setdefault("rate_limit_per_minute", 0)
        overrides.setdefault("allowed_origins", [ALLOWED])
        settings = corpus.settings.model_copy(update=overrides)
        client = TestClient(create_app(settings, services=corpus.services))
        client.__enter__()  # runs the lifespan (warm-up), like uvicorn does
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture(scope="session")
def allowed_origin() -> str:
    return ALLOWED


@pytest.fixture(scope="session")
def client(make_client) -> TestClient:
    return make_client()


@pytest.fixture(scope="session")
def analytics(corpus):
    return corpus.services.analytics
