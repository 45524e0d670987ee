import sys
print(type(sys.argv).__name__, len(sys.argv))
sys.argv.append("extra")
print(sys.argv[1:])
sys.argv[:] = ["prog", "-v"]
print(sys.argv)
