primes = set()
for n in range(2, 3000):
    if all(n % p for p in primes if p * p <= n):
        primes.add(n)
print(len(primes), 2999 in primes, 2971 in primes, sum(primes), max(primes), min(primes))
evens = {x for x in range(0, 3000, 2)}
print(len(primes & evens), sorted(primes - set(range(2900)))[:5])
