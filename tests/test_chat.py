"""One scripted `make chat` session in a real terminal (pexpect): menus for buttons, typed answers."""
import os
import sys

import pexpect

from bot.launch import ROOT
from tests.servers import free_port, listening

DOWN = "\x1b[B"
UP = "\x1b[A"
TYPE_OWN = "Type out your own message"


def type_own(chat, text):
    """In a button menu, move to "Type out your own message..." (the menu wraps: up from the first
    entry is the last) and type."""
    chat.send(UP + "\r")
    chat.expect("Your input ->")
    chat.sendline(text)


def test_make_chat_session(tmp_path):
    # A fresh tracker store: `make chat` resumes the terminal's conversation from the last run.
    env = dict(os.environ, ACTION_PORT=str(free_port()), RASA_PORT=str(free_port()),
               TRACKER_DB=str(tmp_path / "tracker.db"), TERM="xterm", COLUMNS="200", LINES="50")
    chat = pexpect.spawn("make", ["--no-print-directory", "chat"], cwd=str(ROOT), env=env,
                         encoding="utf-8", timeout=240, dimensions=(50, 200))
    chat.logfile_read = sys.stdout
    try:
        chat.expect("Bot loaded")
        chat.sendline("hi")
        chat.expect("2-minute assessment", timeout=60)
        chat.expect(TYPE_OWN)
        chat.send("\r")  # the first menu entry: take the assessment
        chat.expect(r"\(1/11\) Where are you in your career")
        chat.expect(TYPE_OWN)
        type_own(chat, "i just finished my masters")
        chat.expect(r"\(2/11\)")
        chat.expect(TYPE_OWN)
        chat.send(DOWN * 4 + "\r")  # Strongly agree, from the menu
        chat.expect(r"\(3/11\)")
        chat.expect(TYPE_OWN)
        type_own(chat, "kinda")
        chat.expect(r"\(4/11\)")
        chat.expect(TYPE_OWN)
        type_own(chat, "/stop")
        chat.expect(pexpect.EOF, timeout=60)
    finally:
        chat.close(force=True)
    assert chat.exitstatus == 0, chat.before
    # The action server went down with the shell.
    assert not listening(int(env["ACTION_PORT"]))
