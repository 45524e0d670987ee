print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}), eval("[i for i in range(3)]"))
ns = {}
exec("def f(a):\n    return a + 1\nz = f(1)", ns)
print(ns["z"], ns["f"](10), sorted(k for k in ns if k != "__builtins__"))
exec("print('exec prints', q)", {"q": 5})
g = {"v": 1}
exec("v += 1", g); print(g["v"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    eval("undefined_var_xyz")
except NameError as e:
    print(e)
code = compile("a * b", "<expr>", "eval")
print(eval(code, {"a": 6, "b": 7}), code.co_filename, code.co_name)
print(eval("__builtins__ is not None"), eval("len('abc')", {"__builtins__": {"len": len}}))
