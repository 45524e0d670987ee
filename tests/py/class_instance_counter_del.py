class Tracked:
    live = 0
    def __init__(self, n):
        self.n = n
        Tracked.live += 1
    def __del__(self):
        Tracked.live -= 1
        print("del", self.n)
a = Tracked(1)
b = Tracked(2)
print(Tracked.live)
del a
print(Tracked.live)
b = None
print(Tracked.live)
items = [Tracked(i) for i in range(3, 5)]
items.clear()
print("end", Tracked.live)
