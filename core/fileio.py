"""Write output files safely: through a temporary file, never over a device or an input."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from core.errors import OutputIsInput, display_name


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # follows links: a link to an input is that input
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def ensure_not_input(output: str | os.PathLike[str],
                     inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse to write ``output`` if it is one of ``inputs``.

    Compared by resolved path (symbolic links, ``..``) and by device and inode (hard links,
    bind mounts), never by the names as typed. Empty names and ``-`` (standard input) are
    skipped. Raises :class:`core.errors.OutputIsInput`.
    """
    out_real = os.path.realpath(output)
    out_id = _identity(output)
    for source in inputs:
        if not os.fspath(source) or os.fspath(source) == "-":
            continue
        same_path = os.path.realpath(source) == out_real
        src_id = _identity(source)
        if same_path or (out_id is not None and out_id == src_id):
            raise OutputIsInput.about(output, input=_describe(output, source))


def _describe(output: str | os.PathLike[str], source: str | os.PathLike[str]) -> str:
    """How ``output`` is ``source``: '' when named alike, else 'a link to X, ' and so on."""
    if os.path.abspath(output) == os.path.abspath(source):
        return ""
    if os.path.islink(output):
        return f"a link to {display_name(source)}, "
    return f"the same file as {display_name(source)}, "


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
