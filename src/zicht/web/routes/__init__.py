"""HTML pages, one router per resource."""
