"""The result file's JSON text is the text json.dumps writes, only sooner."""

from __future__ import annotations

import json
from enum import IntEnum
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.jsontext import dumps

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _expected(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
            | st.text(alphabet=st.characters(codec="utf-8")))
_keys = st.text(max_size=5) | st.integers() | st.floats(allow_nan=False) | st.booleans()
_records = st.lists(st.fixed_dictionaries({"text": st.text(), "start": st.integers(),
                                           "match": st.none() | st.integers(),
                                           "ok": st.booleans(), "share": st.floats()}))
_data = st.recursive(_scalars | _records, lambda inner: (
    st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(_keys, inner, max_size=4)), max_leaves=30)


@given(_data)
def test_any_data_is_written_as_json_writes_it(data: object) -> None:
    assert dumps(data) == _expected(data)


def test_records_that_differ_are_written_as_json_writes_them() -> None:
    class Kind(IntEnum):
        SHARED = 1

    for data in ([{"a": 1}, {"b": 1}], [{"a": 1}, {"a": [1, 2]}], [{"a": Kind.SHARED}],
                 [{}, {}], [{"a": 1}, 3], [{1: "x"}], [{"a": {"b": None}}], {"": []}):
        assert dumps(data) == _expected(data)
    with pytest.raises(TypeError):
        dumps({"a": object()})
    with pytest.raises(TypeError):
        dumps({(1, 2): 0})


def test_the_example_pairs_result_file_is_unchanged() -> None:
    from core.app import compare_files
    from core.serialize import result_to_dict

    result = compare_files([EXAMPLES / "original.txt", EXAMPLES / "rewrite.txt"])
    data = result_to_dict(result)
    assert data["entities"] and data["checks"]  # records of every kind are in it
    assert dumps(data) == _expected(data)
