# globals, locals, vars, dir, eval, exec, compile
x = 10
def f(a, b=2):
    c = a + b
    def inner():
        return c
    loc = locals()
    print(sorted(loc), loc["a"], loc["c"])
    loc["a"] = 99
    print(a, "a" in locals(), globals() is g)
    print(eval("a + b + c"), eval("x"), eval("a", {"a": 5}))
    exec("a = 1000")
    print(a)
    return inner
g = globals()
f(1)
print(sorted([k for k in vars() if not k.startswith("__")]))
print(locals() is globals(), vars() is globals())
class C:
    y = 1
    print(sorted([k for k in locals() if not k.startswith("__")]))
    def m(self):
        pass
c = C()
c.z = 3
print(vars(c), "m" in dir(c), "z" in dir(c), "y" in dir(C), dir(c) == sorted(dir(c)))
print([n for n in dir(C) if not n.startswith("__")])
class D:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(D()))
def g2():
    q = 1
    return dir()
print(g2())
ns = {}
exec("def h(n):\n    return n * 2\nr = h(21)", ns)
print(ns["r"], "__builtins__" in ns, sorted([k for k in ns if k != "__builtins__"]))
code = compile("1 + 2 * 3", "<calc>", "eval")
print(type(code).__name__, eval(code))
code = compile("total = 0\nfor i in range(5):\n    total += i\n", "<loop>", "exec")
env = {}
exec(code, env)
print(env["total"])
print(eval("[i * i for i in range(4)]"))
glb = {"k": 1}
lcl = {"k": 2}
print(eval("k", glb, lcl), eval("k", glb))
exec("k = 3", glb, lcl)
print(glb["k"], lcl["k"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e)
try:
    exec("raise ValueError('inside exec')")
except ValueError as e:
    print("ValueError", e)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError", e)
print(eval("\t 7"))
exec("print('single', 1)")
s = compile("print('via single')", "<s>", "single")
exec(s)
print(hex(2**64), oct(-9), bin(0), pow(7, 2, 5), pow(5, -1, 7))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 2))
print(sum([0.1] * 10), sum([1, 2.5, 3]), sum([1e100, 1.0, -1e100, 1.0]), sum(range(5), 0.5))
vars(1)
