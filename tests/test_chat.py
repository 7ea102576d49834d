"""`make chat` in a real pseudo-terminal (pexpect): nothing but the banner before the prompt, markdown
drawn with ANSI styles, menus of titles where a typed number or the arrow keys pick a button and
free typing always works; and bot/channels/shell.py's plain-text output for a pipe."""
import io
import os
import re
import sys

import pexpect

from bot.channels import shell
from bot.runtime.launch import ROOT
from tests.servers import free_port, listening, tracker

DOWN = "\x1b[B"
PROMPT = "Your input ->"
ANSI_CODE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# What a button's payload looks like: /intent{"entity": "value"}
PAYLOAD_JSON = re.compile(r"/\w+\{\"")


def visible(output: str) -> str:
    return ANSI_CODE.sub("", output).replace("\r", "").strip()


class Tee(io.StringIO):
    """Keeps everything the terminal showed, and echoes it to the test's output."""

    def write(self, text: str) -> int:
        sys.stdout.write(text)
        return super().write(text)


def test_make_chat_session(tmp_path):
    # A fresh tracker store: `make chat` resumes the terminal's conversation from the last run.
    env = dict(os.environ, ACTION_PORT=str(free_port()), RASA_PORT=str(free_port()),
               TRACKER_DB=str(tmp_path / "tracker.db"), RASA_AUTH_TOKEN="chat-test-token",
               TERM="xterm", COLUMNS="120", LINES="50")
    env.pop("ADVISOR_DEBUG", None)
    env.pop("NO_COLOR", None)
    chat = pexpect.spawn("make", ["--no-print-directory", "chat"], cwd=str(ROOT), env=env,
                         encoding="utf-8", timeout=240, dimensions=(50, 120))
    chat.logfile_read = screen = Tee()
    rasa = f"http://127.0.0.1:{env['RASA_PORT']}"
    try:
        chat.expect("Bot loaded")
        # Before the banner: only the start-up line that the banner erases, no library warning.
        assert visible(chat.before) == "Starting the advisor...", chat.before
        chat.expect(PROMPT)
        chat.sendline("hi")
        chat.expect(shell.TYPE_OWN, timeout=60)
        chat.expect(PROMPT)
        chat.sendline("3")  # the third button: See the overview
        chat.expect("five factors at a glance", timeout=60)
        chat.expect(PROMPT)
        # **bold** in bold, "- " items as bullets
        assert "\x1b[1mStartup vs Big Tech, five factors at a glance\x1b[22m" in screen.getvalue()
        assert "  \u2022 \x1b[1mCompensation & Benefits\x1b[22m:" in screen.getvalue()

        chat.sendline("1")  # the overview's one button: Take the 2-minute assessment
        chat.expect(r"\(1/11\) Where are you in your career", timeout=60)
        chat.expect(PROMPT)
        chat.send(DOWN * 2 + "\r")  # the arrows: Student, New grad
        chat.expect(r"\(2/11\)", timeout=60)
        chat.expect(PROMPT)
        chat.sendline("5")  # Strongly agree, by its number
        chat.expect(r"\(3/11\)", timeout=60)
        chat.expect(PROMPT)
        chat.sendline("kinda")  # typed at the menu, nothing picked first
        chat.expect(r"\(4/11\)", timeout=60)
        chat.expect(PROMPT)
        slots = tracker(rasa, env["RASA_AUTH_TOKEN"], "terminal")["slots"]
        assert (slots["stage"], slots["pace"], slots["breadth"]) == ("new_grad", 5.0, 4.0)
        chat.sendline("/stop")
        chat.expect(pexpect.EOF, timeout=60)
    finally:
        chat.close(force=True)
    assert chat.exitstatus == 0, chat.before
    shown = visible(screen.getvalue())
    assert "**" not in shown
    assert not PAYLOAD_JSON.search(shown), PAYLOAD_JSON.search(shown)
    # The action server and the Rasa server went down with the shell.
    assert not listening(int(env["ACTION_PORT"])) and not listening(int(env["RASA_PORT"]))


def test_output_to_a_pipe_is_plain_text():
    pipe = shell.Screen(styled=False)
    lines = shell.text_lines("**The hybrid path**\n- **Startup first**: learn fast\n"
                             "Read [the article](https://example.org/a).", pipe)
    assert lines == ["The hybrid path", "  - Startup first: learn fast",
                     "Read the article (https://example.org/a)."]
    chart = shell.chart_lines({"score": -0.2, "bars": [{"label": "Pace", "value": 0.5},
                                                        {"label": "Risk", "value": -0.25}]}, pipe)
    assert chart[2:] == ["Pace            |########## +0.50",
                         "Risk       #####|           -0.25",
                         "Total -0.20 (-1 Big Tech ... +1 startup)"]
    assert all("\x1b" not in line for line in lines + chart)


def test_a_menu_picks_by_number_or_arrows_and_keeps_what_was_typed():
    menu = shell.Menu([{"title": "Yes", "payload": "/yes"}, {"title": "No", "payload": "/no"}])
    assert menu.message_for("2") == "/no"
    assert menu.message_for("3") == "3"  # no third button: a message like any other
    assert menu.move(+1, "") == "Yes" and menu.message_for("Yes") == "/yes"
    assert menu.move(-1, "Yes") == ""  # back to "Type out your own message..."
    assert menu.move(+1, "I'm not sure") is None  # typed text stays
    assert menu.message_for("I'm not sure") == "I'm not sure"
    assert [line.strip() for line in menu.lines(shell.Screen(styled=False))] == \
        ["1: Yes", "2: No", shell.TYPE_OWN]
