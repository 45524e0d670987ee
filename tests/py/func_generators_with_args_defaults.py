def countdown(n=3, *, step=1):
    while n > 0:
        yield n
        n -= step
print(list(countdown()), list(countdown(10, step=3)), list(countdown(step=2)))
g = countdown
print(g.__defaults__, g.__kwdefaults__)
