"""One way to keep a built artefact in .cache/ so that a damaged one is never used.

Every cache (the memo of a whole build, the PDFs, Jinja's and the theme's compiled templates, the
search word forms, the purged CSS) names its entries by `key`, the hash of what they were made from,
and stores and reads them here. Each entry is written with a sidecar holding the SHA-256 of its bytes, atomically (a
partial file, then a rename), and read back only if its bytes still have that hash:
a corrupted or half-written entry is a miss, deleted, and made again by the build.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import jinja2


def key(*parts: str | bytes) -> str:
    """The content address of `parts`: a changed input is a new entry, never a stale one."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big"))  # ("ab", "c") and ("a", "bc") differ
        hashed.update(data)
    return hashed.hexdigest()


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def write(path: Path, data: bytes) -> None:
    """Keep `data` at `path`, with its hash beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    _sidecar(partial).write_text(hashlib.sha256(data).hexdigest(), encoding="ascii")
    partial.replace(path)
    _sidecar(partial).replace(_sidecar(path))


def seal(path: Path) -> None:
    """Record the hash of a file another program wrote at `path` (WeasyPrint's PDF, PurgeCSS's CSS)."""
    _sidecar(path).write_text(hashlib.sha256(path.read_bytes()).hexdigest(), encoding="ascii")


def move(partial: Path, path: Path) -> None:
    """Put a sealed file and its hash at `path`, the hash first: a reader never sees the file without it."""
    _sidecar(partial).replace(_sidecar(path))
    partial.replace(path)


def valid(path: Path) -> bool:
    """Whether `path` holds the bytes it was written with; a damaged entry is removed."""
    try:
        ok = hashlib.sha256(path.read_bytes()).hexdigest() == _sidecar(path).read_text(encoding="ascii").strip()
    except OSError:
        ok = False
    if not ok:
        path.unlink(missing_ok=True)
        _sidecar(path).unlink(missing_ok=True)
    return ok


def read(path: Path) -> bytes | None:
    """The bytes kept at `path`, or None when there are none or they are damaged."""
    return path.read_bytes() if valid(path) else None


class BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates, kept the same way: a damaged one is compiled again."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = read(Path(self._get_cache_filename(bucket)))
        if data is not None:
            bucket.load_bytecode(io.BytesIO(data))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        stream = io.BytesIO()
        bucket.write_bytecode(stream)
        write(Path(self._get_cache_filename(bucket)), stream.getvalue())
