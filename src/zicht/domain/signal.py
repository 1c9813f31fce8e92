"""A signal: an indicator hit with the exact evidence that made it fire."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Form(StrEnum):
    SEXUAL = "sexual"
    LABOUR = "labour"
    CRIMINAL = "criminal"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Signal:
    document_id: int
    indicator_id: str
    form: Form
    score: float
    evidence: tuple[EvidenceSpan, ...] = field(default_factory=tuple)
