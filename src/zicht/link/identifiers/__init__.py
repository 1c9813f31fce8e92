"""Identifier extraction and normalisation: phones (E.164), e-mail, handles, URLs."""

from zicht.link.identifiers.contacts import normalise_email, normalise_handle, normalise_url
from zicht.link.identifiers.extract import Extraction, extract_ad, extract_text, identifier_keys
from zicht.link.identifiers.phones import PhoneMatch, find_phones, normalise_phone

__all__ = [
    "Extraction",
    "PhoneMatch",
    "extract_ad",
    "extract_text",
    "find_phones",
    "identifier_keys",
    "normalise_email",
    "normalise_handle",
    "normalise_phone",
    "normalise_url",
]
