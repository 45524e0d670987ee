"""Arithmetic loops: integer add/mul/mod/xor/shift in while and for loops."""
N = 900_000


def mix(n):
    acc = 0
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        acc += (x >> 16) % 97
        acc ^= i & 0xFF
    return acc


def collatz_steps(limit):
    steps = 0
    n = 1
    while n < limit:
        m = n
        while m != 1:
            m = m // 2 if m % 2 == 0 else 3 * m + 1
            steps += 1
        n += 1
    return steps


print("checksum", mix(N), collatz_steps(N // 60))
