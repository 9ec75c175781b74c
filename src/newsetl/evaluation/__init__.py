"""Evaluation commands: extraction quality against gold labels, printed as tables."""
