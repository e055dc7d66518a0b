"""Run junos-emulator from Python tests (pytest, unittest, plain scripts).

    from junos_emulator import Emulator

    with Emulator(devices=2, profile="mx960") as emu:
        dev = emu.devices[0]            # host, port, username, password, name, profile
        emu.control.pause_clock()       # the control API, over urllib
        ...

The emulator runs as a subprocess (node) on free ports; the helper reads the
start-up banner to learn them. For pytest, ``junos_emulator.pytest_plugin``
provides a ``junos_emulator`` fixture.
"""
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Emulator", "Device", "ControlClient", "ControlError", "EmulatorStartError"]

BANNER = re.compile(
    r"^device (?P<name>\S+) \((?P<re>re\d)\): (?P<host>\S+) port (?P<port>\d+), profile (?P<profile>\S+), "
    r"login (?P<user>[^/ ]+)/(?P<password>\S+) \(class (?P<cls>[^)]+)\)$"
)
CONTROL = re.compile(r"^control API: (?P<url>http://\S+)")


class EmulatorStartError(RuntimeError):
    """The emulator did not start; the message holds its stderr."""


class ControlError(RuntimeError):
    """The control API answered with an error status."""

    def __init__(self, status, message):
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


@dataclass
class Device:
    name: str
    host: str
    port: int
    profile: str
    username: str
    password: str
    user_class: str
    re: str = "re0"

    def ncclient_params(self):
        """Keyword arguments for ncclient.manager.connect.

        The junos device handler is what makes ``m.rpc('<request-snapshot/>')``
        take a string, as in the README; the default handler wants an element.
        """
        return dict(host=self.host, port=self.port, username=self.username, password=self.password,
                    hostkey_verify=False, device_params={"name": "junos"})

    def pyez_params(self):
        """Keyword arguments for jnpr.junos.Device."""
        return dict(host=self.host, port=self.port, user=self.username, passwd=self.password)


class ControlClient:
    """The control API (docs/control-api.md) as methods; JSON in, JSON out."""

    def __init__(self, url, token=None, timeout=30):
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def request(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("content-type", "application/json")
        if self.token:
            req.add_header("authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                return json.loads(r.read())
        except urllib.error.HTTPError as e:
            try:
                msg = json.loads(e.read()).get("error", "")
            except ValueError:
                msg = e.reason
            raise ControlError(e.code, msg) from None

    def devices(self):
        return self.request("GET", "/devices")

    def device(self, name):
        return self.request("GET", f"/devices/{name}")

    def sessions(self, name):
        return self.request("GET", f"/devices/{name}/sessions")

    def kill_session(self, name, session_id):
        return self.request("DELETE", f"/devices/{name}/sessions/{session_id}")

    def stop_device(self, name):
        return self.request("POST", f"/devices/{name}/stop")

    def start_device(self, name):
        return self.request("POST", f"/devices/{name}/start")

    def settings(self, name):
        return self.request("GET", f"/devices/{name}/settings")

    def update_settings(self, name, **settings):
        """Keys as in the config file, with _ for -: update_settings('r1', boot_media='disk')."""
        return self.request("PATCH", f"/devices/{name}/settings", {k.replace("_", "-"): v for k, v in settings.items()})

    def reset(self, name):
        return self.request("POST", f"/devices/{name}/reset")

    def clock(self):
        return self.request("GET", "/clock")

    def pause_clock(self):
        return self.request("POST", "/clock/pause")

    def resume_clock(self):
        return self.request("POST", "/clock/resume")

    def set_speed(self, speed):
        return self.request("POST", "/clock/speed", {"speed": speed})

    def advance(self, by):
        """A duration such as '15m', '90s', or milliseconds."""
        return self.request("POST", "/clock/advance", {"by": by})

    def log(self, **filters):
        """device, session, direction (in/out/cli-in/cli-out/fault/event), rpc, since, contains, limit."""
        q = urllib.parse.urlencode({k: v for k, v in filters.items() if v is not None})
        return self.request("GET", "/log" + ("?" + q if q else ""))

    def clear_log(self):
        return self.request("DELETE", "/log")

    def arm(self, fault=None, **kwargs):
        """A fault as in docs/control-api.md: arm(action='delay', delay='30s', rpc='get-config')."""
        spec = fault if fault is not None else {k.replace("_", "-"): v for k, v in kwargs.items()}
        return self.request("POST", "/faults", spec)

    def faults(self):
        return self.request("GET", "/faults")

    def clear_faults(self, fault_id=None):
        return self.request("DELETE", "/faults" + (f"/{fault_id}" if fault_id else ""))


def _default_command():
    env = os.environ.get("JUNOS_EMULATOR_CLI")
    if env:
        return env.split()
    here = Path(__file__).resolve().parents[2] / "dist" / "src" / "cli" / "main.js"
    if here.exists():
        return [shutil.which("node") or "node", str(here)]
    found = shutil.which("junos-emulator")
    if found:
        return [found]
    raise EmulatorStartError("junos-emulator not found: build the repository (npm run build) or set JUNOS_EMULATOR_CLI")


class Emulator:
    """One emulator process with `devices` devices of `profile`, control API on, free ports."""

    def __init__(self, devices=1, profile="mx960", speed="instant", token=None, users=(), extra_args=(),
                 command=None, start_timeout=60):
        self.count = devices
        self.profile = profile
        self.speed = speed
        self.token = token
        self.users = list(users)
        self.extra_args = list(extra_args)
        self.command = command or _default_command()
        self.start_timeout = start_timeout
        self.devices = []
        self.control = None
        self.proc = None
        self._keys = None

    def start(self):
        self._keys = tempfile.mkdtemp(prefix="junos-emulator-py-keys-")
        args = self.command + ["--devices", str(self.count), "--base-port", "0", "--profile", self.profile,
                               "--speed", str(self.speed), "--control-port", "0", "--keys-dir", self._keys,
                               "--log-level", "warn"]
        if self.token:
            args += ["--control-token", self.token]
        for u in self.users:
            args += ["--user", u]
        args += self.extra_args
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(ln) for ln in self.proc.stdout] and lines.put(None),
                         daemon=True).start()
        deadline = time.monotonic() + self.start_timeout
        url = None
        while url is None:
            try:
                line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                self.stop()
                err = self.proc.stderr.read() if self.proc.stderr else ""
                raise EmulatorStartError(f"emulator did not start: {err.strip()}")
            line = line.rstrip("\n")
            m = BANNER.match(line)
            if m and m["re"] == "re0":
                self.devices.append(Device(m["name"], m["host"], int(m["port"]), m["profile"], m["user"],
                                           m["password"], m["cls"]))
            c = CONTROL.match(line)
            if c:
                url = c["url"]
        self.control = ControlClient(url, self.token)
        return self

    def device(self, name):
        return next(d for d in self.devices if d.name == name)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self._keys:
            shutil.rmtree(self._keys, ignore_errors=True)
            self._keys = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False
