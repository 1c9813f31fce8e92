"""Request and response models of the partner API (Create / Public, as in the FastAPI template).

Values are taken as text and checked by the registry's own parser, the one the
CSV import uses, so both refuse the same things with the same reasons, and a
refusal names the record (`registrations[2] (ref 'HL-7')`) instead of a JSON path.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from zicht.registry.parse import AGE_GROUPS, FORMS, VICTIM_STATUS
from zicht.route.referrals import ReferralStatusView

_ONE: dict[str, Any] = {
    "ref": "HL-2025-00017",
    "given_name": "Maria",
    "family_name": "Popescu",
    "birth_date": "1999-04-12",
    "sex": "F",
    "citizenship": "ROU",
    "municipality": "Den Haag",
    "form": "sexual",
    "year": 2025,
    "consent": "signal",
    "age_group": "25-34",
    "language": "ro",
    "control_methods": ["debt bondage", "withheld documents"],
}
EXAMPLES: dict[str, Any] = {
    "one": {"summary": "one registration", "value": _ONE},
    "batch": {
        "summary": "a batch (all or nothing)",
        "value": [
            _ONE,
            {
                **_ONE,
                "ref": "HL-2025-00018",
                "given_name": "Ion",
                "sex": "M",
                "form": "labour",
                "consent": "counted",
                "birth_date": None,
                "control_methods": [],
            },
        ],
    },
}


def _choice(values: tuple[str, ...], text: str) -> Any:
    return Field(
        "",
        description=f"{text}: one of {', '.join(values)}",
        json_schema_extra={"enum": [*values, ""]},
    )


class RegistrationCreate(BaseModel):
    """A possible victim, with the fields of IOM's Human Trafficking Case Data Standard."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_ONE]})

    ref: str = Field(
        min_length=1, max_length=100, description="your own record id; unique in your organisation"
    )
    given_name: str = Field("", max_length=200)
    family_name: str = Field("", max_length=200, description="given or family name is needed")
    birth_date: str | None = Field(None, description="YYYY-MM-DD, or null when unknown")
    sex: str = Field("", description="F, M, X, or empty when unknown")
    citizenship: str = Field("", description="ISO 3166 alpha-3, e.g. ROU; empty when unknown")
    municipality: str = Field(
        description="where the victim lives or is exploited (name or CBS code)"
    )
    form: str = Field(
        description=f"form of exploitation: {', '.join(FORMS)}",
        json_schema_extra={"enum": list(FORMS)},
    )
    year: int = Field(description="year of registration")
    consent: str = Field(
        description="counted: only counted, nothing leaves your organisation; signal: the "
        "signal without identity; referral: identity and contact to the receiving team",
        json_schema_extra={"enum": ["counted", "signal", "referral"]},
    )
    contact: str | None = Field(
        None, max_length=1000, description="only travels with consent 'referral'"
    )
    age_group: str = _choice(AGE_GROUPS, "age group when the birth date is unknown")
    language: str = Field("", max_length=20, description="ISO 639-1, e.g. ro")
    victim_status: str = _choice(VICTIM_STATUS, "HTCDS victim status")
    sector: str = Field("", max_length=200, description="sector of exploitation")
    relationship: str = Field("", max_length=200, description="relationship to the exploiter")
    control_methods: list[str] = Field(default_factory=list, description="means of control")
    recruitment_place: str = Field("", max_length=200)
    exploitation_place: str = Field("", max_length=200)
    case_status: str = Field("", max_length=100)

    def as_row(self) -> dict[str, str]:
        """The record as the parser reads a CSV row."""
        row = {k: "" if v is None else str(v) for k, v in self.model_dump().items()}
        row["control_methods"] = ";".join(self.control_methods)
        return row


class SubmittedPublic(BaseModel):
    index: int = Field(description="position in the request")
    ref: str
    id: int = Field(description="the registry's id")
    status: Literal["created", "unchanged"]


class SubmitResult(BaseModel):
    registrations: list[SubmittedPublic]


class RecordErrorPublic(BaseModel):
    index: int
    ref: str
    reason: str


class RecordErrorsPublic(BaseModel):
    error: str = Field(description="invalid or conflict")
    message: str
    records: list[RecordErrorPublic] = Field(description="every refused record and why")


class RegistrationPublic(BaseModel):
    """A registration as its own organisation sees it."""

    id: int
    org: str
    ref: str
    given_name: str
    family_name: str
    birth_date: str | None
    sex: str
    citizenship: str
    municipality: str
    unit: str = Field(description="the police regional unit covering the municipality")
    form: str
    year: int
    consent: str
    contact: str | None
    details: dict[str, Any] = Field(description="the optional HTCDS fields given")
    person: str | None = Field(description="the linked person, once `zicht persons link` ran")


class ReferralStepPublic(BaseModel):
    status: str
    at: datetime
    note: str | None


class ReferralPublic(BaseModel):
    id: int
    ref: str = Field(description="your registration's ref")
    to: str = Field(description="the receiving organisation")
    status: str = Field(description="sent, received, accepted, declined or closed")
    sent_at: datetime
    reason: str | None = Field(description="why it was declined")
    outcome: str | None = Field(description="what came of it (closed)")
    overdue: bool = Field(description="not picked up or decided in time")
    history: list[ReferralStepPublic]

    @classmethod
    def of(cls, view: ReferralStatusView, ref: str) -> ReferralPublic:
        r = view.referral
        return cls(
            id=r.id,
            ref=ref,
            to=view.to_org,
            status=r.status.value,
            sent_at=r.sent_at,
            reason=r.reason,
            outcome=r.outcome,
            overdue=view.overdue,
            history=[ReferralStepPublic(status=s, at=at, note=n) for s, at, n in view.history],
        )
