import sys
try:
    print("try")
    sys.exit(4)
finally:
    print("finally still runs")
