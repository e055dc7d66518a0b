"""Drives one NETCONF client through an ordinary session against the emulator,
so that test/xml/capture-client-messages.ts can record what the client sends.

argv[1] is JSON: {client: "ncclient" | "ncclient-junos" | "pyez" | "scrapli", host, port, user, password}.
Each call may fail (the emulator answers an rpc-error); the session goes on.
"""
import json
import sys

p = json.loads(sys.argv[1])
done = []


def attempt(name, f):
    try:
        f()
        done.append(name)
    except Exception as e:  # an rpc-error is an answer too: what matters is what was sent
        done.append(f"{name}: {type(e).__name__}")


if p["client"] in ("ncclient", "ncclient-junos"):
    from ncclient import manager
    from ncclient.xml_ import to_ele

    kwargs = dict(host=p["host"], port=p["port"], username=p["user"], password=p["password"],
                  hostkey_verify=False, allow_agent=False, look_for_keys=False, timeout=30)
    if p["client"] == "ncclient-junos":
        kwargs["device_params"] = {"name": "junos"}
    m = manager.connect(**kwargs)
    attempt("get-config", lambda: m.get_config(source="running"))
    attempt("get", lambda: m.get(filter=("subtree", "<configuration><system><host-name/></system></configuration>")))
    attempt("lock", lambda: m.lock(target="candidate"))
    attempt("edit-config", lambda: m.edit_config(target="candidate", config=(
        '<config xmlns:xc="urn:ietf:params:xml:ns:netconf:base:1.0"><configuration><system>'
        '<host-name>lab-r&amp;d</host-name><domain-name xc:operation="replace">example.net</domain-name>'
        '</system></configuration></config>')))
    attempt("validate", lambda: m.validate(source="candidate"))
    attempt("discard", lambda: m.discard_changes())
    attempt("unlock", lambda: m.unlock(target="candidate"))
    attempt("rpc", lambda: m.rpc(to_ele('<get-snapshot-information><media>internal</media></get-snapshot-information>')))
    if p["client"] == "ncclient-junos":
        attempt("command", lambda: m.command("show version", format="text"))
        attempt("get-configuration", lambda: m.get_configuration(format="text"))
        attempt("load-configuration", lambda: m.load_configuration(
            format="text", config='system { host-name "lab <1>"; }'))
        attempt("compare", lambda: m.compare_configuration(rollback=0))
    attempt("close-session", lambda: m.close_session())

elif p["client"] == "pyez":
    from jnpr.junos import Device
    from jnpr.junos.utils.config import Config

    dev = Device(host=p["host"], port=p["port"], user=p["user"], passwd=p["password"], gather_facts=True)
    dev.open()
    attempt("rpc by name", lambda: dev.rpc.get_route_engine_information())
    attempt("rpc with options", lambda: dev.rpc.get_config(filter_xml="<system/>", options={"format": "json"}))
    attempt("rpc with args", lambda: dev.rpc.get_snapshot_information(media="internal", normalize=True))
    attempt("request-snapshot", lambda: dev.rpc.request_snapshot(slice="alternate", dev_timeout=60))
    attempt("cli", lambda: dev.cli("show system snapshot media internal", warning=False))
    cu = Config(dev)
    attempt("config lock", lambda: cu.lock())
    attempt("config load set", lambda: cu.load("set system host-name lab-pyez", format="set"))
    attempt("config load text", lambda: cu.load('system { domain-name "example.net"; }', format="text"))
    attempt("config diff", lambda: cu.diff())
    attempt("config commit check", lambda: cu.commit_check())
    attempt("config rollback", lambda: cu.rollback())
    attempt("config unlock", lambda: cu.unlock())
    dev.close()

elif p["client"] == "scrapli":
    from scrapli_netconf.driver import NetconfDriver

    conn = NetconfDriver(host=p["host"], port=p["port"], auth_username=p["user"], auth_password=p["password"],
                         auth_strict_key=False, transport="paramiko", timeout_ops=30)
    conn.open()
    attempt("get-config", lambda: conn.get_config(source="running"))
    attempt("get", lambda: conn.get(filter_="<configuration><system/></configuration>", filter_type="subtree"))
    attempt("rpc", lambda: conn.rpc(filter_="<get-software-information/>"))
    attempt("lock", lambda: conn.lock(target="candidate"))
    attempt("unlock", lambda: conn.unlock(target="candidate"))
    attempt("close", lambda: conn.close())

print(json.dumps({"done": done}))
