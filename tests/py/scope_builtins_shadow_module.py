import sys
def uses_print():
    print("builtin print")
uses_print()
def print(*args, **kw):
    sys.stdout.write("shadowed: " + " ".join(map(str, args)) + "\n")
uses_print()
del print
uses_print()
import builtins
orig = builtins.len
builtins.len = lambda x: -1
print(len([1, 2]))
builtins.len = orig
print(len([1, 2]))
