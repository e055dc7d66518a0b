"""PyEZ (junos-eznc) against the emulator: open, RPCs by name, close.

Reads connection parameters as JSON from argv[1]; prints one JSON object.
"""
import json
import sys

from lxml import etree
from emulator_login import open_device
from jnpr.junos.exception import RpcError

p = json.loads(sys.argv[1])
out = {}
dev = open_device(p)
out["connected"] = dev.connected
reply = dev.execute("<get-config><source><running/></source></get-config>")
out["get_config_tag"] = etree.QName(reply).localname if reply is not True else True
try:
    dev.rpc.get_test_rpc_nonexistent()
    out["unknown_rpc"] = "no error"
except RpcError as e:
    out["unknown_rpc"] = {"message": e.message, "bad_element": getattr(e, "rpc_error", {}).get("bad_element")}
dev.close()
out["closed"] = not dev.connected
print(json.dumps(out))
