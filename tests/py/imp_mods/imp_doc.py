"""The docstring of imp_doc."""
