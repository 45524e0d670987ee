"""The machinery of importlib: finders, loaders, hooks, etc."""
# pyrt: frozen, as in CPython 3.13 (Lib/importlib/machinery.py). pyrt has no extension modules,
# bytecode files or namespace packages, so SourcelessFileLoader, ExtensionFileLoader,
# NamespaceLoader and WindowsRegistryFinder are absent.

from ._bootstrap import ModuleSpec
from ._bootstrap import BuiltinImporter
from ._bootstrap import FrozenImporter
from ._bootstrap_external import (SOURCE_SUFFIXES, BYTECODE_SUFFIXES,
                                  EXTENSION_SUFFIXES)
from ._bootstrap_external import PathFinder
from ._bootstrap_external import FileFinder
from ._bootstrap_external import SourceFileLoader
from ._bootstrap_external import FileLoader


def all_suffixes():
    """Returns a list of all recognized module suffixes for this process"""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
