"""`qa bench`: how fast the assistant indexes and answers, and how it scales.

builtin    the built-in corpus against the LangChain tutorial pipeline, in one run
scale      synthetic corpora of N chunks: the answer path and the vector index
synthetic  synthetic indexes made from a real one
worker     the scale workers, each in a process of its own
records    the typed results and their JSON
system     memory (/proc), the machine, timed rounds
show       tables and the JSON file
"""
