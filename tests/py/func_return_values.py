def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c, multi())
def early(x):
    if x:
        return "early"
    print("fell through")
print(early(1), early(0))
def nested_ret():
    for i in range(10):
        for j in range(10):
            if i * j == 12:
                return i, j
print(nested_ret())
def implicit():
    x = 1
print(implicit())
