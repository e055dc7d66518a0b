"""paramiko's SSHClient with its defaults against the emulator.

With look_for_keys and allow_agent left on, paramiko offers every agent key
and every ~/.ssh key before the password, sending a SERVICE_REQUEST for each
method. Reports whether the password login got through, what the server
advertised in server-sig-algs, and which public-key signature algorithm
paramiko agreed on when it logged in with an RSA key (params "rsa_key").
"""
import json
import logging
import sys

import paramiko

p = json.loads(sys.argv[1])
out = {"paramiko": paramiko.__file__}


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def connect(**extra):
    rec = Recorder()
    log = logging.getLogger("paramiko")
    log.setLevel(logging.DEBUG)
    log.addHandler(rec)
    c = paramiko.SSHClient()
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    try:
        c.connect(p["host"], port=p["port"], username=p["user"], timeout=20, **extra)
        t = c.get_transport()
        algs = t.server_extensions.get("server-sig-algs", b"")
        if isinstance(algs, bytes):
            algs = algs.decode()
        chan = t.open_session()
        chan.invoke_subsystem("netconf")
        hello = b""
        while b"]]>]]>" not in hello:
            data = chan.recv(65536)
            if not data:
                break
            hello += data
        res = {"ok": True, "server_sig_algs": algs.split(","), "hello": b"<hello" in hello}
        c.close()
    except Exception as e:  # reported, not raised: the test asserts on it
        res = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    finally:
        log.removeHandler(rec)
    res["agreed"] = [line for line in rec.lines if "pubkey algorithm" in line]
    res["auth_lines"] = [line for line in rec.lines if "Authentication" in line or "auth" in line.lower()][-8:]
    return res


out["password"] = connect(password=p["password"])
if p.get("rsa_key"):
    out["rsa"] = connect(key_filename=p["rsa_key"])
print(json.dumps(out))
