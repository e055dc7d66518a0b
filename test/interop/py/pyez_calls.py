"""Runs a list of PyEZ calls against the emulator and reports each outcome.

argv[1] is JSON: {host, port, user, password | key, calls: [...]}, where a call is
  {"rpc": "request_snapshot", "args": [{"format": "text"}], "kwargs": {"partition": true}, "timeout": 60}
  or {"cli": "show system snapshot", "format": "text"}.
Each outcome is {"xml": "..."} / {"text": "..."} / {"true": true}, or
{"error": {"class": "...", "message": "...", "bad_element": "..."}}. Prints one JSON object.
"""
import json
import sys

from lxml import etree
from emulator_login import open_device
from jnpr.junos.exception import RpcError

p = json.loads(sys.argv[1])
dev = open_device(p)
results = []
for call in p["calls"]:
    try:
        if "rpc" in call:
            fn = getattr(dev.rpc, call["rpc"])
            kw = dict(call.get("kwargs", {}))
            if "timeout" in call:
                kw["dev_timeout"] = call["timeout"]
            r = fn(*call.get("args", []), **kw)
        else:
            r = dev.cli(call["cli"], format=call.get("format", "text"), warning=False)
        if r is True:
            results.append({"true": True})
        elif isinstance(r, str):
            results.append({"text": r})
        elif isinstance(r, dict):
            results.append({"json": r})
        else:
            results.append({"xml": etree.tostring(r, encoding="unicode"), "tag": etree.QName(r).localname,
                            "text": r.text})
    except RpcError as e:
        results.append({"error": {"class": type(e).__name__, "message": e.message,
                                  "bad_element": (e.rpc_error or {}).get("bad_element"),
                                  "severity": (e.rpc_error or {}).get("severity")}})
dev.close()
print(json.dumps({"results": results}))
