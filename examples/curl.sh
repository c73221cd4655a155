#!/usr/bin/env bash
# The Outsourcing Atlas API from the shell: a GET query, a POST query, and a CSV export.
#   bash examples/curl.sh                          # against http://localhost:4000
#   ATLAS_URL=https://atlas.example.org bash examples/curl.sh
set -euo pipefail
url=${ATLAS_URL:-http://localhost:4000}

# A query by GET (cacheable: it carries an ETag and Cache-Control). Apollo's CSRF protection asks a GET to
# carry a header a browser form could not send; any such header will do.
curl -sS --fail-with-body -G "$url/graphql" \
  -H 'apollo-require-preflight: 1' \
  --data-urlencode 'query={ impactTotals { contractCount jobsAffected { low high } } }'

# The same API by POST, with variables.
curl -sS --fail-with-body "$url/graphql" \
  -H 'content-type: application/json' \
  -d '{"query":"query($text: String!) { search(text: $text, first: 3) { field text } }","variables":{"text":"Avarto"}}'

# A roll-up as CSV, one row per union: ranges as _low/_high columns, the sources in the last column.
curl -sS --fail-with-body "$url/export/impact.csv?groupBy=UNION&orderBy=MEMBERS_REPRESENTED&direction=DESC"
