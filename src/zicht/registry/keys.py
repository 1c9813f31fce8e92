"""The registry's linkage secret and the linkage key made at registration time.

For registrations made in zicht the secret is derived from the pseudonym
keyring, so no extra secret has to be handed out. Organisations that encode
their own files use `zicht pprl encode --secret-file` with a secret they share.
"""

from __future__ import annotations

import base64

from zicht.link.persons.blocking import keyed_signatures
from zicht.link.persons.bloom import Encoder
from zicht.link.persons.pprl import blocking_key
from zicht.link.persons.records import PersonRecord
from zicht.privacy.pseudonym import Pseudonymiser


def linkage_secret(pseudonymiser: Pseudonymiser | None = None) -> bytes:
    p = pseudonymiser or Pseudonymiser.from_settings()
    return p.pseudonymise("pprl-secret", "registry").digest.encode("ascii")


class KeyMaker:
    """Makes (linkage key, keyed blocking signatures) for registrations."""

    def __init__(self, secret: bytes | None = None) -> None:
        secret = secret or linkage_secret()
        self._encoder = Encoder(secret)
        self._block_key = blocking_key(secret)

    def make(self, record: PersonRecord) -> tuple[str, list[str]]:
        clk = base64.b64encode(self._encoder.encode(record)).decode("ascii")
        return clk, keyed_signatures(record, self._block_key)
