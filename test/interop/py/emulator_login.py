"""How the interop drivers open PyEZ against the emulator, from their JSON parameters."""
from jnpr.junos import Device


def open_device(p, **extra):
    """Device(...).open() with a password or, when p has "key", a private key file."""
    kwargs = dict(host=p["host"], port=p["port"], user=p["user"], gather_facts=False)
    kwargs.update(extra)
    if p.get("key"):
        kwargs["ssh_private_key_file"] = p["key"]
    else:
        kwargs["passwd"] = p["password"]
    dev = Device(**kwargs)
    dev.open()
    return dev
