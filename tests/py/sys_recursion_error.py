import sys
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
depth = 0
def count():
    global depth
    depth += 1
    count()
try:
    count()
except RecursionError:
    print("depth reached below limit:", 150 < depth <= 200)
sys.setrecursionlimit(1000)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("repr recursion:", e)
