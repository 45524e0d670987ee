import sys
n = int("9" * 4300)
print(n % 1000, len(str(n)))
try:
    int("9" * 4301)
except ValueError as e:
    print(e)
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
print(int("1" * 5000, 16) > 0, len(hex(10 ** 5000)))
try:
    print(repr(10 ** 5000))
except ValueError as e:
    print("repr", e)
try:
    f"{10 ** 5000:d}"
except ValueError as e:
    print("format", e)
try:
    "%d" % (10 ** 5000)
except ValueError as e:
    print("percent", e)
