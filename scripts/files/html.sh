#!/bin/sh
# Writes the HTML fixtures of corpus/files/html/ and their SOURCES.tsv from
# texts of corpus/texts/ (line 1 the title, line 3.. the body):
#
#   umt-khouribga.html   a news page as a browser saves it around the text
#                        of ma-umt-phosphate-khouribga: cookie banner, site
#                        header with its menu, breadcrumb, the article (its
#                        header with h1 and <time>), share buttons, a list of
#                        tags (links only), comments, a sidebar of related
#                        articles, the site's footer, scripts and styles;
#                        og:title, og:site_name, article:published_time,
#                        canonical link, author
#   ugtt-gafsa-1256.html a page in Windows-1256 that says so in
#                        <meta charset=windows-1256>
#   gfiw-basra.html      a minimal page: a <title> and paragraphs
#
# The words that only the page's chrome has (and the tests look for, to find
# them absent): الرئيسية المستجدات الأرشيف "اتصل بنا" (menu), الارتباط
# (cookie banner), فيسبوك واتساب (share), وسوم مناجم (tags), التعليقات
# (comments), محفوظة (footer), analyticsQuux (script).  Needs sed and iconv.
set -eu
cd "$(dirname "$0")/../.."
out=corpus/files/html
mkdir -p "$out"
T=corpus/texts

esc() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }
paras() { awk 'NR >= 3 && NF' "$1" | esc | sed 's|^|<p>|; s|$|</p>|'; }

src=$T/ma-umt-phosphate-khouribga.txt
title=$(head -n 1 "$src" | esc)
site='الاتحاد المغربي للشغل'
url='https://www.umt.ma/ar/actualites/2025/10/khouribga-phosphate'
{
	cat <<EOF
<!DOCTYPE html>
<html lang="ar" dir="rtl">
<!-- saved from url=(0056)$url -->
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title | $site</title>
<meta property="og:type" content="article">
<meta property="og:title" content="$title">
<meta property="og:site_name" content="$site">
<meta property="og:url" content="$url">
<meta property="article:published_time" content="2025-10-14T09:30:00+01:00">
<meta name="author" content="قسم الإعلام والتواصل">
<link rel="canonical" href="$url">
<link rel="stylesheet" href="./umt_files/style.css">
<style>.main-menu{display:flex}.share a{color:#1877f2}</style>
<script>window.dataLayer=[];var analyticsQuux={page:"actualites"};</script>
</head>
<body class="rtl single has-sidebar">
<div id="cookie-notice" class="cookie-banner">نستخدم ملفات تعريف الارتباط لتحسين تجربتكم على الموقع. <button type="button">موافق</button></div>
<header class="site-header">
 <a href="https://www.umt.ma/" class="logo"><img src="./umt_files/logo.png" alt="UMT"></a>
 <nav class="main-menu" aria-label="القائمة الرئيسية"><ul>
  <li><a href="https://www.umt.ma/">الرئيسية</a></li>
  <li><a href="https://www.umt.ma/ar/actualites">المستجدات</a></li>
  <li><a href="https://www.umt.ma/ar/archives">الأرشيف</a></li>
  <li><a href="https://www.umt.ma/ar/contact">اتصل بنا</a></li>
 </ul></nav>
 <form class="search" action="/recherche"><input type="search" name="q" placeholder="بحث"><button>بحث</button></form>
</header>
<div class="breadcrumbs"><a href="https://www.umt.ma/">الرئيسية</a> › <a href="https://www.umt.ma/ar/actualites">المستجدات</a> › <span>خريبكة</span></div>
<main id="content">
<article class="post">
<header class="entry-header">
<h1 class="entry-title">$title</h1>
<div class="entry-meta"><time datetime="2025-10-14T09:30:00+01:00">14 أكتوبر 2025</time></div>
</header>
<div class="entry-content">
EOF
	paras "$src"
	cat <<EOF
</div>
<div class="share"><span>شارك:</span> <a href="https://www.facebook.com/sharer.php?u=$url">فيسبوك</a> <a href="https://api.whatsapp.com/send?text=$url">واتساب</a></div>
<div class="post-tags">وسوم: <a href="/tag/phosphate">الفوسفاط</a> <a href="/tag/mines">مناجم</a> <a href="/tag/ocp">OCP</a></div>
</article>
<section id="comments" class="comments-area"><h3>التعليقات</h3><p>لا توجد تعليقات بعد.</p></section>
</main>
<aside class="sidebar"><h3>مقالات ذات صلة</h3><ul>
 <li><a href="/ar/actualites/2025/05/1er-mai">احتفالات فاتح ماي بالدار البيضاء</a></li>
 <li><a href="/ar/actualites/2025/04/smig">اتفاق الزيادة في الأجور</a></li>
</ul></aside>
<footer class="site-footer"><p>© 2025 $site. جميع الحقوق محفوظة.</p>
<p><a href="/ar/mentions">الشروط</a> · <a href="/ar/contact">اتصل بنا</a></p></footer>
<script src="./umt_files/jquery.min.js"></script>
<script>document.querySelector("#cookie-notice button").onclick=function(){analyticsQuux.ok=1};</script>
</body>
</html>
EOF
} >"$out/umt-khouribga.html"

src2=$T/tn-ugtt-gafsa-phosphate.txt
{
	cat <<EOF
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html dir="rtl">
<head>
<meta charset="windows-1256">
<title>$(head -n 1 "$src2" | esc)</title>
</head>
<body>
<table width="100%"><tr><td id="content">
<h1>$(head -n 1 "$src2" | esc)</h1>
EOF
	paras "$src2"
	printf '</td></tr></table>\n</body>\n</html>\n'
} | iconv -f UTF-8 -t WINDOWS-1256 >"$out/ugtt-gafsa-1256.html"

src3=$T/iq-gfiw-basra-oil.txt
{
	printf '<html>\n<head><title>%s</title></head>\n<body>\n' "$(head -n 1 "$src3" | esc)"
	paras "$src3"
	printf '</body>\n</html>\n'
} >"$out/gfiw-basra.html"

printf '%s\t%s\t%s\n' \
	umt-khouribga.html "$src" "scripts/files/html.sh: a saved news page (menu, share, footer, scripts) around the text" \
	ugtt-gafsa-1256.html "$src2" "scripts/files/html.sh: iconv -t WINDOWS-1256, <meta charset=windows-1256>" \
	gfiw-basra.html "$src3" "scripts/files/html.sh: <title> and paragraphs" \
	>"$out/SOURCES.tsv"
ls -l "$out"
