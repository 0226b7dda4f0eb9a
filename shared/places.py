"""The contract between place-aware code (extraction, watchlists) and the gazetteer.

Domain code depends on this protocol, not on the loaded data, so unit tests can
hand it a small fake and the real GeoNames-backed ``Gazetteer`` is wired in at
the composition root.
"""

from __future__ import annotations

import math
from typing import Protocol

from shared.schemas import Place, PlaceMention

EARTH_RADIUS_KM = 6371.0088


class PlaceResolver(Protocol):
    def find_mentions(self, text: str) -> list[PlaceMention]:
        """Every place named in ``text``, resolved in the context of the whole text, in order."""
        ...

    def resolve_place(self, name: str, context: str | None = None) -> Place | None:
        """One gazetteer entry for a name under any spelling, or None."""
        ...

    def suggest(self, name: str, limit: int = 3) -> list[Place]:
        """Closest gazetteer entries for a name that does not resolve ("did you mean")."""
        ...

    def by_id(self, geonameid: int) -> Place | None:
        """The entry with this GeoNames id, or None."""
        ...


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places with coordinates (haversine)."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
