"""Keyed pseudonyms and key rotation."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import factories
from zicht.errors import ConfigurationError
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.privacy.rekey import rekey, rotate_development_key, usage_by_key
from zicht.settings import get_settings, reset_settings
from zicht.store.db import Database, utcnow
from zicht.store.tables import DocumentRow, IdentifierRow

KEYS = {"k1": "a" * 32, "k2": "b" * 32}


@given(st.text(), st.text())
def test_same_value_same_pseudonym_and_kinds_are_separate(a: str, b: str) -> None:
    p = Pseudonymiser(KEYS, "k1")
    assert p.pseudonymise("phone", a) == p.pseudonymise("phone", a)
    assert p.pseudonymise("phone", a) != p.pseudonymise("email", a)
    if a != b:
        assert p.pseudonymise("phone", a) != p.pseudonymise("phone", b)
    assert a not in p.pseudonymise("phone", a).digest or len(a) < 2


def test_a_new_key_changes_pseudonyms_and_old_ones_stay_findable() -> None:
    old = Pseudonymiser(KEYS, "k1").pseudonymise("phone", "+31612345678")
    rotated = Pseudonymiser(KEYS, "k2")
    new = rotated.pseudonymise("phone", "+31612345678")
    assert (old.key_id, new.key_id) == ("k1", "k2") and old.digest != new.digest
    assert rotated.matches("phone", "+31612345678", old)
    assert old in rotated.all_pseudonyms("phone", "+31612345678")
    assert not Pseudonymiser({"k2": "b" * 32}, "k2").matches("phone", "+31612345678", old)


def test_unknown_active_key_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="active pseudonym key 'k9'"):
        Pseudonymiser(KEYS, "k9")


def _store_identifier(session, p: Pseudonymiser, value: str, raw: bool) -> None:  # type: ignore[no-untyped-def]
    from tests.store.test_documents import document_row

    doc = document_row(session)
    made = p.pseudonymise("phone", value)
    session.add(
        IdentifierRow(
            document_id=doc.id,
            kind="phone",
            pseudonym=made.digest,
            key_id=made.key_id,
            raw_value=value if raw else None,
        )
    )


def test_rotation_rekeys_what_keeps_its_raw_value(database: Database) -> None:
    with database.session() as s:
        factories.user(s, "ana", "Politie", "police", "analyst")
        _store_identifier(s, Pseudonymiser(KEYS, "k1"), "+31611111111", raw=True)
        _store_identifier(s, Pseudonymiser(KEYS, "k1"), "+31622222222", raw=False)
    with database.session() as s:
        assert rekey(s, Pseudonymiser(KEYS, "k2"), actor="test") == 1
    with database.session() as s:
        assert usage_by_key(s) == {"k1": 1, "k2": 1}
        rows = {r.raw_value: r for r in s.query(IdentifierRow)}
        kept = rows["+31611111111"]
        assert (
            kept.pseudonym == Pseudonymiser(KEYS, "k2").pseudonymise("phone", "+31611111111").digest
        )


def test_development_rotation_writes_a_new_active_key(isolated_settings) -> None:  # type: ignore[no-untyped-def]
    first = get_settings().require_secrets()
    new_id = rotate_development_key(get_settings())
    reset_settings()
    second = get_settings().require_secrets()
    assert second.active_key == new_id != first.active_key
    assert set(first.pseudonym_keys) < set(second.pseudonym_keys)
    stored = json.loads((isolated_settings / "secrets.json").read_text())
    assert stored["pseudonym_active_key"] == new_id


def test_keys_from_the_environment_are_not_rotated_in_place(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ZICHT_PSEUDONYM_KEYS", json.dumps(KEYS))
    monkeypatch.setenv("ZICHT_PSEUDONYM_ACTIVE_KEY", "k2")
    reset_settings()
    assert Pseudonymiser.from_settings().active_key == "k2"
    with pytest.raises(ConfigurationError, match="ZICHT_PSEUDONYM_KEYS"):
        rotate_development_key(get_settings())


def test_production_refuses_placeholder_secrets(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ZICHT_ENV", "production")
    monkeypatch.setenv("ZICHT_SECRET_KEY", "changeme")
    reset_settings()
    with pytest.raises(ConfigurationError, match="ZICHT_SECRET_KEY"):
        get_settings().require_secrets()


_ = (utcnow, DocumentRow)
