"""The indicator taxonomy: a data file, validated by pydantic when it is loaded.

Each indicator is a row (in the manner of Presidio's YAML recognisers): an
UPPER_SNAKE id, the exploitation form it points to, Dutch and English labels, a
weight (revisable, and refitted on labelled data by `zicht detect-train`),
patterns per language, optional context words, a profiling-risk flag and the
published sources it rests on. A wrong file fails at load time with a message
that names the indicator and the field.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from zicht.errors import ConfigurationError

DEFAULT_PATH = Path(__file__).parent / "data" / "indicators.yaml"
# libyaml's parser where PyYAML was built with it (its wheels are): the same safe loading,
# a fifth of the time, which every `zicht detect` pays at start-up.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
UPPER_SNAKE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")
FormName = Literal["sexual", "labour", "criminal", "other"]
Family = Literal["general", "sexual", "labour", "criminal", "minors", "ad"]
REQUIRED_LANGS = ("nl", "en")


class SourceRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=3)
    where: str = Field(min_length=3, description="URL, or repository and path")


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    family: Family
    form: FormName
    label: dict[str, str]
    weight: float = Field(gt=0.0, lt=1.0)
    patterns: dict[str, list[str]]
    regex: dict[str, list[str]] = Field(default_factory=dict)
    # Words one of which starts a word in every regex match; the regexes run only
    # when the Aho-Corasick pass saw one (read off the regex when omitted).
    triggers: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    context_required: bool = False
    # Words that, near a hit, show it is about something else ("schuld bij de bank" is
    # not debt bondage; an uninsured car is not undeclared work): the hit does not count.
    exclude: list[str] = Field(default_factory=list)
    profiling_risk: bool = False
    source: list[str] = Field(min_length=1)
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _upper_snake(cls, value: str) -> str:
        if not UPPER_SNAKE.match(value):
            raise ValueError(f"{value!r} is not UPPER_SNAKE (e.g. RETAINED_ID_DOCUMENTS)")
        return value

    @field_validator("label", "patterns")
    @classmethod
    def _both_languages(cls, value: dict[str, object]) -> dict[str, object]:
        missing = [lang for lang in REQUIRED_LANGS if not value.get(lang)]
        if missing:
            raise ValueError(f"needs entries for {', '.join(missing)} (Dutch and English)")
        return value

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in value.values():
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"regex {pattern!r} does not compile: {exc}") from None
        return value

    @model_validator(mode="after")
    def _context_when_required(self) -> Indicator:
        if self.context_required and not self.context:
            raise ValueError("context_required is set but no context words are given")
        return self

    def all_patterns(self) -> list[tuple[str, str]]:
        return [(lang, p) for lang, patterns in self.patterns.items() for p in patterns]


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    sources: dict[str, SourceRef]
    indicators: list[Indicator] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Taxonomy:
        seen: dict[str, int] = {}
        for number, indicator in enumerate(self.indicators):
            if indicator.id in seen:
                raise ValueError(
                    f"indicator {indicator.id} is defined twice (#{seen[indicator.id]})"
                )
            seen[indicator.id] = number
            unknown = [s for s in indicator.source if s not in self.sources]
            if unknown:
                raise ValueError(
                    f"indicator {indicator.id} cites unknown source(s) {', '.join(unknown)} "
                    f"(known: {', '.join(sorted(self.sources))})"
                )
        return self

    def get(self, indicator_id: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)

    @property
    def ids(self) -> list[str]:
        return [indicator.id for indicator in self.indicators]

    def fingerprint(self) -> str:
        """A hash of ids and patterns: a trained model is bound to the taxonomy it saw."""
        text = "\n".join(
            f"{i.id}|{sorted(i.all_patterns())}|{sorted(i.regex.items())}|{sorted(i.exclude)}"
            for i in self.indicators
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _describe(error: ValidationError, raw: object) -> str:
    first = error.errors()[0]
    loc = list(first["loc"])
    where = ".".join(str(part) for part in loc) or "file"
    if (
        len(loc) >= 2
        and loc[0] == "indicators"
        and isinstance(loc[1], int)
        and isinstance(raw, dict)
    ):
        rows = raw.get("indicators") or []
        row = rows[loc[1]] if loc[1] < len(rows) else {}
        name = row.get("id", "?") if isinstance(row, dict) else "?"
        field = ".".join(str(part) for part in loc[2:]) or "row"
        where = f"indicator {name} (#{loc[1] + 1}), field {field}"
    return f"{where}: {first['msg']}"


def parse_taxonomy(raw: object, *, origin: str = "taxonomy") -> Taxonomy:
    """Validate parsed YAML/JSON; the error names the indicator and the field."""
    try:
        return Taxonomy.model_validate(raw)
    except ValidationError as exc:
        raise ConfigurationError(f"{origin}: {_describe(exc, raw)}") from None


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The taxonomy in `path` (YAML or JSON), or the one shipped with zicht."""
    if path is None:
        return default_taxonomy()
    return _load(path)


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    return _load(DEFAULT_PATH)


def _load(path: Path) -> Taxonomy:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506
    except FileNotFoundError:
        raise ConfigurationError(f"indicator taxonomy {path} does not exist") from None
    except yaml.YAMLError as exc:
        raise ConfigurationError(f"{path.name}: not valid YAML: {exc}") from None
    return parse_taxonomy(raw, origin=path.name)
