"""Gazetteer: finds place names in news text and resolves them to GeoNames entries.

``load_gazetteer()`` returns the process-wide ``Gazetteer`` (a
``shared.places.PlaceResolver``); the data sources and their trade-offs are
described in ``shared.gazetteer.data``.
"""

from shared.gazetteer.gazetteer import Gazetteer, load_gazetteer
from shared.gazetteer.normalise import normalise_name

__all__ = ["Gazetteer", "load_gazetteer", "normalise_name"]
