"""Routing: which organisation must act on a signal or referral, and the referral's life cycle."""
