print("lazy_attr_mod executing")
def __getattr__(name):
    if name == "dynamic":
        return "module __getattr__ result"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ["dynamic", "static"]
static = 1
