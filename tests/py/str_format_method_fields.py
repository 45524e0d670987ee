# str.format / format_map: fields, auto/manual numbering, attributes, items, conversions, nested specs.
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Pt(" + str(self.x) + ", " + str(self.y) + ")"
p = Pt(1, 2)
print("{} {} {}".format(1, "a", 2.5), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0.x},{0.y} {p.x} {0!r} {0!s} {l[1]} {d[k]} {d[k]!r:>5}".format(p, p=p, l=[10, 20], d={"k": "v"}))
print("{:>{w}} {:.{p}f} {:{f}^{w}}".format("r", 3.14159, "c", w=7, p=2, f="*"), "{{literal}} {{{0}}}".format(9))
print("{!a} {!r} {!s:>4}|".format("é", "é", "é"), "{0:{1}}".format(3.5, "08.2f"), "{:%}".format(0.5))
print("{:,} {:_b} {:#o} {:+.2e} {:=+8} {:c}".format(1234567, 10, 8, 12345.6789, -3, 97))
print("{a}{b}".format_map({"a": 1, "b": 2}), "{0[0]}".format("xy"), "{[1]}".format([5, 6]), "{0[-1]}".format({"-1": "neg"}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{known} {unknown}".format_map(Default(known="k")), "".format(1, 2, a=3), "plain".format_map({}))
for bad in [lambda: "{}".format(), lambda: "{0}{}".format(1, 2), lambda: "{}{0}".format(1, 2), lambda: "{".format(),
            lambda: "}".format(), lambda: "{a}".format(), lambda: "{0.z}".format(1), lambda: "{0[5]}".format([]),
            lambda: "{!x}".format(1), lambda: "{:x}".format("a"), lambda: "{0!}".format(1), lambda: "{0!rr}".format(1),
            lambda: "{0[}".format(1), lambda: "{0.}".format(1), lambda: "{:{:{}}}".format(1, 2, 3), lambda: "{a}".format_map(1),
            lambda: "{a}".format_map({}), lambda: "{0}".format_map({}), lambda: "a".format_map(), lambda: "{0]}".format(1),
            lambda: "{:d}".format(1.5), lambda: "{0[0]}".format(5), lambda: "{0:{1}}".format(1, 2.5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
