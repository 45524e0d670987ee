import sys
runs = getattr(sys, "imp_counter_runs", 0) + 1
sys.imp_counter_runs = runs
print("imp_counter run", runs)
