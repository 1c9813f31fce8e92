"""Downloader and spider middlewares: scope, depth, back-off, conditional requests, loops."""
