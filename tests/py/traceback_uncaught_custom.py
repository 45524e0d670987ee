class AppError(Exception):
    pass
print("before")
raise AppError("something failed")
