print("%s" % (1,), "%s" % [1, 2], "%s %s" % ("a", "b"), "%(a)s" % {"a": "mapped"}, "%%" % (), "%s" % {"k": 1})
try:
    print("%s %s" % "ab")
except TypeError as e:
    print(e)
try:
    print("%s" % ())
except TypeError as e:
    print(e)
print("%.3s|%5.1s|%-6r|" % ("abcdef", "xyz", "q"), "%c" % 0x1f600, "%s" % b"bytes", "%a" % "é")
