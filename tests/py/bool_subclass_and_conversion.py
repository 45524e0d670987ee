print(bool.__bases__, bool.__mro__, True.__class__, type(True == 1), type(not 1), int.__bool__(5), (0).__bool__())
print(True.__and__(False), True.__or__(1), True ^ 1, type(True ^ 1).__name__, type(True ^ True).__name__, True + 0 is 1 if False else "skip")
print(format(True, ""), format(True, "5"), format(False, ">6"), format(True, "d"), "%s %d %r" % (True, True, False))
print(str(True).upper(), repr(True) == "True", bool("False"), bool(0.0j), int(True) + float(True))
