"""The helpers package as a notebook meets it: one import, nothing happening on import,
a figure style applied only when asked, and files written only into output/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest

import helpers
from helpers import figures, output

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, cwd: Path) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture(scope="module")
def fresh_import(tmp_path_factory) -> dict:
    """Return what a fresh Python saw while it imported helpers, in an empty folder."""
    folder = tmp_path_factory.mktemp("elsewhere")
    code = (
        "import builtins, io, json, os, sys\n"
        "import matplotlib\n"
        "def settings():\n"
        "    # (reading rcParams['backend'] would itself import pyplot, so it is left out)\n"
        "    return {k: matplotlib.rcParams[k] for k in matplotlib.rcParams if k != 'backend'}\n"
        "before, files, opened, real = settings(), set(os.listdir('.')), [], io.open\n"
        "def spy(f, *a, **k):\n"
        "    opened.append(str(f)); return real(f, *a, **k)\n"
        "io.open = builtins.open = spy\n"
        "import helpers\n"
        "io.open = builtins.open = real\n"
        "print(json.dumps({'same_settings': settings() == before,\n"
        "                  'same_files': set(os.listdir('.')) == files,\n"
        "                  'pyplot': 'matplotlib.pyplot' in sys.modules,\n"
        "                  'data_files_opened': [f for f in opened if 'data' in f]}))\n"
    )
    return json.loads(run_python(code, folder))


class TestImport:
    def test_every_name_in_all_is_importable(self):
        for name in helpers.__all__:
            assert hasattr(helpers, name), name

    def test_import_changes_no_matplotlib_setting(self, fresh_import):
        assert fresh_import["same_settings"] and not fresh_import["pyplot"]

    def test_import_writes_no_file(self, fresh_import):
        assert fresh_import["same_files"]

    def test_import_reads_no_data_file(self, fresh_import):
        assert fresh_import["data_files_opened"] == []


class TestFigureStyle:
    def test_palette_colours_are_distinct_and_valid(self):
        assert len(set(figures.PALETTE)) == len(figures.PALETTE)
        assert all(matplotlib.colors.is_color_like(c) for c in figures.PALETTE)

    def test_every_colour_has_a_distinct_pattern_and_marker_to_go_with_it(self):
        assert len(set(figures.HATCHES)) >= len(figures.PALETTE)
        assert len(set(figures.MARKERS)) >= len(figures.PALETTE)

    def test_use_style_sets_the_palette_and_readable_sizes(self):
        with matplotlib.rc_context():
            figures.use_style()
            colours = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
            assert colours == figures.PALETTE
            assert matplotlib.rcParams["font.size"] >= 11

    def test_add_source_names_china_daily_under_the_figure(self):
        fig, _ = plt.subplots()
        try:
            figures.add_source(fig)
            text = fig.texts[-1]
            assert "China Daily" in text.get_text() and text.get_position()[1] < 0
        finally:
            plt.close(fig)


class TestOutputPath:
    def test_gives_a_file_in_the_ignored_output_folder(self):
        path = output.output_path("brief.md")
        assert path.parent == ROOT / "output"
        assert "output/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()

    @pytest.mark.parametrize("name", ["../data/figures.csv", "data/x.csv", "", "..", "/tmp/x"])
    def test_refuses_anything_but_a_plain_file_name(self, name):
        with pytest.raises(ValueError, match="plain file name"):
            output.output_path(name)
