"""Web addresses (served from 127.0.0.1 only) and standard input, through the API and the CLI."""

from __future__ import annotations

import io
import json
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.cli import main
from core.errors import DownloadFailed, FileTooLarge
from core.readers.web import load_url
from tests.readers import fixtures
from tests.readers.article import PARAGRAPHS, TITLE

LATIN = [p.replace("Westmere", "Zürich-Café") for p in PARAGRAPHS]
PAGES: dict[str, tuple[int, str, bytes]] = {
    "/news/flood-barrier": (200, "text/html; charset=utf-8", fixtures.make_html()),
    "/latin": (200, "text/html; charset=iso-8859-1",
               fixtures.make_html(LATIN, charset="latin-1", declare=False)),
    "/files/report.pdf": (200, "application/pdf", fixtures.make_pdf()),
    "/draft": (200, "application/octet-stream", fixtures.make_docx()),
    "/plain.txt": (200, "text/plain", "\n\n".join(PARAGRAPHS).encode()),
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output quiet
        pass

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/endless":  # no Content-Length, more bytes than any limit
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(400):
                    self.wfile.write(b"word " * 2000)
            except OSError:
                pass
            return
        status, ctype, body = PAGES.get(self.path, (404, "text/plain", b"not found"))
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/news/flood-barrier")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_web_page_gives_its_article(server: str) -> None:
    doc = load_url(f"{server}/news/flood-barrier")
    assert doc.format == "html"
    assert doc.name == "flood-barrier"
    assert doc.path == f"{server}/news/flood-barrier"
    assert doc.text.startswith(TITLE)
    assert "cookies" not in doc.text and "Most read" not in doc.text


def test_the_http_charset_is_honoured(server: str) -> None:
    doc = load_url(f"{server}/latin")
    assert "Zürich-Café" in doc.text
    assert doc.encoding == "iso8859-1"


@pytest.mark.parametrize(("path", "fmt"), [("/files/report.pdf", "pdf"), ("/draft", "docx"),
                                           ("/plain.txt", "text"), ("/redirect", "html")])
def test_other_documents_by_address(server: str, path: str, fmt: str) -> None:
    doc = load_url(server + path)
    assert doc.format == fmt
    assert PARAGRAPHS[0][:40] in doc.text


@pytest.mark.parametrize(("path", "kwargs", "error", "words"), [
    ("/missing", {}, DownloadFailed, "404"),
    ("/files/report.pdf", {"max_bytes": 1000}, FileTooLarge, "limit"),
    ("/endless", {"max_bytes": 100_000}, FileTooLarge, "limit"),
    ("/slow", {"timeout": 0.5}, DownloadFailed, "did not answer"),
])
def test_download_failures_are_one_clear_line(server: str, path: str, kwargs: dict,
                                              error: type, words: str) -> None:
    start = time.monotonic()
    with pytest.raises(error, match=words) as info:
        load_url(server + path, **kwargs)
    assert "\n" not in str(info.value)
    assert time.monotonic() - start < 2.5


def test_unreachable_and_non_web_addresses() -> None:
    with pytest.raises(DownloadFailed, match="cannot be reached"):
        load_url("http://127.0.0.1:9/nothing", timeout=2)
    with pytest.raises(DownloadFailed, match="not a web address"):
        load_url("ftp://127.0.0.1/file.txt")


def run_cli(capsys, *args: str) -> tuple[int, dict | None, str]:
    code = main(["compare", "--no-entities", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def test_cli_compares_a_web_page_with_standard_input(server: str, capsys, monkeypatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(fixtures.make_docx()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, result, err = run_cli(capsys, f"{server}/news/flood-barrier", "-")
    assert code == 0, err
    a, b = result["documents"]
    assert (a["format"], b["format"]) == ("html", "docx")
    assert b["path"] == "" and b["name"] in ("-", "standard input")
    assert result["summary"]["a"]["shared_chars"] / result["summary"]["a"]["chars"] > 0.97


def test_cli_refuses_stdin_twice_and_bad_addresses(server: str, capsys) -> None:
    code, _, err = run_cli(capsys, "-", "-")
    assert code == 2 and "standard input" in err
    code, _, err = run_cli(capsys, f"{server}/missing", f"{server}/news/flood-barrier")
    assert code == 2 and "404" in err and "Traceback" not in err


def test_a_word_file_piped_in_is_compared_with_a_pdf(tmp_path) -> None:
    import subprocess
    from pathlib import Path

    pdf = tmp_path / "printed.pdf"
    pdf.write_bytes(fixtures.make_pdf())
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from core.cli import main; sys.exit(main())",
         "compare", "--no-entities", "--format", "json", "-", str(pdf)],
        input=fixtures.make_docx(), capture_output=True, cwd=root, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    result = json.loads(done.stdout)
    assert [d["format"] for d in result["documents"]] == ["docx", "pdf"]
    assert result["documents"][1]["pages"] == 2
    assert result["summary"]["b"]["shared_chars"] / result["summary"]["b"]["chars"] > 0.97


def test_a_web_address_is_read_over_https(tmp_path, monkeypatch) -> None:
    """HTTPS with a certificate the system trusts (here: SSL_CERT_FILE) is read; one it does
    not trust is refused in one line that says why."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parents[2] / "packaging" / "local_https.py"
    spec = importlib.util.spec_from_file_location("_local_https", path)
    local_https = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(local_https)
    made = local_https.make_certificate(tmp_path)
    if made is None:
        pytest.skip("no openssl program to make a certificate")
    base, stop = local_https.serve({"/page": ("text/html; charset=utf-8", fixtures.make_html())},
                                   *made)
    try:
        with pytest.raises(DownloadFailed, match="certificate"):
            load_url(f"{base}/page")
        monkeypatch.setenv("SSL_CERT_FILE", str(made[0]))
        doc = load_url(f"{base}/page")
        assert doc.path == f"{base}/page" and PARAGRAPHS[0][:40] in doc.text
    finally:
        stop()
