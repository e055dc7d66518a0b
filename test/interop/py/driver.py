"""One long-lived interpreter that runs the interop scripts, so a suite pays
for starting Python and importing ncclient/PyEZ once rather than per test.

Protocol on stdin/stdout, one JSON object per line:
  in:  {"id": N, "script": "/path/x.py", "params": {...}}
  out: {"id": N, "stdout": "...", "error": null | "traceback text"}
Each script runs as __main__ with argv[1] = the JSON parameters, exactly as
when it is started on its own; what it prints is captured and returned.
"""
import contextlib
import io
import json
import runpy
import sys
import traceback

real_stdout = sys.stdout


def run_one(script, params):
    buf = io.StringIO()
    error = None
    sys.argv = [script, json.dumps(params)]
    with contextlib.redirect_stdout(buf):
        try:
            runpy.run_path(script, run_name="__main__")
        except SystemExit as e:
            if e.code not in (None, 0):
                error = "exit status %s" % (e.code,)
        except BaseException:  # the test side reports it; the driver carries on
            error = traceback.format_exc()
    return buf.getvalue(), error


for line in sys.stdin:
    if not line.strip():
        continue
    req = json.loads(line)
    out, err = run_one(req["script"], req["params"])
    sys.stderr.flush()
    real_stdout.write(json.dumps({"id": req["id"], "stdout": out, "error": err}) + "\n")
    real_stdout.flush()
