"""Download a document an admin names by URL: http(s) only, size, time and type checked.

The admin is trusted (bearer token), so private addresses are allowed (an intranet page is a
fair source); what is refused is anything that is not a document of a type we read.
"""

from __future__ import annotations

import re
import time
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urlparse

import httpx

from api.admin.files import CONTENT_TYPES, Staged, Uploads, check_content, kind, safe_name
from ingest.readers import SUPPORTED


class FetchError(ValueError):
    """The URL gave no acceptable document; the message says why, in one line."""


def _check_url(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are accepted, not {parsed.scheme or url!r}")
    if not parsed.hostname:
        raise FetchError("the URL has no host name")


def _file_name(response: httpx.Response) -> str:
    disposition = response.headers.get("content-disposition", "")
    if disposition:
        msg = Message()
        msg["content-disposition"] = disposition
        name = msg.get_filename()
        if name:
            return name
    path = unquote(response.url.path or "")
    return PurePosixPath(path).name or "document"


def download(
    url: str, uploads: Uploads, max_bytes: int, timeout_s: float, name: str | None = None
) -> Staged:
    """Fetch ``url`` into the staging folder; ``name`` overrides the file name it came with."""
    url = url.strip()
    _check_url(url)

    def on_request(request: httpx.Request) -> None:  # redirects are checked too
        _check_url(str(request.url))

    deadline = time.monotonic() + timeout_s
    try:
        with (
            httpx.Client(
                timeout=timeout_s,
                follow_redirects=True,
                max_redirects=5,
                event_hooks={"request": [on_request]},
                headers={"User-Agent": "Hakuapu-admin/1 (document fetch)"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise FetchError(f"the server answered HTTP {response.status_code}")
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"the file is {int(length) // 2**20} MiB; the limit is {max_bytes // 2**20} MiB"
                )
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and ctype not in CONTENT_TYPES:
                raise FetchError(f"the server sent {ctype}, not a PDF, DOCX, HTML or text document")
            wanted = safe_name(name or _file_name(response))
            suffix = "." + wanted.rpartition(".")[2] if "." in wanted else ""
            by_type = CONTENT_TYPES.get(ctype, "")
            if suffix not in SUPPORTED:
                if not by_type:
                    raise FetchError(
                        "cannot tell the file type: the URL names no .pdf/.docx/.md/.html/.txt "
                        f"file and the server sent {ctype or 'no content type'}"
                    )
                wanted = f"{wanted}{by_type}"  # "download" -> "download.pdf"
                suffix = by_type
            elif by_type and kind(by_type) != kind(suffix) and by_type != ".txt":
                raise FetchError(f"the server sent {ctype} for a {kind(suffix)} file")
            staged = uploads.stage(wanted, source=url)
            size = 0
            try:
                with staged.path.open("wb") as fh:
                    for block in response.iter_bytes(1 << 16):
                        size += len(block)
                        if size > max_bytes:
                            raise FetchError(
                                f"the file is larger than the limit of {max_bytes // 2**20} MiB"
                            )
                        if time.monotonic() > deadline:
                            raise FetchError(f"the download took longer than {timeout_s:.0f} s")
                        fh.write(block)
            except BaseException:
                staged.discard()
                raise
    except httpx.TooManyRedirects as err:
        raise FetchError("too many redirects") from err
    except httpx.TimeoutException as err:
        raise FetchError(f"no answer within {timeout_s:.0f} s") from err
    except httpx.HTTPError as err:
        raise FetchError(f"download failed: {_one_line(err)}") from err
    reason = check_content(staged.path)
    if reason:
        staged.discard()
        raise FetchError(reason)
    return staged


def _one_line(err: Exception) -> str:
    text = re.sub(r"\s+", " ", str(err)).strip()
    return text or type(err).__name__
