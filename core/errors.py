"""Every user-facing error of the engine, with a stable code and a plain-language message."""

from __future__ import annotations


class ConcordError(Exception):
    """An error the user can act on; ``str()`` is the message to show."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class InputError(ConcordError):
    """A file cannot be compared: missing, a directory, empty, binary, too large..."""

    code = "E100"


class FileMissing(InputError):
    code = "E101"


class IsADirectory(InputError):
    code = "E102"


class EmptyFile(InputError):
    code = "E103"


class BinaryFile(InputError):
    code = "E104"


class DecodeFailed(InputError):
    code = "E105"


class FileTooLarge(InputError):
    code = "E106"


class UnsupportedFormat(InputError):
    code = "E107"


class UnreadableFile(InputError):
    code = "E108"


class OptionError(ConcordError):
    """An engine option is out of range."""

    code = "E200"


class Cancelled(ConcordError):
    """The user (or a newer request) cancelled the comparison."""

    code = "E300"

    def __init__(self, message: str = "The comparison was cancelled.") -> None:
        super().__init__(message)


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
