"""Web addresses: download with a timeout and a size limit, then read (usually as a web page)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import unquote, urlsplit

from core.errors import DownloadFailed, FileTooLarge, display_size
from core.model import Document
from core.readers.sniff import sniff_format

DEFAULT_TIMEOUT = 30.0  # seconds for the whole download
USER_AGENT = "Concord (document comparison)"
# Content types -> the extension they stand for; the bytes still have the last word.
_CONTENT_TYPES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
    "text/plain": ".txt", "text/markdown": ".md", "application/rtf": ".rtf",
    "text/rtf": ".rtf", "message/rfc822": ".eml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
}


@dataclass(frozen=True)
class Download:
    """The bytes behind a web address and what the server said about them."""

    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


def _name_for(url: str) -> str:
    parts = urlsplit(url)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    return last or parts.hostname or url


def download(url: str, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Download:
    """Fetch ``url`` (http or https only), refusing more than ``max_bytes`` or ``timeout`` s."""
    import urllib.error
    import urllib.request

    if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).hostname:
        raise DownloadFailed(f"{url} is not a web address (http:// or https://).")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept-Encoding": "identity"})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=min(timeout, 15.0),
                                    context=_tls_context()) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _too_large(url, max_bytes)
            chunks, total = [], 0
            while chunk := response.read(64 * 1024):
                total += len(chunk)
                if total > max_bytes:
                    raise _too_large(url, max_bytes)
                if time.monotonic() > deadline:
                    raise DownloadFailed(f"{url}: the download took more than {timeout:.0f} s; "
                                         "try again later or save the page and open the file.")
                chunks.append(chunk)
            return Download(response.geturl(), b"".join(chunks),
                            response.headers.get_content_type(),
                            response.headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise DownloadFailed(f"{url}: the server answered {exc.code} "
                             f"{exc.reason or ''}.".replace(" .", ".")) from None
    except urllib.error.URLError as exc:
        raise DownloadFailed(f"{url} cannot be reached ({_reason(exc.reason)}).") from None
    except TimeoutError:
        raise DownloadFailed(f"{url}: the server did not answer within the time "
                             "limit.") from None
    except (OSError, ValueError) as exc:
        raise DownloadFailed(f"{url} cannot be downloaded ({_reason(exc)}).") from None


def _tls_context():  # type: ignore[no-untyped-def]
    """Certificates HTTPS trusts: the system's (or those SSL_CERT_FILE names) and certifi's
    list when installed. The frozen app carries certifi's: its own OpenSSL looks for the
    system's certificates where the build machine keeps them, which another Linux may not."""
    import ssl

    context = ssl.create_default_context()
    try:
        import certifi

        context.load_verify_locations(cafile=certifi.where())
    except (ImportError, OSError, ssl.SSLError):  # the system's certificates still apply
        pass
    return context


def _reason(reason: object) -> str:
    text = getattr(reason, "strerror", None) or str(reason)
    return text[:200] or type(reason).__name__


def _too_large(url: str, max_bytes: int) -> FileTooLarge:
    return FileTooLarge(f"{url} is larger than the {display_size(max_bytes)} limit "
                        "(raise it with --max-size).")


def load_url(url: str, max_bytes: int = 50 * 1024 * 1024, timeout: float = DEFAULT_TIMEOUT,
             encoding: str | None = None, isolate: bool = False) -> Document:
    """A :class:`Document` from a web address; ``path`` is the address, ``name`` its last part."""
    from core.readers.load import load_bytes

    got = download(url, max_bytes, timeout)
    name = _name_for(got.url)
    extension = _CONTENT_TYPES.get(got.content_type) or PurePath(name).suffix
    fmt = sniff_format(got.data, name, extension) if got.data.strip() else None
    return load_bytes(got.data, name, encoding=encoding, fmt=fmt, path=got.url,
                      mtime=time.time(), declared_charset=got.charset, isolate=isolate)
