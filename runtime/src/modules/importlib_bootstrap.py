# The import system's objects, run in the namespace of the module `_frozen_importlib`: the
# parts of CPython 3.13's importlib._bootstrap and importlib._bootstrap_external that describe a
# module once it is found — ModuleSpec, BuiltinImporter, FileLoader / SourceFileLoader — and the
# helpers pyrt's import system (modules/import.rs, in Rust) calls to give each module its
# __spec__ and __loader__. Finding and loading stay in Rust: there is no sys.meta_path or
# sys.path_hooks. `sys` is put in the namespace before this runs (this code imports nothing).


class ModuleSpec:
    """The specification for a module, used for loading.

    A module's spec is the source for information about the module.  For
    data associated with the module, including source, use the spec's
    loader.

    `name` is the absolute name of the module.  `loader` is the loader
    to use when loading the module.  `parent` is the name of the
    package the module is in.  The parent is derived from the name.

    `is_package` determines if the module is considered a package or
    not.  On modules this is reflected by the `__path__` attribute.

    `origin` is the specific location used by the loader from which to
    load the module, if that information is available.  When filename is
    set, origin will match.

    `has_location` indicates that a spec's "origin" reflects a location.
    When this is True, `__file__` attribute of the module is set.

    `cached` is the location of the cached bytecode file, if any.  It
    corresponds to the `__cached__` attribute.

    `submodule_search_locations` is the sequence of path entries to
    search when importing submodules.  If set, is_package should be
    True--and False otherwise.

    Packages are simply modules that (may) have submodules.  If a spec
    has a non-None value in `submodule_search_locations`, the import
    system will consider modules loaded from the spec as packages.

    Only finders (see importlib.abc.MetaPathFinder and
    importlib.abc.PathEntryFinder) should modify ModuleSpec instances.

    """

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []

        # file-location attributes
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            args.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            args.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{self.__class__.__name__}({", ".join(args)})'

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and
                    self.loader == other.loader and
                    self.origin == other.origin and
                    smsl == other.submodule_search_locations and
                    self.cached == other.cached and
                    self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if self._cached is None:
            if self.origin is not None and self._set_fileattr:
                self._cached = _get_cached(self.origin)
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        else:
            return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


def _get_cached(filename):
    # importlib._bootstrap_external._get_cached / cache_from_source: the bytecode file beside a
    # source file, None when the implementation caches no bytecode (pyrt: cache_tag is None).
    if filename.endswith('.py'):
        tag = sys.implementation.cache_tag
        if tag is None:
            return None
        head, sep, tail = filename.rpartition('/')
        base = tail.rpartition('.')[0]
        return f'{head}{sep}__pycache__/{base}.{tag}.pyc'
    if filename.endswith('.pyc'):
        return filename
    return None


def _requires_builtin(fxn):
    """Decorator to verify the named module is built-in."""
    def _requires_builtin_wrapper(self, fullname):
        if fullname not in sys.builtin_module_names:
            raise ImportError(f'{fullname!r} is not a built-in module',
                              name=fullname)
        return fxn(self, fullname)
    _requires_builtin_wrapper.__name__ = fxn.__name__
    _requires_builtin_wrapper.__qualname__ = fxn.__qualname__
    _requires_builtin_wrapper.__doc__ = fxn.__doc__
    return _requires_builtin_wrapper


class BuiltinImporter:

    """Meta path import for built-in modules.

    All methods are either class or static methods to avoid the need to
    instantiate the class.

    """

    _ORIGIN = "built-in"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname in sys.builtin_module_names:
            return ModuleSpec(fullname, cls, origin=cls._ORIGIN, is_package=False)
        else:
            return None

    @staticmethod
    def create_module(spec):
        """Create a built-in module"""
        if spec.name not in sys.builtin_module_names:
            raise ImportError(f'{spec.name!r} is not a built-in module',
                              name=spec.name)
        # pyrt makes a module written in Rust once per interpreter, on its first import.
        return __import__(spec.name)

    @staticmethod
    def exec_module(module):
        """Exec a built-in module"""
        # A module written in Rust is complete when it is made.

    @classmethod
    @_requires_builtin
    def get_code(cls, fullname):
        """Return None as built-in modules do not have code objects."""
        return None

    @classmethod
    @_requires_builtin
    def get_source(cls, fullname):
        """Return None as built-in modules do not have source code."""
        return None

    @classmethod
    @_requires_builtin
    def is_package(cls, fullname):
        """Return False as built-in modules are never packages."""
        return False


def _check_name(method):
    """Decorator to verify that the module being requested matches the one the
    loader can handle."""
    def _check_name_wrapper(self, name=None, *args, **kwargs):
        if name is None:
            name = self.name
        elif self.name != name:
            raise ImportError('loader for %s cannot handle %s' %
                                (self.name, name), name=name)
        return method(self, name, *args, **kwargs)
    _check_name_wrapper.__name__ = method.__name__
    _check_name_wrapper.__qualname__ = method.__qualname__
    _check_name_wrapper.__doc__ = method.__doc__
    return _check_name_wrapper


class FileLoader:

    """Base file loader class which implements the loader protocol methods that
    require file system usage."""

    def __init__(self, fullname, path):
        """Cache the module name and the path to the file found by the
        finder."""
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__ and
                self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    @_check_name
    def get_filename(self, fullname):
        """Return the path to the source file as found by the finder."""
        return self.path

    def get_data(self, path):
        """Return the data from path as raw bytes."""
        with open(str(path), 'rb') as file:
            return file.read()


class SourceFileLoader(FileLoader):

    """Concrete implementation of SourceLoader using the file system."""

    def is_package(self, fullname):
        """Concrete implementation of InspectLoader.is_package by checking if
        the path returned by get_filename has a filename of '__init__.py'."""
        filename = self.get_filename(fullname).rpartition('/')[2]
        filename_base = filename.rsplit('.', 1)[0]
        tail_name = fullname.rpartition('.')[2]
        return filename_base == '__init__' and tail_name != '__init__'

    def get_source(self, fullname):
        """Concrete implementation of InspectLoader.get_source."""
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError('source not available through get_data()',
                              name=fullname) from exc
        return source_bytes.decode().replace('\r\n', '\n').replace('\r', '\n')

    def get_code(self, fullname):
        """Compile the module's source (pyrt caches no bytecode)."""
        path = self.get_filename(fullname)
        return compile(self.get_data(path), path, 'exec', dont_inherit=True)

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        """Execute the module."""
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f'cannot load module {module.__name__!r} when '
                              'get_code() returns None')
        exec(code, module.__dict__)


# The classes print as CPython's, which keeps the loaders in importlib._bootstrap_external.
FileLoader.__module__ = SourceFileLoader.__module__ = '_frozen_importlib_external'


def _spec_for_builtin(name):
    # What BuiltinImporter.find_spec gives a module written in Rust.
    return ModuleSpec(name, BuiltinImporter, origin=BuiltinImporter._ORIGIN, is_package=False)


def _spec_for_source(name, path, package_dir):
    # What PathFinder gives a source file: spec_from_file_location with a SourceFileLoader.
    loader = SourceFileLoader(name, path)
    spec = ModuleSpec(name, loader, origin=path, is_package=package_dir is not None)
    spec.has_location = True
    if package_dir is not None:
        spec.submodule_search_locations.append(package_dir)
    return spec


def _fix_up_builtin_modules():
    # importlib._bootstrap._setup: the modules made before the import system's objects existed
    # (sys, builtins, this module) get their spec and loader now.
    for name, module in list(sys.modules.items()):
        if name in sys.builtin_module_names and getattr(module, '__spec__', None) is None:
            spec = _spec_for_builtin(name)
            module.__spec__ = spec
            module.__loader__ = BuiltinImporter
            if getattr(module, '__package__', None) is None:
                module.__package__ = spec.parent
