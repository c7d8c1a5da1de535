"""What a contributor sees when the check on GitHub finds a problem in their file."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import FIXTURES
from tests.sandbox import make_project

VALID = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")


def validate(project, github: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"NO_MKDOCS_2_WARNING": "1"}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=project, env=env,
                          capture_output=True, text=True)


def test_on_github_each_problem_is_also_marked_beside_its_line_in_the_pull_request(tmp_path):
    broken = VALID.replace("region: nordland", "region: Nordland, 100%", 1)
    assert broken != VALID
    project = make_project(tmp_path, cases={"eksempelby.yaml": broken})
    result = validate(project, github=True)
    assert result.returncode == 1
    plain = [line for line in result.stdout.splitlines() if line.startswith("cases/eksempelby.yaml:")]
    marks = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert plain and len(marks) == len(plain)
    line, column = plain[0].split(":")[1:3]
    assert marks[0].startswith(f"::error file=cases/eksempelby.yaml,line={line},col={column}::«region»")
    # Web-editor users cannot run make: the closing advice says what to do on GitHub instead.
    assert "make" not in result.stderr and "Commit changes" in result.stderr


def test_on_a_contributors_machine_there_are_no_workflow_commands(tmp_path):
    project = make_project(tmp_path, cases={"eksempelby.yaml": VALID.replace("region: nordland", "region: Nordland", 1)})
    result = validate(project, github=False)
    assert result.returncode == 1
    assert "::error" not in result.stdout and "make validate" in result.stderr
