"""An editor sees what `planner check` sees: the YAML language server (what VS Code's YAML extension
runs) follows the modeline planner writes, from a plans_dir two folders deep, to plan.schema.json and
reports the same files as wrong."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MakeWorkspace
from tests.gitrepo import run
from tests.test_schema_agreement import CASES

SERVER = (
    Path(__file__).parent
    / "clients"
    / "node_modules"
    / "yaml-language-server"
    / "bin"
    / "yaml-language-server"
)


class Client:
    """The few Language Server Protocol messages an editor sends to open files and read diagnostics."""

    def __init__(self, root: Path) -> None:
        node = shutil.which("node")
        assert node is not None
        self.process = subprocess.Popen(
            [node, str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root
        )
        self.next_id = 0

    def send(self, method: str, params: Any, *, request: bool = False) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()
        return message.get("id")

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while line := self.process.stdout.readline().strip():
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        message: dict[str, Any] = json.loads(self.process.stdout.read(length))
        if "id" in message and "method" in message:  # the server asks (configuration...): answer
            result = [{"validate": True, "schemaStore": {"enable": False}}] * len(
                message.get("params", {}).get("items", [None])
            )
            reply = json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": result}).encode()
            assert self.process.stdin is not None
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(reply), reply))
            self.process.stdin.flush()
        return message

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def test_the_yaml_language_server_follows_the_modeline_and_agrees(make_workspace: MakeWorkspace) -> None:
    if shutil.which("node") is None or not SERVER.is_file():
        pytest.skip("yaml-language-server (npm) is not installed: npm ci --prefix tests/clients")
    root = make_workspace(
        {"mkdocs.yml": "site_name: x\nplugins:\n  - planner:\n      plans_dir: design/plans\n"}
    )
    assert run("init", str(root))[0] == 0
    assert run("new", "written-by-planner", "--title", "Fraud")[0] == 0
    modeline = (root / "design/plans/written-by-planner/plan.yaml").read_text().splitlines()[0]
    assert modeline == "# yaml-language-server: $schema=../../../plan.schema.json"
    files = {"written-by-planner": True}
    for name, (text, valid) in CASES.items():
        path = root / "design/plans" / name / "plan.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(f"{modeline}\n{text}")
        files[name] = valid

    client = Client(root)
    try:
        client.send(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "capabilities": {"workspace": {"configuration": True}},
            },
            request=True,
        )
        while "result" not in client.receive():
            pass
        client.send("initialized", {})
        client.send("workspace/didChangeConfiguration", {"settings": {"yaml": {"validate": True}}})
        uris = {}
        for name in files:
            path = root / "design/plans" / name / "plan.yaml"
            uris[path.as_uri()] = name
            client.send(
                "textDocument/didOpen",
                {
                    "textDocument": {
                        "uri": path.as_uri(),
                        "languageId": "yaml",
                        "version": 1,
                        "text": path.read_text(),
                    }
                },
            )
        diagnostics: dict[str, list[str]] = {}
        while len(diagnostics) < len(files):
            message = client.receive()
            if message.get("method") == "textDocument/publishDiagnostics":
                uri = message["params"]["uri"]
                if uri in uris:
                    diagnostics[uris[uri]] = [item["message"] for item in message["params"]["diagnostics"]]
    finally:
        client.close()

    by_editor = {name: not found for name, found in diagnostics.items()}
    assert by_editor == files, diagnostics
