# format() / __format__ of int: every presentation type, grouping, alignment, sign, '#', '0'.
nums = [0, 7, -7, 255, -255, 1234567, -1234567, 10**20, -(10**25)]
specs = ["", "d", "5d", "<8d", "^9", ">+8", "=+8", "08", "+08", " d", ",", "_", "_x", "_b", "#x", "#X", "#o", "#b", "x", "X",
         "o", "b", "n", "c", "*^12,", "e", ".2f", "%", "g", ".3G", "#012_b", "-^+10", "010,", "F", "E", ".1%", "#10x"]
for n in nums:
    row = []
    for spec in specs:
        try:
            row.append(format(n, spec))
        except Exception as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(n, row)
print(format(True), format(True, "d"), format(False, ">5"), format(True, "x"), f"{True:^7}|", int.__format__(5, "03"))
for bad in [lambda: format(1, "q"), lambda: format(1, ",x"), lambda: format(1, "_n"), lambda: format(1, "c,"),
            lambda: format(1, ".2d"), lambda: format(1, ".2"), lambda: format(1, "zd"), lambda: format(-1, "c"),
            lambda: format(0x110000, "c"), lambda: format(1, "+c"), lambda: format(1, "#c"), lambda: format(1, ",_"),
            lambda: format(1, "=s"), lambda: format(1, 2), lambda: int.__format__(1, 1), lambda: format(1, "1" * 30),
            lambda: format(1, "xx"), lambda: format(), lambda: format(1, "", 3)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
