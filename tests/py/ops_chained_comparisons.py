calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) != v(2) is not None, calls)
print(1 < 2 > 1, 1 < 2 > 3, 5 in [5] == True, (5 in [5]) == True, "a" < "b" <= "b" < "c")
x = 5
print(1 <= x <= 10, 1 <= x <= 4, x == 5 == 5.0, 2 < x != 5)
