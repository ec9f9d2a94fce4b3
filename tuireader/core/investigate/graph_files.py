"""The co-occurrence graph as files for Gephi or a graph database: GEXF, GraphML (written
with xml.etree: no graph library needed) or CSV (an edge list: source,target,weight, with
the nodes' type and article counts as extra columns)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from tuireader.core.investigate.corpus import EntityCount

FORMATS = ("gexf", "graphml", "csv")


def graph_text(
    fmt: str, nodes: Sequence[EntityCount], edges: Sequence[tuple[str, str, int]]
) -> str:
    """The graph in ``fmt`` (one of FORMATS)."""
    if fmt == "gexf":
        return _gexf(nodes, edges)
    if fmt == "graphml":
        return _graphml(nodes, edges)
    if fmt == "csv":
        return _csv(nodes, edges)
    raise ValueError(f"unknown graph format {fmt!r}: use one of {', '.join(FORMATS)}")


def _ids(nodes: Sequence[EntityCount]) -> dict[str, str]:
    return {node.name: f"n{index}" for index, node in enumerate(nodes)}


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _gexf(nodes: Sequence[EntityCount], edges: Sequence[tuple[str, str, int]]) -> str:
    ids = _ids(nodes)
    root = ET.Element("gexf", xmlns="http://gexf.net/1.3", version="1.3")
    graph = ET.SubElement(root, "graph", defaultedgetype="undirected")
    attributes = ET.SubElement(graph, "attributes", {"class": "node"})
    ET.SubElement(attributes, "attribute", id="type", title="type", type="string")
    ET.SubElement(attributes, "attribute", id="articles", title="articles", type="integer")
    node_list = ET.SubElement(graph, "nodes")
    for node in nodes:
        element = ET.SubElement(node_list, "node", id=ids[node.name], label=node.name)
        values = ET.SubElement(element, "attvalues")
        ET.SubElement(values, "attvalue", {"for": "type", "value": node.type})
        ET.SubElement(values, "attvalue", {"for": "articles", "value": str(node.articles)})
    edge_list = ET.SubElement(graph, "edges")
    for index, (first, second, weight) in enumerate(edges):
        ET.SubElement(
            edge_list,
            "edge",
            id=f"e{index}",
            source=ids[first],
            target=ids[second],
            weight=str(weight),
        )
    return _xml(root)


def _graphml(nodes: Sequence[EntityCount], edges: Sequence[tuple[str, str, int]]) -> str:
    ids = _ids(nodes)
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for key, kind, name in (
        ("label", "string", "label"),
        ("type", "string", "type"),
        ("articles", "int", "articles"),
    ):
        ET.SubElement(root, "key", {"id": key, "for": "node", "attr.name": name, "attr.type": kind})
    ET.SubElement(
        root, "key", {"id": "weight", "for": "edge", "attr.name": "weight", "attr.type": "int"}
    )
    graph = ET.SubElement(root, "graph", edgedefault="undirected")
    for node in nodes:
        element = ET.SubElement(graph, "node", id=ids[node.name])
        for key, value in (("label", node.name), ("type", node.type), ("articles", node.articles)):
            ET.SubElement(element, "data", key=key).text = str(value)
    for first, second, weight in edges:
        element = ET.SubElement(graph, "edge", source=ids[first], target=ids[second])
        ET.SubElement(element, "data", key="weight").text = str(weight)
    return _xml(root)


def _csv(nodes: Sequence[EntityCount], edges: Sequence[tuple[str, str, int]]) -> str:
    by_name = {node.name: node for node in nodes}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "source",
            "target",
            "weight",
            "source_type",
            "target_type",
            "source_articles",
            "target_articles",
        ]
    )
    for first, second, weight in edges:
        a, b = by_name[first], by_name[second]
        writer.writerow([first, second, weight, a.type, b.type, a.articles, b.articles])
    return out.getvalue()
