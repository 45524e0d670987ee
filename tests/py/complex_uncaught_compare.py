values = [3 + 4j, 1 + 1j]
print(sorted(values, key=abs))
print(sorted(values))
