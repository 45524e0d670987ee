row = ("widget", 3)
print("%s x%d" % row)
print("%s x%d cost %.2f" % row)
