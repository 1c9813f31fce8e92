"""The one door to the detector: indicator suggestions beside a conversation, never acted on.

`zicht.detect` is optional here: when it cannot be imported the chat works the
same and the console says that suggestions are unavailable. A suggestion names
the indicator, the exact words that made it fire and the pattern; it is shown to
the counsellor only and changes nothing by itself.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Suggestions:
    available: bool
    items: list[dict[str, Any]] = field(default_factory=list)
    note: str | None = None


UNAVAILABLE = "indicator suggestions are unavailable: the detector (zicht.detect) is not installed"


_lock = threading.Lock()
_built: list[Any] = []  # [detector or None] once built
_labels: dict[str, dict[str, str]] = {}  # indicator id -> its label by language


def _detector() -> Any:
    """The detector, built once per process (under a lock: building takes a second or two
    of CPU, and several threads building it at once would starve the event loop)."""
    if _built:
        return _built[0]
    with _lock:
        if not _built:
            try:
                from zicht.detect import Detector
            except ImportError:
                _built.append(None)
            else:
                detector = Detector()
                _labels.update({i.id: i.label for i in detector.taxonomy.indicators})
                _built.append(detector)
        return _built[0]


def ready() -> bool:
    """Whether the detector is built (or known absent): then `suggest` is quick."""
    return bool(_built)


def reset() -> None:
    """Forget the detector (tests)."""
    with _lock:
        _built.clear()
        _labels.clear()


def available() -> bool:
    return _detector() is not None


def suggest(text: str, lang: str = "nl") -> Suggestions:
    """Indicator hits in one visitor message, each with its evidence and why it fired."""
    detector = _detector()
    if detector is None:
        return Suggestions(False, note=UNAVAILABLE)
    analysis = detector.weigh(text)
    items = []
    for hit in analysis.signals:
        label = _labels.get(hit.indicator, {})
        items.append(
            {
                "indicator": hit.indicator,
                "label": label.get(lang) or label.get("en") or hit.indicator,
                "form": hit.form,
                "text": hit.text,
                "pattern": hit.pattern,
                "why": f"matched {hit.text!r} (pattern {hit.pattern!r}, {hit.lang})",
            }
        )
    return Suggestions(True, items)
