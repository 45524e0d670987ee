d = {"apple": 1}
for key in ["apple", "banana", 42, (1, 2), None]:
    try:
        print(d[key])
    except KeyError as e:
        print("KeyError", repr(e), e.args)
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
try:
    {[]: 1}
except TypeError as e:
    print(e)
