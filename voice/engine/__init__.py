"""The session engine: timeline, scheduler, player, live controls, mixdown, clock and what the
player says. Imports speech, sessions, feelings, audio and the layers below; never the ears.
"""
