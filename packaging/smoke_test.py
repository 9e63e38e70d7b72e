"""Smoke-test a built bundle headless against the source tree: `python packaging/smoke_test.py`.

Checks: `--version`; `compare` of the example pair (JSON equal to the source tree's, entities
included); a PDF report; every document format (the frozen program and the source tree must
agree on each); a web page read over HTTPS from a local server; the window under Xvfb showing
the example pair compared (a screenshot is saved). Prints a table; exit code 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import local_https  # noqa: E402
import smoke_docs  # noqa: E402

EXAMPLE_A = ROOT / "examples" / "original.txt"
EXAMPLE_B = ROOT / "examples" / "rewrite.txt"
VOLATILE = ("elapsed", "elapsed_seconds", "timings")


def default_exe() -> Path:
    if sys.platform == "win32":
        return ROOT / "dist" / "concord" / "concord-cli.exe"
    if sys.platform == "darwin":
        return ROOT / "dist" / "Concord.app" / "Contents" / "MacOS" / "concord"
    return ROOT / "dist" / "concord" / "concord"


def source_python() -> Path:
    venv = ROOT / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    return venv if venv.exists() else Path(sys.executable)


def scrub(value):  # type: ignore[no-untyped-def]
    """``value`` without the timings that differ from run to run."""
    if isinstance(value, dict):
        return {k: scrub(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


def run(cmd: list, timeout: float = 300, env: dict | None = None) -> tuple[int, str, str, float]:
    started = time.monotonic()
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr, time.monotonic() - started


class Smoke:
    """Runs the checks; each appends a row (name, ok, detail)."""

    def __init__(self, exe: Path, python: Path, work: Path) -> None:
        self.exe, self.python, self.work = exe, python, work
        self.rows: list[tuple[str, bool, str]] = []

    def frozen(self, *args, **kw):  # type: ignore[no-untyped-def]
        return run([self.exe, *args], **kw)

    def source(self, *args, **kw):  # type: ignore[no-untyped-def]
        return run([self.python, "-m", "gui.app", *args], **kw)

    def check(self, name: str, ok: bool, detail: str) -> bool:
        self.rows.append((name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)
        return ok

    def version(self) -> None:
        code, out, err, secs = self.frozen("--version")
        want = run([self.python, "-c", "import core; print(core.__version__)"])[1].strip()
        self.check("--version", code == 0 and want in out,
                   f"{out.strip() or err.strip()} ({secs:.2f} s)")

    def compare_json(self, a: Path, b: Path, *extra: str) -> tuple[bool, str, dict | None]:
        args = ["compare", str(a), str(b), "--format", "json", *extra]
        f_code, f_out, f_err, f_secs = self.frozen(*args)
        s_code, s_out, s_err, _ = self.source(*args)
        if f_code != s_code:
            return False, f"exit {f_code} frozen, {s_code} source: {f_err.strip()[:200]}", None
        if f_code != 0:
            same = f_err.strip() == s_err.strip()
            return same, f"both exit {f_code}: {f_err.strip()[:120]}", None
        frozen, source = scrub(json.loads(f_out)), scrub(json.loads(s_out))
        return frozen == source, f"{'same' if frozen == source else 'DIFFERENT'} JSON, " \
            f"{f_secs:.2f} s frozen", frozen

    def example_pair(self) -> None:
        ok, detail, data = self.compare_json(EXAMPLE_A, EXAMPLE_B)
        entities = sum(len(side) for side in (data or {}).get("entities", []))
        missing = [n for n in (data or {}).get("notes", []) if "unavailable" in n]
        self.check("compare example pair", ok and entities > 0 and not missing,
                   f"{detail}, {entities} entities{', ' + '; '.join(missing) if missing else ''}")

    def names_across_scripts(self) -> None:
        a, b = smoke_docs.write_names_pair(self.work / "names")
        ok, detail, data = self.compare_json(a, b)
        groups = len((data or {}).get("entity_groups", []))
        self.check("entities with accented names", ok and groups > 0, f"{detail}, {groups} groups")

    def report(self) -> Path:
        out = self.work / "report.pdf"
        code, _o, err, secs = self.frozen("report", EXAMPLE_A, EXAMPLE_B, "-o", out)
        ok = code == 0 and out.exists() and out.read_bytes()[:5] == b"%PDF-"
        size = out.stat().st_size if out.exists() else 0
        self.check("PDF report", ok and size > 2000, f"{size} bytes, {secs:.2f} s {err[:100]}")
        return out

    def formats(self, pdf: Path) -> None:
        docs = smoke_docs.write_all(self.work / "formats")
        if pdf.exists():
            docs.append(pdf)
        for doc in docs:
            ok, detail, _data = self.compare_json(doc, EXAMPLE_B, "--no-entities")
            self.check(f"format {doc.suffix}", ok, detail)

    def https(self) -> None:
        """A page over HTTPS (local server, its own certificate named by SSL_CERT_FILE): the
        bundle must carry ssl and OpenSSL, and refuse a certificate it does not trust."""
        made = local_https.make_certificate(self.work / "tls")
        if made is None:
            self.check("web page over HTTPS", False, "no openssl program to make a certificate")
            return
        page = self.work / "tls" / "page.html"
        smoke_docs.write_html(page)
        base, stop = local_https.serve({"/page": ("text/html; charset=utf-8", page.read_bytes())},
                                       *made)
        try:
            args = ["compare", f"{base}/page", EXAMPLE_B, "--no-entities", "--format", "json"]
            untrusted = self.frozen(*args)
            code, out, err, secs = self.frozen(
                *args, env=dict(os.environ, SSL_CERT_FILE=str(made[0])))
        finally:
            stop()
        read = code == 0 and json.loads(out)["documents"][0]["path"] == f"{base}/page"
        refused = untrusted[0] == 2 and "certificate" in untrusted[2]
        self.check("web page over HTTPS", read and refused,
                   f"trusted: exit {code} ({secs:.2f} s) {err.strip()[:120]}; untrusted: exit "
                   f"{untrusted[0]} {untrusted[2].strip()[:120]}")

    def window(self) -> None:
        xvfb = shutil.which("xvfb-run")
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or xvfb):
            self.check("window", False, "no display and no xvfb-run")
            return
        probe = self.work / "window.json"
        env = dict(os.environ, CONCORD_STARTUP_PROBE=str(probe))
        cmd = [self.exe, EXAMPLE_A, EXAMPLE_B]
        if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
            cmd = [xvfb, "-a", "-s", "-screen 0 1280x800x24", *cmd]
        code, _o, err, secs = run(cmd, timeout=180, env=env)
        data = json.loads(probe.read_text()) if probe.exists() else {}
        ok = (code == 0 and data.get("compared")
              and data.get("docs") == [EXAMPLE_A.name, EXAMPLE_B.name])
        shot = probe.with_suffix(".png")
        self.check("window shows the example pair", bool(ok) and shot.exists(),
                   f"exit {code}, docs {data.get('docs')}, screenshot {shot} ({secs:.1f} s) "
                   f"{err.strip()[-200:] if not ok else ''}")


    def two_launches(self) -> None:
        """What a file manager does with two selected files: one launch per file, one window."""
        probe = self.work / "two.json"
        name = str(self.work / "instance") if os.name != "nt" else f"concord-smoke-{os.getpid()}"
        env = dict(os.environ, CONCORD_INSTANCE_NAME=name)
        prefix = []
        if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
            prefix = [shutil.which("xvfb-run"), "-a", "-s", "-screen 0 1280x800x24"]
        script = (  # both launches must share the virtual screen: one shell under xvfb-run
            f'"{self.exe}" "{EXAMPLE_A}" & first=$!; sleep 3; "{self.exe}" "{EXAMPLE_B}"; '
            'second=$?; wait $first; echo "second=$second first=$?"')
        env["CONCORD_STARTUP_PROBE"] = str(probe)  # the second one hands over before the probe
        _code, out, err, secs = run([*prefix, "sh", "-c", script], timeout=240, env=env)
        data = json.loads(probe.read_text()) if probe.exists() else {}
        ok = "second=0 first=0" in out and data.get("docs") == [EXAMPLE_A.name, EXAMPLE_B.name]
        self.check("two launches, one window", ok and data.get("compared"),
                   f"{out.strip()}, docs {data.get('docs')} ({secs:.1f} s) "
                   f"{err.strip()[-200:] if not ok else ''}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", type=Path, default=default_exe(), help="the frozen program")
    parser.add_argument("--python", type=Path, default=source_python(),
                        help="the source tree's interpreter (the reference)")
    parser.add_argument("--work", type=Path, default=None, help="folder for outputs (kept)")
    parser.add_argument("--no-window", action="store_true", help="skip the window check")
    args = parser.parse_args(argv)
    if not args.exe.exists():
        print(f"smoke_test: {args.exe} not found: build first (packaging/build.py)",
              file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="concord-smoke-"))
    work.mkdir(parents=True, exist_ok=True)
    smoke = Smoke(args.exe, args.python, work)
    smoke.version()
    smoke.example_pair()
    smoke.names_across_scripts()
    pdf = smoke.report()
    smoke.formats(pdf)
    smoke.https()
    if not args.no_window:
        smoke.window()
        if os.name != "nt":
            smoke.two_launches()
    failed = [name for name, ok, _ in smoke.rows if not ok]
    print(f"\nsmoke test: {len(smoke.rows) - len(failed)} of {len(smoke.rows)} checks passed"
          f"{' (failed: ' + ', '.join(failed) + ')' if failed else ''}; outputs in {work}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
