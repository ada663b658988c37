"""Words to intent: the sentence templates, their grammar and sampler, and the matcher shared by
every recognizer and typed text. Imports sessions, feelings and the base modules.
"""
