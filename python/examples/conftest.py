pytest_plugins = ["junos_emulator.pytest_plugin"]
