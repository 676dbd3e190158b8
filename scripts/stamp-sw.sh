#!/bin/sh
# Trunk post-build hook: writes the list of built files and a content hash into sw.js,
# so each build has its own cache and every file the page needs is precached.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
cd "$dir"
# The gazetteer (3.9 MB, 1.8 MB gzipped) is only needed to analyse a pasted article: cached on first use,
# not precached, so a first visit does not download it.
assets=$(find . -type f ! -name sw.js ! -name '*.map' ! -name gazetteer.tsv | sed 's|^\./||' | sort)
version=$(cat $assets | sha256sum | cut -c1-16)
list=$(printf '%s\n' $assets | awk 'BEGIN{printf "["} {printf "%s\"%s\"", (NR>1?",":""), $0} END{printf "]"}')
sed -i "s|__VERSION__|$version|; s|__ASSETS__|$list|" sw.js
