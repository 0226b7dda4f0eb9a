"""Bytes to and from the pydantic records, with one clear error for bad input."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

RecordT = TypeVar("RecordT", bound=BaseModel)


class RecordRejected(ValueError):
    """A record that cannot be decoded or validated; ``reason`` is meant for humans and DLQ headers."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def encode(record: BaseModel) -> bytes:
    return record.model_dump_json(exclude_none=False).encode("utf-8")


def decode(model: type[RecordT], payload: bytes | None) -> RecordT:
    """Parse ``payload`` as ``model``; raise ``RecordRejected`` naming what is wrong."""
    if payload is None or not payload.strip():
        raise RecordRejected("empty record")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordRejected(f"not UTF-8 text: {exc.reason} at byte {exc.start}") from exc
    try:
        return model.model_validate_json(text)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<record>'}: {err['msg']}" for err in exc.errors()[:5]
        )
        raise RecordRejected(f"invalid {model.__name__}: {problems}") from exc
