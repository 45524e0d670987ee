print("imp_raises starts")
PARTIAL = 1
raise KeyError("imp_raises failed")
