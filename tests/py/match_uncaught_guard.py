def classify(v):
    match v:
        case int(n) if n / (n - 3) > 1:
            return "big"
        case int():
            return "int"
print(classify(5))
print(classify(3))
