"""ncclient's Junos operations (device_params junos): command, load_configuration, commit, rpc.

argv[1] is JSON: {host, port, user, password}. Prints one JSON object.
"""
import json
import sys

from lxml import etree
from ncclient import manager
from ncclient.operations.rpc import RPCError
from ncclient.xml_ import to_ele

p = json.loads(sys.argv[1])
m = manager.connect(host=p["host"], port=p["port"], username=p["user"], password=p["password"],
                    hostkey_verify=False, timeout=60,
                    device_params={"name": "junos"})
out = {}
out["command_xml"] = etree.tostring(m.command("show version", format="xml").xpath("//software-information")[0], encoding="unicode")
out["command_text"] = m.command("show system snapshot", format="text").xpath("//output")[0].text
out["load_set"] = str(m.load_configuration(action="set", config=["set system host-name via-ncclient", "set system mirror-flash-on-disk"]))
out["commit"] = str(m.commit())
try:
    m.rpc(to_ele("<request-snapshot/>"))
    out["snapshot_refused"] = None
except RPCError as e:
    out["snapshot_refused"] = e.message
out["load_text"] = str(m.load_configuration(format="text", config="system { delete: mirror-flash-on-disk; }"))
out["commit2"] = str(m.commit())
out["snapshot"] = etree.QName(m.rpc(to_ele("<request-snapshot/>")).xpath("/rpc-reply/*")[0]).localname
out["hostname"] = m.command("show version", format="xml").xpath("//host-name")[0].text
m.close_session()
print(json.dumps(out))
