"""Exceptions raised and caught: try/except/finally in loops, custom exception classes, re-raise."""
N = 600_000


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i


def wrapped(i):
    try:
        return risky(i)
    except KeyError:
        raise ValueError(i) from None


def run(n):
    total = 0
    finals = 0
    d = {}
    for i in range(n):
        try:
            total += wrapped(i)
        except AppError as e:
            total += e.code % 7
        except ValueError as e:
            total += 1
        finally:
            finals += 1
        try:
            total += d[i & 7]
        except KeyError:
            d[i & 7] = i & 3
    return total + finals


print("checksum", run(N))
