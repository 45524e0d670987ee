def compute():
    results = [1, 2, 3]
    return sum(reslts)
compute()
