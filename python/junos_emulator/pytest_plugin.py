"""pytest fixture: ``pytest_plugins = ["junos_emulator.pytest_plugin"]`` in conftest.py.

``junos_emulator`` is one emulator per test module (starting node takes about
a second); faults are cleared and the clock resumed after every test.
"""
import pytest

from . import Emulator


@pytest.fixture(scope="module")
def junos_emulator_process():
    with Emulator(devices=1, profile="mx960") as emu:
        yield emu


@pytest.fixture
def junos_emulator(junos_emulator_process):
    yield junos_emulator_process
    junos_emulator_process.control.clear_faults()
    junos_emulator_process.control.resume_clock()
