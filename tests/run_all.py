"""Every test, in the order that fails fastest: data validation, test stories, then pytest.

Run by `make test` (and so by .ci/run) after the model is trained. Exits non-zero when any part fails.
"""
from __future__ import annotations

import subprocess
import sys

from bot.runtime import patches
from bot.runtime.launch import BIN, RASA_CLI, ROOT


def run(title: str, command: list) -> bool:
    print(f"\n=== {title}\n$ {' '.join(command)}", flush=True)
    return subprocess.run(command, cwd=ROOT).returncode == 0


def main() -> int:
    patches.require()  # before anything runs: library internals are patched for requirements.lock
    results = {
        # `rasa data validate --fail-on-warnings`, the form's questions counted as used
        "rasa data validate": run("rasa data validate (warnings fail)", [
            str(BIN / "python"), "-m", "tests.validate_data",
        ]),
        "test stories": run("test stories (prediction errors fail)", [
            *RASA_CLI, "test", "core", "--model", "models/advisor.tar.gz", "--stories", "tests/stories",
            "--fail-on-prediction-errors", "--out", "results/stories", "--no-plot",
        ]),
        "pytest": run("pytest", [str(BIN / "python"), "-m", "pytest", "tests", *sys.argv[1:]]),
    }
    failed = [name for name, ok in results.items() if not ok]
    print("\n=== summary: " + ("all passed" if not failed else "FAILED: " + ", ".join(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
