print("about to raise")
raise KeyboardInterrupt
