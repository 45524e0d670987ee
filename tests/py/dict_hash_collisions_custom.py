class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return isinstance(o, Key) and o.v == self.v
    def __repr__(self):
        return f"Key({self.v})"
d = {Key(i): i for i in range(20)}
print(len(d), d[Key(7)], Key(25) in d)
for i in range(0, 20, 2):
    del d[Key(i)]
print(list(d.values()), list(d)[:3])
d[Key(0)] = "back"
print(list(d.items())[-2:])
