"""The path Binder and JupyterHub use: Jupyter Server's REST and kernel (websocket) API.

Lists the notebooks, starts a kernel for one of them as JupyterLab does (a session), executes
every code cell over the kernel's websocket, and checks that each cell ran without error.
"""

from __future__ import annotations

import json
import urllib.request
import uuid
from datetime import datetime, timezone

import pytest

websocket = pytest.importorskip("websocket", reason="websocket-client comes with jupyter_server")

NOTEBOOK = "notebooks/02-the-figures.ipynb"


def api(base: str, token: str, path: str, method: str = "GET", body: dict | None = None):
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = urllib.request.Request(
        f"{base}{path}", data=data, method=method,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode("utf-8")
        return json.loads(text) if text else None


def execute(ws, session: str, code: str, timeout: float = 60) -> tuple[dict, list[dict]]:
    """Run `code` in the kernel; return (execute_reply content, iopub messages it caused)."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": session,
                   "username": "test", "version": "5.3",
                   "date": datetime.now(timezone.utc).isoformat()},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }))
    ws.settimeout(timeout)
    reply, outputs, idle = None, [], False
    while reply is None or not idle:
        message = json.loads(ws.recv())
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if message["channel"] == "shell" and message["msg_type"] == "execute_reply":
            reply = message["content"]
        elif message["channel"] == "iopub":
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                idle = True
            elif message["msg_type"] in {"stream", "display_data", "execute_result", "error"}:
                outputs.append(message)
    return reply, outputs


def test_server_lists_every_notebook_of_the_series(jupyter_lab):
    base, token, root = jupyter_lab
    listing = api(base, token, "/api/contents/notebooks")
    names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
    expected = {path.name for path in (root / "notebooks").glob("*.ipynb")}
    assert expected and names == expected


def test_a_notebook_runs_cell_by_cell_through_the_kernel_api(jupyter_lab):
    base, token, root = jupyter_lab
    session = api(base, token, "/api/sessions", "POST", {
        "path": NOTEBOOK, "type": "notebook", "name": "", "kernel": {"name": "python3"}})
    kernel_id = session["kernel"]["id"]
    ws = websocket.create_connection(
        f"{base.replace('http', 'ws')}/api/kernels/{kernel_id}/channels?token={token}", timeout=60)
    try:
        nb = json.loads((root / NOTEBOOK).read_text(encoding="utf-8"))
        cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
        kinds = set()
        for index, cell in enumerate(cells):
            reply, outputs = execute(ws, uuid.uuid4().hex, "".join(cell["source"]))
            errors = [o["content"] for o in outputs if o["msg_type"] == "error"]
            assert reply["status"] == "ok" and not errors, f"code cell {index} failed: {errors}"
            for output in outputs:
                kinds.update(output["content"].get("data", {}))
        assert "image/png" in kinds, "no figure was drawn"
        assert "text/markdown" in kinds, "no exercise check answered"
    finally:
        ws.close()
        api(base, token, f"/api/sessions/{session['id']}", "DELETE")
