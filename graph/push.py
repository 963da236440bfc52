"""Load a newskg graph into a SPARQL server through the SPARQL 1.1 Graph Store HTTP Protocol.

The protocol (https://www.w3.org/TR/sparql11-http-rdf-update/) is what Oxigraph server, Fuseki,
GraphDB, Virtuoso and most other triple stores speak for "here is an RDF document, store it":
``POST`` adds the triples to a graph, ``PUT`` replaces the graph with them; the graph is named by
the query parameter ``?graph=IRI``, or ``?default`` for the default graph. Only the standard library's
``urllib`` is used: one request, nothing to install.

A Turtle or N-Triples file is sent as it is (after a local parse, so that a broken file fails here
with its name instead of on the server); a store directory (``newskg build --store``) is sent as the
N-Triples of its graph (the ontology, kept in a graph of its own there, is not sent).
"""

from __future__ import annotations

import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.formatting import first_line
from graph.store import StoreError, is_store, open_store

CONTENT_TYPES = {ox.RdfFormat.TURTLE: "text/turtle", ox.RdfFormat.N_TRIPLES: "application/n-triples"}
DEFAULT_TIMEOUT = 60.0
GRAPH_PARAMETERS = frozenset({"graph", "default", "graph-uri"})  # graph-uri: Virtuoso's own name


class PushError(Exception):
    """The graph could not be sent or the server refused it. One line, naming the graph or the URL."""


@dataclass(frozen=True)
class Pushed:
    url: str  # the request's URL, graph parameter included
    method: str
    triples: int
    status: int


def push_graph(
    source: str | os.PathLike[str],
    endpoint: str,
    graph: str | None = None,
    replace: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    user: str | None = None,
    password: str | None = None,
) -> Pushed:
    """Send the graph at ``source`` (a Turtle/N-Triples file or a store directory) to ``endpoint``.

    ``graph`` names the target graph (an IRI), else the server's default graph. ``replace`` sends
    ``PUT`` (the target graph then holds exactly these triples) instead of ``POST`` (adds them).
    ``user``/``password`` answer HTTP Basic or Digest authentication.
    """
    url = graph_store_url(endpoint, graph)
    body, content_type, triples = _payload(Path(source))
    method = "PUT" if replace else "POST"
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": content_type})
    handlers: list[urllib.request.BaseHandler] = []
    if user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user, password or "")
        handlers += [
            urllib.request.HTTPBasicAuthHandler(passwords),
            urllib.request.HTTPDigestAuthHandler(passwords),
        ]
    handlers.append(_RefuseRedirects())
    shown = _without_query(url)
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=timeout) as response:
            return Pushed(url, method, triples, response.status)
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            where = error.headers.get("Location", "?")
            raise PushError(
                f"{shown}: HTTP {error.code} {error.reason}, redirected to {where}: "
                "give that URL as --endpoint (a redirect would turn the upload into a GET without the graph)"
            ) from None
        raise PushError(f"{shown}: HTTP {error.code} {error.reason}{_first_body_line(error)}") from None
    except urllib.error.URLError as error:
        raise PushError(f"{shown}: {_reason(error.reason, timeout)}") from None
    except TimeoutError:
        raise PushError(f"{shown}: no answer within {timeout:g} s (--timeout)") from None
    except (ConnectionError, OSError) as error:  # a connection dropped while sending or reading
        raise PushError(f"{shown}: {_reason(error, timeout)}") from None


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """urllib follows a 301/302/303 answer to a POST with a GET that has no body: the upload would be
    lost and the push still reported as done. A redirect is an error to show instead."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def graph_store_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store Protocol URL of the default graph or of the graph ``graph`` at ``endpoint``.

    >>> graph_store_url("http://127.0.0.1:7878/store")
    'http://127.0.0.1:7878/store?default'
    >>> graph_store_url("http://localhost:3030/news/data", "https://example.org/g?a=1")
    'http://localhost:3030/news/data?graph=https%3A%2F%2Fexample.org%2Fg%3Fa%3D1'

    A URL that names its graph already (``graph=``, ``default``, or Virtuoso's ``graph-uri=``) is kept:

    >>> graph_store_url("http://localhost:8890/sparql-graph-crud-auth?graph-uri=urn:news")
    'http://localhost:8890/sparql-graph-crud-auth?graph-uri=urn:news'
    """
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"{endpoint}: not an http:// or https:// URL of a Graph Store Protocol endpoint")
    named = {name for name, _ in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)}
    if named & GRAPH_PARAMETERS:
        if graph is not None:
            raise PushError(f"{endpoint}: the URL names its graph already; leave out --graph")
        return endpoint
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError as error:
            raise PushError(f"{graph}: not an IRI: {error}") from None
        parameter = "graph=" + urllib.parse.quote(graph, safe="")
    else:
        parameter = "default"
    query = f"{parts.query}&{parameter}" if parts.query else parameter
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def _payload(source: Path) -> tuple[bytes, str, int]:
    """The bytes to send, their media type and how many triples they hold."""
    if source.is_dir():
        if not is_store(source):
            raise PushError(f"{source}: a directory, but not a newskg store (made by newskg build --store)")
        try:
            store = open_store(source)
        except StoreError as error:
            raise PushError(str(error)) from None
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        assert data is not None  # no output given: pyoxigraph returns the bytes
        # N-Triples is one triple per line (line breaks inside literals are escaped)
        return data, CONTENT_TYPES[ox.RdfFormat.N_TRIPLES], data.count(b"\n")
    if not source.is_file():
        raise PushError(f"{source}: no such file")
    rdf_format = ox.RdfFormat.from_extension(source.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    if rdf_format not in CONTENT_TYPES:
        raise PushError(f"{source}: send Turtle (.ttl) or N-Triples (.nt), not {rdf_format.name}")
    try:
        data = source.read_bytes()
        triples = sum(1 for _ in ox.parse(data, format=rdf_format))
    except SyntaxError as error:
        raise PushError(f"{source}: not valid {rdf_format.name}: {first_line(error)}") from None
    except OSError as error:
        raise PushError(f"{source}: cannot read: {error.strerror or error}") from None
    return data, CONTENT_TYPES[rdf_format], triples


def _without_query(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running, and is this its address and port?)"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s (--timeout)"
    if isinstance(reason, socket.gaierror):
        return f"unknown host ({reason.strerror})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower() if reason.strerror[:1].isupper() else reason.strerror
    return first_line(reason)


def _first_body_line(error: urllib.error.HTTPError) -> str:
    try:
        body = error.read(2000).decode("utf-8", errors="replace")
    except OSError:
        return ""
    line = first_line(body)
    return f": {line[:200]}" if body.strip() else ""


__all__ = ["PushError", "Pushed", "graph_store_url", "push_graph", "DEFAULT_TIMEOUT"]
