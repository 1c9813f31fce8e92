"""A hit of an indicator, and what the matcher knows of each indicator when it judges one."""

from __future__ import annotations

import re
from typing import NamedTuple


class Hit(NamedTuple):
    """One indicator hit and why it does or does not count.

    A named tuple rather than a frozen dataclass: a frozen dataclass sets each of its
    twelve fields through `object.__setattr__`, which was a tenth of matching time.
    """

    indicator: str
    form: str
    start: int
    end: int
    text: str
    pattern: str
    lang: str
    negated: bool = False
    cue: str | None = None
    reported: str | None = None
    context: bool = False
    suppressed: str | None = None

    @property
    def counted(self) -> bool:
        return not self.negated and self.suppressed is None

    def explain(self) -> dict[str, object]:
        return {
            "indicator": self.indicator,
            "form": self.form,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "pattern": self.pattern,
            "lang": self.lang,
            "counted": self.counted,
            "negated": self.negated,
            "cue": self.cue,
            "reported_speech": self.reported,
            "context": self.context,
            "suppressed": self.suppressed,
        }


class Facts(NamedTuple):
    """What judging a hit reads of its indicator: looked up once per indicator, not per hit."""

    id: str
    form: str
    context_required: bool
    context: re.Pattern[str] | None
