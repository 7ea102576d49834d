"""The web widget in a real headless Chromium, embedded in the demo job board, against the real servers.

Screenshots of each state (closed, open, a question, after a reload, the result, a message too long,
reconnecting), at desktop and phone sizes, go to tests/artifacts/<state>-<size>.png.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from actions.knowledge import default
from bot.channels import guard, resilience, web_server
from bot.runtime import launch
from tests.servers import listening
from tests.web_server import ARTIFACTS, launch_chromium, running_launcher, running_site

TIMEOUT_MS = 30_000
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
k = default()
AGREE = {point: entry["title"] for point, entry in k.agreement["scale"].items()}
NEW_GRAD = k.stage["values"]["new_grad"]["title"]

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="module")
def site():
    with running_site() as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(viewport=DESKTOP) -> Page:
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.dialogs = []  # any alert() a message managed to run
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        return page

    yield make
    for context in contexts:
        context.close()


def launcher(page: Page):
    return page.get_by_role("button", name="Open chat: Career advisor")


def size(page: Page) -> str:
    return "phone" if page.viewport_size["width"] <= 480 else "desktop"


def snap(page: Page, state: str) -> None:
    page.mouse.move(0, 0)  # no hover left on the last button clicked
    page.screenshot(path=ARTIFACTS / f"{state}-{size(page)}.png")


# Where an element sits in the conversation's scrolled view.
PLACE_IN_LOG = """element => {
    const log = document.querySelector(".aw-log").getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return {whole: box.top >= log.top - 1 && box.bottom <= log.bottom + 1,
            topShown: box.top >= log.top - 1 && box.top <= log.bottom - 24};
}"""


def place(locator) -> dict:
    return locator.evaluate(PLACE_IN_LOG)


def overflowing(page: Page) -> bool:
    return page.evaluate("""() => { const log = document.querySelector(".aw-log");
                                    return log.scrollHeight > log.clientHeight + 40; }""")


def answers(page: Page):
    return page.get_by_role("group", name="Suggested answers")


# The latest turn's first bot message: the first bot row after the user's last one.
TURN_START = """() => {
    const rows = [...document.querySelectorAll(".aw-log .aw-row")];
    const lastUser = rows.map(r => r.classList.contains("aw-row--user")).lastIndexOf(true);
    return rows.slice(lastUser + 1).find(r => r.classList.contains("aw-row--bot")) || null;
}"""


def turn_start(page: Page):
    return page.evaluate_handle(TURN_START).as_element()


def panel(page: Page):
    return page.get_by_role("dialog", name="Career advisor")


def log(page: Page):
    return page.get_by_role("log", name="Conversation")


def reply_button(page: Page, title: str):
    return page.get_by_role("group", name="Suggested answers").get_by_role("button", name=title, exact=True)


def bot_says(page: Page, text: str):
    """Waits for a bot message containing text (literally)."""
    expect(log(page).locator(".aw-row--bot", has_text=text).last).to_be_visible()


def open_widget(page: Page, site) -> None:
    page.goto(site.page_url)
    launcher(page).click()
    expect(panel(page)).to_be_visible()
    expect(reply_button(page, "Take the 2-minute assessment")).to_be_enabled()  # the greeting


def start_assessment(page: Page, site) -> None:
    """Opens the widget and starts the assessment; the first question is on screen."""
    open_widget(page, site)
    reply_button(page, "Take the 2-minute assessment").click()
    bot_says(page, "(1/11)")


def session_id(page: Page) -> str:
    return page.evaluate("""() => {
        const key = Object.keys(localStorage).find(k => k.startsWith("advisor-widget:"));
        return JSON.parse(localStorage.getItem(key)).sessionId;
    }""")


def type_message(page: Page, text: str) -> None:
    page.get_by_role("textbox", name="Your message").fill(text)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_whole_assessment_by_buttons_ends_in_a_score_chart(site, new_page, viewport):
    page = new_page(viewport)
    page.goto(site.page_url)
    expect(launcher(page)).to_be_visible()
    snap(page, "closed")
    launcher(page).click()
    expect(reply_button(page, "Take the 2-minute assessment")).to_be_enabled()
    snap(page, "open")

    reply_button(page, "Take the 2-minute assessment").click()
    bot_says(page, "(1/11)")
    reply_button(page, NEW_GRAD).click()
    points = [5, 4, 2, 5, 1, 3, 2, 4]
    for number, point in enumerate(points[:4], start=2):
        bot_says(page, f"({number}/11)")
        reply_button(page, AGREE[point]).click()
    bot_says(page, "(6/11)")
    expect(reply_button(page, AGREE[1])).to_be_enabled()
    snap(page, "question")

    # A reload shows the current question and its answers, not the top of the conversation.
    assert overflowing(page)
    page.reload()
    expect(reply_button(page, AGREE[1])).to_be_visible()
    assert place(answers(page))["whole"] and place(log(page).locator(".aw-row--bot").last)["whole"]
    snap(page, "reloaded")

    for number, point in enumerate(points[4:], start=6):
        bot_says(page, f"({number}/11)")
        reply_button(page, AGREE[point]).click()
    bot_says(page, "(10/11)")
    reply_button(page, "No").click()
    bot_says(page, "(11/11)")
    reply_button(page, "No").click()

    chart = page.get_by_role("figure", name="How each answer counted")
    expect(chart).to_be_visible()
    rows = chart.get_by_role("listitem")
    expect(rows).to_have_count(len(k.criteria) + 1)  # each criterion and the career stage
    for row in rows.all():
        value = row.locator(".aw-chart-value").inner_text()
        assert re.fullmatch(r"[+\u2212\u00b1]\d\.\d\d", value)
        side = "startup" if value.startswith("+") else "bigtech"
        if not value.startswith("\u00b1"):
            expect(row.locator(f".aw-chart-fill--{side}")).to_have_count(1)
    verdict = log(page).locator(".aw-row--bot strong").first  # markdown bold: the verdict
    expect(verdict).to_be_visible()
    # The result is read from its start: the turn's first message is in view, whatever follows.
    expect(page.locator(".aw-typing")).to_be_hidden()
    assert overflowing(page)
    assert place(turn_start(page))["topShown"], "the result's first message is scrolled out of view"
    snap(page, "result")
    assert site.advisor.slots(session_id(page))["recommendation"] in k.sides.keys() | {"either"}

    # What to do next: the result's buttons, below its chart.
    follow_ups = answers(page).get_by_role("button")
    expect(follow_ups).to_have_text(["Why?", "Change an answer", "Start over"])
    assert answers(page).bounding_box()["y"] >= chart.bounding_box()["y"] + chart.bounding_box()["height"]
    answers(page).scroll_into_view_if_needed()
    snap(page, "result-end")

    page.reload()
    expect(chart).to_be_visible()
    assert place(turn_start(page))["topShown"], "after a reload the result starts out of view"
    expect(follow_ups).to_have_count(3)
    reply_button(page, "Why?").click()
    expect(log(page).locator(".aw-bubble", has_text="How each answer counted")).to_have_count(1)


def test_free_text_answers_and_a_reload_keep_the_conversation(site, new_page):
    page = new_page()
    open_widget(page, site)
    page.evaluate("""() => {  // notes whether the typing indicator ever showed
        const typing = document.querySelector(".aw-typing");
        new MutationObserver(() => { if (!typing.hidden) window.typingShown = true; })
            .observe(typing, {attributes: true});
    }""")
    reply_button(page, "Take the 2-minute assessment").click()
    bot_says(page, "(1/11)")
    for number, answer in enumerate(["I'm a new grad", "4", "kinda", "not really"], start=2):
        type_message(page, answer)
        expect(log(page).locator(".aw-row--user").last).to_have_text(f"You said: {answer}")
        bot_says(page, f"({number}/11)")
    assert page.evaluate("window.typingShown") is True
    before = log(page).locator(".aw-row").count()
    sender = session_id(page)

    page.reload()
    expect(panel(page)).to_be_visible()  # it was open: it stays open
    expect(log(page).locator(".aw-row")).to_have_count(before)
    assert session_id(page) == sender
    expect(reply_button(page, AGREE[5])).to_be_enabled()
    type_message(page, "skip")
    bot_says(page, "(6/11)")
    slots = site.advisor.slots(sender)
    assert slots["stage"] == "new_grad" and slots["pace"] == 4.0 and slots["risk"] == 3.0

    # Right-to-left text is laid out right to left, though the hidden "You said: " is English.
    hebrew = "\u05d0\u05e0\u05d9 \u05de\u05d4\u05e0\u05d3\u05e1\u05ea"
    type_message(page, hebrew)
    said = log(page).locator(".aw-row--user .aw-text").last
    expect(said).to_have_text(hebrew)
    assert said.evaluate("node => getComputedStyle(node).direction") == "rtl"
    bot_says(page, "(6/11)")
    bot_text = log(page).locator(".aw-row--bot .aw-bubble p").last
    assert bot_text.get_attribute("dir") == "auto"
    assert bot_text.evaluate("node => getComputedStyle(node).direction") == "ltr"


def test_typing_dots_stay_long_enough_to_be_seen(site, new_page):
    page = new_page()
    page.add_init_script("""(() => {  // the times the typing indicator shows and hides
        window.typingTimes = [];
        new MutationObserver(changes => changes.forEach(change => {
            // a hide is seen at or after it happened; the show is the widget's own time of it
            if (change.target.classList && change.target.classList.contains("aw-typing"))
                window.typingTimes.push(change.target.hidden
                    ? ["hidden", performance.now()] : ["shown", Number(change.target.dataset.shownAt)]);
        })).observe(document, {subtree: true, attributes: true,
                                               attributeFilter: ["hidden"]});
    })()""")
    open_widget(page, site)
    times = page.evaluate("window.typingTimes")
    shown = next(t for kind, t in times if kind == "shown")
    hidden = next(t for kind, t in times if kind == "hidden" and t > shown)
    assert hidden - shown >= 600, times  # the widget's MIN_TYPING_MS, whatever the reply's speed


def test_a_message_over_the_servers_limit_is_named_not_cut(site, new_page):
    page = new_page()
    open_widget(page, site)
    limit = guard.MAX_MESSAGE_CHARS
    assert web_server.max_message_chars() == limit  # the demo page's data-max-chars
    text = ("I like building things quickly and seeing them used. " * 60)[:limit + 25]
    box = page.get_by_role("textbox", name="Your message")
    box.fill(text)  # as a paste: one input event
    notice = panel(page).get_by_role("alert")
    expect(notice).to_contain_text(f"{limit + 25} characters")
    expect(notice).to_contain_text(f"at most {limit}")
    assert len(box.input_value()) == limit + 25  # nothing cut
    snap(page, "too-long")
    page.keyboard.press("Enter")
    expect(notice).to_be_visible()
    expect(log(page).locator(".aw-row--user")).to_have_count(0)  # not sent

    box.fill(text[:limit])  # exactly the server's limit: sent, and read
    expect(notice).to_be_hidden()
    page.keyboard.press("Enter")
    expect(log(page).locator(".aw-row--user")).to_have_count(1)
    replies = log(page).locator(".aw-row--user ~ .aw-row--bot")
    expect(replies.first).to_be_visible()  # the bot answered it
    expect(page.locator(".aw-typing")).to_be_hidden()
    assert all("too long" not in reply for reply in replies.all_inner_texts())


def test_answering_by_keyboard_moves_focus_to_the_next_answers(site, new_page):
    page = new_page()
    start_assessment(page, site)
    reply_button(page, NEW_GRAD).focus()
    page.keyboard.press("Enter")
    bot_says(page, "(2/11)")
    expect(reply_button(page, AGREE[1])).to_be_focused()  # the new group's first answer
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(reply_button(page, AGREE[4])).to_be_focused()
    page.keyboard.press(" ")
    bot_says(page, "(3/11)")
    expect(reply_button(page, AGREE[1])).to_be_focused()
    slots = site.advisor.slots(session_id(page))
    assert slots["stage"] == "new_grad" and slots["pace"] == 4.0


# WCAG contrast of the focus ring and of the input's border against what is behind them.
CONTRAST = r"""element => {
    const rgb = color => color.match(/[\d.]+/g).map(Number);
    const luminance = color => {
        const [r, g, b] = rgb(color).slice(0, 3).map(v => v / 255)
            .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
        const [dark, light] = [luminance(a), luminance(b)].sort((x, y) => x - y);
        return (light + 0.05) / (dark + 0.05);
    };
    const behind = node => {  // the first opaque background from node up
        for (; node && node.nodeType === 1; node = node.parentNode) {
            const color = getComputedStyle(node).backgroundColor;
            if (rgb(color)[3] !== 0) return color;
        }
        return "rgb(255, 255, 255)";
    };
    const style = getComputedStyle(element);
    return {ring: style.outlineStyle === "none" ? 0 : ratio(style.outlineColor, behind(element.parentNode)),
            ringWidth: parseFloat(style.outlineWidth),
            border: ratio(style.borderTopColor, behind(element.parentNode))};
}"""


def test_focus_ring_and_input_border_contrast_and_the_launchers_label(site, new_page):
    page = new_page()
    open_widget(page, site)
    expect(page.get_by_role("button", name="Close chat: Career advisor")).to_have_attribute(
        "aria-expanded", "true")  # the launcher says what it does now
    page.keyboard.press("Tab")  # keyboard use: :focus-visible rings from here on
    targets = {"launcher": page.locator(".aw-launcher"),
               "header button": page.get_by_role("button", name="Restart conversation"),
               "answer": reply_button(page, "Take the 2-minute assessment"),
               "input": page.get_by_role("textbox", name="Your message"),
               "send": page.get_by_role("button", name="Send")}
    for name, target in targets.items():
        target.focus()
        measured = target.evaluate(CONTRAST)
        assert measured["ring"] >= 3 and measured["ringWidth"] >= 2, (name, measured)
    assert targets["input"].evaluate(CONTRAST)["border"] >= 3
    page.keyboard.press("Escape")
    expect(launcher(page)).to_be_focused()  # the label is "Open chat" again
    snap(page, "closed-focused")


# Typed at an assessment question as an answer payload, each comes back in the bot's "Sorry, I couldn't
# read "..." as an answer" (the payload's value, up to 40 characters). The /answer command skips the NLU,
# so the echo does not depend on how the model classifies HTML.
ECHOES = {
    "an event handler": "<img src=x onerror=alert(1)>",
    "a script element": "<script>alert(3)</script>",
    "a javascript: link": "[alert(5)](javascript:alert(5))",
    "a web link": "[alert(7)](https://example.org/7)",
}
ECHO = """before => [...document.querySelectorAll(".aw-log .aw-row")].slice(before)
    .map(row => row.textContent).find(text => text.includes("Sorry, I couldn't read")) || null"""


def test_html_in_a_bot_message_is_shown_as_text_and_never_run(site, new_page):
    page = new_page()
    start_assessment(page, site)
    reply_button(page, NEW_GRAD).click()
    bot_says(page, "(2/11)")
    echoes = {}
    for number, (kind, text) in enumerate(ECHOES.items(), start=3):
        before = log(page).locator(".aw-row").count()
        type_message(page, "/answer" + json.dumps({"agreement": text}))
        page.wait_for_function(ECHO, arg=before)
        echoes[kind] = page.evaluate(ECHO, before)
        reply_button(page, AGREE[4]).click()  # answer it, so that the next one meets a new question
        bot_says(page, f"({number}/11)")

    assert page.dialogs == []
    conversation = log(page)
    expect(conversation.locator("img, svg, script, iframe")).to_have_count(0)
    expect(conversation.locator("a[href^='javascript']")).to_have_count(0)
    for kind in ("an event handler", "a script element", "a javascript: link"):
        assert f'Sorry, I couldn\'t read "{ECHOES[kind]}" as an answer' in echoes[kind]  # literally, as text
    label, url = re.fullmatch(r"\[(.+)\]\((.+)\)", ECHOES["a web link"]).groups()
    assert f'Sorry, I couldn\'t read "{label}" as an answer' in echoes["a web link"]  # a link, not its markdown
    link = conversation.get_by_role("link", name=label)
    expect(link).to_have_attribute("href", url)
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")


def test_two_browser_contexts_have_two_conversations(site, new_page):
    first, second = new_page(), new_page()
    open_widget(first, site)
    open_widget(second, site)
    assert session_id(first) != session_id(second)
    reply_button(first, "Take the 2-minute assessment").click()
    bot_says(first, "(1/11)")
    reply_button(second, "See the overview").click()
    bot_says(second, "at a glance")
    expect(log(second).get_by_text("(1/11)")).to_have_count(0)
    expect(log(first).get_by_text("at a glance")).to_have_count(0)
    assert site.advisor.slots(session_id(first))["requested_slot"] == "stage"
    assert site.advisor.slots(session_id(second))["requested_slot"] is None


def test_keyboard_aria_phone_layout_and_restart(site, new_page):
    page = new_page(PHONE)
    page.goto(site.page_url)
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")
    launcher(page).focus()
    page.keyboard.press("Enter")
    expect(panel(page)).to_be_visible()
    expect(page.locator(".aw-launcher")).to_have_attribute("aria-expanded", "true")  # hidden on a phone
    expect(page.get_by_role("textbox", name="Your message")).to_be_focused()
    expect(log(page)).to_have_attribute("aria-live", "polite")
    expect(reply_button(page, "Take the 2-minute assessment")).to_be_enabled()
    box = panel(page).bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, PHONE["width"], PHONE["height"])
    # The page's links behind the full-screen chat are out of the Tab order.
    for _ in range(12):
        page.keyboard.press("Tab")
        assert page.evaluate("""() => document.activeElement === document.body
                                      || Boolean(document.activeElement.closest(".aw-root"))"""), \
            page.evaluate("document.activeElement.outerHTML")
    page.keyboard.type("what is the hybrid path?")
    page.keyboard.press("Enter")
    expect(log(page).locator(".aw-row--user")).to_have_count(1)
    expect(log(page).locator(".aw-row--bot").nth(1)).to_be_visible()  # the answer after the greeting
    page.screenshot(path=ARTIFACTS / "widget-phone.png")

    sender = session_id(page)
    page.get_by_role("button", name="Restart conversation").click()
    expect(log(page).locator(".aw-row--user")).to_have_count(0)
    expect(reply_button(page, "Take the 2-minute assessment")).to_be_enabled()
    assert session_id(page) != sender

    page.keyboard.press("Escape")
    expect(panel(page)).to_be_hidden()
    expect(launcher(page)).to_be_focused()
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")


def test_the_widget_reconnects_when_the_server_comes_back(site, new_page):
    page = new_page()
    start_assessment(page, site)
    reply_button(page, NEW_GRAD).click()
    bot_says(page, "(2/11)")
    reply_button(page, AGREE[2]).click()
    bot_says(page, "(3/11)")

    phone = new_page(PHONE)
    open_widget(phone, site)
    assert overflowing(page) and place(answers(page))["whole"]

    site.advisor.stop_rasa()
    status = panel(page).get_by_role("status").filter(has_text="Reconnecting")
    expect(status).to_be_visible()
    expect(reply_button(page, AGREE[4])).to_be_disabled()
    assert place(answers(page))["whole"], "the banner pushed the answers out of view"
    type_message(page, "kinda")  # Enter with no connection: says so, keeps the message
    expect(panel(page).get_by_role("alert")).to_contain_text("Not connected")
    expect(page.get_by_role("textbox", name="Your message")).to_have_value("kinda")
    snap(page, "reconnecting")
    expect(panel(phone).get_by_role("status").filter(has_text="Reconnecting")).to_be_visible()
    snap(phone, "reconnecting")
    site.advisor.start_rasa()
    expect(status).to_be_hidden(timeout=60_000)
    expect(panel(page).get_by_role("alert")).to_be_hidden()
    reply_button(page, AGREE[4]).click()
    bot_says(page, "(4/11)")  # the same form goes on: the tracker store kept the conversation
    slots = site.advisor.slots(session_id(page))
    assert slots["stage"] == "new_grad" and slots["pace"] == 2.0 and slots["breadth"] == 4.0


def test_the_web_server_serves_the_widget_and_the_demo_page_only(site):
    def status(path: str) -> int:
        try:
            with urllib.request.urlopen(site.origin + path, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    served = ["/demo/", "/widget/advisor-widget.js", "/widget/advisor-widget.css",
              "/widget/socket.io.min.js"]
    assert [status(path) for path in served] == [200] * len(served)
    hidden = ["/package.json", "/widget/../package.json", "/widget/%2e%2e/package.json",
              "/node_modules/socket.io-client/package.json", "/widget/", "/../bot/runtime/launch.py"]
    assert [status(path) for path in hidden] == [404] * len(hidden)


def test_the_widget_files_are_sent_compressed(site):
    files = {"/widget/advisor-widget.js": web_server.WEB / "widget" / "advisor-widget.js",
             "/widget/advisor-widget.css": web_server.WEB / "widget" / "advisor-widget.css",
             "/widget/socket.io.min.js": web_server.SOCKET_IO}
    for path, file in files.items():
        request = urllib.request.Request(site.origin + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert "Accept-Encoding" in response.headers["Vary"]
            body = response.read()
        assert gzip.decompress(body) == file.read_bytes() and len(body) < file.stat().st_size / 2
        with urllib.request.urlopen(site.origin + path, timeout=10) as plain:  # no gzip asked
            assert plain.headers["Content-Encoding"] is None and plain.read() == file.read_bytes()


@pytest.fixture(scope="module")
def served():
    """`python -m bot.runtime.launch serve` on a web port other than 8080, with no RASA_CORS_ORIGINS, and a
    "Still thinking..." notice on every turn (THINKING_NOTICE_SECONDS=0)."""
    with running_launcher(THINKING_NOTICE_SECONDS="0") as running:
        yield running


def test_the_demo_page_connects_on_another_port_and_the_thinking_notice_goes(served, new_page):
    assert served.ports["WEB_PORT"] != int(web_server.DEFAULT_WEB_PORT)
    for host in ("localhost", "127.0.0.1"):  # either name of the page's origin may connect
        page = new_page()
        page.add_init_script("""(() => {  // notes whether "Still thinking..." ever showed
            new MutationObserver(() => {
                const label = document.querySelector(".aw-thinking");
                if (label && !label.hidden && label.offsetParent) window.thinkingShown = true;
            }).observe(document, {subtree: true, attributes: true});
        })()""")
        page.goto(served.page_url.replace("localhost", host))
        launcher(page).click()
        expect(reply_button(page, "Take the 2-minute assessment")).to_be_enabled()
    reply_button(page, "Take the 2-minute assessment").click()
    bot_says(page, "(1/11)")
    assert page.evaluate("window.thinkingShown") is True  # the server did send its notice
    expect(log(page).get_by_text(resilience.THINKING)).to_have_count(0)  # and it did not stay
    expect(page.locator(".aw-typing")).to_be_hidden()


def test_the_launcher_restarts_dead_servers_and_the_page_stays_up(served, new_page):
    page = new_page()
    page.goto(served.page_url)
    launcher(page).click()
    reply_button(page, "Take the 2-minute assessment").click()
    bot_says(page, "(1/11)")
    shown = log(page).locator(".aw-row").count()

    os.kill(served.child("bot.runtime.rasa_cli"), signal.SIGKILL)
    os.kill(served.child("bot.runtime.action_server"), signal.SIGKILL)
    deadline = time.monotonic() + 30
    while listening(served.ports["RASA_PORT"]) and time.monotonic() < deadline:
        time.sleep(0.1)  # the killed process's socket closes
    assert not listening(served.ports["RASA_PORT"])
    page.reload()  # during the outage: the page and the conversation are still there
    expect(panel(page).get_by_role("status").filter(has_text="Connecting")).to_be_visible()
    expect(log(page).locator(".aw-row")).to_have_count(shown)

    launch.wait_for(f"http://127.0.0.1:{served.ports['ACTION_PORT']}/health", served.process, 180)
    expect(panel(page).get_by_role("status")).to_be_hidden(timeout=180_000)
    reply_button(page, NEW_GRAD).click()
    bot_says(page, "(2/11)")
    output = served.output.read_text()
    assert "The Rasa server exited" in output and "The action server exited" in output


def test_the_launcher_gives_up_on_a_server_that_keeps_failing_at_start(monkeypatch, capsys):
    monkeypatch.setattr(launch.Supervised, "FIRST_PAUSE_S", 0.0)  # no pause between the tries
    starts = []

    def start() -> subprocess.Popen:  # a server with a wrong setting: exits at once
        starts.append(1)
        return subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])

    server = launch.Supervised("test server", start)
    deadline = time.monotonic() + 60
    while server.check() and time.monotonic() < deadline:
        server.process.wait(timeout=30)  # the event itself: this try's process has exited
    assert len(starts) == launch.Supervised.GIVE_UP
    output = capsys.readouterr().out
    assert output.count("exited (code 3); starting it again") == launch.Supervised.GIVE_UP - 1
    assert "not starting it again" in output
