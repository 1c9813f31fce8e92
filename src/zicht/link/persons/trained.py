"""The packaged Splink model, trained by EM on the demo world (seed 7, 1,500 registrations).

A small registry has too few records to train on; it starts from this model
and can train its own with `zicht persons train`. Re-make it with
`python -m zicht.link.persons.trained` after changing `model.py`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

MODEL = "data/model.json"


@cache
def _text() -> str:
    return (resources.files("zicht.link.persons") / MODEL).read_text(encoding="utf-8")


def default_model() -> dict[str, Any]:
    model: dict[str, Any] = json.loads(_text())
    return model


def main() -> None:  # pragma: no cover - a maintenance script
    import random

    from zicht.demo.registrations import registrations
    from zicht.link.persons.records import from_row
    from zicht.link.persons.splink_linker import save_model, train

    regs = registrations(random.Random("7:registrations"), 1500)
    model = train([from_row(r.org, r.row) for r in regs])
    save_model(model, Path(__file__).parent / MODEL)


if __name__ == "__main__":  # pragma: no cover
    main()
