"""scrapli's JunosDriver over its system transport (OpenSSH with a pty):
open (which turns paging and complete-on-space off), send_command,
send_configs with a commit, the privilege levels, a failing command.

Reads connection parameters as JSON from argv[1]; prints one JSON object.
"""
import json
import sys

from scrapli.driver.core import JunosDriver

p = json.loads(sys.argv[1])
out = {}
conn = JunosDriver(
    host=p["host"],
    port=p["port"],
    auth_username=p["user"],
    auth_password=p["password"],
    auth_strict_key=False,
    transport="system",
    timeout_ops=120,
)
conn.open()
out["prompt"] = conn.get_prompt()
r = conn.send_command("request system snapshot")
out["snapshot"] = {"result": r.result, "failed": r.failed}
r = conn.send_command("show system snapshot | match Information")
out["info"] = {"result": r.result, "failed": r.failed}
r = conn.send_command("show foo")
out["bad"] = {"result": r.result, "failed": r.failed}
r = conn.send_configs(["set system domain-name " + p["domain"], "commit"])
out["configs"] = {"results": [x.result for x in r], "failed": r.failed}
r = conn.send_configs(["set system login message private-edit", "commit"], privilege_level="configuration_private")
out["private"] = {"results": [x.result for x in r], "failed": r.failed}
r = conn.send_command("show configuration system")
out["committed"] = r.result
out["prompt_after"] = conn.get_prompt()
conn.close()
print(json.dumps(out))
