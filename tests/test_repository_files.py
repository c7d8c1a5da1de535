"""The contributor's path around the code: workflows, pre-commit, pull-request template, CONTRIBUTING.md."""

from __future__ import annotations

import re

import yaml

from .conftest import ROOT, run_generator
from .sandbox import make_project
from tests.records.test_new_case import fill_in

WORKFLOWS = ROOT / ".github" / "workflows"
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # PyYAML reads the key `on` as YAML 1.1's true
    return data


def steps(data: dict, job: str) -> list[dict]:
    return data["jobs"][job]["steps"]


def test_pull_requests_are_validated_tested_built_and_previewed():
    ci = workflow("ci.yml")
    assert "pull_request" in ci["on"]
    runs = [step.get("run", "").strip() for step in steps(ci, "check")]
    # Validation first (a contributor's slip is reported quickly), the preview before the tests.
    assert [r for r in runs if r.startswith("make ")] == ["make validate", "make build", "make test"]
    names = [step.get("name", step.get("uses", "")) for step in steps(ci, "check")]
    upload = next(s for s in steps(ci, "check") if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert names.index(upload["name"]) < next(i for i, s in enumerate(steps(ci, "check")) if s.get("run", "").strip() == "make test")
    first_install = next(s["run"] for s in steps(ci, "check") if "apt-get install" in s.get("run", ""))
    assert "chromium" not in first_install and "python3-venv" in first_install


def debian_packages(script: str) -> set[str]:
    """Every package any `apt-get install` in a shell script installs (continued lines, several commands)."""
    script = re.sub(r"#[^\n]*", "", script).replace("\\\n", " ")
    packages = set()
    for command in re.findall(r"apt-get install([^\n;&|>]*)", script):
        packages |= {word for word in command.split() if not word.startswith(("-", "$"))}
    return packages


def test_reading_the_package_lists_counts_every_install_command():
    script = "apt-get update\n# apt-get install nothing\napt-get install -y a \\\n  b >/dev/null\nif x; then apt-get install -qq c; fi\n"
    assert debian_packages(script) == {"a", "b", "c"}


def test_ci_installs_the_same_debian_packages_as_ci_run():
    ci_run = debian_packages((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    pull_request = debian_packages("\n".join(step.get("run", "") for step in steps(workflow("ci.yml"), "check")))
    assert "poppler-utils" in ci_run  # the PDF form fields are drawn on every pull request as well
    assert pull_request == ci_run, f"only in ci.yml: {pull_request - ci_run}; only in .ci/run: {ci_run - pull_request}"


def test_main_is_built_with_the_repository_urls_and_deployed_to_pages():
    deploy = workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = steps(deploy, "build")
    used = [s.get("uses", "").split("@")[0] for s in build + steps(deploy, "deploy")]
    for action in ("actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in used, action
    make = next(s for s in build if s.get("run") == "make build")
    assert make["env"]["SITE_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert make["env"]["SITE_EDIT_URI"] == "edit/main/docs/"
    assert make["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    assert deploy["jobs"]["deploy"]["needs"] == "build"


def test_pre_commit_runs_ruff_and_record_validation():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    repos = {repo["repo"]: repo for repo in config["repos"]}
    assert [h["id"] for h in repos["https://github.com/astral-sh/ruff-pre-commit"]["hooks"]] == ["ruff"]
    (local,) = repos["local"]["hooks"]
    assert local["entry"] == "python -m generator validate"
    assert re.search(local["files"], "cases/bodo.yaml") and re.search(local["files"], "templates/mal.yml")


def test_pull_request_template_has_the_checklist():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", template, re.M)
    assert len(items) >= 5
    for topic in ("årstall", "egne ord", "sagt ja", "private numre"):
        assert any(topic in item for item in items), topic


def test_every_make_command_in_the_guides_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    bidra = (ROOT / "docs" / "bidra.md").read_text(encoding="utf-8")
    mentioned = set(re.findall(r"make ([a-z-]+)", CONTRIBUTING + bidra))
    assert mentioned and mentioned <= targets, mentioned - targets


def test_error_lines_shown_in_contributing_are_what_validate_prints(tmp_path):
    shown = re.search(r"```text\n(.*?)```", CONTRIBUTING, re.S).group(1).strip().splitlines()
    project = make_project(tmp_path)
    text = fill_in((ROOT / "generator" / "records" / "starter_case.yaml").read_text(encoding="utf-8"))
    text = text.replace("themes: [organisering]", "themes: [sport]").replace("year: 2024", "year: ÅÅÅÅ", 1)
    (project / "cases" / "bodo.yaml").write_text(text, encoding="utf-8")
    result = run_generator("validate", cwd=project)
    printed = result.stdout.splitlines() + result.stderr.strip().splitlines()

    def message(line: str) -> str:
        return re.sub(r"^cases/bodo\.yaml:\d+:\d+: ", "", line)

    assert [message(line) for line in shown if line] == [message(line) for line in printed if line]


def test_a_word_added_to_the_vocabulary_on_main_reaches_the_schema_and_the_starter(tmp_path):
    """What .github/workflows/schema.yml does after a pull request adds a theme in the browser."""
    flow = workflow("schema.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    assert "generator/records/vocabulary.yaml" in flow["on"]["push"]["paths"]
    assert flow["permissions"] == {"contents": "write"}
    runs = [step.get("run", "") for step in steps(flow, "schema")]
    assert "make schema" in [r.strip() for r in runs]
    assert any("git add schema/ generator/records/starter_case.yaml" in r and "git push" in r for r in runs)
    # `make schema` in a copy of the project whose vocabulary has a new theme
    project = make_project(tmp_path / "project")
    vocabulary = project / "generator" / "records" / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("\n\ntarget_groups:", "\n  idrett: Idrett og fritid\n\ntarget_groups:", 1), encoding="utf-8")
    result = run_generator("schema", cwd=project)
    assert result.returncode == 0, result.stderr
    schema = yaml.safe_load((project / "schema" / "case.schema.json").read_text(encoding="utf-8"))
    assert "idrett" in schema["properties"]["themes"]["items"]["enum"]
    starter = (project / "generator" / "records" / "starter_case.yaml").read_text(encoding="utf-8")
    assert re.search(r"^#   .*\bforskning, idrett$", starter, re.M)
    assert "generator/records/starter_case.yaml" in result.stdout
