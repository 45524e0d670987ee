class Transaction:
    def __enter__(self):
        print("begin")
        return self
    def __exit__(self, t, v, tb):
        print("rollback" if t else "commit", t.__name__ if t else "")
        return False
with Transaction():
    print("work")
with Transaction():
    raise RuntimeError("failed inside transaction")
