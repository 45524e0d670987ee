# __main__'s import attributes for a script, as CPython 3.13 sets them: a SourceFileLoader
# named '__main__' (whose methods work), __spec__ None, __cached__ None.
import sys
print(list(globals())[:9])
print(type(__loader__).__name__, type(__loader__).__module__, __loader__.name, __loader__.path == __file__)
print(__spec__, __cached__, __package__, __name__)
print(__loader__.is_package('__main__'), __loader__.get_filename() == __file__)
print(__loader__.get_source('__main__').splitlines()[0])
print(sys.modules['__main__'].__loader__ is __loader__)
print(__loader__ == type(__loader__)('__main__', __file__), hash(__loader__) == hash(type(__loader__)('__main__', __file__)))
try:
    __loader__.get_filename('other')
except ImportError as e:
    print("ImportError:", e, e.name)
code = __loader__.get_code('__main__')
print(type(code).__name__, code.co_filename == __file__, code.co_name)
