"""Privacy by construction: pseudonyms, audit log, retention, and the legal basis of collection."""
