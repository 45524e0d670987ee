import warnings
def f():
    warnings.warn("hello")
f(); f()
print(__warningregistry__)
warnings.simplefilter("always")
f()
print(__warningregistry__)
try:
    warnings.warn("x", "bad")
except TypeError as e: print(e)
warnings.warn(42)
print(warnings.filters[:2])
with warnings.catch_warnings(record=True) as w:
    warnings.warn("rec", DeprecationWarning)
    warnings.warn(UserWarning("inst"))
print(len(w), [str(x.message) for x in w], w[0].category, w[0].lineno, w[0].filename == __file__)
print(str(w[0]).replace(__file__, "F"))
warnings.resetwarnings()
print(warnings.filters)
warnings.filterwarnings("error", message="boo")
try:
    warnings.warn("Boom")
except UserWarning as e:
    print("raised", repr(e))
warnings.warn("other")
warnings.filterwarnings("ignore", category=RuntimeWarning)
warnings.warn("quiet", RuntimeWarning)
print(warnings.filters)
for bad in [lambda: warnings.simplefilter("bogus"), lambda: warnings.filterwarnings("ignore", lineno=-1),
            lambda: warnings.filterwarnings("ignore", category=int), lambda: warnings.simplefilter("ignore", lineno="x")]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
def g():
    warnings.warn("deep", stacklevel=2)
warnings.resetwarnings()
warnings.simplefilter("default")
g()
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("once!")
warnings.simplefilter("module")
for i in range(2):
    warnings.warn("mod!")
warnings.warn("mod!")
old = warnings.showwarning
def show(message, category, filename, lineno, file=None, line=None):
    print("custom:", message, category.__name__, lineno)
warnings.showwarning = show
warnings.simplefilter("always")
warnings.warn("via custom")
warnings.showwarning = old
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  code  "))
warnings.warn_explicit("explicit", SyntaxWarning, "nowhere.py", 7)
print(warnings.catch_warnings(), warnings.catch_warnings(record=True))
import _warnings
print(_warnings.filters is warnings.filters)
