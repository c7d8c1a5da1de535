"""The house as the folders promise it: MkDocs in one room, and imports that flow one way.

Only generator/mkdocs/ may import MkDocs, Material or ProperDocs, so the site builder can be swapped
without touching how records are read or pages are made. No module imports another that imports it
back, directly or round a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "generator"
BUILDER_PACKAGES = {"mkdocs", "material", "properdocs"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, absolute; relative imports resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_only_the_mkdocs_folder_imports_the_site_builder():
    outside = {
        name: sorted(i for i in _imports(path) if i.split(".")[0] in BUILDER_PACKAGES)
        for name, path in MODULES.items()
        if not name.startswith("generator.mkdocs")
    }
    assert not {name: found for name, found in outside.items() if found}


def test_the_mkdocs_folder_is_where_the_hook_and_build_live():
    # The test above would pass on an empty folder; this makes sure it guards the real glue.
    inside = {name for name, path in MODULES.items() if name.startswith("generator.mkdocs.")
              and any(i.split(".")[0] == "mkdocs" for i in _imports(path))}
    assert {"generator.mkdocs.events", "generator.mkdocs.build"} <= inside


def _graph() -> dict[str, set[str]]:
    graph = {}
    for name, path in MODULES.items():
        targets = set()
        for imported in _imports(path):
            # "generator.site.pages.render" names a module's attribute: the longest module prefix counts.
            parts = imported.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in MODULES and candidate != name:
                    targets.add(candidate)
                    break
        # A package's __init__ is imported on the way to any of its modules; that is not a use.
        graph[name] = {t for t in targets if not name.startswith(t + ".")}
    return graph


def test_no_module_imports_itself_round_a_circle():
    graph = _graph()
    circles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                circles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not circles, "\n".join(" -> ".join(circle) for circle in circles)
