def ratio(a, b):
    return a / b
print(ratio(3 + 4j, 1j))
print(ratio(1 + 1j, 0j))
