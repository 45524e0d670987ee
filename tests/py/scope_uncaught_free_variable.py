def make():
    def inner():
        return value
    result = inner()
    value = 1
    return result
make()
