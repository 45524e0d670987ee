class C:
    data = [1, 2, 3]
    squares = [x * x for x in data]
    limit = 2
    try:
        filtered = [x for x in data if x > limit]
    except NameError as e:
        filtered = f"NameError: {e}"
print(C.squares, C.filtered)
