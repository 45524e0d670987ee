import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
m = __import__("shapes.util.consts")
print(m.__name__, m.util.consts.PI)
m2 = __import__("shapes.util.consts", fromlist=["PI"])
print(m2.__name__, m2.PI)
print(__import__("sys") is sys)
try:
    __import__("")
except ValueError as e:
    print(e)
