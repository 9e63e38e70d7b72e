"""Concord's engine: loading, segmentation, alignment, entities and reports, free of Qt."""

__version__ = "0.2.0"
