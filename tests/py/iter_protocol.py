class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(4)), sum(Countdown(5)), max(Countdown(3)), 2 in Countdown(5))
it = iter([1, 2])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
class Old:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(Old()), [x for x in Old()])
calls = iter(lambda: calls_list.pop(), 0)
calls_list = [0, 3, 2, 1]
print(list(calls))
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
