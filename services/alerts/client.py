"""The CLI's client of the alerts API, and where it finds the API's address and token.

Order: FRONTWATCH_API_URL / FRONTWATCH_API_TOKEN, then the config file written by
``frontwatch token create`` (``~/.config/frontwatch/config.json``, mode 0600).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(os.environ.get("FRONTWATCH_CONFIG", str(Path(base) / "frontwatch" / "config.json")))


@dataclass(frozen=True)
class ClientConfig:
    api_url: str
    token: str | None

    @classmethod
    def load(cls, default_url: str) -> ClientConfig:
        stored: dict[str, Any] = {}
        path = config_path()
        if path.exists():
            stored = json.loads(path.read_text())
        return cls(
            api_url=os.environ.get("FRONTWATCH_API_URL") or stored.get("api_url") or default_url,
            token=os.environ.get("FRONTWATCH_API_TOKEN") or stored.get("token"),
        )

    def save(self) -> Path:
        path = config_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600, exist_ok=True)
        path.chmod(0o600)  # it holds a bearer token
        path.write_text(json.dumps({"api_url": self.api_url, "token": self.token}, indent=2) + "\n")
        return path


class ApiClientError(RuntimeError):
    """The API said no, or could not be reached; the message is the API's own words."""

    def __init__(self, message: str, status: int | None = None, body: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.body = status, body or {}


class AlertsClient:
    def __init__(self, config: ClientConfig, timeout: float = 10.0) -> None:
        if not config.token:
            raise ApiClientError("no API token: run `frontwatch token create NAME` or set FRONTWATCH_API_TOKEN")
        self._http = httpx.Client(base_url=config.api_url, timeout=timeout,
                                  headers={"authorization": f"Bearer {config.token}"})

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise ApiClientError(f"cannot reach the alerts API at {self._http.base_url}: {exc}. "
                                 "Is it running? (`frontwatch services up`)") from exc
        if response.status_code == 204:
            return None
        body = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
        if response.is_error:
            details = "; ".join(f"{e.get('field')}: {e.get('message')}" for e in body.get("errors", []))
            raise ApiClientError(f"{body.get('error', response.reason_phrase)}" + (f" ({details})" if details else ""),
                                 response.status_code, body)
        return body
