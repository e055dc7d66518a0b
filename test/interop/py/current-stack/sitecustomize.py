"""Put first on PYTHONPATH for the current-client stack (../shared/clients).

Debian's python3-junos-eznc installs a namespace-package .pth file that binds
the module "jnpr" to /usr/lib/python3/dist-packages while site.py starts up,
before PYTHONPATH is consulted, so the PyEZ on PYTHONPATH would never load.
site.py imports sitecustomize after it has processed the .pth files: forget
that binding here and let the path order decide, as it does for every other
package. Debian's own sitecustomize (the apport hook) does nothing here.
"""
import sys

sys.modules.pop("jnpr", None)
