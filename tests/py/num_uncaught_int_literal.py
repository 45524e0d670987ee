# int() of a bad literal: uncaught ValueError with CPython's message
values = ["12", " 7 ", "0x1f"]
total = 0
for v in values:
    total += int(v, 0)
    print(total)
print(int("12abc"))
