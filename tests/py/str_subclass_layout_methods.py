# str subclasses: text stored after the instance __dict__ slot, methods, hashing, formatting.
class S(str):
    def shout(self):
        return self.upper() + "!"
class T(S):
    pass
a = S("héllo wörld")
b = T("😀 x")
a.tag = 1
print(a, b, a.shout(), b.shout(), len(a), a[1], a[::-1], a.tag, a == "héllo wörld", hash(a) == hash("héllo wörld"))
print(repr(a), repr(b), str(a), type(str(a)).__name__, a + b, b * 2, "%s|%r" % (a, b), f"{a:>15}|{b!r}", "{}".format(a))
print(a.split(), a.find("w"), "wö" in a, a.startswith("hé"), sorted([b, a, "m"]), max(a), a.title(), type(a.title()).__name__)
d = {a: 1}
print(d["héllo wörld"], d[a], isinstance(a, str), issubclass(T, str), type(a).__mro__)
print(S(), repr(S()), S(5), S(a), type(S(a)).__name__, S(a) is a, str(a) is a)
