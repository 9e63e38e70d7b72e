"""Concord's engine: loading, segmentation, alignment, entities and reports, free of Qt."""

__version__ = "0.1.0"
