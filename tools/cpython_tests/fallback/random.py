"""A small `random` for interpreters without the standard library (used only when `import random` fails).

CPython's random.py needs its C core `_random` (the Mersenne Twister), so this module
has its own generator: xorshift64* (Vigna), a 64-bit state advanced by three
shift-xors and scaled by an odd constant; `random()` takes the top 53 bits. It gives
the API CPython's tests use (Random, seed, random, getrandbits, randrange, randint,
choice, choices, shuffle, sample); the sequences differ from CPython's, which these
tests do not depend on.
"""

_MASK64 = (1 << 64) - 1


class Random:
    def __init__(self, x=None):
        self.seed(x)

    def seed(self, a=None):
        if a is None:
            import time

            a = int(time.time() * 1_000_000)
        if not isinstance(a, int):
            a = hash(a)
        state = (a ^ 0x9E3779B97F4A7C15) & _MASK64
        self._state = state or 0x9E3779B97F4A7C15

    def _next64(self):
        x = self._state
        x ^= x >> 12
        x ^= (x << 25) & _MASK64
        x ^= x >> 27
        self._state = x
        return (x * 0x2545F4914F6CDD1D) & _MASK64

    def random(self):
        return (self._next64() >> 11) * (1.0 / (1 << 53))

    def getrandbits(self, k):
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        result = 0
        filled = 0
        while filled < k:
            result |= self._next64() << filled
            filled += 64
        return result & ((1 << k) - 1)

    def _randbelow(self, n):
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            if start <= 0:
                raise ValueError("empty range in randrange(%d)" % start)
            return self._randbelow(start)
        width = stop - start
        if step == 1:
            if width <= 0:
                raise ValueError("empty range in randrange(%d, %d)" % (start, stop))
            return start + self._randbelow(width)
        if step > 0:
            n = (width + step - 1) // step
        elif step < 0:
            n = (width + step + 1) // step
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range in randrange(%d, %d, %d)" % (start, stop, step))
        return start + step * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        n = len(population)
        if weights is None and cum_weights is None:
            return [population[self._randbelow(n)] for _ in range(k)]
        if cum_weights is None:
            cum_weights = []
            total = 0
            for w in weights:
                total += w
                cum_weights.append(total)
        total = cum_weights[-1]
        result = []
        for _ in range(k):
            x = self.random() * total
            lo, hi = 0, n - 1
            while lo < hi:
                mid = (lo + hi) // 2
                if x < cum_weights[mid]:
                    hi = mid
                else:
                    lo = mid + 1
            result.append(population[lo])
        return result

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        pool = list(population)
        n = len(pool)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = []
        for i in range(k):
            j = i + self._randbelow(n - i)
            pool[i], pool[j] = pool[j], pool[i]
            result.append(pool[i])
        return result


_inst = Random()
seed = _inst.seed
random = _inst.random
getrandbits = _inst.getrandbits
randrange = _inst.randrange
randint = _inst.randint
choice = _inst.choice
choices = _inst.choices
shuffle = _inst.shuffle
sample = _inst.sample
