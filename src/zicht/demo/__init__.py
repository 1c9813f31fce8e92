"""The demo world: a seeded, synthetic but realistic world with its ground truth.

`generate(seed)` builds a `World` (ads of an ad site, police mutations, help
chats, registrations of possible victims); `World.write(dir)` writes the
pipeline's inputs and, under `dir/gold/`, the truth that only evaluation reads;
`serve_site(world)` serves the ads over HTTP. Attributes load lazily so that
importing one small module (e.g. `zicht.demo.phones`) stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "World": "zicht.demo.world",
    "generate": "zicht.demo.world",
    "serve_site": "zicht.demo.site",
    "RunningSite": "zicht.demo.site",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'zicht.demo' has no attribute {name!r}")
