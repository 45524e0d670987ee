import sys
n = sys.stdout.write("written directly\n")
print(n, sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdout.encoding)
print(repr(sys.stdout))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print("to stderr", 1, 2, sep="-", end="!\n", file=sys.stderr)
sys.stderr.write("stderr write\n")
print("flushed", flush=True)
print("a", "b", sep="")
print()
print(None, 1.5, [1, "x"], sep=", ")
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable(), sys.stdout.closed)
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError", e)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        self.parts.append("<flush>")


cap = Capture()
saved = sys.stdout
sys.stdout = cap
print("captured", 42)
print("again", flush=True)
sys.stdout = saved
print(cap.parts)
print("file=None goes to stdout", file=None)
sys.stdout = None
print("dropped")
sys.stdout = saved
print("restored")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError", e)
try:
    print("x", bogus=1)
except TypeError as e:
    print("TypeError", e)
print(sys.stdin.read())
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError", e)
print(sum([0.1] * 10), sum([0.1, 2, 0.2]), sum([1, 2.5]), sum([1e100, 1.0, -1e100]))
