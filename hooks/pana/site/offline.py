"""The offline copy: the whole site in a zip that works opened from a USB stick.

`make offline` (tools/offline.py) builds the site a second time with PANA_OFFLINE=true:
the theme's offline plugin then writes plain `.html` links and each language's search
index as a script, which a page opened from file:// may load. The theme would fetch its
iframe-worker helper (search without a server) from a CDN; Pana gives it the copy npm
installed, so the offline copy asks nothing of the network. The online site links the
zip from the About page with its size.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

ZIP = Path("offline") / "pana-offline.zip"  # built by `make offline`, published at the site's root
SWITCH = "PANA_OFFLINE"  # read by mkdocs.yml to turn on the theme's offline plugin, whose setting `building` reads
IFRAME_WORKER = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
IFRAME_WORKER_IN_SITE = "assets/javascripts/iframe-worker.js"


def building(config) -> bool:
    """Whether this is the offline copy's build: the theme's offline plugin is on."""
    return bool(config.plugins["material/offline"].config.enabled)


def use_local_iframe_worker(config) -> None:
    """Name the local helper before the theme's offline plugin adds its CDN address."""
    config.extra["polyfills"] = [IFRAME_WORKER_IN_SITE]


def zip_size(root: Path, config) -> int | None:
    """Bytes of the offline copy the online site offers, if `make offline` has built it."""
    zipped = root / ZIP
    return zipped.stat().st_size if zipped.exists() and not building(config) else None


def finish(root: Path, site_dir: Path, config) -> None:
    """Offline build: put the helper in the site. Online build: publish the zip beside it."""
    if building(config):
        helper = root / IFRAME_WORKER
        if not helper.exists():
            raise PluginError(f"{IFRAME_WORKER} is missing: run `make offline`, which installs it (npm ci)")
        shutil.copy2(helper, site_dir / IFRAME_WORKER_IN_SITE)
    elif (root / ZIP).exists():
        shutil.copy2(root / ZIP, site_dir / ZIP.name)


def write_index_script(data: str, json_file: Path) -> None:
    """From file:// the theme loads `search_index.js`, which sets `__index`, instead of the JSON."""
    json_file.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
