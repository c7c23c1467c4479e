print("GlossBench: see make bench")
