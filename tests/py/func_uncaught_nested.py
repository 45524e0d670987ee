def level3(d):
    return d["missing"]["deeper"]
def level2(d):
    return level3(d) + 1
def level1():
    data = {"present": 1}
    return level2(data)
level1()
