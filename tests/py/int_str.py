print(str(0), str(-0), repr(123), str(10 ** 30), hex(255), oct(8), bin(5), hex(-255), bin(-5))
print(format(255, "x"), format(255, "#X"), format(255, "08b"), format(1234567, ","), format(1234567, "_"))
print(format(42, "+d"), format(42, " d"), format(-42, "d"), format(42, "^10"), format(42, "*<6"))
print(format(123456789, "_x"), format(10, "o"), format(65, "c"), format(1234, "e"), format(1234, "%"))
