"""Signals of a zicht crawl, beside Scrapy's own."""

# Sent with `error=` (a CrawlError) for every URL that failed; the run records it.
crawl_error = object()
