print([1, [2, 3]] == [1, [2, 3]], [1, [2, 3]] < [1, [2, 4]], [[]] < [[0]], [1, 2, 3] > [1, 2], [float("nan")] == [float("nan")])
n = float("nan")
print([n] == [n], [n] < [n], [n, 1] < [n, 2])
class Eq:
    calls = 0
    def __eq__(self, o):
        Eq.calls += 1
        return True
e = Eq()
print([e, e] == [1, 2], Eq.calls, [e] == [e], Eq.calls)
