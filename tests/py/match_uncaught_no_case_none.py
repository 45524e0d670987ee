def area(shape):
    match shape:
        case ("square", s):
            result = s * s
        case ("rect", w, h):
            result = w * h
    return result
print(area(("square", 3)))
print(area(("circle", 1)))
