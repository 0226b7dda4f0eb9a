"""The GeoNames-backed ``PlaceResolver``: finds place names in text and resolves them."""

from __future__ import annotations

import threading
from functools import cached_property

from rapidfuzz import fuzz, process

from shared.gazetteer.cache import load_or_build
from shared.gazetteer.data import GazetteerData, GazetteerEntry, load_data
from shared.gazetteer.matcher import NameHit, NameIndex
from shared.gazetteer.normalise import normalise_name
from shared.gazetteer.resolver import ContextResolver
from shared.schemas import Place, PlaceMention

SUGGEST_MIN_SCORE = 60.0


class Gazetteer:
    """Place names of GeoNames (Ukraine and Russia in full) with frontline additions.

    Implements ``shared.places.PlaceResolver``. Build it once per process with
    ``load_gazetteer()``; it is read-only afterwards and safe to share between threads.
    """

    def __init__(self, data: GazetteerData | None = None) -> None:
        data = data if data is not None else load_data()
        # Only the entries are kept, not their names (the index has them): less memory, a smaller cache file.
        self._entries = [named.entry for named in data.entries]
        self._index = NameIndex(data)
        self._by_id: dict[int, GazetteerEntry] = {entry.geonameid: entry for entry in self._entries}
        region_by_short_key: dict[str, int] = {}
        for position, named in enumerate(data.entries):
            parts = data.region_names.get(named.entry.admin1_code or "") if named.entry.kind == "region" else None
            for short in parts.short if parts else ():
                region_by_short_key.setdefault(normalise_name(short), position)
        self._resolver = ContextResolver(self._entries, region_by_short_key)

    @property
    def size(self) -> int:
        """Number of entries (settlements, regions, countries, features)."""
        return len(self._entries)

    def find_mentions(self, text: str) -> list[PlaceMention]:
        """Every place named in ``text``, resolved in the context of the whole text, in order."""
        hits = self._index.scan(text)
        return [_mention(hit, entry) for hit, entry in self._resolver.resolve(text, hits)]

    def resolve_place(self, name: str, context: str | None = None) -> Place | None:
        """One gazetteer entry for a name under any spelling, or None.

        ``name`` may be as a user types it: any case, any script, with a region
        ("Pokrovsk, Donetsk region"). ``context`` is text whose places help choose
        between same-named entries.
        """
        name = name.strip()
        if not name:
            return None
        found = self._index.lookup(name)
        if found is not None:
            hit = NameHit(0, len(name), name, found.key, list(found.exact))
            hits = [hit]
        else:
            hits = self._index.scan(name, strict=False)
            if not hits:
                return None
        offset = 0
        if context:
            # The name is resolved as if it were written after the context, separated from it.
            offset = len(context) + 2
            hits = [*self._index.scan(context), *(_shifted(hit, offset) for hit in hits)]
            text = context + "\n\n" + name
        else:
            text = name
        resolved = [entry for hit, entry in self._resolver.resolve(text, hits) if hit.start >= offset]
        return resolved[0].to_place() if resolved else None

    def suggest(self, name: str, limit: int = 3) -> list[Place]:
        """Closest gazetteer entries for a name that does not resolve ("did you mean")."""
        query = normalise_name(name)
        if not query or limit <= 0:
            return []
        scored: dict[int, float] = {}
        for key, score, _ in process.extract(
            query, self._fuzzy_keys, scorer=fuzz.ratio, limit=limit * 10, score_cutoff=SUGGEST_MIN_SCORE
        ):
            found = self._index.lookup(key)
            for index, _primary in found.exact if found else ():
                entry = self._entries[index]
                # Equal spellings are ranked by the same prior as in running text.
                rank = score + entry.prior()
                scored[index] = max(scored.get(index, rank), rank)
        best = sorted(scored, key=lambda index: -scored[index])[:limit]
        return [self._entries[index].to_place() for index in best]

    def by_id(self, geonameid: int) -> Place | None:
        """The entry with this GeoNames id (or a negative frontline id), or None."""
        entry = self._by_id.get(geonameid)
        return entry.to_place() if entry is not None else None

    @cached_property
    def _fuzzy_keys(self) -> list[str]:
        # Built on the first suggestion only: the extractor never needs it.
        return self._index.keys()


# ``PlaceMention(**fields)`` is this call behind a Python-level ``__init__``: the validator itself takes
# two thirds of the time, and a text has some twenty mentions.
_validate_mention = PlaceMention.__pydantic_validator__.validate_python


def _mention(hit: NameHit, entry: GazetteerEntry) -> PlaceMention:
    mention: PlaceMention = _validate_mention({
        "name": entry.name,
        "geonameid": entry.geonameid,
        "lat": entry.lat,
        "lon": entry.lon,
        "country": entry.country,
        "admin1": entry.admin1,
        "kind": entry.kind,
        "start": hit.start,
        "end": hit.end,
        "text": hit.surface,
    })
    return mention


def _shifted(hit: NameHit, offset: int) -> NameHit:
    return NameHit(hit.start + offset, hit.end + offset, hit.surface, hit.key, hit.candidates)


_instance: Gazetteer | None = None
_instance_lock = threading.Lock()


def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use.

    From the on-disk cache when there is a valid one (about 0.3 s), else built
    (about 2.5 s) and cached; see ``shared.gazetteer.cache``.
    """
    global _instance
    if _instance is None:
        with _instance_lock:
            if _instance is None:
                _instance = load_or_build(Gazetteer, Gazetteer)
    return _instance
