scores = {"a": 1, "b": 2, "c": 3}
for name in scores:
    if scores[name] == 2:
        scores[name + "x"] = 0
