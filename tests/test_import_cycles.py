"""No module of the app imports itself back, directly or through others: a cycle hides which
module depends on which (and breaks as soon as one of its imports moves to the top), so the
layers and contracts in pyproject's [tool.importlinter] can only hold on an acyclic graph."""

from __future__ import annotations

import grimp

PACKAGES = (
    "clerk_app", "ui", "printing", "central_server", "onewindow_protocol", "onewindow_base",
)  # fmt: skip


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    ours = {m for m in graph.modules if m.split(".")[0] in PACKAGES}
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & ours) for m in ours}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(ours):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def test_no_module_imports_itself_back() -> None:
    graph = grimp.build_graph(*PACKAGES)
    assert _cycles(graph) == []


def test_the_check_sees_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("clerk_app", "clerk_app.a", "clerk_app.b", "clerk_app.c"):
        graph.add_module(name)
    graph.add_import(importer="clerk_app.a", imported="clerk_app.b")
    graph.add_import(importer="clerk_app.b", imported="clerk_app.c")
    graph.add_import(importer="clerk_app.c", imported="clerk_app.a")
    assert _cycles(graph) == [["clerk_app.a", "clerk_app.b", "clerk_app.c"]]
