for v in [0, 1, 2, 3, 7, 8, 255, 256, -1, -256, -257, 2 ** 64, 2 ** 64 - 1, -(2 ** 64)]:
    print(v, v.bit_length(), v.bit_count(), bin(v))
