class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return f"${self.v:.2f}"
        return format(self.v, spec)
    def __str__(self):
        return f"Money({self.v})"
    def __repr__(self):
        return "Money!"
m = Money(3.5)
print(f"{m:usd} {m:>8} {m} {m!r} {m!s}", "{:usd}".format(m), format(m, ".1f"))
class Plain:
    pass
try:
    format(Plain(), "x")
except TypeError as e:
    print(e)
print(format(Plain(), "") [:10] == str(Plain())[:10])
