#!/usr/bin/env bash
# Upload and download throughput of a 10 MB document on a running local stack (./alter8 run), five times each.
# C: the command side (default http://localhost:8080); DATA: the stack's data directory (default .alter8-data).
set -euo pipefail
C=${C:-http://localhost:8080}
DATA=${DATA:-.alter8-data}
OWNER=$(cat /proc/sys/kernel/random/uuid)
TOKEN=$(./alter8 token --role owner --user "$OWNER" --key-file "$DATA/keys/jwt-private.pem")
AUTH="Authorization: Bearer $TOKEN"
FILE=$(mktemp)
# 10 MiB typed image/jpeg by its first bytes (JPEG magic, then random bytes): no text to extract, so the figure is
# the path of the bytes (checksum, type detection, GridFS), not PDF parsing.
{ printf '\xff\xd8\xff\xe0'; head -c $((10 * 1024 * 1024 - 4)) /dev/urandom; } > "$FILE"
PROPERTY=$(curl -s "$C/api/properties" -H "$AUTH" -H 'Content-Type: application/json' -d '{
  "title": "Bench flat", "description": "Flat for the document benchmark", "propertyType": "apartment",
  "specs": {"bedrooms": 2, "bathrooms": 1, "carpetArea": 900, "furnishing": "semi_furnished"},
  "location": {"address": {"line1": "1 Road", "city": "Bangalore", "state": "Karnataka", "postalCode": "560038",
               "country": "IN"}, "areaName": "Indiranagar", "coordinates": {"latitude": 12.97, "longitude": 77.64}},
  "terms": {"monthlyRent": {"amount": "20000", "currency": "INR"}}}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3 4 5; do
  UP=$(curl -s -o "$FILE.out" -w '%{http_code} %{time_total} %{size_upload}' "$C/api/documents" -H "$AUTH" \
       -F entityType=property -F entityId="$PROPERTY" -F documentType=property_papers -F title="Bench $i" \
       -F "file=@$FILE;type=image/jpeg")
  ID=$(sed 's/.*"id":"\([^"]*\)".*/\1/' "$FILE.out")
  DOWN=$(curl -s -o "$FILE.down" -w '%{http_code} %{time_total} %{size_download}' "$C/api/documents/$ID/content" \
         -H "$AUTH")
  cmp -s "$FILE" "$FILE.down" || { echo "download $i differs"; exit 1; }
  echo "$UP $DOWN" | awk -v i="$i" '{printf "run %d: upload %s %.2f MB/s (%.2f s), download %s %.2f MB/s (%.2f s)\n",
      i, $1, $3 / 1048576 / $2, $2, $4, $6 / 1048576 / $5, $5}'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$FILE" "$FILE.out" "$FILE.down"
