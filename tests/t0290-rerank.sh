#!/bin/sh
# The learned reranker: naqib-search --rerank (the built-in model, or a
# model file) reorders the first hits as its model says, --offset pages
# through the new order, --features writes what the model reads, and a
# bad model file is refused with its name and line.
. tests/lib.sh

db=$T/db
# Two texts for «الحوار الاجتماعي»: one says both words side by side (the
# first stage puts it first), the other says them often but never
# together.
{
	printf '{"id":"apart","body":"%s"}\n' \
		"الحوار مطلوب. الاجتماعي مهم. الحوار ضروري. الاجتماعي أساسي. الحوار دائم."
	printf '{"id":"together","body":"%s"}\n' \
		"دعت النقابة الحكومة إلى استئناف الحوار الاجتماعي في أقرب الآجال وتنفيذ الالتزامات السابقة المتعلقة بالأجور والترقية والتقاعد والحماية الاجتماعية للعمال والموظفين في القطاعين العام والخاص"
	printf '{"id":"other","body":"%s"}\n' "إضراب عمال النظافة بالمدينة"
} >"$T/docs.jsonl"
naqib_index -q -d "$db" -f jsonl "$T/docs.jsonl" || fail "indexing failed"
# A model that ranks by one feature: two query words side by side, last.
cat >"$T/adjacent.model" <<'EOF'
# ranks by adjacent pairs alone, the fewer first
naqib-rerank 1
features pairs_adjacent
linear 0 -1
EOF

first() { awk 'NR == 1 { print $3 }' "$T/out"; }

test_case 'the first stage puts the text with the words together first' <<'EOF'
run naqib_search -d "$db" -f trec --no-rerank 'الحوار الاجتماعي'
expect_status 0 "with --no-rerank"
expect_eq "$(first)" together "first with --no-rerank"
EOF

test_case '--rerank=FILE puts first what its model says' <<'EOF'
run naqib_search -d "$db" -f trec --rerank="$T/adjacent.model" 'الحوار الاجتماعي'
expect_status 0 "--rerank=FILE"
expect_eq "$(first)" apart "first with a model against adjacent pairs"
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 2 "both hits, none added"
EOF

test_case '--offset pages through the reranked order' <<'EOF'
run naqib_search -d "$db" -f trec -n 1 --offset 1 --rerank="$T/adjacent.model" 'الحوار الاجتماعي'
expect_status 0 "--offset 1"
expect_eq "$(first)" together "the second of the new order"
expect_eq "$(awk '{ print $4 }' "$T/out")" 2 "its rank"
EOF

test_case '--rerank-depth 1 reorders nothing' <<'EOF'
run naqib_search -d "$db" -f trec --rerank-depth 1 --rerank="$T/adjacent.model" 'الحوار الاجتماعي'
expect_eq "$(first)" together "the first stage's first kept"
EOF

test_case '--rerank with the built-in model runs' <<'EOF'
run naqib_search -d "$db" -f trec --rerank 'الحوار الاجتماعي'
expect_status 0 "--rerank"
expect_eq "$(awk '{ print $3 }' "$T/out" | sort | tr '\n' ' ')" "apart together " "the same hits"
EOF

test_case '--features writes a line for each hit, every feature numbered' <<'EOF'
run naqib_search -d "$db" -f trec --qid q7 --features "$T/f.txt" 'الحوار الاجتماعي'
expect_status 0 "--features"
expect_eq "$(wc -l <"$T/f.txt" | tr -d ' ')" 2 "a line a hit"
n=$(naqib_search --list features | wc -l | tr -d ' ')
expect_eq "$(awk -v n="$n" '$1 == 0 && $2 == "qid:q7" && $(n + 2) ~ "^" n ":" && $(n + 3) == "#" { k++ } END { print k }' "$T/f.txt")" 2 "label, qid, $n features, id"
expect_in "$T/f.txt" "# together" "the id after #"
# pairs_adjacent: 1 for the text with the words together.
k=$(naqib_search --list features | awk '$1 == "pairs_adjacent" { print NR }')
expect_eq "$(awk -v k="$k" '$NF == "together" { split($(k + 2), a, ":"); print a[2] }' "$T/f.txt")" 1 "pairs_adjacent of together"
expect_eq "$(awk -v k="$k" '$NF == "apart" { split($(k + 2), a, ":"); print a[2] }' "$T/f.txt")" 0 "pairs_adjacent of apart"
EOF

test_case 'a bad model file is refused, its name and line told' <<'EOF'
printf 'naqib-rerank 1\nfeatures pairs_adjacent colour\n' >"$T/bad.model"
run naqib_search -d "$db" -f trec --rerank="$T/bad.model" 'الحوار'
expect_status 3 "a bad model"
expect_in "$T/err" "$T/bad.model:2: unknown feature 'colour'" "the message"
run naqib_search -d "$db" -f trec --rerank="$T/missing.model" 'الحوار'
expect_status 3 "a missing model"
expect_in "$T/err" "cannot open '$T/missing.model'" "the message"
EOF

test_done
