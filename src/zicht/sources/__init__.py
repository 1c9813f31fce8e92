"""Sources: one adapter per way documents come in (crawler, mutations, chats, registry)."""
