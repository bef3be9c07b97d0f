"""Participants join from their phones: the rules (targets, inbox, votes), the one projection of
what leaves the process, the pages, and the HTTP server that runs in the app's own event loop.

Everything here but `server` is pure and synchronous; nothing here imports Textual.
"""
