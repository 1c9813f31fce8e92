"""Key rotation: new pseudonyms under the active key where the raw value may be kept.

Identifiers stored without their raw value cannot be re-keyed; they keep their
old key id, and lookups search under every key until retention removes them.
"""

from __future__ import annotations

import json
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zicht.errors import ConfigurationError
from zicht.privacy import audit
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.settings import Settings
from zicht.store.tables import IdentifierRow


def rotate_development_key(settings: Settings) -> str:
    """Add a key to the generated keyring and make it active; production keys come from settings."""
    if settings.pseudonym_keys:
        raise ConfigurationError(
            "pseudonym keys come from ZICHT_PSEUDONYM_KEYS: add the new key there and point "
            "ZICHT_PSEUDONYM_ACTIVE_KEY at it"
        )
    current = settings.require_secrets()
    path = settings.home / "secrets.json"
    keys = dict(current.pseudonym_keys)
    new_id = f"k{len(keys) + 1}"
    while new_id in keys:
        new_id += "x"
    keys[new_id] = secrets.token_urlsafe(32)
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored.update(pseudonym_keys=keys, pseudonym_active_key=new_id)
    path.write_text(json.dumps(stored, indent=2), encoding="utf-8")
    return new_id


def rekey(session: Session, pseudonymiser: Pseudonymiser, *, actor: str) -> int:
    """Re-pseudonymise identifiers that keep their raw value; returns how many changed."""
    rows = session.scalars(
        select(IdentifierRow).where(
            IdentifierRow.raw_value.is_not(None),
            IdentifierRow.key_id != pseudonymiser.active_key,
        )
    )
    changed = 0
    for row in rows:
        assert row.raw_value is not None
        fresh = pseudonymiser.pseudonymise(row.kind, row.raw_value)
        row.pseudonym, row.key_id = fresh.digest, fresh.key_id
        changed += 1
    audit.record(
        session,
        actor=actor,
        action="pseudonyms.rekey",
        detail={"rekeyed": changed, "active_key": pseudonymiser.active_key},
    )
    return changed


def usage_by_key(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(IdentifierRow.key_id, func.count()).group_by(IdentifierRow.key_id)
    ).all()
    return {key_id: count for key_id, count in rows}
