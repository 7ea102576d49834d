/*
 * The career advisor's chat widget: one script tag, no framework, no build step.
 *
 *   <script src="https://your.server/widget/advisor-widget.js" data-server="https://your.server:5005"
 *           data-title="Career advisor" data-initial-message="/greet" data-open="false"
 *           data-max-chars="2000" defer></script>
 *
 * It loads advisor-widget.css and socket.io.min.js from beside itself and talks to Rasa's socket.io
 * channel. Bot messages are built with DOM nodes and textContent only: no message is parsed as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.AdvisorWidget) return; // embedded twice: the first one wins

  var here = script.src;
  var data = script.dataset;
  var options = {
    server: data.server || window.location.protocol + "//" + window.location.hostname + ":5005",
    title: data.title || "Career advisor",
    initialMessage: data.initialMessage || "/greet",
    open: data.open === "true",
    // The Rasa server's limit (MAX_MESSAGE_CHARS in bot/channels/guard.py): a longer message is refused there.
    maxChars: Number(data.maxChars) > 0 ? Number(data.maxChars) : 2000
  };
  var STORAGE_KEY = "advisor-widget:" + options.server;
  var MAX_KEPT = 200; // messages kept across reloads
  var TYPING_TIMEOUT_MS = 20000;
  // A fast reply would otherwise make the dots flash too briefly to be seen.
  var MIN_TYPING_MS = 600;
  // bot/channels/resilience.py's notice for a slow turn: shown beside the typing dots, never kept in the log.
  var THINKING_TEXT = "Still thinking...";
  var TURN_MARGIN_PX = 8; // space kept above a turn's first message when scrolling to it
  var SAFE_PROTOCOLS = ["http:", "https:", "mailto:"];

  /* ---- state kept across page reloads ---- */

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY));
      if (saved && Array.isArray(saved.messages)) return saved;
    } catch (ignored) { /* storage blocked or corrupt: start afresh */ }
    return { sessionId: null, messages: [], open: options.open };
  }

  function save() {
    state.messages = state.messages.slice(-MAX_KEPT);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (ignored) { /* private mode: the conversation lasts as long as the page */ }
  }

  var state = load();

  /* ---- DOM helpers ---- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function icon(pathData) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", pathData);
    svg.appendChild(path);
    return svg;
  }

  function iconButton(className, label, pathData) {
    var button = el("button", className);
    button.type = "button";
    button.setAttribute("aria-label", label);
    button.title = label;
    button.appendChild(icon(pathData));
    return button;
  }

  function safeHref(url) {
    try {
      var parsed = new URL(url, window.location.href);
      return SAFE_PROTOCOLS.indexOf(parsed.protocol) >= 0 ? parsed.href : null;
    } catch (ignored) {
      return null;
    }
  }

  /* ---- the markdown subset: **bold**, "- " and "1. " lists, [links](https://...) ---- */

  var INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)'])/g;

  function inline(text, parent) {
    var last = 0;
    var match;
    INLINE.lastIndex = 0;
    while ((match = INLINE.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) {
        parent.appendChild(el("strong", null, match[1]));
      } else {
        var href = safeHref(match[3] || match[4]);
        var label = match[2] || match[4];
        if (href) {
          var link = el("a", null, label);
          link.href = href;
          link.target = "_blank";
          link.rel = "noopener noreferrer";
          parent.appendChild(link);
        } else {
          parent.appendChild(document.createTextNode(match[0])); // javascript: and the like stay text
        }
      }
      last = INLINE.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function markdown(text, parent) {
    String(text).split(/\n{2,}/).forEach(function (block) {
      var list = null;
      var paragraph = null;
      block.split("\n").forEach(function (line) {
        var item = /^\s*(?:([-*])|\d+[.)])\s+(.*)$/.exec(line);
        if (item) {
          var kind = item[1] ? "UL" : "OL";
          if (!list || list.tagName !== kind) list = parent.appendChild(el(kind.toLowerCase()));
          var entry = list.appendChild(el("li"));
          entry.dir = "auto"; // each item takes the direction of its own text
          inline(item[2], entry);
          paragraph = null;
        } else if (line.trim()) {
          list = null;
          if (paragraph) paragraph.appendChild(el("br"));
          else {
            paragraph = parent.appendChild(el("p"));
            paragraph.dir = "auto";
          }
          inline(line, paragraph);
        }
      });
    });
  }

  /* ---- the score breakdown: a diverging bar chart, Big Tech left, startup right ---- */

  function signed(value) {
    var shown = Math.round(value * 100) / 100;  /* -0.001 shows as none either way, not "-0.00" */
    return (shown > 0 ? "+" : shown < 0 ? "\u2212" : "\u00b1") + Math.abs(shown).toFixed(2);
  }

  function chart(payload) {
    var bars = (Array.isArray(payload.bars) ? payload.bars : []).map(function (bar) {
      return { label: String(bar.label || bar.key || ""), value: Number(bar.value) || 0 };
    });
    var largest = bars.reduce(function (max, bar) { return Math.max(max, Math.abs(bar.value)); }, 0);
    var figure = el("figure", "aw-chart");
    figure.appendChild(el("figcaption", "aw-chart-title", "How each answer counted"));
    var axis = figure.appendChild(el("div", "aw-chart-axis"));
    axis.setAttribute("aria-hidden", "true");
    axis.appendChild(el("span", null, "\u2190 Big Tech"));
    axis.appendChild(el("span", null, "Startup \u2192"));
    var rows = figure.appendChild(el("ul", "aw-chart-bars"));
    bars.forEach(function (bar) {
      var row = rows.appendChild(el("li", "aw-chart-row"));
      row.appendChild(el("span", "aw-chart-label", bar.label));
      var track = row.appendChild(el("span", "aw-chart-track"));
      track.setAttribute("aria-hidden", "true");
      var fill = track.appendChild(el("span", "aw-chart-fill " +
        (bar.value >= 0 ? "aw-chart-fill--startup" : "aw-chart-fill--bigtech")));
      var share = largest ? Math.abs(bar.value) / largest * 50 : 0;
      fill.style.width = share.toFixed(1) + "%";
      fill.style.left = (bar.value >= 0 ? 50 : 50 - share).toFixed(1) + "%";
      var value = row.appendChild(el("span", "aw-chart-value", signed(bar.value)));
      value.setAttribute("aria-label", (bar.value >= 0 ? "toward startup " : "toward Big Tech ") +
        Math.abs(bar.value).toFixed(2));
    });
    var score = Number(payload.score) || 0;
    figure.appendChild(el("p", "aw-chart-total", "Total " + signed(score) +
      " (\u22121 Big Tech \u2026 +1 startup)"));
    return figure;
  }

  /* ---- the widget's elements ---- */

  var ICON_CHAT = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z";
  var ICON_CLOSE = "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z";
  var ICON_RESTART = "M12 5V1L7 6l5 5V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z";
  var ICON_SEND = "M3 20.5 21 12 3 3.5v6.6L15 12 3 13.9z";

  var root = el("div", "aw-root");
  var launcher = root.appendChild(iconButton("aw-launcher", "Open chat: " + options.title, ICON_CHAT));
  var launcherIcons = { closed: launcher.firstChild, open: icon(ICON_CLOSE) };
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "aw-panel");

  var panel = root.appendChild(el("section", "aw-panel"));
  panel.id = "aw-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "aw-title");
  panel.hidden = true;

  var header = panel.appendChild(el("header", "aw-header"));
  var title = header.appendChild(el("h2", "aw-title", options.title));
  title.id = "aw-title";
  var restartButton = header.appendChild(iconButton("aw-icon", "Restart conversation", ICON_RESTART));
  var closeButton = header.appendChild(iconButton("aw-icon", "Close chat", ICON_CLOSE));

  var banner = panel.appendChild(el("div", "aw-banner"));
  banner.setAttribute("role", "status");
  banner.hidden = true;

  var log = panel.appendChild(el("div", "aw-log"));
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-label", "Conversation");
  log.tabIndex = 0; // scrollable by keyboard

  var typing = panel.appendChild(el("div", "aw-typing"));
  typing.setAttribute("role", "status");
  typing.hidden = true;
  typing.appendChild(el("span", "aw-dots")).setAttribute("aria-hidden", "true");
  var typingLabel = typing.appendChild(el("span", "aw-visually-hidden", options.title + " is typing"));
  var thinkingLabel = typing.appendChild(el("span", "aw-thinking", THINKING_TEXT));
  thinkingLabel.hidden = true;

  // Why a message was not sent (too long, offline): next to the input, read out when it appears.
  var notice = panel.appendChild(el("p", "aw-notice"));
  notice.id = "aw-notice";
  notice.setAttribute("role", "alert");
  notice.hidden = true;

  var form = panel.appendChild(el("form", "aw-composer"));
  var inputLabel = form.appendChild(el("label", "aw-visually-hidden", "Your message"));
  inputLabel.htmlFor = "aw-input";
  var input = form.appendChild(el("input", "aw-input"));
  input.id = "aw-input";
  input.type = "text";
  input.autocomplete = "off";
  // No maxLength: the browser would cut a long paste without a word. A notice says so instead.
  input.placeholder = "Type a message\u2026";
  input.setAttribute("aria-describedby", "aw-notice");
  var sendButton = form.appendChild(iconButton("aw-send", "Send", ICON_SEND));
  sendButton.type = "submit";

  /* ---- rendering the conversation ---- */

  var socket = null;
  var online = false; // reply buttons and sending wait for the server
  var everConnected = false;
  var typingTimer = null;
  var typingShownAt = 0;
  var arrived = []; // bot messages held back while the typing dots have their minimum time
  var arrivedTimer = null;
  var turnStart = null; // the first bot message of the latest turn: scrolled to, never past
  var turnPending = false; // the next bot message starts a turn
  var focusNextAnswers = false; // an answer was given by keyboard: its follow-up takes the focus
  var noticeKind = null;

  function scrollToTurn() {
    var bottom = log.scrollHeight - log.clientHeight;
    var target = bottom;
    // A long turn (the result) is read from its start: the end may be off-screen, the start never.
    if (turnStart && turnStart.parentNode === log) {
      target = Math.min(bottom, turnStart.offsetTop - TURN_MARGIN_PX);
    }
    log.scrollTop = Math.max(0, target);
  }

  // The banner, the typing dots and the notice change the log's height; what sat at the bottom of
  // the log (the answer buttons) must stay in view, not slide under them. A long turn's start that was
  // in view stays in view: the "Connecting…" banner shown after a reload had pushed the result's first
  // message out of the top.
  function keepingBottom(change) {
    var fromBottom = log.scrollHeight - log.scrollTop - log.clientHeight;
    var startShown = turnStart && turnStart.parentNode === log && turnStart.offsetTop >= log.scrollTop;
    change();
    var target = log.scrollHeight - log.clientHeight - fromBottom;
    if (startShown) target = Math.min(target, turnStart.offsetTop - TURN_MARGIN_PX);
    log.scrollTop = Math.max(0, target);
  }

  function clearQuickReplies() {
    Array.prototype.forEach.call(log.querySelectorAll(".aw-replies"), function (node) {
      node.remove();
    });
  }

  function render(message) {
    var row = el("div", "aw-row aw-row--" + (message.from === "user" ? "user" : "bot"));
    if (message.chart) {
      row.appendChild(chart(message.chart));
    } else {
      var bubble = row.appendChild(el("div", "aw-bubble"));
      bubble.dir = "auto";
      if (message.from === "user") {
        bubble.appendChild(el("span", "aw-visually-hidden", "You said: "));
        // Its own element and direction: the hidden English prefix would make the bubble's "auto"
        // left-to-right for a right-to-left message.
        bubble.appendChild(el("p", "aw-text", message.text)).dir = "auto";
      } else {
        markdown(message.text, bubble);
      }
    }
    return log.appendChild(row);
  }

  // The answers go below everything the bot said in the turn (a chart may follow its question).
  function renderReplies(message) {
    var group = log.appendChild(el("div", "aw-replies"));
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested answers");
    message.replies.forEach(function (reply) {
      var button = group.appendChild(el("button", "aw-reply", reply.title));
      button.type = "button";
      button.disabled = !online;
      button.addEventListener("click", function (event) {
        var byKeyboard = event.detail === 0; // Enter or Space, not a pointer
        if (send(reply.payload, reply.title) && byKeyboard) {
          // The button is gone with its group: focus waits in the input, not on <body>.
          focusNextAnswers = true;
          input.focus();
        }
      });
    });
    return group;
  }

  function hasReplies(message) {
    return Boolean(message.replies && message.replies.length);
  }

  function add(message) {
    state.messages.push(message);
    save();
    var row = render(message);
    if (message.from === "user") {
      turnStart = null;
    } else if (turnPending) {
      turnStart = row;
      turnPending = false;
    }
    if (hasReplies(message)) {
      clearQuickReplies(); // only the latest question's answers stay offered
      var group = renderReplies(message);
      if (focusNextAnswers && document.activeElement === input && !input.value) {
        group.firstChild.focus();
      }
      focusNextAnswers = false;
    } else {
      var offered = log.querySelector(".aw-replies");
      if (offered) log.appendChild(offered);
    }
    scrollToTurn();
  }

  function renderAll() {
    log.textContent = "";
    // The answers offered are the last question's, unless the user has spoken since; the turn to
    // scroll to starts at the first bot message after the user's last one.
    var offered = -1;
    var lastUser = -1;
    state.messages.forEach(function (message, index) {
      if (message.from === "user") {
        offered = -1;
        lastUser = index;
      } else if (hasReplies(message)) {
        offered = index;
      }
    });
    turnStart = null;
    state.messages.forEach(function (message, index) {
      var row = render(message);
      if (index > lastUser && !turnStart && message.from !== "user") turnStart = row;
    });
    if (offered >= 0) renderReplies(state.messages[offered]);
    scrollToTurn();
  }

  function showNotice(kind, text) {
    keepingBottom(function () {
      noticeKind = kind;
      notice.textContent = text;
      notice.hidden = false;
    });
  }

  function hideNotice(kind) {
    if (notice.hidden || (kind && noticeKind !== kind)) return;
    keepingBottom(function () {
      noticeKind = null;
      notice.hidden = true;
      notice.textContent = "";
    });
    input.removeAttribute("aria-invalid");
  }

  function tooLong() {
    var length = input.value.length;
    if (length <= options.maxChars) {
      hideNotice("length");
      return false;
    }
    input.setAttribute("aria-invalid", "true");
    showNotice("length", "Your message is " + length + " characters long; the advisor reads at most " +
      options.maxChars + ". Please shorten it by " + (length - options.maxChars) + " to send it.");
    return true;
  }

  /* ---- connection ---- */

  function setTyping(on, thinking) {
    window.clearTimeout(typingTimer);
    if (on && typing.hidden) {
      typingShownAt = performance.now();
      typing.dataset.shownAt = String(typingShownAt);  // when the dots appeared, for the tests
    }
    keepingBottom(function () {
      typing.hidden = !on;
      thinkingLabel.hidden = !(on && thinking);
      typingLabel.hidden = Boolean(on && thinking);
    });
    if (on) typingTimer = window.setTimeout(setTyping, TYPING_TIMEOUT_MS, false);
  }

  function setOnline(on) {
    online = on;
    keepingBottom(function () {
      banner.hidden = on;
      banner.textContent = on ? "" : everConnected ? "Reconnecting\u2026" : "Connecting\u2026";
    });
    // Not disabled: Enter in the input would then do nothing at all. The submit handler says why.
    sendButton.setAttribute("aria-disabled", String(!on));
    Array.prototype.forEach.call(log.querySelectorAll(".aw-reply"), function (button) {
      button.disabled = !on;
    });
    if (on) hideNotice("offline");
    else setTyping(false);
  }

  function send(payload, shownAs) {
    if (!online || !payload) return false;
    clearQuickReplies();
    if (shownAs) add({ from: "user", text: shownAs });
    socket.emit("user_uttered", { message: payload, session_id: state.sessionId });
    turnPending = true;
    setTyping(true);
    return true;
  }

  function show(message) {
    if (message.type === "score_breakdown") {
      add({ from: "bot", chart: message });
    } else if (typeof message.text === "string" && message.text.trim()) {
      var replies = (message.quick_replies || message.buttons || []).filter(function (reply) {
        return reply && typeof reply.title === "string" && typeof reply.payload === "string";
      }).map(function (reply) { return { title: reply.title, payload: reply.payload }; });
      add({ from: "bot", text: message.text, replies: replies });
    }
  }

  function showArrived() {
    arrivedTimer = null;
    setTyping(false);
    arrived.splice(0).forEach(show);
  }

  function onBotMessage(message) {
    if (!message || typeof message !== "object") return;
    if (message.text === THINKING_TEXT && !(message.buttons || message.quick_replies)) {
      setTyping(true, true);
      return;
    }
    arrived.push(message);
    var wait = typing.hidden ? 0 : typingShownAt + MIN_TYPING_MS - performance.now();
    if (wait <= 0) showArrived();
    else if (!arrivedTimer) arrivedTimer = window.setTimeout(showArrived, wait);
  }

  function connect() {
    if (socket) return;
    setOnline(false);
    socket = window.io(options.server, { reconnectionDelayMax: 3000 });
    socket.on("connect", function () {
      // A new socket (first connection or after the server came back) joins the session's room.
      socket.emit("session_request", { session_id: state.sessionId });
    });
    socket.on("session_confirm", function (sessionId) {
      var fresh = !state.sessionId || state.messages.length === 0;
      state.sessionId = typeof sessionId === "string" ? sessionId : sessionId.session_id;
      save();
      everConnected = true;
      setOnline(true);
      if (fresh) send(options.initialMessage);
    });
    socket.on("disconnect", function () { setOnline(false); });
    socket.on("connect_error", function () { setOnline(false); });
    socket.on("bot_uttered", onBotMessage);
  }

  var socketIoTag = null;

  function loadSocketIo(then) {
    if (window.io) return then();
    if (socketIoTag) return; // still loading: its onload connects
    var tag = socketIoTag = document.createElement("script");
    tag.src = new URL("socket.io.min.js", here).href;
    tag.onload = then;
    tag.onerror = function () {
      banner.hidden = false;
      banner.textContent = "The chat could not load. Please try again later.";
    };
    document.head.appendChild(tag);
  }

  /* ---- open, close, restart ---- */

  // On a phone the open chat covers the page: the page behind it leaves the Tab order and the
  // accessibility tree (inert) until the chat closes. On a wide screen the page stays usable.
  var fullScreen = window.matchMedia("(max-width: 480px)");
  var madeInert = [];

  function updateModal() {
    var modal = !panel.hidden && fullScreen.matches;
    panel.setAttribute("aria-modal", String(modal));
    if (modal) {
      Array.prototype.forEach.call(document.body.children, function (node) {
        if (node !== root && !node.inert) {
          node.inert = true;
          madeInert.push(node);
        }
      });
    } else {
      madeInert.splice(0).forEach(function (node) { node.inert = false; });
    }
  }

  if (fullScreen.addEventListener) fullScreen.addEventListener("change", updateModal);

  function setOpen(open, focus) {
    state.open = open;
    save();
    panel.hidden = !open;
    root.classList.toggle("aw-open", open);
    launcher.setAttribute("aria-expanded", String(open));
    var label = (open ? "Close chat: " : "Open chat: ") + options.title;
    launcher.setAttribute("aria-label", label);
    launcher.title = label;
    launcher.replaceChild(open ? launcherIcons.open : launcherIcons.closed, launcher.firstChild);
    updateModal();
    if (open) {
      loadSocketIo(connect);
      scrollToTurn();
      if (focus) input.focus();
    } else if (focus) {
      launcher.focus();
    }
  }

  function restart() {
    state.sessionId = null;
    state.messages = [];
    save();
    arrived = [];
    renderAll();
    if (socket && online) socket.emit("session_request", { session_id: null });
    input.focus();
  }

  launcher.addEventListener("click", function () { setOpen(panel.hidden, true); });
  closeButton.addEventListener("click", function () { setOpen(false, true); });
  restartButton.addEventListener("click", restart);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") setOpen(false, true);
  });
  input.addEventListener("input", tooLong); // a paste over the limit is named at once
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    focusNextAnswers = false;
    var text = input.value.trim();
    if (!text || tooLong()) return;
    if (!online) {
      showNotice("offline", "Not connected: your message stays here. Send it again when the chat " +
        "is back.");
      return;
    }
    if (send(text, text)) input.value = "";
  });

  // The widget appears once its stylesheet has loaded: unstyled, the log is no scroll container and
  // a reload's scroll position would be lost (and the page would flash unstyled buttons).
  var stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = new URL("advisor-widget.css", here).href;
  var styled = new Promise(function (resolve) {
    stylesheet.onload = stylesheet.onerror = resolve;
  });
  document.head.appendChild(stylesheet);

  function mount() {
    document.body.appendChild(root);
    renderAll();
    setOpen(state.open, false);
  }

  var domReady = new Promise(function (resolve) {
    if (document.body) resolve();
    else document.addEventListener("DOMContentLoaded", resolve);
  });
  Promise.all([styled, domReady]).then(mount);

  window.AdvisorWidget = {
    open: function () { setOpen(true, true); },
    close: function () { setOpen(false, false); },
    restart: restart
  };
})();
