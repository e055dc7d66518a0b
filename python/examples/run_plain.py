"""Runs test_example.py without pytest (where python3-pytest is not installed)."""
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from junos_emulator import Emulator  # noqa: E402
import test_example  # noqa: E402

failed = 0
with Emulator(devices=1, profile="mx960") as emu:
    for name in sorted(n for n in dir(test_example) if n.startswith("test_")):
        try:
            getattr(test_example, name)(emu)
            print(f"PASS {name}")
        except Exception:  # noqa: BLE001
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
        finally:
            emu.control.clear_faults()
            emu.control.resume_clock()
print(f"{failed} failed")
sys.exit(1 if failed else 0)
