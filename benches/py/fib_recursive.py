"""Recursive calls: naive Fibonacci (Python-to-Python call overhead)."""
N = 31


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for k in range(N - 3, N + 1):
    total += fib(k)
print("checksum", total)
