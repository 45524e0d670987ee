d = {}
d["self"] = d
d["list"] = [d]
print(d)
print(repr({}), {1: {2: {3: {}}}}, {"é": "ü", 'q"': "'"})
class K:
    def __repr__(self):
        return "K()"
print({K(): K()} if False else {1: K()})
