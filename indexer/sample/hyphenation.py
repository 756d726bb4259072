"""Where a long word may be broken at a line end, as a typesetter would.

Only common English words are listed: each joined word, or its singular ("organizations" ->
"organization"), is in the english-words lists, so a parser can rejoin "organi-" + "zations"
by looking it up. Compounds break only at their own hyphen ("fact-" + "finding"), and their
joined form ("factfinding") is in no dictionary, so the parser keeps that hyphen.
"""
from __future__ import annotations

import re

# Syllables split by "-". Lowercase; a printed word matches case-insensitively.
_SYLLABLES = """
ac-ces-si-bil-i-ty ac-com-mo-da-tion ac-cor-dance ac-quaint-ed ac-tiv-i-ties ad-min-is-tra-tion
an-a-lyt-i-cal an-ni-ver-sa-ry ap-pli-cant ap-pli-ca-tion ap-pli-ca-tions ap-pro-pri-ate
as-sis-tance as-so-ci-a-tion at-ten-tion au-thor-i-ties avail-able aware-ness bi-lat-er-al
chal-lenges com-mis-sion com-mis-sion-er com-mit-tee com-mu-ni-ca-tion com-mu-ni-ty com-plaint
com-plaints con-cerned con-di-tions con-fer-ence con-fi-den-tial con-nec-tion
con-sti-tu-tion-al con-struc-tive co-op-er-a-tion ded-i-cat-ed de-part-ment dep-ri-va-tion
de-ten-tion de-vel-op-ment dis-abil-i-ties dis-crim-i-na-tion dis-pen-sary dis-trib-ut-ed
doc-u-men-ta-tion ed-u-ca-tion elim-i-nate em-pha-sized em-ploy-ees en-force-ment
en-vi-ron-ment en-vi-ron-men-tal es-tab-lished es-tab-lish-ment ex-ec-u-tive ex-pe-ri-ence
ex-pressed ex-pres-sion fa-cil-i-ties fa-cil-i-ty frame-work gov-ern-ment gov-ern-men-tal
grat-i-tude hu-man-i-tar-i-an iden-ti-fied im-ple-men-ta-tion im-por-tance
im-prove-ment in-clu-sive in-de-pen-dent in-for-ma-tion in-i-tia-tive in-sti-tute
in-sti-tu-tion in-sti-tu-tions in-ter-ac-tion in-ter-na-tion-al in-ves-ti-ga-tion in-vi-ta-tion
leg-is-la-tion mech-a-nism mem-o-ran-dum mi-gra-tion nec-es-sary neigh-bour-ing om-buds-man
or-ga-ni-za-tion or-ga-ni-za-tions or-ga-nized par-lia-ment par-tic-i-pants par-tic-i-pa-tion
par-tic-u-lar-ly pen-i-ten-tia-ry pop-u-la-tion post-pone-ment prep-a-ra-tion pres-en-ta-tion
pre-ven-tion pre-ven-tive pris-on-ers pro-fes-sion-al pro-mo-tion pro-tect-ing pro-tec-tion
psy-chi-at-ric psy-cho-log-i-cal psy-chol-o-gist pub-li-ca-tion ques-tions re-cep-tion
rec-om-men-da-tions re-flect-ed re-gard-ing reg-is-tra-tion reg-u-lar-ly re-ha-bil-i-ta-tion
re-mem-brance rep-re-sen-ta-tives re-spon-si-bil-i-ty sig-nif-i-cance sit-u-a-tion state-ment
strength-en-ing tem-po-rary tol-er-ance trans-par-en-cy treat-ment un-an-nounced
un-der-stand-ing uni-ver-si-ty vul-ner-a-ble
ad-mis-sion com-pe-tent dis-cussed dor-mi-to-ries rec-om-mends reg-is-ters rel-a-tives
re-set-tled re-spon-si-ble
"""

# Compounds that keep their hyphen; they break only there.
COMPOUNDS: tuple[str, ...] = (
    "fact-finding", "awareness-raising", "pre-trial", "decision-making",
    "follow-up", "law-enforcement", "long-term", "cross-border",
)

MIN_LETTERS = 9  # shorter words are never broken


def _table() -> dict[str, tuple[int, ...]]:
    table: dict[str, tuple[int, ...]] = {}
    for entry in _SYLLABLES.split():
        parts = entry.split("-")
        cuts, pos = [], 0
        for part in parts[:-1]:
            pos += len(part)
            cuts.append(pos)
        table["".join(parts)] = tuple(cuts)
    return table


SYLLABLE_BREAKS: dict[str, tuple[int, ...]] = _table()
_WORD = re.compile(r"^([“\"(]*)([A-Za-z]+(?:-[A-Za-z]+)*)(.*)$")


def break_points(word: str) -> list[tuple[str, str]]:
    """Ways to print `word` over two lines: (head ending in "-", tail), longest head last.

    Punctuation around the word stays on its side ("(organi-" / "zation),").
    """
    m = _WORD.match(word)
    if not m:
        return []
    lead, core, trail = m.groups()
    if core.lower() in COMPOUNDS:
        cut = core.index("-") + 1
        return [(lead + core[:cut], core[cut:] + trail)]
    if len(core) < MIN_LETTERS or core.lower() not in SYLLABLE_BREAKS:
        return []
    # Three letters at least on each side, as typesetters do.
    return [(lead + core[:cut] + "-", core[cut:] + trail)
            for cut in SYLLABLE_BREAKS[core.lower()] if 3 <= cut <= len(core) - 3]
