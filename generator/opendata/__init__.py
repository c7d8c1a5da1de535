"""Open data: the catalog as JSON, CSV, a Data Package, JSON-LD, vCards and an Atom feed.

Each module returns plain values or {docs-relative path: bytes or str}; none of them knows the site
builder or the site's pages (addresses come from generator.paths). `bundle.build` gathers everything
the site publishes.
"""
