"""The option table: every option reaches the command line, validation and the report."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import core.options
from core.app import compare_documents, compare_files, load_pair
from core.cli import build_parser, main
from core.comparison.engine import compare
from core.errors import ConcordError, OptionError
from core.model import Options
from core.options import MB, OPTIONS, LoadOptions, OptionSpec, engine_options, rows
from core.readers.load import DEFAULT_MAX_BYTES, document_from_text
from core.report.model import settings

A_TEXT = "The harbour reopened on Monday after the storm. Ferries ran to the islands again.\n"
B_TEXT = "After the storm the harbour reopened on Monday. Boats sailed to the islands again.\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return str(a), str(b)


def compare_parser() -> argparse.ArgumentParser:
    commands = next(a for a in build_parser()._actions
                    if isinstance(a, argparse._SubParsersAction))
    return commands.choices["compare"]


def flags(parser: argparse.ArgumentParser) -> set[str]:
    return set(parser._option_string_actions)


def test_every_row_has_a_flag_on_every_command() -> None:
    from gui.report_cli import build_parser as report_parser
    from gui.window_main import build_parser as window_parser

    for parser in (compare_parser(), report_parser(), window_parser()):
        assert {row.flag for row in OPTIONS} <= flags(parser)


def test_the_table_covers_every_engine_field() -> None:
    from dataclasses import fields

    assert {f.name for f in fields(Options)} == {r.name for r in rows("engine")}
    assert {f.name for f in fields(LoadOptions)} == {r.name for r in rows("load")}


@dataclass(frozen=True)
class WiderOptions(Options):
    """Options with one more field, as a new engine feature would add."""

    max_gap: int = 3


NEW_ROW = OptionSpec("max_gap", "engine", int, label="Sentences skipped between pairs",
                     short="Gap", help="sentences a gap may hold", tooltip="max_gap",
                     unit="sentences", minimum=0, maximum=9, metavar="N")


@pytest.fixture
def wider_table(monkeypatch):
    monkeypatch.setattr(core.options, "Options", WiderOptions)
    monkeypatch.setattr(core.options, "OPTIONS", (*OPTIONS, NEW_ROW))


def test_a_new_row_becomes_a_flag_a_check_and_a_report_line(wider_table) -> None:
    parser = compare_parser()
    assert "--max-gap" in flags(parser)
    args = parser.parse_args(["a", "b", "--max-gap", "5"])
    assert engine_options(args, WiderOptions()).max_gap == 5
    with pytest.raises(OptionError, match="--max-gap"):
        engine_options(parser.parse_args(["a", "b", "--max-gap", "12"]), WiderOptions())
    assert ("Gap", "3 sentences") in core.options.describe(WiderOptions())


@pytest.mark.parametrize("name, bad", [
    ("min_phrase", 0), ("min_phrase", 1001), ("min_phrase", 2.5), ("threshold", 0.0),
    ("threshold", 1.5), ("threshold", float("nan")), ("diff_timeout", -1.0),
    ("diff_timeout", float("inf")), ("fold_case", "no"), ("semantic", 1),
])
def test_a_bad_value_is_refused_naming_the_option(name: str, bad: object) -> None:
    row = core.options.spec(name)
    with pytest.raises(OptionError) as caught:
        compare(document_from_text("a b c"), document_from_text("a b c"),
                replace(Options(), **{name: bad}))
    assert row.flag in str(caught.value) and row.short in str(caught.value)


def test_diff_timeout_is_on_the_command_line(pair, capsys) -> None:
    assert main(["compare", *pair, "--format", "json", "--no-entities",
                 "--diff-timeout", "2.5", "--no-semantic"]) == 0
    options = json.loads(capsys.readouterr().out)["options"]
    assert options["diff_timeout"] == 2.5 and options["semantic"] is False
    assert main(["compare", *pair, "--no-entities", "--diff-timeout", "-1"]) == 2
    assert "--diff-timeout" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "NaN"])
def test_max_size_nonsense_exits_2_with_one_line(pair, capsys, value: str) -> None:
    assert main(["compare", *pair, "--no-entities", f"--max-size={value}"]) == 2
    err = capsys.readouterr().err
    assert "--max-size" in err and "MB" in err and len(err.strip().splitlines()) == 1


def test_report_refuses_nonsense_max_size(pair, tmp_path, capsys) -> None:
    from gui.report_cli import main as report_main

    out = tmp_path / "r.html"
    assert report_main([*pair, "-o", str(out), "--no-entities", "--max-size", "nan"]) == 2
    assert "--max-size" in capsys.readouterr().err
    assert not out.exists()


def test_one_megabyte_is_a_million_bytes(tmp_path: Path) -> None:
    args = compare_parser().parse_args(["a", "b", "--max-size", "1"])
    assert core.options.loading_options(args).max_bytes == 1_000_000
    assert DEFAULT_MAX_BYTES == LoadOptions().max_bytes == 50 * MB == 50_000_000
    line = "word " * 19 + "end.\n"  # 100 bytes
    exact, over = tmp_path / "exact.txt", tmp_path / "over.txt"
    exact.write_text(line * 10_000, encoding="ascii")
    over.write_text(line * 10_000 + "x", encoding="ascii")
    assert len(load_pair([exact, exact], max_bytes=1_000_000)) == 2
    with pytest.raises(ConcordError, match="MB"):
        load_pair([exact, over], max_bytes=1_000_000)


def test_help_speaks_of_mb_only() -> None:
    text = compare_parser().format_help()
    assert "MiB" not in text and "52.4" not in text
    assert "default 50 MB" in " ".join(text.split())
    assert "1,000,000 bytes" in " ".join(text.split())


def test_report_settings_list_every_engine_option(pair) -> None:
    result = compare_files(pair, Options(min_phrase=7), entities=False)
    lines = dict(settings(result))
    assert {row.short for row in rows("engine")} <= set(lines)
    assert lines["Minimum phrase"] == "7 words"


def test_compare_files_checks_options_before_reading(tmp_path) -> None:
    missing = [str(tmp_path / "nope-a.txt"), str(tmp_path / "nope-b.txt")]
    with pytest.raises(OptionError, match="--threshold"):
        compare_files(missing, Options(threshold=2.0))
    with pytest.raises(OptionError, match="--max-size"):
        compare_files(missing, max_bytes=-5)


def test_compare_files_reports_stages_and_adds_entities(pair, monkeypatch) -> None:
    import core.app

    marker = ((), ())
    monkeypatch.setattr(core.app, "add_entities", lambda r, **_: replace(r, entities=marker))
    stages: list[tuple[str, float]] = []
    result = compare_files(pair, progress=lambda s, f: stages.append((s, f)))
    assert result.entities == marker
    assert stages[-2][0] == core.app.ENTITY_STAGE and stages[-1] == ("Done", 1.0)
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions)
    assert compare_files(pair, entities=False).entities is None


def test_entity_failure_warns_in_the_report_and_fails_the_cli(pair, tmp_path, monkeypatch,
                                                               capsys) -> None:
    import core.app
    from gui.report_cli import main as report_main

    def broken(result, **_):
        raise RuntimeError("no language model")

    monkeypatch.setattr(core.app, "add_entities", broken)
    out = tmp_path / "r.html"
    assert report_main([*pair, "-o", str(out)]) == 0
    assert "entities left out" in capsys.readouterr().err and out.exists()
    assert main(["compare", *pair, "--format", "json"]) == 1
    assert "no language model" in capsys.readouterr().err


def test_cli_report_and_worker_all_go_through_compare_documents(pair, tmp_path,
                                                                monkeypatch) -> None:
    import core.app
    from gui.report_cli import main as report_main
    from gui.worker import default_compare

    seen: list[Options] = []
    real = core.app.compare_documents

    def spy(docs, options=None, **kwargs):
        seen.append(options)
        return real(docs, options, **kwargs)

    monkeypatch.setattr(core.app, "compare_documents", spy)
    assert main(["compare", *pair, "--no-entities", "--min-phrase", "4", "-o",
                 str(tmp_path / "out.json")]) == 0
    assert report_main([*pair, "--no-entities", "--min-phrase", "5", "-o",
                        str(tmp_path / "r.html")]) == 0
    docs = (document_from_text(A_TEXT), document_from_text(B_TEXT))
    default_compare(*docs, options=Options(min_phrase=3))
    assert [o.min_phrase for o in seen] == [4, 5, 3]


def test_compare_documents_matches_the_engine() -> None:
    docs = (document_from_text(A_TEXT), document_from_text(B_TEXT))
    assert compare_documents(docs).spans == compare(*docs).spans
