"""A normal (non-editable) install from a built wheel, in a fresh environment, has its data and its commands."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import textwrap
import zipfile

from tests.packaging.helpers import ROOT

CHECK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import hkplanner
    from hkplanner.core import baseline, project
    from hkplanner.core.presets import preset
    from hkplanner.core.seeds import bundled_dir

    installed = Path(hkplanner.__file__).parent
    assert installed.is_relative_to(Path(sys.prefix)), f"hkplanner imported from {installed}, not the install"
    assert bundled_dir("seeds") == installed / "seeds", bundled_dir("seeds")
    projection = project(baseline())
    print("baseline 2030 PF:", round(projection.at("capacity_total_pf", 2030)))
    print("preset:", preset("02-private-late").document.scenario.name)
    print("schema:", (bundled_dir("resources") / "scenario.schema.json").is_file())
    """
)


def clean_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def test_a_wheel_installed_in_a_fresh_environment_has_its_data_and_commands(tmp_path):
    run = dict(cwd=tmp_path, env=clean_environment(), capture_output=True, text=True, timeout=600)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", "wheels", str(ROOT)], **run)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "wheels").glob("hkplanner-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for shipped in ("seeds/parameters.toml", "resources/presets/01-official-plan.hkplan", "resources/hkplanner.png"):
        assert f"hkplanner/{shipped}" in names

    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(fresh)], check=True)
    python = fresh / "bin" / "python"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", wheel], **run
    )
    assert installed.returncode == 0, installed.stderr
    # The pinned dependencies come from the test environment (its site-packages, which holds no hkplanner:
    # that one is an editable install, and .pth files in an added folder are not run).
    (purelib,) = fresh.glob("lib/python3.*/site-packages")
    (purelib / "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")

    checked = subprocess.run([str(python), "-c", CHECK], **run)
    assert checked.returncode == 0, checked.stderr
    assert "baseline 2030 PF:" in checked.stdout
    assert "preset: Private build-out two years late" in checked.stdout
    assert "schema: True" in checked.stdout

    exported = subprocess.run(
        [str(fresh / "bin" / "hkplanner-cli"), "export", "01-official-plan", "--csv", "p.csv"], **run
    )
    assert exported.returncode == 0, exported.stderr
    assert "# Scenario: Official plan (Aug 2024)" in (tmp_path / "p.csv").read_text(encoding="utf-8")
    assert (fresh / "bin" / "hkplanner").is_file()  # the windowed launcher
