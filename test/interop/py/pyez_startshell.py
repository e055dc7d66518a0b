"""PyEZ's StartShell: invoke_shell on the device's SSH port, `start shell`
from the CLI prompt, then `cli -c "..."` and `echo $?` in the shell.

PyEZ 2.1.7 (Debian) takes the device's port only when the host is
`localhost` and the facts say the device is `localhost`, so it opens the
NETCONF session first; 2.8.0 uses dev.port unless it is 830.

Reads connection parameters as JSON from argv[1]; prints one JSON object.
"""
import json
import sys

from jnpr.junos import Device
from jnpr.junos.utils.start_shell import StartShell

p = json.loads(sys.argv[1])
out = {}
dev = Device(host=p["host"], port=p["port"], user=p["user"], passwd=p["password"])
if p.get("open_first"):
    dev.open()
ss = StartShell(dev)
ss.open()
ok, text = ss.run('cli -c "request system snapshot"')
out["snapshot"] = {"ok": ok, "text": text}
ok, text = ss.run("cli -c 'show system snapshot | match Information'")
out["info"] = {"ok": ok, "text": text}
ok, text = ss.run('cli -c "show foo"')
out["bad"] = {"ok": ok, "text": text}
ok, text = ss.run("echo hello")
out["echo"] = {"ok": ok, "text": text}
ss.close()
if p.get("open_first"):
    dev.close()
print(json.dumps(out))
