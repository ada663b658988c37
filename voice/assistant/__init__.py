"""The hands-free loop: ears, engine and voice joined into one conversation (listen, answers,
offers, crisis). Imports every layer below it; only the CLI imports it.
"""
