"""What ncclient and PyEZ do with warnings in each place Junos puts them.

argv[1] JSON: {host, port, user, password, calls: [{"name": ..., "xml": ...}]}.
For each call: ncclient (junos handler, default raise mode) and PyEZ
(dev.execute, default and ignore_warning=True). Each outcome is
{"raised": class, "severity": s, "message": m} or {"returned": tag}.
"""
import json
import sys

from jnpr.junos import Device
from lxml import etree
from ncclient import manager
from ncclient.xml_ import to_ele

p = json.loads(sys.argv[1])


def tag_of(r):
    if r is True:
        return "True"
    if hasattr(r, "tag"):
        return etree.QName(r).localname
    root = etree.fromstring(str(r).encode())
    first = root[0] if len(root) else None
    return "rpc-reply/" + (etree.QName(first).localname if first is not None else "(empty)")


def outcome(f):
    try:
        return {"returned": tag_of(f())}
    except Exception as e:  # the class is what the test compares
        sev = getattr(e, "severity", None) or getattr(getattr(e, "rpc_error", None) or {}, "get", lambda k: None)("severity")
        return {"raised": type(e).__name__, "severity": sev, "message": str(getattr(e, "message", e))[:300]}


out = {}
m = manager.connect(host=p["host"], port=p["port"], username=p["user"], password=p["password"],
                    hostkey_verify=False, device_params={"name": "junos"}, timeout=30)
dev = Device(host=p["host"], port=p["port"], user=p["user"], passwd=p["password"], gather_facts=False)
dev.open()
for c in p["calls"]:
    out[c["name"]] = {
        "ncclient": outcome(lambda: m.rpc(to_ele(c["xml"]))),
        "pyez": outcome(lambda: dev.execute(c["xml"])),
        "pyez_ignore_warning": outcome(lambda: dev.execute(c["xml"], ignore_warning=True)),
    }
dev.close()
m.close_session()
print(json.dumps(out))
