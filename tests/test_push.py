"""graph.push against a real SPARQL server: Oxigraph server (``pip install oxigraph``), on loopback.

The server is started by the fixture below with ``oxigraph serve --location DIR --bind
127.0.0.1:PORT``, and queried over HTTP after each push. Under CI (``CI=true``) a missing server
binary is a failure, not a skip: the test extra installs it.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.reader import read_inputs
from graph.cli import main
from graph.push import PushError, graph_store_url, push_graph
from graph.query import run_query
from graph.store import update_store

NKG = "PREFIX nkg: <https://w3id.org/newskg/ontology/>\n"
CLAIMS = NKG + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a nkg:Claim }"
CLAIMS_IN = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?c a nkg:Claim }} }}"
STARTUP_SECONDS = 30


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"  # a venv's bin/ need not be on PATH
    return str(beside_python) if beside_python.is_file() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A fresh Oxigraph server on a free loopback port; yields its base URL."""
    binary = oxigraph_binary()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the oxigraph server binary is missing (pip install -e '.[test]' installs it)")
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "oxigraph.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [binary, "serve", "--location", str(tmp_path / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    said = log.read_text(errors="replace")[:500]
                    pytest.fail(f"oxigraph serve did not answer within {STARTUP_SECONDS} s: {said}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def remote_count(url: str, sparql: str) -> int:
    request = urllib.request.Request(
        f"{url}/query",
        data=urllib.parse.urlencode({"query": sparql}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def local_count(graph: Path) -> int:
    return int(run_query(graph, CLAIMS).rows[0][0].value)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def seeds_graph(root: Path) -> Path:
    return root / "output" / "graph.ttl"  # what newskg build makes of seeds/ (kept current)


def test_the_seeds_graph_pushed_to_a_server_answers_the_same_count_of_claims(
    server: str, seeds_graph: Path
) -> None:
    pushed = push_graph(seeds_graph, f"{server}/store")
    assert pushed.method == "POST" and pushed.status in (200, 201, 204)
    assert pushed.url == f"{server}/store?default"
    claims = local_count(seeds_graph)
    assert claims > 40
    assert remote_count(server, CLAIMS) == claims
    assert remote_count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == pushed.triples


def test_a_named_graph_and_replace(server: str, seeds_graph: Path, tmp_path: Path) -> None:
    graph = "https://example.org/newskg/seeds"
    push_graph(seeds_graph, f"{server}/store", graph=graph)
    push_graph(
        seeds_graph, f"{server}/store", graph=graph
    )  # POST adds: the same triples again change nothing
    claims = local_count(seeds_graph)
    assert remote_count(server, NKG + CLAIMS_IN.format(graph=graph)) == claims
    one_claim = tmp_path / "one.ttl"
    one_claim.write_text(
        "<https://example.org/c> a <https://w3id.org/newskg/ontology/Claim> .\n", encoding="utf-8"
    )
    replaced = push_graph(one_claim, f"{server}/store", graph=graph, replace=True)
    assert replaced.method == "PUT"
    assert remote_count(server, NKG + CLAIMS_IN.format(graph=graph)) == 1


def test_a_store_is_pushed_as_its_graph_without_the_ontology(
    server: str, tmp_path: Path, seeds_dir: Path
) -> None:
    update_store(tmp_path / "kg", read_inputs([str(seeds_dir)]).documents)
    pushed = push_graph(tmp_path / "kg", f"{server}/store")
    assert remote_count(server, CLAIMS) == local_count(tmp_path / "kg")
    assert pushed.triples == remote_count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")


def test_the_command_line(server: str, seeds_graph: Path) -> None:
    result = CliRunner().invoke(main, ["push", str(seeds_graph), "--endpoint", f"{server}/store"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("newskg: POST ") and "triples to the default graph of" in result.stderr
    assert remote_count(server, CLAIMS) == local_count(seeds_graph)


def test_http_errors_give_the_status_and_the_servers_first_line(server: str, tmp_path: Path) -> None:
    not_rdf = tmp_path / "bad.nt"
    not_rdf.write_text("<https://example.org/s> <https://example.org/p> .\n", encoding="utf-8")
    with pytest.raises(PushError, match=r"bad\.nt: not valid N-Triples: Parser error at line 1"):
        push_graph(not_rdf, f"{server}/store")  # caught before sending
    good = tmp_path / "good.ttl"
    good.write_text("<https://example.org/s> <https://example.org/p> 1 .\n", encoding="utf-8")
    with pytest.raises(PushError, match=rf"^{server}/nowhere: HTTP 404 Not Found"):
        push_graph(good, f"{server}/nowhere")


def test_connection_refused_bad_urls_and_timeouts_are_one_line(tmp_path: Path, seeds_graph: Path) -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(
        PushError, match=rf"^http://127.0.0.1:{port}/store: connection refused \(is the server"
    ):
        push_graph(seeds_graph, f"http://127.0.0.1:{port}/store")
    with pytest.raises(PushError, match=r"^ftp://example.org/store: not an http:// or https:// URL"):
        push_graph(seeds_graph, "ftp://example.org/store")
    with pytest.raises(PushError, match=r"^nonsense: not an http"):
        push_graph(seeds_graph, "nonsense")
    with pytest.raises(PushError, match=r"^not an iri: not an IRI"):
        push_graph(seeds_graph, "http://127.0.0.1:1/store", graph="not an iri")
    with pytest.raises(PushError, match=r"nowhere\.ttl: no such file"):
        push_graph(tmp_path / "nowhere.ttl", "http://127.0.0.1:1/store")

    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        held: list[socket.socket] = []
        accepting = threading.Thread(target=lambda: held.append(silent.accept()[0]), daemon=True)
        accepting.start()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/store"
        started = time.monotonic()
        with pytest.raises(PushError, match=rf"^{url}: no answer within 0.5 s \(--timeout\)$"):
            push_graph(seeds_graph, url, timeout=0.5)
        assert time.monotonic() - started < 5
        for connection in held:
            connection.close()


def test_graph_store_urls() -> None:
    virtuoso = "http://h:8890/sparql-graph-crud-auth?graph-uri=urn:news"
    assert graph_store_url(virtuoso) == virtuoso
    with pytest.raises(PushError, match="names its graph already; leave out --graph"):
        graph_store_url(virtuoso, "urn:other")
    assert graph_store_url("http://h:7200/repositories/news/rdf-graphs/service") == (
        "http://h:7200/repositories/news/rdf-graphs/service?default"
    )
    assert (
        graph_store_url("http://h:8890/sparql-graph-crud?x=1", "urn:g")
        == "http://h:8890/sparql-graph-crud?x=1&graph=urn%3Ag"
    )


def test_the_cli_reports_connection_refused_on_one_line(seeds_graph: Path) -> None:
    result = CliRunner().invoke(
        main, ["push", str(seeds_graph), "--endpoint", f"http://127.0.0.1:{free_port()}/store"]
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "connection refused" in result.stderr


def test_user_and_password_answer_http_basic_authentication(seeds_graph: Path) -> None:
    import base64
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    expected = "Basic " + base64.b64encode(b"editor:s3cret").decode()
    received: list[tuple[str, bytes]] = []

    class Guarded(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.headers.get("Authorization") != expected:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            received.append((self.headers["Content-Type"], body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:  # keep the test output quiet
            pass

    with ThreadingHTTPServer(("127.0.0.1", 0), Guarded) as guarded:
        threading.Thread(target=guarded.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{guarded.server_address[1]}/store"
        with pytest.raises(PushError, match=r"HTTP 401 Unauthorized"):
            push_graph(seeds_graph, url)
        with pytest.raises(PushError, match=r"HTTP 401 Unauthorized"):
            push_graph(seeds_graph, url, user="editor", password="wrong")
        assert push_graph(seeds_graph, url, user="editor", password="s3cret").status == 204
        guarded.shutdown()
    assert received == [("text/turtle", seeds_graph.read_bytes())]


def test_a_redirect_is_an_error_not_a_lost_upload(seeds_graph: Path) -> None:
    """urllib would follow a 302 to a POST with a bodiless GET, and the push would seem done."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    requests: list[str] = []

    class Moved(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
            self.rfile.read(int(self.headers["Content-Length"]))
            requests.append(f"POST {self.path}")
            self.send_response(302)
            self.send_header("Location", "/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:  # noqa: N802
            requests.append(f"GET {self.path}")
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with ThreadingHTTPServer(("127.0.0.1", 0), Moved) as moved:
        threading.Thread(target=moved.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{moved.server_address[1]}/store"
        with pytest.raises(PushError, match=r"HTTP 302 Found, redirected to /elsewhere: give that URL"):
            push_graph(seeds_graph, url)
        moved.shutdown()
    assert requests == ["POST /store?default"]
