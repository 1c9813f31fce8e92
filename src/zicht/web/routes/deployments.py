"""The deployments pages: list, draft form, the detail a prosecutor reviews, authorise, revoke."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.responses import Response

from zicht.accounts import service
from zicht.domain import Deployment, OrgKind, Politeness, User
from zicht.domain.deployment import AD_FIELDS, DEFAULT_AD_FIELDS
from zicht.errors import Forbidden, InvalidInput, NotFound
from zicht.privacy import deployments
from zicht.privacy.legal_basis import LEGAL_BASES
from zicht.sources.crawler import runs as crawl_runs
from zicht.store import utcnow
from zicht.web.auth import CurrentUser, DbSession
from zicht.web.templating import is_htmx, render

router = APIRouter(prefix="/deployments", include_in_schema=False)

# Number fields of the draft form and their defaults: the same as the CLI's.
NUMBERS: dict[str, int | float] = {
    "max_pages": 10_000,
    "max_depth": 10,
    "valid_days": 30,
    "retention_days": 180,
    "concurrency": 1,
    "delay": 1.0,
}


async def form_data(request: Request) -> FormData:
    return await request.form()  # parsed once per request; csrf_protect may have read it


Form = Annotated[FormData, Depends(form_data)]
KEEP = "keep_"  # a checkbox per ad field: keep_title, keep_text, ...


def org_names(db: Session) -> dict[int, str]:
    return {org.id: org.name for org in service.list_orgs(db)}


def detail_context(db: Session, user: User, deployment: Deployment) -> dict[str, Any]:
    return {
        "d": deployment,
        "status": deployment.status_at(utcnow()).value,
        "orgs": org_names(db),
        "legal_basis_description": LEGAL_BASES.get(deployment.legal_basis_code, ""),
        "deviations": deployment.politeness.deviations(),
        "may_authorise": deployments.may_authorise(user, deployment),
        "may_revoke": deployments.may_revoke(user, deployment),
        "runs": crawl_runs.list_runs(db, user, deployment.id),
    }


@router.get("")
def list_page(request: Request, db: DbSession, user: CurrentUser) -> Response:
    now = utcnow()
    rows = [(d, d.status_at(now).value) for d in deployments.list_visible(db, user)]
    return render(
        request,
        "deployments/list.html",
        {"rows": rows, "orgs": org_names(db), "may_draft": deployments.may_draft(user)},
    )


def form_page(
    request: Request,
    db: Session,
    values: dict[str, str],
    *,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    prosecution = service.list_orgs(db, OrgKind.PROSECUTION)
    return render(
        request,
        "deployments/new.html",
        {
            "values": values,
            "error": error,
            "legal_bases": LEGAL_BASES,
            "prosecution": prosecution,
            "ad_fields": AD_FIELDS,
        },
        status_code=status_code,
    )


def require_drafter(user: User) -> None:
    if not deployments.may_draft(user):
        raise Forbidden(
            f"{user.username} ({user.role.value}) cannot draft deployments: "
            "only an analyst of a police or inspectorate organisation can"
        )


@router.get("/new")
def new_form(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require_drafter(user)
    defaults = {name: f"{value:g}" for name, value in NUMBERS.items()}
    defaults.update({f"{KEEP}{name}": "on" for name in DEFAULT_AD_FIELDS})
    return form_page(request, db, defaults)


def _number(values: dict[str, str], name: str) -> Any:
    default = NUMBERS[name]
    raw = values.get(name, "").strip()
    if not raw:
        return default
    try:
        return type(default)(raw)
    except ValueError:
        label = name.replace("_", " ")
        raise InvalidInput(f"{label} must be a number, not {raw!r}") from None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def create_from_form(db: Session, user: User, values: dict[str, str]) -> Deployment:
    return deployments.create(
        db,
        user,
        purpose=values.get("purpose", ""),
        legal_basis=values.get("legal_basis", ""),
        legal_basis_code=values.get("legal_basis_code") or None,
        domains=_lines(values.get("domains", "")),
        url_patterns=_lines(values.get("url_patterns", "")),
        max_pages=_number(values, "max_pages"),
        max_depth=_number(values, "max_depth"),
        valid_days=_number(values, "valid_days"),
        retention_days=_number(values, "retention_days"),
        raw_identifiers="raw_identifiers" in values,
        politeness=Politeness(
            obey_robots="ignore_robots" not in values,
            concurrent_per_domain=_number(values, "concurrency"),
            download_delay=_number(values, "delay"),
            autothrottle="no_autothrottle" not in values,
        ),
        submit_to=values.get("submit_to") or None,
        keep=_kept(values),
    )


def _kept(values: dict[str, str]) -> list[str] | None:
    """The ticked ad fields; None (the strict default) for a post without the checkboxes."""
    if "minimisation" not in values:
        return None
    return [name for name in AD_FIELDS if f"{KEEP}{name}" in values]


@router.post("")
def create(request: Request, db: DbSession, user: CurrentUser, form: Form) -> Response:
    require_drafter(user)
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    try:
        deployment = create_from_form(db, user, values)
    except InvalidInput as error:
        # Bad input loses nothing: the form comes back filled in, with the reason.
        db.rollback()
        return form_page(request, db, values, error=error.message, status_code=400)
    return RedirectResponse(f"/deployments/{deployment.id}", status_code=303)


@router.get("/{deployment_id}")
def detail(request: Request, db: DbSession, user: CurrentUser, deployment_id: int) -> Response:
    deployment = deployments.get(db, user, deployment_id)
    return render(request, "deployments/detail.html", detail_context(db, user, deployment))


@router.get("/{deployment_id}/runs/{run_id}")
def run_page(
    request: Request, db: DbSession, user: CurrentUser, deployment_id: int, run_id: int
) -> Response:
    """One crawl run: its counts and every URL that failed, with the reason."""
    deployment = deployments.get(db, user, deployment_id)
    runs = {run.id: run for run in crawl_runs.list_runs(db, user, deployment.id)}
    if run_id not in runs:
        raise NotFound(f"no crawl run {run_id} in deployment {deployment_id}")
    context = {
        "d": deployment,
        "run": runs[run_id],
        "reasons": crawl_runs.error_reasons(db, user, run_id),
        "errors": crawl_runs.run_errors(db, user, run_id),
    }
    return render(request, "deployments/run.html", context)


def after_change(request: Request, db: Session, user: User, deployment: Deployment) -> Response:
    """HTMX swaps the status block in place; a plain form post goes back to the page."""
    if is_htmx(request):
        return render(request, "deployments/_status.html", detail_context(db, user, deployment))
    return RedirectResponse(f"/deployments/{deployment.id}", status_code=303)


@router.post("/{deployment_id}/authorise")
def authorise(request: Request, db: DbSession, user: CurrentUser, deployment_id: int) -> Response:
    return after_change(request, db, user, deployments.authorise(db, user, deployment_id))


@router.post("/{deployment_id}/revoke")
def revoke(
    request: Request, db: DbSession, user: CurrentUser, form: Form, deployment_id: int
) -> Response:
    reason = form.get("reason")
    reason_text = reason.strip()[:1000] if isinstance(reason, str) else ""
    return after_change(request, db, user, deployments.revoke(db, user, deployment_id, reason_text))
