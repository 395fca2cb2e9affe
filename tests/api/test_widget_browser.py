"""The widget in headless Chromium (Playwright) against a live ``hakuapu serve``.

The server is a real subprocess on a free port over a copy of the corpus index plus one small
document whose text contains an HTML payload, so the XSS check runs on a real answer.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from bot.analytics import AnalyticsStore, database_url
from hakuapu.services import Services
from hakuapu.settings import Settings

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE = REPO / ".cache/npm/node_modules/axe-core/axe.min.js"
SCREENSHOT_DIR = os.environ.get("HAKUAPU_SCREENSHOT_DIR", "")

# Host pages of "another site" come from a second loopback server (Chromium lets only local
# pages call local addresses): http://127.0.0.1:P is on the allowlist, http://localhost:P is not.
HOST_PAGES = {
    # path: (<html lang>, widget attributes)
    "/en": ("en", ""),
    "/sv": ("fi", 'data-lang="sv"'),
}

PAYLOAD = '<img src=x onerror="window.__hakuapuXss=1">'
XSS_DOC = f"""---
title: Kokeilulomakkeen ohje
---
# Kokeilulomakkeen tunnusmerkki

Kokeilulomakkeen tunnusmerkki on {PAYLOAD} ja se kirjoitetaan lomakkeen ensimmäiselle riville.
"""


def _require(path: Path, what: str) -> None:
    if path.exists():
        return
    message = f"{what} not found at {path} (`make install-test` installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def host_site():
    """A stand-in for an ELY centre's site that embeds the widget; its port."""
    api = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path not in HOST_PAGES:
                self.send_error(404)
                return
            lang, attrs = HOST_PAGES[self.path]
            body = (
                f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
                f"<title>ELY</title></head><body><main><h1>Haku</h1><p>Sivu.</p></main>"
                f'<script src="{api["base"]}/widget.js" {attrs} async></script></body></html>'
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], api
    server.shutdown()


@pytest.fixture(scope="module")
def live(corpus, tmp_path_factory, host_site):
    """``hakuapu serve`` on a copy of the corpus index plus the payload document."""
    host_port, host_api = host_site
    root = tmp_path_factory.mktemp("live")
    shutil.copytree(corpus.settings.data_dir, root / "data")
    corpus_dir = root / "corpus"
    shutil.copytree(corpus.corpus, corpus_dir)
    (corpus_dir / "kokeilulomake.md").write_text(XSS_DOC, encoding="utf-8")
    today = corpus.settings.today_date()
    settings = Settings(data_dir=root / "data", corpus_dir=corpus_dir, today=today)
    services = Services(settings)
    services.__dict__["embedder"] = corpus.services.embedder  # the loaded model, not a new one
    summary = services.ingestor().run([corpus_dir], progress=False)
    assert summary.added == ["kokeilulomake"] and not summary.failed, summary.line()

    port = _free_port()
    env = {
        **os.environ,
        "HAKUAPU_DATA_DIR": str(settings.data_dir),
        "HAKUAPU_CORPUS_DIR": str(corpus_dir),
        "HAKUAPU_TODAY": today.isoformat(),
        "HAKUAPU_ALLOWED_ORIGINS": f"http://127.0.0.1:{host_port}",
    }
    log = (root / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "hakuapu.cli", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    host_api["base"] = base
    deadline = time.monotonic() + 180
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"hakuapu serve did not start:\n{(root / 'serve.log').read_text()}")
        time.sleep(0.3)
    analytics = AnalyticsStore(database_url(settings.data_dir, settings.database_url))
    yield base, analytics, host_port
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    _require(CHROMIUM, "Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda err: pg.errors.append(str(err)))
    yield pg
    context.close()


# ---- helpers -------------------------------------------------------------------------------


def ask(page, question: str):
    """Type a question, send it with Enter and wait for the finished answer; its <li>."""
    done = page.locator("hakuapu-chat li.msg.bot[data-state=done], hakuapu-chat li.msg.error")
    before = done.count()
    box = page.locator("hakuapu-chat textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        """n => document.querySelector('hakuapu-chat').shadowRoot
               .querySelectorAll('li.msg.bot[data-state=done], li.msg.error').length > n""",
        arg=before,
        timeout=60_000,
    )
    return done.nth(before)


def shadow_focus(page) -> dict:
    """Where focus is: inside the widget's panel, on its launcher, or elsewhere."""
    return page.evaluate(
        """() => {
            const host = document.querySelector('hakuapu-chat');
            const root = host.shadowRoot;
            const el = root.activeElement;
            const panel = root.querySelector('.panel');
            const cs = el ? getComputedStyle(el) : null;
            return {
                onHost: document.activeElement === host,
                inPanel: !!el && panel.contains(el),
                launcher: el === root.querySelector('.launcher'),
                tag: el ? el.tagName.toLowerCase() : null,
                cls: el ? el.className : null,
                label: el ? (el.getAttribute('aria-label') || el.textContent.trim()) : null,
                outline: cs ? cs.outlineStyle + ' ' + cs.outlineWidth : null,
            };
        }"""
    )


# ---- tests ---------------------------------------------------------------------------------


def test_ask_in_finnish_streams_an_answer_with_page_links_and_stores_feedback(page, live):
    base, analytics, _ = live
    page.goto(base + "/")
    page.get_by_role("button", name="Kysy hauista").click()
    # Count the answer's text pieces as they are added: a streamed answer arrives in many.
    page.evaluate(
        """() => {
            window.__pieces = 0;
            const root = document.querySelector('hakuapu-chat').shadowRoot;
            new MutationObserver(list => {
                for (const m of list) {
                    if (m.target.classList && m.target.classList.contains('answer-text')) {
                        for (const n of m.addedNodes) if (n.nodeType === 3) window.__pieces++;
                    }
                }
            }).observe(root.querySelector('.messages'), {childList: true, subtree: true});
        }"""
    )
    answer = ask(page, "Kuka voi hakea rahoitusta?")
    text = answer.locator(".answer-text").text_content()
    assert "Rahoitusta voivat hakea" in text
    assert page.evaluate("window.__pieces") > 5
    link = answer.locator(".sources a").first
    href = link.get_attribute("href")
    assert re.fullmatch(
        re.escape(base) + r"/api/documents/hakuilmoitus-okm-kevat-2025\.pdf#page=\d+", href
    )
    assert link.get_attribute("target") == "_blank"
    pdf = page.request.get(href.split("#")[0])
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"

    answer_id = answer.get_attribute("data-answer-id")
    assert analytics.answer_row(answer_id)["channel"] == "web"
    answer.get_by_role("button", name="Kyllä, vastauksesta oli apua").click()
    page.get_by_text("Kiitos palautteesta!").wait_for()
    assert [(f["vote"], f["channel"]) for f in analytics.feedback_for(answer_id)] == [(1, "web")]

    # The conversation outlives a reload (sessionStorage) and goes with the next question.
    conv = page.evaluate("() => JSON.parse(Object.entries(sessionStorage)[0][1]).conversationId")
    assert re.fullmatch(r"[0-9a-f]{32}", conv)
    page.reload()
    page.get_by_role("button", name="Kysy hauista").click()
    assert "Rahoitusta voivat hakea" in page.locator("hakuapu-chat .answer-text").first.inner_text()
    with page.expect_request("**/api/ask/stream") as req:
        ask(page, "Entä yksityishenkilöt?")
    assert req.value.post_data_json["conversation_id"] == conv
    assert req.value.post_data_json["call_id"] == "okm-kevat-2025"
    # "New conversation" forgets both.
    page.get_by_role("button", name="Uusi keskustelu").click()
    assert page.locator("hakuapu-chat li.msg").count() == 0
    assert (
        page.evaluate("() => JSON.parse(Object.entries(sessionStorage)[0][1]).conversationId")
        is None
    )
    assert not page.errors

    if SCREENSHOT_DIR:
        ask(page, "Milloin haku päättyy?")
        page.locator("hakuapu-chat textarea").blur()
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOT_DIR) / "widget.png"))


def test_english_on_another_site_with_cors_and_the_pages_language(page, live):
    base, _, host_port = live
    page.goto(f"http://127.0.0.1:{host_port}/en")
    # Texts follow the host page's <html lang>; the API base comes from the script's src.
    page.get_by_role("button", name="Ask about the calls").click()
    assert page.get_by_role("dialog", name="Hakuapu – ask about funding calls").is_visible()
    answer = ask(page, "How much funding is available for the spring 2025 OKM call?")
    assert "According to the documents" in answer.locator(".answer-text").text_content()
    assert answer.locator(".sources a").first.get_attribute("href").startswith(base + "/api/")
    assert answer.get_by_role("button", name="Yes, the answer helped").is_visible()
    assert not page.errors


def test_languages_by_attribute_and_origins_off_the_allowlist(browser, live):
    _, _, host_port = live
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(f"http://localhost:{host_port}/sv")
    page.get_by_role("button", name="Fråga om utlysningarna").click()
    # Not on HAKUAPU_ALLOWED_ORIGINS: the browser refuses the response; the widget says so.
    error = ask(page, "Vem kan söka?")
    assert "Ingen kontakt med tjänsten" in error.text_content()
    ctx.close()


def test_keyboard_only_round_trip_with_focus_trap_and_return(page, live):
    base, analytics, _ = live
    page.goto(base + "/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if shadow_focus(page)["launcher"]:
            break
    focus = shadow_focus(page)
    assert focus["launcher"], focus
    assert focus["outline"].startswith("solid 3px"), focus  # visible focus
    page.keyboard.press("Enter")
    focus = shadow_focus(page)
    assert focus["inPanel"] and focus["tag"] == "textarea"
    page.keyboard.type("Milloin haku päättyy?")
    page.keyboard.press("Enter")
    page.locator("hakuapu-chat li.msg.bot[data-state=done]").wait_for(timeout=60_000)
    # Tab and Shift+Tab never leave the open panel.
    seen = set()
    for key in ["Tab"] * 12 + ["Shift+Tab"] * 12:
        page.keyboard.press(key)
        focus = shadow_focus(page)
        assert focus["onHost"] and focus["inPanel"], (key, focus)
        assert focus["outline"].startswith("solid 3px"), focus
        seen.add(focus["label"])
    assert {"Uusi keskustelu", "Sulje", "Lähetä"} <= seen
    assert any(label and label.startswith("[1]") for label in seen)  # a citation link
    # Vote with the keyboard.
    for _ in range(20):
        if shadow_focus(page)["label"] == "Kyllä, vastauksesta oli apua":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Kiitos palautteesta!").wait_for()
    answer_id = page.locator("hakuapu-chat li.msg.bot").first.get_attribute("data-answer-id")
    assert [f["vote"] for f in analytics.feedback_for(answer_id)] == [1]
    # Escape closes the panel and gives focus back to the button that opened it.
    page.keyboard.press("Escape")
    assert page.locator("hakuapu-chat .panel").is_hidden()
    focus = shadow_focus(page)
    assert focus["launcher"], focus
    assert page.locator("hakuapu-chat .launcher").get_attribute("aria-expanded") == "false"


def test_html_in_answers_and_questions_is_shown_as_text(page, live):
    base, _, _ = live
    page.goto(base + "/")
    page.get_by_role("button", name="Kysy hauista").click()
    answer = ask(page, "Mikä on kokeilulomakkeen tunnusmerkki?")
    assert PAYLOAD in answer.locator(".answer-text").text_content()
    ask(page, "Onko <img src=x onerror=window.__hakuapuXss=2> tunnusmerkki?")
    assert (
        "<img src=x onerror=window.__hakuapuXss=2>"
        in page.locator("hakuapu-chat li.msg.user").nth(1).text_content()
    )
    page.wait_for_timeout(300)  # an <img src=x> would have failed to load by now
    assert page.evaluate("window.__hakuapuXss") is None
    assert (
        page.evaluate(
            "() => document.querySelectorAll('img').length"
            " + document.querySelector('hakuapu-chat').shadowRoot.querySelectorAll('img').length"
        )
        == 0
    )
    # The cited Markdown source opens as plain text too.
    src = answer.locator(".sources a").first.get_attribute("href")
    doc = page.request.get(src)
    assert doc.headers["content-type"].startswith("text/plain")
    assert PAYLOAD in doc.text()
    assert not page.errors


def test_a_generated_sentence_taken_back_leaves_the_panel_before_the_answer_streams(page, live):
    """The server's ``reset`` (tested over HTTP in test_api_stream.py) as the widget gets it: the
    withdrawn sentence goes at once, not when the finished answer replaces everything."""
    base, _, _ = live
    withdrawn = "Hakemukset on jätettävä 31.12.2099 mennessä."
    text = "Asiakirjojen mukaan: “Haku päättyy 6.6.2025 klo 16.15.” [1]"
    answer = {
        "id": "a" * 32,
        "question": "Milloin haku päättyy?",
        "answer": text,
        "language": "fi",
        "refused": False,
        "citations": [],
        "conversation_id": "c" * 32,
        "mode": "extractive",
    }
    meta = {k: answer[k] for k in ("id", "language", "refused", "conversation_id")}
    events = [
        ("meta", meta),
        ("delta", {"text": withdrawn}),
        ("reset", {}),
        *[("delta", {"text": piece}) for piece in re.findall(r"\S+\s*", text)],
        ("citations", {"citations": []}),
        ("done", {"answer": answer}),
    ]
    body = "".join(f"event: {e}\ndata: {json.dumps(d, ensure_ascii=False)}\n\n" for e, d in events)
    page.route(
        "**/api/ask/stream",
        lambda route: route.fulfill(
            status=200, headers={"Content-Type": "text/event-stream"}, body=body
        ),
    )
    page.goto(base + "/")
    page.get_by_role("button", name="Kysy hauista").click()
    page.evaluate(
        """() => {
            window.__removed = [];
            const root = document.querySelector('hakuapu-chat').shadowRoot;
            new MutationObserver(list => {
                for (const m of list) {
                    const gone = [...m.removedNodes].map(n => n.textContent);
                    if (gone.length) window.__removed.push(gone);
                }
            }).observe(root.querySelector('.messages'), {childList: true, subtree: true});
        }"""
    )
    shown = ask(page, "Milloin haku päättyy?")

    removals = page.evaluate("window.__removed")
    assert [withdrawn] in removals, removals  # taken back alone, before the answer's pieces
    assert shown.locator(".answer-text").text_content() == text
    assert not page.errors


def test_axe_finds_no_serious_violations_and_the_panel_fits_small_screens(browser, live):
    _require(AXE, "axe-core")
    base, _, _ = live

    def check(page, state: str) -> None:
        page.add_script_tag(path=str(AXE))
        found = page.evaluate(
            """async () => (await axe.run(document)).violations.map(
                   v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target)}))"""
        )
        bad = [v for v in found if v["impact"] in ("serious", "critical")]
        assert not bad, (state, bad)

    # 1280 px; 320 px wide (WCAG reflow); 1280 x 800 at 200 % zoom = 640 x 400 CSS px.
    for width, height, scale in [(1280, 800, 1), (320, 640, 1), (640, 400, 2)]:
        ctx = browser.new_context(
            viewport={"width": width, "height": height}, device_scale_factor=scale
        )
        page = ctx.new_page()
        page.goto(base + "/")
        check(page, f"closed {width}")
        page.get_by_role("button", name="Kysy hauista").click()
        answer = ask(page, "Kuka voi hakea rahoitusta?")
        assert answer.get_attribute("data-state") == "done", answer.text_content()
        check(page, f"open {width}")
        box = page.locator("hakuapu-chat .panel").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (width, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= height + 0.5, (width, box)
        overflow = page.evaluate(
            """() => { const p = document.querySelector('hakuapu-chat').shadowRoot
                         .querySelector('.panel');
                       return [p.scrollWidth - p.clientWidth,
                               ...[...p.querySelectorAll('.msg')].map(
                                   m => m.scrollWidth - m.clientWidth)]; }"""
        )
        assert max(overflow) <= 1, (width, overflow)  # no sideways scrolling
        for control in ["textarea", ".send", ".close"]:
            b = page.locator(f"hakuapu-chat {control}").bounding_box()
            assert b["x"] >= 0 and b["x"] + b["width"] <= width + 0.5, (width, control, b)
        ctx.close()
