process = lambda items: [1 / x for x in items]
def run():
    return process([1, 2, 0, 4])
print("start")
run()
