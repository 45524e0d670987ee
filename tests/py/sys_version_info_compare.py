import sys
v = sys.version_info
print(v >= (3, 13), v < (4,), v[:2] >= (3, 0), len(v), v.releaselevel in ("alpha", "beta", "candidate", "final"), isinstance(v.micro, int))
print(sys.hexversion > 0x030d0000, isinstance(sys.version, str), sys.float_info.max == 1.7976931348623157e308, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info.bits_per_digit in (15, 30), sys.maxunicode, sys.getdefaultencoding())
