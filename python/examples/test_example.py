"""Example: test automation code against junos-emulator with ncclient and PyEZ.

Run with `PYTHONPATH=python python3 -m pytest python/examples` after `npm run build`.
"""
import time

from jnpr.junos import Device as PyEZDevice
from jnpr.junos.exception import RpcError
from ncclient import manager
from ncclient.operations.errors import TimeoutExpiredError
from ncclient.xml_ import to_ele


def test_snapshot_with_ncclient(junos_emulator):
    dev = junos_emulator.devices[0]
    with manager.connect(**dev.ncclient_params(), timeout=20) as m:
        reply = m.rpc(to_ele("<request-snapshot/>"))
    assert "<directory-name>/config</directory-name>" in str(reply)


def test_slow_snapshot_times_out_under_a_paused_clock(junos_emulator):
    dev = junos_emulator.devices[0]
    junos_emulator.control.pause_clock()
    with manager.connect(**dev.ncclient_params(), timeout=20) as m:
        m.timeout = 2
        started = time.monotonic()
        try:
            m.rpc(to_ele("<request-snapshot/>"))
            raise AssertionError("the snapshot should not finish while the clock is paused")
        except TimeoutExpiredError:
            assert time.monotonic() - started >= 2
        junos_emulator.control.advance("15m")


def test_pyez_sees_a_disk_failing_half_way(junos_emulator):
    dev = junos_emulator.devices[0]
    junos_emulator.control.reset(dev.name)
    junos_emulator.control.arm(action="media-io-error", progress=0.5, device=dev.name)
    with PyEZDevice(**dev.pyez_params(), gather_facts=False) as d:
        try:
            d.rpc.request_snapshot()
            raise AssertionError("expected an RpcError")
        except RpcError as e:
            assert "Input/output error" in e.message
    fired = junos_emulator.control.log(device=dev.name, direction="fault")
    assert [f["fault"]["action"] for f in fired][-1] == "media-io-error"
