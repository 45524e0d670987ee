def cleanup():
    raise OSError("cleanup failed")
def work():
    try:
        [].pop()
    except IndexError:
        cleanup()
work()
