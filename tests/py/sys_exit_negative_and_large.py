import sys
print("exit 255")
sys.exit(255)
