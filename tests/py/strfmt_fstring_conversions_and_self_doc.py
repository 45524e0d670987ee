class T:
    def __repr__(self):
        return "T-repr"
    def __str__(self):
        return "T-str"
    def __format__(self, spec):
        return f"T-format[{spec}]"
t = T()
print(f"{t} {t!s} {t!r} {t!a} {t:xyz} {t!r:>10} {t!s:*^9}")
print(f"{t=}", f"{t=!s}", f"{t=:spec}")
