"""bot/runtime/patches.py: the list of patches of library internals is complete, fails closed on other
versions, and the patches without a test of their own elsewhere are pinned here against the
library's own behaviour (the connection pool, the REST channel's hooks, socket.io's handlers)."""
from __future__ import annotations

import ast
import asyncio
import importlib
import inspect
import json
import re
import sys
import urllib.request
from pathlib import Path

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.runtime import launch, patches, rasa_cli
from bot.runtime.patches import PATCHES
from tests.servers import free_port

ROOT = launch.ROOT
# The files that may patch library internals: every module of bot/ and the data validation.
PATCHING_FILES = sorted(ROOT.glob("bot/**/*.py")) + [ROOT / "tests" / "validate_data.py"]
OWN_PACKAGES = ("bot", "actions", "tests")
TARGETS = {target for patch in PATCHES for target in patch.targets}
ORIGINAL_SESSION = EndpointConfig.session


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def third_party(module: str) -> bool:
    root = module.split(".")[0]
    return root not in OWN_PACKAGES and root not in sys.stdlib_module_names


def resolves(target: str) -> bool:
    """True when the dotted path names an attribute of the installed library, or an attribute its
    class sets on each instance in an __init__ (`self.handlers = ...`)."""
    parts = target.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            owner = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:-1]:
            owner = getattr(owner, name, None)
        if owner is None:
            return False
        if hasattr(owner, parts[-1]):
            return True
        sets_it = re.compile(rf"\bself\.{re.escape(parts[-1])}\s*=")
        return inspect.isclass(owner) and any(
            "__init__" in vars(cls) and sets_it.search(inspect.getsource(cls.__init__))
            for cls in owner.__mro__ if cls is not object)
    return False


# The list itself


def test_the_installed_versions_are_the_ones_every_patch_was_written_for():
    patches.check()


def test_another_version_stops_the_run_naming_each_patch_concerned():
    def installed(distribution):
        return "3.6.20" if distribution == "rasa" else patches.installed_version(distribution)

    with pytest.raises(patches.PatchedVersionError) as refused:
        patches.check(installed)
    message = str(refused.value)
    concerned = [patch for patch in PATCHES if "rasa" in patch.versions]
    assert concerned and all(patch.name in message for patch in concerned)
    assert all(patch.name not in message for patch in PATCHES if patch not in concerned)
    assert "rasa==3.6.21 (installed: 3.6.20)" in message


def test_a_missing_library_stops_the_run_too():
    with pytest.raises(patches.PatchedVersionError, match=r"aiohttp==3\.9\.5 \(installed: none\)"):
        patches.check(lambda d: None if d == "aiohttp" else patches.installed_version(d))


def test_the_versions_are_those_of_requirements_lock():
    locked = dict(line.split("==") for line in (ROOT / "requirements.lock").read_text().split())
    for patch in PATCHES:
        assert {d: locked.get(d) for d in patch.versions} == dict(patch.versions), patch.name


def test_start_up_refuses_another_version(monkeypatch):
    from rasa.shared.core import events

    resolve = events.Event.resolve_by_type
    monkeypatch.setattr(patches, "installed_version", lambda d: "0.0.0")
    for start in (lambda: launch.main(["chat"]), rasa_cli.main):
        with pytest.raises(SystemExit, match="Refusing to run") as stopped:
            start()
        assert PATCHES[0].name in str(stopped.value)
    assert events.Event.resolve_by_type is resolve  # stopped before patching anything


def test_every_target_exists_in_the_installed_libraries():
    assert [target for target in sorted(TARGETS) if not resolves(target)] == []


def test_every_patch_names_a_test_that_exists():
    for patch in PATCHES:
        path, _, name = patch.test.partition("::")
        assert (ROOT / path).is_file(), patch.name
        if name:
            tree = ast.parse((ROOT / path).read_text())
            assert name in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}, \
                patch.test


def test_every_private_method_overridden_in_a_library_class_is_listed():
    overridden = set()
    for path in PATCHING_FILES:
        module = importlib.import_module(module_name(path))
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            for name in vars(cls):
                if not name.startswith("_") or name.startswith("__") or name == "_abc_impl":
                    continue
                owner = next((base for base in cls.__mro__[1:]
                              if third_party(base.__module__) and name in vars(base)), None)
                if owner:
                    overridden.add(f"{owner.__module__}.{owner.__qualname__}.{name}")
    assert overridden and overridden - TARGETS == set()


def test_every_attribute_set_on_a_library_object_is_listed():
    """`events.Event.resolve_by_type = ...` in a patching file: the assigned path must be listed."""
    assigned = set()
    for path in PATCHING_FILES:
        tree = ast.parse(path.read_text())
        imported = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and third_party(node.module):
                imported.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names})
            elif isinstance(node, ast.Import):
                imported.update({a.asname or a.name: a.name for a in node.names if third_party(a.name)})
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            for target in targets:
                chain = []
                while isinstance(target, ast.Attribute):
                    chain.insert(0, target.attr)
                    target = target.value
                if chain and isinstance(target, ast.Name) and target.id in imported:
                    assigned.add(".".join([imported[target.id], *chain]))
    assert assigned and assigned - TARGETS == set()


# Pins of the patches that have no test of their own elsewhere


def test_a_pooled_session_sends_what_rasa_s_own_session_sends():
    """EndpointConfig.request with Rasa's session and with the pooled one: the same request on the
    wire (URL, token, headers, basic auth), the same timeout, and the pool survives the session that
    Rasa's request closes after each call."""
    from aiohttp import web

    seen = []

    async def webhook(request):
        seen.append((request.path_qs, request.headers.get("Authorization"),
                     request.headers.get("X-Advisor"), await request.json()))
        return web.json_response({"ok": True})

    async def calls():
        port = free_port()
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", params={"a": "1"},
                                  headers={"X-Advisor": "yes"}, token="secret",
                                  basic_auth={"username": "u", "password": "p"})
        try:
            replies = []
            for session in (ORIGINAL_SESSION, rasa_cli.endpoint_session, rasa_cli.endpoint_session):
                EndpointConfig.session = session
                replies.append(await endpoint.request(json={"n": 1}))
            timeouts = []
            for session in (ORIGINAL_SESSION, rasa_cli.endpoint_session):
                async with session(endpoint) as opened:
                    timeouts.append(opened.timeout)
            pool = rasa_cli._connectors[asyncio.get_running_loop()]
            pool_closed = pool.closed
            await pool.close()  # the loop ends here
            return replies, timeouts, pool_closed
        finally:
            EndpointConfig.session = ORIGINAL_SESSION
            await runner.cleanup()

    replies, timeouts, pool_closed = asyncio.run(calls())
    assert replies == [{"ok": True}] * 3
    assert seen[0] == seen[1] == seen[2]
    assert seen[0] == ("/webhook?a=1&token=secret", "Basic dTpw", "yes", {"n": 1})
    assert timeouts[0] == timeouts[1]
    assert not pool_closed


@pytest.mark.e2e
def test_the_rest_channel_cleans_the_text_and_keeps_its_own_name(advisor):
    """Rasa's RestInput takes the text and the channel name from the body through _extract_message
    and _extract_input_channel; the guarded channel's versions drop control characters and keep
    "rest" whatever the body claims."""
    body = {"sender": "rest-hooks", "message": "what about pay\x07", "input_channel": "slack"}
    request = urllib.request.Request(f"{advisor.url}/webhooks/rest/webhook",
                                     data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
    [user] = [e for e in advisor.tracker("rest-hooks")["events"] if e["event"] == "user"]
    assert (user["text"], user["input_channel"]) == ("what about pay", "rest")


def test_the_socketio_handlers_rasa_registers_are_the_ones_wrapped():
    """Rasa's socket.io channel registers its handlers in python-socketio's `handlers` table; the
    guarded channel reads two of them from there and registers wrappers in their place."""
    from rasa.core.channels.socketio import SocketIOInput

    from bot.channels.guard import MAX_SOCKET_PACKET_BYTES
    from bot.channels.socketio import GuardedSocketIOInput

    async def on_new_message(message):
        return None

    def closure_names(function):
        return {cell.cell_contents.__name__ for cell in function.__closure__ or ()
                if inspect.isfunction(cell.cell_contents)}

    rasa_channel, guarded = SocketIOInput(), GuardedSocketIOInput()
    rasa_channel.blueprint(on_new_message)
    guarded.blueprint(on_new_message)
    rasa_handlers, guarded_handlers = rasa_channel.sio.handlers["/"], guarded.sio.handlers["/"]
    assert set(rasa_handlers) == set(guarded_handlers) == {
        "connect", "disconnect", "session_request", "user_uttered"}
    assert rasa_handlers["connect"].__name__ == "connect"
    assert rasa_handlers["user_uttered"].__name__ == "handle_message"
    assert guarded_handlers["connect"].__name__ == "connect_from_allowed_origin"
    assert "connect" in closure_names(guarded_handlers["connect"])
    assert guarded_handlers["user_uttered"].__name__ == "checked"
    assert "handle_message" in closure_names(guarded_handlers["user_uttered"])
    # engine.io reads the cap from its server at each request, so setting it after creation counts
    assert guarded.sio.eio.max_http_buffer_size == MAX_SOCKET_PACKET_BYTES
    import engineio.async_socket

    assert "self.server.max_http_buffer_size" in inspect.getsource(engineio.async_socket.AsyncSocket)
