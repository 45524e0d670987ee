a, *b = [1]
print(a, b)
*a, b = "xy"
print(a, b)
a, *b, c = range(10)
print(a, b, c)
[*a] = ()
print(a)
a, (*b, c) = 1, (2, 3, 4)
print(a, b, c)
try:
    a, *b, c, d = [1, 2]
except ValueError as e:
    print(e)
