"""The words of feelings: the vocabulary, strengths, suggested practices, and crisis language
with its replies. Imports sessions and config, paths, errors.
"""
