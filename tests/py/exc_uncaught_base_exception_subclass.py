class Stop(BaseException):
    pass
def run():
    try:
        raise Stop("custom base exception")
    except Exception:
        print("not caught by Exception")
run()
