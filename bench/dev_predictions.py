"""Print the extractor's predictions for the seed articles as JSON lines for ``score.py``.

    python bench/dev_predictions.py [SEED_DIR] | python3 /work/shared/eval/score.py /work/shared/eval/dev -

One line per event ({"source": file name, **event}) and one per article
({"source": file name, "places": [mentions]}). A seed's leading date line
becomes ``published``, as ``shared.articles.article_from_text`` reads it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.extract.events import extract_events, extract_places  # noqa: E402
from shared.articles import article_from_text  # noqa: E402
from shared.gazetteer import load_gazetteer  # noqa: E402


def main(argv: list[str]) -> None:
    seed_dir = Path(argv[0]) if argv else ROOT / "seeds"
    places = load_gazetteer()
    for path in sorted(seed_dir.glob("*.txt")):
        article = article_from_text(path.read_text(encoding="utf-8"), source=path.name)
        for event in extract_events(article, places):
            print(json.dumps({**event.model_dump(mode="json"), "source": path.name}, ensure_ascii=False))
        mentions = [m.model_dump(mode="json") for m in extract_places(article, places)]
        print(json.dumps({"source": path.name, "places": mentions}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
