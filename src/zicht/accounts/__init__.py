"""Organisations, users, login sessions and the organisation scoping of every read."""
