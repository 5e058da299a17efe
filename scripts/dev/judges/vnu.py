"""The Nu Html Checker (vnu.jar, npm `vnu-jar`) on every built page, run with the system's Java.

The package's own `vnu` command would download a JDK: the jar is run with `java -jar`. Files, not URLs (it
refuses 127.0.0.1); `--errors-only`, since its CSP warnings are wrong on files.
"""
from __future__ import annotations

import json
from pathlib import Path

from .tools import HOW_TO_INSTALL, VNU_JAR, MissingJudgeError, program, run

# One run checks a few dozen pages: Java's quick compiler alone and one garbage collector halve its processor time
# (12 s to 6 s for the site). Code compiled that way needs a deeper stack than the checker's 512 kB minimum.
JAVA_OPTIONS = ["-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def vnu_errors(site: Path) -> list[str]:
    """Every HTML error of every page of ``site``: ``page:line: message``."""
    if not VNU_JAR.exists():
        raise MissingJudgeError(f"{VNU_JAR} is missing: {HOW_TO_INSTALL}")
    result = run([program("java"), *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only",
                  "--format", "json", str(site)])
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"vnu did not answer in JSON ({error}): {result.stderr[:500]}") from error
    found = []
    for message in messages:
        where = message.get("url", "").removeprefix("file:").removeprefix(str(site.resolve())).lstrip("/")
        found.append(f"{where}:{message.get('lastLine', '?')}: {message.get('message', message)}")
    return found
