import sys
v = sys.version_info
print(v >= (3, 13), v < (4,), v[:2], v.major, v.minor, v.releaselevel, len(v), tuple(v)[:2], v == (3, 13, 0, "final", 0))
print(type(v).__name__, repr(v))
print(sys.hexversion >= 0x030D0000, type(sys.version).__name__, sys.version.startswith("3.13"))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.implementation.name in ("cpython", "pyrt"), sys.implementation.version[:2], hasattr(sys.implementation, "cache_tag"))
print(sys.argv[0].endswith("imp_sys_facts.py"), len(sys.argv), sys.path[0].endswith("tests/py"), type(sys.path).__name__)
print(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.isolated, type(sys.flags).__name__)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), isinstance(sys.executable, str))
print("sys" in sys.builtin_module_names, "builtins" in sys.builtin_module_names, type(sys.builtin_module_names).__name__)
print(sys.modules["sys"] is sys, sys.modules["__main__"].__name__, __name__)
a = "".join(["int", "erned"])
b = sys.intern(a)
print(b == "interned", sys.intern(b) is b)
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError", e)
print(type(sys.getrefcount(object())).__name__, sys.getrefcount(None) > 1000)
print(type(sys.getsizeof(1)).__name__, sys.getsizeof(()) < sys.getsizeof((1, 2, 3)))
try:
    sys.no_such_attribute
except AttributeError as e:
    print("AttributeError", e)
