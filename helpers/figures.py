"""One shared figure style: colour-blind-safe, readable, and always naming the source.

Nothing here changes matplotlib until a notebook asks for it with :func:`use_style`.
"""

from __future__ import annotations

from typing import Any

#: Okabe–Ito colours, distinguishable with the common forms of colour blindness.
PALETTE: list[str] = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermilion
    "#F0E442",  # yellow
    "#000000",  # black
]

#: Hatch patterns and markers to pair with colours, so that no chart carries meaning by
#: colour alone (print it in grey and it still reads).
HATCHES: list[str] = ["", "//", "..", "xx", "\\\\", "++", "--", "oo"]
MARKERS: list[str] = ["o", "s", "^", "D", "v", "P", "X", "*"]

#: The line under every figure.
SOURCE: str = "Source: China Daily article on the World Internet Conference Wuzhen Summit"

#: The settings :func:`use_style` applies (sizes chosen to be readable on a projector).
STYLE: dict[str, Any] = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "savefig.bbox": "tight",
}


def use_style() -> None:
    """Return nothing; apply the collection's figure style to every figure drawn after it.

    Call it once, in a notebook's imports cell. Calling it again changes nothing more.

    >>> import matplotlib
    >>> use_style()
    >>> matplotlib.rcParams["axes.prop_cycle"].by_key()["color"][0] == PALETTE[0]
    True
    """
    import matplotlib
    from cycler import cycler

    matplotlib.rcParams.update(STYLE)
    matplotlib.rcParams["axes.prop_cycle"] = cycler(color=PALETTE)


def add_source(fig: Any, text: str = SOURCE) -> None:
    """Return nothing; write the source line at the bottom left of the figure `fig`.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> add_source(fig)
    >>> fig.texts[-1].get_text() == SOURCE
    True
    >>> plt.close(fig)
    """
    fig.text(0.01, -0.02, text, ha="left", va="top", fontsize=9, color="#444444")

#: The one way every chart of the series shows a figure: an exact count is a plain bar, a lower bound
#: ("over", "more than") a hatched bar of another colour with an arrow at its end. Colour, hatch and
#: arrow all say it, so the chart reads without colour too (Okabe–Ito colours, colour-blind-safe).
BOUND_STYLE: dict[str, dict[str, str]] = {
    "exact": {"color": PALETTE[0], "hatch": HATCHES[0], "label": "exact count (no qualifier)"},
    "lower bound": {"color": PALETTE[1], "hatch": HATCHES[1],
                    "label": 'lower bound ("over", "more than"): the true count is higher'},
}


def bound_legend(ax: Any, **options: Any) -> None:
    """Return nothing; add the legend of BOUND_STYLE (exact count, lower bound) to the axes `ax`.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> bound_legend(ax)
    >>> [t.get_text() for t in ax.get_legend().get_texts()][0]
    'exact count (no qualifier)'
    >>> plt.close(fig)
    """
    from matplotlib.patches import Patch

    keys = [Patch(facecolor=s["color"], hatch=s["hatch"], edgecolor="black", label=s["label"])
            for s in BOUND_STYLE.values()]
    ax.legend(handles=keys, **options)


def draw_figure_bars(ax: Any, rows: Any, names: Any) -> None:
    """Return nothing; draw one horizontal bar per figure of `rows`, in BOUND_STYLE, named by `names`.

    rows: a table with the columns value, qualifier and bound (such as some rows of load_figures()).
    names: one label per row, for the vertical axis. A lower bound gets its qualifier in its label
    ("over 2,100") and an arrow at the end of its bar: the true count lies further on.

    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"value": [2100, 415], "qualifier": ["over", "none"],
    ...                      "bound": ["lower bound", "exact"]})
    >>> fig, ax = plt.subplots()
    >>> draw_figure_bars(ax, rows, ["participants", "enterprises"])
    >>> [t.get_text() for t in ax.texts]
    ['over 2,100', '415']
    >>> [bool(bar.get_hatch()) for bar in ax.patches], len(ax.lines)  # hatch and arrow: the lower bound only
    ([True, False], 1)
    >>> ax.patches[0].get_facecolor() != ax.patches[1].get_facecolor()
    True
    >>> plt.close(fig)
    """
    room = rows["value"].max() * 0.04  # space between a bar's end and its label
    ax.set_xlim(0, rows["value"].max() * 1.45)
    for y, (value, qualifier, bound) in enumerate(zip(rows["value"], rows["qualifier"], rows["bound"])):
        style = BOUND_STYLE[bound]
        ax.barh(y, value, color=style["color"], hatch=style["hatch"], edgecolor="black")
        if bound == "lower bound":
            ax.plot(value + room, y, marker=">", markersize=9, color="black")
        ax.text(value + 2 * room, y, f"{qualifier} {value:,}" if bound == "lower bound" else f"{value:,}",
                va="center")
    ax.set_yticks(range(len(rows)), list(names))
    ax.invert_yaxis()  # the first row at the top
    ax.grid(axis="y", visible=False)


def plot_words_per_source(words: Any, nested: Any, title: str, nested_label: str) -> Any:
    """Return a figure with one horizontal bar per source, labelled with its number of words.

    words: a Series, source name -> number of words; drawn in its order, the first at the bottom.
    nested: the names whose words already stand inside another source's words: their bars get another
    colour and a hatch, and the legend says why (nested_label), so the chart reads without colour too.

    >>> import pandas as pd
    >>> fig = plot_words_per_source(pd.Series({"B": 5, "A": 20}), nested={"B"}, title="Words",
    ...                             nested_label="inside A's words")
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ["the source's own rows", "inside A's words"]
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import textwrap

    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    inside = [name in nested for name in words.index]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    bars = ax.barh([textwrap.fill(str(name), 24) for name in words.index], list(words),
                   color=[PALETTE[int(i)] for i in inside], hatch=[HATCHES[int(i)] for i in inside],
                   edgecolor="black")
    ax.bar_label(bars, padding=3)
    ax.set(title=title, xlabel="number of words (direct and reported)", ylabel="source")
    ax.legend(handles=[Patch(facecolor=PALETTE[0], edgecolor="black", label="the source's own rows"),
                       Patch(facecolor=PALETTE[1], edgecolor="black", hatch=HATCHES[1], label=nested_label)],
              loc="lower right")
    add_source(fig)
    return fig


def draw_lens_counts(tags: Any) -> Any:
    """Return the axes of a bar chart: for each column of `tags`, in how many rows it is True.

    tags: a table with one True/False column per lens and one row per paragraph (notebook 04).
    Each bar has its own colour and hatch, and its number at its end; the longest bar is at the top.

    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> ax = draw_lens_counts(pd.DataFrame({"a": [True, True, False], "b": [False, True, False]}))
    >>> [t.get_text() for t in ax.texts], [float(x) for x in ax.get_xlim()]
    (['1', '2'], [0.0, 3.0])
    >>> plt.close("all")
    """
    import matplotlib.pyplot as plt

    counts = tags.sum().sort_values(kind="stable")  # the largest bar at the top
    fig, ax = plt.subplots()
    bars = ax.barh(list(counts.index), list(counts.values), color=PALETTE[: len(counts)],
                   hatch=HATCHES[1 : len(counts) + 1], edgecolor="black")
    ax.bar_label(bars, padding=4)  # the number at the end of each bar
    ax.set_xlim(0, len(tags))
    ax.set_title(f"How many of the {len(tags)} paragraphs are tagged with each lens")
    ax.set_xlabel("number of paragraphs tagged")
    ax.set_ylabel("lens (our reading)")
    add_source(fig)
    return ax


def draw_lens_pairs(tags: Any) -> Any:
    """Return the axes of a grid: for each pair of columns of `tags`, in how many rows both are True.

    The diagonal holds each column with itself (its own count). Every cell shows its number, and the
    darker its blue, the larger the number, so the grid reads without colour too.

    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> ax = draw_lens_pairs(pd.DataFrame({"a": [True, True, False], "b": [False, True, True]}))
    >>> [t.get_text() for t in ax.texts]
    ['2', '1', '1', '2']
    >>> plt.close("all")
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import LinearSegmentedColormap

    ones = tags.astype(int)
    together = (ones.T @ ones).to_numpy()  # row A, column B: the rows where A and B are both 1
    fig, ax = plt.subplots(figsize=(8, 5.5), layout="constrained")
    white_to_blue = LinearSegmentedColormap.from_list("white to blue", ["white", PALETTE[0]])
    image = ax.imshow(together, cmap=white_to_blue, vmin=0, vmax=len(tags), aspect="auto")
    for row, column in [(r, c) for r in range(len(together)) for c in range(len(together))]:
        ax.text(column, row, str(int(together[row, column])), ha="center", va="center", fontsize=14)
    ax.set_xticks(range(len(tags.columns)), [name.replace(" ", "\n") for name in tags.columns])
    ax.set_yticks(range(len(tags.columns)), list(tags.columns))
    ax.grid(False)
    fig.colorbar(image, ax=ax, label="number of paragraphs")
    ax.set_title("Paragraphs tagged with both lenses of a pair")
    ax.set_xlabel("lens (our reading)")
    ax.set_ylabel("lens (our reading)")
    add_source(fig)
    return ax


def draw_paragraph_lengths(table: Any) -> Any:
    """Return the axes of a bar chart: one horizontal bar per paragraph, as long as its number of words.

    table: a table with a `paragraph` column (0 = the headline) and a `words` column (notebook 01).
    The headline's bar is orange and hatched, the body's bars plain blue, each with its number at its end;
    paragraph 0 is at the top, as in the article, and a legend names the two kinds of bar.

    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> ax = draw_paragraph_lengths(pd.DataFrame({"paragraph": [0, 1, 2], "words": [5, 20, 12]}))
    >>> [t.get_text() for t in ax.texts], [t.get_text() for t in ax.get_yticklabels()]
    (['5', '20', '12'], ['0 (headline)', '1', '2'])
    >>> plt.close("all")
    """
    import matplotlib.pyplot as plt

    head = table.loc[table["paragraph"] == 0]
    body = table.loc[table["paragraph"] >= 1]
    fig, ax = plt.subplots(figsize=(8, 6))
    for rows, colour, hatch, label in [(head, PALETTE[1], HATCHES[1], "headline"),
                                       (body, PALETTE[0], HATCHES[0], "body paragraph")]:
        bars = ax.barh(rows["paragraph"], rows["words"], color=colour, hatch=hatch, edgecolor="black", label=label)
        ax.bar_label(bars, padding=3)  # the number at the end of each bar
    ax.set_yticks(table["paragraph"], [f"{n} (headline)" if n == 0 else str(n) for n in table["paragraph"]])
    ax.invert_yaxis()  # paragraph 0 at the top, as in the article
    ax.set_xlim(0, table["words"].max() * 1.25)  # room for the numbers and the legend
    ax.set_title("Words in each paragraph of the cleaned article")
    ax.set_xlabel("number of words")
    ax.set_ylabel("paragraph number")
    ax.legend(loc="upper right")
    add_source(fig)
    return ax
