"""report.html: one page that works offline (no script, no font, no image from elsewhere).

For each notebook: a chart of how many students solved each exercise (inline SVG, with a text
description under it; each status has its own pattern and its word, never only a colour), the
counts as a table, the most common recognised mistakes with the message students saw and the
guide's advice, and the exercises nobody attempted. Then the students, and every problem with
its file name.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Mapping
from pathlib import Path

from helpers.figures import PALETTE

from .aggregate import ClassReport, ExerciseCount, notebook_titles

# Each status: its word, its fill in the chart and in the legend, and its text colour on that fill.
_STYLES = {
    "correct": ("correct", f"{PALETTE[0]}", "#ffffff"),
    "not_yet_right": ("not yet right", "url(#hatch-{chart})", "#000000"),
    "not_attempted": ("not attempted", "url(#dots-{chart})", "#000000"),
}

_CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.45; color: #1a1a1a; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #ccc; } h3 { margin-top: 1.6rem; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figcaption { margin-top: 0.4rem; }
.advice-missing { color: #5a4500; background: #fff4cc; padding: 0 0.25rem; }
.note { color: #444; } nav ul { columns: 2; }
@media print { h2 { break-before: page; } }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _chart(notebook: str, rows: list[ExerciseCount], students: int) -> tuple[str, str]:
    """Return (the SVG chart, its text description) of how many students solved each exercise."""
    left, width, bar_h, gap, top = 100, 460, 24, 12, 44
    height = top + len(rows) * (bar_h + gap) + 10
    svg_id = f"chart-{notebook}"
    parts = [
        f'<svg class="chart" width="100%" viewBox="0 0 680 {height}" '
        f'role="img" aria-labelledby="{svg_id}-title {svg_id}-desc" style="max-width:680px">',
        f'<title id="{svg_id}-title">How many of the {students} students solved each exercise of '
        f'{_e(notebook)}</title>',
        f'<defs><pattern id="hatch-{svg_id}" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="8" height="8" fill="{PALETTE[1]}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#000" '
        'stroke-width="2"/></pattern>'
        f'<pattern id="dots-{svg_id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" '
        'fill="#ffffff"/><circle cx="3" cy="3" r="1" fill="#555"/></pattern></defs>',
    ]
    x = left
    for word, fill, _ in _STYLES.values():  # the legend: a swatch and the status's word
        fill = fill.format(chart=svg_id)
        parts.append(f'<rect x="{x}" y="8" width="16" height="16" fill="{fill}" stroke="#000"/>'
                     f'<text x="{x + 22}" y="21" font-size="13">{word}</text>')
        x += 150
    for i, row in enumerate(rows):
        y = top + i * (bar_h + gap)
        parts.append(f'<text x="0" y="{y + bar_h * 0.7:.1f}" font-size="13">Exercise {row.exercise}</text>')
        x = float(left)
        for key, (word, fill, ink) in _STYLES.items():
            fill = fill.format(chart=svg_id)
            value = getattr(row, key)
            if not value:
                continue
            w = width * value / students
            parts.append(f'<rect class="segment" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                         f'fill="{fill}" stroke="#000" stroke-width="1">'
                         f'<title>Exercise {row.exercise}: {value} {word}</title></rect>')
            if w >= 26:
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + bar_h * 0.7:.1f}" font-size="12" text-anchor="middle" '
                             f'fill="{ink}" font-weight="bold" style="paint-order:stroke" '
                             f'stroke="{"#000" if ink == "#ffffff" else "#fff"}" stroke-width="3">{value}</text>')
            x += w
        parts.append(f'<text x="{left + width + 8}" y="{y + bar_h * 0.7:.1f}" font-size="13">'
                     f'{row.correct} of {students} correct</text>')
    parts.append("</svg>")
    fewest = min(rows, key=lambda r: (r.correct, r.exercise))
    most = min(rows, key=lambda r: (-r.correct, r.exercise))
    nobody = [r.exercise for r in rows if r.correct == 0 and r.not_yet_right == 0]
    description = (f"One bar per exercise, as long as the {students} students who handed in {notebook}: the solid "
                   "blue part is correct, the hatched orange part not yet right, the dotted white part not "
                   f"attempted. Most correct: exercise {most.exercise} ({most.correct} of {students}); fewest: "
                   f"exercise {fewest.exercise} ({fewest.correct} of {students})."
                   + (f" Nobody attempted exercise {', '.join(map(str, nobody))}." if nobody else "")
                   + " The table under the chart gives every count.")
    return "\n".join(parts), description


def _notebook_section(report: ClassReport, name: str, title: str, advice: Mapping[str, str]) -> str:
    rows = [e for e in report.exercises if e.notebook == name]
    students = report.students_of(name)
    out = [f'<section id="nb-{_e(name)}" class="notebook"><h2>{_e(title)}</h2>']
    if students == 0:
        out.append(f"<p>No student's {_e(name)} was counted: nobody handed it in, or every file of it is listed "
                   'under <a href="#problems">problems</a>.</p></section>')
        return "\n".join(out)
    out.append(f"<p>{students} student{'s' if students != 1 else ''} handed in this notebook.</p>")
    svg, description = _chart(name, rows, students)
    out.append(f'<figure>{svg}<figcaption id="chart-{_e(name)}-desc">{_e(description)}</figcaption></figure>')
    out.append('<table class="exercises"><thead><tr><th scope="col">Exercise</th><th scope="col">Task</th>'
               '<th scope="col">Correct</th><th scope="col">Not yet right</th><th scope="col">Not attempted</th>'
               "</tr></thead><tbody>")
    for row in rows:
        out.append(f'<tr><td class="n">{row.exercise}</td><td>{_e(row.title)}</td><td class="n">{row.correct}</td>'
                   f'<td class="n">{row.not_yet_right}</td><td class="n">{row.not_attempted}</td></tr>')
    out.append("</tbody></table>")

    mistakes = [m for m in report.mistakes if m.notebook == name]
    out.append("<h3>The most common recognised mistakes</h3>")
    if mistakes:
        out.append('<table class="mistakes"><thead><tr><th scope="col">Exercise</th><th scope="col">Students</th>'
                   '<th scope="col">What students saw</th><th scope="col">How to respond</th></tr></thead><tbody>')
        for m in sorted(mistakes, key=lambda m: (-m.students, m.exercise, m.mistake)):
            said = advice.get(m.mistake)
            respond = (_e(said) if said else
                       f'<span class="advice-missing">No advice yet: add it under [advice] in notebooks/lessons.toml, '
                       f'as "{_e(m.mistake)}" = "..."</span>')
            message = _e(m.message).replace("\n", "<br>")
            out.append(f'<tr><td class="n">{m.exercise}</td><td class="n">{m.students}</td>'
                       f'<td>{message}<br><small class="note">mistake id: {_e(m.mistake)}</small></td>'
                       f"<td>{respond}</td></tr>")
        out.append("</tbody></table>")
    else:
        out.append("<p>No wrong answer matched a recognised mistake.</p>")
    unrecognised = [r for r in rows if r.unrecognised]
    if unrecognised:
        listed = "; ".join(f"exercise {r.exercise}: {r.unrecognised}" for r in unrecognised)
        out.append(f"<p>Wrong answers that matched no recognised mistake (students): {listed}.</p>")

    nobody = [r for r in rows if r.correct == 0 and r.not_yet_right == 0]
    out.append("<h3>Exercises nobody attempted</h3>")
    if nobody:
        out.append('<ul class="unattempted">' + "".join(
            f"<li>Exercise {r.exercise}: {_e(r.title)}</li>" for r in nobody) + "</ul>")
    else:
        out.append("<p>None: every exercise was checked by at least one student.</p>")
    out.append("</section>")
    return "\n".join(out)


def render(report: ClassReport, advice: Mapping[str, str], executed: bool = False) -> str:
    """Return the whole report page as HTML text."""
    titles = notebook_titles(report.catalogue)
    names = [info.name for info in report.catalogue]
    students = {s.student for s in report.submissions}
    not_counted = sum(1 for p in report.problems if not p.counted)
    how = ("The notebooks were also run again, each in a fresh kernel (--execute); "
           "a submission whose saved records disagree with that run is listed under problems."
           if executed else "Nothing was executed: the counts come from the records the checks saved in the notebooks.")
    out = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Class report: Wuzhen Summit Notebooks</title>", f"<style>{_CSS}</style></head><body><main>",
        "<h1>Class report: Wuzhen Summit Notebooks</h1>",
        f"<p>{report.files} notebook file{'s' if report.files != 1 else ''} found; {len(report.submissions)} counted, "
        f"from {len(students)} student{'s' if len(students) != 1 else ''}"
        f"{' (shown by code, not by name)' if report.pseudonymised else ''}. "
        f'<a href="#problems">{len(report.problems)} problem{"s" if len(report.problems) != 1 else ""}</a> '
        f"with the files ({not_counted} not counted). {how}</p>",
        f'<p class="note">Made on {datetime.date.today().isoformat()} by version {_e(report.version)} of the '
        "collection. "
        "An exercise's state is its last check in the saved notebook; no record means not attempted.</p>",
        "<nav><h2>Contents</h2><ul>",
        *[f'<li><a href="#nb-{_e(n)}">{_e(titles.get(n, n))}</a></li>' for n in names],
        '<li><a href="#students">Students</a></li><li><a href="#problems">Problems with the files</a></li></ul></nav>',
    ]
    out.extend(_notebook_section(report, n, titles.get(n, n), advice) for n in names)

    out.append('<section id="students"><h2>Students</h2>')
    if report.students:
        out.append("<details><summary>Each student's exercises, notebook by notebook "
                   f"({len(students)} students)</summary>")
        out.append('<table class="students"><thead><tr><th scope="col">Student</th><th scope="col">Notebook</th>'
                   '<th scope="col">Correct</th><th scope="col">Not yet right</th><th scope="col">Not attempted</th>'
                   "</tr></thead><tbody>")
        for s in sorted(report.students, key=lambda s: (s.student.casefold(), s.notebook)):
            out.append(f"<tr><td>{_e(s.student)}</td><td>{_e(s.notebook)}</td><td class=\"n\">{s.correct}</td>"
                       f'<td class="n">{s.not_yet_right}</td><td class="n">{s.not_attempted}</td></tr>')
        out.append("</tbody></table></details>")
    else:
        out.append("<p>No submission was counted.</p>")
    out.append("</section>")

    out.append('<section id="problems"><h2>Problems with the files</h2>')
    if report.problems:
        out.append('<table class="problems"><thead><tr><th scope="col">File</th><th scope="col">What happened</th>'
                   '<th scope="col">Counted?</th></tr></thead><tbody>')
        for p in report.problems:
            out.append(f"<tr><td>{_e(p.file) if p.file else '(several files)'}</td><td>{_e(p.text)}</td>"
                       f"<td>{'yes' if p.counted else 'no'}</td></tr>")
        out.append("</tbody></table>")
    else:
        out.append("<p>None: every file was read and counted.</p>")
    out.append("</section></main></body></html>")
    return "\n".join(out) + "\n"


def write_page(report: ClassReport, out: Path, advice: Mapping[str, str], executed: bool = False) -> Path:
    """Return the path of report.html, written into `out`."""
    path = Path(out) / "report.html"
    path.write_text(render(report, advice, executed), encoding="utf-8")
    return path
