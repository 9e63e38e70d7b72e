"""Every user-facing error of the engine, with a stable code and a plain-language message."""

from __future__ import annotations

import os
import re

# Characters that must never reach a terminal or a dialog raw: C0/C1 controls (newline, ESC...),
# DEL, bidirectional overrides and other format characters (they reorder what the user sees),
# line/paragraph separators, and the lone surrogates Python uses for undecodable file-name bytes.
# Zero-width joiners (U+200C/D) stay: Persian, Indic and emoji names need them.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e"
                     r"\u2060-\u206f\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def _escape_char(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_text(text: str) -> str:
    """``text`` with every control, format or surrogate character written as an escape."""
    return _UNSAFE.sub(_escape_char, text)


def display_name(path: str | os.PathLike[str] | bytes) -> str:
    """A file name safe to print: one line, no terminal escape sequences, no bidi tricks.

    Every message that names a file goes through here (item 7 of issue #8): a name holding a
    newline or ``ESC[2J`` is shown as ``\\n`` / ``\\e[2J`` instead of being obeyed.
    """
    name = os.fsdecode(path) if isinstance(path, (bytes, os.PathLike)) else str(path)
    if name == "-":
        return "standard input"
    return escape_text(name)


def display_size(n_bytes: float) -> str:
    """A byte count for messages: bytes when small, else megabytes (10^6 bytes, as --max-size)."""
    if n_bytes < 100_000:
        return f"{n_bytes:,.0f} bytes"
    return f"{n_bytes / 1e6:.1f} MB" if n_bytes < 1e9 else f"{n_bytes / 1e9:.1f} GB"


class ConcordError(Exception):
    """An error the user can act on; ``str()`` is the message to show."""

    code = "E000"
    template = ""  # the message, with {name} (escaped) and the keyword arguments of about()

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        # The last line of defence: whatever built the message, it prints as one safe line.
        return f"{escape_text(self.message)} [{self.code}]"

    @classmethod
    def about(cls, path: str | os.PathLike[str], **details: object) -> ConcordError:
        """This error for ``path``, its message from the class template (names escaped)."""
        return cls(cls.template.format(name=display_name(path), **details))


class InputError(ConcordError):
    """A file cannot be compared: missing, a directory, empty, binary, too large..."""

    code = "E100"


class FileMissing(InputError):
    code = "E101"
    template = "{name}: no such file."


class IsADirectory(InputError):
    code = "E102"
    template = "{name} is a folder; choose a file inside it."


class EmptyFile(InputError):
    code = "E103"
    template = "{name} is empty; there is nothing to compare."


class BinaryFile(InputError):
    code = "E104"
    template = "{name} looks like a binary file ({why}), not text."


class DecodeFailed(InputError):
    code = "E105"
    template = "{name}: {why}"


class FileTooLarge(InputError):
    code = "E106"
    template = "{name} is {size}; the limit is {limit} (raise it with --max-size)."


class UnsupportedFormat(InputError):
    code = "E107"


class UnreadableFile(InputError):
    code = "E108"
    template = "{name}: cannot be read ({why})."


class NotARegularFile(InputError):
    """A pipe, socket or device: reading it could block forever or never end."""

    code = "E109"
    template = ("{name} is {kind}, not a regular file; save its content to a file and compare "
                "that (or pipe it in as '-').")
    terminal_template = ("standard input is a terminal; pipe a document into it "
                         "(for example: concord compare - B.txt < A.txt).")


class FileChanged(InputError):
    """The file was rewritten while it was read: the bytes would describe no real version."""

    code = "E110"
    template = "{name} changed while it was read; try again."


class OptionError(ConcordError):
    """An engine option is out of range."""

    code = "E200"


class Cancelled(ConcordError):
    """The user (or a newer request) cancelled the comparison."""

    code = "E300"

    def __init__(self, message: str = "The comparison was cancelled.") -> None:
        super().__init__(message)


class OutputError(ConcordError):
    """An output file cannot be written where asked."""

    code = "E400"


class OutputIsInput(OutputError):
    """The output would overwrite one of the documents compared (same file, link or not)."""

    code = "E401"
    template = ("{name} is {input}one of the documents compared; choose another name "
                "for the output.")


# Document formats (codes E120-E129: kept apart from the other input errors for easy merges).
class CorruptDocument(InputError):
    """A Word/PDF/OpenDocument/RTF file whose structure cannot be read."""

    code = "E120"


class PasswordProtected(InputError):
    code = "E121"


class NoTextLayer(InputError):
    """A PDF made of scanned images only."""

    code = "E122"


class UnsafeDocument(InputError):
    """A zip bomb, an XML entity bomb or another container built to exhaust the machine."""

    code = "E123"


class ReadTimeout(InputError):
    code = "E124"


class DownloadFailed(InputError):
    """A web address could not be fetched (refused, timed out, not found, too large)."""

    code = "E125"
