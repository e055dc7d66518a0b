"""Opens a PyEZ Device with facts gathering (the default) and prints dev.facts.

argv[1] is JSON: {host, port, user, password}. Prints {"facts": {...}, "warnings": [...]}
(values PyEZ holds as objects, such as version_info, are printed as strings).
"""
import json
import sys
import warnings

from jnpr.junos import Device

p = json.loads(sys.argv[1])
caught = []
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    dev = Device(host=p["host"], port=p["port"], user=p["user"], passwd=p["password"])
    dev.open()
    # exception_on_failure: a fact whose RPC fails must fail this script, not turn into None.
    dev.facts_refresh(exception_on_failure=True)
    facts = {k: dev.facts[k] for k in dev.facts.keys()}
    caught = [str(x.message) for x in w]
dev.close()
print(json.dumps({"facts": facts, "warnings": caught}, default=str))
