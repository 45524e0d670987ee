import sys
big = 1 << 20000
print(len(hex(big)), len(bin(big)), len(oct(big)))
print(int("f" * 5000, 16).bit_length())
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4500)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)))
sys.set_int_max_str_digits(4300)
try:
    print(f"{10 ** 5000}")
except ValueError as e:
    print(e)
