commands = [
    {"op": "move", "args": {"x": 1, "y": 2}},
    {"op": "say", "args": ["hello", "world"]},
    {"op": "quit"},
    {"op": "move", "args": {"x": 0}},
    ["raw", 1, 2],
    ("point", (3, 4)),
]
for cmd in commands:
    match cmd:
        case {"op": "move", "args": {"x": x, "y": y}}:
            print("move to", x, y)
        case {"op": "say", "args": [*words]}:
            print("say", " ".join(words))
        case {"op": "quit"}:
            print("quit")
        case {"op": op, "args": args}:
            print("incomplete", op, args)
        case ["raw", *nums]:
            print("raw", sum(nums))
        case ("point", (x, y)):
            print("point", x * y)
