"""Audio to intent: endpointing, noise suppression, echo cancelling, the recognizer facade with
its backends, and the speech models. Imports understanding, audio and the layers below.
"""
