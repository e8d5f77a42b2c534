#!/usr/bin/env python3
"""scikit-learn reference times for `bench topics`: NMF (multiplicative updates) and LDA (batch
variational Bayes) at K topics on the generated tweets that `bench topics --export FILE` writes.

    java -jar target/signalbench.jar bench topics --iterations 1 --threads 1 --export /tmp/tweets.txt
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/topics_sklearn.py /tmp/tweets.txt [ITERATIONS] [K]

Debian's python3-sklearn (1.2.1 on Debian 12); there is no Python package index here.
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from sklearn.decomposition import NMF, LatentDirichletAllocation  # noqa: E402
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer  # noqa: E402


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return f.read().strip()
    except OSError:
        return "unknown"


def main():
    path = sys.argv[1]
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    with open(path) as f:
        docs = [line.rstrip("\n") for line in f]
    # Tokens are already split; keep them as they are (the Java side's TF-IDF has the same defaults).
    counts = CountVectorizer(token_pattern=r"\S+", lowercase=False).fit_transform(docs)
    tfidf = TfidfTransformer().fit_transform(counts)
    print(f"{counts.shape[0]} documents, {counts.shape[1]} words; load average {load_average()}")
    cpu, wall = time.process_time(), time.time()
    NMF(n_components=k, solver="mu", init="random", max_iter=iterations, tol=0, random_state=1).fit(tfidf)
    print(f"NMF mu K={k}, {iterations} iterations: {time.time() - wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU")
    cpu, wall = time.process_time(), time.time()
    LatentDirichletAllocation(n_components=k, max_iter=iterations, learning_method="batch",
                              doc_topic_prior=50.0 / k, topic_word_prior=0.01, random_state=1, n_jobs=1).fit(counts)
    print(f"LDA batch variational K={k}, {iterations} iterations: {time.time() - wall:.1f} s wall, "
          f"{time.process_time() - cpu:.1f} s CPU; load average {load_average()}")


if __name__ == "__main__":
    main()
