"""The hook that mkdocs.yml names: MkDocs (or ProperDocs) calls the on_* functions of this file.

Each is a method of one KnowledgeBaseHooks object (generator/mkdocs/events.py), so the state of a
build lives on that object, not in this module.
"""

from generator.mkdocs.events import KnowledgeBaseHooks

_hooks = KnowledgeBaseHooks()

on_startup = _hooks.on_startup
on_config = _hooks.on_config
on_files = _hooks.on_files
on_page_markdown = _hooks.on_page_markdown
on_nav = _hooks.on_nav
on_env = _hooks.on_env
on_page_content = _hooks.on_page_content
on_page_context = _hooks.on_page_context
on_post_page = _hooks.on_post_page
on_post_build = _hooks.on_post_build
on_build_error = _hooks.on_build_error
on_serve = _hooks.on_serve
