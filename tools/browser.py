"""Which chromium the browser tests and `make weight` drive: one rule, also run by `make browser`.

The CHROMIUM environment variable (a path) when set, else `chromium` on PATH (Debian's package puts it in
/usr/bin). As a script: prints the path, or says what is missing on stderr and exits 1.
"""

from __future__ import annotations

import os
import shutil
import sys

# Flags for a headless run on a build machine: no sandbox (root in CI), and nothing that calls another host
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
INSTALL = "install Debian's chromium (`make browser` as root, or `sudo apt-get install chromium`)"


def chromium_path() -> str | None:
    """The path of the chromium to drive, or None when there is none."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        return chosen if os.path.isfile(chosen) and os.access(chosen, os.X_OK) else None
    return shutil.which("chromium")


def missing() -> str:
    """Why chromium_path() found nothing, and what to do."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        return f"CHROMIUM={chosen} is not an executable file: set it to chromium's path, or unset it"
    return f"no `chromium` on PATH: {INSTALL}, or set CHROMIUM to its path"


if __name__ == "__main__":
    found = chromium_path()
    if found is None:
        sys.exit(f"browser tests: {missing()}")
    print(found)
