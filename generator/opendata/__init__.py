"""Open data: the catalog as JSON, CSV, a Data Package, JSON-LD, vCards, an Atom feed and page dates.

Each module returns plain values or {docs-relative path: bytes or str}; none of them knows MkDocs.
`bundle.build` gathers everything the site publishes. This file stays empty of imports so that
pages.py can use jsonld and vcard without importing the modules that depend on pages.py.
"""
