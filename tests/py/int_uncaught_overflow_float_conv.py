import sys
n = 10 ** 400
print(n > 0)
print(float(n))
