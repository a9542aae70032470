"""The built wheel works on its own: package data (templates, skeleton) ships inside it, and it builds the
example site strictly (mkdocs' nav validation) from planner's own repository root."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.xdist_group("wheel")  # one worker builds the wheel and its venv once


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    source = tmp_path_factory.mktemp("src") / "planner"
    # Build from a copy so the checkout gets no build/ or egg-info litter (the built site/ at the top,
    # not the planner/site package).
    litter = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "tests")

    def ignore(folder: str, names: list[str]) -> set[str]:
        return set(litter(folder, names)) | ({"site"} if Path(folder) == REPO else set())

    shutil.copytree(REPO, source, ignore=ignore)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(source),
        ],
        check=True,
    )
    (wheel,) = out.glob("ml_project_planner-*.whl")
    env_dir = tmp_path_factory.mktemp("venv") / "venv"
    # The test environment's packages supply the dependencies (a .pth file puts them after the venv's
    # own site-packages, without running their .pth files: the editable planner stays out); the wheel
    # itself is installed into the venv.
    # The venv gets no pip of its own (ensurepip takes seconds): this pip installs into it.
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)]
    subprocess.run(install, check=True)
    (site,) = env_dir.glob("lib/python*/site-packages")
    (site / "zz-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir


def test_wheel_runs_from_a_fresh_venv(wheel_venv: Path, tmp_path: Path) -> None:
    planner = str(wheel_venv / "bin" / "planner")
    where = subprocess.run(
        [
            str(wheel_venv / "bin" / "python"),
            "-c",
            "import planner, planner.templates; print(planner.__file__)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert where.startswith(str(wheel_venv)), where
    done = subprocess.run([planner, "--version"], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("planner, version ")
    done = subprocess.run(
        [planner, "init", "team"], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "- planner" in (tmp_path / "team" / "mkdocs.yml").read_text()
    shutil.copytree(REPO / "plans", tmp_path / "team" / "plans", dirs_exist_ok=True)
    done = subprocess.run(
        [planner, "check"], capture_output=True, text=True, check=False, cwd=tmp_path / "team"
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_wheel_builds_the_example_site_strictly_from_planners_own_repository_root(
    wheel_venv: Path, tmp_path: Path
) -> None:
    """In the repository, the source folder planner/ (without templates/ inside) must not shadow the
    installed package when `planner build` runs mkdocs. The example site passes mkdocs' strict nav
    validation, and Material's end-of-life news reaches the reader once, from planner."""
    for name in ("plans", "docs", "planner"):
        shutil.copytree(REPO / name, tmp_path / name)
    (tmp_path / "mkdocs.yml").write_text(
        (REPO / "mkdocs.yml").read_text()
        + "validation:\n  nav:\n    omitted_files: warn\n    not_found: warn\n    absolute_links: warn\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"}
    done = subprocess.run(
        [str(wheel_venv / "bin" / "planner"), "build", "--strict"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "site" / "index.html").is_file()
    # Material's own banner stays quiet: planner passes its news on once, with the command that switches.
    assert "To disable this warning" not in done.stderr + done.stdout
    assert done.stderr.count("end of life") == 1
    assert done.stderr.count("reaches end of life on 5 May 2027") == 1
    assert "planner build --engine zensical" in done.stderr


def test_this_group_reaches_xdist_as_one_unit(request: pytest.FixtureRequest) -> None:
    """Under `--dist loadgroup` a group stays on one worker only if its name ends each test's id (the
    wheel and its venv, the sites and their browser, are then built once): tests/conftest.py puts it
    there when pytest-xdist's own way no longer reaches pytest."""
    if getattr(request.config.option, "loadgroup", False):
        assert request.node.nodeid.endswith("@wheel"), request.node.nodeid
