"""The on-disk gazetteer cache: a warm start finds what a cold one finds, and a bad cache never breaks loading.

Every test points FRONTWATCH_CACHE_DIR at its own tmp_path: the real ~/.cache is never touched.
The gazetteer is built once for the module; ``load_or_build`` is given a build function that
returns it (and counts the calls), so the tests see whether the cache was used or rebuilt.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from shared.gazetteer import Gazetteer, cache
from shared.gazetteer.cache import load_or_build

# Spellings that exercise each part of the index: romanisations, apostrophes, Cyrillic case
# endings, regions, acronyms, person names and rivers that are not places.
TRICKY = [
    "Russian troops entered Kup'yans'k and Kupiansk’s outskirts; fighting near Zatyshshia and Andriyivka.",
    "Обстріл Куп'янська тривав, а ВСУ отошли из Покровска в Курской области.",
    "Drones hit the Kursk region and Kharkiv Oblast; the US and the U.K. condemned it.",
    "President Kim met Vladimir Putin. Forces crossed the Dnipro near Kherson, Pokrovsk, Donetsk region.",
    "The Oskil River rose; Us officials in Lyman and Siversk said Chasiv Yar held.",
]


@pytest.fixture(scope="module")
def built() -> Gazetteer:
    with cache.gc_paused():
        return Gazetteer()


class Builds:
    """A build function that hands out the module's gazetteer and counts its calls."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.calls = 0

    def __call__(self) -> Gazetteer:
        self.calls += 1
        return self.gazetteer


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(directory))
    monkeypatch.delenv("FRONTWATCH_GAZETTEER_CACHE", raising=False)
    return directory


def cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("gazetteer-*"))


def test_warm_load_finds_what_a_cold_build_finds(built: Gazetteer, cache_dir: Path) -> None:
    builds = Builds(built)
    cold = load_or_build(builds, Gazetteer)
    assert builds.calls == 1
    assert [path.suffix for path in cache_files(cache_dir)] == [".pickle"]

    warm = load_or_build(builds, Gazetteer)
    assert builds.calls == 1, "the second load must come from the cache"
    assert warm is not cold
    assert warm.size == cold.size
    for text in TRICKY:
        found = warm.find_mentions(text)
        assert found, text
        assert found == cold.find_mentions(text), text
    for name in ["Kupyansk", "Pokrovsk, Donetsk region", "Курская область", "Kharkov region", "Nowhere-on-Sea"]:
        assert warm.resolve_place(name) == cold.resolve_place(name), name
    assert warm.suggest("Kupjansk") == cold.suggest("Kupjansk")
    assert warm.by_id(703656) == cold.by_id(703656)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "another object"])
def test_a_damaged_cache_file_is_rebuilt(built: Gazetteer, cache_dir: Path, damage: str) -> None:
    builds = Builds(built)
    load_or_build(builds, Gazetteer)
    [path] = cache_files(cache_dir)
    if damage == "garbage":
        path.write_bytes(b"\x80\x05not a pickle at all")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        cache._write(path, {"not": "a gazetteer"})

    again = load_or_build(builds, Gazetteer)
    assert builds.calls == 2
    assert again.find_mentions(TRICKY[0])
    # The rebuilt gazetteer replaced the damaged file: the next start is warm again.
    load_or_build(builds, Gazetteer)
    assert builds.calls == 2


def test_an_unwritable_cache_dir_still_loads(built: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(blocker / "cache"))
    builds = Builds(built)
    gazetteer = load_or_build(builds, Gazetteer)
    assert gazetteer.find_mentions(TRICKY[0])
    load_or_build(builds, Gazetteer)
    assert builds.calls == 2
    assert [path.name for path in tmp_path.iterdir()] == ["a-file"]


def test_a_new_key_rebuilds_and_removes_the_old_file_once_it_is_a_week_unused(
    built: Gazetteer, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds = Builds(built)
    load_or_build(builds, Gazetteer)
    [old] = cache_files(cache_dir)

    monkeypatch.setattr(cache, "FORMAT_VERSION", cache.FORMAT_VERSION + 1)
    load_or_build(builds, Gazetteer)
    assert builds.calls == 2
    # Another checkout sharing the directory may still use the old key: it is kept for now.
    assert len(cache_files(cache_dir)) == 2

    week_ago = time.time() - 8 * 24 * 3600
    os.utime(old, (week_ago, week_ago))
    monkeypatch.setattr(cache, "FORMAT_VERSION", cache.FORMAT_VERSION + 1)
    load_or_build(builds, Gazetteer)
    assert old not in cache_files(cache_dir)


def test_a_changed_source_file_changes_the_key(tmp_path: Path) -> None:
    for path in [*cache.PACKAGE_DIR.glob("*.py"), *cache.PACKAGE_DIR.glob("*.csv")]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    before = cache.cache_key(cache.package_sources(tmp_path))
    assert before == cache.cache_key()
    with (tmp_path / "frontline.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert cache.cache_key(cache.package_sources(tmp_path)) != before


def test_the_key_is_of_the_sources_the_process_imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A worker that started before an edit and loads the gazetteer after it must not file
    # the old code's index under the new code's key.
    before = cache.cache_key()
    for path in [*cache.PACKAGE_DIR.glob("*.py"), *cache.PACKAGE_DIR.glob("*.csv")]:
        (tmp_path / path.name).write_bytes(path.read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(cache, "PACKAGE_DIR", tmp_path)
    assert cache.cache_key() == before


def test_the_cache_can_be_switched_off(built: Gazetteer, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_GAZETTEER_CACHE", "0")
    builds = Builds(built)
    load_or_build(builds, Gazetteer)
    load_or_build(builds, Gazetteer)
    assert builds.calls == 2
    assert not cache_dir.exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a file's owner needs root")
def test_a_cache_file_of_another_user_is_not_loaded(built: Gazetteer, cache_dir: Path) -> None:
    builds = Builds(built)
    load_or_build(builds, Gazetteer)
    [path] = cache_files(cache_dir)
    os.chown(path, 12345, -1)
    load_or_build(builds, Gazetteer)
    assert builds.calls == 2
