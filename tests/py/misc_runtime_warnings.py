x = ~True
print(x, ~False)
if NotImplemented:
    print("truthy")
print(not NotImplemented)
def g():
    yield 1
gen = g(); next(gen)
try:
    gen.throw(ValueError, ValueError("v"), None)
except ValueError as e:
    print("thrown", e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    bool(NotImplemented)
    async def never():
        pass
    c = never()
    del c
print([(str(m.message), m.category.__name__, m.lineno) for m in w])
print(w[1].source is not None)
warnings.simplefilter("error", DeprecationWarning)
try:
    if NotImplemented: pass
except DeprecationWarning as e:
    print("error:", e)
