"""Students use the notebooks in JupyterLab, in a browser. Do exactly that, headless.

Opens the first notebook and one analysis notebook by URL in Chromium, runs all cells from the
Run menu, and checks that every cell ran, no error appeared and the figures rendered.
Needs Debian's `chromium` and Playwright (requirements-dev.txt); skipped with a reason otherwise.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
if CHROMIUM is None:
    pytest.skip("Chromium is not installed (on Debian: apt-get install chromium); "
                ".ci/run installs it and runs this test", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="Playwright is not installed (pip install -r requirements-dev.txt)")

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
ALL_CELLS_RAN = """() => {
    const prompts = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];
    return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("notebook, figures", [
    ("notebooks/00-start-here.ipynb", 0),
    ("notebooks/02-the-figures.ipynb", 1),
])
def test_run_all_in_jupyterlab_runs_every_cell_without_error(jupyter_lab, browser, tmp_path,
                                                             notebook, figures):
    base, token, _ = jupyter_lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/lab/tree/{notebook}?reset&token={token}", timeout=120_000)
        page.wait_for_selector(f"{PANEL} .jp-CodeCell", timeout=120_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.click(f"{PANEL} .jp-Cell >> nth=0")  # Run All acts on the focused notebook
        page.click("li.lm-MenuBar-item:has-text('Run')")
        page.click("li.lm-Menu-item[data-command='runmenu:run-all']")
        page.wait_for_function(ALL_CELLS_RAN, timeout=120_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.screenshot(path=str(tmp_path / "notebook.png"), full_page=True)
        errors = page.locator(f"{PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, errors.first.inner_text()
        checks = page.locator(f"{PANEL} .jp-RenderedMarkdown.jp-OutputArea-output")
        assert checks.count() >= 4, "the exercise checks did not answer"
        assert "Not attempted" in " ".join(page.locator(f"{PANEL} .jp-OutputArea").all_inner_texts())
        images = page.locator(f"{PANEL} .jp-OutputArea-output img")
        assert images.count() >= figures
        for index in range(images.count()):
            width = images.nth(index).evaluate("img => img.naturalWidth")
            assert width > 0, f"figure {index} did not render"
    finally:
        page.close()
