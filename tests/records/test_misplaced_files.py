"""Problems outside the case files are not silently skipped: misplaced files, a broken vocabulary."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, ROOT, run_generator
from tests.sandbox import make_project

VALID = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, expected", [
    ("fjellvik", "gi den navnet cases/fjellvik.yaml"),          # GitHub's web editor adds no extension
    ("fjellvik.yaml.txt", "gi den navnet cases/fjellvik.yaml"),
    ("fjellvik.txt", "gi den navnet cases/fjellvik.yaml"),
    ("nordland/fjellvik.yaml", "mappen «nordland» blir ikke lest"),
])
def test_misplaced_case_file_is_reported_with_what_to_call_it(tmp_path, name, expected):
    project = make_project(tmp_path, cases={"eksempelby.yaml": VALID})
    target = project / "cases" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(VALID, encoding="utf-8")
    result = run_generator("validate", cwd=project)
    assert result.returncode == 1
    shown = f"cases/{name.split('/')[0]}:1:1: "
    assert any(line.startswith(shown) and expected in line for line in result.stdout.splitlines()), result.stdout


def test_hidden_files_such_as_gitkeep_are_left_alone(tmp_path):
    project = make_project(tmp_path, cases={"eksempelby.yaml": VALID})
    (project / "cases" / ".gitkeep").write_text("", encoding="utf-8")
    assert run_generator("validate", cwd=project).returncode == 0


@pytest.mark.parametrize("name", ["eksempelby.yaml~", "#eksempelby.yaml#", ".#eksempelby.yaml", ".eksempelby.yaml.swp"])
def test_an_editors_backup_or_lock_file_beside_a_record_is_neither_read_nor_reported(tmp_path, name):
    # Emacs, gedit and vim leave these while a record is edited; a half-written copy must not count
    # as a second case, nor stop the build. Emacs' lock file is a link to nowhere.
    project = make_project(tmp_path, cases={"eksempelby.yaml": VALID})
    backup = project / "cases" / name
    if name.startswith(".#"):
        backup.symlink_to("redaktor@maskin.1234")
    else:
        backup.write_text(VALID.replace("title:", "title: Halvskrevet", 1)[:200], encoding="utf-8")
    result = run_generator("validate", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 caser" in result.stdout


def test_checking_one_file_still_reports_a_broken_vocabulary(tmp_path):
    # The pre-commit hook validates only the changed files; a theme added without a label must show.
    project = make_project(tmp_path, cases={"eksempelby.yaml": VALID})
    vocabulary = project / "generator" / "records" / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace("themes:\n", "themes:\n  idrett:\n", 1),
                          encoding="utf-8")
    result = run_generator("validate", "cases/eksempelby.yaml", cwd=project)
    assert result.returncode == 1
    assert any(line.startswith("generator/records/vocabulary.yaml:") for line in result.stdout.splitlines()), result.stdout


@pytest.mark.parametrize("name", ["fjellvik.yaml", "fjellvik.yml"])
def test_a_case_saved_at_the_top_of_the_repository_is_reported(tmp_path, name):
    # GitHub's «Add file» on the repository's front page saves next to README.md.
    project = make_project(tmp_path, cases={"eksempelby.yaml": VALID})
    (project / name).write_text(VALID, encoding="utf-8")
    result = run_generator("validate", cwd=project)
    assert result.returncode == 1
    assert f"{name}:1:1: filen blir ikke med fordi den ligger utenfor cases/; flytt den til cases/fjellvik.yaml" \
        in result.stdout.splitlines(), result.stdout


def test_configuration_files_at_the_top_are_left_alone(tmp_path):
    project = make_project(tmp_path, cases={"eksempelby.yaml": VALID})
    for name in ("mkdocs.yml", ".pre-commit-config.yaml"):
        (project / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (project / "citation.yaml").write_text("title: Integreringspraksis\nauthors: [IMDi]\n", encoding="utf-8")
    (project / ".fjellvik.yaml").write_text(VALID, encoding="utf-8")
    assert run_generator("validate", cwd=project).returncode == 0
