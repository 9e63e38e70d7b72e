"""Write output files safely: through a temporary file, never over a device or an input."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path


def publish(tmp: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Move the finished temporary file ``tmp`` onto ``target``.

    A target that is not a regular file (/dev/null, a pipe) is written through, never
    replaced; a symbolic link is followed so that the file it points to is updated.
    """
    real = Path(os.path.realpath(target))
    if real.exists() and not real.is_file():
        with open(tmp, "rb") as src, open(real, "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.unlink(tmp)
        return
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        os.replace(tmp, real)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        shutil.copyfile(tmp, real)  # the link points to another file system
        os.unlink(tmp)


def temp_beside(path: str | os.PathLike[str]) -> tuple[int, str]:
    """A new temporary file in the folder of ``path`` (so the final move is atomic)."""
    target = Path(path)
    return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                            dir=target.parent if str(target.parent) else ".")


def write_text_atomic(text: str, path: str | os.PathLike[str]) -> None:
    """Write ``text`` as UTF-8 to ``path`` through a temporary file in the same folder."""
    fd, tmp = temp_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
