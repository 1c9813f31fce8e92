"""Linking the ads in the store and keeping the networks: runs, networks, members, edges.

`link_store` reads an organisation's crawled ads (keyed pseudonyms, never raw values unless
the deployment allows them), links them with the configured engine and stores the result;
`queries` reads it back, scoped to the organisation and audited.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from zicht.domain import Role, User
from zicht.errors import Forbidden
from zicht.link.config import LinkSettings
from zicht.link.engines import get_engine
from zicht.link.engines.base import Progress
from zicht.link.stored.read import deployments_of, load
from zicht.link.stored.write import save
from zicht.store.db import utcnow
from zicht.store.tables import LinkRunRow

MAY_LINK = frozenset({Role.ANALYST})


def link_store(
    session: Session,
    actor: User,
    *,
    deployment_ids: Sequence[int] | None = None,
    settings: LinkSettings | None = None,
    progress: Progress | None = None,
) -> LinkRunRow:
    """Link the latest version of every ad the actor's organisation crawled; store the run."""
    if actor.role not in MAY_LINK:
        raise Forbidden(
            f"{actor.username} ({actor.role.value}) cannot run ad linkage: only an analyst can"
        )
    settings = settings or LinkSettings()
    started = utcnow()
    data = load(session, actor, deployments_of(session, actor, deployment_ids), settings.region)
    with get_engine(settings) as engine:
        result = engine.link(data.ads, progress) if progress else engine.link(data.ads)
    return save(session, actor, data, result, started_at=started, finished_at=utcnow())


__all__ = ["link_store"]
