"""Where the judges' programs are, and running one: a missing program is reported, never skipped."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# Installed by `make setup`: vnu.jar by npm (tools/vnu/package-lock.json), lychee and zizmor by pip
# (requirements.lock, next to this interpreter), java and grammalecte-cli by setup/system-packages.sh.
VNU_JAR = ROOT / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
HOW_TO_INSTALL = "run `make setup` (it installs every judge)"


class MissingJudgeError(Exception):
    """A judge's program is not installed."""


def program(name: str) -> str:
    """The path of a command: from the virtual environment first, then the system's PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise MissingJudgeError(f"{name} is not installed: {HOW_TO_INSTALL}")
    return found


def run(command: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a judge (never through a shell); its output as text."""
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False)
