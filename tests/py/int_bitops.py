for a, b in [(12, 10), (-12, 10), (255, -1), (0, 7)]:
    print(a & b, a | b, a ^ b, a << 3, a >> 2)
print((5).bit_length(), (-5).bit_length(), (0).bit_length(), (255).bit_count(), (-255).bit_count())
print(1 << 0, 1 << 62, 1 << 63, 1 << 64)
print(-1 >> 100, 1 >> 100)
