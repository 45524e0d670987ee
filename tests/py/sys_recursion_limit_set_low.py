import sys
old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("caught", e)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
