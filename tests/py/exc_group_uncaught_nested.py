def validate(item):
    errors = []
    if not item.get("name"):
        errors.append(ValueError("missing name"))
    if item.get("age", 0) < 0:
        errors.append(ValueError("negative age"))
    if errors:
        raise ExceptionGroup(f"item {item.get('id')} invalid", errors)
problems = []
for item in [{"id": 1, "name": "a"}, {"id": 2, "age": -1}, {"id": 3, "name": ""}]:
    try:
        validate(item)
    except ExceptionGroup as eg:
        problems.append(eg)
raise ExceptionGroup("validation failed", problems)
