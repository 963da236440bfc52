"""The vocabularies newskg writes, as namespaces whose typos fail at import time.

``NKG`` is the project's own ontology (``ontology/newskg.ttl`` documents every term);
the others are the standard vocabularies the provenance model reuses.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/newskg/ontology/"
# Base of the IRIs minted for data (entities, documents, claims, spans). Overridable with
# ``newskg build --base`` or the NEWSKG_BASE environment variable; see ``ontology.iris``.
DEFAULT_DATA_BASE = "https://w3id.org/newskg/id/"


class NKG(DefinedNamespace):
    """newskg ontology terms. Relation local names are fixed by the gold SCHEMA."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Claim: URIRef
    EvidenceSpan: URIRef
    ExtractionActivity: URIRef
    Team: URIRef
    MediaOutlet: URIRef
    GovernmentBody: URIRef
    University: URIRef
    Company: URIRef
    AIModel: URIRef
    MonetaryAmount: URIRef

    # relations (direct edges between entity nodes)
    founded: URIRef
    worksFor: URIRef
    joined: URIRef
    left: URIRef
    educatedAt: URIRef
    investedIn: URIRef
    acquired: URIRef
    partnersWith: URIRef
    endedPartnershipWith: URIRef
    customerOf: URIRef
    competitorOf: URIRef
    partOf: URIRef
    released: URIRef
    valuedAt: URIRef

    # claim qualifiers
    amount: URIRef
    stake: URIRef
    date: URIRef
    datePrecision: URIRef
    role: URIRef
    reportedBy: URIRef
    confidence: URIRef
    amountQualifier: URIRef

    # provenance helpers
    extractor: URIRef
    sourceFile: URIRef
    sha256: URIRef
    citesSource: URIRef
    mentionCount: URIRef


NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "nkg": ONTOLOGY_IRI,
    "schema": str(SDO),
    "prov": str(PROV),
    "nif": str(NIF),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "wd": str(WD),
}

__all__ = ["NKG", "NIF", "WD", "PREFIXES", "ONTOLOGY_IRI", "DEFAULT_DATA_BASE"]
