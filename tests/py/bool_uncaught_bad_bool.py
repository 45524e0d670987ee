class Flag:
    def __bool__(self):
        return "yes"
if Flag():
    print("never")
