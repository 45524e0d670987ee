calls = []
class Hinted:
    def __init__(self, n): self.n = n
    def __iter__(self): return iter(range(self.n))
    def __length_hint__(self):
        calls.append("hint")
        return self.n
print(list(Hinted(3)), tuple(Hinted(2)), calls)
l = [0]; l.extend(Hinted(2)); print(l, calls)
class Sized:
    def __iter__(self): return iter("ab")
    def __len__(self):
        calls.append("len")
        return 2
print(list(Sized()), calls)
class BadLen:
    def __iter__(self): return iter("ab")
    def __len__(self): raise TypeError("no")
print(list(BadLen()))
class RaisingHint:
    def __iter__(self): return iter("ab")
    def __length_hint__(self): raise ValueError("boom")
try: list(RaisingHint())
except ValueError as e: print("ValueError", e)
class NIHint:
    def __iter__(self): return iter("xy")
    def __length_hint__(self): return NotImplemented
print(list(NIHint()))
class StrHint:
    def __iter__(self): return iter("xy")
    def __length_hint__(self): return "3"
try: tuple(StrHint())
except TypeError as e: print(e)
class NegHint:
    def __iter__(self): return iter("xy")
    def __length_hint__(self): return -1
try: list(NegHint())
except ValueError as e: print(e)
print(set(RaisingHint()) == {"a", "b"})
