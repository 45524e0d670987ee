import sys
def finish(code):
    print("finishing with", code)
    sys.exit(code)
def main():
    try:
        finish(5)
    finally:
        print("main finally")
main()
