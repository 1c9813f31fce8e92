"""Item pipelines: image hashes, the privacy gate, storage (in that order)."""
