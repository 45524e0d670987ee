t = tuple(range(30))
print(t)
print(((((),),),), (1, (2, (3, (4,)))), ("a", ("b",)))
print(tuple([[]] * 3), str((None, True, 1.0, "x", b"y")))
