// Nothing: Node's own start-up, the yardstick for samkost's.
