def digits(n):
    return str(n)
print(len(digits(10 ** 100)))
print(digits(10 ** 5000))
