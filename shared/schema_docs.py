"""JSON Schema documents for the topic records, generated from the pydantic models."""

from __future__ import annotations

import json

from shared.schemas import TOPIC_RECORDS


def render_schemas() -> dict[str, str]:
    """File name -> JSON Schema text for each topic's record (``docs/schemas/<topic>.schema.json``)."""
    out = {}
    for topic, model in TOPIC_RECORDS.items():
        schema = model.model_json_schema()
        schema["$id"] = f"https://frontwatch.dev/schemas/{topic}.schema.json"
        schema["description"] = (schema.get("description") or "").strip()
        out[f"{topic}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out
