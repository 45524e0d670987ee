data = [3, 1, 4, 1, 5, 9, 2, 6]
i = 0
while (val := data[i]) != 9:
    i += 1
print("found 9 at", i, val)
stack = [1, 2, 3]
while stack and (top := stack.pop()) > 1:
    print("popped", top)
print(stack, top)
print([(x, y) for x in range(4) if (y := x * x) % 2])
