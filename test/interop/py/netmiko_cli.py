"""netmiko's juniper_junos driver against the emulator's CLI: session
preparation, send_command, send_config_set, commit (check, plain,
confirmed) and exit_config_mode, with the client's defaults.

Reads connection parameters as JSON from argv[1]; prints one JSON object.
"""
import json
import sys

import netmiko
from netmiko import ConnectHandler

p = json.loads(sys.argv[1])
major = int(netmiko.__version__.split(".")[0])
out = {"version": netmiko.__version__}
c = ConnectHandler(device_type="juniper_junos", host=p["host"], port=p["port"], username=p["user"], password=p["password"])
out["base_prompt"] = c.base_prompt
out["show_version"] = c.send_command("show version")
# A snapshot takes virtual minutes: give it time as a caller must (netmiko 4 reads 10 s by default).
slow = {"read_timeout": 120} if major >= 4 else {"delay_factor": 4}
out["snapshot"] = c.send_command("request system snapshot", **slow)
out["bad_command"] = c.send_command("show foo")
out["config_set"] = c.send_config_set(["set system domain-name " + p["domain"], "set system login message hello"])
out["commit_check"] = c.commit(check=True)
out["commit"] = c.commit(comment="netmiko")
out["exit_config"] = c.exit_config_mode()
out["committed"] = c.send_command("show configuration system domain-name")
out["in_config_mode_after"] = c.check_config_mode()
c.disconnect()
print(json.dumps(out))
