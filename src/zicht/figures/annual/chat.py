"""The help chat's figures, counted in people and suppressed like every other table.

People are joined the chat's own way (`zicht.chat.people.persons`: the visitor's kept
device token, or a counsellor's "same person as"); what is counted comes from the
closing forms only, never a transcript. A share is published only when its numerator
and its denominator both are, since a share of a published total gives the count away.
"""

from __future__ import annotations

from dataclasses import dataclass

from zicht.chat.people import ChatCounts
from zicht.figures.annual.publish import DEFAULT_THRESHOLD, Cell, System

SOURCE = (
    "zicht.chat.people.persons(session)  -- conversations joined into people\n"
    "SELECT conversation_id, about_trafficking, caller, relationship\n"
    "FROM chat_closings WHERE year = :year  -- one person counted once, "
    "victim/parent if any of their closing forms says so"
)


@dataclass(frozen=True)
class ChatFigures:
    year: int
    visitors: Cell
    trafficking: Cell
    victims: Cell
    parent: Cell
    share_victims: float | None
    share_parent: float | None
    source: str = SOURCE

    def as_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "unique_visitors": self.visitors,
            "unique_visitors_trafficking": self.trafficking,
            "victims_themselves": self.victims,
            "naming_a_parent": self.parent,
            "share_victims_themselves": self.share_victims,
            "share_naming_a_parent": self.share_parent,
        }


def publish_chat(counts: ChatCounts, threshold: int = DEFAULT_THRESHOLD) -> ChatFigures:
    """Suppressed as one system: visitors = trafficking + other; trafficking = victims + rest."""
    system = System()
    visitors = system.cell(counts.visitors)
    trafficking = system.cell(counts.trafficking)
    other = system.cell(counts.visitors - counts.trafficking)
    system.line([trafficking, other], visitors)
    victims = system.cell(counts.victims)
    system.line([victims, system.cell(counts.trafficking - counts.victims)], trafficking)
    parent = system.cell(counts.parent)
    system.line([parent, system.cell(counts.trafficking - counts.parent)], trafficking)
    shown = system.suppress(threshold)

    def share(numerator: int) -> float | None:
        n, d = shown[numerator], shown[trafficking]
        if isinstance(n, str) or isinstance(d, str) or not d:
            return None
        return round(n / d, 4)

    return ChatFigures(
        counts.year,
        shown[visitors],
        shown[trafficking],
        shown[victims],
        shown[parent],
        share(victims),
        share(parent),
    )
