"""PyEZ's SW utility as an upgrade script drives it (test/upgrade/clients.test.ts).

argv[1] is JSON: {host, port, user, password, steps: [...]}; a step is one of
  {"install": {"package": LOCAL, ...SW.install kwargs}} -> {"ok": bool, "msg": str|None, "log": [...]}
  {"safe_copy": {"package": LOCAL, ...}}                -> {"ok": bool, "log": [...]}
  {"put": LOCAL, "remote_path": "/var/tmp"}            -> {"done": true}   (SW.put: SCP)
  {"validate": REMOTE}                                  -> {"ok": bool}
  {"pkgadd": REMOTE}                                    -> {"ok": bool, "msg": str|None}
  {"rollback": true}                                    -> {"output": str}
  {"reboot": true}                                      -> {"status": str}
  {"checksum": REMOTE, "algorithm": "md5"}              -> {"remote": str|None}
  {"local_checksum": LOCAL, "algorithm": "md5"}         -> {"local": str}
  {"facts": ["version", ...]}                           -> {"facts": {...}}
  {"cli": "show version"}                               -> {"text": str}
  {"rpc": "request_snapshot", "kwargs": {...}}          -> {"xml": str}
A progress callback records what SW reports ("log") unless the step says
"progress": false (PyEZ 2.1.7's SCP inspects it with inspect.getargspec,
which Python 3.11 no longer has). SW.install returns a bool in PyEZ 2.1.7 and (bool, message) in 2.8.0: "ok"
is the bool either way, "raw" what it returned. Errors become
{"error": {"class", "message"}}. Prints {"results": [...]}.
"""
import json
import sys
import warnings

from lxml import etree
from jnpr.junos import Device
from jnpr.junos.utils.sw import SW

warnings.simplefilter("ignore")
p = json.loads(sys.argv[1])
dev = Device(host=p["host"], port=p["port"], user=p["user"], passwd=p["password"], gather_facts=True)
dev.open()
results = []


def split(r):
    return (bool(r[0]), r[1]) if isinstance(r, tuple) else (bool(r), None)


for step in p["steps"]:
    log = []

    def progress(_dev, report):
        log.append(report)

    try:
        if "install" in step:
            kw = dict(step["install"])
            kw["progress"] = progress if kw.get("progress", True) is not False else None
            raw = SW(dev).install(**kw)
            ok, msg = split(raw)
            results.append({"ok": ok, "msg": msg, "raw": repr(raw), "log": log})
        elif "safe_copy" in step:
            kw = dict(step["safe_copy"])
            kw["progress"] = progress if kw.get("progress", True) is not False else None
            results.append({"ok": bool(SW(dev).safe_copy(**kw)), "log": log})
        elif "put" in step:
            SW(dev).put(step["put"], remote_path=step.get("remote_path", "/var/tmp"))
            results.append({"done": True})
        elif "validate" in step:
            results.append({"ok": bool(SW(dev).validate(step["validate"]))})
        elif "pkgadd" in step:
            ok, msg = split(SW(dev).pkgadd(step["pkgadd"]))
            results.append({"ok": ok, "msg": msg})
        elif "rollback" in step:
            results.append({"output": SW(dev).rollback()})
        elif "reboot" in step:
            results.append({"status": SW(dev).reboot()})
        elif "checksum" in step:
            results.append({"remote": SW(dev).remote_checksum(step["checksum"], algorithm=step.get("algorithm", "md5"))})
        elif "local_checksum" in step:
            results.append({"local": SW.local_checksum(step["local_checksum"], algorithm=step.get("algorithm", "md5"))})
        elif "facts" in step:
            dev.facts_refresh()
            results.append({"facts": {k: dev.facts[k] for k in step["facts"]}})
        elif "cli" in step:
            results.append({"text": dev.cli(step["cli"], warning=False)})
        elif "rpc" in step:
            r = getattr(dev.rpc, step["rpc"])(**step.get("kwargs", {}))
            results.append({"xml": etree.tostring(r, encoding="unicode") if r is not True else ""})
    except Exception as e:  # reported to the test, which decides
        results.append({"error": {"class": type(e).__name__, "message": str(e)}, "log": log})
try:
    dev.close()
except Exception:
    pass
print(json.dumps({"results": results}, default=str))
