"""`make offline`: build the copy of the site that works from a USB stick, and zip it.

The site is built with PANA_OFFLINE=true (see hooks/pana/site/offline.py) into a temporary
folder and zipped under one folder, `pana/`, into offline/pana-offline.zip. The old zip
is replaced only once the new one is complete. Source maps are left out: no reader
needs them; so are the 404 pages, which only a web server shows (from a USB stick a
wrong address is the browser's own "file not found"). Usage: python tools/offline.py [PROJECT_DIR]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from pana.site.offline import SWITCH, ZIP  # noqa: E402


def build(project: Path) -> Path:
    target = project / ZIP
    target.parent.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "pana"
        env = {**os.environ, SWITCH: "true", "NO_MKDOCS_2_WARNING": "1"}
        # no --quiet: it lowers the log level below the warnings strict mode counts (a dead link)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
        subprocess.run(command, cwd=project, env=env, check=True)
        partial = target.with_suffix(".zip.partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for file in sorted(site.rglob("*")):
                if file.is_file() and file.suffix != ".map" and file.name != "404.html":
                    archive.write(file, file.relative_to(site.parent).as_posix())
        partial.replace(target)
    return target


def main(argv: list[str]) -> int:
    try:
        zipped = build(Path(argv[0]) if argv else Path.cwd())
    except subprocess.CalledProcessError as error:  # mkdocs has said why, above; no traceback on top
        print("The offline copy was not built: fix the problems listed above, then run it again.", file=sys.stderr)
        return error.returncode or 1
    print(f"{zipped}: {zipped.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
