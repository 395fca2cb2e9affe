/*
 * Hakuapu chat widget. One tag on any page:
 *
 *   <script src="https://HOST/widget.js" data-lang="fi" data-call="okm-kevat-2025" async></script>
 *
 * data-lang: fi | sv | en (default: the page's <html lang>, else fi)
 * data-call: answer from this call's documents only (ids: GET /api/calls)
 * data-api:  API base URL (default: where this script was loaded from)
 *
 * The panel lives in a Shadow DOM (<hakuapu-chat>), so page styles don't leak in or out.
 * Every text that comes from an answer or a document is set with textContent, never as HTML.
 * No build step, no dependencies.
 */
(function () {
  "use strict";

  var TAG = "hakuapu-chat";
  if (window.customElements && window.customElements.get(TAG)) {
    return; // included twice
  }

  var TEXTS = {
    fi: {
      launcher: "Kysy hauista",
      title: "Hakuapu – kysy rahoitushauista",
      intro:
        "Vastaan ESR+-rahoitushakuja koskeviin kysymyksiin hakuasiakirjojen perusteella ja " +
        "kerron lähteet. Tarkista tärkeät tiedot lähteestä.",
      question: "Kysymyksesi",
      hint: "Enter lähettää, Shift + Enter vaihtaa riviä.",
      send: "Lähetä",
      close: "Sulje",
      newConversation: "Uusi keskustelu",
      newStarted: "Uusi keskustelu aloitettu.",
      conversation: "Keskustelu",
      you: "Sinä",
      bot: "Hakuapu",
      thinking: "Haetaan vastausta…",
      sources: "Lähteet",
      page: "s.",
      newWindow: "(avautuu uuteen välilehteen)",
      helpful: "Oliko vastauksesta apua?",
      up: "Kyllä, vastauksesta oli apua",
      down: "Ei, vastauksesta ei ollut apua",
      thanks: "Kiitos palautteesta!",
      feedbackFailed: "Palautteen lähetys epäonnistui.",
      answerFrom: "Vastaus:",
      error: "Vastausta ei saatu. Yritä hetken kuluttua uudelleen.",
      network: "Yhteys palveluun ei toiminut. Tarkista verkkoyhteys ja yritä uudelleen.",
      invalid: "Kysymystä ei voitu käsitellä. Tarkista, ettei se ole tyhjä tai liian pitkä.",
      tooMany: "Liian monta kysymystä lyhyessä ajassa. Yritä uudelleen {s} sekunnin kuluttua.",
    },
    sv: {
      launcher: "Fråga om utlysningarna",
      title: "Hakuapu – fråga om finansieringsutlysningarna",
      intro:
        "Jag svarar på frågor om ESF+-utlysningarna utifrån utlysningsdokumenten och anger " +
        "källorna. Kontrollera viktiga uppgifter i källan.",
      question: "Din fråga",
      hint: "Enter skickar, Shift + Enter ger ny rad.",
      send: "Skicka",
      close: "Stäng",
      newConversation: "Ny konversation",
      newStarted: "En ny konversation har börjat.",
      conversation: "Konversation",
      you: "Du",
      bot: "Hakuapu",
      thinking: "Söker svar…",
      sources: "Källor",
      page: "s.",
      newWindow: "(öppnas i en ny flik)",
      helpful: "Var svaret till hjälp?",
      up: "Ja, svaret hjälpte",
      down: "Nej, svaret hjälpte inte",
      thanks: "Tack för responsen!",
      feedbackFailed: "Responsen kunde inte skickas.",
      answerFrom: "Svar:",
      error: "Inget svar kom. Försök igen om en stund.",
      network: "Ingen kontakt med tjänsten. Kontrollera nätverket och försök igen.",
      invalid: "Frågan kunde inte behandlas. Kontrollera att den inte är tom eller för lång.",
      tooMany: "För många frågor på kort tid. Försök igen om {s} sekunder.",
    },
    en: {
      launcher: "Ask about the calls",
      title: "Hakuapu – ask about funding calls",
      intro:
        "I answer questions about the ESF+ funding calls from the call documents and show " +
        "the sources. Please check important details in the source.",
      question: "Your question",
      hint: "Enter sends, Shift + Enter starts a new line.",
      send: "Send",
      close: "Close",
      newConversation: "New conversation",
      newStarted: "A new conversation has started.",
      conversation: "Conversation",
      you: "You",
      bot: "Hakuapu",
      thinking: "Looking for an answer…",
      sources: "Sources",
      page: "p.",
      newWindow: "(opens in a new tab)",
      helpful: "Was this answer helpful?",
      up: "Yes, the answer helped",
      down: "No, the answer did not help",
      thanks: "Thank you for the feedback!",
      feedbackFailed: "The feedback could not be sent.",
      answerFrom: "Answer:",
      error: "No answer came. Please try again in a moment.",
      network: "Could not reach the service. Check your connection and try again.",
      invalid: "The question could not be handled. Check that it is not empty or too long.",
      tooMany: "Too many questions in a short time. Please try again in {s} seconds.",
    },
  };

  // Material Design icons (Apache 2.0), 24 x 24.
  var ICONS = {
    chat: "M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z",
    close:
      "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 " +
      "19 17.59 13.41 12z",
    up:
      "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 " +
      "1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09" +
      "-.23.14-.47.14-.73v-2z",
    down:
      "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-" +
      ".95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2" +
      "-2-2zm4 0v12h4V3h-4z",
    send: "M2.01 21 23 12 2.01 3 2 10l15 2-15 2z",
  };

  var CSS = [
    ":host{all:initial;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;",
    "font-size:16px;line-height:1.5;color:#1b1b1b}",
    "*,*::before,*::after{box-sizing:border-box}",
    "[hidden]{display:none!important}",
    ".sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;",
    "clip:rect(0 0 0 0);white-space:nowrap;border:0}",
    "button,textarea{font:inherit;color:inherit}",
    "svg{width:1.25em;height:1.25em;fill:currentColor;flex:none}",
    ":focus-visible{outline:3px solid #ffbf47;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}",
    ".launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;display:flex;",
    "align-items:center;gap:.5em;min-height:48px;padding:.6em 1.1em;border:2px solid #fff;",
    "border-radius:24px;background:#0a4d8c;color:#fff;font-weight:600;cursor:pointer;",
    "box-shadow:0 2px 8px rgba(0,0,0,.35)}",
    ".launcher:hover{background:#073a6a}",
    ".panel{position:fixed;right:16px;bottom:16px;z-index:2147483001;display:flex;",
    "flex-direction:column;width:min(420px,calc(100vw - 32px));",
    "height:min(640px,calc(100vh - 32px));background:#fff;border:1px solid #6b6b6b;",
    "border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.35);overflow:hidden}",
    "@media (max-width:480px),(max-height:520px){.panel{inset:0;width:auto;height:auto;",
    "border-radius:0;border:0}}",
    ".head{display:flex;align-items:center;gap:.5em;padding:.5em .5em .5em 1em;",
    "background:#0a4d8c;color:#fff}",
    ".head h2{flex:1;margin:0;font-size:1.05em;line-height:1.3}",
    ".head button{display:flex;align-items:center;gap:.3em;min-height:44px;min-width:44px;",
    "justify-content:center;padding:.3em .6em;border:1px solid #fff;border-radius:4px;",
    "background:transparent;color:#fff;cursor:pointer}",
    ".head button:hover{background:#073a6a}",
    ".body{flex:1;overflow-y:auto;padding:.75em 1em}",
    ".intro{margin:0 0 .75em;color:#444;font-size:.9em}",
    ".messages{list-style:none;margin:0;padding:0}",
    ".msg{margin:0 0 .9em;padding:.6em .8em;border-radius:8px;overflow-wrap:anywhere}",
    ".msg.user{background:#e8f0f8;margin-left:2em}",
    ".msg.bot{background:#f3f3f3;margin-right:1em}",
    ".msg.error{background:#fdecea;color:#8a0010}",
    ".who{display:block;font-size:.8em;font-weight:700;color:#444}",
    ".text{margin:.2em 0 0;white-space:pre-wrap}",
    ".sources h3{margin:.6em 0 .2em;font-size:.9em}",
    ".sources ol{margin:0;padding-left:0;list-style:none;font-size:.9em}",
    ".sources li{margin:.2em 0}",
    "a{color:#0a4d8c;text-decoration:underline}",
    "a:hover{color:#073a6a}",
    ".feedback{display:flex;flex-wrap:wrap;align-items:center;gap:.4em;margin-top:.5em;",
    "font-size:.9em}",
    ".feedback button{display:flex;align-items:center;justify-content:center;min-width:44px;",
    "min-height:44px;border:1px solid #6b6b6b;border-radius:4px;background:#fff;color:#1b1b1b;",
    "cursor:pointer}",
    ".feedback button[aria-pressed=true]{background:#0a4d8c;border-color:#0a4d8c;color:#fff}",
    ".feedback button[aria-disabled=true]{cursor:default}",
    ".form{border-top:1px solid #6b6b6b;padding:.6em 1em .8em}",
    ".form label{display:block;font-weight:600;margin-bottom:.2em}",
    ".row{display:flex;gap:.5em;align-items:flex-end}",
    "textarea{flex:1;min-width:0;min-height:48px;max-height:30vh;resize:vertical;",
    "padding:.5em;border:2px solid #6b6b6b;border-radius:4px;background:#fff}",
    ".send{display:flex;align-items:center;gap:.3em;min-height:48px;padding:.5em .9em;",
    "border:0;border-radius:4px;background:#0a4d8c;color:#fff;font-weight:600;cursor:pointer}",
    ".send:hover{background:#073a6a}",
    ".send[aria-disabled=true]{background:#5a6e80;cursor:default}",
    ".hint{margin:.3em 0 0;font-size:.8em;color:#444}",
  ].join("");

  function pickLang(value) {
    var lang = String(value || "").toLowerCase().slice(0, 2);
    return TEXTS[lang] ? lang : null;
  }

  function icon(name) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  // el("p", {class: "x"}, "text", child...): strings become text nodes, never markup.
  function el(tag, attrs) {
    var node = document.createElement(tag);
    var key;
    for (key in attrs || {}) {
      if (Object.prototype.hasOwnProperty.call(attrs, key) && attrs[key] != null) {
        node.setAttribute(key, attrs[key]);
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child == null) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // Server-sent events from a fetch() body (EventSource can't POST).
  function parseEvent(block) {
    var event = "message";
    var data = [];
    var lines = block.split(/\r?\n/);
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (!line || line.charAt(0) === ":") continue; // comments are keep-alives
      var colon = line.indexOf(":");
      var field = colon < 0 ? line : line.slice(0, colon);
      var value = colon < 0 ? "" : line.slice(colon + 1);
      if (value.charAt(0) === " ") value = value.slice(1);
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (!data.length) return null;
    try {
      return { event: event, data: JSON.parse(data.join("\n")) };
    } catch (err) {
      return null;
    }
  }

  async function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      var match;
      while ((match = /\r?\n\r?\n/.exec(buffer))) {
        var parsed = parseEvent(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
        if (parsed) onEvent(parsed);
      }
    }
  }

  var uid = 0;

  class HakuapuChat extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      this.api = this.getAttribute("api") || new URL("./", location.href).href;
      if (!/\/$/.test(this.api)) this.api += "/";
      this.callId = this.getAttribute("call") || null;
      this.lang =
        pickLang(this.getAttribute("lang")) ||
        pickLang(document.documentElement.getAttribute("lang")) ||
        "fi";
      this.t = TEXTS[this.lang];
      this.storageKey = "hakuapu:" + this.api + ":" + (this.callId || "");
      this.state = this.load();
      this.busy = false;
      this.build();
      this.restore();
    }

    // ---- state kept for the page session -------------------------------------------------
    load() {
      try {
        var raw = window.sessionStorage.getItem(this.storageKey);
        var state = raw ? JSON.parse(raw) : null;
        if (state && Array.isArray(state.turns)) return state;
      } catch (err) {
        /* storage may be disabled */
      }
      return { conversationId: null, turns: [] };
    }

    save() {
      try {
        this.state.turns = this.state.turns.slice(-20);
        window.sessionStorage.setItem(this.storageKey, JSON.stringify(this.state));
      } catch (err) {
        /* storage may be full or disabled */
      }
    }

    // ---- DOM -----------------------------------------------------------------------------
    build() {
      var t = this.t;
      var id = "hk" + ++uid;
      var root = this.attachShadow({ mode: "open" });
      if ("adoptedStyleSheets" in root && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      } else {
        root.appendChild(el("style", null, CSS));
      }

      this.launcher = el(
        "button",
        {
          type: "button",
          class: "launcher",
          "aria-haspopup": "dialog",
          "aria-expanded": "false",
          "aria-controls": id + "-panel",
        },
        icon("chat"),
        el("span", null, t.launcher)
      );

      this.newButton = el("button", { type: "button", class: "new" }, t.newConversation);
      this.closeButton = el(
        "button",
        { type: "button", class: "close", "aria-label": t.close },
        icon("close")
      );
      this.messages = el("ol", { class: "messages" });
      // Focusable, so keyboard users can scroll a long conversation with the arrow keys.
      this.body = el(
        "div",
        { class: "body", role: "region", "aria-label": t.conversation, tabindex: "0" },
        el("p", { class: "intro", id: id + "-intro" }, t.intro),
        this.messages
      );
      this.input = el("textarea", {
        id: id + "-q",
        rows: "2",
        maxlength: "2000",
        autocomplete: "off",
        "aria-describedby": id + "-hint",
      });
      this.sendButton = el(
        "button",
        { type: "submit", class: "send", "aria-disabled": "false" },
        icon("send"),
        el("span", null, t.send)
      );
      this.form = el(
        "form",
        { class: "form", novalidate: "" },
        el("label", { for: id + "-q" }, t.question),
        el("div", { class: "row" }, this.input, this.sendButton),
        el("p", { class: "hint", id: id + "-hint" }, t.hint)
      );
      this.live = el("div", { class: "sr", "aria-live": "polite", "aria-atomic": "true" });
      this.panel = el(
        "div",
        {
          class: "panel",
          id: id + "-panel",
          role: "dialog",
          "aria-modal": "true",
          "aria-labelledby": id + "-title",
          "aria-describedby": id + "-intro",
          lang: this.lang,
          hidden: "",
        },
        el(
          "div",
          { class: "head" },
          el("h2", { id: id + "-title" }, t.title),
          this.newButton,
          this.closeButton
        ),
        this.body,
        this.form,
        this.live
      );
      root.appendChild(this.launcher);
      root.appendChild(this.panel);

      var self = this;
      this.launcher.addEventListener("click", function () {
        self.open();
      });
      this.closeButton.addEventListener("click", function () {
        self.close();
      });
      this.newButton.addEventListener("click", function () {
        self.reset();
      });
      this.form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        self.ask();
      });
      this.input.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
          ev.preventDefault();
          self.ask();
        }
      });
      this.panel.addEventListener("keydown", function (ev) {
        self.onKey(ev);
      });
    }

    open() {
      this.panel.hidden = false;
      this.launcher.hidden = true;
      this.launcher.setAttribute("aria-expanded", "true");
      this.input.focus();
      this.scrollDown();
    }

    close() {
      this.panel.hidden = true;
      this.launcher.hidden = false;
      this.launcher.setAttribute("aria-expanded", "false");
      this.launcher.focus();
    }

    focusables() {
      var list = this.panel.querySelectorAll(
        "button, textarea, a[href], input, select, [tabindex]:not([tabindex='-1'])"
      );
      return Array.prototype.filter.call(list, function (node) {
        return !node.disabled && node.getClientRects().length > 0;
      });
    }

    // Focus stays in the open panel (Tab and Shift+Tab wrap around); Escape closes it.
    onKey(ev) {
      if (ev.key === "Escape") {
        ev.preventDefault();
        this.close();
        return;
      }
      if (ev.key !== "Tab") return;
      var items = this.focusables();
      if (!items.length) return;
      var first = items[0];
      var last = items[items.length - 1];
      var active = this.shadowRoot.activeElement;
      if (ev.shiftKey && (active === first || !this.panel.contains(active))) {
        ev.preventDefault();
        last.focus();
      } else if (!ev.shiftKey && (active === last || !this.panel.contains(active))) {
        ev.preventDefault();
        first.focus();
      }
    }

    scrollDown() {
      this.body.scrollTop = this.body.scrollHeight;
    }

    announce(text) {
      // Cleared first so the same text twice is still read out.
      this.live.textContent = "";
      var live = this.live;
      window.setTimeout(function () {
        live.textContent = text;
      }, 50);
    }

    reset() {
      this.state = { conversationId: null, turns: [] };
      this.save();
      this.messages.textContent = "";
      this.announce(this.t.newStarted);
      this.input.value = "";
      this.input.focus();
    }

    restore() {
      for (var i = 0; i < this.state.turns.length; i++) {
        var turn = this.state.turns[i];
        this.addUser(turn.question);
        var view = this.addBot();
        this.finish(view, turn.answer);
        if (turn.vote) this.markVoted(view, turn.vote);
      }
    }

    addUser(text) {
      var item = el(
        "li",
        { class: "msg user" },
        el("span", { class: "who" }, this.t.you),
        el("p", { class: "text" }, text)
      );
      this.messages.appendChild(item);
      return item;
    }

    addBot() {
      var text = el("p", { class: "text answer-text", "aria-busy": "true" });
      var item = el(
        "li",
        { class: "msg bot", "data-state": "streaming" },
        el("span", { class: "who" }, this.t.bot),
        text
      );
      this.messages.appendChild(item);
      return { item: item, text: text, answer: null };
    }

    addError(message) {
      this.messages.appendChild(
        el(
          "li",
          { class: "msg error" },
          el("span", { class: "who" }, this.t.bot),
          el("p", { class: "text" }, message)
        )
      );
      this.announce(message);
      this.scrollDown();
    }

    safeUrl(url) {
      try {
        var u = new URL(url, this.api);
        return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
      } catch (err) {
        return null;
      }
    }

    renderSources(view, citations) {
      if (!citations || !citations.length || view.item.querySelector(".sources")) return;
      var t = this.t;
      var headingId = "hk" + ++uid + "-src";
      var list = el("ol", { "aria-labelledby": headingId });
      for (var i = 0; i < citations.length; i++) {
        var c = citations[i];
        var label = "[" + (i + 1) + "] " + c.title + ", " + t.page + " " + c.page;
        var href = this.safeUrl(c.url);
        var entry = href
          ? el(
              "a",
              { href: href, target: "_blank", rel: "noopener noreferrer", title: c.quote },
              label,
              el("span", { class: "sr" }, " " + t.newWindow)
            )
          : el("span", null, label);
        list.appendChild(el("li", null, entry));
      }
      view.item.appendChild(
        el("div", { class: "sources" }, el("h3", { id: headingId }, t.sources), list)
      );
    }

    renderFeedback(view) {
      var t = this.t;
      var self = this;
      var status = el("span", { class: "thanks", role: "status" });
      var up = el(
        "button",
        { type: "button", class: "vote up", "aria-pressed": "false", "aria-label": t.up },
        icon("up")
      );
      var down = el(
        "button",
        { type: "button", class: "vote down", "aria-pressed": "false", "aria-label": t.down },
        icon("down")
      );
      up.addEventListener("click", function () {
        self.vote(view, 1);
      });
      down.addEventListener("click", function () {
        self.vote(view, -1);
      });
      view.feedback = { up: up, down: down, status: status };
      view.item.appendChild(
        el(
          "div",
          { class: "feedback", role: "group", "aria-label": t.helpful },
          el("span", { "aria-hidden": "true" }, t.helpful),
          up,
          down,
          status
        )
      );
    }

    finish(view, answer) {
      view.answer = answer;
      view.text.textContent = answer.answer;
      view.text.setAttribute("aria-busy", "false");
      view.item.setAttribute("data-state", "done");
      view.item.setAttribute("data-answer-id", answer.id);
      this.renderSources(view, answer.citations);
      this.renderFeedback(view);
    }

    markVoted(view, vote) {
      var fb = view.feedback;
      fb.up.setAttribute("aria-pressed", String(vote > 0));
      fb.down.setAttribute("aria-pressed", String(vote < 0));
      fb.up.setAttribute("aria-disabled", "true");
      fb.down.setAttribute("aria-disabled", "true");
      fb.status.textContent = this.t.thanks;
    }

    async vote(view, vote) {
      if (!view.answer || view.voted) return;
      view.voted = true;
      try {
        var response = await fetch(this.api + "api/feedback", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ answer_id: view.answer.id, vote: vote }),
        });
        if (!response.ok) throw new Error("HTTP " + response.status);
      } catch (err) {
        view.voted = false;
        view.feedback.status.textContent = this.t.feedbackFailed;
        return;
      }
      this.markVoted(view, vote);
      for (var i = 0; i < this.state.turns.length; i++) {
        if (this.state.turns[i].answer.id === view.answer.id) this.state.turns[i].vote = vote;
      }
      this.save();
    }

    async errorMessage(response) {
      var t = this.t;
      if (response.status === 429) {
        var wait = parseInt(response.headers.get("Retry-After") || "", 10);
        return t.tooMany.replace("{s}", String(isFinite(wait) && wait > 0 ? wait : 60));
      }
      if (response.status === 422 || response.status === 413) return t.invalid;
      return t.error;
    }

    async ask() {
      var question = this.input.value.trim();
      if (!question || this.busy) return;
      this.busy = true;
      this.sendButton.setAttribute("aria-disabled", "true");
      this.input.value = "";
      this.addUser(question);
      var view = this.addBot();
      view.text.textContent = this.t.thinking;
      this.announce(this.t.thinking);
      this.scrollDown();
      var self = this;
      var started = false;
      var body = { question: question };
      if (this.state.conversationId) body.conversation_id = this.state.conversationId;
      if (this.callId) body.call_id = this.callId;
      try {
        var response = await fetch(this.api + "api/ask/stream", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
          body: JSON.stringify(body),
        });
        if (!response.ok || !response.body) {
          view.item.remove();
          this.addError(await this.errorMessage(response));
          return;
        }
        var failed = false;
        await readEvents(response, function (ev) {
          var data = ev.data;
          if (ev.event === "meta") {
            if (data.conversation_id) self.state.conversationId = data.conversation_id;
            view.item.setAttribute("data-answer-id", data.id);
          } else if (ev.event === "delta") {
            if (!started) {
              view.text.textContent = "";
              started = true;
            }
            view.text.appendChild(document.createTextNode(data.text));
            self.scrollDown();
          } else if (ev.event === "reset") {
            // A generated sentence failed the check: what was shown is taken back.
            view.text.textContent = "";
            started = false;
          } else if (ev.event === "citations") {
            self.renderSources(view, data.citations);
          } else if (ev.event === "done") {
            var answer = data.answer;
            self.finish(view, answer);
            self.state.turns.push({ question: question, answer: answer, vote: 0 });
            self.save();
            var count = answer.citations ? answer.citations.length : 0;
            self.announce(
              self.t.answerFrom + " " + answer.answer + (count ? " (" + self.t.sources + ": " + count + ")" : "")
            );
          } else if (ev.event === "error") {
            failed = true;
          }
        });
        if (failed || !view.answer) {
          view.item.remove();
          this.addError(this.t.error);
        }
      } catch (err) {
        if (!view.answer) {
          view.item.remove();
          this.addError(this.t.network);
        }
      } finally {
        this.busy = false;
        this.sendButton.setAttribute("aria-disabled", "false");
        this.scrollDown();
      }
    }
  }

  window.customElements.define(TAG, HakuapuChat);

  // The tag that loaded this script tells where the API is and how to behave.
  var script =
    document.currentScript ||
    document.querySelector("script[src*='widget.js'][data-lang], script[src*='widget.js']");
  function mount() {
    if (document.querySelector(TAG)) return;
    var chat = document.createElement(TAG);
    var src = script && script.src ? script.src : location.href;
    chat.setAttribute("api", (script && script.getAttribute("data-api")) || new URL("./", src).href);
    if (script && script.getAttribute("data-lang")) chat.setAttribute("lang", script.getAttribute("data-lang"));
    if (script && script.getAttribute("data-call")) chat.setAttribute("call", script.getAttribute("data-call"));
    document.body.appendChild(chat);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
