# DELETE_NAME in a namespace that is not a dict (exec's locals, __prepare__'s mapping) goes through
# its __delitem__; a failure is the NameError.
class Ns(dict): pass
class Mapping:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): print("del", k); del self.d[k]
exec("x = 1\ndel x\nprint('ok')", {}, Mapping())
try:
    exec("del y", {}, Mapping())
except NameError as e: print("NameError", e)
exec("z = 2\ndel z\nprint('sub ok')", {}, Ns())
