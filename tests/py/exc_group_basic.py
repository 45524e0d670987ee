eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(eg, repr(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
print(match, [repr(e) for e in match.exceptions], rest, [repr(e) for e in rest.exceptions])
print(eg.subgroup(lambda e: isinstance(e, TypeError)).exceptions, eg.subgroup(KeyError))
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
