import sys
try:
    print("in try")
    sys.exit(3)
finally:
    print("finally runs")
