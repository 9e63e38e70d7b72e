"""Run real-world documents from libraries' test suites through `concord compare F F`.

The .docx/.pdf/.odt/.rtf files of python-docx, pdfminer.six, pypdf, odfpy and striprtf
(bare git mirrors, e.g. from the search tool's `fetch`) are each compared with themselves
in a child process with a time limit. Prints how many load, how many are refused (by
error code and message) and lists any crash (exit 1, traceback, signal) or hang.

Run: `.venv/bin/python -m benchmarks.third_party_files [MIRROR_DIR ...]`
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

EXTENSIONS = (".docx", ".pdf", ".odt", ".rtf")
DEFAULT_MIRRORS = [f"/work/.mirror/{name}/repo" for name in (
    "python-openxml+python-docx", "pdfminer+pdfminer.six", "py-pdf+pypdf", "eea+odfpy",
    "joshy+striprtf")]
RUN = ("import sys; from core.cli import main; "
       "sys.exit(main(['compare', '--no-entities', '--format', 'json', '-o', '/dev/null', "
       "sys.argv[1], sys.argv[1]]))")


@dataclass(frozen=True)
class Outcome:
    repo: str
    path: str
    kind: str  # loaded, refused, crashed, hung
    detail: str
    seconds: float


def extract(mirror: Path, out: Path) -> list[tuple[str, Path]]:
    """Write every document of the mirror's HEAD into ``out``; (repo path, file) pairs."""
    git = ["git", "--git-dir", str(mirror)]
    names = subprocess.run([*git, "ls-tree", "-r", "-z", "--name-only", "HEAD"],
                           capture_output=True, check=True).stdout.decode().split("\0")
    files = []
    for index, name in enumerate(n for n in names if n.lower().endswith(EXTENSIONS)):
        blob = subprocess.run([*git, "cat-file", "blob", f"HEAD:{name}"], capture_output=True)
        if blob.returncode != 0 or blob.stdout.startswith(b"version https://git-lfs"):
            continue
        target = out / f"{index:04d}{Path(name).suffix.lower()}"
        target.write_bytes(blob.stdout)
        files.append((name, target))
    return files


def run_one(repo: str, name: str, path: Path, timeout: float) -> Outcome:
    start = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", RUN, str(path)], capture_output=True,
                              text=True, timeout=timeout, cwd=Path(__file__).parent.parent)
    except subprocess.TimeoutExpired:
        return Outcome(repo, name, "hung", f"no answer in {timeout:.0f} s", timeout)
    seconds = time.monotonic() - start
    err = done.stderr.strip().splitlines()
    last = err[-1] if err else ""
    if done.returncode == 0:
        return Outcome(repo, name, "loaded", "", seconds)
    if done.returncode == 2 and len(err) == 1 and "Traceback" not in done.stderr:
        return Outcome(repo, name, "refused", last, seconds)
    return Outcome(repo, name, "crashed", f"exit {done.returncode}: {last[:300]}", seconds)


def refusal_reason(detail: str) -> str:
    """'[E122] this PDF contains only scanned images...' without the file name."""
    code = re.search(r"\[(E\d+)\]", detail)
    message = re.sub(r"^concord: ", "", detail)
    message = re.sub(r"\d{4}\.\w+:? ?", "", message)  # the extracted file's name
    message = re.sub(r"\(.*", "(...)", re.sub(r" \[E\d+\]$", "", message))
    return f"{code.group(1) if code else '?'} {message[:110]}"


def report(outcomes: list[Outcome], verbose: bool = False) -> None:
    print("repository | files | loaded | refused | crashed | hung | slowest s")
    print("--- | --- | --- | --- | --- | --- | ---")
    for repo in sorted({o.repo for o in outcomes}):
        mine = [o for o in outcomes if o.repo == repo]
        kinds = Counter(o.kind for o in mine)
        print(f"{repo} | {len(mine)} | {kinds['loaded']} | {kinds['refused']} | "
              f"{kinds['crashed']} | {kinds['hung']} | {max(o.seconds for o in mine):.1f}")
    kinds = Counter(o.kind for o in outcomes)
    print(f"**all** | {len(outcomes)} | {kinds['loaded']} | {kinds['refused']} | "
          f"{kinds['crashed']} | {kinds['hung']} | "
          f"{max((o.seconds for o in outcomes), default=0):.1f}")
    by_ext = Counter((Path(o.path).suffix.lower(), o.kind) for o in outcomes)
    print("\nby extension: " + ", ".join(f"{ext} {kind} {n}"
                                         for (ext, kind), n in sorted(by_ext.items())))
    print("\nrefusals by reason:")
    for reason, n in Counter(refusal_reason(o.detail) for o in outcomes
                             if o.kind == "refused").most_common():
        print(f"  {n:4d}  {reason}")
    for o in outcomes:
        if o.kind in ("crashed", "hung") or (verbose and o.kind == "refused"):
            print(f"{o.kind.upper()}: {o.repo}:{o.path}: {o.detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mirrors", nargs="*", default=DEFAULT_MIRRORS)
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds per file")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="list every refused file")
    args = parser.parse_args(argv)
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for mirror in map(Path, args.mirrors):
            if not mirror.exists():
                print(f"(skipped: {mirror} is not there)", file=sys.stderr)
                continue
            repo = mirror.parent.name.replace("+", "/") if mirror.name == "repo" else mirror.name
            out = Path(tmp) / repo.replace("/", "+")
            out.mkdir()
            jobs += [(repo, name, path) for name, path in extract(mirror, out)]
        with ThreadPoolExecutor(args.jobs) as pool:
            outcomes = list(pool.map(lambda job: run_one(*job, args.timeout), jobs))
    report(outcomes, args.verbose)
    return 1 if any(o.kind in ("crashed", "hung") for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
