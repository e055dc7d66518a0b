"""ncclient against the emulator: hello, framing, a few RPCs, errors, close.

Reads connection parameters as JSON from argv[1]; prints one JSON object.
"""
import json
import sys

from lxml import etree
from ncclient import manager
from ncclient.operations.rpc import RPCError
from ncclient.transport.session import NetconfBase
from ncclient.xml_ import to_ele

p = json.loads(sys.argv[1])
out = {}
kwargs = dict(host=p["host"], port=p["port"], username=p["user"], hostkey_verify=False,
              timeout=20)
if p.get("key"):
    kwargs["key_filename"] = p["key"]
else:
    kwargs["password"] = p["password"]
if p.get("junos"):
    kwargs["device_params"] = {"name": "junos"}

m = manager.connect(**kwargs)
out["session_id"] = m.session_id
out["base11"] = "urn:ietf:params:netconf:base:1.1" in m.server_capabilities
out["framing_chunked"] = m._session._base == NetconfBase.BASE_11
reply = m.get_config(source="running")
# The junos handler returns an NCElement, the default one a GetReply: read both as XML text.
host = etree.fromstring(str(reply).encode()).find(".//{*}host-name")
out["host_name"] = host.text if host is not None else None
try:
    m.rpc(to_ele("<get-test/>"))
    out["unknown_rpc"] = "no error"
except RPCError as e:
    out["unknown_rpc"] = {"message": e.message, "info": e.info, "severity": e.severity}
m.lock(target="candidate")
m.unlock(target="candidate")
out["locked_and_unlocked"] = True
for name in p.get("extra_rpcs", []):
    out.setdefault("extra", {})[name] = str(m.rpc(to_ele(name)))
m.close_session()
out["closed"] = True
print(json.dumps(out))
