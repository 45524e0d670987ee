row = {"name": "widget", "qty": 7, "price": 3.5}
print("%(name)-10s|%(qty)5d|%(price)8.2f|" % row)
for r in [("apple", 3, 0.5), ("banana bread", 12, 12.25), ("é", 0, 0)]:
    print("%-12s %4d %7.2f" % r)
print("%c%c%c" % (72, "i", 33), "%5s|%-5s|%.1s" % ("ab", "cd", "ef"), "%x %o %X" % (3.0 and 255, 8, 3054))
try:
    "%d" % 3.7
    print("%d" % 3.7, "%i" % -3.7, "%x" % 255)
    "%x" % 3.5
except TypeError as e:
    print(e)
