"""The web widget in a real headless Chromium, embedded in the demo job board, against the real servers.

Screenshots of the open widget, a recommendation and the phone layout go to tests/artifacts/.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from actions.knowledge import default
from tests.web_server import ARTIFACTS, launch_chromium, running_site

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


def test_a_whole_assessment_by_buttons_ends_in_a_score_chart(site, new_page):
    page = new_page()
    open_widget(page, site)
    page.screenshot(path=ARTIFACTS / "widget-open.png")

    reply_button(page, "Take the 2-minute assessment").click()
    bot_says(page, "(1/11)")
    reply_button(page, NEW_GRAD).click()
    for number, point in enumerate([5, 4, 2, 5, 1, 3, 2, 4], start=2):
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
    expect(log(page).locator(".aw-row--bot strong").first).to_be_visible()  # markdown bold
    chart.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "recommendation.png")
    assert site.advisor.slots(session_id(page))["recommendation"] in k.sides.keys() | {"either"}


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


# Typed at an assessment question as an answer payload, each comes back in the bot's "Sorry, I couldn't
# read "..."" (the payload's value, up to 40 characters). The /answer command skips the NLU, so the
# echo does not depend on how the model classifies HTML.
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
        assert f'Sorry, I couldn\'t read "{ECHOES[kind]}"' in echoes[kind]  # literally, as text
    label, url = re.fullmatch(r"\[(.+)\]\((.+)\)", ECHOES["a web link"]).groups()
    assert f'Sorry, I couldn\'t read "{label}"' in echoes["a web link"]  # a link, not its markdown
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

    site.advisor.stop_rasa()
    status = panel(page).get_by_role("status").filter(has_text="Reconnecting")
    expect(status).to_be_visible()
    expect(reply_button(page, AGREE[4])).to_be_disabled()
    site.advisor.start_rasa()
    expect(status).to_be_hidden(timeout=60_000)
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
              "/node_modules/socket.io-client/package.json", "/widget/", "/../bot/launch.py"]
    assert [status(path) for path in hidden] == [404] * len(hidden)
