"""libxml2 (through lxml) as the oracle of the emulator's XML parser tests.

One process serves a whole test suite. Each line on stdin is a JSON string, one
document; each line on stdout answers it, in order, as JSON:
  {"ok": true, "root": TREE}  or  {"ok": false, "error": "libxml2's message"}
TREE is {"tag": "{uri}local", "prefix": "p" or "", "nsmap": [[prefix, uri], ...],
"attrs": [["{uri}local", value], ...] in document order, "text": the element's
own character data (CDATA included), "children": [TREE, ...]}.

Documents are parsed as UTF-8 whatever their declaration says (NETCONF is
UTF-8), with no entity loading and no network.
"""
import json
import sys

from lxml import etree


def parser():
    return etree.XMLParser(encoding="utf-8", resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, strip_cdata=True, remove_comments=False, remove_pis=False)


def tree(el):
    text = el.text or ""
    children = []
    for c in el:
        if isinstance(c.tag, str):
            children.append(tree(c))
        text += c.tail or ""
    return {
        "tag": el.tag,
        "prefix": el.prefix or "",
        "nsmap": sorted([[k or "", v] for k, v in el.nsmap.items()]),
        "attrs": [[k, v] for k, v in el.attrib.items()],
        "text": text,
        "children": children,
    }


def answer(doc):
    p = parser()
    try:
        root = etree.fromstring(doc.encode("utf-8", "surrogatepass"), p)
    except (etree.XMLSyntaxError, ValueError) as e:
        return {"ok": False, "error": str(e)}
    # lxml raises only when libxml2's last message is an error, so a later
    # warning (a relative namespace URI, say) hides an earlier namespace
    # error: libxml2's verdict is in the whole log.
    errors = [e for e in p.error_log if e.level >= etree.ErrorLevels.ERROR]
    if errors:
        return {"ok": False, "error": f"{errors[0].message}, line {errors[0].line}, column {errors[0].column}"}
    return {"ok": True, "root": tree(root)}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        sys.stdout.write(json.dumps(answer(json.loads(line))) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
