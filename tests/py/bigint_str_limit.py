import sys
print(sys.get_int_max_str_digits())
x = 10 ** 4299
print(len(str(x)))
y = 10 ** 4300
try:
    str(y)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(int("1" * 4300) % 1000)
print(hex(y)[:10])
