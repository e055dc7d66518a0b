"""PyEZ as automation uses it: facts, cli, Config, SW, rpc calls, permissions.

argv[1] is JSON: {host, port, user, password, steps: [...]}; a step is one of
  {"facts": ["hostname", ...]}            -> {"facts": {...}}
  {"cli": "show version", "format": "text"} -> {"text"|"xml": ...}
  {"rpc": "request_snapshot", "args": [...], "kwargs": {...}} -> {"tag", "xml"}
  {"config": "set system ...", "format": "set", "commit": true, "comment": "..."} -> {"committed": bool}
  {"config": "...", "check": true} -> {"checked": bool} (Config.commit_check(), then rollback)
  {"sw_install": "/var/tmp/pkg.tgz"} -> {"installed": bool}
  {"sw_reboot": true} -> {"status": "..."}
Errors become {"error": {"class", "message"}}. Prints {"results": [...]}.
"""
import json
import sys
import warnings

from lxml import etree
from jnpr.junos import Device
from jnpr.junos.utils.config import Config
from jnpr.junos.utils.sw import SW

warnings.simplefilter("ignore")
p = json.loads(sys.argv[1])
dev = Device(host=p["host"], port=p["port"], user=p["user"], passwd=p["password"], gather_facts=p.get("gather_facts", True))
dev.open()
results = []
for step in p["steps"]:
    try:
        if "facts" in step:
            results.append({"facts": {k: dev.facts[k] for k in step["facts"]}})
        elif "cli" in step:
            r = dev.cli(step["cli"], format=step.get("format", "text"), warning=step.get("warning", True))
            results.append({"text": r} if isinstance(r, str) else {"xml": etree.tostring(r, encoding="unicode")})
        elif "rpc" in step:
            r = getattr(dev.rpc, step["rpc"])(*step.get("args", []), **step.get("kwargs", {}))
            results.append({"tag": etree.QName(r).localname, "xml": etree.tostring(r, encoding="unicode")} if r is not True else {"true": True})
        elif "config" in step:
            with Config(dev, mode="exclusive") as cu:
                cu.load(step["config"], format=step.get("format", "set"))
                diff = cu.diff()
                if step.get("check"):
                    try:
                        results.append({"checked": cu.commit_check(), "diff": diff})
                    finally:
                        cu.rollback()
                    continue
                ok = cu.commit(comment=step.get("comment")) if step.get("commit", True) else cu.rollback()
            results.append({"committed": ok, "diff": diff})
        elif "sw_install" in step:
            sw = SW(dev)
            results.append({"installed": sw.install(package=step["sw_install"], no_copy=True, validate=False, progress=False, timeout=120)})
        elif "sw_reboot" in step:
            results.append({"status": SW(dev).reboot()})
    except Exception as e:  # reported to the test, which decides
        results.append({"error": {"class": type(e).__name__, "message": str(e)}})
try:
    dev.close()
except Exception:
    pass
print(json.dumps({"results": results}, default=str))
