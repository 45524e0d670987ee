import sys
print("a", "b", "c")
print("a", "b", sep="-")
print("no newline", end="|")
print("next")
print(1, 2, 3, sep="", end="\n\n")
print()
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*[1, 2, 3], sep=", ")
print("x", sep=None, end=None)
print("stderr again", 42, sep=":", file=sys.stderr, end="!\n")
try:
    print("x", sep=5)
except TypeError as e:
    print(e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("into", "writer", file=w)
print(w.parts)
