"""Writing an output file whole or not at all: the bytes are made in memory first, written to a
temporary file beside the target, then renamed over it, so a full disk or a refused path leaves
no half-written file and keeps what was there (with its permissions)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` in one step; raises OSError when the path cannot be written."""
    target = Path(path)
    mode = target.stat().st_mode & 0o777 if target.is_file() else 0o644
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
