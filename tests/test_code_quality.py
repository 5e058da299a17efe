"""The package and its tests are typed and linted: mypy --strict (mypy.ini) and ruff (pyproject.toml) find nothing."""
from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_mypy_strict_passes() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "mypy.ini")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_passes() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "scripts", "tests"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
