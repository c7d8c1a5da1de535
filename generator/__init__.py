"""Turns the case records in cases/ and the templates in templates/ into pages and files.

The package knows nothing of MkDocs; generator.mkdocs.hook is the thin glue.
"""
