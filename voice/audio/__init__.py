"""Sound at the hardware edge and sample-level plumbing: WAV files, resampling, mixing math,
the microphone, output sinks and the cue sounds. Imports only errors, paths and config.
"""
