class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.pop(), isinstance(s, list), type(s).__name__, s + [9], type(s + [9]).__name__, s[::-1], type(s[:]).__name__)
class Logging(list):
    def append(self, x):
        print("append", x)
        super().append(x)
    def __repr__(self):
        return "Logging" + super().__repr__()
l = Logging()
l.append(1); l.extend([2]); l += [3]
print(l, sorted(l, reverse=True))
