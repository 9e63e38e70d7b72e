"""Comparison: segmentation, verbatim runs, sentence alignment, word diff, spans and summary."""
