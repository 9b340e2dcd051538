"""Exercises for notebook 04, The themes.

Every answer is worked out from the article and the themes table when a check needs it (never at
import time), with the same helpers the notebook uses, so the exercises and the notebook cannot
disagree.
"""

from __future__ import annotations

import re

from helpers.checking import Exercise, ExerciseSet, Mistake
from helpers.data import load_article, load_raw_article, load_themes
from helpers.text import split_paragraphs

# ---------------------------------------------------------------------------------------------
# Small functions that compute the answers (and the typical wrong answers) from the data
# ---------------------------------------------------------------------------------------------

#: The lens of the themes table that is not one of the four themes.
OTHER = "other"


def paragraphs(raw: bool = False) -> list[str]:
    """Return the paragraphs of the cleaned article (index 0: headline), or of the raw file.

    >>> len(paragraphs())
    13
    """
    return split_paragraphs(load_raw_article() if raw else load_article())


def lexicon() -> dict[str, str]:
    """Return one pattern per lens (without "other"): its rows' keywords, each once, joined by |.

    >>> lexicon()["cybersecurity governance"]
    'security|cybersecurity|governance'
    """
    themes = load_themes()
    patterns: dict[str, str] = {}
    for lens in themes["lens"].unique():
        if lens == OTHER:
            continue
        keywords = " | ".join(themes.loc[themes["lens"] == lens, "keywords"])
        patterns[lens] = "|".join(dict.fromkeys(keywords.split(" | ")))
    return patterns


def paragraphs_with(pattern: str, raw: bool = False) -> list[int]:
    """Return the numbers of the paragraphs in which the pattern occurs (any case).

    >>> paragraphs_with("Ren said")[:1]
    [4]
    """
    return [
        number
        for number, paragraph in enumerate(paragraphs(raw))
        if re.search(pattern, paragraph, flags=re.IGNORECASE)
    ]


def matches(pattern: str, raw: bool = False) -> int:
    """Return how many times the pattern matches in the cleaned article (or the raw file), any case.

    >>> matches("cooperat", raw=True) > matches("cooperat")
    True
    """
    text = load_raw_article() if raw else load_article()
    return len(re.findall(pattern, text, flags=re.IGNORECASE))


def lens_paragraph_counts() -> dict[str, int]:
    """Return, for each of the four lenses, the number of paragraphs its pattern finds.

    >>> sorted(lens_paragraph_counts()) == sorted(lexicon())
    True
    """
    return {lens: len(paragraphs_with(pattern)) for lens, pattern in lexicon().items()}


def lens_match_counts() -> dict[str, int]:
    """Return, for each of the four lenses, the number of matches of its pattern in the article.

    >>> all(n >= 1 for n in lens_match_counts().values())
    True
    """
    return {lens: matches(pattern) for lens, pattern in lexicon().items()}


def fewest(counts: dict[str, int]) -> str:
    """Return the key with the smallest value (the first one if several share it).

    >>> fewest({"a": 3, "b": 1, "c": 1})
    'b'
    """
    return min(counts, key=counts.__getitem__)


def both(first: str, second: str) -> list[int]:
    """Return the numbers of the paragraphs in which both lenses' patterns occur.

    >>> both("digital economy", "digital economy") == paragraphs_with(lexicon()["digital economy"])
    True
    """
    patterns = lexicon()
    second_paragraphs = set(paragraphs_with(patterns[second]))
    return [n for n in paragraphs_with(patterns[first]) if n in second_paragraphs]


def fewest_rows() -> set[str]:
    """Return the lenses (of the four) that have the fewest rows in the themes table.

    >>> fewest_rows() <= set(lexicon())
    True
    """
    themes = load_themes()
    rows = themes.loc[themes["lens"] != OTHER, "lens"].value_counts()
    return set(rows.index[rows == rows.min()])


COOPERATION = "digital cooperation"
CYBERSECURITY = "cybersecurity governance"
DIVIDE = "digital divide"

# ---------------------------------------------------------------------------------------------
# Exercise 1: paragraphs, not mentions
# ---------------------------------------------------------------------------------------------

q1 = Exercise(
    1,
    "Count the paragraphs that mention cooperation",
    expected=lambda: len(paragraphs_with("cooperat")),
    kind="number",
    answer_type="a whole number (how many paragraphs, 0 to 12, mention the pattern)",
    hints=[
        "Go through `paragraphs` and keep each paragraph in which "
        '`re.search("cooperat", paragraph, flags=re.IGNORECASE)` finds something.',
        'The cell above that lists the paragraphs mentioning "summit" does nearly all the work: '
        'copy its list comprehension and change the pattern to "cooperat".',
        "`len(...)` of that list counts the paragraphs. Each paragraph is counted once, "
        "however often it mentions cooperation.",
    ],
    solution=(
        'cooperation_paragraphs = [p for p in paragraphs if re.search("cooperat", p, flags=re.IGNORECASE)]\n'
        "n_cooperation = len(cooperation_paragraphs)"
    ),
    explanation=(
        "re.search asks one paragraph whether the pattern occurs in it at all, so each paragraph "
        "counts once, even when it mentions cooperation twice (paragraphs 4 and 6 do). The headline "
        "is paragraph 0 and counts as a paragraph too. re.findall over the whole article would count "
        "mentions instead, which is a different (larger) number."
    ),
    mistakes=[
        Mistake(
            lambda a: a in (matches("cooperat"), len(paragraphs_with("cooperat", raw=True))),
            "That looks like a count of mentions, not of paragraphs: re.findall over the whole "
            "article counts every mention, so a paragraph that mentions cooperation twice is counted "
            "twice. (Searching the raw file overcounts too: its headline appears three times.) Ask "
            "each paragraph of `paragraphs` once, with re.search, and count the paragraphs with a match.",
            example=7,
        ),
        Mistake(
            lambda a: a == matches("cooperat", raw=True),
            "That counts every mention in the raw file, where the headline appears three times. "
            "Use the cleaned paragraphs in `paragraphs`, and count paragraphs rather than mentions.",
            example=9,
        ),
        Mistake(
            lambda a: a == len([n for n in paragraphs_with("cooperat") if n != 0]),
            "Almost: paragraph 0, the headline, is a paragraph too, and it mentions cooperation. "
            "Count all the paragraphs in `paragraphs`, from 0 to 12.",
            example=4,
        ),
        Mistake(
            lambda a: a == len(paragraphs_with(lexicon()[COOPERATION])),
            "That is the number for the whole lexicon of the lens, with all its patterns. "
            'This exercise asks only about the pattern "cooperat".',
            example=8,
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Exercise 2: paragraph numbers start at 0 (the headline)
# ---------------------------------------------------------------------------------------------

q2 = Exercise(
    2,
    "List the paragraphs tagged with the digital divide",
    expected=lambda: paragraphs_with(lexicon()[DIVIDE]),
    kind="set",
    answer_type="a list of whole numbers (paragraph numbers, 0 = headline)",
    hints=[
        'The pattern is `lexicon["digital divide"]`: the lens\'s keywords joined with | ("or").',
        "`enumerate(paragraphs)` gives each paragraph together with its number, starting at 0 "
        "for the headline.",
        "Keep `number` for every `number, paragraph in enumerate(paragraphs)` where "
        "`re.search(lexicon[\"digital divide\"], paragraph, flags=re.IGNORECASE)` finds something.",
    ],
    solution=(
        'divide_pattern = lexicon["digital divide"]\n'
        "divide_paragraphs = [n for n, p in enumerate(paragraphs) if re.search(divide_pattern, p, flags=re.IGNORECASE)]"
    ),
    explanation=(
        "The lexicon pattern finds the agreement points of paragraph 3 (accessible, affordable, "
        "skills, digital devices, sharing system, benefits all) and the debate topic “digital divide” "
        "of paragraph 6. The same list is tags.index[tags[\"digital divide\"]].tolist()."
    ),
    mistakes=[
        Mistake(
            lambda a: a == frozenset(n + 1 for n in paragraphs_with(lexicon()[DIVIDE])),
            "Each of your numbers is one too high: paragraph 0 is the headline. "
            "enumerate(paragraphs) starts counting at 0, so use its numbers as they are.",
            example=[4, 7],
        ),
        Mistake(
            lambda a: a == frozenset(paragraphs_with(lexicon()[DIVIDE], raw=True)),
            "These are positions in the raw file, where the headline appears three times. "
            "Use the cleaned `paragraphs`, in which paragraph 0 is the headline (once).",
            example=[5, 8],
        ),
        Mistake(
            lambda a: a == frozenset(paragraphs_with("digital divide")) or a == frozenset(paragraphs_with("divide")),
            'You searched only for the words "digital divide" (or "divide"). The lens has more '
            'keywords: use the whole pattern `lexicon["digital divide"]`.',
            example=[6],
        ),
        Mistake(
            lambda a: any(isinstance(item, str) and len(item) > 3 for item in a),
            "Your list holds the paragraphs themselves (their text). The question asks for their "
            "numbers: `for number, paragraph in enumerate(paragraphs)` gives both, so keep `number`.",
            example=["The Wuzhen Summit generated heated debates on topics like digital cooperation ..."],
        ),
        Mistake(
            lambda a: a == frozenset({True, False}),
            "Your answer holds True and False values, one per paragraph, not paragraph numbers. "
            "Keep the number of each paragraph whose value is True: `enumerate(paragraphs)` gives "
            "the numbers, or `tags.index[...]` picks them from the index of `tags`.",
            example=[False, False, False, True, False, False, True, False, False, False, False, False, False],
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Exercise 3: the lens in the fewest paragraphs
# ---------------------------------------------------------------------------------------------

q3 = Exercise(
    3,
    "Find the theme mentioned in the fewest paragraphs",
    expected=lambda: fewest(lens_paragraph_counts()),
    kind="text",
    answer_type="a piece of text: the name of one lens, exactly as in the columns of tags",
    hints=[
        "Each column of `tags` is one lens. True counts as 1 when added up, so the sum of a column "
        "is the number of paragraphs that mention that lens.",
        "`tags.sum()` adds up every column at once and gives a Series: the lenses are its index, "
        "the numbers of paragraphs its values.",
        "A Series's `.idxmin()` gives the label (here: the lens) of its smallest value.",
    ],
    solution="fewest_lens = tags.sum().idxmin()",
    explanation=(
        "tags.sum() counts the paragraphs of each lens; idxmin() names the lens with the smallest "
        "count. No other lens has as few, so the answer is a single lens. Counting matches instead "
        "of paragraphs would give another lens: six of this lens's matches are in one paragraph "
        "(paragraph 3)."
    ),
    mistakes=[
        Mistake(
            lambda a: a == fewest(lens_match_counts()) and a != fewest(lens_paragraph_counts()),
            "That lens has the fewest matches (mentions) in the article, but the question counts "
            "paragraphs: one paragraph with many matches still counts once. Sum the True values "
            "of each column of `tags`.",
            example="cybersecurity governance",
        ),
        Mistake(
            lambda a: a in fewest_rows() and a != fewest(lens_paragraph_counts()),
            "That lens has the fewest rows in the themes table (tied with others), but rows count the "
            "phrases the table names, not the paragraphs that mention a lens. Sum the True values of "
            "each column of `tags` instead.",
            example="digital economy",
        ),
        Mistake(
            lambda a: a == max(lens_paragraph_counts(), key=lens_paragraph_counts().__getitem__),
            "That lens is mentioned in the most paragraphs. The question asks for the fewest: "
            "use `.idxmin()`, not `.idxmax()`.",
            example="digital cooperation",
        ),
        Mistake(
            lambda a: a == OTHER,
            '"other" is not one of the four themes: it collects topics the article ties to none of '
            "them, and it is not a column of `tags`. Choose among the columns of `tags`.",
            example="other",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Exercise 4: two themes in the same paragraph
# ---------------------------------------------------------------------------------------------

q4 = Exercise(
    4,
    "Count the paragraphs where cooperation and cybersecurity governance meet",
    expected=lambda: len(both(COOPERATION, CYBERSECURITY)),
    kind="number",
    answer_type="a whole number (how many paragraphs mention both lenses)",
    hints=[
        'The columns `tags["digital cooperation"]` and `tags["cybersecurity governance"]` hold '
        "one True/False per paragraph.",
        "`&` combines two True/False columns: the result is True only where both are True.",
        "Add up the combined column with `.sum()` (and `int(...)` makes it a plain whole number).",
    ],
    solution='n_both = int((tags["digital cooperation"] & tags["cybersecurity governance"]).sum())',
    explanation=(
        "& keeps only the paragraphs in which both lenses are mentioned: the headline and paragraph "
        "1 (which repeat the same critical issues), the debate topics of paragraph 6 and the "
        "consensus of paragraph 7. | (or) would count the paragraphs that mention either one."
    ),
    mistakes=[
        Mistake(
            lambda a: a in (len(paragraphs_with(lexicon()[COOPERATION])), len(paragraphs_with(lexicon()[CYBERSECURITY]))),
            "That is the number of paragraphs for one of the two lenses on its own. The question "
            "asks for the paragraphs that mention both: combine the two columns with `&`.",
            example=8,
        ),
        Mistake(
            lambda a: a == len(set(paragraphs_with(lexicon()[COOPERATION])) | set(paragraphs_with(lexicon()[CYBERSECURITY]))),
            "That counts the paragraphs that mention either lens (one or the other or both): that "
            "is `|`, which means or. The question asks for both at once: `&`, which means and.",
            example=9,
        ),
        Mistake(
            lambda a: a == len(both(COOPERATION, DIVIDE)),
            "That is the pair of the example above: digital cooperation and the digital divide. This "
            'exercise asks about digital cooperation and "cybersecurity governance": change the second column.',
            example=1,
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Exercise 5: a short pattern matches inside longer words
# ---------------------------------------------------------------------------------------------

q5 = Exercise(
    5,
    'Count the "security" matches inside "cybersecurity"',
    expected=lambda: matches("security") - matches(r"\bsecurity\b"),
    kind="number",
    answer_type="a whole number (how many matches of the pattern are part of a longer word)",
    hints=[
        '`helpers.keyword_in_context(article, "security")` shows every match with the text around '
        "it: look at the left column to see which matches are part of a longer word. "
        '`re.findall("security", article, flags=re.IGNORECASE)` lists the same matches.',
        r'`\b` marks a word boundary, so `r"\bsecurity\b"` matches only the word on its own '
        "(the r before the quotes keeps the backslashes).",
        "The matches inside the longer word are all the matches minus the matches of the word on "
        "its own. Use `len(...)` to count each list.",
    ],
    solution=(
        'all_matches = len(re.findall("security", article, flags=re.IGNORECASE))\n'
        'standalone = len(re.findall(r"\\bsecurity\\b", article, flags=re.IGNORECASE))\n'
        "inside_cybersecurity = all_matches - standalone"
    ),
    explanation=(
        'The pattern "security" matches five times in the cleaned article: three times as the word '
        'on its own ("security management" in the headline and in paragraph 1, "security governance" '
        'in paragraph 7) and twice inside "cybersecurity" (paragraphs 6 and 10). Counting '
        're.findall("cybersecurity", ...) directly gives the same number.'
    ),
    mistakes=[
        Mistake(
            lambda a: a == matches("security"),
            'That is every match of "security", the ones inside "cybersecurity" and the word on '
            "its own together. The question asks only for the matches inside the longer word.",
            example=5,
        ),
        Mistake(
            lambda a: a == matches(r"\bsecurity\b"),
            'That is how often "security" stands as a word of its own. The question asks for the '
            'other matches: the ones that are part of "cybersecurity".',
            example=3,
        ),
        Mistake(
            lambda a: a == -(matches("security") - matches(r"\bsecurity\b")) and a < 0,
            "Your answer is below zero, and a count cannot be. You subtracted the other way round: "
            "take all the matches minus the matches of the word on its own.",
            example=-2,
        ),
        Mistake(
            lambda a: a == matches("security", raw=True),
            "That counts the raw file, where the headline appears three times. Use `article`, the "
            "cleaned text, and count only the matches inside the longer word.",
            example=7,
        ),
    ],
)

EXERCISES = ExerciseSet("04-the-themes", [q1, q2, q3, q4, q5])
progress = EXERCISES.progress
