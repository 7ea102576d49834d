"""bot/runtime/system_deps.sh (make test's first step): without root it installs nothing and stops with the
exact command that installs what is missing."""
import subprocess
from pathlib import Path

from bot.runtime.launch import ROOT


def test_without_root_it_stops_with_the_command_to_run(tmp_path: Path):
    # A PATH with only a fake `id` (a user, not root): tmux and redis-server are not found on it.
    fake_id = tmp_path / "id"
    fake_id.write_text("#!/bin/sh\necho 1000\n")
    fake_id.chmod(0o755)
    run = subprocess.run(["/bin/bash", str(ROOT / "bot" / "runtime" / "system_deps.sh")],
                         env={"PATH": str(tmp_path)}, capture_output=True, text=True, timeout=30)
    assert run.returncode == 1
    command = run.stderr.splitlines()[-1].strip()
    assert command.startswith("sudo apt-get update && sudo apt-get install -y ")
    assert {"tmux", "redis-server"} <= set(command.split()[8:])
    assert "installing" not in run.stdout
