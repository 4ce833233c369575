# Searching by any form of a word: with or without hamza, diacritics,
# tatweel; Eastern digits; Persian letters; ligatures; invisible controls;
# acronyms.  The corpus manifest (corpus/README.md) says which file holds
# which form.
. tests/lib.sh
db=$T/db
index_corpus "$db"

has() { # ids-file id what
	grep -qxF -- "$2" "$1" || fail "$3: $2 not found; got: $(tr '\n' ' ' <"$1")"
}
same_hits() { # what query...: every query finds the same documents
	what=$1
	shift
	ids "$db" "$1" >"$T/first"
	[ -s "$T/first" ] || fail "$what: '$1' finds nothing"
	for q in "$@"; do
		ids "$db" "$q" >"$T/other"
		cmp -s "$T/first" "$T/other" ||
			fail "$what: '$q' and '$1' differ: $(diff "$T/first" "$T/other" | tr '\n' ' ')"
	done
}

# نقابة finds النقابة, للنقابة, والنقابات, النقابيين (each in a file
# without the bare form).
test_case 'نقابة finds النقابة, للنقابة, والنقابات, النقابيين, with tatweel, with ه' <<'EOF'
ids "$db" نقابة >"$T/naqaba"
has "$T/naqaba" corpus/texts/dz-snpsp-sante.txt "النقابة"
has "$T/naqaba" corpus/texts/tn-ugtt-sante-sfax.txt "للنقابة"
has "$T/naqaba" corpus/texts/int-ituc-global-rights-index.txt "والنقابات"
has "$T/naqaba" corpus/texts/ma-elections-commissions-paritaires-2025.txt "النقابيين"
has "$T/naqaba" corpus/texts/ma-cdt-greve-sante.txt "نقابـــة (tatweel)"
has "$T/naqaba" corpus/texts/eg-independent-sit-in.txt "النقابه (colloquial ه)"
EOF

test_case 'every form of نقابة typed finds the same documents' <<'EOF'
same_hits "forms of نقابة" نقابة النقابة للنقابة والنقابات نقابـــة النقابه
EOF

# Hamza, diacritics and tatweel make no difference.
test_case 'الإضراب with or without hamza, diacritics, tatweel: the same documents' <<'EOF'
same_hits "الإضراب" الإضراب الاضراب الإِضْرَابُ الإضـــراب
EOF

test_case 'الاضراب finds the fully vocalized, the tatweel and the hamza-less texts' <<'EOF'
ids "$db" الاضراب >"$T/idrab"
has "$T/idrab" corpus/texts/tn-ugtt-greve-generale.txt "fully vocalized الإِضْرَابُ"
has "$T/idrab" corpus/texts/tn-ugtt-greve-enseignement.txt "الإضـــراب (tatweel)"
has "$T/idrab" corpus/texts/dz-cnapeste-greve-enseignants.txt "الاضراب without hamza"
EOF

test_case 'hamza forms: أجور = اجور, مسؤول = مسئول, الاتحاد = الإتحاد' <<'EOF'
same_hits "أجور" أجور اجور
same_hits "مسؤول" مسؤول مسئول
same_hits "الاتحاد" الاتحاد الإتحاد
EOF

# Digits: Arabic-Indic, Persian and ASCII are the same number.
test_case 'Arabic-Indic, Persian and ASCII digits are the same number' <<'EOF'
same_hits "2025" 2025 ٢٠٢٥ ۲۰۲۵
ids "$db" 2025 >"$T/y"
has "$T/y" corpus/texts/eg-etuf-minimum-wage.txt "٢٠٢٥ in the text"
has "$T/y" corpus/texts/ma-odt-securite-nettoyage.txt "۲۰۲۵ in the text"
has "$T/y" corpus/texts/ma-umt-smig-2025.txt "2025 in the text"
EOF

# Persian keyboard letters, the ﻻ ligature, ZWNJ inside a word, RLM after
# an acronym.
test_case 'Persian letters, the ﻻ ligature, ZWNJ inside a word, RLM after an acronym' <<'EOF'
expect_eq "$(ids "$db" الشغيلة | grep -c odt)" "1" "الشغیلة typed with Arabic ي"
expect_eq "$(ids "$db" المكتب | grep -c odt)" "1" "المکتب typed with Arabic ك"
expect_eq "$(ids "$db" '"لا تراجع"')" "corpus/texts/dz-cnapeste-greve-enseignants.txt" "ﻻ ligature in a phrase"
expect_eq "$(ids "$db" الاحتقان | grep -c fdt)" "1" "ZWNJ inside a word"
expect_eq "$(ids "$db" FDT | grep -c fdt-transport)" "1" "RLM after FDT"
EOF

# Latin acronyms, any case; dotted Arabic acronyms as one word.
test_case 'Latin acronyms in any case; a dotted Arabic acronym as one word' <<'EOF'
same_hits "UMT" UMT umt Umt
expect_eq "$(ids "$db" 'ك.د.ش' | wc -l)" "$(ids "$db" كدش | wc -l)" "ك.د.ش = كدش"
[ "$(ids "$db" 'ك.د.ش' | wc -l)" -ge 1 ] || fail "ك.د.ش finds nothing"
EOF

# French words inside Arabic texts, with or without accents.
test_case 'French words in Arabic texts, with or without accents' <<'EOF'
same_hits "grève" grève greve GREVE grèves
EOF

# Spellings of one word that normalization keeps apart (الفوسفاط in
# Morocco, الفسفاط in Tunisia): the thesaurus's spelling groups join them,
# whatever the query's spelling.
for w in الفوسفاط الفسفاط فوسفات; do
	test_case "the thesaurus joins the spellings of phosphate: $w" <<'EOF'
expect_eq "$(ids "$db" $w | sort | tr '\n' ' ')" \
	"corpus/texts/ma-umt-phosphate-khouribga.txt corpus/texts/tn-ugtt-gafsa-phosphate.txt " "$w"
EOF
done

# Every analyser setting finds the variants (index/query agreement end to
# end).
for s in snowball light none; do
	test_case "--stemmer $s: الإضراب and الإِضْرَابُ find the same documents" <<'EOF'
index_corpus "$T/db-$s" --stemmer "$s"
a=$(ids "$T/db-$s" الإضراب | wc -l)
b=$(ids "$T/db-$s" الإِضْرَابُ | wc -l)
[ "$a" -ge 3 ] && [ "$a" = "$b" ] || fail "stemmer $s: الإضراب $a hits, الإِضْرَابُ $b"
EOF
done
# The stemmers differ in what they merge: none keeps النقابة and نقابة apart.
# (The databases are those of the cases above.)
test_case '--stemmer none finds fewer documents for نقابة than light' <<'EOF'
[ "$(ids "$T/db-none" نقابة | wc -l)" -lt "$(ids "$T/db-light" نقابة | wc -l)" ] ||
	fail "stemmer none should find fewer documents for نقابة than light"
EOF

test_done
