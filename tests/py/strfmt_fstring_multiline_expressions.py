data = {"a": [1, 2, 3], "b": {"c": 4}}
print(f"""sum={sum(
    data["a"]
)} c={data["b"]["c"]
} len={len(data):>3}""")
name = "x"
print(f"{name!r:{'^'}{10}}|{'}' + '{'}|{'{'}{{}}")
