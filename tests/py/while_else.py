i = 0
while i < 3:
    i += 1
else:
    print("done", i)
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
    return -1
print(find([5, 6, 7], 7), find([], 1))
