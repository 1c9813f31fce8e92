"""The partner API for registrations, authenticated by per-organisation tokens (issue 7)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
