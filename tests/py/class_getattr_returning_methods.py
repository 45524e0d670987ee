class Proxy:
    def __init__(self, target):
        self._target = target
        self.calls = []
    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapper(*a, **k):
                self.calls.append(name)
                return attr(*a, **k)
            return wrapper
        return attr
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.calls, p.index(2), p.calls)
try:
    p.nonexistent
except AttributeError as e:
    print(e)
try:
    len(p)
except TypeError as e:
    print(e)
