"""`zicht persons link`: join the registry's registrations into persons.

Names are compared in the clear (Splink) only between registrations whose
consent is 'referral' on both sides; every other pair across organisations is
compared by its Bloom-filter linkage key alone, made at registration time. The
job reads identities of referral registrations only and audits each read.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from zicht.link.persons import splink_linker
from zicht.link.persons.bloom import BITS
from zicht.link.persons.clusters import greedy_solve
from zicht.link.persons.pprl import STRONG, THRESHOLD, Key, Weights, candidate_pairs, score
from zicht.link.persons.records import PersonRecord
from zicht.link.persons.trained import default_model
from zicht.privacy import audit
from zicht.registry.consent import Consent
from zicht.registry.service import RECORD
from zicht.store.tables import RegistrationRow


def _clear_records(session: Session, ids: list[int]) -> list[PersonRecord]:
    rows = session.execute(
        select(
            RegistrationRow.id,
            RegistrationRow.org_id,
            RegistrationRow.given_name,
            RegistrationRow.family_name,
            RegistrationRow.birth_date,
            RegistrationRow.sex,
            RegistrationRow.citizenship,
            RegistrationRow.form,
            RegistrationRow.details,
        ).where(RegistrationRow.consent == Consent.REFERRAL.value)
    ).all()
    out = []
    for rid, org_id, given, family, birth, sex, citizenship, form, details in rows:
        ids.append(rid)
        out.append(
            PersonRecord(
                str(org_id),
                str(rid),
                given,
                family,
                birth or "",
                sex,
                citizenship,
                str(details.get("municipality", "")),
                form,
                str(details.get("age_group", "")),
            )
        )
    return out


def link_registrations(
    session: Session,
    *,
    actor: str,
    engine: str = "duckdb",
    spark: Any = None,
    model: dict[str, Any] | None = None,
) -> dict[str, int]:
    """Give every registration a person id; returns counts."""
    keyed = session.execute(
        select(
            RegistrationRow.id,
            RegistrationRow.org_id,
            RegistrationRow.consent,
            RegistrationRow.linkage_key,
            RegistrationRow.blocks,
        ).order_by(RegistrationRow.id)
    ).all()
    if not keyed:
        return {"registrations": 0, "persons": 0, "clear": 0}
    position = {rid: i for i, (rid, *_rest) in enumerate(keyed)}
    datasets = [str(org) for _, org, *_rest in keyed]
    referral = np.array([c == Consent.REFERRAL.value for _, _, c, _, _ in keyed])

    clear_ids: list[int] = []
    records = _clear_records(session, clear_ids)
    initial = list(range(len(keyed)))
    if len(records) >= 2:
        found = splink_linker.predict_persons(
            records, model or default_model(), engine=engine, spark=spark
        )
        for record, rid in zip(records, clear_ids, strict=True):
            initial[position[rid]] = len(keyed) + int(found[record.uid])

    from zicht.link.persons.bloom import decode_b64

    keys = [
        Key(str(org), str(rid), decode_b64(clk), tuple(blocks))
        for rid, org, _, clk, blocks in keyed
    ]
    matrix = np.frombuffer(b"".join(k.clk for k in keys), dtype=np.uint64).reshape(
        len(keys), BITS // 64
    )
    pairs = candidate_pairs(keys)
    if len(pairs):
        # Pairs Splink already judged in the clear are not judged again by their keys.
        pairs = pairs[~(referral[pairs[:, 0]] & referral[pairs[:, 1]])]
    scores = score(matrix, pairs, Weights())
    keep = scores >= THRESHOLD
    persons = greedy_solve(
        len(keys), datasets, pairs[keep], scores[keep], initial=initial, strong=STRONG
    )

    groups: dict[int, list[int]] = defaultdict(list)
    for (rid, *_rest), person in zip(keyed, persons, strict=True):
        groups[person].append(rid)
    for members in groups.values():
        pid = f"p{min(members)}"
        session.execute(
            update(RegistrationRow).where(RegistrationRow.id.in_(members)).values(person_id=pid)
        )
    clear = set(clear_ids)
    audit.record_many(
        session,
        [
            audit.Event(
                actor,
                "link.read",
                None,
                RECORD,
                rid,
                {"read": "identity" if rid in clear else "linkage_key"},
            )
            for rid, *_rest in keyed
        ],
    )
    result = {"registrations": len(keyed), "persons": len(groups), "clear": len(clear)}
    audit.record(session, actor=actor, action="persons.link", detail=result)
    return result
