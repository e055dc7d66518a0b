"""scrapli_netconf's NetconfDriver with its defaults against the emulator.

Only auth_strict_key=False is set (the emulator's host key is in no
known_hosts file); the transport is scrapli's default `system` (the OpenSSH
client, which offers the agent key and the ~/.ssh keys before it asks for the
password) unless params "transport" names another. Runs open, request-snapshot,
get-snapshot-information, an unknown RPC, lock/unlock of the candidate and
close, and prints what scrapli reported for each as one JSON object.
"""
import json
import sys

from scrapli_netconf.driver import NetconfDriver

p = json.loads(sys.argv[1])
NC = "urn:ietf:params:xml:ns:netconf:base:1.0"


def first(elem, path):
    found = elem.xpath(path)
    if not found:
        return None
    return found[0].text.strip() if found[0].text else ""


def outcome(resp):
    """What a scrapli user sees on a response: failed, the parsed reply, error details."""
    root = resp.xml_result
    body = [c for c in root if isinstance(c.tag, str)]
    out = {
        "failed": resp.failed,
        "root": root.tag,
        "tag": body[0].tag.rsplit("}", 1)[-1] if body else None,
        "error_messages": resp.error_messages,
        "raw_start": resp.raw_result[:40].decode("utf-8", "replace"),
    }
    err = root.xpath("//*[local-name()='rpc-error']")
    if err:
        e = err[0]
        out["rpc_error"] = {
            k: first(e, "*[local-name()='%s']" % k)
            for k in ("error-type", "error-tag", "error-severity", "error-message")
        }
        out["rpc_error"]["bad-element"] = first(e, "*[local-name()='error-info']/*[local-name()='bad-element']")
    return out


kwargs = dict(host=p["host"], port=p["port"], auth_username=p["user"], auth_password=p["password"], auth_strict_key=False)
if p.get("transport"):
    kwargs["transport"] = p["transport"]
conn = NetconfDriver(**kwargs)
res = {"transport": conn.transport_name}
try:
    conn.open()
    res["open"] = True
    res["netconf_version"] = conn.netconf_version.value
    res["server_base11"] = "urn:ietf:params:netconf:base:1.1" in conn.server_capabilities
    res["request_snapshot"] = outcome(conn.rpc(filter_="<request-snapshot/>"))
    res["get_snapshot_information"] = outcome(conn.rpc(filter_="<get-snapshot-information/>"))
    res["unknown_rpc"] = outcome(conn.rpc(filter_="<%s/>" % p["unknown_rpc"]))
    res["lock"] = outcome(conn.lock(target="candidate"))
    res["unlock"] = outcome(conn.unlock(target="candidate"))
finally:
    conn.close()
    res["closed"] = not conn.isalive()
print(json.dumps(res))
