# eval/exec of a code object with free variables is refused; a key whose __eq__ clears the
# dict during a lookup restarts the lookup instead of reading a stale table.
def f(x):
    return lambda: x
for run in (eval, exec):
    try:
        run(f(1).__code__)
    except TypeError as e:
        print(run.__name__, e)
class Bad:
    def __eq__(self, o):
        d.clear()
        return True
    def __hash__(self):
        return 0
d = {Bad(): None, 8: None}
d[0] = None
print(d)
