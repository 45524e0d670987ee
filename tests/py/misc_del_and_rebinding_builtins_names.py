list_ = list
list = "shadowed"
print(list, list_("ab"))
del list
print(list("cd"))
def type(x):
    return "fake type"
print(type(1))
del type
print(type(1).__name__)
