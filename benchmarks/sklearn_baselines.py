#!/usr/bin/env python3
"""scikit-learn reference times for `signalbench bench baselines`.

Reads an export written by `bench baselines --export DIR` (manifest.json plus, per variant and
document-frequency floor, the svmlight TF-IDF matrices of every fold's training and test part, the
very matrices SignalBench trained on), and for every (model, variant) in the manifest times
scikit-learn's counterpart over the same folds with the same hyperparameters, one core:

  dt      DecisionTreeClassifier(criterion="gini")
  rf      RandomForestClassifier(n_estimators=trees, max_features="sqrt", bootstrap=True, n_jobs=1)
  svm     LinearSVC(penalty="l2", loss="squared_hinge", dual=True)
  libsvm  SVC(kernel, C, gamma)

Tribuo's minChildWeight (a node with less weight is not split; children may be smaller) is
scikit-learn's min_samples_split. The time of a (model, variant) is fit + decision_function /
predict_proba + predict summed over the folds (wall and process CPU time); reading the files is
not timed. Prints JSON:
{"sklearn": version, "python": version, "rows": [{"model", "variant", "seconds", "cpuSeconds", "f1", "aucPooled"}]}.

Usage: python3 benchmarks/sklearn_baselines.py DIR [--only MODEL,...]
Needs scikit-learn (Debian/Ubuntu: apt-get install python3-sklearn; elsewhere pip install scikit-learn).
"""
import argparse
import json
import math
import os
import platform
import sys
import time

import numpy as np
import sklearn
from sklearn.datasets import load_svmlight_file
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.svm import SVC, LinearSVC
from sklearn.tree import DecisionTreeClassifier

UNLIMITED_DEPTH = 2147483647  # Integer.MAX_VALUE, SignalBench's "no depth limit"


def tree_settings(h):
    return {
        "criterion": "gini",
        "max_depth": None if h["maxDepth"] >= UNLIMITED_DEPTH else h["maxDepth"],
        "min_samples_split": max(2, math.ceil(h["minChildWeight"])),
    }


def make_model(model, h, seed):
    model = model.removeprefix("tribuo-")  # the Tribuo learners kept as tribuo-dt, tribuo-rf, tribuo-svm
    if model == "dt":
        return DecisionTreeClassifier(min_impurity_decrease=h["minImpurityDecrease"], random_state=seed,
                                      **tree_settings(h))
    if model == "rf":
        features = "sqrt" if h["featureFraction"] <= 0 else h["featureFraction"]
        return RandomForestClassifier(n_estimators=h["trees"], max_features=features, bootstrap=True, n_jobs=1,
                                      random_state=seed, **tree_settings(h))
    if model == "svm":
        return LinearSVC(penalty="l2", loss="squared_hinge", dual=True, C=h["cost"], tol=h["epsilon"],
                         max_iter=h["maxIterations"], random_state=seed)
    if model == "libsvm":
        return SVC(kernel=h["kernel"], C=h["cost"], gamma=h["gamma"] if h["gamma"] > 0 else "auto")
    raise SystemExit(f"unknown model '{model}' in the manifest")


def scores(fitted, x):
    """Dealer minus other, as SignalBench scores: decision values for SVMs, class-probability difference for trees."""
    if hasattr(fitted, "decision_function"):
        return fitted.decision_function(x)
    p = fitted.predict_proba(x)
    return p[:, 1] - p[:, 0]


def load_fold(folder, fold, features):
    name = f"fold-{fold + 1:02d}"
    train = load_svmlight_file(os.path.join(folder, name + "-train.svmlight"), n_features=features, zero_based=False)
    test = load_svmlight_file(os.path.join(folder, name + "-test.svmlight"), n_features=features, zero_based=False)
    return train, test


def run(export, entry, matrices, folds, seed):
    m = matrices[entry["matrices"]]
    folder = os.path.join(export, entry["matrices"])
    seconds = 0.0
    cpu_seconds = 0.0
    f1s = []
    truth_all, score_all = [], []
    for fold in range(folds):
        (x_train, y_train), (x_test, y_test) = load_fold(folder, fold, m["features"][fold])
        model = make_model(entry["model"], entry["hyperparameters"], seed + fold)
        start = time.perf_counter()
        cpu_start = time.process_time()
        model.fit(x_train, y_train)
        s = scores(model, x_test)
        predicted = model.predict(x_test)
        seconds += time.perf_counter() - start
        cpu_seconds += time.process_time() - cpu_start
        f1s.append(f1_score(y_test, predicted, zero_division=0))
        truth_all.append(y_test)
        score_all.append(s)
    truth = np.concatenate(truth_all)
    auc = roc_auc_score(truth, np.concatenate(score_all)) if 0 < truth.sum() < len(truth) else None
    return {"model": entry["model"], "variant": entry["variant"], "seconds": seconds, "cpuSeconds": cpu_seconds,
            "f1": float(np.mean(f1s)), "aucPooled": auc}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", help="folder written by `bench baselines --export DIR`")
    parser.add_argument("--only", help="comma-separated models to run (default: every model in the manifest)")
    args = parser.parse_args()
    with open(os.path.join(args.export, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    if manifest.get("format") != "signalbench-baselines-export 1":
        raise SystemExit(f"{args.export}/manifest.json: not a SignalBench baselines export")
    matrices = {m["path"]: m for m in manifest["matrices"]}
    only = set(args.only.split(",")) if args.only else None
    rows = []
    for entry in manifest["runs"]:
        if only is not None and entry["model"] not in only:
            continue
        row = run(args.export, entry, matrices, manifest["folds"], manifest["seed"])
        print(f"{row['model']} on {row['variant']}: {row['seconds']:.1f} s", file=sys.stderr, flush=True)
        rows.append(row)
    json.dump({"sklearn": sklearn.__version__, "python": platform.python_version(), "rows": rows}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
