print(1_000, 0x_ff, 0b_1010_1010, 0o_777, 1_0.5, 1e1_0, 0xDEAD_BEEF, 1_2j)
print(int("1_2_3"), float("1_2.3_4"), f"{1000000:_}", f"{0xfffff:_x}")
for bad in ["_1", "1_", "1__2", "0x_"]:
    try:
        int(bad, 0)
    except ValueError as e:
        print(e)
