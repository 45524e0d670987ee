import sys
sys.setrecursionlimit(100000)
gens = []
def g(k):
    if k == 0:
        yield 0
    else:
        x = g(k - 1)
        gens.append(x)
        yield next(x) + 1
try:
    next(g(6000))
except RecursionError:
    print("RecursionError")
print(sum(x.gi_running for x in gens))
stuck = [x for x in gens if x.gi_frame is not None]
print(all(next(x, "done") is not None for x in stuck[:5]))
