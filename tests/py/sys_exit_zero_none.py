import sys
def main():
    print("main ran")
    return None
sys.exit(main())
