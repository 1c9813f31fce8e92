"""Near-duplicate ad texts: shingles, MinHash LSH, and the template a cluster was written from."""
