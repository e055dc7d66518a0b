"""ncclient calls against a device with faults armed; reports what the client saw.

argv[1] is JSON: {host, port, user, password, junos?: bool, connect_timeout?: s,
  calls: [{"xml": "<get-config>...</get-config>", "timeout": 5}],
  control?: {"url": ..., "token"?: ..., "at": seconds after the first call starts,
             "method": "POST", "path": "/clock/advance", "body": {...}}}
Each outcome: {"ok": true, "reply": "...", "elapsed": s} or
{"error": "ClassName", "module": "...", "message": "...", "elapsed": s}.
A failed connect gives {"connect_error": {...}}. Prints one JSON object.
"""
import json
import sys
import threading
import time
import urllib.request

from ncclient import manager
from ncclient.xml_ import to_ele

p = json.loads(sys.argv[1])


def err(e, t0):
    return {"error": type(e).__name__, "module": type(e).__module__, "message": str(e)[:800],
            "elapsed": time.monotonic() - t0}


def control_call(c):
    req = urllib.request.Request(c["url"] + c["path"], method=c.get("method", "POST"),
                                 data=json.dumps(c.get("body", {})).encode(),
                                 headers={"content-type": "application/json"})
    if c.get("token"):
        req.add_header("authorization", "Bearer " + c["token"])
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


kwargs = dict(host=p["host"], port=p["port"], username=p["user"], password=p["password"], hostkey_verify=False,
              timeout=p.get("connect_timeout", 10))
if p.get("junos"):
    kwargs["device_params"] = {"name": "junos"}
t0 = time.monotonic()
try:
    m = manager.connect(**kwargs)
except Exception as e:  # noqa: BLE001 - the class is the point
    print(json.dumps({"connect_error": err(e, t0)}))
    sys.exit(0)

out = {"session_id": m.session_id, "results": []}
control = None
if p.get("control"):
    c = p["control"]
    control = threading.Timer(c.get("at", 1.0), lambda: out.__setitem__("control", control_call(c)))
    control.start()
for call in p["calls"]:
    m.timeout = call.get("timeout", 10)
    t0 = time.monotonic()
    try:
        r = m.rpc(to_ele(call["xml"]))
        out["results"].append({"ok": True, "reply": str(r)[:4000], "elapsed": time.monotonic() - t0})
    except Exception as e:  # noqa: BLE001
        out["results"].append(err(e, t0))
out["connected_after"] = m.connected
if control is not None:
    # On a loaded machine the timer can fire after the calls ended: report its result, made while the session
    # was still open, rather than print without it.
    control.join()
try:
    if out["results"] and "error" in out["results"][-1]:
        # A hung or cut session would never answer <close-session/>: waiting
        # for it cost a whole timeout. Close the transport instead.
        m._session.close()
    else:
        m.timeout = 5
        m.close_session()
except Exception:  # noqa: BLE001
    pass
print(json.dumps(out))
