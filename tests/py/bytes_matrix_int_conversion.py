# int.to_bytes / int.from_bytes over lengths, signedness and byte orders
for v in [0, 1, -1, 127, 128, -128, -129, 255, 256, 2**63, -2**63, 2**64 - 1]:
    row = []
    for n in [0, 1, 2, 8, 9]:
        for signed in [False, True]:
            for order in ["big", "little"]:
                try:
                    bs = v.to_bytes(n, order, signed=signed)
                    row.append(bs.hex() + ":" + str(int.from_bytes(bs, order, signed=signed)))
                except OverflowError as e:
                    row.append("OE")
    print(v, " ".join(row))
