code = "x = 10\ndef f():\n    return x\nresult = f()"
g = {}
l = {}
try:
    exec(code, g, l)
except NameError as e:
    print("NameError", e)
print(sorted(k for k in g if k != "__builtins__"), sorted(l))
try:
    print(l["f"]())
except NameError as e:
    print("NameError", e)
g2 = {}
exec(code, g2)
print(g2["result"], g2["f"]())
def inner():
    exec("local_var = 5")
    return "local_var" in locals()
print(inner())
exec("print('in exec', __name__)", {"__name__": "custom"})
print(eval("(lambda: x)()", {"x": "evaluated"}))
