"""The office's accounts and their work: `users` (accounts, roles, the session key), `auth`
(sign-in, sessions, CSRF, who may do what), `saved` + `feeds` (saved searches and their Atom
feeds), `digest` (e-mail digests after an ingest), `review` + `review_page` (the Review page
and its decisions). Imports `dashboard.common`, never a view's callbacks, components or state
handling."""
