try:
    raise ExceptionGroup("jobs", [ValueError("job 1"), TypeError("job 2"), ValueError("job 3")])
except* ValueError as g:
    print("handled", len(g.exceptions), "value errors")
