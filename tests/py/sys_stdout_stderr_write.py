import sys
n = sys.stdout.write("written directly\n")
print(n)
sys.stderr.write("error line\n")
sys.stdout.write("no newline")
sys.stdout.write("\n")
sys.stdout.flush()
