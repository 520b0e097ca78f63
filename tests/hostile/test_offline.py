"""No socket, ever: an analysis runs with socket.socket made to raise, in a fresh interpreter (so that every
import happens under the patch: urllib3, were it imported, would bind [::1]:0 at import)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

_PROGRAM = textwrap.dedent(
    """
    import socket, sys

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            raise AssertionError("a socket was opened")

    socket.socket = NoSocket
    socket.create_connection = NoSocket
    from gapcheck import analyze, analyze_text
    report = analyze_text("ML engineer\\nSKILLS\\nPython, PyTorch, Docker, SQL\\n")
    assert any(skill.skill_id == "python" for skill in report.skills), report.skills
    for path in sys.argv[1:]:
        analyze(path)
    assert "requests" not in sys.modules and "urllib3" not in sys.modules, "spacy.cli was imported"
    print("offline")
    """
)


def test_an_analysis_opens_no_socket() -> None:
    files = [str(FIXTURES / name) for name in ("one_column.pdf", "table_layout.docx", "plain.txt")]
    done = subprocess.run([sys.executable, "-c", _PROGRAM, *files], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "offline"


def test_spacy_cli_still_imports_on_request() -> None:
    """The stub stands in only while spaCy itself is imported: spacy.cli is the real one when asked for."""
    program = "import gapcheck.matching, spacy.cli, sys; print(hasattr(spacy.cli, 'download'))"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "True"
