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
