import sys
a = sys.intern("hello world!")
b = sys.intern("hello " + "world!")
print(a is b, sys.getrecursionlimit() > 0, sys.getswitchinterval() > 0, callable(sys.settrace))
print(type(sys.getrefcount(a)).__name__, sys.version.startswith(str(sys.version_info[0])))
