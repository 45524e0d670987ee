import sys
print(len(sys.argv), sys.argv[0].endswith("sys_argv_basics.py"), sys.argv[1:])
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder in ("little", "big"), sys.byteorder)
print(sys.version_info >= (3, 13), sys.version_info[0], sys.version_info.major == 3, type(sys.version_info).__name__)
print(sys.getrecursionlimit(), isinstance(sys.path, list), isinstance(sys.modules, dict), "sys" in sys.modules, "__main__" in sys.modules)
print(sys.implementation.name in ("cpython", "pyrt"), hasattr(sys, "platform"), sys.stdout is not None, sys.flags.optimize)
