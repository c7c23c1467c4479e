(self.glossSearch=self.glossSearch||{})["manifest"]={"chunks":[["000",14345]],"documents":25,"maxPrefixChunks":2,"minPrefix":2,"pageSize":10,"shards":"KLE","version":2};
