"""`zicht audit verify|list`."""

from __future__ import annotations

import typer

from zicht.cli import app
from zicht.commands.common import unit_of_work
from zicht.errors import ZichtError

audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


class AuditChainBroken(ZichtError):
    code = "audit_broken"


@audit_app.command("verify")
def verify() -> None:
    """Recompute the hash chain; names the first entry that was altered or removed."""
    from zicht.privacy import audit

    with unit_of_work() as session:
        report = audit.verify(session)
    if not report.ok:
        raise AuditChainBroken(f"audit log broken: {report.reason}")
    typer.echo(f"audit log intact: {report.entries} entries")


@audit_app.command("list")
def list_(last: int = typer.Option(20, "--last")) -> None:
    """The newest entries (local administration)."""
    from sqlalchemy import select

    from zicht.store.tables import AuditRow

    with unit_of_work() as session:
        rows = session.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(last)).all()
    for row in reversed(rows):
        target = f"{row.record_type}:{row.record_id}" if row.record_type else "-"
        typer.echo(f"{row.seq}\t{row.at:%Y-%m-%d %H:%M:%S}\t{row.actor}\t{row.action}\t{target}")
