"""PyEZ's file utilities against the emulator's file tree: every FS method,
and the SCP utility (paramiko + the scp module) put and get.

argv[1] is JSON: {host, port, user, password, local_dir, ro_user, ro_password}.
Prints {"results": {...}}: each FS call's return value (made JSON-safe), the
md5 of what SCP put and got back, and what a read-only user's put raised.
"""
import hashlib
import json
import os
import sys
import warnings

from jnpr.junos import Device
from jnpr.junos.utils.fs import FS
from jnpr.junos.utils.scp import SCP

warnings.simplefilter("ignore")
p = json.loads(sys.argv[1])
out = {}


def safe(name, fn):
    try:
        out[name] = fn()
    except Exception as e:  # the test asserts what a user of PyEZ sees
        out[name] = {"error": type(e).__name__, "message": str(e)[:300]}


dev = Device(host=p["host"], port=p["port"], user=p["user"], passwd=p["password"], gather_facts=False)
dev.open()
local = os.path.join(p["local_dir"], "pkg.tgz")
data = os.urandom(2 * 1024 * 1024 + 17)
with open(local, "wb") as f:
    f.write(data)
out["local_md5"] = hashlib.md5(data).hexdigest()
out["local_sha256"] = hashlib.sha256(data).hexdigest()

with SCP(dev) as scp:
    scp.put(local, remote_path="/var/tmp/pkg.tgz")
back = os.path.join(p["local_dir"], "back.tgz")
with SCP(dev) as scp:
    scp.get("/var/tmp/pkg.tgz", local_path=back)
with open(back, "rb") as f:
    out["back_md5"] = hashlib.md5(f.read()).hexdigest()

fs = FS(dev)
safe("checksum_md5", lambda: fs.checksum("/var/tmp/pkg.tgz"))
safe("checksum_sha1", lambda: fs.checksum("/var/tmp/pkg.tgz", calc="sha1"))
safe("checksum_sha256", lambda: fs.checksum("/var/tmp/pkg.tgz", calc="sha256"))
safe("checksum_missing", lambda: fs.checksum("/var/tmp/nope.tgz"))
safe("ls_dir", lambda: {k: v for k, v in fs.ls("/var/tmp").items() if k != "files"})
safe("ls_files", lambda: sorted(fs.ls("/var/tmp")["files"].keys()))
safe("ls_file", lambda: fs.ls("/var/tmp/pkg.tgz"))
safe("ls_missing", lambda: fs.ls("/var/tmp/nope"))
safe("stat_file", lambda: fs.stat("/var/tmp/pkg.tgz"))
safe("cp", lambda: fs.cp("/var/tmp/pkg.tgz", "/var/tmp/copy.tgz"))
safe("cp_missing", lambda: fs.cp("/var/tmp/nope.tgz", "/var/tmp/x.tgz"))
safe("mv", lambda: fs.mv("/var/tmp/copy.tgz", "/var/tmp/moved.tgz"))
safe("mv_missing", lambda: fs.mv("/var/tmp/nope.tgz", "/var/tmp/y.tgz"))
safe("cat", lambda: fs.cat("/var/log/messages"))
safe("cat_missing", lambda: fs.cat("/var/log/nope"))
safe("tgz", lambda: fs.tgz("/var/log", "/var/tmp/logs.tgz"))
safe("ls_tgz", lambda: fs.ls("/var/tmp/logs.tgz")["size"])
safe("directory_usage", lambda: fs.directory_usage("/var/tmp", depth=1))
safe("storage_usage", lambda: fs.storage_usage())
safe("rm", lambda: fs.rm("/var/tmp/moved.tgz"))
safe("rm_missing", lambda: fs.rm("/var/tmp/moved.tgz"))
safe("storage_cleanup_check", lambda: fs.storage_cleanup_check())
safe("storage_cleanup", lambda: fs.storage_cleanup())
safe("after_cleanup", lambda: fs.ls("/var/tmp/pkg.tgz"))
safe("pwd_home", lambda: fs.pwd())
safe("cwd", lambda: fs.cwd("/var/tmp"))
safe("pwd", lambda: fs.pwd())
safe("ls_relative", lambda: fs.ls("install"))
safe("ls_dot", lambda: fs.ls()["path"])
safe("cwd_log", lambda: fs.cwd("/var/log"))
safe("cat_relative", lambda: fs.cat("messages"))
safe("cwd_missing", lambda: fs.cwd("/var/nope"))
safe("pwd_after_missing", lambda: fs.pwd())
safe("mkdir", lambda: fs.mkdir("/var/tmp/newdir"))
safe("symlink", lambda: fs.symlink("/var/tmp/newdir", "/var/tmp/link"))
safe("rmdir", lambda: fs.rmdir("/var/tmp/newdir"))
dev.close()

ro = Device(host=p["host"], port=p["port"], user=p["ro_user"], passwd=p["ro_password"], gather_facts=False)
ro.open()


def ro_put():
    with SCP(ro) as scp:
        scp.put(local, remote_path="/var/tmp/ro.tgz")
    return True


safe("ro_put", ro_put)
safe("ro_rm", lambda: FS(ro).rm("/var/log/messages"))
ro.close()
print(json.dumps({"results": out}, default=str))
