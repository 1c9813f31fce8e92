"""Plain types of the road in DESIGN.md: no I/O, no framework imports."""

from zicht.domain.accounts import ROLE_ORG_KINDS, Organisation, OrgKind, Role, User
from zicht.domain.audit import AuditEntry
from zicht.domain.deployment import Deployment, DeploymentStatus, Politeness
from zicht.domain.document import Document, DocumentKind, Source
from zicht.domain.linkage import Identifier, IdentifierKind, Network, Person
from zicht.domain.referral import Referral, ReferralStatus
from zicht.domain.signal import EvidenceSpan, Form, Signal

__all__ = [
    "ROLE_ORG_KINDS",
    "AuditEntry",
    "Deployment",
    "DeploymentStatus",
    "Document",
    "DocumentKind",
    "EvidenceSpan",
    "Form",
    "Identifier",
    "IdentifierKind",
    "Network",
    "OrgKind",
    "Organisation",
    "Person",
    "Politeness",
    "Referral",
    "ReferralStatus",
    "Role",
    "Signal",
    "Source",
    "User",
]
