# The "once per location" registry, the actions and the error filter's uncaught traceback.
import warnings


def spam(n):
    for i in range(n):
        warnings.warn("spam %d" % (i % 2), RuntimeWarning)


spam(4)
print(sorted((k for k in __warningregistry__ if k != "version"), key=repr))
print(__warningregistry__["version"])
warnings.filterwarnings("ignore", message="SPAM 1")
spam(2)
print(len(warnings.filters), warnings.filters[0])
warnings.filterwarnings("always", module="__main__")
spam(2)
warnings.simplefilter("ignore", RuntimeWarning, append=True)
print(warnings.filters[-1])
warnings.simplefilter("always", lineno=7)
print(warnings.filters[0])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("inside", UserWarning)
    except UserWarning as e:
        print("caught", e.args)
print(warnings.filters[0][0])
with warnings.catch_warnings(action="ignore"):
    warnings.warn("silenced")
cw = warnings.catch_warnings()
try:
    cw.__exit__(None, None, None)
except RuntimeError as e:
    print(e)
with cw:
    try:
        cw.__enter__()
    except RuntimeError as e:
        print(e)
warnings.filters.append("junk")
try:
    warnings.warn("nope", FutureWarning)
except ValueError as e:
    print(e)
del warnings.filters[-1]
warnings.defaultaction = "bogus"
warnings.resetwarnings()
try:
    warnings.warn("hm")
except RuntimeError as e:
    print(e)
warnings.defaultaction = "default"
warnings.warn("deprecated thing", DeprecationWarning)
warnings.simplefilter("error", DeprecationWarning)
warnings.warn("final", DeprecationWarning)
print("not reached")
