data = ["1", "2", "three", "4"]
def convert(items):
    return [int(x) for x in items]
print(convert(data[:2]))
print(convert(data))
