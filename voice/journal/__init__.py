"""The private journal: SQLite store, numbered migrations, the typed check-in and the history
view. Imports feelings, sessions and config, paths, errors.
"""
