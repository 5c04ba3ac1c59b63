"""Scaling out: the same per-document pipeline in a process pool and on Apache Spark.

    pool.process_many(raw_inputs, workers)    one machine, several processes, order kept
    spark.run(inputs, output, master=...)     Spark: WARC/JSONL/HTML/text -> one Parquet dataset per record kind
    load.load(output, store)                  that Parquet output -> a store, idempotently

The Spark job reaches the records `storyline ingest` followed by linking would store for the same
inputs (same ids, same fields): it reuses the source readers, the pipeline, `store.records` and the
pure merge functions of `link/`, and only adds the grouping around them. Importing this package
imports nothing heavy; pyspark is imported inside the functions that need it.
"""
