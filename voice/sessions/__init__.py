"""The session language: YAML read safely, checked against the schema, built into typed
sessions, and the library of built-in and user sessions. Imports audio, config, paths, errors.
"""
