"""The Python example of docs/meetsolver.md runs as written."""

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "meetsolver.md"


def test_api_example_runs(capsys):
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S)
    namespace: dict = {}
    exec(compile(blocks[0], str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    assert namespace["solution"].status.value == "optimal"
    assert "optimal" in capsys.readouterr().out
    # The repair example continues the first one.
    exec(compile(blocks[1], str(DOC), "exec"), namespace)  # noqa: S102
    assert namespace["result"].changes
