data = [5, 4, 0, 3]
it = iter(data.pop, 0) if False else iter(lambda: data.pop(), 0)
print(list(it), data)
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 4)))
try:
    iter(5, 0)
except TypeError as e:
    print(e)
