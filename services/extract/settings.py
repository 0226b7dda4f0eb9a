"""Settings of the extract service (env prefix ``FRONTWATCH_``)."""

from __future__ import annotations

from pydantic import Field

from shared.settings import FrontwatchSettings


class ExtractSettings(FrontwatchSettings):
    story_window_hours: int = Field(default=72, ge=1, description="reports of one type, side and place this close form a story")
