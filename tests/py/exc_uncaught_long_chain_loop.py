def step(i):
    if i == 3:
        raise IndexError(f"step {i} out of range")
    return i
def run():
    results = []
    for i in range(5):
        try:
            results.append(step(i))
        except IndexError as e:
            raise RuntimeError("run aborted") from e
    return results
run()
