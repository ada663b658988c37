"""Subcommands of ``attune``: one module per group, each with ``register(subparsers)``, and the
``doctor`` checks. May import every layer; only ``voice/cli.py`` imports it.
"""
