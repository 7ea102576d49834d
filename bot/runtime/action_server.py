"""The action server: rasa_sdk's own app for the `actions` package, with three additions.

- A broken knowledge file stops start-up with one line naming the file and the key (no traceback).
- It listens on loopback unless ACTION_HOST says otherwise: only the Rasa server needs to reach it.
- ACTION_DELAY_SECONDS delays every action call: fault injection for the "slow action server" test
  and demo. Unset or 0 in normal use.

    python -m bot.runtime.action_server            # port from ACTION_PORT (5055)
"""
from __future__ import annotations

import asyncio
import os
import sys

from rasa_sdk import endpoint

from actions.knowledge import KnowledgeError


def delay_seconds() -> float:
    return float(os.environ.get("ACTION_DELAY_SECONDS") or 0)


def create_app():
    app = endpoint.create_app("actions", cors_origins=[])  # called server to server: no browser CORS
    delay = delay_seconds()
    if delay > 0:
        async def slow_down(request):
            if request.path == "/webhook":
                await asyncio.sleep(delay)

        app.register_middleware(slow_down, "request")
    return app


def main() -> int:
    try:
        app = create_app()  # imports the actions package, which loads and checks the knowledge file
    except KnowledgeError as error:
        print(f"Action server not started: knowledge file error: {error}", file=sys.stderr)
        return 1
    app.run(os.environ.get("ACTION_HOST", "127.0.0.1"), int(os.environ.get("ACTION_PORT", "5055")),
            access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
