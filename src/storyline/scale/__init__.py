"""Scaling out: the same per-document pipeline in a process pool and on Apache Spark.

    pool.process_many(raw_inputs, workers)    one machine, several processes, order kept
    spark.run(inputs, output, master=...)     Spark: WARC/JSONL/HTML/text -> one Parquet dataset per record kind
    load.load(output, store)                  that Parquet output -> a store, idempotently

The Spark job gives the per-document records `storyline ingest` would store for the same inputs
(same ids, same fields): it reuses the source readers, the pipeline and `store.records`, and only
adds the grouping around them. Linking across documents runs in the store once `load` has loaded
them (it calls `link.link_new`), so after a load the store holds what ingest then linking gives. Importing this package
imports nothing heavy; pyspark is imported inside the functions that need it.
"""
