"""Concord's desktop window, workers, printing and the `concord` entry point (PySide6)."""
