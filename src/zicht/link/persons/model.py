"""The Splink model for Dutch registrations: what is compared, how, and where to look.

One settings object for every engine (DuckDB on a laptop, Spark at national
scale): Splink writes the SQL for each dialect, so the model is the same and a
trained model is a JSON file that can be reviewed, versioned and reused.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from zicht.link.persons.blocking import name_signature
from zicht.link.persons.normalise import name_tokens, sex_key
from zicht.link.persons.records import PersonRecord

COLUMNS = (
    "unique_id",
    "org",
    "given",
    "family",
    "name_concat",
    "name_sig",
    "birth_date",
    "birth_year",
    "month_day",
    "sex",
    "citizenship",
    "municipality",
    "form",
    "age_group",
    "name_sig_rare",
    "family_rare",
    "given_rare",
)


# A blocking value shared by more records than this is left out of the '_rare' columns:
# a block of every 'Jansen' would cost more comparisons than it finds people.
RARE = 300


def _rare(rows: list[dict[str, Any]], column: str) -> None:
    counts = Counter(r[column] for r in rows if r[column] is not None)
    for r in rows:
        value = r[column]
        r[column + "_rare"] = value if value is not None and counts[value] <= RARE else None


def frame_rows(records: Iterable[PersonRecord]) -> list[dict[str, Any]]:
    """The normalised columns Splink compares; empty values become nulls (not disagreements)."""
    rows: list[dict[str, Any]] = []
    for r in records:
        given = " ".join(name_tokens(r.given_name)) or None
        family = " ".join(name_tokens(r.family_name)) or None
        words = sorted((given or "").split() + (family or "").split())
        date = r.birth_date.strip() if len(r.birth_date.strip()) == 10 else None
        rows.append(
            {
                "unique_id": r.uid,
                "org": r.org,
                "given": given,
                "family": family,
                "name_concat": " ".join(words) or None,
                "name_sig": name_signature(r) or None,
                "birth_date": date,
                "birth_year": date[:4] if date else None,
                "month_day": date[5:] if date else None,
                "sex": sex_key(r.sex) or None,
                "citizenship": r.citizenship or None,
                "municipality": r.municipality.lower() or None,
                "form": r.form or None,
                "age_group": r.age_group or None,
            }
        )
    for column in ("name_sig", "family", "given"):
        _rare(rows, column)
    return rows


def settings() -> Any:
    """The untrained model: comparisons for Dutch and foreign names, dates and citizenship."""
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            # The name's words sorted: a swapped given and family name compares as equal.
            cl.JaroWinklerAtThresholds("name_concat", [0.95, 0.88, 0.75]).configure(
                term_frequency_adjustments=True
            ),
            cl.DateOfBirthComparison("birth_date", input_is_string=True),
            cl.ExactMatch("sex"),
            cl.ExactMatch("citizenship"),
            # Case facts tell apart two people with a common name and no birth date.
            cl.ExactMatch("form"),
            cl.ExactMatch("municipality"),
            cl.ExactMatch("age_group"),
        ],
        # Every rule keeps a date part or the case's facts beside the name: a registry
        # holds thousands of people called Jansen, and a rule on a name alone would
        # compare all of them with each other.
        blocking_rules_to_generate_predictions=[
            block_on("birth_date", "citizenship"),
            block_on("name_sig", "birth_year"),
            block_on("name_sig", "month_day"),
            block_on("name_sig", "form", "municipality"),
            block_on("family", "form", "municipality", "age_group"),
            block_on("given", "form", "municipality", "age_group"),
            block_on("name_sig_rare", "sex"),
            block_on("family_rare", "sex"),
            block_on("given_rare", "sex"),
        ],
        additional_columns_to_retain=["org"],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


# Rules for training: each must leave the compared columns free to vary.
TRAINING_BLOCKS = (("birth_date",), ("name_sig", "form"))
