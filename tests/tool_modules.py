"""Import one of the scripts in tools/ (a folder of scripts, not a package) from a test.

Each script is imported once, under its own name, and registered in sys.modules before it runs, as a
dataclass in it needs (tools/timing.py). Tests then monkeypatch what they change, so sharing is safe.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TOOLS = Path(__file__).resolve().parent.parent / "tools"


def load_tool(name: str) -> ModuleType:
    """Return the module tools/<name>.py, imported on the first call."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]
