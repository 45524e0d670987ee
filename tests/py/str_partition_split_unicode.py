s = "αβγ—δεζ—ηθ"
print(s.split("—"), s.partition("—"), s.rpartition("—"), s.rsplit("—", 1), s.split("—", maxsplit=0))
print("a\u2028b\u2029c\x1cd\x85e".splitlines(), "x\u3000y\u00a0z".split(), "a  b".split(" "))
