"""Which part of a graph the page draws: a neighbourhood, one article's entities, or the best-connected part.

A page of tens of thousands of nodes is a grey disc, so :func:`graph.render.render_html` draws a part
chosen here. The functions work on plain mappings (node -> names, node -> neighbours) so that they do
not depend on how the graph is stored; nodes are any sortable values (the renderer passes IRIs).
Every choice is deterministic: ties are broken by the node's sort order.
"""

from __future__ import annotations

import difflib
import heapq
from collections.abc import Collection, Hashable, Iterable, Mapping
from typing import Protocol, TypeVar

from extractors.text import name_key

__all__ = ["SubgraphError", "find_entities", "most_connected", "neighbourhood"]


class _Sortable(Hashable, Protocol):
    def __lt__(self, other: object, /) -> bool: ...


N = TypeVar("N", bound=_Sortable)

MAX_SUGGESTIONS = 5


# Above this many entities a page is a grey disc that takes seconds to pan: draw the best-connected part.
DEFAULT_MAX_NODES = 1000


class SubgraphError(ValueError):
    """The part asked for does not exist (an unknown name or article); the message says what is known."""


def find_entities(names: Mapping[N, Iterable[str]], query: str) -> list[N]:
    """The nodes one of whose names is *query*, compared as the extractors compare names (NFKC,
    case, spaces and name dots ignored). When no name is *query*, a part of the names of exactly one
    node will do (``zuckerberg`` for Mark Zuckerberg); otherwise :class:`SubgraphError` names the
    closest names.

    >>> people = {"a": ["马克·扎克伯格", "Mark Zuckerberg"], "b": ["Meta"], "c": ["王小川"], "d": ["王兴"]}
    >>> find_entities(people, "mark  ZUCKERBERG"), find_entities(people, "zuckerberg")
    (['a'], ['a'])
    >>> find_entities(people, "王")
    Traceback (most recent call last):
    ...
    graph.subgraph.SubgraphError: no entity is named '王'; did you mean: 王兴, 王小川?
    """
    wanted = name_key(query)
    keys = {node: {name_key(n) for n in node_names} for node, node_names in names.items()}
    found = sorted(node for node, node_keys in keys.items() if wanted in node_keys)
    if found:
        return found
    if not wanted:
        raise SubgraphError(f"no entity is named {query!r}")
    containing = sorted(node for node, node_keys in keys.items() if any(wanted in key for key in node_keys))
    if len(containing) == 1 and len(wanted) > 1:
        return containing
    spelled: dict[str, str] = {}  # key -> the first name with it (an entity's label comes first)
    for node_names in names.values():
        for name in node_names:
            spelled.setdefault(name_key(name), name)
    close = difflib.get_close_matches(wanted, sorted(spelled), n=MAX_SUGGESTIONS, cutoff=0.6)
    # Names that contain the query are the likeliest meaning: suggest those first.
    partial = sorted(spelled[key] for key in spelled if wanted in key)
    suggestions = list(dict.fromkeys([*partial, *(spelled[key] for key in close)]))[:MAX_SUGGESTIONS]
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    raise SubgraphError(f"no entity is named {query!r}{hint}")


def neighbourhood(
    adjacency: Mapping[N, Collection[N]], centres: Iterable[N], hops: int, limit: int = 0
) -> tuple[list[N], int]:
    """The nodes at most *hops* edges from any of *centres* (edges taken in both directions), nearest
    first, at most *limit* of them (0: all); and how many there are in all.

    Within one distance, better-connected nodes come first, so a cut keeps the hubs.

    >>> ring = {0: [1, 5], 1: [0, 2], 2: [1, 3], 3: [2, 4], 4: [3, 5], 5: [4, 0]}
    >>> neighbourhood(ring, [0], hops=2)
    ([0, 1, 5, 2, 4], 5)
    >>> neighbourhood(ring, [0], hops=2, limit=3)
    ([0, 1, 5], 5)
    """
    layer = sorted(set(centres))
    seen = set(layer)
    ordered: list[N] = []
    for distance in range(hops + 1):
        ordered.extend(sorted(layer, key=lambda node: (-len(adjacency.get(node, ())), node)))
        if distance == hops:
            break
        following = {n for node in layer for n in adjacency.get(node, ()) if n not in seen}
        seen |= following
        layer = sorted(following)
    return (ordered[:limit] if limit else ordered), len(ordered)


def most_connected(adjacency: Mapping[N, Collection[N]], limit: int) -> list[N]:
    """At most *limit* nodes forming one connected part around the best-connected node: grown from it
    by always taking the best-connected neighbour next. Where that part is smaller than *limit*,
    the next best-connected node not yet taken starts another part.

    >>> star_and_pair = {0: [1, 2, 3], 1: [0], 2: [0], 3: [0], 4: [5], 5: [4]}
    >>> most_connected(star_and_pair, 3)
    [0, 1, 2]
    >>> most_connected(star_and_pair, 5)
    [0, 1, 2, 3, 4]
    """
    degree = {node: len(adjacency.get(node, ())) for node in adjacency}
    by_degree = sorted(degree, key=lambda node: (-degree[node], node))
    taken: list[N] = []
    seen: set[N] = set()
    for start in by_degree:
        if len(taken) >= limit:
            break
        if start in seen:
            continue
        seen.add(start)
        frontier: list[tuple[int, N]] = [(-degree[start], start)]
        while frontier and len(taken) < limit:
            _, node = heapq.heappop(frontier)
            taken.append(node)
            for neighbour in adjacency.get(node, ()):
                if neighbour not in seen:
                    seen.add(neighbour)
                    heapq.heappush(frontier, (-degree[neighbour], neighbour))
    return taken
