"""Stage 4, analytics: counts, figures and exports over the items a search matches.

`frames` turns the index's facet arrays into pandas frames and aggregates; `figures` draws
them (colours from `palette`); `exports` writes items, tables and figures as files;
`report` assembles the annual-report pack. pandas is used only inside this package.
"""
