"""How common an English word is, for deciding whether a word broken across lines is
one word ("organi-" + "zation") or a compound ("fact-" + "finding")."""
from __future__ import annotations

from wordfreq import zipf_frequency

COMMON = 3.0  # Zipf scale: 3 is about once per million words


def zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def rejoin_broken_word(left: str, right: str, words: frozenset[str], compounds: frozenset[str]) -> bool:
    """True to print `left`+`right` as one word, False to keep `left-right`.

    The bulletin's own usage decides first; then how common the joined word is; a
    pair of common words is a compound; a rare but real joined word is still a word.
    """
    hyphenated, joined = f"{left}-{right}".lower(), f"{left}{right}".lower()
    if hyphenated in compounds:
        return False
    if joined in words:
        return True
    z = zipf(joined)
    if z >= COMMON:
        return True
    if zipf(left) >= COMMON and zipf(right) >= COMMON:
        return False
    return z > 0
