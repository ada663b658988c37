"""Attune's voice: text made speakable, the TTS facade and its Piper and system backends, and
the phrase cache. Imports audio, sessions and config, paths, errors.
"""
