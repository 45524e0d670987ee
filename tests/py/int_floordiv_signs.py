for a in range(-7, 8, 3):
    for b in (-3, -2, 2, 3):
        print(a, b, a // b, a % b, -(-a // b))
