"""A problem in a record, at its place (file:line:col), and the one way problems are reported.

The command line, the pull-request check (GitHub annotations beside the line) and the site builder's
hook all print the same lines, made here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

MAX_LINE = 500  # a pasted essay in a key or value is not echoed back in full
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# Line and column (1-based) of each value, keyed by its path in the document: ("practices", 0, "name").
Marks = dict[tuple, tuple[int, int]]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        # One line, whatever a file name or an echoed value holds (newlines, terminal escapes).
        text = _UNPRINTABLE.sub("?", f"{self.path}:{self.line}:{self.column}: {self.message}")
        return text if len(text) <= MAX_LINE else text[: MAX_LINE - 1] + "…"


class LoadError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation(problem: Problem) -> str:
    """A GitHub workflow command: the message appears beside the line in the pull request."""
    path = _escape_data(problem.path).replace(":", "%3A").replace(",", "%2C")
    return f"::error file={path},line={problem.line},col={problem.column}::{_escape_data(problem.message)}"


def report_lines(problems: list[Problem]) -> list[str]:
    """One line per problem, each followed by its annotation when run as a GitHub check."""
    lines = []
    for problem in problems:
        lines.append(str(problem))
        if in_github_actions():
            lines.append(annotation(problem))
    return lines


def count_text(count: int) -> str:
    return f"{count} {'problem' if count == 1 else 'problemer'} funnet"
