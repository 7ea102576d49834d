"""The terminal chat of `make chat`: a small prompt that posts to the Rasa server's REST channel.

It replaces Rasa's shell (`rasa shell`), which runs Rasa inside the terminal's process (library
warnings come first), prints **markdown** as it is, shows each button with its payload JSON in a
questionary menu, and loses what a person types while that menu is open. Here:
- the bot's **bold** and "- " / "1. " lists are drawn with ANSI styles on a terminal, and as plain
  text when the output is not a terminal (or NO_COLOR is set);
- buttons are numbered titles above the prompt, ending with "Type out your own message...": a
  typed number picks a button, Up/Down put a button's title in the input line (Enter sends it),
  anything else typed is a message; the input line is always open, so no keystroke is lost;
- the score breakdown (the recommendation's custom payload) is drawn as text bars.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import textwrap
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

from actions.advice import signed

EXIT_COMMAND = "/stop"
TYPE_OWN = "Type out your own message..."
PROMPT = "Your input -> "
BANNER = "Bot loaded. Type a message and press Enter ({exit} to exit). At a menu, type a number{arrows}."
REPLY_TIMEOUT_S = 120  # a slow turn; Rasa's own shell waits as long

BOLD, NORMAL, DIM, RESET = "\x1b[1m", "\x1b[22m", "\x1b[2m", "\x1b[0m"
REVERSE = "\x1b[7m"
STARTUP_COLOUR, BIGTECH_COLOUR = "\x1b[33m", "\x1b[34m"  # the widget's orange and blue
ERASE_LINE = "\r\x1b[2K"
# Markers for bold while text is wrapped (textwrap would count ANSI codes as letters).
BOLD_ON, BOLD_OFF = "\x01", "\x02"

INLINE = re.compile(r"\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)")
LIST_ITEM = re.compile(r"^\s*(?:([-*])|(\d+)[.)])\s+(.*)$")


@dataclass
class Screen:
    """Where the chat is drawn: `styled` for ANSI styles, `width` for wrapping (0: no wrapping)."""

    styled: bool
    width: int = 0
    interactive: bool = False  # a terminal on both ends: the arrow-key prompt
    write: Callable[[str], None] = field(default=sys.stdout.write, repr=False)

    @classmethod
    def for_stdout(cls) -> "Screen":
        tty = sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
        width = min(shutil.get_terminal_size((100, 24)).columns, 100) if tty else 0
        return cls(styled=tty and "NO_COLOR" not in os.environ, width=width,
                   interactive=tty and sys.stdin.isatty())

    def print(self, text: str = "") -> None:
        self.write(text + "\n")
        sys.stdout.flush()

    def starting(self) -> None:
        if self.interactive:  # erased by the banner: the screen then shows the banner alone
            self.write(self.dim("Starting the advisor..."))
            sys.stdout.flush()

    def banner(self) -> None:
        if self.interactive:
            self.write(ERASE_LINE)
        self.print(BANNER.format(exit=EXIT_COMMAND,
                                 arrows=" or use the arrow keys" if self.interactive else ""))

    def dim(self, text: str) -> str:
        return f"{DIM}{text}{RESET}" if self.styled else text


def inline(text: str, styled: bool) -> str:
    """**bold** as BOLD_ON/BOLD_OFF markers (styled) or plain; [label](url) as "label (url)"."""
    def one(match: re.Match) -> str:
        if match.group(1) is not None:
            return f"{BOLD_ON}{match.group(1)}{BOLD_OFF}" if styled else match.group(1)
        return f"{match.group(2)} ({match.group(3)})"

    return INLINE.sub(one, text)


def text_lines(text: str, screen: Screen) -> List[str]:
    """A bot message's markdown subset as terminal lines (bold, "- " and "1. " lists)."""
    lines: List[str] = []
    for line in str(text).split("\n"):
        item = LIST_ITEM.match(line)
        if item:
            marker = ("\u2022" if screen.styled else "-") if item.group(1) else item.group(2) + "."
            first, rest, body = f"  {marker} ", " " * (len(marker) + 3), item.group(3)
        else:
            first = rest = ""
            body = line
        body = inline(body, screen.styled)
        if screen.width and body:
            lines.extend(textwrap.wrap(body, width=screen.width - 1, initial_indent=first,
                                       subsequent_indent=rest, break_on_hyphens=False) or [""])
        else:
            lines.append(first + body)
    joined = "\n".join(lines).replace(BOLD_ON, BOLD).replace(BOLD_OFF, NORMAL)
    return joined.split("\n")


def chart_lines(payload: Dict, screen: Screen) -> List[str]:
    """The score breakdown as text bars: Big Tech to the left of the axis, startup to the right."""
    bars = [(str(bar.get("label") or bar.get("key") or ""), float(bar.get("value") or 0))
            for bar in payload.get("bars") or [] if isinstance(bar, dict)]
    largest = max((abs(value) for _, value in bars), default=0) or 1
    label_width = min(max((len(label) for label, _ in bars), default=0), 32)
    half = 10
    full, axis = ("\u2588", "\u2502") if screen.styled else ("#", "|")
    lines = [inline("**How each answer counted**", screen.styled).replace(BOLD_ON, BOLD)
             .replace(BOLD_OFF, NORMAL),
             " " * (label_width + 2) + "Big Tech".rjust(half) + " " + "Startup".ljust(half)]
    for label, value in bars:
        size = round(abs(value) / largest * half)
        bar, pad = full * size, " " * (half - size)
        if screen.styled and size:
            bar = f"{STARTUP_COLOUR if value > 0 else BIGTECH_COLOUR}{bar}{RESET}"
        left, right = (pad + bar, " " * half) if value < 0 else (" " * half, bar + pad)
        lines.append(f"{label[:label_width].rjust(label_width)}  {left}{axis}{right} "
                     f"{signed(value)}")
    score = float(payload.get("score") or 0)
    lines.append(f"Total {signed(score)} (-1 Big Tech ... +1 startup)")
    return lines


@dataclass
class Menu:
    """The buttons of the bot's last message; `selected` == len(buttons): typing your own."""

    buttons: List[Dict[str, str]] = field(default_factory=list)
    selected: int = 0

    def __post_init__(self) -> None:
        self.selected = len(self.buttons)

    def lines(self, screen: Screen) -> List[str]:
        if not self.buttons:
            return []
        entries = [f"{number}: {button['title']}"
                   for number, button in enumerate(self.buttons, start=1)] + [TYPE_OWN]
        lines = []
        for index, entry in enumerate(entries):
            if index == self.selected and screen.interactive:
                lines.append(f" \u00bb {REVERSE}{entry}{RESET}" if screen.styled else f" > {entry}")
            else:
                lines.append(f"   {entry}")
        return lines

    def move(self, step: int, typed: str) -> Optional[str]:
        """Up/Down: the entry's text for the input line, or None when the person has typed their own
        (an arrow must not throw away what they typed)."""
        if not self.buttons or typed not in ("", self.selected_title()):
            return None
        self.selected = (self.selected + step) % (len(self.buttons) + 1)
        return self.selected_title()

    def selected_title(self) -> str:
        return self.buttons[self.selected]["title"] if self.selected < len(self.buttons) else ""

    def message_for(self, typed: str) -> str:
        """What to send: a button's payload for its number or for its title picked by arrows."""
        if typed.isdigit() and 1 <= int(typed) <= len(self.buttons):
            return self.buttons[int(typed) - 1]["payload"]
        if self.selected < len(self.buttons) and typed == self.selected_title():
            return self.buttons[self.selected]["payload"]
        return typed


def buttons_of(replies: List[Dict]) -> List[Dict[str, str]]:
    """The last message's buttons that carry a title and a payload."""
    for reply in reversed(replies):
        buttons = [b for b in reply.get("buttons") or []
                   if isinstance(b, dict) and isinstance(b.get("title"), str)
                   and isinstance(b.get("payload"), str)]
        if buttons:
            return buttons
    return []


def reply_lines(reply: Dict, screen: Screen) -> List[str]:
    lines: List[str] = []
    if isinstance(reply.get("text"), str) and reply["text"].strip():
        lines += text_lines(reply["text"], screen)
    custom = reply.get("custom")
    if isinstance(custom, dict) and custom.get("type") == "score_breakdown":
        lines += chart_lines(custom, screen)
    if isinstance(reply.get("image"), str):
        lines.append(f"[image: {reply['image']}]")
    return lines


def send(url: str, sender: str, message: str) -> List[Dict]:
    """One message over the REST channel; the bot's replies, or a reply saying what went wrong."""
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook", headers={"Content-Type": "application/json"},
        data=json.dumps({"sender": sender, "message": message}).encode("utf-8"))
    try:
        with urllib.request.urlopen(request, timeout=REPLY_TIMEOUT_S) as response:
            replies = json.load(response)
    except urllib.error.HTTPError as error:  # 400/413 from bot/channels/guard.py: its reason
        try:
            reason = json.load(error).get("error") or error.reason
        except ValueError:
            reason = error.reason
        return [{"text": f"(not sent: {reason})"}]
    except (urllib.error.URLError, OSError) as error:
        return [{"text": f"(the advisor did not answer: {getattr(error, 'reason', error)}; "
                         "please try again in a moment)"}]
    return [r for r in replies if isinstance(r, dict)] if isinstance(replies, list) else []


def terminal_reader(screen: Screen) -> Callable[[Menu], str]:
    """Reads a line with prompt_toolkit: the menu above the input line, redrawn as arrows move."""
    os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")  # no "CPR not supported" line on a terminal
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import ANSI
    from prompt_toolkit.key_binding import KeyBindings

    current = {"menu": Menu()}
    bindings = KeyBindings()

    def arrow(step: int):
        def handler(event) -> None:
            buffer = event.app.current_buffer
            title = current["menu"].move(step, buffer.text)
            if title is not None:
                buffer.text = title
                buffer.cursor_position = len(title)
        return handler

    bindings.add("up")(arrow(-1))
    bindings.add("down")(arrow(+1))
    session = PromptSession(key_bindings=bindings)

    def message() -> ANSI:
        lines = current["menu"].lines(screen)
        return ANSI("".join(line + "\n" for line in lines) + PROMPT)

    def read(menu: Menu) -> str:
        current["menu"] = menu
        return session.prompt(message)

    return read


def plain_reader(screen: Screen) -> Callable[[Menu], str]:
    def read(menu: Menu) -> str:
        for line in menu.lines(screen):
            screen.print(line)
        return input(PROMPT)

    return read


def run(url: str, sender: str, screen: Optional[Screen] = None) -> int:
    """The chat loop until /stop, Ctrl-D or Ctrl-C."""
    screen = screen or Screen.for_stdout()
    read = terminal_reader(screen) if screen.interactive else plain_reader(screen)
    screen.banner()
    menu = Menu()
    while True:
        try:
            typed = read(menu).strip()
        except (EOFError, KeyboardInterrupt):
            screen.print()
            return 0
        if typed == EXIT_COMMAND:
            return 0
        if not typed:
            continue
        if screen.interactive:
            screen.write(screen.dim("..."))  # while the bot thinks
            sys.stdout.flush()
        replies = send(url, sender, menu.message_for(typed))
        if screen.interactive:
            screen.write(ERASE_LINE)
        for reply in replies:
            for line in reply_lines(reply, screen):
                screen.print(line)
        menu = Menu(buttons_of(replies))
