# sum() of floats: CPython 3.13's compensated summation and its int/float phases
print(sum([1e100, 1, -1e100]), sum([1e100, 1.0, -1e100]), sum([0.1]*10), sum([1, 0.1, 0.2]), sum([2**70, 0.5]))
print(sum([0.1] * 10 + [1e100, 1.0, -1e100]), sum([], 0.5), sum([1, 2, 3]), sum([True, 2.5]), sum([0.5, 2**70, 0.1, 0.2]))
print(sum([[1], [2]], []), sum([1.5, float("inf"), -float("inf")]), sum([float("inf"), 1e308]))
