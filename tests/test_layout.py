"""The README's tree ("How it is built") matches the code: every module of actions/ and bot/ is in it,
under its own folder, and everything it names under them exists."""
import re
from pathlib import Path
from typing import Set

ROOT = Path(__file__).resolve().parent.parent
INDENT = 2
ENTRY = re.compile(r"^(?P<indent> *)(?P<name>[\w.\-/]+)(?:\s|$)")


def readme_tree() -> Set[str]:
    """The paths the README's tree names, rebuilt from its indentation."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## How it is built", 1)[1].split("```", 2)[1]
    paths: Set[str] = set()
    parents = []
    for line in block.splitlines():
        match = ENTRY.match(line)
        if not match or not line.strip():
            continue
        depth = len(match["indent"]) // INDENT
        if len(match["indent"]) % INDENT or depth > len(parents):
            continue  # a wrapped description, not an entry
        parents = parents[:depth]
        path = "".join(parents) + match["name"]
        paths.add(path.rstrip("/"))
        if match["name"].endswith("/"):
            parents.append(match["name"])
    return paths


def code_modules() -> Set[str]:
    found = set()
    for folder in ("actions", "bot"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".sh", ".yml") and path.name != "__init__.py":
                found.add(str(path.relative_to(ROOT)))
    return found


def test_every_module_of_actions_and_bot_is_in_the_readme_tree():
    missing = sorted(code_modules() - readme_tree())
    assert not missing, f"README.md, How it is built: add {missing}"


def test_everything_the_tree_names_under_actions_and_bot_exists():
    named = {p for p in readme_tree() if p.startswith(("actions/", "bot/"))}
    stale = sorted(p for p in named if not (ROOT / p).exists())
    assert not stale, f"README.md, How it is built: no such file {stale}"
