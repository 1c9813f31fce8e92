"""Ad networks: the guarded graph, its components or communities, indicators and score."""
