import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(150)
print(sys.getrecursionlimit())
depth = 0


def down():
    global depth
    depth += 1
    down()


try:
    down()
except RecursionError as e:
    print("RecursionError", e, 100 < depth <= 150)
sys.setrecursionlimit(1000)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print("TypeError", e)


def at_depth(n):
    if n:
        return at_depth(n - 1)
    try:
        sys.setrecursionlimit(5)
    except RecursionError as e:
        return str(e).split(" at the")[0]


print(at_depth(10))
print(sys.getrecursionlimit())
