"""What the views and the office's pages share, below both: `page` (the skeleton of the
server-drawn pages: head, header, navigation), `labels` (display names, badge colours, dates
as 1 March 2024, partner types, the sample notice), `state` (the page's state and its URL,
which saved searches store), `caching` (answers per index generation) and `heavy` (exports
take turns in a low-priority process). Imports no other package of the dashboard."""
