"""The booking domain: plain dataclasses and pure rules, standard library only."""
