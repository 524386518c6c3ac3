"""A Content Security Policy for every page, as a <meta> tag (a static host sends no headers).

Scripts run only from the site's own files and from the theme's few inline scripts, each
allowed by the SHA-256 of its exact text, which differs from page to page (it names the
page's depth); no inline handler, no `javascript:` link, no other host. The page's data
blocks (`type="application/json"`) are not scripts and need no hash.

The offline copy cannot list its inline scripts: from file:// the theme's search runs in
an iframe (the iframe-worker helper) that writes an inline script naming the folder the
zip was unpacked to. There scripts may be inline, and still come from no other host.
"""

from __future__ import annotations

import base64
import hashlib
import re

SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
DATA_TYPE = re.compile(r"""type=["']?application/(?:ld\+)?json""", re.IGNORECASE)
HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def inline_hashes(html: str) -> list[str]:
    """'sha256-…' of every inline script that runs (not data blocks, not `src=` scripts)."""
    found = []
    for match in SCRIPT.finditer(html):
        attrs, body = match["attrs"], match["body"]
        if "src=" in attrs or DATA_TYPE.search(attrs) or not body.strip():
            continue
        found.append(script_hash(body))
    return sorted(set(found))


def with_policy(html: str, offline: bool = False) -> str:
    """The page with its policy as the first element of <head>, before any script."""
    allowed = "'unsafe-inline'" if offline else " ".join(inline_hashes(html))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=allowed)}">'
    head = HEAD.search(html)
    return html[: head.end()] + meta + html[head.end() :] if head else html


def allow_script(html: str, body: str) -> str:
    """The page with one more inline script, of text `body`, allowed by its policy (if it has one)."""
    return html.replace("script-src 'self' ", f"script-src 'self' {script_hash(body)} ", 1)
