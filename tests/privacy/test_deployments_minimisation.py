"""The minimisation a deployment names: checked when drafted, shown before authorising."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests import factories
from zicht.cli import main
from zicht.domain.deployment import AD_FIELDS, DEFAULT_AD_FIELDS
from zicht.errors import InvalidInput
from zicht.privacy import deployments
from zicht.store.db import Database
from zicht.store.tables import AuditRow, DeploymentRow


def _draft(session, user, **overrides):  # type: ignore[no-untyped-def]
    args = dict(purpose="Zicht op advertenties", legal_basis="Wpg art. 9", domains=["ads.example"])
    args.update(overrides)
    return deployments.create(session, user, **args)


def test_the_default_is_strict_and_keeps_no_names(database: Database) -> None:
    with database.session() as s:
        d = _draft(s, factories.chain(s).analyst)
    assert d.minimisation.keep == DEFAULT_AD_FIELDS
    assert "advertiser" not in d.minimisation.keep
    assert d.minimisation.dropped == ("advertiser",) and d.minimisation.widenings() == []


def test_kept_fields_are_stored_in_canonical_order_and_audited(database: Database) -> None:
    with database.session() as s:
        c = factories.chain(s)
        d = _draft(s, c.analyst, keep=["phones,city", " advertiser "])
        row = s.get(DeploymentRow, d.id)
        assert row is not None and row.minimisation == ["advertiser", "city", "phones"]
        entry = s.scalars(select(AuditRow).where(AuditRow.action == "deployment.create")).one()
        assert entry.detail["keeps"] == ["advertiser", "city", "phones"]
    with database.session() as s:
        again = deployments.get(s, c.prosecutor, d.id)
    assert again.minimisation.keep == ("advertiser", "city", "phones")
    assert again.minimisation.widenings() == ["advertiser"]
    assert set(again.minimisation.dropped) == set(AD_FIELDS) - {"advertiser", "city", "phones"}


@pytest.mark.parametrize(
    ("keep", "message"),
    [
        (["city", "phone_numbers"], "unknown ad field.*phone_numbers"),
        (["", " , "], "at least one ad field"),
    ],
)
def test_bad_minimisation_is_refused_and_nothing_is_written(
    database: Database, keep: list[str], message: str
) -> None:
    with database.session() as s:
        c = factories.chain(s)
    with pytest.raises(InvalidInput, match=message), database.session() as s:
        _draft(s, c.analyst, keep=keep)
    with database.session() as s:
        assert s.scalars(select(DeploymentRow)).all() == []


def test_show_tells_the_prosecutor_what_is_kept_and_never_stored(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with database.session() as s:
        c = factories.chain(s)
    draft = ["deployment", "create", "--as", "ana", "--purpose", "p", "--legal-basis", "Wpg 9"]
    keep = ["--keep", "text,advertiser", "--keep", "phones"]
    assert main([*draft, "--domain", "ads.example", *keep]) == 0
    deployment_id = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["deployment", "show", deployment_id, "--as", c.prosecutor.username]) == 0
    out = capsys.readouterr().out
    assert "ad fields kept: text, advertiser, phones (beyond the strict default: advertiser)" in out
    assert (
        "ad fields never stored: title, city, age, prices, posted, images, emails, handles" in out
    )
