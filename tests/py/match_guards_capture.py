def classify(pair):
    match pair:
        case (x, y) if x == y:
            return "equal"
        case (x, y) if x > y:
            return f"first bigger by {x - y}"
        case (x, _) as whole:
            return f"other {whole} x={x}"
for p in [(1, 1), (5, 2), (1, 9)]:
    print(classify(p))
match 42:
    case n:
        print("bound", n)
x = "unchanged"
match (1, 2):
    case (x, 3):
        print("no")
    case _:
        print("x after failed match:", x)
class Color:
    RED = "red"
    GREEN = "green"
for c in ["red", "green", "blue"]:
    match c:
        case Color.RED:
            print("is red")
        case Color.GREEN:
            print("is green")
        case other:
            print("other", other)
