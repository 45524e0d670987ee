l = []
print(l.append == l.append, l.append != l.append, l.append == [].append, l.append != [].append, l.append == l.pop, l.append != l.pop)
print(hash(l.append) == hash(l.append), l.append.__name__, l.append.__self__ is l)
try: l.append < l.append
except TypeError as e: print(e)
print(len == len, len == abs, (1).__add__ == (1).__add__, (1).__add__ == (2).__add__)
d = {l.append: 1}
print(d[l.append], l.append in {l.append}, [].append in {l.append})
s = "ab"
print(s.upper == s.upper, s.upper == "ab".lower)
