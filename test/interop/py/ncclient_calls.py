"""Sends raw RPCs through ncclient and reports each reply or error.

argv[1] is JSON: {host, port, user, password, junos: bool, rpcs: ["<request-snapshot/>", ...]}.
Prints {"results": [{"reply": "..."} | {"error": {"message", "severity", "info"}}]}.
"""
import json
import sys

from ncclient import manager
from ncclient.operations.rpc import RPCError
from ncclient.xml_ import to_ele

p = json.loads(sys.argv[1])
kwargs = dict(host=p["host"], port=p["port"], username=p["user"], password=p["password"],
              hostkey_verify=False, timeout=60)
if p.get("junos"):
    kwargs["device_params"] = {"name": "junos"}
m = manager.connect(**kwargs)
results = []
for rpc in p["rpcs"]:
    try:
        results.append({"reply": str(m.rpc(to_ele(rpc)))})
    except RPCError as e:
        results.append({"error": {"message": e.message, "severity": e.severity, "info": e.info,
                                  "errors": [x.message for x in getattr(e, "errors", [])] or None}})
m.close_session()
print(json.dumps({"results": results}))
