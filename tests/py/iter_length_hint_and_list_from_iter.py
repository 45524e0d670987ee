class Counted:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i
print(list(Counted(4)), tuple(Counted(2)), set(Counted(3)), dict.fromkeys(Counted(2)), sorted(Counted(3), reverse=True), "".join(map(str, Counted(5))))
