def outer():
    [inner_var := i for i in range(3)]
    return inner_var
print(outer())
total = 0
print([total := total + i for i in range(5)], total)
def counter():
    count = 0
    result = [count := count + 1 for _ in range(3)]
    return result, count
print(counter())
print(any((hit := x) > 2 for x in [1, 3, 5]), hit)
