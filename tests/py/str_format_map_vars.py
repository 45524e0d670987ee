class Default(dict):
    def __missing__(self, k):
        return "{" + k + "}"
print("{name} is {age}".format_map(Default(name="Ann")), "{0}{1}{0}".format("ab", "cd"), "{:>{}}".format("x", 4))
p = {"x": 1, "y": 2}
print("{x}+{y}".format(**p), "{0[x]}".format(p), "{p[y]}".format(p=p))
print("%(x)s %(y)05.1f" % p, "%%s" % (), "%s" % [1, 2], "%s" % ((1, 2),), "%r" % "q")
