"""``frontwatch replay``: an operator publishes archived article files to Kafka."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from services.ingest.publisher import open_publisher
from shared.articles import Rejected, read_articles
from shared.settings import FrontwatchSettings


@dataclass
class ReplaySummary:
    published: int = 0
    duplicate: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)


async def replay_paths(paths: list[str], settings: FrontwatchSettings, console: Console | None = None,
                       *, force: bool = False) -> ReplaySummary:
    """Publish every article under ``paths``; a bad file is reported and sent to ``articles.dlq``, nothing stops."""
    items = list(read_articles(paths))
    summary = ReplaySummary()
    progress = Progress(TextColumn("replay"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.fields[current]}"), console=console or Console(stderr=True), transient=False)
    async with open_publisher(settings) as publisher:
        with progress:
            task = progress.add_task("replay", total=len(items), current="")
            for item in items:
                if isinstance(item, Rejected):
                    summary.rejected.append((item.origin, item.reason))
                    await publisher.reject(item.origin, item.reason)
                else:
                    outcome = await publisher.publish(item, force=force)
                    if outcome == "published":
                        summary.published += 1
                    else:
                        summary.duplicate += 1
                progress.update(task, advance=1, current=item.origin if isinstance(item, Rejected) else item.source)
    return summary
