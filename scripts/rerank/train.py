"""Trains naqib's reranker from naqib-search --features lines and writes
its model (lib/rank/model.c reads it).  Run by scripts/rerank/train,
which says what data it is given.

Two models: a pairwise linear one (logistic regression on the differences
of standardized features of the relevant hit and each other hit of its
query), and shallow gradient-boosted trees (xgboost rank:pairwise).  One
query in ten, by a hash of its id, is kept aside to compare them with the
first stage's order: MRR@10 of the relevant hit."""
import argparse
import hashlib
import json
import sys
import time

import numpy as np

FEATURES = 22  # naqib-search --list features


def read(path, qrels):
    rel = {}
    with open(qrels, encoding="utf-8") as f:
        for line in f:
            qid, _, doc, r = line.split()
            if int(r) > 0:
                rel.setdefault(qid, set()).add(doc)
    qids, rows, labels, names = [], [], [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            head, _, doc = line.rstrip("\n").partition(" # ")
            parts = head.split()
            qid = parts[1][4:]
            x = [0.0] * FEATURES
            for p in parts[2:]:
                k, v = p.split(":")
                x[int(k) - 1] = float(v)
            qids.append(qid)
            rows.append(x)
            labels.append(1 if doc in rel.get(qid, ()) else 0)
    return np.array(qids), np.array(rows, dtype=np.float32), np.array(labels)


def groups(qids):
    """The start of each query's run of rows, and its end."""
    starts = [0] + [i for i in range(1, len(qids)) if qids[i] != qids[i - 1]]
    return list(zip(starts, starts[1:] + [len(qids)]))


def mrr(scores, labels, spans):
    total = 0.0
    for a, b in spans:
        order = np.argsort(-scores[a:b], kind="stable")[:10]
        hit = np.nonzero(labels[a:b][order])[0]
        total += 1.0 / (hit[0] + 1) if len(hit) else 0.0
    return total / len(spans)


def held_out(qid):
    return hashlib.md5(qid.encode()).digest()[0] % 10 == 0


def linear(x, y, spans):
    from sklearn.linear_model import LogisticRegression

    shift = x.mean(axis=0)
    sd = x.std(axis=0)
    scale = np.where(sd > 1e-9, 1 / np.where(sd > 1e-9, sd, 1), 0)
    z = (x - shift) * scale
    diffs = []
    for a, b in spans:
        pos = np.nonzero(y[a:b])[0]
        if not len(pos):
            continue
        p = z[a + pos[0]]
        diffs.append(p - np.delete(z[a:b], pos, axis=0))
    d = np.vstack(diffs)
    d = np.vstack([d, -d])
    t = np.r_[np.ones(len(d) // 2), np.zeros(len(d) // 2)]
    m = LogisticRegression(fit_intercept=False, C=1.0, max_iter=1000)
    m.fit(d, t)
    return shift, scale, m.coef_[0]


def trees(x, y, qids, spans, n_trees, depth, margin=None, objective="rank:pairwise"):
    import xgboost as xgb

    d = xgb.DMatrix(x, label=y)
    d.set_group([b - a for a, b in spans])
    if margin is not None:
        d.set_base_margin(margin)
    params = {
        "objective": objective,
        "eta": 0.1,
        "max_depth": depth,
        "min_child_weight": 1,
        "subsample": 1.0,
        "base_score": 0.0,
        "tree_method": "hist",
        "nthread": 1,
        "seed": 0,
    }
    return xgb.train(params, d, num_boost_round=n_trees,
                     evals=[(d, "train")], verbose_eval=50)


def tree_lines(booster):
    """Each tree in the model file's form: nodes numbered in preorder, so
    that children come after their node."""
    out = []
    for dump in booster.get_dump(dump_format="json"):
        tree = json.loads(dump)
        nodes = []

        def walk(n):
            me = len(nodes)
            nodes.append(None)
            if "leaf" in n:
                nodes[me] = "leaf %d %r" % (me, float(np.float32(n["leaf"])))
                return me
            kids = {c["nodeid"]: c for c in n["children"]}
            yes = walk(kids[n["yes"]])
            no = walk(kids[n["no"]])
            f = int(n["split"][1:])
            t = float(np.float32(n["split_condition"]))
            nodes[me] = "node %d %d %r %d %d" % (me, f, t, yes, no)
            return me

        walk(tree)
        out.append("tree %d" % len(nodes))
        out.extend(nodes)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", required=True)
    ap.add_argument("--qrels", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--kind", default="both", choices=["both", "trees", "linear"])
    ap.add_argument("--objective", default="rank:pairwise")
    ap.add_argument("--every", default="4")
    ap.add_argument("--trees", type=int, default=200)
    ap.add_argument("--depth", type=int, default=4)
    a = ap.parse_args()

    t0 = time.time()
    qids, x, y = read(a.features, a.qrels)
    all_spans = groups(qids)
    keep = [s for s in all_spans if y[s[0]:s[1]].any()]
    n_queries = len(all_spans)
    print("train.py: %d queries searched, %d with their article in the "
          "top 100" % (n_queries, len(keep)), file=sys.stderr)

    def subset(spans):
        idx = np.concatenate([np.arange(a, b) for a, b in spans])
        q = qids[idx]
        return q, x[idx], y[idx], groups(q)

    tr = [s for s in keep if not held_out(qids[s[0]])]
    va = [s for s in keep if held_out(qids[s[0]])]
    qt, xt, yt, st = subset(tr)
    qv, xv, yv, sv = subset(va)

    first = mrr(xv[:, 0] - 1e-6 * xv[:, 1], yv, sv)
    shift, scale, w = linear(xt, yt, st)
    lin = mrr(((xv - shift) * scale) @ w, yv, sv)
    print("train.py: held-out MRR@10: first stage %.4f, linear %.4f"
          % (first, lin), file=sys.stderr)
    booster = None
    if a.kind != "linear":
        import xgboost as xgb
        both = a.kind == "both"
        mt = ((xt - shift) * scale) @ w if both else None
        mv = ((xv - shift) * scale) @ w if both else np.zeros(len(xv))
        booster = trees(xt, yt, qt, st, a.trees, a.depth, mt, a.objective)
        dv = xgb.DMatrix(xv)
        gb = mrr(mv + booster.predict(dv, output_margin=True) - 0.0, yv, sv)
        print("train.py: held-out MRR@10: %s %.4f" % (a.kind, gb), file=sys.stderr)

    names = ("score rank bm25 dlh lm tfidf lead title matched_idf matched "
             "exact pairs_adjacent pairs_near window first unions places "
             "terms days length query_length idf_max").split()
    assert len(names) == FEATURES
    lines = [
        "# naqib reranker model (naqib-search --rerank), written by",
        "# scripts/rerank/train --kind %s --every %s: do not edit." % (a.kind, a.every),
        "# Trained on train-headlines only (every %sth query: %d searched, "
        "%d with" % (a.every, n_queries, len(keep)),
        "# their article in the first stage's top 100), features of the top 100 of",
        "# the default ranking; %d queries of those (one in ten, by a hash of the"
        % len(va),
        "# id) held out: MRR@10 first stage %.4f, linear %.4f%s."
        % (first, lin, ", %s %.4f" % (a.kind, gb) if booster else ""),
        "naqib-rerank 1",
        "features " + " ".join(names),
    ]
    if a.kind != "trees":
        fmt = lambda v: " ".join("%.9g" % t for t in v)
        lines += ["shift " + fmt(shift), "scale " + fmt(scale),
                  "linear 0 " + fmt(w)]
    if booster is not None:
        tl = tree_lines(booster)
        lines.append("trees %d 0" % sum(1 for l in tl if l.startswith("tree ")))
        lines += tl
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("train.py: wrote %s in %.0f s" % (a.out, time.time() - t0),
          file=sys.stderr)


if __name__ == "__main__":
    main()
