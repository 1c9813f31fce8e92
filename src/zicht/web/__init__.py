"""The web app: HTML pages (Jinja2 + HTMX) and a JSON API under /api/, both thin over services.

`create_app()` in `zicht.web.app` builds it; `zicht serve` runs it through
`zicht.web.server.run`.
"""
