print([1, 2] + [3], [0] * 3, 2 * [1, 2], [1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], 2 in [1, 2], 5 not in [1])
a = [1]; a += [2, 3]; a *= 2; print(a)
nested = [[0] * 2] * 2; nested[0][0] = 1; print(nested)
ok = [[0] * 2 for _ in range(2)]; ok[0][0] = 1; print(ok)
print(list(), list("ab"), list(range(3)), list({1: 2}), list((4, 5)))
try:
    [1] + (2,)
except TypeError as e:
    print(e)
try:
    [1, "a"] < ["a", 1]
except TypeError as e:
    print(e)
