"""Recursion with lists and sets: counting solutions of the n-queens problem by backtracking."""
N = 10


def solve(n):
    count = 0
    cols, diag1, diag2 = set(), set(), set()

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            if c in cols or row + c in diag1 or row - c in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            place(row + 1)
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    place(0)
    return count


print("checksum", [solve(k) for k in range(4, N + 2)])
