"""Subcommands of ``attune``; each module has ``register(subparsers)``."""
