"""The `concord compare` command: output shapes, options, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main

A_TEXT = ("The regional court upheld the fishing ban on the northern lakes on Friday.\n\n"
          "Judge Amara Okafor said the ban protected spawning grounds for another decade.\n\n"
          "Fishermen's unions plan to appeal.")
B_TEXT = ("On Friday the regional court upheld the fishing ban on the northern lakes.\n\n"
          "The ban, Judge Amara Okafor said, shields breeding areas for a further decade.\n\n"
          "Tourism operators welcomed the ruling.")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "court-a.txt", tmp_path / "court-b.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return a, b


def run_json(capsys, *args: str) -> dict:
    assert main(["compare", *args, "--format", "json", "--no-entities"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_the_documented_shape(pair, capsys) -> None:
    data = run_json(capsys, str(pair[0]), str(pair[1]))
    assert data["format"] == "concord/1"
    assert [d["name"] for d in data["documents"]] == ["court-a.txt", "court-b.txt"]
    assert set(data["documents"][0]) >= {"path", "name", "encoding", "format", "text"}
    assert data["documents"][0]["text"] == A_TEXT
    for spans in data["spans"]:
        for span in spans:
            assert set(span) >= {"start", "end", "kind", "match"}
    assert {m["kind"] for m in data["matches"]} == {"shared", "reworded"}
    for m in data["matches"]:
        assert set(m) >= {"id", "kind", "a", "b", "similarity", "moved"}
    assert 0 < data["summary"]["a_in_b"] < 1
    assert "entities" not in data


def test_json_offsets_point_at_the_text(pair, capsys) -> None:
    data = run_json(capsys, str(pair[0]), str(pair[1]))
    text_b = data["documents"][1]["text"]
    unique_b = [text_b[s["start"]:s["end"]] for s in data["spans"][1] if s["kind"] == "unique"]
    assert unique_b == ["Tourism operators welcomed the ruling."]


def test_text_output_shows_summary_and_marks(pair, capsys) -> None:
    assert main(["compare", str(pair[0]), str(pair[1]), "--format", "text",
                 "--no-entities", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "court-a.txt (A) vs court-b.txt (B)" in out
    assert "found in B" in out
    assert "{+" in out and "[-" in out
    assert "\x1b[" not in out


def test_min_phrase_and_threshold_options_change_the_result(pair, capsys) -> None:
    loose = run_json(capsys, str(pair[0]), str(pair[1]))
    strict = run_json(capsys, str(pair[0]), str(pair[1]), "--threshold", "0.95",
                      "--min-phrase", "20")
    assert strict["summary"]["a_in_b"] < loose["summary"]["a_in_b"]
    assert strict["options"]["min_phrase"] == 20


def test_output_file_is_written(pair, tmp_path: Path, capsys) -> None:
    out = tmp_path / "result.json"
    assert main(["compare", str(pair[0]), str(pair[1]), "--no-entities", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "concord/1"
    assert not list(tmp_path.glob("*.concord-tmp"))


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "nope.txt", "no such file"),
        (lambda d: d, "is a folder"),
        (lambda d: _file(d / "e.txt", b""), "empty"),
        (lambda d: _file(d / "bin.txt", b"\x00\x01" * 50), "binary"),
    ],
)
def test_bad_input_exits_2_with_a_message(pair, tmp_path: Path, capsys, make, message) -> None:
    bad = make(tmp_path)
    assert main(["compare", str(pair[0]), str(bad), "--no-entities"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_bad_option_exits_2(pair, capsys) -> None:
    assert main(["compare", str(pair[0]), str(pair[1]), "--threshold", "3"]) == 2
    assert "threshold" in capsys.readouterr().err


def test_help_and_version_through_the_entry_point() -> None:
    help_out = subprocess.run([sys.executable, "-m", "gui.app", "compare", "--help"],
                              capture_output=True, text=True, check=True).stdout
    for option in ("--min-phrase", "--threshold", "--no-fold-case", "--encoding", "exit codes"):
        assert option in help_out
    version = subprocess.run([sys.executable, "-m", "gui.app", "--version"],
                             capture_output=True, text=True, check=True).stdout
    assert version.startswith("concord ")


def test_file_too_large_limit_is_configurable(pair, capsys) -> None:
    assert main(["compare", str(pair[0]), str(pair[1]), "--max-size", "0.0001"]) == 2
    assert "limit" in capsys.readouterr().err


def test_entities_are_included_by_default(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Mayor Elena Varga visited Kiev on Monday with officials from the "
                 "United Nations.", encoding="utf-8")
    b.write_text("Elena Varga, the mayor, travelled to Kyiv on Monday with UN officials.",
                 encoding="utf-8")
    assert main(["compare", str(a), str(b), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    keys = [{e["key"] for e in side if e["text"] in ("Kiev", "Kyiv")} for side in data["entities"]]
    assert keys[0] and keys[0] == keys[1], "Kiev and Kyiv are one place"
    text_a = data["documents"][0]["text"]
    for entity in data["entities"][0]:
        assert text_a[entity["start"]:entity["end"]] == entity["text"]
    assert any(g["label"] == "Person" for g in data["entity_groups"])


def test_html_output_is_self_contained_and_escaped(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The council said <script>alert(1)</script> was found in the old town hall "
                 "archive on Monday.", encoding="utf-8")
    b.write_text("On Monday the council said <script>alert(1)</script> was found in the old "
                 "town hall archive.</table>", encoding="utf-8")
    assert main(["compare", str(a), str(b), "--format", "html", "--no-entities"]) == 0
    page = capsys.readouterr().out
    assert "<script>" not in page and "</table>archive" not in page
    assert "&lt;script&gt;" in page
    assert "http://" not in page and "https://" not in page


def test_json_flags_figures_that_differ(capsys) -> None:
    root = Path(__file__).resolve().parent / "data" / "entities"
    assert main(["compare", str(root / "flood_a.txt"), str(root / "flood_b.txt"),
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    texts = [(f["a"]["text"], f["b"]["text"]) for f in data["figure_differences"]]
    assert ("3,400 people", "3,500 people") in texts
    text_a = data["documents"][0]["text"]
    start, end = data["figure_differences"][0]["a"]["range"]
    assert text_a[start:end] == data["figure_differences"][0]["a"]["text"]


def test_an_internal_error_exits_1_without_a_traceback(pair, capsys, monkeypatch) -> None:
    import core.cli

    def broken(*args, **kwargs):
        raise RuntimeError("unexpected state")

    monkeypatch.setattr(core.cli, "compare_files", broken)
    assert main(["compare", str(pair[0]), str(pair[1]), "--no-entities"]) == 1
    err = capsys.readouterr().err
    assert "internal error" in err and "unexpected state" in err
    assert "Traceback" not in err


def test_text_output_escapes_control_characters_in_file_names(pair, tmp_path: Path,
                                                             capsys) -> None:
    """A name holding a newline or ESC is printed escaped, as in error messages."""
    odd = tmp_path / "two\nlines\x1b[2J.txt"
    odd.write_text(A_TEXT, encoding="utf-8")
    assert main(["compare", str(odd), str(pair[1]), "--format", "text", "--no-entities",
                 "--no-semantic", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert out.splitlines()[0].endswith(r" two\nlines\e[2J.txt (A) vs court-b.txt (B)")
    assert r"A two\nlines\e[2J.txt (" in out


def test_the_entry_point_exits_at_once_with_all_its_output(pair, tmp_path: Path) -> None:
    """`concord compare` ends its process without the interpreter's tear-down: whatever it
    wrote (a long JSON on a pipe, a file, a message) must still be complete, the code right."""
    entry = "import sys; from gui.app import main; sys.exit(main())"
    done = subprocess.run([sys.executable, "-c", entry, "compare", str(pair[0]), str(pair[1]),
                           "--format", "json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)  # the whole document arrived
    assert [d["name"] for d in data["documents"]] == ["court-a.txt", "court-b.txt"]
    assert all(data["entities"]), "the entity child answered before the process ended"
    out = tmp_path / "out.html"
    done = subprocess.run([sys.executable, "-c", entry, "compare", str(pair[0]), str(pair[1]),
                           "--format", "html", "-o", str(out)], capture_output=True, timeout=120)
    assert done.returncode == 0 and out.read_text(encoding="utf-8").rstrip().endswith("</html>")
    done = subprocess.run([sys.executable, "-c", entry, "compare", str(pair[0]),
                           str(tmp_path / "missing.txt")], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2 and "missing.txt" in done.stderr
