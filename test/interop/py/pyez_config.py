"""PyEZ's Config as automation drives it: load, diff, rollback, commit, rescue.

argv[1] is JSON: {host, port, user, password, steps: [...]}; a step is one of
  {"load": "...", "format": "set", "merge": true, "ignore_warning": ...} -> {"loaded": true}
  {"diff": N}                         -> {"diff": text or None}
  {"commit": true}                    -> {"committed": bool}
  {"commit_check": true}              -> {"checked": bool}, or the CommitError with its errs
  {"rollback": N}                     -> {"rolled_back": bool}
  {"rescue": "save|get|reload|delete", "format": "text|xml"} -> {"rescue": ...}
  {"private_commit": "set ..."}        -> {"private_committed": bool} (Config(mode='private'))
Errors become {"error": {"class", "message"}}. Prints {"results": [...]}.
"""
import json
import sys
import warnings

from lxml import etree
from jnpr.junos import Device
from jnpr.junos.utils.config import Config

warnings.simplefilter("ignore")
p = json.loads(sys.argv[1])
dev = Device(host=p["host"], port=p["port"], user=p["user"], passwd=p["password"], gather_facts=False)
dev.open()
cu = Config(dev)
results = []
for step in p["steps"]:
    try:
        if "load" in step:
            kwargs = {"format": step.get("format", "set")}
            if step.get("merge", True):
                kwargs["merge"] = True
            if "ignore_warning" in step:
                kwargs["ignore_warning"] = step["ignore_warning"]
            cu.load(step["load"], **kwargs)
            results.append({"loaded": True})
        elif "diff" in step:
            results.append({"diff": cu.diff(rb_id=step["diff"])})
        elif "commit_check" in step:
            try:
                results.append({"checked": cu.commit_check()})
            except Exception as e:
                errs = getattr(e, "errs", None) or []
                results.append({"error": {"class": type(e).__name__, "message": str(e)}, "errs": [x.get("message") for x in errs if isinstance(x, dict)]})
        elif "commit" in step:
            results.append({"committed": cu.commit()})
        elif "rollback" in step:
            results.append({"rolled_back": cu.rollback(step["rollback"])})
        elif "private_commit" in step:
            with Config(dev, mode="private") as cp:
                cp.load(step["private_commit"], format="set")
                results.append({"private_committed": cp.commit()})
        elif "rescue" in step:
            r = cu.rescue(step["rescue"], format=step.get("format", "text"))
            if r is not None and not isinstance(r, (bool, str)):
                r = etree.tostring(r, encoding="unicode")
            results.append({"rescue": r})
    except Exception as e:  # reported to the test, which decides
        results.append({"error": {"class": type(e).__name__, "message": str(e)}})
try:
    dev.close()
except Exception:
    pass
print(json.dumps({"results": results}, default=str))
