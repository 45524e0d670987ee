for v in [0, 999, 1000, -1234567, 10 ** 12, 1234.5678, -0.5, 1e16]:
    print(f"{v:,}|{v:_}|{v:,.2f}|{v:_.1f}|{v:15,}|{v:<15_}|{v:+,}")
print(f"{0xabcdef:_x}|{0b11111111:_b}|{255:_o}|{1234567:_d}")
try:
    f"{1:,x}"
except ValueError as e:
    print(e)
try:
    f"{1:_,}"
except ValueError as e:
    print(e)
