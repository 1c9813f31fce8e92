"""The demo's pipeline: one function per step of the road in DESIGN.md, in order.

Each step takes the demo's context and returns a one-line report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from zicht.demo.site import RunningSite
from zicht.demo.world import World
from zicht.domain import Deployment


@dataclass
class DemoContext:
    world: World
    directory: Path
    site: RunningSite
    deployment: Deployment
    console: Console


Step = Callable[[DemoContext], str]

PIPELINE: list[tuple[str, Step]] = []
