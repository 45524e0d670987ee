import sys
g = vars()
print(g is globals(), "__name__" in dir(), "sys" in dir())
def f():
    a = 1
    return dir()
print(f(), sorted(x for x in dir(sys) if x in ("argv", "path", "exit", "modules")))
print(sorted(n for n in dir(int) if not n.startswith("_"))[:8])
print("append" in dir(list), "__len__" in dir(str), "keys" in dir({}), len(dir(object)) > 10)
