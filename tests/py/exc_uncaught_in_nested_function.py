def outer():
    def middle():
        def inner():
            return missing_variable + 1
        return inner()
    return middle()
outer()
