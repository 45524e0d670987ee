# An uncaught %-formatting error prints CPython's traceback.
values = (1, 2)
print("%d items" % (len(values),))
print("%d and %d and %d" % values)
