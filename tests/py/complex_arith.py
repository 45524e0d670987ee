a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, -a, a == 3 + 4j, a != b, a * 2, 2 / a, a + 1.5, abs(a), a.conjugate())
print((1j) ** 2 == -1, 1j ** 0, 0j ** 0, (2 + 0j) ** 10, pow(1j, 3))
try:
    0j ** -1
except ZeroDivisionError as e:
    print(e)
try:
    a % 2
except TypeError as e:
    print(e)
try:
    a // 2
except TypeError as e:
    print(e)
try:
    int(a)
except TypeError as e:
    print(e)
