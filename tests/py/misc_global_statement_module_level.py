global g
g = "module level global statement is allowed"
print(g)
def f():
    global g
    g = g.upper()
f()
print(g)
